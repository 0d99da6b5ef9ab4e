"""Check the whole repository: the plan, then every submission against it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zzgzn.checking.cache import Cache
from zzgzn.checking.checkedfile import CheckedFile
from zzgzn.checking.discovery import SUBMISSIONS_DIR, discover, plan_files
from zzgzn.checking.editorial import EDITORIAL_DIR, check_editorial, editorial_files
from zzgzn.checking.runner import check_files
from zzgzn.diagnostics.problems import Problem, Severity, has_errors
from zzgzn.errors import PlanInvalid

if TYPE_CHECKING:
    from zzgzn.calendar.periods import Period
    from zzgzn.checking.planload import PlanLoad
    from zzgzn.models.plan import Plan


@dataclass
class Validation:
    plan: Plan | None
    files: list[CheckedFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)


def validate_repository(
    root: Path,
    today: dt.date,
    paths: list[Path] | None = None,
    *,
    with_submissions: bool = True,
    jobs: int = 1,
    keep_data: bool = True,
    use_cache: bool = False,
    loaded: PlanLoad | None = None,
    trace_only: frozenset[str] = frozenset(),
) -> Validation:
    """The plan, then every submission (or those under paths) against it.

    jobs > 1 spreads files over processes; keep_data=False keeps only findings (what the
    validate command needs, in little memory); use_cache answers unchanged files from
    <root>/.zzgzn_cache; files in the folders trace_only names keep only their trace.
    """
    cache = Cache.open(root, plan_files(root)) if use_cache else None
    if cache is not None:
        cache.partial = bool(paths)
    try:
        return _validate(
            root, today, paths, with_submissions, jobs, keep_data, cache, loaded, trace_only
        )
    finally:
        if cache is not None:
            cache.close()  # the data files it reads entries from


def _validate(
    root: Path,
    today: dt.date,
    paths: list[Path] | None,
    with_submissions: bool,
    jobs: int,
    keep_data: bool,
    cache: Cache | None,
    loaded: PlanLoad | None,
    trace_only: frozenset[str],
) -> Validation:
    plan_state = cache.plan if cache is not None else None
    result = Validation(None)
    if plan_state is None:
        # the plan is read unless the cache already knows its findings (and it has no misses)
        from zzgzn.checking.planload import load_plan

        loaded = loaded or load_plan(root)
        result.plan = loaded.plan
        plan_state = (loaded.problems, loaded.plan is not None)
        if cache is not None:
            cache.plan = plan_state
    elif loaded is not None:
        result.plan = loaded.plan  # read already (for a report): no need to read it again
    result.problems = list(plan_state[0])
    if not plan_state[1] or not with_submissions:
        _save(cache)
        return result

    def plan() -> Plan:
        if result.plan is None:
            from zzgzn.checking.planload import load_plan

            result.plan = load_plan(root).plan
        assert result.plan is not None  # it was readable when its findings were cached
        return result.plan

    # the office's editorial files: all of them with the repository, or those paths name
    editorial_dir = (root / EDITORIAL_DIR).resolve()
    named = [p for p in paths or [] if editorial_dir in (p.resolve(), *p.resolve().parents)]
    for path in editorial_files(root):
        if paths is None or any(n.resolve() in (path.resolve(), editorial_dir) for n in named):
            result.problems += check_editorial(root, path, plan()).problems
    if named and len(named) == len(paths or []):
        result.problems.sort()
        _save(cache)
        return result
    found = discover(root, [p for p in paths if p not in named] if paths is not None else None)
    result.problems += found.problems
    result.files = check_files(
        found.files,
        plan,
        today,
        jobs=jobs,
        keep_data=keep_data,
        cache=cache,
        trace_only=trace_only,
    )
    _save(cache)
    if keep_data:
        plan()  # a caller that keeps data works with the plan too, even if the cache answered all
    for checked in result.files:
        result.problems += checked.problems
    result.problems.sort()
    return result


def _save(cache: Cache | None) -> None:
    if cache is not None:
        cache.save()


def valid_plan(result: Validation) -> Plan:
    """The plan, or an error listing what is wrong in plan/: no report rests on a broken plan."""
    broken = [p for p in result.problems if p.is_error and p.path.startswith("plan/")]
    if result.plan is None or broken:
        raise PlanInvalid(broken)
    return result.plan


def validate_quarter(
    root: Path,
    quarter_text: str,
    today: dt.date,
    *,
    jobs: int = 1,
    history: bool = False,
    use_cache: bool = False,
) -> tuple[Validation, Period]:
    """The plan and one quarter's folder, submissions/<quarter>/: what its report reads.

    A file filed in another quarter's folder is that folder's business (validate reports it
    there), so a national repository's report reads 3,000 files, not 15,000. With history,
    the folders of every earlier quarter too (what changed since, and since when: their
    files keep only their traces), and of the documents the plan's obligations ask for.
    use_cache answers unchanged files from the cache: earlier quarters' with their findings
    and traces, the quarter's own and the documents with their validated data (datacache.py).
    """
    from zzgzn.calendar.periods import campaign_periods, parse_plan_period
    from zzgzn.checking.planload import load_plan

    loaded = load_plan(root)
    plan = valid_plan(Validation(loaded.plan, problems=list(loaded.problems)))
    quarter = parse_plan_period(quarter_text, plan)
    wanted = [q for q in campaign_periods(plan) if q <= quarter] if history else []
    names = [str(q) for q in {*wanted, quarter}] + (list(plan.document_kinds) if history else [])
    folders = [root / SUBMISSIONS_DIR / name for name in names]
    folders = sorted(f for f in folders if f.is_dir())
    if not folders:
        return Validation(plan, problems=list(loaded.problems)), quarter
    earlier = frozenset(str(q) for q in wanted if q < quarter)
    result = validate_repository(
        root, today, folders, jobs=jobs, loaded=loaded, trace_only=earlier, use_cache=use_cache
    )
    return result, quarter
