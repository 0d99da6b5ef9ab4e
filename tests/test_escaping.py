"""Submitted text is data: whatever a liaison types comes out of Markdown as that same text."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from zzgzn.reading.loader import CONTROL_CHARS
from zzgzn.rendering.markdown import escape_md, paragraphs, render_chunks, tidy
from zzgzn.report.docx import markdown_to_docx

PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")
# Chinese, ASCII punctuation (every Markdown metacharacter), spaces, tabs, newlines, controls
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("退役军人，。：；“”（）《》、"),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from("\n\t \x0b\x07\u3000"),
    ),
    max_size=80,
)


def _normalised(text: str) -> str:
    text = CONTROL_CHARS.sub("", text)
    return (
        " ".join(line.strip() for line in text.splitlines() if line.strip())
        .replace("\t", " ")
        .strip()
    )


def _inline_text(markdown: str) -> tuple[list[str], str]:
    tokens = PARSER.parse(markdown)
    kinds = [t.type for t in tokens]
    text = "".join(
        child.content if child.type in ("text", "code_inline") else ""
        for t in tokens
        if t.type == "inline"
        for child in t.children or []
    )
    return kinds, text


@given(TEXT)
@settings(max_examples=400, deadline=None)
def test_escaped_text_is_one_paragraph_of_the_same_text(text: str) -> None:
    expected = _normalised(text)
    kinds, rendered = _inline_text(escape_md(text))
    if not expected:
        assert kinds == []
        return
    assert kinds == ["paragraph_open", "inline", "paragraph_close"]
    assert rendered.replace("  ", " ") == expected.replace("  ", " ")


@given(TEXT)
@settings(max_examples=200, deadline=None)
def test_escaped_text_stays_inside_a_table_cell(text: str) -> None:
    markdown = f"| a | b |\n|---|---|\n| {escape_md(text)} | x |\n"
    tokens = PARSER.parse(markdown)
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == 2


@given(TEXT)
@settings(max_examples=200, deadline=None)
def test_paragraphs_keep_every_typed_line(text: str) -> None:
    lines = [_normalised(line) for line in CONTROL_CHARS.sub("", text).splitlines()]
    assert [_inline_text(p)[1] for p in paragraphs(text)] == [line for line in lines if line]


@given(TEXT)
@settings(max_examples=60, deadline=None)
def test_docx_holds_the_same_text(text: str) -> None:
    data = markdown_to_docx(f"# 标题\n\n{escape_md(text)}\n", dt.date(2020, 7, 20))
    body = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    expected = _normalised(text)
    assert body[0] == "标题"
    assert (body[1] if len(body) > 1 else "") == expected


@given(TEXT)
@settings(max_examples=500, deadline=None)
def test_the_shortcut_for_plain_text_changes_nothing(text: str) -> None:
    """escape_md returns most values untouched; it must be exactly when escaping would."""
    import re

    from zzgzn.rendering import markdown

    shortcut = escape_md(text)
    original = markdown._MAY_NEED_ESCAPE
    try:
        markdown._MAY_NEED_ESCAPE = re.compile("")  # matches everything: always the long way
        assert escape_md(text) == shortcut
    finally:
        markdown._MAY_NEED_ESCAPE = original


@given(
    st.lists(st.text(alphabet="a \n\t\u3000", max_size=12), max_size=12),
    st.integers(min_value=1, max_value=8),
)
def test_tidy_pieces_is_tidy_text(pieces: list[str], chunk: int) -> None:
    """The report is tidied as it is made, in chunks: the same as tidying the whole text."""
    text = "".join(pieces)
    assert "".join(tidy(pieces, chunk)) == re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def test_a_template_error_while_writing_leaves_no_file(tmp_path: Path) -> None:
    from zzgzn.errors import ZzgznError
    from zzgzn.files import write_atomic

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "t.md.j2").write_text("开头\n" * 70000 + "{{ missing }}", "utf-8")
    target = tmp_path / "out.md"
    with pytest.raises(ZzgznError, match=re.escape("t.md.j2")):
        write_atomic(target, (c.encode() for c in render_chunks("t.md.j2", tmp_path)))
    assert list(tmp_path.iterdir()) == [tmp_path / "templates"]
