"""Periods as people type them on the command line, and the refusals in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke
from zzgzn.calendar.periods import Period, parse_period
from zzgzn.diagnostics.ui import render
from zzgzn.errors import UsageError
from zzgzn.models.plan import Cadence

SHIPPED = (dt.date(2020, 3, 1), dt.date(2021, 3, 31))


@pytest.mark.parametrize("text", ["二季度", "第二季度", "第2季度", "２季度"])
def test_a_quarter_in_words_without_the_year(text: str) -> None:
    """3月 and 上半年 are read without the year when the campaign has one; so is 二季度."""
    assert parse_period(text, SHIPPED, Cadence.QUARTERLY) == Period.quarter(2020, 2)


def test_a_quarter_in_words_is_refused_when_ambiguous() -> None:
    with pytest.raises(UsageError) as caught:
        parse_period("一季度", SHIPPED, Cadence.QUARTERLY)
    assert caught.value.code == "period-ambiguous"


def test_english_lists_periods_with_english_commas() -> None:
    with pytest.raises(UsageError) as caught:
        parse_period("Q1", SHIPPED, Cadence.QUARTERLY)
    params = {k: str(v) for k, v in caught.value.params.items()}
    assert "2020Q1、2021Q1" in render(caught.value.code, params, "zh")
    assert "the campaign has 2020Q1, 2021Q1;" in render(caught.value.code, params, "en")
    with pytest.raises(UsageError) as caught:
        parse_period("2021Q2", SHIPPED, Cadence.QUARTERLY)
    params = {k: str(v) for k, v in caught.value.params.items()}
    assert render(caught.value.code, params, "en").endswith(
        "the quarters: 2020Q1, 2020Q2, 2020Q3, 2020Q4, 2021Q1"
    )


def test_report_refuses_yi_jidu_with_both_years(runner: CliRunner, repo: Path) -> None:
    code, said = invoke(runner, "--lang", "en", "report", "一季度", "--root", str(repo))
    assert code == 2 and "2020Q1, 2021Q1" in said, said
