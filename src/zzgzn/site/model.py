"""What the site shows, gathered once from one validation: the same board as `zzgzn status`,
the same timelines, deliverables and cases as `zzgzn summary`, and each unit's submissions.

Nothing here decides a state: a unit's state in a quarter is the board's UnitState, a task's
progress is the summary's TaskTimeline. This module only arranges them per unit and per task.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from zzgzn.calendar.periods import Period
from zzgzn.checking.checkedfile import CheckedFile
from zzgzn.checking.validate import Validation
from zzgzn.models.plan import Plan, Role, Section, Task, Unit
from zzgzn.models.submission import Submission
from zzgzn.report.summarymodel import (
    CampaignSummary,
    CaseEntry,
    DeliverableProgress,
    TaskTimeline,
    build_summary,
)
from zzgzn.site.figures import Figure, Loose, reports_by_task, task_figures
from zzgzn.tracking.obligations import Fulfilment, ObligationStatus
from zzgzn.tracking.status import QuarterStatus, arrivals, counts_for_status, usable
from zzgzn.tracking.statusboard import Board, board_of
from zzgzn.tracking.timeliness import State, UnitState

# The generated documents a site links to, copied from reports/ (charts for the Markdown).
REPORT_SUFFIXES = (".md", ".docx", ".xlsx")
REPORT_DIR = "reports"


@dataclass(frozen=True)
class QuarterRecord:
    """One quarter of one unit: its board state and, once it has arrived, what it sent."""

    quarter: QuarterStatus
    state: UnitState | None  # None: the unit is not on the board that quarter
    submission: Submission | None
    path: str = ""


@dataclass(frozen=True)
class Owed:
    """Something a unit still has to do, and by when. kind: "report" (a quarter not yet due),
    "missing" (a quarter past its deadline), "invalid" (a file to correct) or "obligation";
    what: the quarter's label or the obligation's name (the page words it)."""

    kind: str
    what: str
    due: dt.date
    overdue: bool
    working_days_left: int | None = None


@dataclass
class UnitPage:
    unit: Unit
    records: list[QuarterRecord]
    tasks: list[tuple[Task, Role]]
    duties: list[tuple[ObligationStatus, Fulfilment]]
    owed: list[Owed] = field(default_factory=list)


@dataclass
class TaskPage:
    task: Task
    section: Section
    timeline: TaskTimeline
    deliverables: list[DeliverableProgress]
    figures: list[Figure]
    loose: list[Loose]  # figures reported outside the task's declared metrics
    cases: list[CaseEntry]

    @property
    def stalled(self) -> set[int]:
        """The quarters (by index) in a run of two or more due quarters without progress."""
        return {i for a, b in self.timeline.stalled_runs for i in range(a, b + 1)}


@dataclass(frozen=True)
class ReportLink:
    name: str  # the file's name in reports/
    kind: str  # md, docx, xlsx


@dataclass
class Site:
    plan: Plan
    today: dt.date
    board: Board
    summary: CampaignSummary
    units: list[UnitPage]
    tasks: list[TaskPage]
    reports: list[ReportLink]

    @property
    def quarters(self) -> list[Period]:
        return self.summary.quarters

    def sections(self) -> list[tuple[Section, list[TaskPage]]]:
        return [(s, [t for t in self.tasks if t.section is s]) for s in self.plan.sections]

    @property
    def upcoming(self) -> QuarterStatus | None:
        """The next deadline still ahead: the one to chase."""
        return next((q for q in self.board.quarters if q.working_days_left is not None), None)

    def waiting(self, status: QuarterStatus) -> int:
        return sum(s.state is State.NOT_DUE and s.required for s in status.states)

    def rows(self) -> list[tuple[Unit, list[UnitState | None]]]:
        """The board: each unit with its state per quarter (None: not on it that quarter)."""
        by_quarter = [{s.unit.id: s for s in q.states} for q in self.board.quarters]
        return [(u, [states.get(u.id) for states in by_quarter]) for u in self.board.units]

    def duty_rows(self) -> list[tuple[Unit, list[Fulfilment | None]]]:
        """Unit × obligation, as `zzgzn status` prints it (None: the unit does not owe it)."""
        by_duty = [{r.unit.id: r for r in o.rows} for o in self.board.obligations]
        owing = {r.unit.id for o in self.board.obligations for r in o.rows}
        return [
            (u, [rows.get(u.id) for rows in by_duty])
            for u in self.plan.registry.units
            if u.id in owing
        ]

    def counts(self, status: QuarterStatus) -> list[tuple[State, int]]:
        """How many units stand in each state that quarter, in the board's order of states."""
        return [(state, sum(s.state is state for s in status.states)) for state in State]


def site_of(root: Path, result: Validation, today: dt.date) -> Site:
    """Everything the pages show, from one validation that kept every file's data."""
    board = board_of(root, result, None, today)
    plan = board.plan
    quarters = [q.deadline.quarter for q in board.quarters]
    arrived = arrivals(plan, root, result.files)
    summary = build_summary(
        plan,
        quarters,
        result.files,
        today,
        arrived,
        obligations=board.obligations,
        statuses=board.quarters,  # the same quarters, files and arrivals: not computed twice
    )
    sent = _submissions(result.files)
    # looked up, not searched: a national board is 3,000 units by 5 quarters
    states = [{s.unit.id: s for s in q.states} for q in board.quarters]
    duties: dict[str, list[tuple[ObligationStatus, Fulfilment]]] = {}
    for o in board.obligations:
        for r in o.rows:
            duties.setdefault(r.unit.id, []).append((o, r))
    units = [
        _unit_page(plan, board, unit, states, duties.get(unit.id, []), sent)
        for unit in _listed_units(plan, board)
    ]
    timelines = {t.task.id: t for t in summary.timelines}
    by_task = reports_by_task(sent, plan.rank_of)
    cases: dict[str, list[CaseEntry]] = {}
    for case in summary.cases:
        cases.setdefault(case.task.id, []).append(case)
    tasks = [
        TaskPage(
            task,
            section,
            timelines[task.id],
            [d for d in summary.deliverables if d.task.id == task.id],
            *task_figures(task, quarters, by_task.get(task.id, [])),
            cases.get(task.id, []),
        )
        for section in plan.sections
        for task in section.tasks
    ]
    return Site(plan, today, board, summary, units, tasks, report_links(root))


def _submissions(files: list[CheckedFile]) -> dict[tuple[str, str], tuple[Submission, str]]:
    """(unit, quarter) → the file the board counts for it (the first, as arrivals() takes)."""
    found: dict[tuple[str, str], tuple[Submission, str]] = {}
    for checked in files:
        if checked.key and checked.submission and usable(checked) and counts_for_status(checked):
            found.setdefault(checked.key, (checked.submission, checked.path))
    return found


def _listed_units(plan: Plan, board: Board) -> list[Unit]:
    """The board's units, then any unit that owes an obligation or has a task: a page each."""
    listed = {u.id for u in board.units}
    listed |= {r.unit.id for o in board.obligations for r in o.rows}
    listed |= {uid for task in plan.tasks.values() for uid in task.units}
    return [u for u in plan.registry.units if u.id in listed]


def _unit_page(
    plan: Plan,
    board: Board,
    unit: Unit,
    states: list[dict[str, UnitState]],
    duties: list[tuple[ObligationStatus, Fulfilment]],
    sent: dict[tuple[str, str], tuple[Submission, str]],
) -> UnitPage:
    records = []
    for status, by_unit in zip(board.quarters, states, strict=True):
        state = by_unit.get(unit.id)
        found = sent.get((unit.id, str(status.deadline.quarter)))
        arrived = state is not None and state.submitted_on is not None and found is not None
        records.append(
            QuarterRecord(
                status,
                state,
                found[0] if arrived and found else None,
                found[1] if arrived and found else "",
            )
        )
    tasks = [(t, plan.role_of(t, unit.id)) for t in plan.tasks_of(unit.id)]
    page = UnitPage(unit, records, tasks, duties)
    page.owed = _owed(page)
    return page


def _owed(page: UnitPage) -> list[Owed]:
    """The quarters still to report or to correct, and the obligations not yet done."""
    owed = []
    for record in page.records:
        state, status = record.state, record.quarter
        if state is None or not state.required:
            continue
        label, due = status.deadline.quarter.label, status.deadline.due
        if state.state is State.NOT_DUE:
            owed.append(Owed("report", label, due, False, status.working_days_left))
        elif state.state is State.MISSING:
            owed.append(Owed("missing", label, due, True))
        elif state.state is State.INVALID:
            owed.append(Owed("invalid", label, due, True))
    for duty, row in page.duties:
        if row.state in (State.NOT_DUE, State.MISSING):
            overdue = row.state is State.MISSING
            owed.append(Owed("obligation", duty.obligation.name, duty.due, overdue))
    return sorted(owed, key=lambda o: (not o.overdue, o.due, o.what))


def report_links(root: Path) -> list[ReportLink]:
    """The documents `zzgzn report` and `zzgzn summary` left in reports/, by name."""
    folder = root / REPORT_DIR
    if not folder.is_dir():
        return []
    return [
        ReportLink(p.name, p.suffix[1:])
        for p in sorted(folder.iterdir(), key=lambda p: p.name)
        if p.is_file() and p.suffix in REPORT_SUFFIXES and not p.name.startswith(".")
    ]
