"""Titles break between phrases and table dates stay whole (report/linebreak.py)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import find, given
from hypothesis import strategies as st

from zzgzn.report.linebreak import break_points, text_mm, title_lines, unbreakable_mm

WIDTH, SIZE = 156.0, 22.0  # GB/T 9704 type area, 二号

# Pieces of real titles of 公文 and of zzgzn's reports: quotes, dates, codes, 关于…的…
PHRASES = [
    "天津市退役军人事务局",
    "关于深入开展",
    "“思想政治工作年”",
    "活动",
    "2020年第二季度",
    "2020Q1—2021Q1",
    "与2020年第三季度",
    "进展情况报告",
    "进展汇总",
    "的实施方案",
    "《退役军人事务部关于深入开展“思想政治工作年”活动的通知》",
    "各单位报送情况",
    "典型案例汇编",
    "（征求意见稿）",
]


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        (
            "“思想政治工作年”活动2020年第二季度进展情况报告",
            ["“思想政治工作年”活动", "2020年第二季度进展情况报告"],
        ),
        (
            "天津市退役军人事务局关于深入开展“思想政治工作年”活动的实施方案",
            ["天津市退役军人事务局关于深入开展", "“思想政治工作年”活动的实施方案"],
        ),
        (
            "“思想政治工作年”活动2020Q1—2021Q1进展汇总",
            ["“思想政治工作年”活动", "2020Q1—2021Q1进展汇总"],
        ),
        ("“思想政治工作年”活动进展汇总", ["“思想政治工作年”活动进展汇总"]),  # fits: no break
        (
            "思想政治工作年活动第二季度进展情况报告汇总材料",
            ["思想政治工作年活动第二季度进展情况报告汇总材料"],
        ),
    ],
)
def test_known_titles(title: str, lines: list[str]) -> None:
    assert title_lines(title, WIDTH, SIZE) == lines


def test_break_points_keep_words_together() -> None:
    title = "“思想政治工作年”活动2020年第三季度与2020年第二季度对比"
    points = break_points(title)
    assert [title[p - 1 : p + 1] for p in points] == ["”活", "动2", "度与"]
    assert break_points("思想政治和权益维护处参与截至2020年") == []  # 和/与/至 inside words
    assert break_points("4月1日至6月30日") == [4]


@given(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=7).map("".join))
def test_lines_are_the_title_cut_at_phrase_boundaries(title: str) -> None:
    lines = title_lines(title, WIDTH, SIZE)
    assert "".join(lines) == title
    if len(lines) == 1:
        return
    assert all(text_mm(line, SIZE) <= WIDTH for line in lines)
    cuts = [sum(len(line) for line in lines[:i]) for i in range(1, len(lines))]
    assert set(cuts) <= set(break_points(title))
    assert not any(line[0] in "”》），。、" for line in lines)


def test_the_interesting_titles_occur() -> None:
    """The property above sees titles of three lines and too long ones it must leave alone."""
    titles = st.lists(st.sampled_from(PHRASES), min_size=1, max_size=7).map("".join)
    three = find(titles, lambda t: len(title_lines(t, WIDTH, SIZE)) >= 3)
    assert len(title_lines(three, WIDTH, SIZE)) >= 3
    stuck = find(
        titles, lambda t: text_mm(t, SIZE) > WIDTH and len(title_lines(t, WIDTH, SIZE)) == 1
    )
    cuts = [0, *break_points(stuck), len(stuck)]
    pieces = [stuck[a:b] for a, b in itertools.pairwise(cuts)]
    assert any(text_mm(piece, SIZE) > WIDTH for piece in pieces)  # no sensible break fits


def test_unbreakable_parts_of_a_cell() -> None:
    assert unbreakable_mm("2020年7月10日（文件自报 2020年7月8日）", 10.5) == pytest.approx(
        text_mm("2020年7月10日", 10.5)
    )
    # a short label is one piece; in a longer text, the count of days is
    assert unbreakable_mm("逾期12个工作日", 10.5) == pytest.approx(text_mm("逾期12个工作日", 10.5))
    assert unbreakable_mm("报送后又逾期补充材料12个工作日", 10.5) == pytest.approx(
        text_mm("12个工作日", 10.5)
    )
    assert unbreakable_mm("思想政治和权益维护处", 10.5) == 0.0  # names wrap


@given(st.text(alphabet="ab1 中文（）：“”ｱＡé—\u3000", max_size=30))
def test_text_mm_is_its_per_character_definition(text: str) -> None:
    import unicodedata

    wide = [unicodedata.east_asian_width(ch) in "WF" for ch in text]
    switches = sum(a != b for a, b in itertools.pairwise(wide))
    em = SIZE * 25.4 / 72
    assert text_mm(text, SIZE) == 1.04 * em * (sum(1 if w else 0.5 for w in wide) + 0.25 * switches)
