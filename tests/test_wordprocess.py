"""The Word document converted in a second process: the same bytes, its errors, no leftovers."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from zzgzn.errors import ZzgznError
from zzgzn.report.wordprocess import converter, write_docx

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
def test_the_documents_are_the_same_made_beside_or_here(tmp_path: Path) -> None:
    text = _markdown()
    short = "# 标题\n\n主送机关：\n\n正文。\n"
    here, here_short = tmp_path / "here.docx", tmp_path / "here-short.docx"
    write_docx(here, _chunks(text), TODAY, "某办公室", "zh")
    write_docx(here_short, _chunks(short), TODAY, "某办公室", "zh")
    with converter(True) as beside:
        assert beside is not None
        for name, source in (("beside", text), ("beside-short", short)):  # one after another
            write_docx(
                tmp_path / f"{name}.docx",
                _chunks(source),
                TODAY,
                "某办公室",
                "zh",
                markdown=tmp_path / f"{name}.md",
                beside=beside,
            )
    assert (tmp_path / "beside.docx").read_bytes() == here.read_bytes()
    assert (tmp_path / "beside-short.docx").read_bytes() == here_short.read_bytes()
    assert (tmp_path / "beside.md").read_text("utf-8") == text  # written in the same pass
    assert not multiprocessing.active_children()


@FORKS
def test_a_write_error_in_the_child_is_this_process_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with converter(True) as beside, pytest.raises(ZzgznError) as raised:
        write_docx(
            tmp_path / "file" / "r.docx",
            _chunks("# 标题\n\n正文\n"),
            TODAY,
            "",
            "zh",
            beside=beside,
        )
    assert raised.value.code == "write-under-a-file"  # worded as if written here
    assert not multiprocessing.active_children()


@FORKS
def test_a_failed_rendering_leaves_no_document(tmp_path: Path) -> None:
    def broken() -> Iterator[str]:
        yield "# 标题\n\n" + "正文。\n\n" * 20_000
        raise RuntimeError("the template failed")

    out, markdown = tmp_path / "r.docx", tmp_path / "r.md"
    with converter(True) as beside, pytest.raises(RuntimeError, match="the template failed"):
        write_docx(out, broken(), TODAY, "", "zh", markdown=markdown, beside=beside)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no document, no temporary file
    assert not multiprocessing.active_children()


def test_no_converter_where_no_word_document_is_asked_for() -> None:
    with converter(False) as beside:
        assert beside is None


@FORKS
def test_the_word_packages_are_imported_by_the_converter_only(tmp_path: Path) -> None:
    """This process holds the quarter's data: python-docx and lxml are the child's memory."""
    script = f"""
import datetime as dt, sys
from pathlib import Path
from zzgzn.report.wordprocess import converter, write_docx
with converter(True) as beside:
    write_docx(Path({str(tmp_path / "r.docx")!r}), iter(["# 标题\\n\\n正文。\\n"]),
               dt.date(2020, 7, 20), "", "zh", beside=beside)
print(sorted(m for m in ("docx", "lxml", "zzgzn.report.docx") if m in sys.modules))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stderr
    assert (tmp_path / "r.docx").stat().st_size > 0
