"""Markdown → a real Word document laid out to GB/T 9704-2012 (党政机关公文格式).

The Markdown comes from the same templates as the .md report, so a campaign customises both
at once. Its structure maps to the official document: # title, ## 一、 (黑体),
### （一） (楷体), #### 1. (仿宋 bold), ###### a centred line, ##### a right-aligned line
(落款), --- a page break, lists as （1）… paragraphs, tables as Word tables.
Two paragraphs are known by what they say, as GB/T 9704-2012 defines them: the first one
after the title block ending in "：" is the 主送机关 (flush left), and a paragraph that is
just "附件" (or "附件2") is the attachment's label, 黑体 at the top left, with the # after it
as the attachment's title, centred on the third line. The title and the attachment titles
break between phrases (linebreak.py), never mid-phrase.

Every paragraph takes its look from a named style (officedoc.py sets up the page, styles,
fonts and page numbers): runs carry no fonts or sizes of their own, only bold where the
Markdown says **…**, so changing a style in Word changes the whole document.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import multiprocessing
import os
import re
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from pathlib import Path
from queue import Queue
from typing import IO, Any
from urllib.parse import unquote
from xml.sax.saxutils import escape as xml_escape

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from zzgzn.diagnostics.docwords import doc_say
from zzgzn.files import FixedZip
from zzgzn.reading.loader import CONTROL_CHARS
from zzgzn.report.linebreak import text_mm, title_lines, unbreakable_mm
from zzgzn.report.mdtokens import Tok, tokens
from zzgzn.report.officedoc import (
    ADDRESSEE,
    ATTACHMENT_LABEL,
    CLOSING,
    FIGURE,
    LAYOUT,
    NOTICE,
    TABLE_HEADING,
    TABLE_TEXT,
    Layout,
    add_run,
    new_document,
)


@dataclass
class _State:
    lists: list[list[int]] = field(default_factory=list)  # counters of open lists
    item_prefix: str = ""
    quote: int = 0
    page_break: bool = False
    closing: str = ""  # the first line of the 落款 being written (the issuing office)
    # a title and the centred lines under it: the block after them starts one line lower
    title_block: bool = False
    after_title: bool = False  # the next block is the first after a title block
    attachment: bool = False  # a 附件 label was just written: the # after it is its title
    table: list[list[tuple[list[Tok], bool]]] | None = None
    images: Path | None = None
    lang: str = "zh"


def markdown_to_docx(
    markdown: str | Iterable[str],
    today: dt.date,
    layout: Layout = LAYOUT,
    images: Path | None = None,
    *,
    author: str = "",
    lang: str = "zh",
    helper: bool = False,
) -> bytes:
    """The document's bytes; identical input gives identical bytes. Its title is the first #,
    its author who issues it (the office in its 落款).

    markdown may come in pieces that each end at a block's end (rendering.markdown.blocks):
    a national compilation is then never parsed, nor held, all at once.
    Images (![alt](path)) are read relative to images; without it they show as their alt text.
    lang: the text's language (the plan's): the documents' words, list numbering and w:lang.
    helper: with two cores, a forked helper converts every other piece (_Helper): the same
    bytes in about half the time for a long document.
    """
    if lang == "en" and layout.language == LAYOUT.language:
        layout = replace(layout, language="en-GB", bold_headings=True, western=True)
    pieces = iter([markdown] if isinstance(markdown, str) else markdown)
    first = next(pieces, "")
    doc = new_document(_title(first), today, layout, author=author)
    body = doc.paragraphs[0]._element if doc.paragraphs else None
    if body is not None:  # the template's empty first paragraph
        body.getparent().remove(body)
    out = _Writer(doc, layout)
    state = _State(images=images, lang=lang)
    _convert_piece(out, state, first)
    helping = _Helper.start(out, state) if helper else None
    if helping is not None:  # a thread, so after the fork: the helper is a copy of one thread
        pieces = _read_ahead(pieces)
    try:
        # in pairs: the next piece here while the helper converts the one after it
        for mine in pieces:
            theirs = next(pieces, None)
            sent = helping is not None and theirs is not None and helping.send(theirs)
            _convert_piece(out, state, mine)
            if theirs is None:
                break
            made = helping.receive() if sent and helping is not None else None
            if made is not None and _carried(state) == _NEUTRAL:
                xml, carried = made
                out.add_xml(xml)
                _resume(state, carried)
            else:  # what the helper assumed is not so (or it failed): converted here, in order
                _convert_piece(out, state, theirs)
    finally:
        if helping is not None:
            helping.close()
    return out.finish()


def _read_ahead(pieces: Iterator[str]) -> Iterator[str]:
    """The pieces, taken from pieces by a thread as soon as they come: the renderer (pieces
    from a pipe) never waits for this process, busy converting in step with the helper."""
    queue: Queue[tuple[str | None, BaseException | None]] = Queue()

    def read() -> None:
        try:
            for piece in pieces:
                queue.put((piece, None))
            queue.put((None, None))
        except BaseException as exc:  # raised where the pieces are taken
            queue.put((None, exc))

    threading.Thread(target=read, daemon=True).start()
    while True:
        piece, failed = queue.get()
        if failed is not None:
            raise failed
        if piece is None:
            return
        yield piece


def _convert_piece(out: _Writer, state: _State, piece: str) -> None:
    for token in tokens(piece):
        kind = token.type
        if kind == "paragraph":
            if state.table is None:
                _paragraph(out, token, state)
        elif kind == "heading":
            _heading(out, int(token.tag[1]), token, state)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            state.lists.append([0])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            state.lists.pop()
        elif kind == "list_item_open":
            state.lists[-1][0] += 1
            state.item_prefix = _list_item(state.lang, state.lists[-1][0])
        elif kind == "blockquote_open":
            state.quote += 1
        elif kind == "blockquote_close":
            state.quote -= 1
        elif kind == "hr":
            state.page_break = True
        elif kind == "table_open":
            state.table = []
        elif kind == "tr_open" and state.table is not None:
            state.table.append([])
        elif kind in ("th", "td") and state.table is not None:
            state.table[-1].append((token.children or [], kind == "th"))
        elif kind == "table_close" and state.table is not None:
            _table(out, state.table)
            state.table = None
        elif kind == "fence":
            out.paragraph(("code",), lambda _: None, [out.run(token.content.strip())])


# What a piece's end hands to the next piece: its open lists, a page break after ---, the
# 落款 being written, a title block, an attachment label. A piece that starts a unit's section
# (the usual case) is written the same whatever came before as long as this is neutral.
Carried = tuple[tuple[tuple[int, ...], ...], str, int, bool, str, bool, bool, bool]


def _carried(state: _State) -> Carried | None:
    """What the state hands on; None inside a table (a piece never ends there)."""
    if state.table is not None:
        return None
    lists = tuple(tuple(counters) for counters in state.lists)
    return (
        lists,
        state.item_prefix,
        state.quote,
        state.page_break,
        state.closing,
        state.title_block,
        state.after_title,
        state.attachment,
    )


_NEUTRAL = _carried(_State())


def _resume(state: _State, carried: Carried) -> None:
    lists, state.item_prefix, state.quote, state.page_break, state.closing = carried[:5]
    state.title_block, state.after_title, state.attachment = carried[5:]
    state.lists = [list(counters) for counters in lists]


class _Helper:
    """A forked copy of the converter, with the document as far as it has been written,
    that converts every other piece on the second core as if the piece before it had ended
    neutrally: the converter checks that before taking the piece's XML, and converts it
    itself otherwise (or if the piece has a picture: pictures are parts of the package the
    helper's copy cannot add to, numbered in document order)."""

    def __init__(self, pid: int, conn: Connection) -> None:
        self._pid, self._conn = pid, conn
        self._alive = True

    @classmethod
    def start(cls, out: _Writer, state: _State) -> _Helper | None:
        if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
            return None
        ours, theirs = multiprocessing.Pipe()
        out.flush()  # nothing of ours buffered in the copy: it never writes our file
        pid = os.fork()
        if pid == 0:  # the helper
            code = 1
            try:
                ours.close()  # our end's only holder is the converter: its end is our EOF
                _help(theirs, out, state)
                code = 0
            finally:
                os._exit(code)  # never the converter's cleanup (its files, its pipes)
        theirs.close()
        return cls(pid, ours)

    def send(self, piece: str) -> bool:
        if self._alive:
            try:
                self._conn.send(piece)
            except OSError:
                self._alive = False
        return self._alive

    def receive(self) -> tuple[bytes, Carried] | None:
        """The piece's body XML and what its end hands on; None if it cannot be taken."""
        try:
            answer = self._conn.recv()
        except (EOFError, OSError):
            answer = None
        if answer is None:
            self._alive = False
        return answer if answer is not None and answer[1] is not None else None

    def close(self) -> None:
        self._conn.close()
        os.waitpid(self._pid, 0)


def _help(conn: Connection, out: _Writer, start: _State) -> None:
    """The helper's loop: each piece converted into XML of its own, until the pipe's end."""
    # the converter's file and zip: kept as they are, never flushed nor closed here
    kept, zipping = out.body, out.zipping
    out.zips, out.zipping = False, None
    try:
        while True:
            try:
                piece = conn.recv()
            except EOFError:
                return
            try:
                neutral = _State(images=start.images, lang=start.lang)
                conn.send(_piece_xml(out, neutral, piece))
            except Exception:  # the converter converts it, and the rest, itself
                conn.send(None)
                return
    finally:
        out.body, out.zipping = kept, zipping


def _piece_xml(out: _Writer, state: _State, piece: str) -> tuple[bytes, Carried | None]:
    out.body = io.BytesIO()
    pictures = out.pictures
    _convert_piece(out, state, piece)
    out.flush()
    carried = _carried(state) if out.pictures == pictures else None
    return out.body.getvalue(), carried


_FIRST_H1 = re.compile(r"^# +(.+?)(?: +#+)? *$", re.MULTILINE)


def _title(markdown: str) -> str:
    """The first # heading's text (the document's title property), read without the rest."""
    match = _FIRST_H1.search(markdown)
    if match is None:
        return ""
    heading = next(tokens(match.group(0)), None)
    return heading.content if heading is not None else ""


_XMLNS = re.compile(r' xmlns:(\w+)="([^"]*)"')
_DOCUMENT_XML = "word/document.xml"
_PICTURE_ID = re.compile(r'<wp:docPr id="\d+" name="Picture \d+"')
_PLAIN_RUN_TEXT = re.compile(r"^[^\s](?:[^\t\n\r]*[^\s])?$")


class _Writer:
    """The body as XML text, paragraph by paragraph; only the first paragraph, run or table of
    each shape is built with python-docx, and its formatting reused as text.

    python-docx spends milliseconds per paragraph (it searches the body and the styles each
    time): a national report has 160,000 paragraphs. The formatting is still python-docx's
    own, made by the same calls; tests/golden holds a report's document.xml to prove it.
    """

    def __init__(self, doc: Any, layout: Layout) -> None:
        self.doc, self.layout = doc, layout
        # the body's blocks as UTF-8 XML, in order: on disk, not in memory
        self.body: IO[bytes] = tempfile.TemporaryFile()
        self._held: list[str] = []  # written to body a thousand at a time: fewer, larger writes
        self._written = 0
        # a long body goes straight into the package's zip (_Zipping), compressed as it is
        # written rather than all at the end: not in the helper (its XML goes to the converter)
        self.zips = True
        self.zipping: _Zipping | None = None
        self.pictures = 0  # made so far: numbered in document order
        self._root_ns = set(doc.element.nsmap.items())
        self._pprs: dict[tuple[Any, ...], str] = {}
        self._rprs: dict[bool, str] = {}

    def xml(self, element: Any) -> str:
        """The element as text, without the namespace declarations the document root makes."""
        return _XMLNS.sub(self._drop_root_ns, etree.tostring(element, encoding="unicode"))

    def _drop_root_ns(self, match: re.Match[str]) -> str:
        return "" if (match.group(1), match.group(2)) in self._root_ns else match.group(0)

    def scratch(self) -> Paragraph:
        return Paragraph(OxmlElement("w:p"), self.doc._body)

    def paragraph(
        self, shape: tuple[Any, ...], setup: Callable[[Paragraph], None], runs: list[str]
    ) -> None:
        ppr = self._pprs.get(shape)
        if ppr is None:
            para = self.scratch()
            setup(para)
            element = para._p.pPr
            empty = element is None or len(element) == 0  # Normal: python-docx leaves <w:pPr/>
            ppr = self._pprs[shape] = "" if empty else self.xml(element)
        self.add(f"<w:p>{ppr}{''.join(runs)}</w:p>")

    def add(self, xml: str) -> None:
        held = self._held
        held.append(xml)
        if len(held) >= 1024:
            self._write("".join(held).encode("utf-8"))
            held.clear()

    def add_xml(self, xml: bytes) -> None:
        """Body XML made elsewhere (the helper's), in its place after what was added here."""
        self.flush()
        self._write(xml)

    def flush(self) -> None:
        self._write("".join(self._held).encode("utf-8"))
        self._held.clear()
        self.body.flush()

    def _write(self, xml: bytes) -> None:
        if self.zipping is not None:
            self.zipping.document.write(xml)
            return
        self.body.write(xml)
        self._written += len(xml)
        if self.zips and self._written >= ZIPPED_FROM:
            self.zipping = _Zipping(self._package(), self.body)

    def _package(self) -> list[tuple[str, bytes]]:
        """python-docx's package as it is now: its entries, in order."""
        saved = io.BytesIO()
        self.doc.save(saved)
        with zipfile.ZipFile(saved) as package:
            return [(info.filename, package.read(info.filename)) for info in package.infolist()]

    def add_picture_paragraph(self, element: Any) -> None:
        """Pictures are made apart from each other: number them in document order, as
        python-docx does when they are added one after another."""

        def number(_: re.Match[str]) -> str:
            self.pictures += 1
            n = self.pictures
            return f'<wp:docPr id="{n}" name="Picture {n}"'

        self.add(_PICTURE_ID.sub(number, self.xml(element)))

    def run(self, text: str, *, bold: bool = False) -> str:
        """A run of text, formatted by its paragraph's style (bold only for **emphasis**);
        XML 1.0 forbids most control characters, so they are dropped."""
        # the usual text needs neither step: printable (so no control characters, tabs or
        # breaks, and no space but " "), and no space at either end
        if not (text and text.isprintable() and text[0] != " " and text[-1] != " "):
            text = CONTROL_CHARS.sub("", text)
            if not _PLAIN_RUN_TEXT.match(text):  # empty, tabs, breaks, edge spaces: python-docx
                return self.xml(add_run(self.scratch(), text, bold=bold or None)._r)
        rpr = self._rprs.get(bold)
        if rpr is None:
            made = add_run(self.scratch(), "x", bold=bold or None)._r.rPr
            rpr = self._rprs[bold] = self.xml(made) if made is not None else ""
        if "&" in text or "<" in text or ">" in text:
            text = xml_escape(text)
        return f"<w:r>{rpr}<w:t>{text}</w:t></w:r>"

    def finish(self) -> bytes:
        """The .docx: python-docx's package, with the body streamed into word/document.xml
        before its section properties (a national report's body is 100 MB of XML)."""
        self.flush()
        entries = self._package()
        try:
            if self.zipping is not None:
                made = self.zipping.finish(entries)
                if made is not None:
                    return made
                # the package changed once the body was being zipped (a picture's part):
                # the body so far, out of the zip, goes into the package as it is now
                self.body.seek(0)
                self.body.truncate()
                self.body.write(self.zipping.body())
            return _zipped(entries, self.body)
        finally:
            self.body.close()


ZIPPED_FROM = 8 << 20  # bytes of body XML: a long document's body is zipped as it is written


def _zipped(entries: list[tuple[str, bytes]], body: IO[bytes]) -> bytes:
    """The package with body (a file) as word/document.xml's body, by deterministic_zip."""
    zipped = FixedZip()
    for name, data in entries:
        if name != _DOCUMENT_XML:
            zipped.write(name, data)
            continue
        end = data.rindex(b"<w:sectPr")
        with zipped.open(name) as stream:
            stream.write(data[:end])
            body.seek(0)
            shutil.copyfileobj(body, stream)
            stream.write(data[end:])
    return zipped.close()


class _Zipping:
    """The package's zip, written from its first entry on with the package as it was when the
    body grew long, word/document.xml left open for the rest of the body; its bytes are those
    of _zipped if the package is the same at the end up to that entry."""

    def __init__(self, entries: list[tuple[str, bytes]], body: IO[bytes]) -> None:
        at = [name for name, _ in entries].index(_DOCUMENT_XML)
        self.before = entries[: at + 1]  # what must be the same at the end
        self.zipped = FixedZip()
        for name, data in entries[:at]:
            self.zipped.write(name, data)
        empty = entries[at][1]
        self.end = empty.rindex(b"<w:sectPr")
        self.tail = empty[self.end :]
        self.document = self.zipped.open(_DOCUMENT_XML)
        self.document.write(empty[: self.end])
        body.flush()
        body.seek(0)
        shutil.copyfileobj(body, self.document)
        body.seek(0)
        body.truncate()

    def finish(self, entries: list[tuple[str, bytes]]) -> bytes | None:
        """The .docx, or None if the package changed."""
        self.document.write(self.tail)
        self.document.close()
        at = len(self.before)
        if entries[:at] != self.before:
            return None
        for name, data in entries[at:]:
            self.zipped.write(name, data)
        return self.zipped.close()

    def body(self) -> bytes:
        """The body written so far (after finish), out of the zip again."""
        with zipfile.ZipFile(io.BytesIO(self.zipped.close())) as package:
            document = package.read(_DOCUMENT_XML)
        return document[self.end : len(document) - len(self.tail)]


_HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3", 6: "Subtitle"}


@functools.cache
def _attachment_label(lang: str) -> re.Pattern[str]:
    """附件, 附件2 (Attachment, Attachment 2): a paragraph that is just the label."""
    return re.compile(rf"{re.escape(doc_say('attachment', lang))} ?\d*")


@functools.cache
def _note_prefix(lang: str) -> str:
    """附件： (Attachments:), how the 附件说明 under the text begins: asked of every paragraph."""
    return doc_say("attachment-note-prefix", lang)


@functools.lru_cache(maxsize=256)
def _list_item(lang: str, number: int) -> str:
    """（1） (1.): the number of a list item."""
    return doc_say("list-item", lang, number=number)


def _block_start(state: _State) -> tuple[bool, bool]:
    """(page break before, one blank line before) for the block about to be written."""
    page_break, state.page_break = state.page_break, False
    after_title, state.after_title = state.after_title, False
    return page_break, after_title


def _spacing(para: Paragraph, layout: Layout, page_break: bool, lines_before: float) -> None:
    if page_break:
        para.paragraph_format.page_break_before = True
    if lines_before:
        para.paragraph_format.space_before = Pt(layout.line * lines_before)


def _heading(out: _Writer, level: int, inline: Tok, state: _State) -> None:
    layout = out.layout
    children = inline.children or []
    if level == 6 and state.title_block:  # a centred line under the title: part of its block
        state.after_title = False
    page_break, after_title = _block_start(state)
    attachment_title = level == 1 and state.attachment
    # an attachment's title sits on the third line, under its label and one blank line
    lines_before = 1.0 if after_title or attachment_title else 0.0
    right = 0.0
    if level == 5:
        lines_before, right = _closing(out, children, state)
    else:
        state.closing = ""

    def setup(para: Paragraph) -> None:
        para.style = CLOSING if level == 5 else _HEADING_STYLES[level]
        _spacing(para, layout, page_break, lines_before)
        if level == 5:
            para.paragraph_format.right_indent = Pt(layout.body_size * right)

    state.attachment = False
    if level in (1, 6):
        size = layout.title_size if level == 1 else layout.body_size
        runs = _title_runs(out, children, size)
    else:
        runs = _inlines(out, children)
    out.paragraph(("h", level, lines_before, page_break, right), setup, runs)
    if level in (1, 6) and (level == 1 or state.title_block):
        state.title_block = state.after_title = True
    else:
        state.title_block = False


def _closing(out: _Writer, children: list[Tok], state: _State) -> tuple[float, float]:
    """(blank lines before, characters in from the right) for a line of the 落款. GB/T
    9704-2012 7.3.5.2 for a document without a seal: the issuer one line below the text, two
    characters in from the right; the date on the next line, starting two characters to the
    right of the issuer's first character."""
    text = "".join(child.content for child in children if child.type == "text").strip()
    size = out.layout.body_size
    if not state.closing:
        state.closing = text
        return 1.0, 2.0
    em = size * 25.4 / 72
    shift = (text_mm(state.closing, size) - text_mm(text, size)) / em - 2
    return 0.0, round(max(2.0, 2.0 + shift) * 4) / 4  # quarter characters: few shapes


def _title_runs(out: _Writer, children: list[Tok], size: float) -> list[str]:
    """A title (or a centred line under it) broken between phrases into lines that fit
    (linebreak.title_lines)."""
    if any(child.type not in ("text", "code_inline") for child in children):
        return _inlines(out, children)  # emphasis in a title: leave the wrapping to Word
    text = "".join(child.content for child in children)
    width = 210 - out.layout.left - out.layout.right
    lines = title_lines(text, width, size)
    runs: list[str] = []
    for i, line in enumerate(lines):
        if i:
            runs.append("<w:r><w:br/></w:r>")
        runs.append(out.run(line.strip()))
    return runs


def _paragraph(out: _Writer, inline: Tok, state: _State) -> None:
    layout = out.layout
    state.closing = ""
    state.title_block = False
    page_break, after_title = _block_start(state)
    children = inline.children or []
    text = inline.content.strip()  # its text children's, joined by tokens()
    if state.quote:
        style = NOTICE  # notices above the report
    elif after_title and not state.item_prefix and text.endswith(("：", ":")):
        style = ADDRESSEE
    elif not state.item_prefix and _attachment_label(state.lang).fullmatch(text):
        style = ATTACHMENT_LABEL
    else:
        style = "Normal"
    state.attachment = style == ATTACHMENT_LABEL
    # 附件说明: one blank line below the text (GB/T 9704-2012 7.3.4)
    note = text.startswith(_note_prefix(state.lang))
    lines_before = 1.0 if after_title or note else 0.0
    runs = []
    if state.item_prefix:
        runs.append(out.run(state.item_prefix))
        state.item_prefix = ""

    def setup(para: Paragraph) -> None:
        para.style = style
        _spacing(para, layout, page_break, lines_before)

    if len(children) == 1 and children[0].type == "text":  # most paragraphs: just text
        runs.append(out.run(children[0].content))
    elif any(child.type == "image" for child in children):
        _figure(out, children, state, page_break, lines_before)
        return
    else:
        runs += _inlines(out, children)
    out.paragraph(("p", style, page_break, lines_before), setup, runs)


def _figure(
    out: _Writer, children: list[Tok], state: _State, page_break: bool, lines_before: float
) -> None:
    """A chart on its own line: centred, full type-area width, spacing that does not clip it."""
    layout = out.layout
    para = out.scratch()
    para.style = FIGURE
    _spacing(para, layout, page_break, lines_before)
    width = Mm(210 - layout.left - layout.right)
    for child in children:
        if child.type != "image":
            continue
        source = Path(unquote(child.src))
        path = source if source.is_absolute() or state.images is None else state.images / source
        if path.is_file():
            para.add_run().add_picture(str(path), width=width)
        else:  # a missing picture must not sink the document: say what was meant
            add_run(para, doc_say("missing-figure", state.lang, alt=child.content))
    out.add_picture_paragraph(para._p)


def _inlines(out: _Writer, children: list[Tok]) -> list[str]:
    runs: list[str] = []
    strong = 0
    for child in children:
        if child.type == "strong_open":
            strong += 1
        elif child.type == "strong_close":
            strong -= 1
        elif child.type in ("text", "code_inline"):
            runs.append(out.run(child.content, bold=strong > 0))
        elif child.type == "hardbreak":
            runs.append("<w:r><w:br/></w:r>")
        # softbreaks join lines: Chinese needs no space between them
    return runs


def _table(out: _Writer, rows: list[list[tuple[list[Tok], bool]]]) -> None:
    """The table's frame and one row of each kind by python-docx; its rows as text. Cells
    take their look from the 表格文字 and 表头 styles."""
    layout = out.layout
    columns = max(len(r) for r in rows)
    table = out.doc.add_table(rows=min(len(rows), 2), cols=columns)
    tbl = table._tbl
    tbl.getparent().remove(tbl)  # placed in order by finish()
    table.style = out.doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _column_widths(rows, columns, layout)
    for c, column in enumerate(table.columns):  # w:gridCol: what LibreOffice lays out by
        column.width = widths[c]
    row_parts: list[tuple[str, list[str]]] = []  # trPr, each cell's tcPr
    for r, tr in enumerate(tbl.tr_lst):
        for c, tc in enumerate(tr.tc_lst):
            cell = _Cell(tc, table)
            cell.width = widths[c]
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        tr_pr = tr.get_or_add_trPr()
        if r == 0:  # repeat the header row on every page
            tr_pr.append(OxmlElement("w:tblHeader"))
        tr_pr.append(OxmlElement("w:cantSplit"))
        row_parts.append((out.xml(tr_pr), [out.xml(tc.tcPr) for tc in tr.tc_lst]))
        tr.remove(tr_pr)
        for tc in tr.tc_lst:
            tr.remove(tc)
    frame = out.xml(tbl)
    p_prs = {header: _cell_ppr(out, header) for header in (False, True)}
    # the frame serialises its emptied rows as <w:tr/>: the real rows go in their place, one
    # by one (a national states table is 3,000 rows: joined, 30 MB of text at once)
    empty_rows = "<w:tr/>" * len(row_parts)
    at = frame.index(empty_rows)
    out.add(frame[:at])
    for r, row in enumerate(rows):
        tr_pr, tc_prs = row_parts[min(r, len(row_parts) - 1)]
        xml_cells = []
        for c in range(columns):
            children, header = row[c] if c < len(row) else ([], r == 0)
            runs = _inlines(out, children)
            xml_cells.append(f"<w:tc>{tc_prs[c]}<w:p>{p_prs[header]}{''.join(runs)}</w:p></w:tc>")
        out.add(f"<w:tr>{tr_pr}{''.join(xml_cells)}</w:tr>")
    out.add(frame[at + len(empty_rows) :])


def _cell_ppr(out: _Writer, header: bool) -> str:
    para = out.scratch()
    para.style = TABLE_HEADING if header else TABLE_TEXT
    return out.xml(para._p.pPr)


CELL_MARGINS_MM = 3.8  # Word's default 0.19 cm on each side
MIN_COLUMN_MM = 10.0
MIN_WRAPPING_MM = 28.0  # about seven characters a line for the column that wraps
UNBREAKABLE_SLACK_EM = 0.25  # fonts differ between Word and LibreOffice: a date must still fit


def _column_widths(
    rows: list[list[tuple[list[Tok], bool]]], columns: int, layout: Layout
) -> list[Any]:
    """Each column as wide as its longest text, so dates and labels stay on one line; when the
    type area is too narrow the widest columns (names) give way and wrap, but never narrower
    than a date (or a word of digits) they hold: those must not break."""
    size = layout.table_size
    natural = [MIN_COLUMN_MM] * columns
    minimum = [MIN_COLUMN_MM] * columns
    slack = UNBREAKABLE_SLACK_EM * size * 25.4 / 72
    for row in rows:
        for c, (children, _) in enumerate(row):
            text = "".join(ch.content for ch in children if ch.type == "text")
            natural[c] = max(natural[c], text_mm(text, size) + CELL_MARGINS_MM)
            whole = unbreakable_mm(text, size)
            if whole:
                minimum[c] = max(minimum[c], whole + CELL_MARGINS_MM + slack)
    natural = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
    total = 210 - layout.left - layout.right
    widths = _capped(natural, minimum, total)
    scale = total / sum(widths)  # fill the type area exactly (or shrink all if still too wide)
    return [Mm(w * scale) for w in widths]


def _capped(natural: list[float], minimum: list[float], total: float) -> list[float]:
    """Cap the wide columns at one common width so the table fits: narrow columns (dates,
    numbers, short labels) keep their width and only the long texts wrap, evenly; no column
    goes below its minimum."""
    if sum(natural) <= total:
        return list(natural)

    def capped(cap: float) -> list[float]:
        return [min(w, max(cap, m)) for w, m in zip(natural, minimum, strict=True)]

    low, high = MIN_WRAPPING_MM, max(natural)
    for _ in range(50):  # bisection on the cap
        cap = (low + high) / 2
        if sum(capped(cap)) > total:
            high = cap
        else:
            low = cap
    return capped(low)
