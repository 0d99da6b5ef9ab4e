"""Dates as people type them, read without pydantic (the command line's --today uses this)."""

from __future__ import annotations

import datetime as dt

import pytest

from zzgzn.datetext import halfwidth, parse_date_text


@pytest.mark.parametrize(
    "text",
    [
        "2020-07-06",
        "2020-7-6",
        "２０２０－０７－０６",
        "2020年7月6日",
        "2020 年 7 月 6 日",
        "2020.7.6",
        "2020/07/06",
        "2020年7月6",
        "二〇二〇年七月六日",
        "2020年7月6号",
    ],
)
def test_the_ways_people_write_a_date(text: str) -> None:
    assert parse_date_text(text) == dt.date(2020, 7, 6)


@pytest.mark.parametrize("text", ["7/6/2020", "下周一", "二〇二〇年", ""])
def test_what_is_not_read_as_a_date(text: str) -> None:
    assert parse_date_text(text) is None


def test_an_impossible_date_is_an_error_not_a_guess() -> None:
    with pytest.raises(ValueError):
        parse_date_text("2020-02-30")


def test_halfwidth() -> None:
    assert halfwidth("１．２：Ａ") == "1.2:A"
    assert halfwidth("1。2") == "1.2"
