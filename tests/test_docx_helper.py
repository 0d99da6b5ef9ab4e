"""Every other piece converted by a forked helper: the very same document, whatever the
pieces' ends hand on, and whether or not the helper manages."""

from __future__ import annotations

import datetime as dt
import os
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

import zzgzn.report.docx as docx
from zzgzn.rendering.markdown import blocks
from zzgzn.report.docx import markdown_to_docx

from .golden import GOLDEN

DAY = dt.date(2020, 7, 20)
FORKS = pytest.mark.skipif(
    not hasattr(os, "fork") or (os.cpu_count() or 1) < 2, reason="no helper here: one process"
)


def _png(path: Path) -> None:
    """A 1×1 picture, made here so the test needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# pieces 2, 4, 6 and 8 go to the helper; 2 and 4 follow an end that is not neutral (a page
# break after ---, the issuer's line of a 落款), 6 holds a picture (a part of the package,
# numbered in document order): those three are converted here again; 8 is the helper's
AWKWARD = [
    "# 标题\n\n###### （副标题）\n\n主送机关：\n\n正文。\n\n",
    "## 一、第一部分\n\n正文。\n\n---\n\n",
    "## 二、分页之后\n\n正文。\n\n",
    "## 三、落款\n\n正文。\n\n##### 某办公室\n\n",
    "##### 2020年7月20日\n\n附件\n\n",
    "# 附件的标题\n\n正文。\n\n",
    "## 四、图\n\n![图1 示意](a.png)\n\n",
    "## 五、图之后\n\n![图2 示意](a.png)\n\n",
    "## 六、末尾\n\n- 一项\n- 两项\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n",
]


@FORKS
def test_the_document_is_the_same_with_a_helper() -> None:
    text = (GOLDEN / "compilation-2020Q2.md").read_text("utf-8")
    chunks = [text[i : i + 1000] for i in range(0, len(text), 1000)]
    pieces = list(blocks(chunks, size=3000))
    assert len(pieces) >= 10
    assert markdown_to_docx(pieces, DAY, helper=True) == markdown_to_docx(text, DAY)


@FORKS
def test_a_piece_after_an_end_that_is_not_neutral_is_converted_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _png(tmp_path / "a.png")
    alone = markdown_to_docx(AWKWARD, DAY, images=tmp_path)
    here: list[str] = []
    convert = docx._convert_piece

    def spied(out: docx._Writer, state: docx._State, piece: str) -> None:
        if os.getpid() == parent:
            here.append(piece)
        convert(out, state, piece)

    parent = os.getpid()
    monkeypatch.setattr(docx, "_convert_piece", spied)
    assert markdown_to_docx(AWKWARD, DAY, images=tmp_path, helper=True) == alone
    assert here == AWKWARD[:8]  # the last one came from the helper


@FORKS
def test_a_failing_helper_leaves_the_pieces_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (GOLDEN / "compilation-2020Q2.md").read_text("utf-8")
    pieces = list(blocks([text[i : i + 1000] for i in range(0, len(text), 1000)], size=3000))

    def broken(out: docx._Writer, state: docx._State, piece: str) -> tuple[bytes, None]:
        raise RuntimeError("the helper failed")

    monkeypatch.setattr(docx, "_piece_xml", broken)  # only the forked helper calls it
    assert markdown_to_docx(pieces, DAY, helper=True) == markdown_to_docx(text, DAY)
    with pytest.raises(ChildProcessError):  # the helper was waited for: no zombie left
        os.waitpid(-1, os.WNOHANG)


@FORKS
def test_a_failure_in_the_pieces_read_ahead_is_raised_here() -> None:
    def failing() -> Iterator[str]:
        yield from AWKWARD[:4]
        raise RuntimeError("the template failed")

    with pytest.raises(RuntimeError, match="the template failed"):
        markdown_to_docx(failing(), DAY, helper=True)
    with pytest.raises(ChildProcessError):  # the helper was waited for: no zombie left
        os.waitpid(-1, os.WNOHANG)
