"""What a pull request changes, path by path: git's own account of it, and what each path is.

git diff --raw -z gives every change with both sides' modes (file, symlink, submodule), the
status letter (added, modified, deleted, renamed, copied, type changed) and paths as they are,
whatever characters they hold. Each path is then one kind: a unit's submission (or its
attachment), the plan, the record of closed quarters, templates, code, the workflow,
repository settings, the cache, or anything else. Kinds are decided case-insensitively: an
office machine on Windows or macOS reads PLAN/ as plan/ and unit.YAML as unit.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath

from zzgzn.errors import UsageError
from zzgzn.git import run_git

REGULAR_MODES = ("100644", "100755")
SYMLINK_MODE = "120000"
SUBMODULE_MODE = "160000"
ABSENT_MODE = "000000"


@dataclass(frozen=True)
class Change:
    status: str  # git's letter: A, M, D, R, C or T
    path: str  # the path after the change (for D, the deleted path)
    old_path: str | None = None  # for R and C: where it came from
    old_mode: str = "100644"
    new_mode: str = "100644"

    @property
    def object_kind(self) -> str:
        """What the path holds after the change: file, symlink, submodule or none (deleted)."""
        return _OBJECT.get(self.new_mode, "file" if self.new_mode in REGULAR_MODES else "other")


_OBJECT = {SYMLINK_MODE: "symlink", SUBMODULE_MODE: "submodule", ABSENT_MODE: "none"}


def changed_files(root: Path, base: str) -> list[Change]:
    """What HEAD changes relative to its merge base with base (as a pull request shows it)."""
    completed = run_git(
        root, "diff", "--raw", "-z", "-M", "--no-abbrev", "--relative", f"{base}...HEAD"
    )
    if completed is None:
        raise UsageError("git-missing")
    if completed.returncode != 0:
        raise UsageError("git-compare-failed", base=base, detail=completed.stderr.strip() or "git")
    return parse_raw(completed.stdout)


def parse_raw(output: str) -> list[Change]:
    """git diff --raw -z: ":old new oldsha newsha STATUS\\0path\\0" (two paths for R, C)."""
    fields = output.split("\0")
    changes = []
    i = 0
    while i < len(fields) and fields[i].startswith(":"):
        old_mode, new_mode, _, _, status = fields[i][1:].split(" ")[:5]
        letter = status[:1]
        if letter in ("R", "C"):
            changes.append(Change(letter, fields[i + 2], fields[i + 1], old_mode, new_mode))
            i += 3
        else:
            changes.append(Change(letter, fields[i + 1], None, old_mode, new_mode))
            i += 2
    return changes


class Kind(StrEnum):
    SUBMISSION = "submission"  # a unit's YAML file in submissions/<folder>/
    ATTACHMENT = "attachment"  # a unit's other file there (a Word or PDF original)
    FROZEN = "frozen"  # plan/frozen.yaml: the closed quarters
    PLAN = "plan"
    TEMPLATES = "templates"
    CODE = "code"
    WORKFLOW = "workflow"
    SETTINGS = "settings"
    CACHE = "cache"
    OTHER = "other"


YAML_SUFFIXES = (".yaml", ".yml")
_QUARTER = re.compile(r"^[0-9]{4}([qQ][1-4]|[hH][12])$")  # 2020q2, 2024h1: any case
_CODE_FILES = {"pyproject.toml", "setup.py", "setup.cfg", "manifest.in", "requirements.txt"}
_CODE_DIRS = {"src", "tests", "scripts", "benchmarks"}
_WORKFLOW_FILES = {".pre-commit-config.yaml", ".pre-commit-hooks.yaml"}
_SETTINGS_NAMES = {".gitattributes", ".gitignore", ".gitmodules", ".mailmap", "codeowners"}


@dataclass(frozen=True)
class PathKind:
    kind: Kind
    unit: str | None = None  # for a unit's files
    folder: str | None = None  # submissions/<folder>/
    # the path as zzgzn reads it, when this one differs only in case: a Windows or macOS
    # checkout makes the two one file, a Linux CI run reads only the lower-case one
    expected: str | None = None


def _expected(path: str, wanted: str) -> str | None:
    return None if path == wanted else wanted


def classify(path: str, unit_ids: frozenset[str]) -> PathKind:
    parts = PurePosixPath(path).parts
    lower = [p.lower() for p in parts]
    name = lower[-1] if lower else ""
    if lower[:1] == [".zzgzn_cache"]:
        return PathKind(Kind.CACHE)
    if len(lower) == 3 and lower[0] == "submissions":
        unit, dot, _ = name.partition(".")
        if dot and unit in unit_ids:
            # quarter folders are written 2020Q2, document folders (work-plan) in lower case
            folder = parts[1].upper() if _QUARTER.match(parts[1]) else lower[1]
            suffix = PurePosixPath(name).suffix
            if suffix in YAML_SUFFIXES:
                wanted = f"submissions/{folder}/{unit}{suffix}"
                return PathKind(Kind.SUBMISSION, unit, folder, _expected(path, wanted))
            wanted = f"submissions/{folder}/{unit}{parts[2][len(unit) :]}"
            return PathKind(Kind.ATTACHMENT, unit, folder, _expected(path, wanted))
    if lower[:1] in (["plan"], ["templates"]):
        kind = (
            Kind.FROZEN
            if lower == ["plan", "frozen.yaml"]
            else Kind.PLAN
            if lower[0] == "plan"
            else Kind.TEMPLATES
        )
        wanted = "/".join([lower[0], *parts[1:]])
        if kind is Kind.FROZEN:
            wanted = "plan/frozen.yaml"
        return PathKind(kind, expected=_expected(path, wanted))
    if name in _SETTINGS_NAMES:
        return PathKind(Kind.SETTINGS)
    if (
        lower[:2]
        in (
            [".github", "workflows"],
            [".github", "actions"],
        )
        or lower[:1] == [".ci"]
        or (len(lower) == 1 and name in _WORKFLOW_FILES)
    ):
        return PathKind(Kind.WORKFLOW)
    if lower[:2] == [".github", "zzgzn-requirements.txt"]:
        return PathKind(Kind.CODE)  # the pinned zzgzn the workflow installs
    if lower[:1] == [".github"]:
        return PathKind(Kind.SETTINGS)
    if (
        lower[0] in _CODE_DIRS
        or (len(lower) == 1 and name in _CODE_FILES)
        or name.endswith((".py", ".pth", ".sh"))
    ):
        return PathKind(Kind.CODE)
    return PathKind(Kind.OTHER)
