"""The values of one quarterly submission as a person entered them, before any checking.

`zzgzn new` renders its template without values; `zzgzn import` (a workbook) and `zzgzn export`
(the other way) fill the same template with these, so an imported file is exactly the file
`zzgzn new` would have made, filled in. Values stay as entered (text where a number belongs,
an unknown status): the normal rules of `zzgzn validate` judge them afterwards.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zzgzn.models.submission import Submission

Value = str | int | float | dt.date | None


@dataclass
class FilledMetric:
    name: Value = None
    value: Value = None
    unit: Value = None


@dataclass
class FilledCase:
    title: Value = None
    summary: Value = None


@dataclass
class FilledDeliverable:
    id: str
    status: Value = None
    note: Value = None


@dataclass
class FilledTask:
    task: str
    status: Value = None
    narrative: Value = None
    measures: list[Value] = field(default_factory=list)
    metrics: list[FilledMetric] = field(default_factory=list)
    cases: list[FilledCase] = field(default_factory=list)
    deliverables: list[FilledDeliverable] = field(default_factory=list)
    problems: list[Value] = field(default_factory=list)
    next_steps: list[Value] = field(default_factory=list)


@dataclass
class FilledPerson:
    name: Value = None
    post: Value = None


@dataclass
class FilledAmendment:
    date: Value = None
    by: Value = None
    reason: Value = None


@dataclass
class Filled:
    unit: str
    quarter: str
    plan_version: Value = None
    submitted_on: Value = None
    liaison_name: Value = None
    liaison_phone: Value = None
    summary: Value = None
    tasks: list[FilledTask] = field(default_factory=list)
    filled_by: FilledPerson | None = None
    approved_by: FilledPerson | None = None
    amendments: list[FilledAmendment] = field(default_factory=list)

    @classmethod
    def of(cls, submission: Submission) -> Filled:
        """What a valid file says, as values to fill a workbook or the template with."""
        return cls(
            unit=submission.unit,
            quarter=submission.quarter,
            plan_version=submission.plan_version,
            submitted_on=submission.submitted_on,
            liaison_name=submission.liaison.name,
            liaison_phone=submission.liaison.phone,
            summary=submission.summary,
            tasks=[
                FilledTask(
                    task=t.task,
                    status=t.status.value,
                    narrative=t.narrative,
                    measures=list(t.measures),
                    metrics=[FilledMetric(m.name, _number(m.value), m.unit) for m in t.metrics],
                    cases=[FilledCase(c.title, c.summary) for c in t.cases],
                    deliverables=[
                        FilledDeliverable(d.id, d.status.value, d.note) for d in t.deliverables
                    ],
                    problems=list(t.problems),
                    next_steps=list(t.next_steps),
                )
                for t in submission.tasks
            ],
            filled_by=_person(submission.filled_by),
            approved_by=_person(submission.approved_by),
            amendments=[FilledAmendment(a.date, a.by, a.reason) for a in submission.amendments],
        )


def _person(person: object) -> FilledPerson | None:
    if person is None:
        return None
    return FilledPerson(getattr(person, "name", None), getattr(person, "post", None))


def _number(value: float) -> int | float:
    """126.0 is written 126: the way the person typed it."""
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


# --- writing values as YAML ------------------------------------------------------------

# Line breaks other YAML readers know (libyaml reads U+2028 as one): always escaped.
_ESCAPE_ALWAYS = ("\u2028", "\u2029", "\x85")


def quote(value: object) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML); line separators escaped."""
    text = json.dumps(str(value), ensure_ascii=False)
    for char in _ESCAPE_ALWAYS:
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _block_safe(text: str) -> bool:
    """Whether a literal block (|) gives back exactly this text."""
    if "\n" not in text.rstrip("\n") or text.endswith("\n\n") or text.startswith((" ", "\n")):
        return False
    if any(c in text for c in ("\r", "\t", "\ufeff", *_ESCAPE_ALWAYS)):
        return False
    if any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in text):
        return False
    # a line holding only spaces would be read as part of the indentation
    return all(line.strip() or not line for line in text.split("\n"))


def text_value(value: object, indent: int) -> str:
    """Text as YAML: several lines as a literal block (as people write them), else quoted."""
    if isinstance(value, str) and _block_safe(value):
        chomp = "" if value.endswith("\n") else "-"
        pad = " " * (indent + 2)
        lines = value[:-1].split("\n") if value.endswith("\n") else value.split("\n")
        return f"|{chomp}\n" + "\n".join(pad + line if line else "" for line in lines)
    return scalar(value)


def scalar(value: object) -> str:
    """Any entered value as YAML: nothing for a blank, numbers and dates bare, text quoted."""
    if value is None or value == "":
        return "" if value is None else '""'
    if isinstance(value, bool):
        return quote(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else quote(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return quote(value)


def status_value(value: object) -> str:
    """A status by its key (in_progress) when it is one or its label; anything else quoted."""
    from zzgzn.models.submission import STATUS_LABELS, Status

    if isinstance(value, str):
        stripped = value.strip()
        for status in Status:
            if stripped in (status.value, STATUS_LABELS[status]):
                return status.value
    return scalar(value)
