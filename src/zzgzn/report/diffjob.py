"""`zzgzn diff`: what changed between two quarters, from the folders up to the later one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from zzgzn.calendar.periods import kind_words, parse_plan_period
from zzgzn.checking.runner import default_jobs
from zzgzn.checking.validate import valid_plan, validate_quarter
from zzgzn.errors import UsageError
from zzgzn.models.plan import Plan
from zzgzn.rendering.markdown import render
from zzgzn.report.diff import QuarterDiff, diff_inputs, quarter_diff
from zzgzn.tracking.status import counts_for_status

TEMPLATE = "diff.md.j2"


@dataclass
class DiffOutcome:
    plan: Plan
    diff: QuarterDiff
    markdown: str
    skipped: list[str]  # invalid files left out (validate says why)


def run_diff(
    root: Path, earlier_text: str, later_text: str, today: dt.date, *, use_cache: bool = False
) -> DiffOutcome:
    result, later = validate_quarter(
        root, later_text, today, jobs=default_jobs(), history=True, use_cache=use_cache
    )
    plan = valid_plan(result)
    earlier = parse_plan_period(earlier_text, plan)
    if not earlier < later:
        raise UsageError("diff-order", earlier=earlier, later=later, **kind_words(plan.cadence))
    diff = quarter_diff(plan, earlier, later, *diff_inputs(result.files, later))
    skipped = [f.path for f in result.files if not counts_for_status(f)]
    return DiffOutcome(
        plan, diff, render(TEMPLATE, root, lang=plan.meta.language, d=diff, plan=plan), skipped
    )
