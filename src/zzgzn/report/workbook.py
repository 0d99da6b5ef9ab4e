"""The summary as an Excel workbook, the way the office already tracks the campaign."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile
from collections.abc import Callable
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from zzgzn.diagnostics.docwords import doc_label, doc_say
from zzgzn.files import deterministic_zip
from zzgzn.report.summarymodel import CampaignSummary

HEADER = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
LATE_FILL = PatternFill("solid", fgColor="FFE082")
MISSING_FILL = PatternFill("solid", fgColor="EF9A9A")
STALLED_FILL = PatternFill("solid", fgColor="EF9A9A")
DATE_FORMAT = "yyyy-mm-dd"


def workbook_bytes(summary: CampaignSummary, lang: str = "zh") -> bytes:
    """The summary's workbook; its sheet names, headers and words in lang (the document's)."""

    def w(key: str, /, **params: object) -> str:
        return doc_say(key, lang, **params)

    book = Workbook()
    submissions = book.active
    assert submissions is not None
    _submission_sheet(submissions, summary, w, lang)
    _progress_sheet(book.create_sheet(), summary, w)
    _score_sheet(book.create_sheet(), summary, w, lang)
    stamp = dt.datetime(summary.today.year, summary.today.month, summary.today.day)
    book.properties.creator = "zzgzn"
    book.properties.lastModifiedBy = "zzgzn"
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.title = w("summary-title", campaign=summary.plan.meta.short_title)
    out = io.BytesIO()
    # Workbook.save stamps "modified" with the clock; the writer itself keeps ours.
    ExcelWriter(book, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)).save()
    return deterministic_zip(out.getvalue())


def _header(sheet: Worksheet, titles: list[str]) -> None:
    sheet.append(titles)
    for cell in sheet[1]:
        cell.font = HEADER
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = "B2"


def _submission_sheet(sheet: Worksheet, summary: CampaignSummary, w: Words, lang: str) -> None:
    sheet.title = w("sheet-submissions")
    titles = [w("col-unit"), w("col-kind")]
    for status in summary.statuses:
        quarter = status.deadline.quarter
        titles += [w(f"col-{what}-of", quarter=quarter) for what in ("due", "arrived", "state")]
    _header(sheet, titles)
    for unit in summary.plan.reporters:
        row: list[Any] = [unit.name, _label(unit.kind, lang)]
        for status in summary.statuses:
            state = next(s for s in status.states if s.unit.id == unit.id)
            row += [status.deadline.due, state.submitted_on, _label(state, lang)]
        sheet.append(row)
    for column in range(3, len(titles) + 1, 3):
        for offset in (0, 1):
            for cell in sheet.iter_rows(
                min_row=2, min_col=column + offset, max_col=column + offset
            ):
                cell[0].number_format = DATE_FORMAT
    last = f"{get_column_letter(len(titles))}{sheet.max_row}"
    area = f"C2:{last}"
    sheet.conditional_formatting.add(
        area, FormulaRule(formula=[f'ISNUMBER(SEARCH("{w("late-word")}",C2))'], fill=LATE_FILL)
    )
    missing = w("label-unitstate-missing")
    sheet.conditional_formatting.add(
        area, FormulaRule(formula=[f'C2="{missing}"'], fill=MISSING_FILL)
    )
    _fit(sheet)


def _progress_sheet(sheet: Worksheet, summary: CampaignSummary, w: Words) -> None:
    sheet.title = w("sheet-progress")
    heads = [w("col-task"), w("col-lead"), *(str(q) for q in summary.quarters), w("col-stalled")]
    _header(sheet, heads)
    levels = [w(f"chart-level-{level}") for level in range(4)]
    for timeline in summary.timelines:
        stalled = w("list-sep").join(
            f"{summary.quarters[a]}—{summary.quarters[b]}" for a, b in timeline.stalled_runs
        )
        sheet.append(
            [
                f"{timeline.task.id} {timeline.task.title}",
                summary.plan.units[timeline.task.lead].name,
                *(
                    levels[level] if due else w("col-not-due")
                    for level, due in zip(timeline.levels, timeline.due, strict=True)
                ),
                stalled,
            ]
        )
    end = get_column_letter(2 + len(summary.quarters))
    area = f"C2:{end}{sheet.max_row}"
    sheet.conditional_formatting.add(
        area, FormulaRule(formula=[f'C2="{levels[0]}"'], fill=MISSING_FILL)
    )
    sheet.conditional_formatting.add(
        area, FormulaRule(formula=[f'C2="{levels[1]}"'], fill=LATE_FILL)
    )
    stalled_column = get_column_letter(3 + len(summary.quarters))
    sheet.conditional_formatting.add(
        f"{stalled_column}2:{stalled_column}{sheet.max_row}",
        FormulaRule(formula=[f"LEN({stalled_column}2)>0"], fill=STALLED_FILL),
    )
    _fit(sheet)


def _score_sheet(sheet: Worksheet, summary: CampaignSummary, w: Words, lang: str) -> None:
    sheet.title = w("sheet-scores")
    heads = ("unit", "kind", "times-on-time", "times-late", "late-days-total", "times-missing")
    _header(sheet, [*(w(f"col-{head}") for head in heads), w("col-score")])
    for row in summary.scorecard:
        sheet.append(
            [
                row.unit.name,
                _label(row.unit.kind, lang),
                row.on_time,
                row.late,
                row.late_days,
                row.missing,
                row.score,
            ]
        )
    last = sheet.max_row
    sheet.conditional_formatting.add(f"D2:D{last}", FormulaRule(formula=["D2>0"], fill=LATE_FILL))
    sheet.conditional_formatting.add(
        f"F2:F{last}", FormulaRule(formula=["F2>0"], fill=MISSING_FILL)
    )
    _fit(sheet)
    sheet.append([])
    sheet.append([w("scoring-method"), summary.plan.scoring.timeliness.description])


Words = Callable[..., str]


def _label(obj: Any, lang: str) -> str:
    return doc_label(obj) if lang == "en" else str(obj.label)


def _fit(sheet: Worksheet) -> None:
    """Column widths from the longest text (a Chinese character counts as two); text that
    looks like a formula (=…) stays text, so no cell computes what nobody wrote as a formula."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"
            text = cell.value.isoformat() if isinstance(cell.value, dt.date) else str(cell.value)
            width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
            widths[cell.column] = max(widths.get(cell.column, 0), min(width, 60))
    for column, longest in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = longest + 2
