"""Markdown fed to the Word writer a piece at a time gives the very same document."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

import zzgzn.report.docx as docx
from zzgzn.rendering.markdown import blocks
from zzgzn.report.docx import markdown_to_docx

from .golden import GOLDEN
from .test_docx_helper import _png


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


def test_a_long_body_zipped_as_it_is_written_gives_the_same_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (GOLDEN / "compilation-2020Q2.md").read_text("utf-8") * 3  # blocks written by 1,024
    _png(tmp_path / "a.png")  # a picture once the zip is under way: parts after the body's
    text += "\n## 附图\n\n![图1 示意](a.png)\n"
    day = dt.date(2020, 7, 20)
    whole = markdown_to_docx(text, day, images=tmp_path)
    monkeypatch.setattr(docx, "ZIPPED_FROM", 10_000)  # zipped from the first pieces on
    assert markdown_to_docx(blocks([text], size=3000), day, images=tmp_path) == whole


def test_a_package_changed_under_the_zip_is_zipped_again(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (GOLDEN / "compilation-2020Q2.md").read_text("utf-8") * 3  # blocks written by 1,024
    day = dt.date(2020, 7, 20)
    finish = docx._Writer.finish

    def changed(out: docx._Writer) -> bytes:  # an entry before word/document.xml changes
        out.doc.core_properties.title = "另一个标题"
        return finish(out)

    monkeypatch.setattr(docx._Writer, "finish", changed)
    whole = markdown_to_docx(text, day)
    monkeypatch.setattr(docx, "ZIPPED_FROM", 10_000)
    again = docx._Zipping.body
    taken: list[int] = []

    def body(zipping: docx._Zipping) -> bytes:
        taken.append(1)
        return again(zipping)

    monkeypatch.setattr(docx._Zipping, "body", body)
    assert markdown_to_docx(blocks([text], size=3000), day) == whole
    assert taken  # the body came out of the first zip
