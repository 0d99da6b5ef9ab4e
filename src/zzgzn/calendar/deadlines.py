"""Each quarter of the campaign, when it ends and when its report is due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zzgzn.calendar.quarters import Quarter, quarters_between
from zzgzn.calendar.workdays import WorkCalendar
from zzgzn.models.plan import Plan


@dataclass(frozen=True)
class Deadline:
    quarter: Quarter
    end: dt.date
    due: dt.date

    def as_dict(self) -> dict[str, str]:
        return {
            "quarter": str(self.quarter),
            "end": self.end.isoformat(),
            "due": self.due.isoformat(),
        }


def calendar_for(plan: Plan) -> WorkCalendar:
    return WorkCalendar(plan.calendar)


def deadline(plan: Plan, quarter: Quarter, calendar: WorkCalendar | None = None) -> Deadline:
    """Due on the n-th working day after the quarter's last day (n from the reporting rule)."""
    calendar = calendar or calendar_for(plan)
    due = calendar.add_workdays(quarter.end, plan.schedule.reporting.due_working_days)
    return Deadline(quarter, quarter.end, due)


def all_deadlines(plan: Plan, calendar: WorkCalendar | None = None) -> list[Deadline]:
    calendar = calendar or calendar_for(plan)
    return [deadline(plan, q, calendar) for q in quarters_between(*plan.activity)]
