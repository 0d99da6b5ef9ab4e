"""Everything a quarterly report says, computed once; templates only arrange it."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from zzgzn.calendar.deadlines import Deadline
from zzgzn.calendar.periods import Period
from zzgzn.checking.checkedfile import CheckedFile
from zzgzn.diagnostics.problems import Problem
from zzgzn.models.plan import Plan, Role, Section, Task, Unit
from zzgzn.models.submission import Amendment, Case, Submission, TaskReport
from zzgzn.report.diff import QuarterDiff
from zzgzn.tracking.obligations import ObligationStatus
from zzgzn.tracking.status import quarter_status, usable
from zzgzn.tracking.timeliness import Arrival, Rejected, State, UnitState


@dataclass(frozen=True)
class Entry:
    """One unit's report on one task."""

    unit: Unit
    role: Role
    report: TaskReport
    source: str


@dataclass(frozen=True)
class TaskBlock:
    task: Task
    lead: Unit
    co_units: tuple[Unit, ...]
    entries: tuple[Entry, ...]
    silent_units: tuple[Unit, ...]  # responsible units that did not report on this task

    # asked several times by the report's template: a national task has 3,000 entries
    @functools.cached_property
    def reported_by_responsible(self) -> bool:
        return any(e.role in (Role.LEAD, Role.CO_UNIT) for e in self.entries)

    @functools.cached_property
    def has_progress(self) -> bool:
        return any(e.report.status.is_progress for e in self.entries)


@dataclass(frozen=True)
class SectionBlock:
    section: Section
    tasks: tuple[TaskBlock, ...]


@dataclass(slots=True)  # a national quarter has ~100,000: made a third as fast as frozen ones
class Attributed:
    """A case, problem or plan for next quarter, with who raised it and under which task."""

    unit: Unit
    task: Task
    text: str = ""
    case: Case | None = None


@dataclass(frozen=True)
class Filed:
    """A unit's submission for the quarter as it stands in its file."""

    unit: Unit
    submission: Submission
    source: str  # the file's path, as validate names it
    state: UnitState | None


@dataclass(frozen=True)
class Excluded:
    path: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class QuarterReport:
    plan: Plan
    quarter: Period
    deadline: Deadline
    today: dt.date
    states: list[UnitState]
    sections: list[SectionBlock]
    summaries: list[tuple[Unit, str]]
    cases: list[Attributed]
    problems: list[Attributed]
    next_steps: list[Attributed]
    excluded: list[Excluded] = field(default_factory=list)
    amendments: list[tuple[Unit, Amendment]] = field(default_factory=list)
    changes: QuarterDiff | None = None  # against the previous quarter, when there is one
    obligations: list[ObligationStatus] = field(default_factory=list)  # as of today
    # each valid file of the quarter, in registry order: what the compilation prints whole
    filed: list[Filed] = field(default_factory=list)

    @property
    def filed_by_kind(self) -> list[tuple[str, list[Filed]]]:
        """The filed submissions by kind of unit (机关处室, 区局…), kinds as the registry
        first lists them, units in registry order within each."""
        kinds: dict[str, list[Filed]] = {}
        for f in self.filed:
            kinds.setdefault(f.unit.kind.label, []).append(f)
        return list(kinds.items())

    @property
    def states_by_kind(self) -> list[tuple[str, list[UnitState]]]:
        kinds: dict[str, list[UnitState]] = {}
        for s in self.states:
            kinds.setdefault(s.unit.kind.label, []).append(s)
        return list(kinds.items())

    @property
    def forwarded(self) -> dict[str, Filed]:
        """The files written by `zzgzn forward` from a campaign below, by unit: each stands
        for the units its provenance counts (汇总N个单位)."""
        return {f.unit.id: f for f in self.filed if f.submission.provenance is not None}

    @property
    def unsigned(self) -> list[Unit]:
        """Units whose file names no approver: drafts, not final submissions."""
        return [s.unit for s in self.states if s.submitted_on and not s.final]

    def count(self, state: str) -> int:
        wanted = State(state)
        return sum(s.state is wanted and s.required for s in self.states)

    def units_in(self, state: str) -> list[Unit]:
        wanted = State(state)
        return [s.unit for s in self.states if s.state is wanted and s.required]

    @property
    def due_units(self) -> int:
        return sum(s.required for s in self.states)

    @property
    def tasks(self) -> list[TaskBlock]:
        return [t for s in self.sections for t in s.tasks]

    @property
    def tasks_with_progress(self) -> list[TaskBlock]:
        return [t for t in self.tasks if t.has_progress]

    @property
    def tasks_without_progress(self) -> list[TaskBlock]:
        return [t for t in self.tasks if not t.has_progress]

    @property
    def unreported_tasks(self) -> list[TaskBlock]:
        return [t for t in self.tasks if not t.reported_by_responsible]


def build(
    plan: Plan,
    quarter: Period,
    files: list[CheckedFile],
    today: dt.date,
    excluded: list[Excluded] | None = None,
    arrived: dict[tuple[str, str], Arrival] | None = None,
    rejected: dict[tuple[str, str], Rejected] | None = None,
    *,
    changes: QuarterDiff | None = None,
    obligations: Sequence[ObligationStatus] = (),
) -> QuarterReport:
    """The report for one quarter from the valid files of that quarter, complete.

    arrived says when each file arrived (from git); by default, the dates the files state.
    rejected: the quarter's files that do not pass validation (--allow-invalid), 报送有误.
    changes: against the previous quarter (it needs that quarter's files, which the caller has).
    obligations: every obligation as of today; the report keeps those due by its deadline.
    """
    submissions = sorted(
        (f for f in files if usable(f) and f.submission and f.submission.quarter == str(quarter)),
        key=lambda f: plan.rank_of(f.submission.unit if f.submission else ""),
    )
    by_unit: dict[str, tuple[Submission, str]] = {}
    for checked in submissions:
        assert checked.submission is not None
        by_unit.setdefault(checked.submission.unit, (checked.submission, checked.path))
    if arrived is None:
        arrived = {
            (u, str(quarter)): Arrival(s.submitted_on, s.submitted_on, "file")
            for u, (s, _) in by_unit.items()
        }
    status = quarter_status(plan, quarter, arrived, today, rejected=rejected)
    states = {s.unit.id: s for s in status.states}

    # each task's reports by unit, in unit order: one pass, not one per task over every unit
    by_task: dict[str, dict[str, list[TaskReport]]] = {}
    for unit_id, (submission, _) in by_unit.items():
        for item in submission.tasks:
            by_task.setdefault(item.task, {}).setdefault(unit_id, []).append(item)
    sections = [
        SectionBlock(
            section,
            tuple(
                _task_block(plan, task, by_task.get(task.id, {}), by_unit) for task in section.tasks
            ),
        )
        for section in plan.sections
    ]
    summaries, cases, problems, next_steps = [], [], [], []
    for unit_id, (submission, _) in by_unit.items():
        unit = plan.units[unit_id]
        if submission.summary.strip():
            summaries.append((unit, submission.summary))
        for item in submission.tasks:
            task = plan.tasks[item.task]
            cases += [Attributed(unit, task, case=c) for c in item.cases]
            problems += [Attributed(unit, task, text=t) for t in item.problems]
            next_steps += [Attributed(unit, task, text=t) for t in item.next_steps]
    amendments = [
        (plan.units[unit_id], a)
        for unit_id, (submission, _) in by_unit.items()
        for a in submission.amendments
    ]
    amendments.sort(key=lambda pair: (pair[1].date, plan.rank_of(pair[0].id)))
    order = {t: i for i, t in enumerate(plan.tasks)}
    for items in (cases, problems, next_steps):
        items.sort(key=lambda a: (order[a.task.id], plan.rank_of(a.unit.id)))
    return QuarterReport(
        plan,
        quarter,
        status.deadline,
        today,
        status.states,
        sections,
        summaries,
        cases,
        problems,
        next_steps,
        excluded or [],
        amendments,
        changes,
        [o for o in obligations if o.due <= status.deadline.due],
        filed=[
            Filed(plan.units[u], submission, source, states.get(u))
            for u, (submission, source) in by_unit.items()
        ],
    )


def _task_block(
    plan: Plan,
    task: Task,
    reports: dict[str, list[TaskReport]],
    by_unit: dict[str, tuple[Submission, str]],
) -> TaskBlock:
    """reports: the task's reports by unit, in unit order."""
    entries: list[Entry] = []
    # The lead first, then co-units in the document's order, then districts and others.
    responsible = [u for u in task.units if u in reports]
    for unit_id in [*responsible, *(u for u in reports if u not in task.units)]:
        unit, role = plan.units[unit_id], plan.role_of(task, unit_id)
        source = by_unit[unit_id][1]
        entries += [Entry(unit, role, item, source) for item in reports[unit_id]]
    silent = tuple(plan.units[u] for u in task.units if u not in reports)
    return TaskBlock(
        task,
        plan.units[task.lead],
        tuple(plan.units[u] for u in task.units[1:]),
        tuple(entries),
        silent,
    )


__all__ = ["QuarterReport", "State", "build"]
