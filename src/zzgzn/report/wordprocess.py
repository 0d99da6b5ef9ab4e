"""The Word document made in a second process while this one renders its Markdown.

Rendering a national compilation (jinja) and converting it to Word (pulldown-cmark events, XML)
each take a second or two of one core, one after the other. Where processes can be forked, the
conversion runs in a child that is fed the Markdown as it is rendered, so the two overlap on
two cores; the child writes the .docx itself (atomically) and says how it went. Elsewhere
(spawn-only platforms), and for a short text, it runs here after the rendering, as before:
the bytes are the same either way (tests/test_wordprocess.py).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import traceback
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path

from zzgzn.errors import ZzgznError
from zzgzn.files import write_atomic
from zzgzn.rendering.markdown import blocks

_DONE = None  # sent after the last piece, and back by the child when the file is written


def write_docx(
    path: Path,
    chunks: Iterable[str],
    today: dt.date,
    author: str,
    lang: str,
    *,
    markdown: Path | None = None,
    beside: bool = True,
) -> None:
    """The .docx of chunks at path, and the same text as Markdown at markdown if given.
    beside=False converts here, after the last chunk."""
    import zzgzn.report.docx  # noqa: F401  here: a missing office extra is this process's error

    if beside and "fork" in multiprocessing.get_all_start_methods():
        _in_child(path, chunks, today, author, lang, markdown)
        return
    kept = list(chunks)  # the text once, for both files
    if markdown is not None:
        write_atomic(markdown, (c.encode("utf-8") for c in kept))
    _convert(path, blocks(kept), today, author, lang)


def _convert(path: Path, pieces: Iterable[str], today: dt.date, author: str, lang: str) -> None:
    from zzgzn.report.docx import markdown_to_docx  # python-docx and lxml: 0.1 s to import

    write_atomic(path, markdown_to_docx(pieces, today, author=author, lang=lang))


def _in_child(
    path: Path,
    chunks: Iterable[str],
    today: dt.date,
    author: str,
    lang: str,
    markdown: Path | None,
) -> None:
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()
    child = context.Process(
        target=_child, args=(theirs, ours, path, today, author, lang), daemon=True
    )
    child.start()
    theirs.close()

    def sent() -> Iterator[bytes]:
        # pieces that end before a heading: the child parses each as it comes
        for piece in blocks(chunks):
            ours.send(piece)
            yield piece.encode("utf-8")

    try:
        if markdown is not None:
            write_atomic(markdown, sent())
        else:
            for _ in sent():
                pass
        ours.send(_DONE)
        answer = ours.recv()
    except (EOFError, BrokenPipeError, ConnectionResetError):
        answer = ("bug", f"the converting process ended (exit code {child.exitcode})")
    finally:
        ours.close()
        child.join()
    if answer is _DONE:
        return
    kind, *details = answer
    if kind == "zzgzn":
        code, params = details
        raise ZzgznError(code, **params)
    raise RuntimeError(f"the Word document could not be made: {details[0]}")


def _child(
    conn: Connection, parents: Connection, path: Path, today: dt.date, author: str, lang: str
) -> None:
    # the fork copied the parent's end too: closed, so that the parent's closing it (a failed
    # rendering) is the end of the pipe here and not a wait for ever
    parents.close()

    def pieces() -> Iterator[str]:
        while (piece := conn.recv()) is not _DONE:
            yield piece

    try:
        _convert(path, pieces(), today, author, lang)
        conn.send(_DONE)
    except ZzgznError as exc:  # a write error: the parent words it as its own
        conn.send(("zzgzn", exc.code, exc.params))
    except EOFError:  # the parent went away (a failed rendering, an interrupt): write nothing
        pass
    except BaseException:  # a bug: the parent raises it rather than lose it
        conn.send(("bug", traceback.format_exc()))
    finally:
        conn.close()
