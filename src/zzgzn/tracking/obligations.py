"""Where each unit stands on the obligations besides quarterly reports (plan/obligations.yaml).

A liaison named in the registry, a document filed (work plan, evaluation summary), typical
cases reported: each is done (on time or late by n working days), still missing, or not due —
the states of a quarterly report (timeliness.State), worded for a duty ("已完成", "未完成").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zzgzn.calendar.deadlines import calendar_for
from zzgzn.calendar.workdays import WorkCalendar
from zzgzn.checking.checkedfile import CheckedFile
from zzgzn.checking.discovery import PLAN_DIR
from zzgzn.models.plan import Obligation, Plan, Unit
from zzgzn.tracking.status import usable
from zzgzn.tracking.timeliness import Arrival, State, label_of

# a duty is done, not "on time"; late says how late, as for reports
DUTY_LABELS = {State.ON_TIME: "已完成", State.MISSING: "未完成", State.NOT_DUE: "未到期"}


@dataclass(frozen=True)
class Fulfilment:
    unit: Unit
    state: State  # never INVALID: a duty's file that fails validation is not there yet
    on: dt.date | None = None  # when it was done, where a file says so
    working_days_late: int = 0
    final: bool = True  # a filed document without an approver is a draft
    source: str = ""  # the file that fulfils it

    @property
    def label(self) -> str:
        return label_of(self.state, self.working_days_late, self.final, DUTY_LABELS)

    def as_dict(self) -> dict[str, object]:
        return {
            "unit": self.unit.id,
            "name": self.unit.name,
            "state": self.state.value,
            "done_on": self.on.isoformat() if self.on else None,
            "working_days_late": self.working_days_late,
            "final": self.final,
            "source": self.source or None,
        }


@dataclass(frozen=True)
class ObligationStatus:
    obligation: Obligation
    due: dt.date
    rows: tuple[Fulfilment, ...]

    def units_in(self, state: str) -> list[Fulfilment]:
        wanted = State(state)
        return [r for r in self.rows if r.state is wanted]

    def as_dict(self) -> dict[str, object]:
        return {
            "obligation": self.obligation.id,
            "name": self.obligation.name,
            "due": self.due.isoformat(),
            "units": [r.as_dict() for r in self.rows],
        }


def due_date(plan: Plan, obligation: Obligation, calendar: WorkCalendar) -> dt.date:
    due = obligation.due
    if due.date is not None:
        return due.date
    phase = plan.phase(due.phase or "")
    assert phase is not None  # planload reports an unknown phase as an error
    edge = phase.start if due.edge == "start" else phase.end
    return calendar.add_workdays(edge, due.working_days) if due.working_days else edge


def obligation_statuses(
    plan: Plan,
    files: list[CheckedFile],
    arrived: dict[tuple[str, str], Arrival],
    today: dt.date,
    calendar: WorkCalendar | None = None,
) -> list[ObligationStatus]:
    """Every obligation in plan order, each with every unit that owes it in registry order."""
    calendar = calendar or calendar_for(plan)
    found = []
    cases: dict[str, list[tuple[dt.date, str]]] | None = None
    for obligation in plan.obligations:
        due = due_date(plan, obligation, calendar)
        way = obligation.fulfilled_by
        rows = []
        for unit in plan.owes(obligation):
            if way.registry:
                done = bool(unit.liaison.name.strip() and unit.liaison.phone.strip())
                row = _fulfilment(unit, due, today, calendar, done=done, source="units.yaml")
            elif way.document:
                arrival = arrived.get((unit.id, way.document))
                row = _fulfilment(
                    unit,
                    due,
                    today,
                    calendar,
                    on=arrival.date if arrival else None,
                    final=arrival.final if arrival else True,
                    source=arrival.path if arrival else "",
                )
            else:
                if cases is None:  # read the files once, for every unit
                    cases = _cases_by_unit(files, arrived, today)
                dated = cases.get(unit.id, [])
                needed = way.cases or 1
                on, source = dated[needed - 1] if len(dated) >= needed else (None, "")
                row = _fulfilment(unit, due, today, calendar, on=on, source=source)
            rows.append(row)
        found.append(ObligationStatus(obligation, due, tuple(rows)))
    return found


def _fulfilment(
    unit: Unit,
    due: dt.date,
    today: dt.date,
    calendar: WorkCalendar,
    *,
    done: bool = False,
    on: dt.date | None = None,
    final: bool = True,
    source: str = "",
) -> Fulfilment:
    if on is not None and on <= today:
        if on <= due:
            return Fulfilment(unit, State.ON_TIME, on, final=final, source=source)
        late = calendar.working_days_late(due, on)
        return Fulfilment(unit, State.LATE, on, late, final, source)
    if done:
        return Fulfilment(unit, State.ON_TIME, source=f"{PLAN_DIR}/{source}")
    return Fulfilment(unit, State.MISSING if today > due else State.NOT_DUE)


def _cases_by_unit(
    files: list[CheckedFile], arrived: dict[tuple[str, str], Arrival], today: dt.date
) -> dict[str, list[tuple[dt.date, str]]]:
    """Per unit, one (arrival day, file) per typical case arrived by today, in day order."""
    found: dict[str, list[tuple[dt.date, str]]] = {}
    for checked in files:
        if not usable(checked):
            continue
        # what CheckedFile.traced() says, without tracing a whole submission for its counts
        if (trace := checked.trace) is not None:
            unit, quarter, sent, count = trace.unit, trace.quarter, trace.submitted_on, trace.cases
        elif (sub := checked.submission) is not None:
            unit, quarter, sent = sub.unit, sub.quarter, sub.submitted_on
            count = sum(len(t.cases) for t in sub.tasks)
        else:
            continue
        arrival = arrived.get((unit, quarter))
        day = arrival.date if arrival else sent
        if day <= today and count:
            found.setdefault(unit, []).extend([(day, checked.path)] * count)
    for dated in found.values():
        dated.sort()
    return found
