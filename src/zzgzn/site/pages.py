"""The previous build's pages, remembered: a page whose bytes did not change is linked, not
written again.

A national site is 3,000 pages (~190 MB), most of them the same from one build to the next;
writing them all, then deleting the old copies, cost more than rendering them on a busy disk.
Comparing each page with the old file meant reading the old site (46 s once its pages had
left the page cache), so the build remembers instead what it wrote: for each page, the
SHA-256 of its bytes and the file's signature (inode, size, modification and change times)
as it stood after the build, in <root>/.zzgzn_cache/site.json. The next build renders every
page as before; a page whose digest is the one remembered, and whose file in the old site
still has the remembered signature, is hard-linked from it into the new folder.

Why a signature is enough: any change to the file — its bytes, its times set back, a new file
put in its place, another name linked to it — moves its change time (ctime), which no
program can set; a page whose ctime is not older than the manifest itself could still change
within the same clock tick unseen, so it is written again (as git treats a "racy" entry).

The manifest is the cache's (cache.py): JSON, signed with the user's key (a manifest from a
pull request, or any other hand, fails the check and nothing is linked), neither read nor
written on CI or with --no-cache. A damaged or missing one only means every page is written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zzgzn.checking.cache import CACHE_DIR, _signed, _verified, cache_key, in_ci, lock_folder
from zzgzn.errors import ZzgznError
from zzgzn.files import write_atomic
from zzgzn.site.folder import MARKER

_FILE = "site.json"
_FORMAT = 1
_TICKS = 25  # at most 50 ms waited for the file system's clock to pass the pages'


@dataclass
class Pages:
    """What the previous build wrote into target (name → [digest, *signature]), and what this
    one writes (name → digest)."""

    target: Path
    file: Path | None = None  # None: nothing is remembered (CI, --no-cache, no key)
    key: bytes | None = field(default=None, repr=False)
    before: dict[str, list[Any]] = field(default_factory=dict)
    trusted_before: int = 0  # a file changed at or after this (ns) may hide a change
    written: dict[str, str] = field(default_factory=dict)
    linked: int = 0

    @classmethod
    def open(cls, root: Path, target: Path, *, enabled: bool = True) -> Pages:
        key = cache_key() if enabled and not in_ci() else None
        pages = cls(target, root / CACHE_DIR / _FILE if key is not None else None, key)
        if pages.file is None or not (target / MARKER).is_file():
            return pages  # no site of ours there: nothing to link from
        try:
            raw = pages.file.read_bytes()
            made = pages.file.stat().st_mtime_ns
            body = _verified(raw, key)
            if body is None or body.get("format") != _FORMAT:
                return pages
            if body.get("target") != str(target.resolve()) or not isinstance(body["pages"], dict):
                return pages
            pages.before, pages.trusted_before = body["pages"], made
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            pages.before = {}
        return pages

    def write(self, folder: Path, name: str, text: str) -> None:
        """text as folder/name, UTF-8 with the platform's line ends (as Path.write_text
        writes it): the previous site's file, linked, if it holds exactly these bytes."""
        data = (text if os.linesep == "\n" else text.replace("\n", os.linesep)).encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        self.written[name] = digest
        path = folder / name
        if self._unchanged(name, digest):
            try:
                os.link(self.target / name, path)
                self.linked += 1
                return
            except OSError:  # no hard links here (a FAT stick): write it
                pass
        path.write_bytes(data)

    def _unchanged(self, name: str, digest: str) -> bool:
        known = self.before.get(name)
        if not (isinstance(known, list) and len(known) == 5 and known[0] == digest):
            return False
        try:
            info = (self.target / name).lstat()
        except OSError:
            return False
        # one name only: a file linked from elsewhere could change under the new site
        if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
            return False
        return known[1:] == _signature(info) and info.st_ctime_ns < self.trusted_before

    def save(self) -> None:
        """Remember the pages as they now stand in target (after the old folder is gone: its
        removal changed the linked files' ctime)."""
        if self.file is None:
            return
        pages: dict[str, list[Any]] = {}
        for name, digest in self.written.items():
            with contextlib.suppress(OSError):
                info = (self.target / name).lstat()
                if stat.S_ISREG(info.st_mode):
                    pages[name] = [digest, *_signature(info)]
        body = {"format": _FORMAT, "target": str(self.target.resolve()), "pages": pages}
        try:
            lock_folder(self.file.parent.parent)
            write_atomic(self.file, _signed(body, self.key))
            # the manifest's time must pass every page's change time, or the pages changed
            # in its clock tick would be written again next time (the clock ticks in ms)
            latest = max((known[4] for known in pages.values()), default=0)
            for _ in range(_TICKS):
                if self.file.stat().st_mtime_ns > latest:
                    break
                time.sleep(0.002)
                os.utime(self.file)
        except (OSError, ValueError, ZzgznError):
            pass  # a read-only checkout still builds; the next build only writes every page


def _signature(info: os.stat_result) -> list[int]:
    return [info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]
