"""The pull-request check: what a change may touch, beyond each file being valid.

A unit's pull request should carry that unit's files and nothing else, so that CODEOWNERS
review means something and one unit cannot edit another's report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from zzgzn.calendar.deadlines import deadline
from zzgzn.calendar.quarters import Quarter
from zzgzn.checking.discovery import PLAN_DIR, SUBMISSIONS_DIR, YAML_SUFFIXES
from zzgzn.checking.planload import load_plan
from zzgzn.checking.validate import Validation, validate_repository
from zzgzn.diagnostics.messages import phrase
from zzgzn.diagnostics.problems import Problem, Severity, problem
from zzgzn.errors import UsageError
from zzgzn.git import run_git, show_file
from zzgzn.models.plan import Plan
from zzgzn.reading.loader import load_bytes


@dataclass(frozen=True)
class Change:
    status: str  # A, M, D, R (git's letters)
    path: str
    old_path: str | None = None


def validate_pull_request(
    root: Path, base: str, today: dt.date, *, jobs: int = 1, use_cache: bool = True
) -> Validation:
    """What CI asks of a pull request: the files it changes are valid, and the change is one
    unit's (or the office's) within the rules of closed quarters.

    Only findings are kept (no data): the command prints them and nothing else.
    """
    loaded = load_plan(root)
    changes = changed_files(root, base)
    extra: list[Problem] = []
    if loaded.plan is not None:
        extra = change_problems(loaded.plan, changes, today)
        extra += frozen_change_problems(root, loaded.plan, changes, base)
    paths = changed_submission_paths(root, changes)
    if paths:
        result = validate_repository(
            root, today, paths, jobs=jobs, keep_data=False, use_cache=use_cache
        )
    else:  # nothing to read but the plan: check it alone
        result = validate_repository(root, today, with_submissions=False)
    result.problems = sorted([*result.problems, *extra])
    return result


def changed_files(root: Path, base: str) -> list[Change]:
    """What HEAD changes relative to its merge base with base (as a pull request shows it)."""
    completed = run_git(root, "diff", "--name-status", "--relative", "-M", f"{base}...HEAD")
    if completed is None:
        raise UsageError("git-missing")
    if completed.returncode != 0:
        raise UsageError("git-compare-failed", base=base, detail=completed.stderr.strip() or "git")
    changes = []
    for line in completed.stdout.splitlines():
        parts = line.split("\t")
        letter = parts[0][:1]
        if letter == "R" and len(parts) == 3:
            changes.append(Change("R", parts[2], parts[1]))
        elif len(parts) >= 2:
            changes.append(Change(letter, parts[1]))
    return changes


def _submission_parts(path: str) -> tuple[str, str] | None:
    """(quarter folder, unit id) of submissions/<quarter>/<unit>.yaml, else None."""
    parts = PurePosixPath(path).parts
    if (
        len(parts) == 3
        and parts[0] == SUBMISSIONS_DIR
        and PurePosixPath(path).suffix in YAML_SUFFIXES
    ):
        return parts[1], PurePosixPath(path).stem
    return None


def change_problems(plan: Plan, changes: list[Change], today: dt.date) -> list[Problem]:
    found: list[Problem] = []
    submissions = [c for c in changes if _submission_parts(c.path)]
    units = sorted({parts[1] for c in submissions if (parts := _submission_parts(c.path))})
    if len(units) > 1:
        for change in submissions:
            found.append(
                problem(
                    change.path, (0, 0), "pr-multiple-units", Severity.ERROR, units="、".join(units)
                )
            )
    touches_plan = [c for c in changes if c.path.startswith(f"{PLAN_DIR}/")]
    if touches_plan and submissions:
        for change in touches_plan:
            found.append(problem(change.path, (0, 0), "pr-mixed-plan"))
    for change in changes:
        if change.status in ("D", "R") and (
            _submission_parts(change.path) or _submission_parts(change.old_path or "")
        ):
            found.append(
                problem(
                    change.old_path or change.path,
                    (0, 0),
                    "pr-moved-or-deleted",
                    Severity.ERROR,
                    status=phrase("change-deleted" if change.status == "D" else "change-moved"),
                    new=change.path,
                )
            )
    for change in submissions:
        parts = _submission_parts(change.path)
        quarter = Quarter.from_canonical(parts[0]) if parts else None
        if quarter is None or change.status not in ("A", "M"):
            continue
        due = deadline(plan, quarter).due
        if today > due:
            code = "pr-correction" if change.status == "M" else "pr-late-submission"
            found.append(
                problem(change.path, (0, 0), code, Severity.WARNING, quarter=quarter, due=due)
            )
    return found


def changed_submission_paths(root: Path, changes: list[Change]) -> list[Path]:
    """The files to validate: every submission the change adds or edits."""
    return [
        root / c.path
        for c in changes
        if c.status in ("A", "M", "R") and _submission_parts(c.path) and (root / c.path).exists()
    ]


def frozen_change_problems(
    root: Path, plan: Plan, changes: list[Change], base: str
) -> list[Problem]:
    """A change to a closed quarter's file must add an amendment record to it.

    validate alone compares with plan/frozen.yaml, which cannot tell a second change from the
    first; against the pull request's base, every change must bring its own record.
    """
    merge_base = run_git(root, "merge-base", base, "HEAD")
    if merge_base is None or merge_base.returncode != 0:
        return []
    rev = merge_base.stdout.strip()
    found = []
    for change in changes:
        parts = _submission_parts(change.path)
        if change.status != "M" or parts is None or plan.frozen.get(parts[0]) is None:
            continue
        current = root / change.path
        if not current.is_file():  # gone from the working tree: validate says so
            continue
        before = _amendments(show_file(root, rev, change.path))
        after = _amendments(current.read_bytes())
        if before is not None and after is not None and after <= before:
            found.append(
                problem(change.path, (0, 0), "pr-unrecorded-change", quarter=parts[0], count=after)
            )
    return found


def _amendments(raw: bytes | None) -> int | None:
    """How many amendment records a file holds; None if it cannot be read (validate says why)."""
    if raw is None:
        return None
    data = load_bytes(raw, "").data
    if not isinstance(data, dict):
        return None
    records = data.get("amendments")
    return len(records) if isinstance(records, list) else 0
