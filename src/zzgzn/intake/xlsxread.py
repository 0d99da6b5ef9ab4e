"""Read a filled workbook back into the values of a submission, cell by cell.

Rows are found by their labels in column A (as layout.py wrote them), so a row deleted or
inserted after the protection was lifted is noticed; every value keeps the cell it came
from, so findings of `zzgzn validate` on the resulting file point back at that cell.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from zzgzn.diagnostics.problems import Severity
from zzgzn.errors import ZzgznError
from zzgzn.intake import layout as L
from zzgzn.intake.cells import CellIssue, read_cell
from zzgzn.reading.document import Loc
from zzgzn.workflow.filled import (
    Filled,
    FilledAmendment,
    FilledCase,
    FilledDeliverable,
    FilledMetric,
    FilledPerson,
    FilledTask,
    Value,
)


@dataclass(frozen=True, order=True)
class Where:
    """A place in the workbook as the person sees it: the sheet's tab and a cell (C7)."""

    sheet: str
    cell: str = ""


@dataclass(frozen=True)
class Finding:
    where: Where
    code: str
    severity: Severity = Severity.ERROR
    params: tuple[tuple[str, str], ...] = ()


@dataclass
class WorkbookRead:
    filled: Filled | None = None
    cells: dict[Loc, Where] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # tasks whose sheet declared metrics, by task id: a blank declared row is not a report
    declared: dict[str, set[tuple[str, str]]] = field(default_factory=dict)

    def add(
        self, where: Where, code: str, severity: Severity = Severity.ERROR, **params: object
    ) -> None:
        self.findings.append(
            Finding(where, code, severity, tuple(sorted((k, str(v)) for k, v in params.items())))
        )


def open_workbook(path: Path) -> Any:
    try:
        with path.open("rb") as file:  # a missing file is the OSError below
            begins_as_zip = file.read(4) == b"PK\x03\x04"
        if not begins_as_zip:  # an .xlsx is a zip package; .xls and .et are not
            raise ZzgznError("workbook-not-xlsx", path=path)
        return load_workbook(path, data_only=False)
    except OSError as exc:
        if exc.errno is None:  # openpyxl's own IOError: "File contains no valid workbook part"
            raise ZzgznError("workbook-broken", path=path) from None
        raise ZzgznError("workbook-unreadable", path=path, reason=exc.strerror) from None
    except InvalidFileException:  # openpyxl refuses the name: .xls, .csv …
        raise ZzgznError("workbook-not-xlsx", path=path) from None
    except (zipfile.BadZipFile, KeyError, ValueError):
        # cut short, parts missing, another package: said in words, not as the exception
        raise ZzgznError("workbook-broken", path=path) from None


class _Rows:
    """One sheet's labelled rows and a way to read each cell as a kind."""

    def __init__(self, ws: Worksheet, out: WorkbookRead) -> None:
        self.ws, self.out, self.name = ws, out, ws.title
        self.rows: dict[str, int] = {}
        merged_cells: set[str] = set()
        for rng in ws.merged_cells.ranges:
            for row in ws.iter_rows(
                min_row=rng.min_row, max_row=rng.max_row, min_col=rng.min_col, max_col=rng.max_col
            ):
                merged_cells.update(c.coordinate for c in row)
            if rng.max_col >= 2 and rng.min_col <= 4 and rng.max_row >= L.FIRST_ROW:
                out.add(Where(self.name, rng.coord.split(":")[0]), "cell-merged", range=rng.coord)
        self.merged = merged_cells
        for r in range(L.FIRST_ROW, (ws.max_row or 0) + 1):
            label = ws.cell(r, 1).value
            text = str(label).strip() if label is not None else ""
            if text:
                if text in self.rows:
                    out.add(Where(self.name, f"A{r}"), "row-duplicated", label=text)
                self.rows.setdefault(text, r)
            elif any(_has(ws.cell(r, c).value) for c in (2, 3, 4)):
                out.add(Where(self.name, f"B{r}"), "row-unlabelled", row=r)

    def value(self, label: str, col: str, kind: L.Kind, loc: Loc | None) -> Value:
        row = self.rows.get(label)
        if row is None:
            return None
        where = Where(self.name, f"{col}{row}")
        if loc is not None:
            self.out.cells[loc] = where
        cell = self.ws[where.cell]
        value, issue = read_cell(cell.value, cell.data_type, kind)
        if issue is not None:
            self.report(where, issue)
        return value

    def report(self, where: Where, issue: CellIssue) -> None:
        self.out.findings.append(Finding(where, issue.code, Severity.ERROR, issue.params))

    def where(self, label: str, col: str = "A") -> Where:
        row = self.rows.get(label)
        return Where(self.name, f"{col}{row}" if row else "")

    def need(self, labels: list[str]) -> None:
        for label in labels:
            if label not in self.rows:
                self.out.add(Where(self.name), "row-missing", label=label)

    def numbered(self, group: str, part: str = "") -> Iterator[int]:
        """1, 2, … for the rows of a list that are there; a gap is a deleted row."""
        found = sorted(
            int(m.group(2))
            for label in self.rows
            if (m := L.ROW_LABEL.match(label))
            and L.GROUPS[m.group(1)] == group
            and (m.group(3) or "") == part
        )
        expected = 1
        for n in found:
            if n != expected:
                self.out.add(
                    Where(self.name, f"A{self.rows[L.row_label(group, n, part)]}"),
                    "row-gap",
                    Severity.WARNING,
                    label=L.row_label(group, expected, part),
                )
            expected = n + 1
            yield n


def _has(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def read_workbook(path: Path) -> WorkbookRead:
    wb = open_workbook(path)
    out = WorkbookRead()
    if L.INFO_SHEET not in wb.sheetnames:
        raise ZzgznError("workbook-not-ours", path=path, sheet=L.INFO_SHEET)
    info = _Rows(wb[L.INFO_SHEET], out)
    for label, variants in L.PERIOD_LABELS.items():  # 月份 / 本月总体情况 in a monthly campaign
        found = next((info.rows[v] for v in variants if v in info.rows), None)
        if label not in info.rows and found is not None:
            info.rows[label] = found
    info.need([f.label for f in L.INFO_FIELDS])
    v: dict[str, Value] = {}
    locs: dict[str, Loc] = {
        "unit": ("unit",),
        "quarter": ("quarter",),
        "plan_version": ("plan_version",),
        "submitted_on": ("submitted_on",),
        "liaison_name": ("liaison", "name"),
        "liaison_phone": ("liaison", "phone"),
        "summary": ("summary",),
        "filled_by_name": ("filled_by", "name"),
        "filled_by_post": ("filled_by", "post"),
        "approved_by_name": ("approved_by", "name"),
        "approved_by_post": ("approved_by", "post"),
    }
    for f in L.INFO_FIELDS:
        kind = L.Kind.TEXT if f.kind is L.Kind.FIXED else f.kind
        v[f.key] = info.value(f.label, L.MAIN, kind, locs.get(f.key))
    out.cells[("filled_by",)] = out.cells.get(("filled_by", "name"), Where(info.name))
    out.cells[("approved_by",)] = out.cells.get(("approved_by", "name"), Where(info.name))
    out.cells[()] = Where(info.name)
    out.cells[("tasks",)] = Where(info.name)
    out.cells[("amendments",)] = info.where(L.row_label("amendments", 1))
    unit, quarter = v["unit"], v["quarter"]
    if not isinstance(unit, str) or not isinstance(quarter, str):
        out.add(info.where("单位代码", L.MAIN), "workbook-no-unit")
        return out
    filled = Filled(
        unit=unit.strip(),
        quarter=quarter.strip(),
        plan_version=v["plan_version"],
        submitted_on=v["submitted_on"],
        liaison_name=v["liaison_name"],
        liaison_phone=v["liaison_phone"],
        summary=v["summary"],
        filled_by=_person(v["filled_by_name"], v["filled_by_post"]),
        approved_by=_person(v["approved_by_name"], v["approved_by_post"]),
    )
    for n in info.numbered("amendments"):
        label = L.row_label("amendments", n)
        i = len(filled.amendments)
        a = FilledAmendment(
            reason=info.value(label, L.MAIN, L.Kind.TEXT, ("amendments", i, "reason")),
            date=info.value(label, L.SECOND, L.Kind.DATE, ("amendments", i, "date")),
            by=info.value(label, L.THIRD, L.Kind.TEXT, ("amendments", i, "by")),
        )
        if any(x is not None for x in (a.reason, a.date, a.by)) or _issues_on(out, info, label):
            out.cells[("amendments", i)] = info.where(label)
            filled.amendments.append(a)
    for name in wb.sheetnames:
        if name in (L.INFO_SHEET, L.HELP_SHEET):
            continue
        task = _read_task(_Rows(wb[name], out), out, len(filled.tasks))
        if task is not None:
            filled.tasks.append(task)
    out.filled = filled
    return out


def _issues_on(out: WorkbookRead, rows: _Rows, label: str) -> bool:
    row = rows.rows.get(label)
    return any(
        f.where.sheet == rows.name and f.where.cell[1:] == str(row) and f.code.startswith("cell-")
        for f in out.findings
    )


def _person(name: Value, post: Value) -> FilledPerson | None:
    return None if name is None and post is None else FilledPerson(name, post)


def _read_task(rows: _Rows, out: WorkbookRead, i: int) -> FilledTask | None:
    """A task sheet's values; None when the sheet was left blank (the task is not reported)."""
    before = len(out.findings)
    task_id = rows.value("任务编号", L.MAIN, L.Kind.TEXT, None)
    if not isinstance(task_id, str) or not task_id.strip():
        out.add(Where(rows.name, rows.where("任务编号", L.MAIN).cell), "sheet-no-task")
        return None
    rows.need(["状态", "进展情况"])
    at: Loc = ("tasks", i)
    out.cells[at] = out.cells[(*at, "task")] = Where(rows.name, rows.where("任务编号", L.MAIN).cell)
    t = FilledTask(task=task_id.strip())
    t.status = rows.value("状态", L.MAIN, L.Kind.STATUS, (*at, "status"))
    t.narrative = rows.value("进展情况", L.MAIN, L.Kind.TEXT, (*at, "narrative"))
    content = t.status is not None or t.narrative is not None
    for group in ("measures", "problems", "next_steps"):
        items: list[Value] = getattr(t, group)
        out.cells[(*at, group)] = rows.where(L.row_label(group, 1))
        for n in rows.numbered(group):
            label = L.row_label(group, n)
            value = rows.value(label, L.MAIN, L.Kind.TEXT, (*at, group, len(items)))
            if value is not None:
                items.append(value)
    out.cells[(*at, "metrics")] = rows.where(L.row_label("metrics", 1))
    for n in rows.numbered("metrics"):
        label = L.row_label("metrics", n)
        j = len(t.metrics)
        loc: Loc = (*at, "metrics", j)
        fixed = rows.ws[rows.where(label, L.MAIN).cell].protection.locked
        m = FilledMetric(
            name=rows.value(label, L.MAIN, L.Kind.TEXT, (*loc, "name")),
            value=rows.value(label, L.SECOND, L.Kind.NUMBER, (*loc, "value")),
            unit=rows.value(label, L.THIRD, L.Kind.TEXT, (*loc, "unit")),
        )
        # a declared metric (name and unit written by zzgzn, locked) with no value: not reported
        entered = m.value is not None or _issues_on(out, rows, label)
        if entered or (not fixed and (m.name is not None or m.unit is not None)):
            out.cells[loc] = rows.where(label)
            t.metrics.append(m)
    out.cells[(*at, "cases")] = rows.where(L.row_label("cases", 1, L.CASE_PARTS[0]))
    for n in rows.numbered("cases", L.CASE_PARTS[0]):
        j = len(t.cases)
        title_label = L.row_label("cases", n, L.CASE_PARTS[0])
        summary_label = L.row_label("cases", n, L.CASE_PARTS[1])
        c = FilledCase(
            title=rows.value(title_label, L.MAIN, L.Kind.TEXT, (*at, "cases", j, "title")),
            summary=rows.value(summary_label, L.MAIN, L.Kind.TEXT, (*at, "cases", j, "summary")),
        )
        if c.title is not None or c.summary is not None:
            out.cells[(*at, "cases", j)] = rows.where(title_label)
            t.cases.append(c)
    out.cells[(*at, "deliverables")] = rows.where(L.row_label("deliverables", 1))
    for n in rows.numbered("deliverables"):
        label = L.row_label("deliverables", n)
        j = len(t.deliverables)
        loc = (*at, "deliverables", j)
        d_id = rows.value(label, L.THIRD, L.Kind.TEXT, (*loc, "id"))
        status = rows.value(label, L.SECOND, L.Kind.STATUS, (*loc, "status"))
        note = rows.value(
            L.row_label("deliverables", n, L.NOTE_PART), L.MAIN, L.Kind.TEXT, (*loc, "note")
        )
        if isinstance(d_id, str) and (status is not None or note is not None):
            out.cells[loc] = rows.where(label)
            t.deliverables.append(FilledDeliverable(d_id.strip(), status, note))
    content = content or any(
        (t.measures, t.metrics, t.cases, t.deliverables, t.problems, t.next_steps)
    )
    if not content and len(out.findings) == before:
        for key in [k for k in out.cells if len(k) > 1 and k[:2] == at]:
            del out.cells[key]
        return None
    return t
