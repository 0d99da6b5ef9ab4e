"""When each submission arrived: the date of the commit that first added it on the main line.

A liaison can type any date into submitted_on; the repository's history cannot be back-dated
by a pull request, so when a file is tracked by git its arrival is read from there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zzgzn.checking.discovery import SUBMISSIONS_DIR
from zzgzn.git import run_git


def first_added(root: Path, utc_offset_hours: int) -> dict[str, dt.date]:
    """Path (relative to root, posix) → local date it was first added on the first-parent line.

    Empty when root is not in a git work tree or git is not installed: callers then use the
    dates written in the files.
    """
    completed = run_git(
        root,
        "log",
        "--first-parent",
        "--diff-filter=A",
        "--relative",
        "--no-renames",
        "--format=%x00%ct",
        "--name-only",
        "--",
        SUBMISSIONS_DIR,
    )
    if completed is None or completed.returncode != 0:
        return {}
    zone = dt.timezone(dt.timedelta(hours=utc_offset_hours))
    dates: dict[str, dt.date] = {}
    for block in completed.stdout.split("\x00")[1:]:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        when = dt.datetime.fromtimestamp(int(lines[0]), zone).date()
        for name in lines[1:]:
            dates[name] = when  # newest first: the oldest addition is written last
    return dates
