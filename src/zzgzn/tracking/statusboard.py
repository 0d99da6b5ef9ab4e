"""The unit × quarter board behind `zzgzn status` and `zzgzn remind`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from zzgzn.calendar.periods import Period, parse_plan_period
from zzgzn.checking.discovery import SUBMISSIONS_DIR
from zzgzn.checking.runner import default_jobs
from zzgzn.checking.validate import Validation, valid_plan, validate_repository
from zzgzn.models.plan import Plan, Unit
from zzgzn.rendering.markdown import render
from zzgzn.tracking.obligations import ObligationStatus, obligation_statuses
from zzgzn.tracking.status import (
    QuarterStatus,
    arrivals,
    counts_for_status,
    quarter_status,
    quarters_so_far,
    rejections,
)


@dataclass
class Board:
    plan: Plan
    today: dt.date
    quarters: list[QuarterStatus]
    units: list[Unit]
    invalid: int  # files that do not pass validation and are not on the board (报送有误 is)
    obligations: list[ObligationStatus] = field(default_factory=list)


def status_board(
    root: Path, quarter_text: str | None, today: dt.date, *, use_cache: bool = False
) -> Board:
    """use_cache: unchanged files are answered from the cache (findings, and the trace that
    counts a quarterly file's typical cases: the board needs nothing more of them)."""
    folder = root / SUBMISSIONS_DIR
    quarterly = frozenset(
        p.name
        for p in (folder.iterdir() if folder.is_dir() else [])
        if Period.canonical_kind(p.name)
    )
    result = validate_repository(
        root, today, jobs=default_jobs(), use_cache=use_cache, trace_only=quarterly
    )
    return board_of(root, result, quarter_text, today)


def board_of(root: Path, result: Validation, quarter_text: str | None, today: dt.date) -> Board:
    """The board from a validation already made (the site reads every file in full once
    and builds this board and its pages from the same result)."""
    plan = valid_plan(result)
    quarters = (
        [parse_plan_period(quarter_text, plan)] if quarter_text else quarters_so_far(plan, today)
    )
    arrived = arrivals(plan, root, result.files)
    rejected = rejections(plan, result.files)
    statuses = [quarter_status(plan, q, arrived, today, rejected=rejected) for q in quarters]
    seen = {s.unit.id for q in statuses for s in q.states}
    units = [u for u in plan.registry.units if u.id in seen]
    shown = {s.rejected.path for q in statuses for s in q.states if s.rejected}
    invalid = sum(1 for f in result.files if not counts_for_status(f) and f.path not in shown)
    duties = obligation_statuses(plan, result.files, arrived, today)
    return Board(plan, today, statuses, units, invalid, duties)


def reminder(board: Board, root: Path, *, markdown: bool, lang: str | None = None) -> str:
    """The 催报通知 for the board's (single) quarter, from templates/remind.md.j2, in lang
    (by default the plan's, as the documents)."""
    return render(
        "remind.md.j2",
        root,
        markdown=markdown,
        lang=lang or board.plan.meta.language,
        plan=board.plan,
        s=board.quarters[0],
        obligations=board.obligations,
        today=board.today,
        md=markdown,
    )
