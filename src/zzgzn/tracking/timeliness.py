"""Who reported a quarter on time, who late (by how many working days), who sent a file that
does not pass validation (报送有误), who not at all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from zzgzn.calendar.deadlines import Deadline
from zzgzn.calendar.workdays import WorkCalendar
from zzgzn.diagnostics.problems import Problem
from zzgzn.models.plan import Plan, Unit


@dataclass(frozen=True)
class Arrival:
    """When a unit's file arrived: git's first commit of it, else the date the file states."""

    date: dt.date
    self_reported: dt.date
    source: str  # "git" or "file"
    final: bool = True  # approved by the unit's head (a 审核人 is named)
    path: str = ""


@dataclass(frozen=True)
class Rejected:
    """A unit's file for a quarter is there but does not pass validation: it submitted, and
    must correct it (the first errors say what to correct)."""

    path: str
    errors: tuple[Problem, ...]


class State(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    INVALID = "invalid"  # 报送有误: a file is there, but it does not pass validation
    MISSING = "missing"
    NOT_DUE = "not_due"


LABELS = {
    State.ON_TIME: "按时",
    State.INVALID: "报送有误",
    State.MISSING: "未报送",
    State.NOT_DUE: "未到期",
}


def label_of(
    state: State, working_days_late: int, final: bool, words: Mapping[State, str] = LABELS
) -> str:
    """What a report or a duty's cell says: words for the state (the quarterly report's by
    default), or how late; a draft (no approver) says so."""
    text = f"逾期{working_days_late}个工作日" if state is State.LATE else words[state]
    return text if final else f"{text}（未审核）"


@dataclass(frozen=True)
class UnitState:
    unit: Unit
    state: State
    submitted_on: dt.date | None = None
    working_days_late: int = 0
    required: bool = True
    self_reported: dt.date | None = None  # the date the file itself states
    source: str = "file"  # where submitted_on came from: "git" or "file"
    final: bool = True  # False: no approver (审核人) named yet, a draft
    rejected: Rejected | None = None  # the file that does not pass validation (State.INVALID)

    def with_arrival(self, arrival: Arrival) -> UnitState:
        return replace(
            self, self_reported=arrival.self_reported, source=arrival.source, final=arrival.final
        )

    @property
    def disagrees(self) -> bool:
        """The file claims a different date from the one git recorded."""
        return self.source == "git" and self.self_reported not in (None, self.submitted_on)

    @property
    def label(self) -> str:
        return label_of(self.state, self.working_days_late, self.final)

    def as_dict(self, lang: str = "zh") -> dict[str, object]:
        """The machine fields stay as they are in every language; `message` is in lang."""
        return {
            "unit": self.unit.id,
            "name": self.unit.name,
            "state": self.state.value,
            "submitted_on": self.submitted_on.isoformat() if self.submitted_on else None,
            "working_days_late": self.working_days_late,
            "self_reported_on": self.self_reported.isoformat() if self.self_reported else None,
            "date_source": self.source if self.submitted_on else None,
            "final": self.final if self.submitted_on else None,
            **(
                {
                    "path": self.rejected.path,
                    "errors": [
                        {
                            "line": e.line,
                            "column": e.column,
                            "code": e.code,
                            "message": e.message(lang),
                        }
                        for e in self.rejected.errors
                    ],
                }
                if self.rejected
                else {}
            ),
        }


def unit_states(
    plan: Plan,
    deadline: Deadline,
    submitted: dict[str, dt.date],
    today: dt.date,
    calendar: WorkCalendar,
    rejected: dict[str, Rejected] | None = None,
) -> list[UnitState]:
    """Every unit that must report, in registry order, then any other unit that did report.

    rejected: units whose only file for the quarter does not pass validation.
    """
    required = {u.id for u in plan.reporters}
    rejected = rejected or {}
    states = []
    for unit in plan.registry.units:
        if unit.id not in required and unit.id not in submitted and unit.id not in rejected:
            continue
        day = submitted.get(unit.id)
        if day is None and unit.id in rejected:
            states.append(
                UnitState(
                    unit, State.INVALID, required=unit.id in required, rejected=rejected[unit.id]
                )
            )
        elif day is None:
            state = State.NOT_DUE if today <= deadline.due else State.MISSING
            states.append(UnitState(unit, state))
        elif day <= deadline.due:
            states.append(UnitState(unit, State.ON_TIME, day, required=unit.id in required))
        else:
            late = calendar.working_days_late(deadline.due, day)
            states.append(UnitState(unit, State.LATE, day, late, required=unit.id in required))
    return states
