"""`zzgzn new --format xlsx` and `zzgzn export`: the workbook, blank or filled in from a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zzgzn.calendar.deadlines import deadline
from zzgzn.calendar.periods import Period, parse_plan_period
from zzgzn.checking.rules import check_file
from zzgzn.diagnostics.problems import Problem
from zzgzn.errors import UsageError
from zzgzn.intake.xlsxwrite import build_workbook
from zzgzn.models.plan import Plan
from zzgzn.workflow.filled import Filled


def workbook_name(unit_id: str, quarter: Period) -> str:
    return f"{unit_id}-{quarter}.xlsx"


def blank_workbook(plan: Plan, quarter_text: str, unit_id: str) -> tuple[Period, bytes]:
    if unit_id not in plan.units:
        raise UsageError("unit-unknown-listed", unit=unit_id, choices="、".join(plan.units))
    quarter = parse_plan_period(quarter_text, plan)
    tasks = plan.tasks_of(unit_id)
    if not tasks and not plan.may_report_any_task(unit_id):
        unit = plan.units[unit_id]
        raise UsageError("unit-has-no-tasks", name=unit.name, unit=unit_id)
    return quarter, build_workbook(plan, unit_id, quarter, deadline(plan, quarter).due)


def filled_workbook(
    plan: Plan, path: Path, display: str, today: dt.date
) -> tuple[str, bytes | None, list[Problem]]:
    """The workbook filled in from a submission file; None (and its errors) if it has any."""
    checked = check_file(path, display, plan, today)
    submission = checked.submission
    errors = [p for p in checked.problems if p.is_error]
    if submission is None or errors:
        return "", None, errors or checked.problems
    quarter = Period.from_canonical(submission.quarter, plan.cadence)
    if quarter is None or submission.unit not in plan.units:  # validated above: never
        return "", None, checked.problems
    data = build_workbook(
        plan, submission.unit, quarter, deadline(plan, quarter).due, Filled.of(submission)
    )
    return workbook_name(submission.unit, quarter), data, checked.problems
