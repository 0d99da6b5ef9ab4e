"""git as the tests drive it: a fictional liaison as author, a fixed date, no line-end rewriting."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(root: Path, *args: str, when: str = "2021-06-01T10:00:00+08:00") -> str:
    """Run git in root and return its output; fails the test on a non-zero exit.

    when: the author and committer date, which is when the file arrived for zzgzn.
    """
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "示例联络员",
        "GIT_AUTHOR_EMAIL": "liaison@example.invalid",
        "GIT_COMMITTER_NAME": "示例联络员",
        "GIT_COMMITTER_EMAIL": "liaison@example.invalid",
    }
    done = subprocess.run(
        ["git", "-C", str(root), "-c", "core.autocrlf=false", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout
