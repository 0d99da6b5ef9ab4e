"""Chinese working days: the official holiday tables, overridable from plan/calendar.yaml.

`chinesecalendar` carries the State Council's tables including make-up working weekends (调休)
and, unlike `holidays.China()`, refuses a year it has no table for instead of guessing — a
deadline is an obligation, so a gap must be an error the office can fix in plan/, not a guess.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

import chinese_calendar

from zzgzn.errors import CalendarError
from zzgzn.models.plan import CalendarOverrides

MAX_SPAN_DAYS = 400


@functools.cache
def _library_is_workday(day: dt.date) -> bool:
    """Remembered: the library's tables do not change while zzgzn runs, and each of its
    answers scans them (a report's 6,000 files ask about the same few days ~50,000 times).
    A year it lacks raises every time (an exception is not remembered)."""
    return bool(chinese_calendar.is_workday(day))


class WorkCalendar:
    def __init__(
        self,
        overrides: CalendarOverrides | None = None,
        library: Callable[[dt.date], bool] = _library_is_workday,
    ) -> None:
        overrides = overrides or CalendarOverrides()
        self._holidays = {d.date for d in overrides.holidays}
        self._workdays = {d.date for d in overrides.workdays}
        self._complete_years = set(overrides.complete_years)
        self._library = library

    def is_workday(self, day: dt.date) -> bool:
        if day in self._workdays:
            return True
        if day in self._holidays:
            return False
        if day.year in self._complete_years:
            return day.weekday() < 5
        try:
            return self._library(day)
        except NotImplementedError:
            raise CalendarError("calendar-year-unknown", year=day.year, day=day) from None

    def add_workdays(self, day: dt.date, count: int) -> dt.date:
        """The count-th working day after day (day itself never counts)."""
        current, found = day, 0
        while found < count:
            current += dt.timedelta(days=1)
            if (current - day).days > MAX_SPAN_DAYS:
                raise CalendarError(
                    "calendar-no-workdays", day=day, span=MAX_SPAN_DAYS, count=count
                )
            if self.is_workday(current):
                found += 1
        return current

    def working_days_late(self, due: dt.date, arrived: dt.date) -> int:
        """How late something due on due is when it arrives on arrived (0: on time).

        What arrives on a rest day is read on the next working day, so a Saturday after the
        deadline counts as the Monday; one rule for quarterly reports and every obligation.
        """
        if arrived <= due:
            return 0
        return self.workdays_after(due, arrived) + (not self.is_workday(arrived))

    def covers(self, start: dt.date, end: dt.date) -> bool:
        """Whether every day from start to end can be answered (the tables or complete_years
        hold each year): what validate asks of a date, so that no later command refuses it."""
        for year in range(start.year, end.year + 1):
            if year in self._complete_years:
                continue
            try:
                self._library(dt.date(year, 1, 1))
            except NotImplementedError:
                return False
        return True

    def workdays_after(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: how many working days late a submission on end is.

        Any span the calendar covers is counted (a file sent years late is still late by a
        number); a year it does not cover is a CalendarError, which validate reports first.
        """
        if end <= start:
            return 0
        return sum(
            self.is_workday(start + dt.timedelta(days=offset))
            for offset in range(1, (end - start).days + 1)
        )
