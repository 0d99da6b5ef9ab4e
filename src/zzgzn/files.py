"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from zzgzn.errors import ZzgznError


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write to a temporary file beside path, then rename it over path in one step.

    data may come in pieces (written as they come); if making them fails, nothing is left.
    The temporary file's name carries this process's id, so that a later run can tell the
    leftovers of a killed run (clean_leftovers) from another run's file in the making.
    """
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(path)
        fd, temp = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX
        )
        with os.fdopen(fd, "wb") as handle:
            for piece in [data] if isinstance(data, bytes) else data:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as exc:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise ZzgznError(_write_code(path, exc), path=path, reason=exc.strerror or exc) from None
    except BaseException:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise


def _mode_for(path: Path) -> int:
    """An existing file keeps its mode (mkstemp would make it 600); a new one gets what the
    umask gives any new file (644 under the usual 022)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)  # reading the umask means setting it: put it straight back
        os.umask(mask)
        return 0o666 & ~mask


def _write_code(path: Path, exc: OSError) -> str:
    """Which write error this is: the catalogue's wording for each says what to do."""
    blocker = next((p for p in path.parents if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        return "write-under-a-file"  # -o into a file's path
    if path.is_dir():
        return "write-a-folder"
    return "write-denied" if isinstance(exc, PermissionError) else "write-failed"


TEMP_SUFFIX = ".tmp"
_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?P<pid>[0-9]+)\.[^.]+\.tmp$")
_ORPHAN_AGE_S = 3600  # where a process cannot be asked after (Windows), an hour-old one is dead


def clean_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files a killed write_atomic left in folder (SIGKILL, power loss):
    those of a process that no longer runs. Returns what was removed; never fails."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _LEFTOVER.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        if _running(int(match["pid"]), entry):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def _running(pid: int, entry: os.DirEntry[str]) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # os.kill(pid, 0) would terminate the process on Windows
        try:
            return time.time() - entry.stat().st_mtime < _ORPHAN_AGE_S
        except OSError:
            return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, as another user's process
        return True
    return True


FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def deterministic_zip(
    data: bytes, replace: dict[str, Callable[[IO[bytes]], None]] | None = None
) -> bytes:
    """Rewrite an Office file's zip with fixed entry dates: writers stamp the current time.

    replace: entries whose content a function writes instead (streamed, never all in memory).
    """
    out = FixedZip()
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        for info in src.infolist():
            if replace and info.filename in replace:
                with out.open(info.filename) as stream:
                    replace[info.filename](stream)
            else:
                out.write(info.filename, src.read(info.filename))
    return out.close()


class FixedZip:
    """A zip written entry by entry with fixed dates and modes: deterministic_zip's bytes for
    the same entries, however each entry's content is cut into writes."""

    def __init__(self) -> None:
        self._out = io.BytesIO()
        self._zip = zipfile.ZipFile(self._out, "w", zipfile.ZIP_DEFLATED)

    @staticmethod
    def _info(name: str) -> zipfile.ZipInfo:
        fixed = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
        fixed.compress_type = zipfile.ZIP_DEFLATED
        fixed.external_attr = 0o600 << 16
        return fixed

    def write(self, name: str, data: bytes) -> None:
        self._zip.writestr(self._info(name), data)

    def open(self, name: str) -> IO[bytes]:
        """The entry's content, compressed as it is written; closed before the next entry."""
        return self._zip.open(self._info(name), "w")

    def close(self) -> bytes:
        self._zip.close()
        return self._out.getvalue()
