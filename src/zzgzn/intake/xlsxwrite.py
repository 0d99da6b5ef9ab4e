"""The workbook a liaison fills in WPS or Excel: one sheet per task, protected, with drop-downs.

Structure is locked (no sheet added, renamed or moved; no row inserted or deleted), input cells
are unlocked and tinted, statuses are a drop-down list, dates are date cells, metric values
accept numbers only. Nothing depends on macros, so WPS, Excel and LibreOffice behave alike.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from zzgzn.calendar.deadlines import describe_rule
from zzgzn.calendar.periods import Period
from zzgzn.files import deterministic_zip
from zzgzn.intake import layout as L
from zzgzn.models.plan import Plan, Task, UnitKind
from zzgzn.models.submission import STATUS_LABELS, Status
from zzgzn.workflow.filled import (
    Filled,
    FilledAmendment,
    FilledCase,
    FilledDeliverable,
    FilledMetric,
    FilledTask,
    Value,
)

INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")
HEAD_FILL = PatternFill("solid", fgColor="DCE6F1")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
HINT_FONT = Font(color="7F7F7F", size=9)
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
STATUS_CHOICES = [STATUS_LABELS[s] for s in Status]
UNLOCKED = Protection(locked=False)


def _styles() -> list[NamedStyle]:
    """One named cell style per kind of cell: one assignment per cell (openpyxl is slow at
    setting font, fill and border one by one), and the styles show by name in WPS and Excel."""
    return [
        NamedStyle("zz-label", font=Font(bold=True), border=BOX, alignment=WRAP),
        NamedStyle("zz-head", font=Font(bold=True), fill=HEAD_FILL, border=BOX),
        NamedStyle("zz-hint", font=HINT_FONT, alignment=WRAP),
        NamedStyle("zz-fixed", border=BOX, alignment=WRAP, number_format=TEXT_FORMAT),
        NamedStyle(
            "zz-text",
            fill=INPUT_FILL,
            border=BOX,
            alignment=WRAP,
            number_format=TEXT_FORMAT,
            protection=UNLOCKED,
        ),
        NamedStyle("zz-number", fill=INPUT_FILL, border=BOX, alignment=WRAP, protection=UNLOCKED),
        NamedStyle(
            "zz-date",
            fill=INPUT_FILL,
            border=BOX,
            number_format=DATE_FORMAT,
            alignment=Alignment(horizontal="left", vertical="top"),
            protection=UNLOCKED,
        ),
    ]


def status_label(value: Value) -> Value:
    """in_progress → 推进中: the drop-down shows labels; anything unknown stays as it was."""
    if isinstance(value, str):
        for status in Status:
            if value.strip() == status.value:
                return STATUS_LABELS[status]
    return value


class _Sheet:
    """Writes labelled rows onto one worksheet and remembers its validations."""

    def __init__(self, ws: Worksheet, title: str, note: str) -> None:
        self.ws = ws
        self.row = L.FIRST_ROW
        for col, width in L.WIDTHS.items():
            ws.column_dimensions[col].width = width
        ws["A1"] = title
        ws["A1"].font = Font(bold=True, size=14)
        ws["A2"] = note
        ws["A2"].font = HINT_FONT
        self.status = DataValidation(
            type="list",
            formula1='"' + ",".join(STATUS_CHOICES) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="状态",
            error="请从下拉列表选择：" + "、".join(STATUS_CHOICES),
        )
        self.number = DataValidation(
            type="decimal",
            operator="between",
            formula1="-1000000000000",
            formula2="1000000000000",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="数值",
            error="只填数字（半角），单位写在右边一格",
        )
        self.dates: list[DataValidation] = []
        for dv in (self.status, self.number):
            ws.add_data_validation(dv)

    def heading(self, texts: Sequence[str]) -> None:
        for col, text in zip((L.LABEL, L.MAIN, L.SECOND, L.THIRD), texts, strict=False):
            cell = self.ws[f"{col}{self.row}"]
            cell.value = text or None
            cell.style = "zz-head"
        self.row += 1

    def put(
        self,
        label: str,
        cells: Sequence[tuple[L.Kind, Value]],
        *,
        hint: str = "",
        tall: bool = False,
        window: tuple[dt.date, dt.date] | None = None,
    ) -> None:
        """One labelled row: cells go into B, C, D in turn."""
        ws, r = self.ws, self.row
        ws[f"A{r}"] = label
        ws[f"A{r}"].style = "zz-label"
        for col, (kind, value) in zip((L.MAIN, L.SECOND, L.THIRD), cells, strict=False):
            _cell(self, f"{col}{r}", kind, value, window)
        if hint:
            ws[f"E{r}"] = hint
            ws[f"E{r}"].style = "zz-hint"
        if tall:
            ws.row_dimensions[r].height = 96
        self.row += 1

    def finish(self) -> None:
        ws = self.ws
        ws.protection.sheet = True
        # people may widen columns and heighten rows for long text; nothing else
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0


def _cell(
    sheet: _Sheet, ref: str, kind: L.Kind, value: Value, window: tuple[dt.date, dt.date] | None
) -> None:
    cell = sheet.ws[ref]
    if kind is L.Kind.FIXED:
        cell.value = value
        cell.style = "zz-fixed"
        return
    if kind is L.Kind.STATUS:
        cell.value = status_label(value)
        cell.style = "zz-text"
        sheet.status.add(ref)
    elif kind is L.Kind.NUMBER:
        cell.value = value
        cell.style = "zz-number"
        sheet.number.add(ref)
    elif kind is L.Kind.DATE:
        cell.value = value
        cell.style = "zz-date"
        if window is not None:
            dv = DataValidation(
                type="date",
                operator="between",
                formula1=f"DATE({window[0].year},{window[0].month},{window[0].day})",
                formula2=f"DATE({window[1].year},{window[1].month},{window[1].day})",
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="日期",
                error=f"请输入 {window[0].isoformat()} 至 {window[1].isoformat()} 之间的日期，"
                "如 2020-07-06",
            )
            sheet.ws.add_data_validation(dv)
            dv.add(ref)
    else:
        cell.value = value
        cell.style = "zz-text"


def build_workbook(
    plan: Plan, unit_id: str, quarter: Period, due: dt.date, values: Filled | None = None
) -> bytes:
    """The workbook for one unit and quarter, blank or filled in with values."""
    unit = plan.units[unit_id]
    district = unit.kind is UnitKind.DISTRICT
    tasks = list(plan.tasks.values()) if district else plan.tasks_of(unit_id)
    by_id = {t.task: t for t in values.tasks} if values else {}
    wb = Workbook()
    for style in _styles():
        wb.add_named_style(style)
    help_ws = wb.active
    help_ws.title = L.HELP_SHEET
    info = _Sheet(
        wb.create_sheet(L.INFO_SHEET),
        f"{unit.name} {quarter.label}“{plan.meta.short_title}”活动进展情况",
        "浅黄色格子是要填写的；其余格子已锁定。",
    )
    _info_rows(info, plan, unit_id, quarter, due, values)
    sheets = []
    for task in tasks:
        name = L.task_sheet_name(task.id, task.title)
        sheet = _Sheet(
            wb.create_sheet(name),
            name,
            "本单位不涉及这项任务时整张表留空。" if district else "浅黄色格子是要填写的。",
        )
        _task_rows(sheet, plan, task, by_id.get(task.id), quarter)
        sheet.finish()
        sheets.append((name, task))
    _help_rows(help_ws, plan, unit.name, quarter, due, sheets, district)
    info.finish()
    help_ws.protection.sheet = True
    help_ws.page_setup.paperSize = help_ws.PAPERSIZE_A4
    help_ws.sheet_properties.pageSetUpPr.fitToPage = True
    help_ws.page_setup.fitToWidth = 1
    help_ws.page_setup.fitToHeight = 0
    wb.security = WorkbookProtection(lockStructure=True)
    wb.properties.creator = plan.meta.issuer
    wb.properties.title = f"{unit.name} {quarter.label}进展情况"
    fixed = dt.datetime(2000, 1, 1)
    wb.properties.created = wb.properties.modified = fixed
    buffer = io.BytesIO()
    wb.save(buffer)
    return deterministic_zip(buffer.getvalue())


def _info_rows(
    s: _Sheet, plan: Plan, unit_id: str, quarter: Period, due: dt.date, v: Filled | None
) -> None:
    unit = plan.units[unit_id]
    known: dict[str, Value] = {
        "unit": unit_id,
        "unit_name": unit.name,
        "quarter": str(quarter),
        "plan_version": v.plan_version if v else plan.meta.version,
        "submitted_on": v.submitted_on if v else None,
        "liaison_name": v.liaison_name if v else unit.liaison.name or None,
        "liaison_phone": v.liaison_phone if v else unit.liaison.phone or None,
        "summary": v.summary or None if v else None,
        "filled_by_name": v.filled_by.name if v and v.filled_by else None,
        "filled_by_post": v.filled_by.post if v and v.filled_by else None,
        "approved_by_name": v.approved_by.name if v and v.approved_by else None,
        "approved_by_post": v.approved_by.post if v and v.approved_by else None,
    }
    window = (quarter.start, quarter.next().end)
    for f in L.INFO_FIELDS:
        hint = f.hint
        if f.key == "submitted_on":
            hint = f"必填：日期，如 {due.isoformat()}（截止日期）"
        label = L.period_label(f.label, quarter.word, quarter.this)
        s.put(label, [(f.kind, known[f.key])], hint=hint, tall=f.tall, window=window)
    s.row += 1
    s.heading([L.period_label(x, quarter.word, quarter.this) for x in L.GROUP_TITLES["amendments"]])
    amendments = v.amendments if v else []
    late = (quarter.start, plan.activity[1] + dt.timedelta(days=366))
    for n in range(1, L.blank_rows("amendments", len(amendments)) + 1):
        a = amendments[n - 1] if n <= len(amendments) else FilledAmendment()
        s.put(
            L.row_label("amendments", n),
            [(L.Kind.TEXT, a.reason), (L.Kind.DATE, a.date), (L.Kind.TEXT, a.by)],
            window=late,
        )


def _task_rows(s: _Sheet, plan: Plan, task: Task, t: FilledTask | None, quarter: Period) -> None:
    fixed = {"task": task.id, "lead": plan.units[task.lead].name, "body": task.body}
    for f in L.TASK_FIELDS:
        value = fixed.get(f.key) if f.kind is L.Kind.FIXED else getattr(t, f.key, None)
        hint = L.period_label(f.hint, quarter.word, quarter.this)
        s.put(f.label, [(f.kind, value)], hint=hint, tall=f.tall)
    text_list = {
        "measures": t.measures if t else [],
        "problems": t.problems if t else [],
        "next_steps": t.next_steps if t else [],
    }
    s.row += 1
    _texts(s, "measures", text_list["measures"])
    s.row += 1
    _metrics(s, task, t.metrics if t else [])
    s.row += 1
    _cases(s, t.cases if t else [])
    if task.deliverables:
        s.row += 1
        _deliverables(s, task, t.deliverables if t else [])
    for group in ("problems", "next_steps"):
        s.row += 1
        _texts(s, group, text_list[group])


def _texts(s: _Sheet, group: str, items: list[Value]) -> None:
    s.heading(L.GROUP_TITLES[group])
    for n in range(1, L.blank_rows(group, len(items)) + 1):
        value = items[n - 1] if n <= len(items) else None
        s.put(L.row_label(group, n), [(L.Kind.TEXT, value)])


def _metrics(s: _Sheet, task: Task, metrics: list[FilledMetric]) -> None:
    """The task's declared metrics (统计口径) are there with name and unit locked."""
    declared = [(m.name, m.unit) for m in task.metrics]
    rows = list(metrics)
    have = {(m.name, m.unit) for m in rows}
    rows += [FilledMetric(name, None, unit) for name, unit in declared if (name, unit) not in have]
    s.heading(L.GROUP_TITLES["metrics"])
    for n in range(1, L.blank_rows("metrics", len(rows)) + 1):
        m = rows[n - 1] if n <= len(rows) else FilledMetric()
        standard = (m.name, m.unit) in declared
        text = L.Kind.FIXED if standard else L.Kind.TEXT
        s.put(
            L.row_label("metrics", n),
            [(text, m.name), (L.Kind.NUMBER, m.value), (text, m.unit)],
            hint="方案规定的统计口径：只填数值；不涉及留空" if standard else "",
        )


def _cases(s: _Sheet, cases: list[FilledCase]) -> None:
    s.heading(L.GROUP_TITLES["cases"])
    for n in range(1, L.blank_rows("cases", len(cases)) + 1):
        c = cases[n - 1] if n <= len(cases) else FilledCase()
        s.put(L.row_label("cases", n, L.CASE_PARTS[0]), [(L.Kind.TEXT, c.title)])
        s.put(L.row_label("cases", n, L.CASE_PARTS[1]), [(L.Kind.TEXT, c.summary)], tall=True)


def _deliverables(s: _Sheet, task: Task, reported: list[FilledDeliverable]) -> None:
    names = {d.id: f"{d.action}{d.title}" for d in task.deliverables}
    rows = list(reported)
    rows += [FilledDeliverable(d.id) for d in task.deliverables if d.id not in {r.id for r in rows}]
    s.heading(L.GROUP_TITLES["deliverables"])
    for n, d in enumerate(rows, 1):
        s.put(
            L.row_label("deliverables", n),
            [
                (L.Kind.FIXED, names.get(d.id, d.id)),
                (L.Kind.STATUS, d.status),
                (L.Kind.FIXED, d.id),
            ],
            hint="有进展时选择进度",
        )
        s.put(L.row_label("deliverables", n, L.NOTE_PART), [(L.Kind.TEXT, d.note or None)])


def _help_rows(
    ws: Worksheet,
    plan: Plan,
    unit_name: str,
    quarter: Period,
    due: dt.date,
    sheets: list[tuple[str, Task]],
    district: bool,
) -> None:
    ws.column_dimensions["A"].width = 100
    lines = [
        f"{unit_name} {quarter.label}“{plan.meta.short_title}”活动进展情况填报表",
        f"报送截止：{due.year}年{due.month}月{due.day}日"
        f"（{describe_rule(plan.schedule.reporting, bracketed=True)}）。",
        "",
        "怎样填写",
        "1. 先填“基本信息”表：报送日期、联络员、填报人和审核人（单位负责人审核后填写）。",
        "2. 每项任务一张表（见下方目录，或点表格下方的标签）：从下拉列表选“状态”，填写“进展情况”，",
        "    再按行填写措施、数据、典型案例、存在的问题和下一步打算，每格一条，用不完的行留空。",
        "3. 只在浅黄色格子里填写。表格已加保护：不能插入、删除行或改表名，以免内容对不上任务。",
        "4. “数据”的数值只填数字（半角），单位写在右边一格；方案规定的统计口径已列出名称和单位。",
        "5. 日期格子直接输入 2020-07-06 这样的日期。",
        "6. 填好后保存为 .xlsx（WPS 选“Excel 工作簿”），"
        "交给信息化同事运行 zzgzn import 文件名.xlsx：",
        "    程序生成报送文件并校验，每个问题都指明工作表和单元格。",
        "",
        "状态的含义：未启动；推进中；已完成；常态化推进（已形成长效机制、持续开展）。",
    ]
    if district:
        lines.append("区局可以填报任何任务：本单位不涉及的任务，整张表留空即可。")
    lines += ["", "任务目录"]
    for r, text in enumerate(lines, 1):
        ws.cell(r, 1, text or None).alignment = Alignment(wrap_text=True, vertical="top")
    ws["A1"].font = Font(bold=True, size=14)
    for r, text in enumerate(lines, 1):
        if text in ("怎样填写", "任务目录"):
            ws.cell(r, 1).font = Font(bold=True)
    row = len(lines) + 1
    for name, task in sheets:
        cell = ws.cell(row, 1, f"{name}（牵头：{plan.units[task.lead].name}）")
        cell.hyperlink = f"#'{name}'!A1"
        cell.font = Font(color="0563C1", underline="single")
        row += 1
