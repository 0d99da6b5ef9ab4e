"""`zzgzn import`: a filled workbook becomes submissions/<quarter>/<unit>.yaml, checked first.

The file is the one `zzgzn new` would have written with those values (the same template), and
it is checked by the same rules as any hand-written file; every finding is placed back on the
sheet and cell the value came from. Nothing is written while there are errors, and an existing
file that says something else is replaced only when asked (force), with the changes listed.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from zzgzn.calendar.periods import Period
from zzgzn.checking.discovery import SUBMISSIONS_DIR
from zzgzn.checking.rules import check_bytes, check_file, period_words
from zzgzn.diagnostics.problems import Problem, Severity, has_errors, problem
from zzgzn.files import write_atomic
from zzgzn.intake.changes import changes
from zzgzn.intake.layout import INFO_SHEET
from zzgzn.intake.xlsxread import Where, WorkbookRead, read_workbook
from zzgzn.models.plan import Plan
from zzgzn.reading.document import Loc
from zzgzn.reading.loader import load_bytes
from zzgzn.workflow.scaffold import scaffold_text


class Outcome(StrEnum):
    WRITTEN = "written"  # a new file, or a changed one replaced with force
    UNCHANGED = "unchanged"  # the file already says exactly this: left as it is
    REFUSED = "refused"  # an existing file says something else: not replaced without force
    INVALID = "invalid"  # errors: nothing written


@dataclass(frozen=True)
class Placed:
    """A finding and where the person finds it in the workbook (None: the whole workbook)."""

    where: Where | None
    problem: Problem


@dataclass
class ImportResult:
    workbook: str
    target: str = ""  # submissions/<quarter>/<unit>.yaml
    text: str = ""
    outcome: Outcome = Outcome.INVALID
    findings: list[Placed] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(p.problem for p in self.findings) and self.outcome in (
            Outcome.WRITTEN,
            Outcome.UNCHANGED,
        )


def import_workbook(
    path: Path, root: Path, plan: Plan, today: dt.date, *, force: bool = False
) -> ImportResult:
    display = path.name
    read = read_workbook(path)
    result = ImportResult(display)
    words = period_words(plan)  # 季度 / 月份 …: the workbook's findings name the campaign's period
    result.findings = [
        Placed(f.where, problem(display, (0, 0), f.code, f.severity, **{**words, **dict(f.params)}))
        for f in read.findings
    ]
    filled = read.filled
    if filled is None:
        return result
    quarter = Period.from_canonical(filled.quarter, plan.cadence)
    if filled.unit not in plan.units or quarter is None:
        # the file's place comes from these two cells: nothing to write without them
        where = read.cells.get(("unit",) if filled.unit not in plan.units else ("quarter",))
        code = "workbook-unknown-unit" if filled.unit not in plan.units else "workbook-bad-quarter"
        result.findings.append(
            Placed(
                where,
                problem(display, (0, 0), code, unit=filled.unit, quarter=filled.quarter, **words),
            )
        )
        return result
    result.target = f"{SUBMISSIONS_DIR}/{quarter}/{filled.unit}.yaml"
    result.text = scaffold_text(plan, quarter, filled.unit, root, filled)
    raw = result.text.encode("utf-8")
    target = root / result.target
    checked = check_bytes(raw, target, result.target, plan, today, fast=False)
    result.findings += _place(checked.problems, raw, result.target, read)
    if has_errors(p.problem for p in result.findings) or checked.submission is None:
        return result
    if target.exists():
        existing = check_file(target, result.target, plan, today)
        if existing.submission == checked.submission:
            result.outcome = Outcome.UNCHANGED
            return result
        if existing.submission is None:
            result.changes = ["现有文件未通过校验，无法逐项比较（运行 zzgzn validate 查看）"]
        else:
            result.changes = changes(
                existing.submission, checked.submission, word=quarter.word, this=quarter.this
            )
        if not force:
            result.outcome = Outcome.REFUSED
            return result
    write_atomic(target, raw)
    result.outcome = Outcome.WRITTEN
    return result


def _place(problems: list[Problem], raw: bytes, display: str, read: WorkbookRead) -> list[Placed]:
    """Each finding on the file at the cell its line came from.

    The file is read once more with positions: the value at a finding's line and column (or
    the nearest one before it, for a finding inside a value) names the cell.
    """
    doc = load_bytes(raw, display)
    spots: list[tuple[tuple[int, int], Loc]] = sorted(
        {(pos, loc) for table in (doc.positions, doc.key_positions) for loc, pos in table.items()}
    )
    keys = [pos for pos, _ in spots]
    placed: list[Placed] = []
    reported = {f.where for f in read.findings if f.code.startswith("cell-")}
    for p in problems:
        where = _where(p, spots, keys, read)
        if where is not None and where in reported and p.is_error:
            continue  # the cell was unreadable: that finding says it already
        params = dict(p.params)
        if params.get("field") in FIELD_LABELS:  # the person knows the row's label, not the key
            params["field"] = FIELD_LABELS[params["field"]]
            p = Problem(p.path, p.line, p.column, p.code, p.severity, tuple(sorted(params.items())))
        placed.append(Placed(where, p))
    return placed


FIELD_LABELS = {
    "submitted_on": "报送日期",
    "tasks": "任务",
    "status": "状态",
    "narrative": "进展情况",
    "name": "姓名或名称",
    "phone": "联络员电话",
    "post": "职务",
    "value": "数值",
    "title": "案例标题",
    "summary": "做法和成效",
    "reason": "更正原因",
    "date": "日期",
    "by": "更正人",
}


def _where(
    p: Problem,
    spots: list[tuple[tuple[int, int], Loc]],
    keys: list[tuple[int, int]],
    read: WorkbookRead,
) -> Where | None:
    special = {"no-approver": ("approved_by", "name"), "no-filler": ("filled_by", "name")}
    if p.code in special:
        return read.cells.get(special[p.code], Where(INFO_SHEET))
    if p.line == 0:
        return None
    i = bisect.bisect_right(keys, (p.line, p.column)) - 1
    while i >= 0:
        loc = spots[i][1]
        for cut in range(len(loc), -1, -1):
            if loc[:cut] in read.cells:
                return read.cells[loc[:cut]]
        i -= 1
    return Where(INFO_SHEET)


def severity_counts(findings: list[Placed]) -> tuple[int, int]:
    errors = sum(p.problem.severity is Severity.ERROR for p in findings)
    warnings = sum(p.problem.severity is Severity.WARNING for p in findings)
    return errors, warnings
