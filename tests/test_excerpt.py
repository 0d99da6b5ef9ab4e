"""A lead's account cut to a budget: whole sentences only, never longer than the budget."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zzgzn.report.excerpt import excerpt, sentences

ENDS = "。！？"


def test_sentences_end_at_full_stops_with_their_closing_quotes() -> None:
    text = "他说：“先把台账建起来。”我们照办了！下一步呢？完成率92.1%，年底前2020年的任务"
    assert sentences(text) == [
        "他说：“先把台账建起来。”",
        "我们照办了！",
        "下一步呢？",
        "完成率92.1%，年底前2020年的任务",  # a decimal point or a year is not a boundary
    ]


def test_whole_sentences_within_the_budget() -> None:
    text = "一是建立台账。二是逐户走访，了解困难。三是建立月报制度。"
    assert excerpt(text, 20) == "一是建立台账。二是逐户走访，了解困难。"
    assert excerpt(text, 100) == text
    # one sentence longer than the budget is not cut in the middle: nothing is quoted
    assert excerpt("具体做法是：一是建立台账；二是逐户走访；三是建立月报制度。", 10) == ""


def test_only_the_first_paragraph() -> None:
    text = "第一段只有一句。\n第二段不在主报告里。"
    assert excerpt(text, 100) == "第一段只有一句。"


_PIECES = st.sampled_from(
    ["建立台账", "逐户走访", "2020年", "92.1%", "，", "；", "：", "“两委”", "（社区）", "A", " "]
)
_SENTENCE = st.builds(
    lambda parts, end, close: "".join(parts) + end + close,
    st.lists(_PIECES, min_size=1, max_size=8),
    st.sampled_from([*ENDS, "!", ""]),
    st.sampled_from(["", "”", "）"]),
)


def test_an_excerpt_is_whole_sentences_from_the_start() -> None:
    seen = {"cut": 0, "whole": 0, "nothing": 0}

    @settings(max_examples=300, deadline=None)
    @given(st.lists(_SENTENCE, min_size=1, max_size=6), st.integers(min_value=1, max_value=60))
    def check(parts: list[str], budget: int) -> None:
        text = "".join(parts)
        first = text.strip().split("\n", 1)[0].strip()
        said = excerpt(text, budget)
        assert len(said) <= budget
        assert first.startswith(said)
        rest = first[len(said) :]
        if said and rest:  # stopped between two sentences, never inside one
            assert said.rstrip("”’」』》）)]")[-1] in ENDS + "!?"
            assert len((said + sentences(rest)[0]).strip()) > budget
        seen["cut" if said and rest else "whole" if said else "nothing"] += 1

    check()
    assert all(n >= 10 for n in seen.values()), seen  # every outcome occurred
