"""Remembered findings, so that checking an unchanged repository again costs a read and a hash.

An entry is keyed by a hash of the file's path and bytes; the whole cache by a fingerprint of
everything else a finding depends on: zzgzn's version, the versions of the libraries that read
and validate, and the bytes of every plan file. A changed plan, an upgrade or an edited file
therefore never meets a stale answer. The one finding that depends on the day (a submission
dated in the future) is re-decided from the stored date.

The cache lives in <root>/.zzgzn_cache/ (with a .gitignore of its own, so it is never
committed) as JSON: it is data, never code, whoever wrote it.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from zzgzn import __version__
from zzgzn.files import write_atomic
from zzgzn.loader import MAX_BYTES
from zzgzn.problems import Problem, Severity

CACHE_DIR = ".zzgzn_cache"
_FILE = "validate.json"
_FORMAT = 2  # 2: entries keep every date compared with today
_RACY_NS = 2_000_000_000  # file systems keep coarse times: distrust the last 2 s
_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "ruamel.yaml")


def digest(display: str, raw: bytes) -> str:
    return hashlib.blake2b(display.encode() + b"\0" + raw, digest_size=16).hexdigest()


def fingerprint(plan_files: list[Path]) -> str:
    """What every finding depends on besides the file itself."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{_FORMAT}\0{__version__}\0".encode())
    for name in _LIBRARIES:
        try:
            h.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=?\0".encode())
    for path in sorted(plan_files):
        h.update(path.as_posix().encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"\0missing")
    return h.hexdigest()


@dataclass
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
    raw_entries: dict[str, Any] = field(default_factory=dict)
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

    @classmethod
    def open(cls, root: Path, plan_files: list[Path], *, enabled: bool = True) -> Cache:
        stamp = fingerprint(plan_files)
        folder = root / CACHE_DIR
        cache = cls(folder / _FILE if enabled else None, stamp)
        if cache.path is None or not cache.path.is_file():
            return cache
        try:
            stored = json.loads(cache.path.read_bytes())
            if stored.get("fingerprint") == stamp:
                cache.raw_entries = stored["entries"]  # made Entry objects when asked for
                problems, usable = stored["plan"]
                cache.plan = cache.stored_plan = (_problems(problems), bool(usable))
                cache.stats = stored["stats"]
                cache.trusted_before = int(stored["written_ns"]) - _RACY_NS
                if not (isinstance(cache.raw_entries, dict) and isinstance(cache.stats, dict)):
                    raise TypeError("damaged cache")
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            cache.raw_entries, cache.plan, cache.stats = {}, None, {}  # unreadable: afresh
        return cache

    def digest_of(self, path: Path, display: str) -> str | None:
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
                key = digest(display, path.read_bytes())
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
            except (TypeError, ValueError, KeyError, AttributeError):
                return None  # a damaged entry is a miss: the file is checked again
        if not entry.holds_on(today):
            return None  # the day has moved past a date in the file (or back, with --today)
        self.used.add(key)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        self.entries[key] = entry
        self.used.add(key)
        self.changed = True

    def save(self) -> None:
        """Write the entries used this run (files since deleted are forgotten)."""
        if self.path is None or self.plan is None:
            return
        unchanged = not self.changed and self.stored_plan is self.plan
        if unchanged and len(self.used) == len(self.raw_entries) and self.seen_stats == self.stats:
            return
        try:
            self.path.parent.mkdir(exist_ok=True)
            ignore = self.path.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# zzgzn's cache: never committed\n*\n", encoding="utf-8")
            body = {
                "fingerprint": self.fingerprint,
                "plan": [_plain_problems(self.plan[0]), self.plan[1]],
                "written_ns": time.time_ns(),
                "stats": self.seen_stats,
                "entries": {k: _plain(self.entries[k]) for k in sorted(self.used)},
            }
            write_atomic(self.path, json.dumps(body, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a read-only checkout still validates; it only cannot remember


def _plain_problems(problems: list[Problem]) -> list[Any]:
    return [
        [p.path, p.line, p.column, p.code, p.severity.value, [list(kv) for kv in p.params]]
        for p in problems
    ]


def _problems(value: list[Any]) -> list[Problem]:
    return [
        Problem(path, line, column, code, Severity(severity), tuple((k, v) for k, v in params))
        for path, line, column, code, severity, params in value
    ]


def _plain(entry: Entry) -> list[Any]:
    problems = _plain_problems(entry.problems)
    key = list(entry.key) if entry.key else None
    return [problems, key, entry.submitted_on, entry.checked_on, entry.dated]


def _entry(value: list[Any]) -> Entry:
    problems, key, submitted_on, checked_on, dated = value
    if not (submitted_on is None or isinstance(submitted_on, str)):
        raise TypeError("submitted_on")
    if not isinstance(checked_on, str) or not {type(d) for d in dated} <= {str}:
        raise TypeError("dates")
    key = (key[0], key[1]) if key else None
    return Entry(_problems(problems), key, submitted_on, checked_on, list(dated))
