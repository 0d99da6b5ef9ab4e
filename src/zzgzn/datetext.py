"""Dates and numbers as people type them: full-width digits, 2020年7月6日, 2020.7.6.

Kept apart from the models so that the command line can read --today without loading pydantic.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
CN_DATE = re.compile(
    r"^([0-9]{4})\s*(?:年|[./-])\s*([0-9]{1,2})\s*(?:月|[./-])\s*([0-9]{1,2})\s*日?$"
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
    return None
