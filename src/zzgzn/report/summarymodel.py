"""The whole campaign across quarters: timelines, stalled tasks, deliverables, scorecard, cases.

Everything the evaluation phase (评估总结) needs, computed from the same validated files as
the quarterly reports; templates, charts and the workbook only present it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from zzgzn.calendar.periods import Period, kind_words, parse_plan_period
from zzgzn.checking.checkedfile import CheckedFile
from zzgzn.errors import UsageError
from zzgzn.models.plan import Deliverable, Plan, Role, Task, Unit
from zzgzn.models.submission import Case, Status, Submission, TaskReport
from zzgzn.report.model import Excluded
from zzgzn.tracking.obligations import ObligationStatus
from zzgzn.tracking.status import (
    QuarterStatus,
    quarter_status,
    quarters_so_far,
    rejections,
    usable,
)
from zzgzn.tracking.timeliness import Arrival, State, UnitState

# How far a task got in a quarter, for the heat map: best status among its reports.
LEVELS = {None: 0, Status.NOT_STARTED: 1, Status.IN_PROGRESS: 2, Status.ONGOING: 3, Status.DONE: 3}
LEVEL_LABELS = ("无报送", "未启动", "推进中", "常态化/已完成")


@dataclass(frozen=True)
class TimelineRow:
    unit: Unit
    role: Role
    statuses: tuple[Status | None, ...]  # one per quarter; None = no report


@dataclass(frozen=True)
class TaskTimeline:
    task: Task
    rows: tuple[TimelineRow, ...]
    levels: tuple[int, ...]  # per quarter, see LEVELS
    due: tuple[bool, ...]  # per quarter: was it due (so that silence means something)?

    @property
    def stalled_runs(self) -> list[tuple[int, int]]:
        """Index ranges of 2+ consecutive due quarters without progress (level < 2)."""
        runs, start = [], None
        for i, (level, due) in enumerate([*zip(self.levels, self.due, strict=True), (2, True)]):
            if due and level < 2:
                start = i if start is None else start
            else:
                if start is not None and i - start >= 2:
                    runs.append((start, i - 1))
                start = None
        return runs


@dataclass(frozen=True)
class DeliverableProgress:
    task: Task
    deliverable: Deliverable
    done: tuple[Period, Unit] | None
    latest: tuple[Period, Unit, Status, str] | None


@dataclass(frozen=True)
class ScoreRow:
    unit: Unit
    on_time: int
    late: int
    late_days: int
    missing: int
    not_due: int
    score: float
    invalid: int = 0  # quarters whose file does not pass validation (报送有误)


@dataclass(frozen=True)
class CaseEntry:
    quarter: Period
    unit: Unit
    task: Task
    case: Case
    source: str


@dataclass
class CampaignSummary:
    plan: Plan
    quarters: list[Period]
    today: dt.date
    statuses: list[QuarterStatus]
    timelines: list[TaskTimeline]
    deliverables: list[DeliverableProgress]
    scorecard: list[ScoreRow]
    cases: list[CaseEntry]
    charts: dict[str, str] = field(default_factory=dict)  # name → path relative to the report
    excluded: list[Excluded] = field(default_factory=list)  # invalid files, listed at the top
    obligations: list[ObligationStatus] = field(default_factory=list)  # besides quarterly reports

    @property
    def stalled(self) -> list[tuple[TaskTimeline, list[tuple[Period, Period, int]]]]:
        found = []
        for timeline in self.timelines:
            runs = [
                (self.quarters[a], self.quarters[b], b - a + 1) for a, b in timeline.stalled_runs
            ]
            if runs:
                found.append((timeline, runs))
        return found

    @property
    def has_invalid(self) -> bool:
        """Some unit's file for some quarter does not pass validation (报送有误)."""
        return any(s.state is State.INVALID for q in self.statuses for s in q.states)

    @property
    def always_late(self) -> list[ScoreRow]:
        return [r for r in self.scorecard if r.late and not r.on_time and not r.missing]


def parse_range(text: str | None, plan: Plan, today: dt.date) -> list[Period]:
    """2020Q2..2020Q4, a single quarter, or (None) every quarter begun so far."""
    if not text:
        return quarters_so_far(plan, today)
    if ".." in text:
        first_text, last_text = text.split("..", 1)
        first = parse_plan_period(first_text, plan)
        last = parse_plan_period(last_text, plan)
        if last < first:
            raise UsageError("range-backwards", value=text, **kind_words(plan.cadence))
    else:
        first = last = parse_plan_period(text, plan)
    quarters, current = [], first
    while current <= last:
        quarters.append(current)
        current = current.next()
    return quarters


def build_summary(
    plan: Plan,
    quarters: list[Period],
    files: list[CheckedFile],
    today: dt.date,
    arrived: dict[tuple[str, str], Arrival],
    *,
    excluded: Sequence[Excluded] = (),
    obligations: Sequence[ObligationStatus] = (),
    statuses: Sequence[QuarterStatus] | None = None,
) -> CampaignSummary:
    """The whole campaign over quarters; excluded: files left out, listed at the top;
    obligations: the duties besides quarterly reports, as of today; statuses: the quarters'
    board from the same files and arrivals, where the caller has it already (the site)."""
    by_quarter: dict[Period, dict[str, tuple[Submission, str]]] = {q: {} for q in quarters}
    for checked in files:
        quarter = checked.quarter
        if usable(checked) and checked.submission and quarter in by_quarter:
            by_quarter[quarter].setdefault(
                checked.submission.unit, (checked.submission, checked.path)
            )
    if statuses is None:
        rejected = rejections(plan, files)
        statuses = [quarter_status(plan, q, arrived, today, rejected=rejected) for q in quarters]
    statuses = list(statuses)
    due = tuple(today > s.deadline.due for s in statuses)
    # each unit's first report of each task, per quarter: looked up by every task's timeline
    first = {
        q: {uid: _first_statuses(sub) for uid, (sub, _) in units.items()}
        for q, units in by_quarter.items()
    }
    # who reported each task in any quarter: looked up by every task's timeline
    reported: dict[str, set[str]] = {}
    for units in first.values():
        for uid, tasks in units.items():
            for task_id in tasks:
                reported.setdefault(task_id, set()).add(uid)
    timelines = [
        _timeline(plan, task, quarters, first, due, reported.get(task.id, set()))
        for task in plan.tasks.values()
    ]
    return CampaignSummary(
        plan,
        quarters,
        today,
        statuses,
        timelines,
        _deliverables(plan, quarters, by_quarter),
        _scorecard(plan, statuses, today),
        _cases(plan, quarters, by_quarter),
        excluded=list(excluded),
        obligations=list(obligations),
    )


def _first_statuses(submission: Submission) -> dict[str, Status]:
    found: dict[str, Status] = {}
    for item in submission.tasks:
        found.setdefault(item.task, item.status)
    return found


def _timeline(
    plan: Plan,
    task: Task,
    quarters: list[Period],
    first: dict[Period, dict[str, dict[str, Status]]],
    due: tuple[bool, ...],
    reported: set[str],
) -> TaskTimeline:
    """first: per quarter, each unit's status of each task it reported (its first report);
    reported: the units that reported this task in any quarter."""
    named = set(task.units)
    reporters = list(task.units) + [
        uid for uid in plan.units if uid not in named and uid in reported
    ]
    rows = []
    for unit_id in reporters:
        unit, role = plan.units[unit_id], plan.role_of(task, unit_id)
        statuses = tuple(first[q].get(unit_id, {}).get(task.id) for q in quarters)
        rows.append(TimelineRow(unit, role, statuses))
    # per quarter, the best level among the rows (a task always has its lead unit's row)
    levels = tuple(
        max(LEVELS[status] for status in column)
        for column in zip(*(row.statuses for row in rows), strict=True)
    )
    return TaskTimeline(task, tuple(rows), levels, due)


def _deliverables(
    plan: Plan,
    quarters: list[Period],
    by_quarter: dict[Period, dict[str, tuple[Submission, str]]],
) -> list[DeliverableProgress]:
    # per quarter, each task's reports in the order of the quarter's files: one pass
    items: dict[Period, dict[str, list[tuple[str, TaskReport]]]] = {}
    for q in quarters:
        mine = items[q] = {}
        for unit_id, (submission, _) in by_quarter[q].items():
            for item in submission.tasks:
                mine.setdefault(item.task, []).append((unit_id, item))
    found = []
    for task in plan.tasks.values():
        for deliverable in task.deliverables:
            done: tuple[Period, Unit] | None = None
            latest: tuple[Period, Unit, Status, str] | None = None
            for q in quarters:
                for unit_id, item in items[q].get(task.id, ()):
                    for report in item.deliverables:
                        if report.id != deliverable.id:
                            continue
                        latest = (q, plan.units[unit_id], report.status, report.note)
                        if report.status is Status.DONE and done is None:
                            done = (q, plan.units[unit_id])
            found.append(DeliverableProgress(task, deliverable, done, latest))
    return found


def _scorecard(plan: Plan, statuses: list[QuarterStatus], today: dt.date) -> list[ScoreRow]:
    """Points per due quarter by state (plan/scoring.yaml). A file that does not pass
    validation scores as the office decides (points.invalid) once the deadline has passed;
    before it, the unit can still correct it and the quarter is not yet due."""
    rule = plan.scoring.timeliness
    rows = []
    # looked up, not searched: at 3,000 units a search per unit was 45 million comparisons
    by_unit: dict[str, list[tuple[dt.date, UnitState]]] = {}
    for q in statuses:
        for s in q.states:
            by_unit.setdefault(s.unit.id, []).append((q.deadline.due, s))
    for unit in plan.reporters:
        mine = by_unit.get(unit.id, [])
        counted = [
            s
            for due, s in mine
            if s.state is not State.NOT_DUE and not (s.state is State.INVALID and today <= due)
        ]
        points = sum(rule.quarter_points(s.state.value, s.working_days_late) for s in counted)
        best = rule.points.on_time * len(counted)
        states = [s for _, s in mine]
        rows.append(
            ScoreRow(
                unit,
                on_time=sum(s.state is State.ON_TIME for s in states),
                late=sum(s.state is State.LATE for s in states),
                late_days=sum(s.working_days_late for s in states),
                missing=sum(s.state is State.MISSING for s in states),
                not_due=sum(s.state is State.NOT_DUE for s in states),
                score=round(points / best * rule.full_marks, 1) if best else rule.full_marks,
                invalid=sum(s.state is State.INVALID for s in states),
            )
        )
    return rows


def _cases(
    plan: Plan,
    quarters: list[Period],
    by_quarter: dict[Period, dict[str, tuple[Submission, str]]],
) -> list[CaseEntry]:
    order = {uid: i for i, uid in enumerate(plan.units)}
    entries = []
    for q in quarters:
        for unit_id, (submission, source) in sorted(
            by_quarter[q].items(), key=lambda kv: order[kv[0]]
        ):
            for item in submission.tasks:
                entries += [
                    CaseEntry(q, plan.units[unit_id], plan.tasks[item.task], case, source)
                    for case in item.cases
                ]
    return entries


def filter_cases(
    cases: list[CaseEntry],
    *,
    task: str | None = None,
    unit: str | None = None,
    quarter: Period | None = None,
) -> list[CaseEntry]:
    return [
        c
        for c in cases
        if (task is None or c.task.id == task)
        and (unit is None or c.unit.id == unit)
        and (quarter is None or c.quarter == quarter)
    ]
