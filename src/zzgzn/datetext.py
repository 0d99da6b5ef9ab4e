"""Dates and numbers as people type them: full-width digits, 2020年7月6日, 2020.7.6.

Kept apart from the models so that the command line can read --today without loading pydantic.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
CN_DATE = re.compile(
    r"^([0-9]{4})\s*(?:年|[./-])\s*([0-9]{1,2})\s*(?:月|[./-])\s*([0-9]{1,2})\s*[日号]?$"
)
# 二〇二〇年七月六日, as official documents print dates in words (○ is a common stand-in for 〇)
_CN_DIGITS = dict(zip("〇○零一二三四五六七八九", (0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_CN_NUMBER = "[〇○零一二三四五六七八九十]{1,3}"
CN_WORDS_DATE = re.compile(
    rf"^([〇○零一二三四五六七八九]{{4}})\s*年\s*({_CN_NUMBER})\s*月\s*({_CN_NUMBER})\s*[日号]$"
)
US_DATE = re.compile(r"^([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})$")


def halfwidth(text: str) -> str:
    """Full-width digits, letters and punctuation (１．２, ：) to their ASCII forms."""
    return unicodedata.normalize("NFKC", text).replace("。", ".")


def parse_date_text(text: str) -> dt.date | None:
    """A date in any of the ways people write one, or None; raises for impossible ones."""
    converted = halfwidth(text.strip())
    for pattern in (ISO_DATE, CN_DATE):
        match = pattern.match(converted)
        if match:
            year, month, day = (int(match.group(i)) for i in (1, 2, 3))
            return dt.date(year, month, day)
    words = CN_WORDS_DATE.match(converted)
    if words:
        in_month, in_day = _cn_number(words.group(2)), _cn_number(words.group(3))
        if in_month is None or in_day is None:
            return None
        return dt.date(int("".join(str(_CN_DIGITS[c]) for c in words.group(1))), in_month, in_day)
    return None


def _cn_number(text: str) -> int | None:
    """一 … 三十一 as a number; None for what is not one (十十, 一二)."""
    tens, ten, ones = text.partition("十")
    if not ten:
        return _CN_DIGITS[text] if len(text) == 1 else None
    if len(tens) > 1 or len(ones) > 1 or "十" in ones or tens in ("〇", "○", "零"):
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
