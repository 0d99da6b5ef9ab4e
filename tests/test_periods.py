"""Reporting periods of every cadence: spellings people type, canonical forms, arithmetic, and
the due rules a plan may declare, checked against the State Council's holiday notices."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from zzgzn.calendar.deadlines import describe_rule, due_date
from zzgzn.calendar.periods import (
    Period,
    is_period_folder,
    parse_period,
    periods_between,
    read_period,
)
from zzgzn.calendar.workdays import WorkCalendar
from zzgzn.errors import UsageError
from zzgzn.models.plan import Cadence, ReportingRule

W2024 = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
W2024_25 = (dt.date(2024, 1, 1), dt.date(2025, 6, 30))


def periods() -> st.SearchStrategy[Period]:
    kinds = st.sampled_from(list(Cadence))
    return kinds.flatmap(
        lambda kind: st.builds(
            Period,
            st.just(kind),
            st.integers(1990, 2080),
            st.integers(1, {"monthly": 12, "quarterly": 4, "half-yearly": 2, "yearly": 1}[kind]),
        )
    )


@given(periods())
def test_canonical_spelling_round_trips(p: Period) -> None:
    event(p.kind.value)
    assert Period.from_canonical(str(p), p.kind) == p
    assert Period.canonical_kind(str(p)) == p
    assert is_period_folder(str(p), p.kind)
    # one kind's canonical spelling is never another kind's
    assert all(Period.from_canonical(str(p), k) is None for k in Cadence if k is not p.kind)


@given(periods())
def test_next_previous_and_of_agree(p: Period) -> None:
    assert p.next().previous() == p
    assert p.previous().next() == p
    assert p.next().start == p.end + dt.timedelta(days=1)
    assert Period.of(p.kind, p.start) == p
    assert Period.of(p.kind, p.end) == p
    assert p < p.next()
    if p.next().year != p.year:
        event("crosses a year")


@given(periods(), st.data())
def test_what_people_type_parses_back(p: Period, data: st.DataObject) -> None:
    window = (p.start - dt.timedelta(days=40), p.end + dt.timedelta(days=40))
    for text in (str(p), p.label, f" {p.label} "):
        assert parse_period(text, window, p.kind) == p
    if p.kind is Cadence.MONTHLY:
        spelt = data.draw(
            st.sampled_from(
                [
                    f"{p.year}-{p.number}",
                    f"{p.year}年{p.number:02d}月",
                    f"{p.year}年{p.number}月份",
                    f"{p.year}.{p.number}",
                    f"{p.year}/{p.number}",
                    f"{p.year}年" + "一二三四五六七八九十"[p.number - 1] + "月"
                    if p.number <= 10
                    else f"{p.year}年十{'一二'[p.number - 11]}月",
                ]
            )
        )
        assert parse_period(spelt, window, p.kind) == p
    if p.kind is Cadence.HALF_YEARLY:
        assert parse_period(f"{p.year}-h{p.number}", window, p.kind) == p
    if p.kind is Cadence.YEARLY:
        assert parse_period(f"{p.year}年", window, p.kind) == p


@given(periods(), st.sampled_from(list(Cadence)))
def test_only_the_plans_cadence_is_accepted(p: Period, cadence: Cadence) -> None:
    window = (p.start, p.end)
    if cadence is p.kind:
        assert parse_period(str(p), window, cadence) == p
        return
    event("another cadence")
    with pytest.raises(UsageError, match=r"^period-wrong-cadence"):
        parse_period(str(p), window, cadence)


# what a person might type for a period: real spellings, some with a stray character spliced
# in or cut short, and arbitrary text
_SPELT = st.builds(
    lambda year, month, form, cut, noise: (form.format(y=year, m=month) + noise)[:cut],
    st.integers(2023, 2025),
    st.integers(1, 13),
    st.sampled_from(["{y}-{m:02d}", "{y}年{m}月", "{y}年{m}月份", "{y}.{m}", "{m}月", "{y}Q{m}"]),
    st.integers(5, 14),
    st.sampled_from(["", "", "", " ", "x"]),
)
_TYPED = st.one_of(st.text(max_size=12), _SPELT, _SPELT)


def test_free_text_is_a_period_or_a_clear_refusal() -> None:
    outcomes: dict[str, int] = {"read": 0, "refused": 0}

    @settings(derandomize=True, max_examples=200)  # the same examples each run: no flake
    @given(_TYPED)
    def typed(text: str) -> None:
        try:
            got = parse_period(text, W2024_25, Cadence.MONTHLY)
        except UsageError as exc:
            outcomes["refused"] += 1
            assert exc.code.startswith("period-")
        else:
            outcomes["read"] += 1
            assert got.kind is Cadence.MONTHLY and got in periods_between(*W2024_25, got.kind)

    typed()
    # both cases really happen: spellings read, and mistakes refused with a message
    assert outcomes["read"] >= 5 and outcomes["refused"] >= 5, outcomes


@pytest.mark.parametrize(
    ("text", "kind", "window", "expected"),
    [
        ("2024-03", Cadence.MONTHLY, W2024, Period.month(2024, 3)),
        ("2024年3月", Cadence.MONTHLY, W2024, Period.month(2024, 3)),
        ("3月", Cadence.MONTHLY, W2024, Period.month(2024, 3)),
        ("十二月", Cadence.MONTHLY, W2024, Period.month(2024, 12)),
        ("2024H1", Cadence.HALF_YEARLY, W2024, Period.half(2024, 1)),
        ("2024年上半年", Cadence.HALF_YEARLY, W2024, Period.half(2024, 1)),
        ("上半年", Cadence.HALF_YEARLY, W2024, Period.half(2024, 1)),
        ("下半年", Cadence.HALF_YEARLY, W2024, Period.half(2024, 2)),
        ("H2", Cadence.HALF_YEARLY, W2024, Period.half(2024, 2)),
        ("2024", Cadence.YEARLY, W2024, Period.whole_year(2024)),
        ("2024年度", Cadence.YEARLY, W2024, Period.whole_year(2024)),
        ("Q2", Cadence.QUARTERLY, W2024, Period.quarter(2024, 2)),
        ("2020年第二季度", Cadence.QUARTERLY, (dt.date(2020, 3, 1), dt.date(2021, 3, 31)),
         Period.quarter(2020, 2)),
    ],
)  # fmt: skip
def test_spellings_of_the_issue(
    text: str, kind: Cadence, window: tuple[dt.date, dt.date], expected: Period
) -> None:
    assert parse_period(text, window, kind) == expected


@pytest.mark.parametrize(
    ("text", "kind", "code"),
    [
        ("3月", Cadence.MONTHLY, "period-ambiguous"),  # 2024-03 and 2025-03
        ("上半年", Cadence.HALF_YEARLY, "period-ambiguous"),
        ("9月", Cadence.MONTHLY, None),  # only 2024-09 in the window
        ("2024-13", Cadence.MONTHLY, "period-unreadable"),
        ("13月", Cadence.MONTHLY, "period-unreadable"),
        ("2024Q1", Cadence.MONTHLY, "period-wrong-cadence"),
        ("2024", Cadence.HALF_YEARLY, "period-wrong-cadence"),
        ("2023-12", Cadence.MONTHLY, "period-outside-campaign"),
        ("2026", Cadence.YEARLY, "period-outside-campaign"),
    ],
)
def test_refusals(text: str, kind: Cadence, code: str | None) -> None:
    if code is None:
        assert parse_period(text, W2024_25, kind) == Period.month(2024, 9)
        return
    with pytest.raises(UsageError) as caught:
        parse_period(text, W2024_25, kind)
    assert caught.value.code == code


def test_ambiguous_bare_month_lists_both_years() -> None:
    with pytest.raises(UsageError) as caught:
        parse_period("3月", W2024_25, Cadence.MONTHLY)
    assert caught.value.params["choices"] == "2024-03、2025-03"


def test_read_period_tells_the_kind() -> None:
    assert read_period("2024年下半年") == (Cadence.HALF_YEARLY, 2024, 2)
    assert read_period("3月份") == (Cadence.MONTHLY, None, 3)
    assert read_period("hello") is None


def test_periods_of_a_window() -> None:
    got = [str(p) for p in periods_between(dt.date(2024, 5, 20), W2024[1], Cadence.HALF_YEARLY)]
    assert got == ["2024H1", "2024H2"]
    assert len(periods_between(*W2024, Cadence.MONTHLY)) == 12
    assert [str(p) for p in periods_between(*W2024_25, Cadence.YEARLY)] == ["2024", "2025"]


def test_labels() -> None:
    assert Period.month(2024, 3).label == "2024年3月"
    assert Period.quarter(2020, 2).label == "2020年第二季度"
    assert Period.half(2024, 1).label == "2024年上半年"
    assert Period.whole_year(2024).label == "2024年度"


# --- due rules ----------------------------------------------------------------------------


def _rule(**due: object) -> ReportingRule:
    return ReportingRule.model_validate({"cadence": "monthly", "recipient": "office", **due})


CAL = WorkCalendar()  # chinesecalendar's State Council tables


def test_day_of_next_month_kept_as_written() -> None:
    # 每月5日前报送上月: January 2024 is due 5 February (a Monday), February's 5 March
    rule = _rule(due_day_of_next_month=5)
    assert due_date(rule, Period.month(2024, 1), CAL) == dt.date(2024, 2, 5)
    assert due_date(rule, Period.month(2024, 12), CAL) == dt.date(2025, 1, 5)  # a Sunday


def test_day_of_next_month_moved_to_the_next_working_day() -> None:
    # 国办发明电〔2023〕7号: 2024 Spring Festival 10–17 February off, 4 and 18 February
    # (Sundays) worked. A rule "每月12日前" for January falls in the holiday: moved to 18
    # February, the make-up Sunday, not to the 19th.
    rule = _rule(due_day_of_next_month=12, on_rest_day="next_working_day")
    assert due_date(rule, Period.month(2024, 1), CAL) == dt.date(2024, 2, 18)
    assert due_date(rule, Period.month(2024, 11), CAL) == dt.date(2024, 12, 12)  # a Thursday
    # 5 January 2025 is a Sunday: Monday the 6th
    five = _rule(due_day_of_next_month=5, on_rest_day="next_working_day")
    assert due_date(five, Period.month(2024, 12), CAL) == dt.date(2025, 1, 6)


def test_day_of_final_month() -> None:
    # 每季度最后一个月25日前
    rule = ReportingRule.model_validate(
        {"cadence": "quarterly", "recipient": "office", "due_day_of_final_month": 25}
    )
    assert due_date(rule, Period.quarter(2024, 1), CAL) == dt.date(2024, 3, 25)
    # 30日 in a February: its last day
    feb = _rule(due_day_of_final_month=30)
    assert due_date(feb, Period.month(2024, 2), CAL) == dt.date(2024, 2, 29)


def test_working_days_after_a_half_year() -> None:
    rule = ReportingRule.model_validate(
        {"cadence": "half-yearly", "recipient": "office", "due_working_days": 10}
    )
    # 2024H1 ends Sunday 30 June; July 2024 has no holiday: 10th working day is 12 July
    assert due_date(rule, Period.half(2024, 1), CAL) == dt.date(2024, 7, 12)


@pytest.mark.parametrize(
    "due",
    [
        {},
        {"due_working_days": 5, "due_day_of_next_month": 5},
        {"due_working_days": 5, "on_rest_day": "next_working_day"},
    ],
)
def test_a_rule_needs_exactly_one_due(due: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="due_r"):
        _rule(**due)


@pytest.mark.parametrize(
    ("cadence", "due", "zh"),
    [
        ("quarterly", {"due_working_days": 5}, "每季度结束后5个工作日内"),
        ("monthly", {"due_day_of_next_month": 5}, "每月结束后次月5日前"),
        (
            "monthly",
            {"due_day_of_next_month": 5, "on_rest_day": "next_working_day"},
            "每月结束后次月5日前（遇节假日顺延）",
        ),
        ("quarterly", {"due_day_of_final_month": 25}, "每季度最后一个月25日前"),
        ("monthly", {"due_day_of_final_month": 25}, "每月25日前"),
        ("half-yearly", {"due_working_days": 10}, "每半年结束后10个工作日内"),
        ("yearly", {"due_day_of_final_month": 20}, "每年12月20日前"),
    ],
)
def test_a_rule_in_words(cadence: str, due: dict[str, object], zh: str) -> None:
    rule = ReportingRule.model_validate({"cadence": cadence, "recipient": "office", **due})
    assert describe_rule(rule) == zh
    assert "（" not in describe_rule(rule, bracketed=True)  # said inside brackets already
    assert describe_rule(rule, "en").startswith(("within", "by day"))
