"""The Word documents made in a second process while this one renders their Markdown.

Rendering a national compilation (jinja) and converting it to Word (pulldown-cmark events, XML)
each take a second or two of one core, one after the other. Where processes can be forked, a
converter is forked before the quarter's files are read (so it holds none of their data: its
memory is its own work, not a copy of this process's) and waits; each document's Markdown is
then fed to it as it is rendered, so the two overlap on two cores, and it writes the .docx
itself (atomically) and says how it went before the next document. Elsewhere (spawn-only
platforms) the conversion runs here after the rendering, as before: the bytes are the same
either way (tests/test_wordprocess.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import multiprocessing
import traceback
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from zzgzn.errors import ZzgznError
from zzgzn.files import write_atomic
from zzgzn.rendering.markdown import blocks

_DONE = None  # sent after a document's last piece, and back when its file is written
# what the conversion imports (0.1 s): in the child, while this process reads the files
_NEEDED = ("docx", "lxml", "pyromark")


class Converter:
    """The forked converting process; documents go to it one at a time (write_docx)."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self._ours, theirs = context.Pipe()
        self._child: BaseProcess = context.Process(
            target=_serve, args=(theirs, self._ours), daemon=True
        )
        self._child.start()
        theirs.close()

    def write(
        self,
        path: Path,
        chunks: Iterable[str],
        today: dt.date,
        author: str,
        lang: str,
        markdown: Path | None,
    ) -> None:
        ours = self._ours

        def sent() -> Iterator[bytes]:
            # pieces that end before a heading: the child parses each as it comes
            for piece in blocks(chunks):
                ours.send(piece)
                yield piece.encode("utf-8")

        try:
            ours.send((path, today, author, lang))
            if markdown is not None:
                write_atomic(markdown, sent())
            else:
                for _ in sent():
                    pass
            ours.send(_DONE)
            answer = ours.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError):
            self.close()
            answer = ("bug", f"the converting process ended (exit code {self._child.exitcode})")
        except BaseException:  # a failed rendering: the child must not write half a document
            self.close()
            raise
        if answer is not _DONE:
            self.close()
            _raise(answer)

    def close(self) -> None:
        """The pipe's end: the child, between documents or in the middle of one, stops there
        without writing."""
        self._ours.close()
        self._child.join()


@contextlib.contextmanager
def converter(wanted: bool) -> Iterator[Converter | None]:
    """A converter for the run if it writes Word and processes can be forked, else None."""
    if not wanted or "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    if any(importlib.util.find_spec(name) is None for name in _NEEDED):
        # a missing office extra is this process's error: the import says which, as ever
        import zzgzn.report.docx  # noqa: F401
    made = Converter()
    try:
        yield made
    finally:
        made.close()


def write_docx(
    path: Path,
    chunks: Iterable[str],
    today: dt.date,
    author: str,
    lang: str,
    *,
    markdown: Path | None = None,
    beside: Converter | None = None,
) -> None:
    """The .docx of chunks at path, and the same text as Markdown at markdown if given;
    converted by beside as it is rendered, or here after the last chunk."""
    if beside is not None:
        beside.write(path, chunks, today, author, lang, markdown)
        return
    kept = list(chunks)  # the text once, for both files
    if markdown is not None:
        write_atomic(markdown, (c.encode("utf-8") for c in kept))
    _convert(path, blocks(kept), today, author, lang)


def _convert(
    path: Path, pieces: Iterable[str], today: dt.date, author: str, lang: str, helper: bool = False
) -> None:
    from zzgzn.report.docx import markdown_to_docx  # python-docx and lxml: 0.1 s to import

    data = markdown_to_docx(pieces, today, author=author, lang=lang, helper=helper)
    write_atomic(path, data)


def _raise(answer: Any) -> None:
    kind, *details = answer
    if kind == "zzgzn":
        code, params = details
        raise ZzgznError(code, **params)
    raise RuntimeError(f"the Word document could not be made: {details[0]}")


def _serve(conn: Connection, parents: Connection) -> None:
    """The child: documents until the parent closes the pipe."""
    # the fork copied the parent's end too: closed, so that the parent's closing it is the
    # end of the pipe here and not a wait for ever
    parents.close()

    def pieces() -> Iterator[str]:
        while (piece := conn.recv()) is not _DONE:
            yield piece

    try:
        import zzgzn.report.docx  # noqa: F401  now, not after the first piece: it waits till then

        while True:
            try:
                path, today, author, lang = conn.recv()
            except EOFError:
                return  # no more documents
            try:
                # its own helper: the parent's core is rendering, and the helper's share is
                # what this process would otherwise convert after the rendering ends
                _convert(path, pieces(), today, author, lang, helper=True)
                conn.send(_DONE)
            except ZzgznError as exc:  # a write error: the parent words it as its own
                conn.send(("zzgzn", exc.code, exc.params))
    except EOFError:  # the parent went away mid-document (a failed rendering): write nothing
        pass
    except BaseException:  # a bug: the parent raises it rather than lose it
        with contextlib.suppress(OSError):
            conn.send(("bug", traceback.format_exc()))
    finally:
        conn.close()
