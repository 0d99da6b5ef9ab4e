"""The pull-request check: what a change may touch, beyond each file being valid.

A unit's pull request carries that unit's submission files and nothing else, so that
CODEOWNERS review means something and one unit cannot edit another's report. Everything
else (the plan, templates, code, the workflow, repository settings) is the office's change:
never mixed with a submission, and reported path by path so a reviewer sees what it is.
Who sent it is checked where units.yaml lists a unit's GitHub users.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zzgzn.calendar.deadlines import deadline
from zzgzn.calendar.periods import Period
from zzgzn.checking.freezing import frozen_path, read_record
from zzgzn.checking.planload import load_plan
from zzgzn.checking.validate import Validation, validate_repository
from zzgzn.diagnostics.messages import phrase
from zzgzn.diagnostics.problems import Problem, Severity, problem
from zzgzn.git import run_git, show_file
from zzgzn.models.plan import FrozenRecord, Plan
from zzgzn.reading.loader import load_bytes
from zzgzn.workflow.pathkinds import Change, Kind, PathKind, changed_files, classify

__all__ = [
    "Change",
    "change_problems",
    "changed_files",
    "changed_submission_paths",
    "frozen_change_problems",
    "tracked_cache_problems",
    "validate_pull_request",
]

_UNIT_KINDS = (Kind.SUBMISSION, Kind.ATTACHMENT)


def validate_pull_request(
    root: Path,
    base: str,
    today: dt.date,
    *,
    jobs: int = 1,
    use_cache: bool = True,
    actor: str | None = None,
) -> Validation:
    """What CI asks of a pull request: the files it changes are valid, and the change is one
    unit's (or the office's), sent by someone who may, within the rules of closed quarters.

    Only findings are kept (no data): the command prints them and nothing else.
    """
    loaded = load_plan(root)
    changes = changed_files(root, base)
    extra: list[Problem] = []
    paths: list[Path] = []
    if loaded.plan is not None:
        extra = change_problems(loaded.plan, changes, today, actor)
        extra += frozen_change_problems(root, loaded.plan, changes, base)
        paths = changed_submission_paths(root, changes, loaded.plan)
    extra += tracked_cache_problems(root, {p.path for p in extra})
    if paths:
        result = validate_repository(
            root, today, paths, jobs=jobs, keep_data=False, use_cache=use_cache
        )
    else:  # nothing to read but the plan: check it alone
        result = validate_repository(root, today, with_submissions=False)
    result.problems = sorted([*result.problems, *extra])
    return result


def _kinds(plan: Plan, changes: list[Change]) -> list[tuple[Change, PathKind]]:
    ids = frozenset(plan.units)
    return [(c, classify(c.path, ids)) for c in changes]


def _names(kind: Kind) -> dict[str, str]:
    return {"kind": phrase(f"kind-{kind.value}")}


def change_problems(
    plan: Plan, changes: list[Change], today: dt.date, actor: str | None = None
) -> list[Problem]:
    found: list[Problem] = []
    kinds = _kinds(plan, changes)
    units = sorted({k.unit for _, k in kinds if k.kind in _UNIT_KINDS and k.unit})
    for change, kind in kinds:
        found += _path_problems(change, kind, bool(units))
    if len(units) > 1:
        for change, kind in kinds:
            if kind.kind in _UNIT_KINDS:
                found.append(
                    problem(change.path, (0, 0), "pr-multiple-units", units="、".join(units))
                )
    if actor:
        found += _author_problems(plan, kinds, actor)
    for change, kind in kinds:
        old = classify(change.old_path, frozenset(plan.units)) if change.old_path else None
        if change.status in ("D", "R") and (
            kind.kind is Kind.SUBMISSION or (old is not None and old.kind is Kind.SUBMISSION)
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
    for change, kind in kinds:
        quarter = Period.from_canonical(kind.folder, plan.cadence) if kind.folder else None
        if kind.kind is not Kind.SUBMISSION or quarter is None or change.status not in "AM":
            continue
        due = deadline(plan, quarter).due
        if today > due:
            code = "pr-correction" if change.status == "M" else "pr-late-submission"
            found.append(
                problem(change.path, (0, 0), code, Severity.WARNING, quarter=quarter, due=due)
            )
    return found


def _path_problems(change: Change, kind: PathKind, has_units: bool) -> list[Problem]:
    """What this path alone says: a cache, a link, a misnamed file, an office change."""
    found = []
    if kind.kind is Kind.CACHE:
        found.append(problem(change.path, (0, 0), "pr-cache-file"))
    if change.object_kind in ("symlink", "submodule"):
        found.append(
            problem(
                change.path,
                (0, 0),
                "pr-not-a-file",
                what=phrase(f"object-{change.object_kind}"),
            )
        )
    if kind.expected is not None and change.status != "D":
        found.append(problem(change.path, (0, 0), "pr-bad-name", expected=kind.expected))
    if kind.kind in (*_UNIT_KINDS, Kind.CACHE) or (kind.kind is Kind.FROZEN and not has_units):
        return found  # the record of closed quarters is judged on its content
    if has_units:
        code = "pr-mixed-plan" if kind.kind in (Kind.PLAN, Kind.FROZEN) else "pr-mixed-office"
        found.append(problem(change.path, (0, 0), code, **_names(kind.kind)))
    else:
        severity = Severity.INFO if kind.kind is Kind.OTHER else Severity.WARNING
        names = _names(kind.kind)
        found.append(problem(change.path, (0, 0), "pr-office-change", severity, **names))
    return found


def _author_problems(plan: Plan, kinds: list[tuple[Change, PathKind]], actor: str) -> list[Problem]:
    """A unit's files may be changed by its listed GitHub users (and the office's) only."""
    office = plan.units[plan.registry.leading_group.office]
    found = []
    for change, kind in kinds:
        if kind.kind not in _UNIT_KINDS or kind.unit is None:
            continue
        unit = plan.units[kind.unit]
        allowed = unit.senders | office.senders
        if unit.senders and actor.removeprefix("@").lower() not in allowed:
            found.append(
                problem(
                    change.path,
                    (0, 0),
                    "pr-not-sender",
                    actor=actor,
                    unit=unit.name,
                    users="、".join(f"@{u}" for u in sorted(allowed)),
                )
            )
    return found


def changed_submission_paths(root: Path, changes: list[Change], plan: Plan) -> list[Path]:
    """The files to validate: every submission the change adds or edits."""
    ids = frozenset(plan.units)
    return [
        root / c.path
        for c in changes
        if c.status in ("A", "M", "R", "C", "T")
        and classify(c.path, ids).kind is Kind.SUBMISSION
        and (root / c.path).exists()
    ]


def tracked_cache_problems(root: Path, reported: set[str]) -> list[Problem]:
    """Any path under .zzgzn_cache/ that git tracks: a cache is never part of the repository."""
    listed = run_git(root, "ls-files", "-z", "--", ".zzgzn_cache")
    if listed is None or listed.returncode != 0:
        return []
    return [
        problem(path, (0, 0), "pr-cache-file")
        for path in listed.stdout.split("\0")
        if path and path not in reported
    ]


def _merge_base(root: Path, base: str) -> str | None:
    merge_base = run_git(root, "merge-base", base, "HEAD")
    if merge_base is None or merge_base.returncode != 0:
        return None
    return merge_base.stdout.strip()


def frozen_change_problems(
    root: Path, plan: Plan, changes: list[Change], base: str
) -> list[Problem]:
    """A change to a closed quarter's file must add an amendment record to it; a change to
    the record of closed quarters may only add quarters (what `zzgzn report` does).

    validate alone compares with plan/frozen.yaml, which cannot tell a second change from the
    first (nor a deleted record from none); against the pull request's base, every change must
    bring its own record.
    """
    rev = _merge_base(root, base)
    if rev is None:
        return []
    ids = frozenset(plan.units)
    found = []
    before_record = read_record(show_file(root, rev, "plan/frozen.yaml")) or FrozenRecord()
    for change in changes:
        kind = classify(change.path, ids)
        if kind.kind is Kind.FROZEN or (
            change.old_path and classify(change.old_path, ids).kind is Kind.FROZEN
        ):
            found += _reopened(root, change, before_record, plan)
    for change in changes:
        kind = classify(change.path, ids)
        if change.status not in ("M", "T") or kind.kind is not Kind.SUBMISSION:
            continue
        if kind.folder is None or before_record.get(kind.folder) is None:
            continue
        current = root / change.path
        if not current.is_file():  # gone from the working tree: validate says so
            continue
        before = _amendments(show_file(root, rev, change.path))
        after = _amendments(current.read_bytes())
        if before is not None and after is not None and after <= before:
            found.append(
                problem(
                    change.path, (0, 0), "pr-unrecorded-change", quarter=kind.folder, count=after
                )
            )
    return found


def _reopened(root: Path, change: Change, before: FrozenRecord, plan: Plan) -> list[Problem]:
    """The closed quarters a deleted or rewritten plan/frozen.yaml opens again."""
    path = frozen_path(root)
    gone = change.status == "D" or (change.status == "R" and change.path != "plan/frozen.yaml")
    after = None if gone or not path.is_file() else read_record(path.read_bytes())
    after = after or FrozenRecord()
    reopened = []
    for closed in before.quarters:
        now = after.get(closed.quarter)
        if now is None:
            reopened.append(f"{closed.quarter}（全部 {len(closed.files)} 个文件）")
            continue
        changed = sorted(u for u, f in closed.files.items() if now.files.get(u) != f)
        if changed or now.frozen_on != closed.frozen_on:
            units = "、".join(changed) if changed else "封存日期"
            reopened.append(f"{closed.quarter}（{units}）")
    if not reopened:
        return []
    where = change.old_path if change.status == "R" and change.old_path else change.path
    kind = phrase(f"period-{plan.cadence}")
    return [problem(where, (0, 0), "pr-frozen-reopened", quarters="；".join(reopened), kind=kind)]


def _amendments(raw: bytes | None) -> int | None:
    """How many amendment records a file holds; None if it cannot be read (validate says why)."""
    if raw is None:
        return None
    data = load_bytes(raw, "").data
    if not isinstance(data, dict):
        return None
    records = data.get("amendments")
    return len(records) if isinstance(records, list) else 0
