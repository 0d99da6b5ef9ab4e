"""Each reporting period of the campaign, when it ends and when its report is due."""

from __future__ import annotations

import calendar as monthdays
import datetime as dt
from dataclasses import dataclass

from zzgzn.calendar.periods import KIND_WORDS, PROSE, Period, campaign_periods
from zzgzn.calendar.workdays import WorkCalendar
from zzgzn.models.plan import Cadence, Plan, ReportingRule


@dataclass(frozen=True)
class Deadline:
    quarter: Period  # the period (the name is the quarterly campaigns' JSON key)
    end: dt.date
    due: dt.date

    def as_dict(self) -> dict[str, str]:
        return {
            "quarter": str(self.quarter),
            "end": self.end.isoformat(),
            "due": self.due.isoformat(),
        }


def calendar_for(plan: Plan) -> WorkCalendar:
    """The plan's working days (one per plan: each file checked asks for it)."""
    calendar = plan.memo.get(WorkCalendar)
    if not isinstance(calendar, WorkCalendar):
        calendar = plan.memo[WorkCalendar] = WorkCalendar(plan.calendar)
    return calendar


def _day_of(year: int, month: int, day: int) -> dt.date:
    """Day `day` of the month, or its last day when the month is shorter (30日 in February)."""
    return dt.date(year, month, min(day, monthdays.monthrange(year, month)[1]))


def due_date(rule: ReportingRule, period: Period, calendar: WorkCalendar) -> dt.date:
    """When the period's report is due under the plan's rule."""
    if rule.due_working_days is not None:
        return calendar.add_workdays(period.end, rule.due_working_days)
    if rule.due_day_of_next_month is not None:
        after = period.end + dt.timedelta(days=1)
        due = _day_of(after.year, after.month, rule.due_day_of_next_month)
    else:
        assert rule.due_day_of_final_month is not None  # the model holds exactly one rule
        due = _day_of(*period.final_month, rule.due_day_of_final_month)
    if rule.on_rest_day == "next_working_day" and not calendar.is_workday(due):
        due = calendar.add_workdays(due, 1)
    return due


def deadline(plan: Plan, quarter: Period, calendar: WorkCalendar | None = None) -> Deadline:
    """The period's end and due date under the plan's reporting rule."""
    calendar = calendar or calendar_for(plan)
    return Deadline(quarter, quarter.end, due_date(plan.schedule.reporting, quarter, calendar))


def all_deadlines(plan: Plan, calendar: WorkCalendar | None = None) -> list[Deadline]:
    calendar = calendar or calendar_for(plan)
    return [deadline(plan, q, calendar) for q in campaign_periods(plan)]


def describe_rule(rule: ReportingRule, lang: str = "zh", *, bracketed: bool = False) -> str:
    """The due rule as the plan would word it: 每季度结束后5个工作日内, 每月结束后次月5日前,
    每季度最后一个月25日前 (with 遇节假日顺延 when the date moves). bracketed: the text goes
    inside brackets already, so the moved date is said after a comma, not in brackets again."""
    each = PROSE[rule.cadence][3]
    word_en = KIND_WORDS[rule.cadence][1]
    moved = rule.on_rest_day == "next_working_day"
    if rule.due_working_days is not None:
        if lang == "en":
            return f"within {rule.due_working_days} working days after each {word_en}"
        return f"{each}结束后{rule.due_working_days}个工作日内"
    if rule.due_day_of_next_month is not None:
        day = rule.due_day_of_next_month
        if lang == "en":
            text = f"by day {day} of the month after each {word_en}"
        else:
            text = f"{each}结束后次月{day}日前"
    else:
        day = rule.due_day_of_final_month or 0
        if lang == "en":
            text = f"by day {day} of the last month of each {word_en}"
        elif rule.cadence is Cadence.MONTHLY:
            text = f"每月{day}日前"
        elif rule.cadence is Cadence.YEARLY:
            text = f"每年12月{day}日前"
        else:
            text = f"{each}最后一个月{day}日前"
    if moved:
        if lang == "en":
            text += ", moved to the next working day on a rest day"
        else:
            text += "，遇节假日顺延" if bracketed else "（遇节假日顺延）"
    return text
