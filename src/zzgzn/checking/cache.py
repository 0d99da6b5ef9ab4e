"""Remembered findings, so that checking an unchanged repository again costs a read and a hash.

An entry is keyed by a hash of the file's path and bytes; the whole cache by a fingerprint of
everything else a finding depends on: zzgzn's version, the versions of the libraries that read
and validate, and the bytes of every plan file. A changed plan, an upgrade or an edited file
therefore never meets a stale answer. The one finding that depends on the day (a submission
dated in the future) is re-decided from the stored date.

The cache lives in <root>/.zzgzn_cache/ (with a .gitignore of its own, so it is never
committed) as JSON: it is data, never code, whoever wrote it. Besides the findings it keeps, per
folder, what reports need of earlier quarters' files (traces/) and the validated data that
reports and the site read (data/, datacache.py).

It can never change a verdict (issue 17: a pull request once carried a forged cache that
said a broken file was clean):
- every cache file carries a keyed BLAKE2b MAC made with a key that lives outside the
  repository, in the user's cache folder (platformdirs); a file anyone else made, a pull
  request's included, fails the check and is a miss. Everything else in it (the fingerprint,
  the digests) is public, so it could be forged; the key cannot.
- on CI ($CI or $GITHUB_ACTIONS set), the cache is neither read nor written: the gate decides
  from the files alone, every time.
- a damaged file or entry (bad dates, wrong shapes, nesting too deep for json) is a miss, and a
  cache that cannot be written (read-only checkout, no key) only makes the run slower.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import re
import secrets
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zzgzn import __version__
from zzgzn.checking import datacache
from zzgzn.diagnostics.problems import Problem, Severity
from zzgzn.errors import ZzgznError
from zzgzn.files import clean_leftovers, write_atomic
from zzgzn.reading.loader import MAX_BYTES

if TYPE_CHECKING:
    from zzgzn.checking.traces import Trace
    from zzgzn.models.filing import Filing
    from zzgzn.models.submission import Submission

CACHE_DIR = ".zzgzn_cache"
_FILE = "validate.json"
_TRACES = "traces"
_DATA = "data"
_FORMAT = 4  # 2: entries keep every date compared with today; 3: params name catalogue
# phrases; 4: findings name the period (this=本月 …) where they said 本季度
_RACY_NS = 2_000_000_000  # file systems keep coarse times: distrust the last 2 s
# chinesecalendar: validate asks it whether a late date's year can be counted
_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "ruamel.yaml", "chinesecalendar")


def digest(display: str, raw: bytes) -> str:
    return hashlib.blake2b(display.encode() + b"\0" + raw, digest_size=16).hexdigest()


def fingerprint(root: Path, plan_files: list[Path]) -> str:
    """What every finding depends on besides the file itself; plan files by their place in
    the repository, so that `--root valid` and `--root /abs/valid` share one cache."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{_FORMAT}\0{__version__}\0".encode())
    for name in _LIBRARIES:
        try:
            h.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=?\0".encode())
    for path in sorted(plan_files):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"\0missing")
    return h.hexdigest()


@dataclass(slots=True)
class Entry:
    """A file's findings and what validation needs of it, without its data."""

    problems: list[Problem]
    key: tuple[str, str] | None
    submitted_on: str | None
    checked_on: str  # the day ("today") the findings were made for
    dated: list[str]  # every date in the file compared with today ("dated in the future")

    def holds_on(self, today: str) -> bool:
        """The findings still hold on another day: no date of the file lies between the two."""
        if today == self.checked_on:  # the usual case: checked earlier the same day
            return True
        return all((day > today) == (day > self.checked_on) for day in self.dated)


@dataclass
class Cache:
    path: Path | None
    fingerprint: str
    entries: dict[str, Entry] = field(default_factory=dict)
    raw_entries: dict[str, Any] = field(default_factory=dict)  # those not made (get) yet
    stored: int = 0  # entries the file held
    used: set[str] = field(default_factory=set)
    changed: bool = False
    # the plan's own findings, and whether a plan could be built at all
    plan: tuple[list[Problem], bool] | None = None
    stored_plan: tuple[list[Problem], bool] | None = None
    # display path -> [mtime_ns, ctime_ns, size, inode, digest]: an unchanged file is not
    # read again to learn its digest (as git's index does)
    stats: dict[str, list[Any]] = field(default_factory=dict)
    seen_stats: dict[str, list[Any]] = field(default_factory=dict)
    trusted_before: int = 0  # stat times from this moment on may hide a same-tick change
    # a run over some folders or files only: what it did not look at is kept, not forgotten
    partial: bool = False
    # folder -> digest -> trace (traces.py), what reports keep of earlier quarters' files:
    # one file per folder, read only by the runs that ask for it
    traces: dict[str, dict[str, Any]] = field(default_factory=dict)
    traces_changed: set[str] = field(default_factory=set)
    traces_used: dict[str, set[str]] = field(default_factory=dict)  # what to write back
    # folder -> digest -> (kind, model JSON) (datacache.py), what reports and the site need
    # of a file: one file per folder, read only by the runs that keep data
    data: dict[str, datacache.Stored] = field(default_factory=dict)
    data_changed: set[str] = field(default_factory=set)
    data_used: dict[str, set[str]] = field(default_factory=dict)
    key: bytes | None = field(default=None, repr=False)  # the MAC key (cache_key)

    @classmethod
    def open(cls, root: Path, plan_files: list[Path], *, enabled: bool = True) -> Cache:
        stamp = fingerprint(root, plan_files)
        folder = root / CACHE_DIR
        key = cache_key() if enabled and not in_ci() else None
        cache = cls(folder / _FILE if key is not None else None, stamp, key=key)
        if cache.path is None or not cache.path.is_file():
            return cache
        try:
            stored = _verified(cache.path.read_bytes(), key)
            if stored is not None and stored.get("fingerprint") == stamp:
                entries, plan, stats = stored["entries"], stored["plan"], stored["stats"]
                if not (isinstance(entries, dict) and isinstance(stats, dict)):
                    raise TypeError("damaged cache")
                problems, usable = plan
                cache.plan = cache.stored_plan = (_problems(problems), bool(usable))
                cache.raw_entries, cache.stats = entries, stats  # entries made when asked for
                cache.stored = len(entries)
                cache.trusted_before = _int(stored["written_ns"]) - _RACY_NS
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            cache.raw_entries, cache.plan, cache.stats = {}, None, {}  # unreadable: afresh
            cache.stored_plan = None
        return cache

    def digest_of(self, path: str, display: str) -> str | None:
        """The file's digest, from its stat if it is unchanged since it was hashed; None if
        it cannot be read (checking it will say why)."""
        try:
            st = os.stat(path)
        except OSError:
            return None
        signature = [st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino]
        known = self.stats.get(display)
        if (
            isinstance(known, list)
            and len(known) == 5
            and isinstance(known[4], str)
            and known[:4] == signature
            and max(st.st_mtime_ns, st.st_ctime_ns) < self.trusted_before
        ):
            key: str = known[4]
        else:
            if st.st_size > MAX_BYTES:
                return None
            try:
                with open(path, "rb") as stream:
                    key = digest(display, stream.read())
            except OSError:
                return None
        self.seen_stats[display] = [*signature, key]
        return key

    def get(self, key: str, today: str) -> Entry | None:
        """The entry for a digest; today is an ISO date (ISO dates compare as text)."""
        entry = self.entries.get(key)
        if entry is None:
            raw = self.raw_entries.get(key)
            if raw is None:
                return None
            try:
                entry = self.entries[key] = _entry(raw)
            except (TypeError, ValueError, KeyError, AttributeError, IndexError):
                return None  # a damaged entry is a miss: the file is checked again
            # made: its JSON goes now, not after the run's data is loaded (save writes the entry)
            del self.raw_entries[key]
        if not entry.holds_on(today):
            return None  # the day has moved past a date in the file (or back, with --today)
        self.used.add(key)
        return entry

    def trace(self, folder: str, key: str) -> Trace | None:
        """The trace of the file with this digest in folder, if one was kept."""
        from zzgzn.checking.traces import Trace

        found = self._traces(folder)
        raw = found.get(key)
        self.traces_used.setdefault(folder, set()).add(key)
        if raw is None or isinstance(raw, Trace):
            return raw
        try:
            made = found[key] = _trace(raw)  # in place of its JSON: the file's lists go now
        except (TypeError, ValueError, KeyError, AttributeError, IndexError):
            return None  # damaged: the file is checked again
        return made

    def put_trace(self, folder: str, key: str, trace: Trace) -> None:
        self._traces(folder)[key] = trace
        self.traces_used.setdefault(folder, set()).add(key)
        self.traces_changed.add(folder)

    def model(self, folder: str, key: str) -> Submission | Filing | None:
        """The validated data of the file with this digest in folder, if it was kept."""
        found = self._data(folder).get(key)
        self.data_used.setdefault(folder, set()).add(key)
        return datacache.loaded(*found) if found is not None else None

    def put_model(
        self,
        folder: str,
        key: str,
        model: Submission | Filing,
        dumped: tuple[str, bytes] | None = None,
    ) -> None:
        """dumped: the model as datacache.dumped made it already (by a worker process)."""
        self._data(folder).put(key, dumped or datacache.dumped(model))
        self.data_used.setdefault(folder, set()).add(key)
        self.data_changed.add(folder)

    def _data(self, folder: str) -> datacache.Stored:
        found = self.data.get(folder)
        if found is None:
            found = self.data[folder] = datacache.Stored()
            if self.path is not None and self.key is not None:
                try:
                    source = (self.path.parent / _DATA / f"{folder}.jsonl").open("rb")
                except OSError:
                    return found  # none yet, or unreadable: made afresh
                try:
                    found = datacache.unpack(source, self.fingerprint, self.key)
                except (OSError, ValueError):
                    source.close()  # unreadable: made afresh
                self.data[folder] = found
        return found

    def _traces(self, folder: str) -> dict[str, Any]:
        found = self.traces.get(folder)
        if found is None:
            found = self.traces[folder] = {}
            if self.path is not None:
                try:
                    raw = (self.path.parent / _TRACES / f"{folder}.json").read_bytes()
                    stored = _verified(raw, self.key)
                    if stored is not None and stored.get("fingerprint") == self.fingerprint:
                        traces = stored["traces"]
                        if not isinstance(traces, dict):
                            raise TypeError("damaged traces")
                        found.update(traces)
                except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
                    pass  # none yet, or unreadable: made afresh
        return found

    def put(self, key: str, entry: Entry) -> None:
        self.entries[key] = entry
        self.used.add(key)
        self.changed = True

    def save(self) -> None:
        """Write the entries used this run; a run over the whole repository forgets files since
        deleted, a partial one keeps what it did not look at."""
        if self.path is None or self.plan is None:
            return
        try:
            self._folder()
            self._save_traces()
            self._save_data()
            unchanged = not self.changed and self.stored_plan is self.plan
            covered = self.partial or len(self.used) == self.stored
            stats = {**self.stats, **self.seen_stats} if self.partial else self.seen_stats
            if unchanged and covered and stats == self.stats:
                return
            made = self.entries if self.partial else {k: self.entries[k] for k in self.used}
            entries = {k: _plain(entry) for k, entry in made.items()}
            if self.partial:
                entries = {**self.raw_entries, **entries}
            body = {
                "fingerprint": self.fingerprint,
                "plan": [_plain_problems(self.plan[0]), self.plan[1]],
                "written_ns": time.time_ns(),
                "stats": stats,
                "entries": dict(sorted(entries.items())),
            }
            write_atomic(self.path, _signed(body, self.key))
        except (OSError, ValueError, ZzgznError):
            pass  # a read-only checkout still validates; it only cannot remember

    def close(self) -> None:
        """The data files read are closed (after save: it reads what it keeps of them)."""
        for stored in self.data.values():
            stored.close()

    def _folder(self) -> Path:
        assert self.path is not None
        return lock_folder(self.path.parent.parent)

    def _save_traces(self) -> None:
        for name in sorted(self.traces_changed):
            folder = self._folder() / _TRACES
            folder.mkdir(exist_ok=True)
            # a folder's files are all seen when it is traced: the traces of bytes no file
            # holds any more (edited, deleted) are forgotten
            used = self.traces_used.get(name, set())
            kept = {k: _plain_trace(v) for k, v in self.traces[name].items() if k in used}
            body = {"fingerprint": self.fingerprint, "traces": kept}
            write_atomic(folder / f"{name}.json", _signed(body, self.key))
        self.traces_changed.clear()

    def _save_data(self) -> None:
        assert self.key is not None  # a cache with a path has a key
        for name in sorted(self.data_changed):
            folder = self._folder() / _DATA
            folder.mkdir(exist_ok=True)
            # a whole run forgets the data of bytes no file holds any more (edited, deleted);
            # a run over some folders keeps what it did not look at
            stored = self.data[name]
            keys = stored.digests()
            if not self.partial:
                keys &= self.data_used.get(name, set())
            kept = {k: entry for k in keys if (entry := stored.get(k)) is not None}
            stored.close()  # read: Windows replaces no file that is open
            write_atomic(folder / f"{name}.jsonl", datacache.pack(self.fingerprint, kept, self.key))
        self.data_changed.clear()


def _plain_problems(problems: list[Problem]) -> list[Any]:
    return [
        [p.path, p.line, p.column, p.code, p.severity.value, [list(kv) for kv in p.params]]
        for p in problems
    ]


def _problems(value: list[Any]) -> list[Problem]:
    if not isinstance(value, list):
        raise TypeError("problems")
    found = []
    for path, line, column, code, severity, params in value:
        if not (isinstance(path, str) and isinstance(code, str) and isinstance(params, list)):
            raise TypeError("problem")
        pairs = tuple((_str(k), _str(v)) for k, v in params)
        found.append(Problem(path, _int(line), _int(column), code, Severity(severity), pairs))
    return found


def _plain(entry: Entry) -> list[Any]:
    problems = _plain_problems(entry.problems)
    key = list(entry.key) if entry.key else None
    return [problems, key, entry.submitted_on, entry.checked_on, entry.dated]


def _entry(value: list[Any]) -> Entry:
    problems, key, submitted_on, checked_on, dated = value
    if not (submitted_on is None or _is_iso_date(submitted_on)):
        raise TypeError("submitted_on")
    if not (_is_iso_date(checked_on) and isinstance(dated, list)):
        raise TypeError("dates")
    if not all(_is_iso_date(d) for d in dated):
        raise TypeError("dates")
    if key is not None:
        first, second = key  # exactly two (quarter, unit)
        key = (_str(first), _str(second))
    return Entry(
        _problems(problems) if problems else [], key, submitted_on, checked_on, list(dated)
    )


def _plain_trace(trace: Trace | list[Any]) -> list[Any]:
    """A trace as stored (one read from the file and never asked for is as it was read)."""
    if isinstance(trace, list):
        return trace
    tasks = [
        [t.task, t.status.value, list(t.problems), list(t.next_steps), t.cases] for t in trace.tasks
    ]
    return [trace.unit, trace.quarter, trace.submitted_on.isoformat(), tasks]


def _trace(value: list[Any]) -> Trace:
    from zzgzn.checking.traces import TaskTrace, Trace
    from zzgzn.models.submission import Status

    unit, quarter, submitted_on, tasks = value
    if not (_is_iso_date(submitted_on) and isinstance(tasks, list)):
        raise TypeError("trace")
    return Trace(
        _str(unit),
        _text(quarter),
        dt.date.fromisoformat(submitted_on),
        tuple(
            TaskTrace(
                _text(task),
                Status(status),
                tuple(map(_text, _list(problems))),
                tuple(map(_text, _list(steps))),
                _int(cases),
            )
            for task, status, problems, steps, cases in tasks
        ),
    )


_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _is_iso_date(value: object) -> bool:
    """An ISO date that exists (entries compare dates as text; traces parse them)."""
    if type(value) is not str or not _ISO_DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _str(value: object) -> str:
    if type(value) is not str:
        raise TypeError("text expected")
    return value


def _text(value: object) -> str:
    """Text units repeat (problems, next steps, task ids): one object for equal texts, as
    the models have (models/fields.py); a national quarter's traces hold ~4 MB less."""
    return sys.intern(_str(value))


def _int(value: object) -> int:
    if type(value) is not int:
        raise TypeError("whole number expected")
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("list expected")
    return value


# --- binding the files to a key outside the repository ----------------------------------

_KEY_FILE = "cache.key"
_KEY_BYTES = 32
_MAC_PREFIX = b'{"mac": "'
_MAC_LEN = 64  # hex digits of a 32-byte BLAKE2b


def in_ci() -> bool:
    """On CI (GitHub Actions sets both variables) the cache is never used."""
    return any(
        os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")
        for name in ("CI", "GITHUB_ACTIONS")
    )


def key_path() -> Path:
    """Where the MAC key lives: the user's cache folder, never inside a repository."""
    from platformdirs import user_cache_path

    return user_cache_path("zzgzn", appauthor=False) / _KEY_FILE


def cache_key() -> bytes | None:
    """This user's key, made on first use; None when it cannot be had (then no cache)."""
    path = key_path()
    try:
        key = path.read_bytes()
        if len(key) == _KEY_BYTES:
            return key
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = secrets.token_bytes(_KEY_BYTES)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(new)
        return new
    except FileExistsError:  # another run made it meanwhile, or a damaged key: use or replace
        with contextlib.suppress(OSError):
            key = path.read_bytes()
            if len(key) == _KEY_BYTES:
                return key
            path.unlink()
        return None
    except OSError:
        return None


def _mac(key: bytes, body: bytes) -> bytes:
    return hashlib.blake2b(body, key=key, digest_size=_MAC_LEN // 2).hexdigest().encode()


def _signed(body: dict[str, Any], key: bytes | None) -> bytes:
    """The body as JSON with its MAC as the first member: {"mac": "…", …the body…}."""
    if key is None:
        raise ValueError("no cache key")
    text = json.dumps(body, ensure_ascii=False).encode("utf-8")
    if not text.startswith(b"{") or text == b"{}":
        raise ValueError("cache body")
    return _MAC_PREFIX + _mac(key, text) + b'", ' + text[1:]


def _verified(raw: bytes, key: bytes | None) -> dict[str, Any] | None:
    """The body of a file _signed made with this key; None for any other file."""
    start = len(_MAC_PREFIX)
    end = start + _MAC_LEN
    if key is None or not raw.startswith(_MAC_PREFIX) or raw[end : end + 3] != b'", ':
        return None
    body = b"{" + raw[end + 3 :]
    if not hmac.compare_digest(raw[start:end], _mac(key, body)):
        return None
    stored = json.loads(body)
    return stored if isinstance(stored, dict) else None


def lock_folder(root: Path) -> Path:
    """<root>/.zzgzn_cache, made with its .gitignore: for the cache and for zzgzn's locks."""
    folder = root / CACHE_DIR
    folder.mkdir(exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# zzgzn's cache: never committed\n*\n", encoding="utf-8")
    clean_leftovers(folder)
    return folder
