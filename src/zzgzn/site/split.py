"""The pages rendered by two processes where the machine has two cores or more.

Rendering a national site's 3,000 pages is one core's work for several seconds, and nothing
in it is shared between pages: a forked child renders every other page (fork shares the
site's model for free, as the checking workers share the plan), this process the rest. The
child tells what it wrote (each page's digest, for the manifest: pages.py) through a pipe.

Nothing depends on the child succeeding: if it fails in any way (a template error, killed,
no fork on this platform) its share is rendered again here, so an error is raised here, with
the message a single process gives. A failure here stops the child before the half-built
folder is removed.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from zzgzn.site.pages import Pages

T = TypeVar("T")
SPLIT_FROM = 200  # pages: below this, a second process costs more than it saves


def in_two(
    jobs: Sequence[T],
    name_of: Callable[[T], str],
    do: Callable[[T], None],
    pages: Pages,
    folder: Path,
    *,
    cores: int,
) -> None:
    """do(job) for every job, half of them in a forked child when cores allow. do writes
    each job's page through pages (pages.write), which the child's writes are merged into."""
    if cores < 2 or len(jobs) < SPLIT_FROM or not hasattr(os, "fork"):
        for job in jobs:
            do(job)
        return
    theirs = jobs[1::2]
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its share, then what it wrote, then gone without cleaning up
        code = 1
        try:
            os.close(read)
            gc.freeze()  # collections would touch every shared object: a copy of each page
            before, linked = set(pages.written), pages.linked
            for job in theirs:
                do(job)
            said = {n: d for n, d in pages.written.items() if n not in before}
            with os.fdopen(write, "wb") as stream:
                stream.write(json.dumps([said, pages.linked - linked]).encode())
            code = 0
        except BaseException:  # whatever it was, the parent renders its share again
            pass
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as stream:
        try:
            for job in jobs[0::2]:
                do(job)
        except BaseException:  # the child must stop writing before the folder is removed
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            raise
        raw = stream.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) == 0 and _taken(pages, raw, [name_of(j) for j in theirs]):
        return
    for job in theirs:  # the child failed: its pages again, here (raising what it met)
        with contextlib.suppress(FileNotFoundError):
            # a half-done page, or one linked to the old site, is never written into
            (folder / name_of(job)).unlink()
        do(job)


def _taken(pages: Pages, raw: bytes, names: list[str]) -> bool:
    """The child's account merged into pages, if it wrote exactly its share."""
    try:
        said, linked = json.loads(raw)
    except ValueError:
        return False
    if not (isinstance(said, dict) and isinstance(linked, int)) or set(said) != set(names):
        return False
    pages.written.update(said)
    pages.linked += linked
    return True
