"""What changed between two quarters, task by task: the office reads progress as change.

Status changes, units that report progress on a task for the first time, problems raised
again (carried over) and next steps promised earlier that the later quarter does not mention
(slipped). "Raised again" is the consolidated report's notion of the same problem and
"mentions" a promise's character pairs found in what was reported: both in zzgzn.similar.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from zzgzn.calendar.periods import Period
from zzgzn.checking.checkedfile import CheckedFile
from zzgzn.checking.traces import TaskTrace, Trace
from zzgzn.models.plan import Plan, Task, Unit
from zzgzn.models.submission import Status, Submission, TaskReport
from zzgzn.similar import Haystack, mentioned, same_text
from zzgzn.tracking.status import usable


@dataclass(frozen=True)
class StatusChange:
    unit: Unit
    before: Status
    after: Status


@dataclass(frozen=True)
class Carried:
    unit: Unit
    before: str
    now: str


@dataclass(frozen=True)
class Slipped:
    unit: Unit
    promise: str
    silent: bool  # the unit did not report on the task at all in the later quarter


@dataclass(frozen=True)
class TaskChanges:
    task: Task
    status_changes: tuple[StatusChange, ...]
    first_progress: tuple[Unit, ...]
    carried: tuple[Carried, ...]
    slipped: tuple[Slipped, ...]

    @property
    def empty(self) -> bool:
        return not (self.status_changes or self.first_progress or self.carried or self.slipped)

    def as_dict(self) -> dict[str, object]:
        return {
            "task": self.task.id,
            "title": self.task.title,
            "status_changes": [
                {"unit": c.unit.id, "before": c.before.value, "after": c.after.value}
                for c in self.status_changes
            ],
            "first_progress": [u.id for u in self.first_progress],
            "carried_over_problems": [
                {"unit": c.unit.id, "before": c.before, "now": c.now} for c in self.carried
            ],
            "slipped_next_steps": [
                {"unit": s.unit.id, "promise": s.promise, "unit_silent": s.silent}
                for s in self.slipped
            ],
        }


@dataclass
class QuarterDiff:
    earlier: Period
    later: Period
    tasks: list[TaskChanges]

    @property
    def changed(self) -> list[TaskChanges]:
        return [t for t in self.tasks if not t.empty]

    def total(self, name: str) -> int:
        return sum(len(getattr(t, name)) for t in self.tasks)

    def as_dict(self) -> dict[str, object]:
        return {
            "earlier": str(self.earlier),
            "later": str(self.later),
            "tasks": [t.as_dict() for t in self.changed],
        }


def quarter_diff(
    plan: Plan,
    earlier: Period,
    later: Period,
    history: dict[Period, dict[str, Trace]],
    now: dict[str, Submission],
) -> QuarterDiff:
    """later (now: its submissions by unit) against earlier; history should hold the traces
    of every quarter before later, for "progress for the first time" means never before, not
    only not in earlier."""
    # each quarter's reports by unit and task, looked up rather than searched
    index = {
        q: {u: {item.task: item for item in s.tasks} for u, s in traces.items()}
        for q, traces in history.items()
        if q < later
    }
    before = index.get(earlier, {})
    latest = {u: {item.task: item for item in s.tasks} for u, s in now.items()}
    tasks = []
    for task in plan.tasks.values():
        units = sorted(
            {*_reporting(task, before), *_reporting(task, latest)},
            key=plan.rank_of,
        )
        changes: list[StatusChange] = []
        first: list[Unit] = []
        carried: list[Carried] = []
        slipped: list[Slipped] = []
        for unit_id in units:
            unit = plan.units[unit_id]
            old = before.get(unit_id, {}).get(task.id)
            new = latest.get(unit_id, {}).get(task.id)
            if old and new and old.status is not new.status:
                changes.append(StatusChange(unit, old.status, new.status))
            if new and _first_progress(
                new, [r.get(unit_id, {}).get(task.id) for r in index.values()]
            ):
                first.append(unit)
            if old and new:
                carried += _carried(unit, old.problems, new.problems)
            if old:
                slipped += _slipped(unit, old.next_steps, new)
        tasks.append(
            TaskChanges(task, tuple(changes), tuple(first), tuple(carried), tuple(slipped))
        )
    return QuarterDiff(earlier, later, tasks)


def _first_progress(new: TaskReport, earlier: list[TaskTrace | None]) -> bool:
    """Progress on the task now, and never before (in any earlier quarter, not only the last)."""
    return new.status.is_progress and not any(r and r.status.is_progress for r in earlier)


def _carried(unit: Unit, before: Sequence[str], now: Sequence[str]) -> list[Carried]:
    """Problems raised now that the unit raised, in other words, the quarter before."""
    found = []
    for problem in now:
        was = next((p for p in before if same_text(p, problem)), None)
        if was is not None:
            found.append(Carried(unit, was, problem))
    return found


def _slipped(unit: Unit, promised: Sequence[str], new: TaskReport | None) -> list[Slipped]:
    """Next steps promised before that nothing the unit reports now mentions."""
    said = Haystack(_said(new) if new else "")
    return [
        Slipped(unit, promise, silent=new is None)
        for promise in promised
        if new is None or not mentioned(promise, said)
    ]


def _reporting(task: Task, reports: Mapping[str, Mapping[str, object]]) -> list[str]:
    return [u for u, items in reports.items() if task.id in items]


def _said(report: TaskReport) -> str:
    """Everything a task report says, where a promise may be taken up."""
    parts = [report.narrative, *report.measures, *report.next_steps, *report.problems]
    parts += [m.name for m in report.metrics]
    parts += [f"{c.title}{c.summary}" for c in report.cases]
    parts += [d.note for d in report.deliverables]
    return "\n".join(parts)


def diff_inputs(
    files: list[CheckedFile], later: Period
) -> tuple[dict[Period, dict[str, Trace]], dict[str, Submission]]:
    """What quarter_diff needs of the files: every earlier quarter's traces by unit, and the
    later quarter's submissions by unit (valid files only; the first file of a unit counts)."""
    history: dict[Period, dict[str, Trace]] = {}
    now: dict[str, Submission] = {}
    for checked in files:
        quarter = checked.quarter
        if quarter is None or not usable(checked):
            continue
        if quarter == later and checked.submission is not None:
            now.setdefault(checked.submission.unit, checked.submission)
        elif quarter < later and (trace := checked.traced()) is not None:
            history.setdefault(quarter, {}).setdefault(trace.unit, trace)
    return history, now
