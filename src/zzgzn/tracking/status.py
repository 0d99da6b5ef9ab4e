"""Who has reported which quarter, and when: the office's view for chasing units."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from zzgzn.calendar.deadlines import Deadline, calendar_for, deadline
from zzgzn.calendar.periods import Period, campaign_periods, is_period_folder
from zzgzn.calendar.workdays import WorkCalendar
from zzgzn.checking.checkedfile import CheckedFile
from zzgzn.models.plan import Plan
from zzgzn.tracking.gitdates import first_added
from zzgzn.tracking.timeliness import Arrival, Rejected, UnitState, unit_states


@dataclass
class QuarterStatus:
    deadline: Deadline
    states: list[UnitState]
    working_days_left: int | None = None  # until the deadline, while it is still ahead

    def as_dict(self, lang: str = "zh") -> dict[str, object]:
        return {
            "quarter": str(self.deadline.quarter),
            "due": self.deadline.due.isoformat(),
            "working_days_left": self.working_days_left,
            "units": [s.as_dict(lang) for s in self.states],
        }


def arrivals(plan: Plan, root: Path, files: list[CheckedFile]) -> dict[tuple[str, str], Arrival]:
    """(unit, quarter) → when it arrived, from git where the plan says so and git knows."""
    rule = plan.schedule.reporting
    added = first_added(root, rule.utc_offset_hours) if rule.submission_dates == "git" else {}
    found: dict[tuple[str, str], Arrival] = {}
    for checked in files:
        # key: (unit, quarter) for quarterly reports, (unit, kind) for documents
        if checked.key is None or checked.submitted_on is None or not counts_for_status(checked):
            continue
        git_date = added.get(checked.path)
        arrival = Arrival(
            git_date or checked.submitted_on,
            checked.submitted_on,
            "git" if git_date else "file",
            final=not any(p.code == "no-approver" for p in checked.problems),
            path=checked.path,
        )
        found.setdefault(checked.key, arrival)
    return found


# The errors a correction notice quotes: enough to start on, short enough to paste.
FIRST_ERRORS = 3


def rejections(plan: Plan, files: list[CheckedFile]) -> dict[tuple[str, str], Rejected]:
    """(unit, quarter) → the file that does not pass validation, where it can be placed: by
    where it is (submissions/<quarter>/<unit>.yaml: a file copied from last quarter with its
    old `quarter:` was still sent for this one), else by what the file says."""
    found: dict[tuple[str, str], Rejected] = {}
    for checked in files:
        if counts_for_status(checked):
            continue
        key = (checked.stem, checked.folder or "")
        if key[0] not in plan.units or not is_period_folder(key[1], plan.cadence):
            key = checked.key or key
        if key[0] not in plan.units or not is_period_folder(key[1], plan.cadence):
            continue
        errors = tuple(sorted(p for p in checked.problems if p.is_error))[:FIRST_ERRORS]
        found.setdefault(key, Rejected(checked.path, errors))
    return found


# Replaying a past day (--today), files dated later have simply not arrived yet, and a
# correction dated later has not been made yet: neither makes the file invalid for that day.
_NOT_YET = ("submitted-future", "amendment-future")


def counts_for_status(checked: CheckedFile) -> bool:
    return not any(p.is_error and p.code not in _NOT_YET for p in checked.problems)


def usable(checked: CheckedFile) -> bool:
    """Valid on the day looked at: a correction dated later than it does not count against it
    (the file has arrived; the correction has not been made yet)."""
    return checked.key is not None and not any(
        p.is_error and p.code != "amendment-future" for p in checked.problems
    )


def quarter_status(
    plan: Plan,
    quarter: Period,
    arrived: dict[tuple[str, str], Arrival],
    today: dt.date,
    calendar: WorkCalendar | None = None,
    rejected: dict[tuple[str, str], Rejected] | None = None,
) -> QuarterStatus:
    """rejected (from rejections()): files there but invalid, shown as 报送有误."""
    calendar = calendar or calendar_for(plan)
    due = deadline(plan, quarter, calendar)
    mine = {unit: a for (unit, q), a in arrived.items() if q == str(quarter) and a.date <= today}
    wrong = {unit: r for (unit, q), r in (rejected or {}).items() if q == str(quarter)}
    states = unit_states(plan, due, {u: a.date for u, a in mine.items()}, today, calendar, wrong)
    states = [s.with_arrival(mine[s.unit.id]) if s.unit.id in mine else s for s in states]
    left = calendar.workdays_after(today, due.due) if today <= due.due else None
    return QuarterStatus(due, states, left)


def quarters_so_far(plan: Plan, today: dt.date) -> list[Period]:
    """The campaign's quarters that have begun by today (all of them once it is over)."""
    return [q for q in campaign_periods(plan) if q.start <= today] or campaign_periods(plan)[:1]
