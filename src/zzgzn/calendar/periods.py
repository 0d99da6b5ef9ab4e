"""Reporting periods — months, quarters, half-years, years: parsing what people type, and
which periods a campaign spans.

A period is its kind (the plan's cadence), its year and its number within the year (month 1–12,
quarter 1–4, half 1–2, year 1). Each kind has one canonical spelling, used in folder names and
in files: 2024-03, 2024Q1, 2024H1, 2024.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from zzgzn.datetext import halfwidth
from zzgzn.errors import UsageError
from zzgzn.models.plan import Cadence, Plan

MONTHS_IN = {
    Cadence.MONTHLY: 1,
    Cadence.QUARTERLY: 3,
    Cadence.HALF_YEARLY: 6,
    Cadence.YEARLY: 12,
}
_CN_DIGITS = "一二三四五六七八九十"
_CN_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_HALVES = {"上": 1, "下": 2}

# canonical spellings, one per kind: what folder names and the files' period key hold
_CANONICAL = {
    Cadence.MONTHLY: re.compile(r"(\d{4})-(0[1-9]|1[0-2])"),
    Cadence.QUARTERLY: re.compile(r"(\d{4})Q([1-4])"),
    Cadence.HALF_YEARLY: re.compile(r"(\d{4})H([12])"),
    Cadence.YEARLY: re.compile(r"(\d{4})"),
}
_CN_MONTH = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
# what people type, with the year
_WITH_YEAR: list[tuple[Cadence, re.Pattern[str]]] = [
    (Cadence.QUARTERLY, re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)),
    (Cadence.QUARTERLY, re.compile(r"^(\d{4})\s*年?\s*第?\s*([一二三四1-4])\s*季度?$")),
    (Cadence.HALF_YEARLY, re.compile(r"^(\d{4})\s*-?\s*H([12])$", re.IGNORECASE)),
    (Cadence.HALF_YEARLY, re.compile(r"^(\d{4})\s*年?\s*([上下])\s*半年度?$")),
    (Cadence.MONTHLY, re.compile(r"^(\d{4})\s*[-./]\s*(\d{1,2})$")),
    (Cadence.MONTHLY, re.compile(rf"^(\d{{4}})\s*年\s*{_CN_MONTH}\s*月份?$")),
    (Cadence.YEARLY, re.compile(r"^(\d{4})\s*(?:年度?|年全年)?$")),
]
# what people type without the year: unique only if the campaign has one such period
_BARE: list[tuple[Cadence, re.Pattern[str]]] = [
    (Cadence.QUARTERLY, re.compile(r"^Q([1-4])$", re.IGNORECASE)),
    (Cadence.QUARTERLY, re.compile(r"^第?\s*([一二三四1-4])\s*季度?$")),
    (Cadence.HALF_YEARLY, re.compile(r"^H([12])$", re.IGNORECASE)),
    (Cadence.HALF_YEARLY, re.compile(r"^([上下])\s*半年度?$")),
    (Cadence.MONTHLY, re.compile(rf"^{_CN_MONTH}\s*月份?$")),
]

# how prose refers to the current, previous and next period, and to each: 本季度, 上季度,
# 下季度, 每季度. Half-years say 本期/上期 (上半年 would mean the first half, not the last one).
PROSE = {
    Cadence.MONTHLY: ("本月", "上月", "下月", "每月"),
    Cadence.QUARTERLY: ("本季度", "上季度", "下季度", "每季度"),
    Cadence.HALF_YEARLY: ("本期", "上期", "下期", "每半年"),
    Cadence.YEARLY: ("本年度", "上年度", "下年度", "每年"),
}
KIND_WORDS = {
    Cadence.MONTHLY: ("月份", "month"),
    Cadence.QUARTERLY: ("季度", "quarter"),
    Cadence.HALF_YEARLY: ("半年", "half-year"),
    Cadence.YEARLY: ("年度", "year"),
}


def _number(kind: Cadence, text: str) -> int | None:
    """The period's number within the year from its written form (2, 二, 上, 十一 …)."""
    if kind is Cadence.QUARTERLY:
        return _CN_QUARTERS[text]
    if kind is Cadence.HALF_YEARLY:
        return _HALVES.get(text) or int(text)
    if text.isdigit():
        number = int(text)
    elif text.startswith("十"):
        number = 10 + (_CN_DIGITS.index(text[1]) + 1 if len(text) > 1 else 0)
    else:
        number = _CN_DIGITS.index(text) + 1
    return number if 1 <= number <= 12 else None


@dataclass(frozen=True, order=True)
class Period:
    kind: Cadence
    year: int
    number: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 12 // MONTHS_IN[self.kind]:
            raise ValueError(f"no {self.kind} {self.number}")

    @classmethod
    def quarter(cls, year: int, number: int) -> Period:
        return cls(Cadence.QUARTERLY, year, number)

    @classmethod
    def month(cls, year: int, number: int) -> Period:
        return cls(Cadence.MONTHLY, year, number)

    @classmethod
    def half(cls, year: int, number: int) -> Period:
        return cls(Cadence.HALF_YEARLY, year, number)

    @classmethod
    def whole_year(cls, year: int) -> Period:
        return cls(Cadence.YEARLY, year, 1)

    def __str__(self) -> str:
        if self.kind is Cadence.MONTHLY:
            return f"{self.year}-{self.number:02d}"
        if self.kind is Cadence.QUARTERLY:
            return f"{self.year}Q{self.number}"
        if self.kind is Cadence.HALF_YEARLY:
            return f"{self.year}H{self.number}"
        return f"{self.year}"

    @property
    def _months(self) -> int:
        return MONTHS_IN[self.kind]

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self._months * (self.number - 1) + 1, 1)

    @property
    def end(self) -> dt.date:
        return self.next().start - dt.timedelta(days=1)

    @property
    def final_month(self) -> tuple[int, int]:
        """(year, month) of the period's last month: 每季度最后一个月."""
        return self.year, self._months * self.number

    @property
    def label(self) -> str:
        """How a document names it: 2024年3月, 2020年第二季度, 2024年上半年, 2024年度."""
        if self.kind is Cadence.MONTHLY:
            return f"{self.year}年{self.number}月"
        if self.kind is Cadence.QUARTERLY:
            return f"{self.year}年第{'一二三四'[self.number - 1]}季度"
        if self.kind is Cadence.HALF_YEARLY:
            return f"{self.year}年{'上下'[self.number - 1]}半年"
        return f"{self.year}年度"

    @property
    def word(self) -> str:
        """The kind in Chinese prose: 月份, 季度, 半年, 年度."""
        return KIND_WORDS[self.kind][0]

    @property
    def this(self) -> str:
        """本季度 / 本月 / 本期 / 本年度"""
        return PROSE[self.kind][0]

    @property
    def last(self) -> str:
        """上季度 / 上月 / 上期 / 上年度"""
        return PROSE[self.kind][1]

    @property
    def coming(self) -> str:
        """下季度 / 下月 / 下期 / 下年度"""
        return PROSE[self.kind][2]

    @property
    def each(self) -> str:
        """每季度 / 每月 / 每半年 / 每年"""
        return PROSE[self.kind][3]

    def next(self) -> Period:
        per_year = 12 // self._months
        if self.number == per_year:
            return Period(self.kind, self.year + 1, 1)
        return Period(self.kind, self.year, self.number + 1)

    def previous(self) -> Period:
        if self.number == 1:
            return Period(self.kind, self.year - 1, 12 // self._months)
        return Period(self.kind, self.year, self.number - 1)

    @classmethod
    def of(cls, kind: Cadence, day: dt.date) -> Period:
        return cls(kind, day.year, (day.month - 1) // MONTHS_IN[kind] + 1)

    @classmethod
    def from_canonical(cls, text: str, kind: Cadence) -> Period | None:
        """The form used in files and folder names (2024-03, 2020Q2, 2024H1, 2024), of the
        given kind only."""
        match = _CANONICAL[kind].fullmatch(text)
        if not match:
            return None
        return cls(kind, int(match.group(1)), int(match.group(2)) if match.lastindex == 2 else 1)

    @classmethod
    def canonical_kind(cls, text: str) -> Period | None:
        """Any kind's canonical form: to say "this is a month, the campaign is quarterly"."""
        for kind in Cadence:
            if (period := cls.from_canonical(text, kind)) is not None:
                return period
        return None


def is_period_folder(name: str | None, kind: Cadence) -> bool:
    """submissions/2020Q2/ (or 2024-03/, 2024H1/, 2024/) holds the periodic reports of a
    campaign of that cadence; any other folder, documents."""
    return name is not None and Period.from_canonical(name, kind) is not None


def periods_between(start: dt.date, end: dt.date, kind: Cadence) -> list[Period]:
    """Every period of the kind that overlaps [start, end], in order."""
    return list(_periods_between(start, end, kind))


@cache  # asked once per file checked: 3,000 times a national quarter for the same window
def _periods_between(start: dt.date, end: dt.date, kind: Cadence) -> tuple[Period, ...]:
    found: list[Period] = []
    period = Period.of(kind, start)
    while period.start <= end:
        found.append(period)
        period = period.next()
    return tuple(found)


def read_period(text: str) -> tuple[Cadence, int | None, int] | None:
    """(kind, year or None when not written, number) from what someone typed; None if it is
    no period at all."""
    cleaned = halfwidth(text).strip()
    for kind, pattern in _WITH_YEAR:
        if match := pattern.match(cleaned):
            number = _number(kind, match.group(2)) if match.lastindex == 2 else 1
            return (kind, int(match.group(1)), number) if number else None
    for kind, pattern in _BARE:
        if match := pattern.match(cleaned):
            number = _number(kind, match.group(1))
            return (kind, None, number) if number else None
    return None


def spellings(kind: Cadence, example: Period | None = None) -> list[str]:
    """The spellings a command accepts for the kind, written with an example period."""
    p = example or Period(kind, 2020, 2 if kind is Cadence.QUARTERLY else 1)
    if kind is Cadence.MONTHLY:
        forms = [str(p), f"{p.year}年{p.number}月", f"{p.number}月"]
    elif kind is Cadence.QUARTERLY:
        forms = [str(p), f"{p.year}-Q{p.number}", f"Q{p.number}", p.label]
    elif kind is Cadence.HALF_YEARLY:
        forms = [str(p), p.label, f"{'上下'[p.number - 1]}半年"]
    else:
        forms = [str(p), p.label]
    return forms


def _forms(kind: Cadence, example: Period) -> dict[str, str]:
    """The spellings as message parameters, in both languages."""
    forms = spellings(kind, example)
    return {
        "forms": "、".join(forms[:-1]) + " 或 " + forms[-1],
        "forms@en": ", ".join(forms[:-1]) + " or " + forms[-1],
    }


def kind_words(kind: Cadence) -> dict[str, str]:
    """The kind of period as an error's parameters, in both languages (季度 / quarter)."""
    return _words(kind)


def _words(kind: Cadence, name: str = "kind") -> dict[str, str]:
    zh, en = KIND_WORDS[kind]
    return {name: zh, f"{name}@en": en}


def parse_period(text: str, window: tuple[dt.date, dt.date], kind: Cadence) -> Period:
    """Read a period of the campaign's cadence as people type it (2020Q2, Q2, 2020年第二季度;
    2024-03, 2024年3月, 3月; 2024H1, 2024年上半年, 上半年; 2024, 2024年度); a spelling without
    the year must be unique in the window, and a period of another kind is refused."""
    in_window = periods_between(*window, kind)
    read = read_period(text)
    if read is None:
        raise UsageError(
            "period-unreadable", value=text, **_words(kind), **_forms(kind, in_window[0])
        )
    read_kind, year, number = read
    if read_kind is not kind:
        raise UsageError(
            "period-wrong-cadence",
            value=text,
            **_words(read_kind, "written"),
            **_words(kind),
            **_forms(kind, in_window[0]),
        )
    if year is None:
        candidates = [p for p in in_window if p.number == number]
        if not candidates:
            raise UsageError(
                "period-not-in-campaign",
                which=_which(kind, number),
                **{"which@en": f"{KIND_WORDS[kind][1]} {number}"},
                start=window[0],
                end=window[1],
            )
        if len(candidates) > 1:
            raise UsageError(
                "period-ambiguous", value=text, **_choices(candidates), example=candidates[0]
            )
        return candidates[0]
    period = Period(kind, year, number)
    if period not in in_window:
        raise UsageError(
            "period-outside-campaign",
            period=period,
            **_words(kind),
            start=window[0],
            end=window[1],
            **_choices(in_window),
        )
    return period


def _choices(periods: list[Period]) -> dict[str, str]:
    """The periods to choose from as a message parameter: 2020Q1、2021Q1 / 2020Q1, 2021Q1."""
    return {
        "choices": "、".join(str(p) for p in periods),
        "choices@en": ", ".join(str(p) for p in periods),
    }


def _which(kind: Cadence, number: int) -> str:
    if kind is Cadence.QUARTERLY:
        return f"第 {number} 季度"
    if kind is Cadence.HALF_YEARLY:
        return f"{'上下'[number - 1]}半年"
    return f"{number}月"


def campaign_periods(plan: Plan) -> list[Period]:
    """Every period of the plan's cadence that overlaps the campaign."""
    return periods_between(*plan.activity, plan.cadence)


def parse_plan_period(text: str, plan: Plan) -> Period:
    """A period as typed on the command line, of the plan's cadence, within its window."""
    return parse_period(text, plan.activity, plan.cadence)
