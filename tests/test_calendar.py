"""Quarters as people type them, and deadlines on the Chinese working-day calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from zzgzn.calendar.deadlines import all_deadlines, deadline
from zzgzn.calendar.periods import Period, parse_period
from zzgzn.calendar.workdays import WorkCalendar
from zzgzn.checking.planload import load_plan
from zzgzn.errors import CalendarError, UsageError
from zzgzn.models.plan import Cadence, CalendarDay, CalendarOverrides

from .conftest import REPO

WINDOW = (dt.date(2020, 3, 1), dt.date(2021, 3, 31))


@pytest.mark.parametrize(
    "text",
    [
        "2020Q2",
        "2020q2",
        "2020-Q2",
        "Q2",
        "q2",
        "2020年第二季度",
        "2020年第2季度",
        "２０２０Ｑ２",
        " 2020Q2 ",
    ],
)
def test_quarter_forms(text: str) -> None:
    assert parse_period(text, WINDOW, Cadence.QUARTERLY) == Period.quarter(2020, 2)


def test_bare_quarter_that_is_ambiguous_lists_the_choices() -> None:
    with pytest.raises(UsageError, match="2020Q1、2021Q1"):
        parse_period("Q1", WINDOW, Cadence.QUARTERLY)


@pytest.mark.parametrize("text", ["2019Q4", "2021Q2", "2022年第一季度"])
def test_quarter_outside_the_window_is_refused(text: str) -> None:
    with pytest.raises(UsageError, match=r"^period-outside-campaign"):
        parse_period(text, WINDOW, Cadence.QUARTERLY)


@pytest.mark.parametrize("text", ["Q5", "2020Q0", "第五季度", "", "2020"])
def test_nonsense_is_refused(text: str) -> None:
    with pytest.raises(UsageError):
        parse_period(text, WINDOW, Cadence.QUARTERLY)


def test_quarter_bounds() -> None:
    assert (Period.quarter(2020, 1).start, Period.quarter(2020, 1).end) == (
        dt.date(2020, 1, 1),
        dt.date(2020, 3, 31),
    )
    assert Period.quarter(2020, 4).end == dt.date(2020, 12, 31)
    assert Period.quarter(2020, 4).next() == Period.quarter(2021, 1)


def test_deadlines_of_the_activity() -> None:
    plan = load_plan(REPO).plan
    assert plan is not None
    got = {str(d.quarter): str(d.due) for d in all_deadlines(plan)}
    assert got == {
        "2020Q1": "2020-04-08",  # 清明 4–6 April off
        "2020Q2": "2020-07-07",
        "2020Q3": "2020-10-14",  # 1–8 October off, Saturday 10 October worked (调休)
        "2020Q4": "2021-01-08",  # 元旦 1–3 January off
        "2021Q1": "2021-04-08",  # 清明 3–5 April off
    }


def test_make_up_saturday_counts_as_a_working_day() -> None:
    calendar = WorkCalendar()
    assert calendar.is_workday(dt.date(2020, 10, 10))  # Saturday, 调休上班
    assert not calendar.is_workday(dt.date(2020, 10, 8))  # Thursday, holiday
    # 9 Oct (Fri), 10 Oct (Sat, make-up), 12, 13, 14 Oct
    assert calendar.add_workdays(dt.date(2020, 9, 30), 5) == dt.date(2020, 10, 14)


def test_late_working_days_count_make_up_days_and_skip_holidays() -> None:
    calendar = WorkCalendar()
    assert calendar.workdays_after(dt.date(2020, 9, 30), dt.date(2020, 10, 9)) == 1
    assert calendar.workdays_after(dt.date(2020, 10, 14), dt.date(2020, 10, 14)) == 0


def test_a_year_the_library_does_not_know_is_an_error_not_a_guess() -> None:
    with pytest.raises(CalendarError, match="2031"):
        WorkCalendar().is_workday(dt.date(2031, 5, 1))


def test_plan_overrides_fill_a_missing_year() -> None:
    overrides = CalendarOverrides(
        holidays=[CalendarDay(date=dt.date(2031, 1, 1), note="元旦")],
        workdays=[CalendarDay(date=dt.date(2031, 1, 4), note="调休上班（示例）")],
        complete_years=[2031],
    )
    calendar = WorkCalendar(overrides)
    assert not calendar.is_workday(dt.date(2031, 1, 1))  # Wednesday, listed holiday
    assert calendar.is_workday(dt.date(2031, 1, 4))  # Saturday, listed make-up day
    assert calendar.is_workday(dt.date(2031, 1, 6))  # Monday, by weekday
    assert calendar.add_workdays(dt.date(2031, 1, 1), 2) == dt.date(2031, 1, 3)
    assert calendar.add_workdays(dt.date(2031, 1, 3), 1) == dt.date(2031, 1, 4)


def test_plan_overrides_win_over_the_library() -> None:
    overrides = CalendarOverrides(holidays=[CalendarDay(date=dt.date(2020, 7, 2), note="本地安排")])
    plan = load_plan(REPO).plan
    assert plan is not None
    assert deadline(plan, Period.quarter(2020, 2)).due == dt.date(2020, 7, 7)
    calendar = WorkCalendar(overrides)
    assert deadline(plan, Period.quarter(2020, 2), calendar).due == dt.date(2020, 7, 8)


def test_working_days_late_reads_a_rest_day_arrival_on_the_next_working_day() -> None:
    calendar = WorkCalendar(CalendarOverrides())
    due = dt.date(2020, 10, 14)  # 2020Q3's deadline (Wednesday)
    assert calendar.working_days_late(due, due) == 0
    assert calendar.working_days_late(due, dt.date(2020, 10, 9)) == 0
    assert calendar.working_days_late(due, dt.date(2020, 10, 15)) == 1
    assert calendar.working_days_late(due, dt.date(2020, 10, 17)) == 3  # Saturday: as Monday 19th
    assert calendar.working_days_late(due, dt.date(2020, 10, 19)) == 3
