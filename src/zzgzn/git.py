"""Running git: one place for how zzgzn calls it (paths unquoted, bounded time)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

GIT_TIMEOUT = 60


def run_git(root: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    """git -C root ARGS with UTF-8 paths left as they are; None when git cannot be run."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        return subprocess.run(
            [git, "-C", str(root), "-c", "core.quotePath=off", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None


def show_file(root: Path, rev: str, path: str) -> bytes | None:
    """A file's bytes at a revision (any encoding, as committed); None if it was not there."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        completed = subprocess.run(
            [git, "-C", str(root), "show", f"{rev}:{path}"],
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return completed.stdout if completed.returncode == 0 else None
