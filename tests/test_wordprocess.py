"""The Word document converted in a second process: the same bytes, its errors, no leftovers."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest

from zzgzn.errors import ZzgznError
from zzgzn.report.wordprocess import write_docx

from .conftest import REPO

TODAY = dt.date(2020, 7, 20)
FORKS = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork here: converted inline"
)


def _chunks(text: str, size: int = 997) -> Iterator[str]:
    """The text in pieces that end anywhere (mid-line, mid-table), as jinja hands them out."""
    for i in range(0, len(text), size):
        yield text[i : i + size]


def _markdown() -> str:
    golden = REPO / "tests" / "golden" / "compilation-2020Q2.md"
    return golden.read_text("utf-8") * 3  # long enough to come in many pieces


@FORKS
def test_the_document_is_the_same_made_beside_or_here(tmp_path: Path) -> None:
    text = _markdown()
    beside, here = tmp_path / "beside.docx", tmp_path / "here.docx"
    markdown = tmp_path / "beside.md"
    write_docx(beside, _chunks(text), TODAY, "某办公室", "zh", markdown=markdown)
    write_docx(here, _chunks(text), TODAY, "某办公室", "zh", beside=False)
    assert beside.read_bytes() == here.read_bytes()
    assert markdown.read_text("utf-8") == text  # the Markdown written in the same pass


@FORKS
def test_a_write_error_in_the_child_is_this_process_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(ZzgznError) as raised:
        write_docx(tmp_path / "file" / "r.docx", _chunks("# 标题\n\n正文\n"), TODAY, "", "zh")
    assert raised.value.code == "write-under-a-file"  # worded as if written here


@FORKS
def test_a_failed_rendering_leaves_no_document(tmp_path: Path) -> None:
    def broken() -> Iterator[str]:
        yield "# 标题\n\n" + "正文。\n\n" * 20_000
        raise RuntimeError("the template failed")

    out, markdown = tmp_path / "r.docx", tmp_path / "r.md"
    with pytest.raises(RuntimeError, match="the template failed"):
        write_docx(out, broken(), TODAY, "", "zh", markdown=markdown)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no document, no temporary file
    assert not multiprocessing.active_children()
