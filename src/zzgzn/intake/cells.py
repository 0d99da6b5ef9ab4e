"""One cell's value as the person meant it, or a finding saying why it cannot be read.

Spreadsheets hold numbers, dates, formulas and error values; a submission wants text, numbers
and dates. Whatever is ambiguous (an Excel date serial, a formula, full-width digits, text in
a number cell) is a finding, never a guess and never dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from zzgzn.datetext import ISO_DATE, halfwidth, parse_date_text
from zzgzn.intake.layout import Kind
from zzgzn.workflow.filled import Value

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (with Excel's phantom leap day)
_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")


@dataclass(frozen=True)
class CellIssue:
    """Why a cell cannot be read: a catalogue code and its parameters."""

    code: str
    params: tuple[tuple[str, str], ...] = ()


def _issue(code: str, **params: object) -> CellIssue:
    return CellIssue(code, tuple(sorted((k, str(v)) for k, v in params.items())))


def read_cell(raw: object, data_type: str, kind: Kind) -> tuple[Value, CellIssue | None]:
    """The value of a cell of this kind; data_type is openpyxl's ('f' formula, 'e' error)."""
    if data_type == "f" or (isinstance(raw, str) and raw.startswith("=") and kind is Kind.NUMBER):
        return None, _issue("cell-formula", formula=str(raw)[:60])
    if data_type == "e":
        return None, _issue("cell-error", value=raw)
    if raw is None:
        return None, None
    if isinstance(raw, str):
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
        if not raw.strip():
            return None, None
    if isinstance(raw, bool):
        return None, _issue("cell-boolean", value="TRUE" if raw else "FALSE")
    if kind is Kind.NUMBER:
        return _number(raw)
    if kind is Kind.DATE:
        return _date(raw)
    return _text(raw)


def _number(raw: object) -> tuple[Value, CellIssue | None]:
    if isinstance(raw, int | float):
        return raw, None
    if isinstance(raw, dt.datetime | dt.date | dt.time):
        return None, _issue("cell-not-number", value=_shown(raw))
    text = str(raw).strip()
    if _NUMBER.match(text):  # a number stored as text (a green triangle in Excel): same number
        number = float(text)
        return (int(number) if number.is_integer() and "." not in text else number), None
    converted = halfwidth(text)
    if converted != text and _NUMBER.match(converted):
        return None, _issue("cell-fullwidth", value=text, suggestion=converted)
    return None, _issue("cell-not-number", value=text)


def _date(raw: object) -> tuple[Value, CellIssue | None]:
    if isinstance(raw, dt.datetime):
        return raw.date(), None
    if isinstance(raw, dt.date):
        return raw, None
    if isinstance(raw, int | float):
        suggestion = ""
        if 1 <= raw < 2958466:
            suggestion = (EXCEL_EPOCH + dt.timedelta(days=int(raw))).isoformat()
        return None, _issue("cell-date-serial", value=_shown(raw), suggestion=suggestion)
    if isinstance(raw, dt.time):
        return None, _issue("cell-not-date", value=_shown(raw))
    text = str(raw).strip()
    if ISO_DATE.match(text):
        try:
            parsed = parse_date_text(text)
        except ValueError:
            return None, _issue("cell-not-date", value=text)
        if parsed is not None and parsed.isoformat() == text:
            return parsed, None
    converted = halfwidth(text)
    if converted != text and ISO_DATE.match(converted):
        return None, _issue("cell-fullwidth", value=text, suggestion=converted)
    try:
        parsed = parse_date_text(text)
    except ValueError:
        parsed = None
    suggestion = parsed.isoformat() if parsed else "2020-07-06"
    return None, _issue("cell-not-date", value=text, suggestion=suggestion)


def _text(raw: object) -> tuple[Value, CellIssue | None]:
    if isinstance(raw, str):
        return raw, None
    if isinstance(raw, int):
        return str(raw), None
    if isinstance(raw, float):
        return (str(int(raw)) if raw.is_integer() else repr(raw)), None
    if isinstance(raw, dt.datetime) and raw.time() == dt.time():
        return raw.date().isoformat(), None  # a spreadsheet turned typed text into a date
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw.isoformat(), None
    return None, _issue("cell-not-text", value=_shown(raw))


def _shown(raw: object) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)
