"""Which files a check covers: submissions/<quarter>/<unit>.yaml, and notices for the rest.

Light on purpose (no pydantic): a check answered from the cache needs only this.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from zzgzn.diagnostics.problems import Problem, Severity, problem
from zzgzn.errors import UsageError

PLAN_DIR = "plan"
SUBMISSIONS_DIR = "submissions"
YAML_SUFFIXES = (".yaml", ".yml")
# Documentation kept beside the data on purpose: skipped without a notice.
QUIET_NAMES = {"README.md", ".gitkeep", ".gitignore"}


@dataclass
class Found:
    # (where to read it, as the operating system names it; its display path): strings, as
    # a Path per file costs more than checking it from the cache at national scale
    files: list[tuple[str, str]]
    problems: list[Problem]


def find_root(start: Path) -> Path:
    """The campaign's root: start or the nearest folder above it that holds plan/, as git
    finds its repository from any subfolder. Relative stays relative (paths print as the user
    typed them): from submissions/2020Q2 the root is ../.."""
    here = start.absolute()
    for up, folder in enumerate([here, *here.parents]):
        if (folder / PLAN_DIR).is_dir():
            if up == 0:
                return start
            return folder if start.is_absolute() else Path(*[".."] * up) / start
    raise UsageError("no-campaign", start=here)


def discover(root: Path, paths: list[Path] | None = None) -> Found:
    """The YAML files under submissions/ (or the paths given), with notices for the rest."""
    base = root / SUBMISSIONS_DIR
    real_base = base.resolve()
    found = Found([], [])
    if paths:
        for path in paths:
            if path.is_dir():
                _walk(path, root, real_base, found)
            elif not os.path.lexists(path):  # a typo, not a link out of submissions/
                found.problems.append(problem(_display(path, root), (0, 0), "no-such-file"))
            else:
                _consider(str(path), _display(path, root), None, real_base, found)
    elif base.is_dir():
        _walk(base, root, real_base, found)
    return found


def _consider(path: str, display: str, inside: bool | None, real_base: Path, found: Found) -> None:
    """inside: known to lie in submissions/ (a plain file met while walking), None: find out."""
    name = display.rsplit("/", 1)[-1]
    if name in QUIET_NAMES:
        return
    if not name.lower().endswith(YAML_SUFFIXES) or name.startswith(("~$", ".")):
        found.problems.append(problem(display, (0, 0), "ignored-file", Severity.INFO))
        return
    if not inside and (
        inside is not None or os.path.islink(path) or not _inside_base(Path(path), real_base)
    ):
        target = Path(path).resolve()
        if not _inside(target, real_base):
            found.problems.append(problem(display, (0, 0), "path-escape", target=target))
            return
    found.files.append((path, display))


def _inside_base(path: Path, real_base: Path) -> bool:
    return _inside(path.resolve(), real_base)


def _walk(folder: Path, root: Path, real_base: Path, found: Found) -> None:
    """Every file below folder, in path order; hidden and symlinked folders are not entered.

    Works on strings and directory entries (no stat per file): a national repository holds
    tens of thousands of files.
    """
    entries: list[tuple[tuple[str, ...], str, bool]] = []
    pending: list[tuple[str, tuple[str, ...]]] = [(str(folder), ())]
    while pending:
        dirpath, rel = pending.pop()
        try:
            scan = os.scandir(dirpath)
        except OSError:
            continue
        with scan:
            for entry in scan:
                linked = entry.is_symlink()
                if entry.is_dir():
                    if not linked and not entry.name.startswith("."):
                        pending.append((entry.path, (*rel, entry.name)))
                    continue
                entries.append(((*rel, entry.name), entry.path, linked))
    entries.sort(key=lambda e: e[0])
    prefix = _display(folder, root)
    folder_inside = _inside(folder.resolve(), real_base)
    for rel, full, linked in entries:
        display = "/".join((prefix, *rel)) if prefix != "." else "/".join(rel)
        _consider(full, display, (folder_inside and not linked) or None, real_base, found)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _display(path: Path, root: Path) -> str:
    try:
        # abspath, not absolute(): a root found above the working directory is ../..
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return path.as_posix()


def folder_of(display: str) -> str | None:
    """The quarter folder a file sits in: submissions/<folder>/<unit>.yaml."""
    parts = display.split("/")
    return parts[-2] if len(parts) >= 3 and parts[-3] == SUBMISSIONS_DIR else None


def plan_files(root: Path) -> list[Path]:
    """Every file under plan/: what a plan fingerprint is made of."""
    return sorted(p for p in (root / PLAN_DIR).rglob("*") if p.is_file())
