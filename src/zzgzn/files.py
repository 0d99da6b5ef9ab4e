"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from zzgzn.errors import ZzgznError


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write to a temporary file beside path, then rename it over path in one step.

    data may come in pieces (written as they come); if making them fails, nothing is left.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in [data] if isinstance(data, bytes) else data:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        code = "write-denied" if isinstance(exc, PermissionError) else "write-failed"
        raise ZzgznError(code, path=path, reason=exc.strerror or exc) from None
    except BaseException:
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


FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def deterministic_zip(
    data: bytes, replace: dict[str, Callable[[IO[bytes]], None]] | None = None
) -> bytes:
    """Rewrite an Office file's zip with fixed entry dates: writers stamp the current time.

    replace: entries whose content a function writes instead (streamed, never all in memory).
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            if replace and info.filename in replace:
                with dst.open(fixed, "w") as stream:
                    replace[info.filename](stream)
            else:
                dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
