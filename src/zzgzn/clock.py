""" "Today", settable for tests and for replaying a past campaign."""

from __future__ import annotations

import datetime as dt
import os

from zzgzn.datetext import parse_date_text
from zzgzn.errors import UsageError

ENV_VAR = "ZZGZN_TODAY"


def today(override: str | None = None) -> dt.date:
    """--today, else $ZZGZN_TODAY, else the real date."""
    text = override or os.environ.get(ENV_VAR)
    if not text:
        return dt.date.today()
    try:
        parsed = parse_date_text(text)
    except ValueError:
        parsed = None
    if parsed is None:
        raise UsageError("bad-today", value=text, var=ENV_VAR)
    return parsed
