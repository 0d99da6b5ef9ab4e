"""A folder replaced whole: built beside the target, then swapped in by renames.

A build that fails (a template error, a full disk, Ctrl-C) removes its half-built folder and
leaves the previous one untouched. POSIX has no rename that exchanges two folders, so between
the two renames the target is briefly absent; it is never half-written.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from zzgzn.errors import UsageError, ZzgznError

# Written into every built folder: only a folder that has it (or an empty one) is replaced,
# so `-o .` or `-o plan` can never delete what the user keeps there.
MARKER = ".zzgzn-site"


def check_replaceable(target: Path) -> None:
    """Refuse a target that exists and was not made by replace_folder (nor is empty)."""
    if target.exists() and not _replaceable(target):
        raise UsageError("site-not-ours", path=target)


def replace_folder(target: Path, build: Callable[[Path], None]) -> None:
    """build(folder) fills a fresh folder beside target, which then takes target's place."""
    check_replaceable(target)
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp"))
    except OSError as exc:
        raise ZzgznError("write-failed", path=parent, reason=exc.strerror or exc) from None
    old: Path | None = None
    try:
        temp.chmod(0o755)  # mkdtemp's 0700 would hide the site from a web server's user
        build(temp)
        (temp / MARKER).write_text("zzgzn site\n", "utf-8")
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".old"))
            os.replace(target, old / target.name)
        os.replace(temp, target)
    except OSError as exc:
        _undo(temp, old, target)
        raise ZzgznError("write-failed", path=target, reason=exc.strerror or exc) from None
    except BaseException:
        _undo(temp, old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _replaceable(target: Path) -> bool:
    if not target.is_dir():
        return False
    return (target / MARKER).is_file() or not any(target.iterdir())


def _undo(temp: Path, old: Path | None, target: Path) -> None:
    """Put the previous folder back if it was moved aside, and drop the half-built one."""
    if old is not None and (old / target.name).exists() and not target.exists():
        with contextlib.suppress(OSError):
            os.replace(old / target.name, target)
    shutil.rmtree(temp, ignore_errors=True)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
