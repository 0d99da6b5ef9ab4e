"""Quarters: parsing what people type, and which quarters a campaign spans."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from zzgzn.datetext import halfwidth
from zzgzn.errors import UsageError

_CN_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_FULL = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)
_BARE = re.compile(r"^Q([1-4])$", re.IGNORECASE)
_CHINESE = re.compile(r"^(\d{4})\s*年?\s*第?\s*([一二三四1-4])\s*季度?$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        if self.number == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, 3 * self.number + 1, 1) - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        return f"{self.year}年第{'一二三四'[self.number - 1]}季度"

    def next(self) -> Quarter:
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self) -> Quarter:
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def from_canonical(cls, text: str) -> Quarter | None:
        """The form used in files and folder names: 2020Q2, nothing else."""
        match = re.fullmatch(r"(\d{4})Q([1-4])", text)
        return cls(int(match.group(1)), int(match.group(2))) if match else None


def is_quarter_folder(name: str | None) -> bool:
    """submissions/2020Q2/ holds quarterly reports; any other folder, documents."""
    return name is not None and Quarter.from_canonical(name) is not None


def quarters_between(start: dt.date, end: dt.date) -> list[Quarter]:
    """Every quarter that overlaps [start, end], in order."""
    found: list[Quarter] = []
    quarter = Quarter.of(start)
    while quarter.start <= end:
        found.append(quarter)
        quarter = quarter.next()
    return found


def parse_quarter(text: str, window: tuple[dt.date, dt.date]) -> Quarter:
    """Read 2020Q2, 2020-Q2, Q2 or 2020年第二季度; a bare Q2 must be unique in the window."""
    cleaned = halfwidth(text).strip()
    in_window = quarters_between(*window)
    if match := _BARE.match(cleaned):
        number = int(match.group(1))
        candidates = [q for q in in_window if q.number == number]
        if not candidates:
            raise UsageError(
                "quarter-not-in-campaign", number=number, start=window[0], end=window[1]
            )
        if len(candidates) > 1:
            choices = "、".join(str(q) for q in candidates)
            raise UsageError(
                "quarter-ambiguous", value=text, choices=choices, example=candidates[0]
            )
        return candidates[0]
    match = _FULL.match(cleaned) or _CHINESE.match(cleaned)
    if not match:
        raise UsageError("quarter-unreadable", value=text)
    quarter = Quarter(int(match.group(1)), _CN_NUMBERS[match.group(2)])
    if quarter not in in_window:
        choices = "、".join(str(q) for q in in_window)
        raise UsageError(
            "quarter-outside-campaign",
            quarter=quarter,
            start=window[0],
            end=window[1],
            choices=choices,
        )
    return quarter
