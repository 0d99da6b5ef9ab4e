"""The values import and the browser form write come back exactly as typed when read as YAML."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zzgzn.reading.loader import CONTROL_CHARS, load_bytes
from zzgzn.workflow.filled import quote, scalar, text_value

# Chinese prose with what bites in YAML: quotes, colons, #, leading -, line breaks, "no"
TRICKY = st.lists(
    st.sampled_from(
        [
            "走访",
            "老兵",
            " ",
            "\n",
            ": ",
            " #",
            "#",
            "- ",
            '"',
            "'",
            "\\",
            "no",
            "1:30",
            "010",
            "%",
            "@",
            "`",
            "|",
            ">",
            "{",
            "[",
            "*",
            "&",
            "!",
            "\u3000",
            "\u2028",
            "\t",
            "１２",
            "~",
        ]
    ),
    max_size=12,
).map("".join)
TEXT = st.one_of(TRICKY, st.text(max_size=30))


def _read(line: str) -> object:
    doc = load_bytes(line.encode("utf-8"), "t.yaml")
    assert not [p for p in doc.problems if p.is_error], (line, doc.problems)
    return doc.data["k"]


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_text_comes_back_as_typed(text: str) -> None:
    if CONTROL_CHARS.search(text) or "\r" in text:
        return  # the cell reader turns CR into LF; control characters are findings
    block = "\n" in text.rstrip("\n")
    assert _read(f"k: {text_value(text, 0)}\n") == text
    assert _read(f"k: {quote(text)}\n") == text
    if block and text_value(text, 0).startswith("|"):
        assert "\n" in text  # the interesting case: a literal block was written


def test_the_interesting_cases_occur() -> None:
    samples = ["两行\n文字\n", "两行\n文字", "no", "1:30", "- 开头", "# 号", "a\u2028b"]
    shapes = {text_value(s, 4).split("\n")[0] for s in samples}
    assert {"|", "|-"} <= shapes  # both block forms, and quoted ones
    assert all(_read(f"k: {text_value(s, 0)}\n") == s for s in samples)


def test_numbers_and_dates_are_bare_blanks_empty() -> None:
    import datetime as dt

    assert scalar(126) == "126" and scalar(12.5) == "12.5" and scalar(None) == ""
    assert scalar(dt.date(2020, 7, 6)) == "2020-07-06" and scalar("") == '""'
    assert _read("k: " + scalar("126") + "\n") == "126"  # text stays text
