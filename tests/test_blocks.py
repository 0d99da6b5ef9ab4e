"""Markdown fed to the Word writer a piece at a time gives the very same document."""

from __future__ import annotations

import datetime as dt
import itertools

from zzgzn.rendering.markdown import blocks
from zzgzn.report.docx import markdown_to_docx

from .golden import GOLDEN


def test_pieces_end_before_headings_and_join_to_the_text() -> None:
    text = (GOLDEN / "compilation-2020Q2.md").read_text("utf-8")
    chunks = [text[i : i + 1000] for i in range(0, len(text), 1000)]
    pieces = list(blocks(chunks, size=5000))
    assert "".join(pieces) == text
    assert len(pieces) > 5
    assert all(a.endswith("\n\n") and b.startswith("#") for a, b in itertools.pairwise(pieces))


def test_the_document_is_the_same_whole_or_in_pieces() -> None:
    text = (GOLDEN / "compilation-2020Q2.md").read_text("utf-8")
    day = dt.date(2020, 7, 20)
    whole = markdown_to_docx(text, day)
    assert markdown_to_docx(blocks([text], size=3000), day) == whole
