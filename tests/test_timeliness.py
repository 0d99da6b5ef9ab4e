"""On time, late by how many working days, invalid, missing or not yet due: one unit at a time.

Dates checked by hand against the State Council's 2020 holiday notice: 2020Q3 ends on
Wednesday 30 September; 1–8 October are the National Day and Mid-Autumn holiday; Saturday
10 October is a make-up working day. Five working days after the quarter: 9, 10, 12, 13, 14
October, so the deadline is Wednesday 14 October.
"""

from __future__ import annotations

import datetime as dt

from tests.conftest import REPO
from zzgzn.calendar.deadlines import calendar_for, deadline
from zzgzn.calendar.periods import parse_plan_period
from zzgzn.checking.planload import load_plan
from zzgzn.diagnostics.problems import problem
from zzgzn.tracking.timeliness import Rejected, State, unit_states

PLAN = load_plan(REPO).plan
assert PLAN is not None
CALENDAR = calendar_for(PLAN)
Q3 = deadline(PLAN, parse_plan_period("2020Q3", PLAN), CALENDAR)


def _states(
    submitted: dict[str, dt.date], today: dt.date, rejected: dict[str, Rejected] | None = None
) -> dict[str, tuple[State, int, bool]]:
    found = unit_states(PLAN, Q3, submitted, today, CALENDAR, rejected)
    return {s.unit.id: (s.state, s.working_days_late, s.required) for s in found}


def test_the_deadline_counts_the_make_up_saturday() -> None:
    assert Q3.due == dt.date(2020, 10, 14)


def test_each_state() -> None:
    states = _states(
        {
            "hexi": dt.date(2020, 10, 14),  # the deadline itself
            "nankai": dt.date(2020, 10, 10),  # the make-up Saturday: a working day
            "hedong": dt.date(2020, 10, 17),  # a Saturday after the deadline: read on Monday 19th
            "hebei": dt.date(2020, 10, 15),
        },
        dt.date(2020, 10, 20),
        rejected={"hongqiao": Rejected("submissions/2020Q3/hongqiao.yaml", ())},
    )
    assert states["hexi"] == (State.ON_TIME, 0, True)
    assert states["nankai"] == (State.ON_TIME, 0, True)
    assert states["hedong"] == (State.LATE, 3, True)
    assert states["hebei"] == (State.LATE, 1, True)
    assert states["hongqiao"] == (State.INVALID, 0, True)
    assert states["heping"] == (State.MISSING, 0, True)


def test_before_the_deadline_nobody_is_missing() -> None:
    states = _states({}, Q3.due)
    assert {state for state, _, _ in states.values()} == {State.NOT_DUE}
    assert len(states) == len(PLAN.reporters)


def test_a_unit_that_need_not_report_is_shown_when_it_does() -> None:
    outsider = next(u for u in PLAN.registry.units if u not in PLAN.reporters)
    states = _states({outsider.id: dt.date(2020, 10, 9)}, dt.date(2020, 10, 20))
    assert states[outsider.id] == (State.ON_TIME, 0, False)
    assert outsider.id not in _states({}, dt.date(2020, 10, 20))


def test_an_invalid_file_names_its_errors_in_json() -> None:
    error = problem("submissions/2020Q3/hexi.yaml", (4, 9), "unknown-task", task="9.9")
    (state,) = [
        s
        for s in unit_states(
            PLAN,
            Q3,
            {},
            dt.date(2020, 10, 20),
            CALENDAR,
            rejected={"hexi": Rejected("submissions/2020Q3/hexi.yaml", (error,))},
        )
        if s.unit.id == "hexi"
    ]
    record = state.as_dict()
    assert record["state"] == "invalid" and record["path"] == "submissions/2020Q3/hexi.yaml"
    assert record["errors"] == [
        {"line": 4, "column": 9, "code": "unknown-task", "message": error.message()}
    ]
