"""`validate` and `fix` agree on every spelling of a date: validate promises `zzgzn fix` exactly
where fix repairs the date, and a repaired date then passes validation."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zzgzn.checking.planload import PlanLoad, load_plan
from zzgzn.checking.validate import validate_repository
from zzgzn.workflow.fixer import fix_bytes

from .conftest import copy_campaign

TODAY = dt.date(2021, 6, 30)
LINE = 6  # submitted_on in the sample
DATE_CODES = {"date-format", "date-ambiguous", "date-unreadable", "impossible-date", "fullwidth"}


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PlanLoad, str]:
    root = copy_campaign(tmp_path_factory.mktemp("dates"))
    sample = (root / "submissions" / "2020Q2" / "hexi.yaml").read_text("utf-8")
    assert sample.splitlines()[LINE - 1] == "submitted_on: 2020-07-01"
    return root, load_plan(root), sample


def _date_findings(root: Path, loaded: PlanLoad, text: str) -> list[tuple[str, str]]:
    path = root / "submissions" / "2020Q2" / "hexi.yaml"
    path.write_text(text, "utf-8")
    result = validate_repository(root, TODAY, [path], loaded=loaded)
    return [(p.code, p.hint()) for p in result.problems if p.code in DATE_CODES and p.line == LINE]


def _agree(campaign: tuple[Path, PlanLoad, str], spelling: str) -> str:
    """Check one spelling; returns what happened, for the test to count."""
    root, loaded, sample = campaign
    text = sample.replace("submitted_on: 2020-07-01", f"submitted_on: {spelling}", 1)
    before = _date_findings(root, loaded, text)
    promised = any("zzgzn fix" in hint for _, hint in before)
    fixed = fix_bytes(text.encode("utf-8"), "submissions/2020Q2/hexi.yaml")
    after_text = fixed.data.decode("utf-8") if fixed.data is not None else text
    repaired = after_text.splitlines()[LINE - 1] != text.splitlines()[LINE - 1]
    after = _date_findings(root, loaded, after_text)
    assert promised == repaired, (spelling, before, fixed.changes)
    if promised:
        assert not after, (spelling, after)  # what fix promised, it did
        assert re.fullmatch(r"submitted_on: \d{4}-\d{2}-\d{2}", after_text.splitlines()[LINE - 1])
    else:
        assert after == before
    return "clean" if not before else "fixed" if promised else "left to a person"


SPELLINGS = [
    ("2020-07-01", "clean"),
    ("2020-7-1", "fixed"),
    ("2020年7月1日", "fixed"),
    ("2020年7月1号", "fixed"),
    ("2020年07月01日", "fixed"),
    ("2020 年 7 月 1 日", "fixed"),
    ("二〇二〇年七月一日", "fixed"),
    ("二○二○年七月一日", "fixed"),
    ("2020.7.1", "fixed"),
    ("2020/7/1", "fixed"),
    ("２０２０-０７-０１", "fixed"),
    ("２０２０年７月１日", "fixed"),
    ("7/1/2020", "left to a person"),  # month or day first? never guessed
    ("2020-06-31", "left to a person"),  # no such day
    ("二〇二〇年六月三十一日", "left to a person"),
    ("二〇二〇年十十月一日", "left to a person"),
    ("7月1日", "left to a person"),  # no year
    ("下周一", "left to a person"),
]


@pytest.mark.parametrize(("spelling", "outcome"), SPELLINGS, ids=[s for s, _ in SPELLINGS])
def test_validate_promises_a_fix_exactly_where_fix_repairs(
    campaign: tuple[Path, PlanLoad, str], spelling: str, outcome: str
) -> None:
    assert _agree(campaign, spelling) == outcome


_CN = "〇一二三四五六七八九"


@st.composite
def spellings(draw: st.DrawFn) -> str:
    """Dates as people type them: digits ASCII, full-width or in words; any separators."""
    day = draw(st.dates(dt.date(2020, 1, 1), dt.date(2021, 12, 31)))
    month, date = day.month, day.day
    if draw(st.booleans()) and draw(st.booleans()):
        date = draw(st.integers(29, 32))  # sometimes a day the month does not have
    style = draw(st.sampled_from(["ascii", "fullwidth", "words"]))

    def number(n: int, width: int) -> str:
        if style == "words":
            if width == 4:
                return "".join(_CN[int(c)] for c in str(n))
            tens, ones = divmod(n, 10)
            return (
                ("" if tens < 2 else _CN[tens])
                + ("十" if tens else "")
                + (_CN[ones] if ones or not tens else "")
            )
        text = str(n).zfill(draw(st.sampled_from([1, width])) if width == 2 else width)
        return (
            text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
            if (style == "fullwidth")
            else text
        )

    seps = draw(
        st.sampled_from(
            [("年", "月", "日"), ("年", "月", "号"), ("-", "-", ""), (".", ".", ""), ("/", "/", "")]
        )
    )
    return f"{number(day.year, 4)}{seps[0]}{number(month, 2)}{seps[1]}{number(date, 2)}{seps[2]}"


def test_every_generated_spelling_agrees(campaign: tuple[Path, PlanLoad, str]) -> None:
    """Agreement on generated spellings, which must include fixable and unfixable ones (a
    property that never meets an unfixable date would prove nothing)."""
    seen: set[str] = set()

    @settings(max_examples=30, deadline=None, database=None)
    @given(spelling=spellings())
    def collect(spelling: str) -> None:
        seen.add(_agree(campaign, spelling))

    collect()
    assert {"fixed", "left to a person"} <= seen
