"""A folder replaced whole: built beside the target, then swapped in by renames.

A build that fails (a template error, a full disk, Ctrl-C) removes its half-built folder and
leaves the previous one untouched. POSIX has no rename that exchanges two folders, so between
the two renames the target is briefly absent; it is never half-written.

A file whose bytes are those of the previous folder's file of the same name is linked to it
rather than written again (write_file): a national site is 3,000 pages, most of them the same
from one build to the next, and writing them and then deleting the old copies was a third of
the build on a busy disk. Only the bytes decide, compared in full, so the result is the same
as writing every file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
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


def previous_of(target: Path) -> Path | None:
    """The folder a build may take unchanged files from: target, if replace_folder made it."""
    return target if (target / MARKER).is_file() else None


def write_file(folder: Path, previous: Path | None, name: str, text: str) -> bool:
    """text as folder/name, UTF-8 with the platform's line ends (as Path.write_text writes);
    linked to previous/name when that file has the same bytes. True when linked."""
    data = (text if os.linesep == "\n" else text.replace("\n", os.linesep)).encode("utf-8")
    path = folder / name
    if previous is not None and _same(previous / name, data):
        try:
            os.link(previous / name, path)
            return True
        except OSError:  # no hard links here (a FAT stick), or not ours to link: write it
            pass
    path.write_bytes(data)
    return False


def _same(old: Path, data: bytes) -> bool:
    """old is a plain file of exactly these bytes, linked nowhere else (a file with another
    name elsewhere could change under the new site)."""
    try:
        info = old.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1 or info.st_size != len(data):
            return False
        return old.read_bytes() == data
    except OSError:
        return False


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
