"""Markdown → a real Word document laid out to GB/T 9704-2012 (党政机关公文格式).

The Markdown comes from the same templates as the .md report, so a campaign customises both
at once. Its structure maps to the official document: # title, ## 一、 (黑体),
### （一） (楷体), #### 1. (仿宋 bold), ###### a centred line, ##### a right-aligned line
(落款), --- a page break, lists as （1）… paragraphs, tables as Word tables.
The page, styles, fonts and page numbers themselves are set up in officedoc.py.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import shutil
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote
from xml.sax.saxutils import escape as xml_escape

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from zzgzn.files import deterministic_zip
from zzgzn.reading.loader import CONTROL_CHARS
from zzgzn.report.mdtokens import Tok, tokens
from zzgzn.report.officedoc import LAYOUT, Layout, add_run, new_document


@dataclass
class _State:
    lists: list[list[int]] = field(default_factory=list)  # counters of open lists
    item_prefix: str = ""
    quote: int = 0
    page_break: bool = False
    after_closing: bool = False
    table: list[list[tuple[list[Tok], bool]]] | None = None
    images: Path | None = None


def markdown_to_docx(
    markdown: str, today: dt.date, layout: Layout = LAYOUT, images: Path | None = None
) -> bytes:
    """The document's bytes; identical input gives identical bytes. Its title is the first #.

    Images (![alt](path)) are read relative to images; without it they show as their alt text.
    """
    doc = new_document(_title(markdown), today, layout)
    body = doc.paragraphs[0]._element if doc.paragraphs else None
    if body is not None:  # the template's empty first paragraph
        body.getparent().remove(body)
    out = _Writer(doc, layout)
    state = _State(images=images)
    for token in tokens(markdown):
        kind = token.type
        if kind == "heading":
            _heading(out, int(token.tag[1]), token, state)
        elif kind == "paragraph":
            if state.table is None:
                _paragraph(out, token, state)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            state.lists.append([0])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            state.lists.pop()
        elif kind == "list_item_open":
            state.lists[-1][0] += 1
            state.item_prefix = f"（{state.lists[-1][0]}）"
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
            code_run = out.run(token.content.strip(), layout.body_font)
            out.paragraph(("code",), lambda _: None, [code_run])
    return out.finish()


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
        self.body = tempfile.TemporaryFile()
        self._pictures = itertools.count(1)
        self._root_ns = set(doc.element.nsmap.items())
        self._pprs: dict[tuple[Any, ...], str] = {}
        self._rprs: dict[tuple[Any, ...], str] = {}

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
            ppr = self._pprs[shape] = self.xml(element) if element is not None else ""
        self.add(f"<w:p>{ppr}{''.join(runs)}</w:p>")

    def add(self, xml: str) -> None:
        self.body.write(xml.encode("utf-8"))

    def add_picture_paragraph(self, element: Any) -> None:
        """Pictures are made apart from each other: number them in document order, as
        python-docx does when they are added one after another."""

        def number(_: re.Match[str]) -> str:
            n = next(self._pictures)
            return f'<wp:docPr id="{n}" name="Picture {n}"'

        self.add(_PICTURE_ID.sub(number, self.xml(element)))

    def run(self, text: str, font: str, *, bold: bool = False, size: float | None = None) -> str:
        """A run of text; XML 1.0 forbids most control characters, so they are dropped."""
        text = CONTROL_CHARS.sub("", text)
        if not _PLAIN_RUN_TEXT.match(text):  # empty, tabs, breaks, edge spaces: python-docx
            return self.xml(self._run(text, font, bold, size)._r)
        key = (font, bold, size)
        rpr = self._rprs.get(key)
        if rpr is None:
            rpr = self._rprs[key] = self.xml(self._run("x", font, bold, size)._r.rPr)
        return f"<w:r>{rpr}<w:t>{xml_escape(text)}</w:t></w:r>"

    def _run(self, text: str, font: str, bold: bool, size: float | None) -> Any:
        run = add_run(self.scratch(), text, font, self.layout, bold=bold or None)
        if size is not None:
            run.font.size = Pt(size)
        return run

    def finish(self) -> bytes:
        """The .docx: python-docx's package, with the body streamed into word/document.xml
        before its section properties (a national report's body is 100 MB of XML)."""
        saved = io.BytesIO()
        self.doc.save(saved)
        with zipfile.ZipFile(saved) as package:
            empty = package.read(_DOCUMENT_XML)
        end = empty.rindex(b"<w:sectPr")

        def document(stream: IO[bytes]) -> None:
            stream.write(empty[:end])
            self.body.seek(0)
            shutil.copyfileobj(self.body, stream)
            stream.write(empty[end:])

        try:
            return deterministic_zip(saved.getvalue(), {_DOCUMENT_XML: document})
        finally:
            self.body.close()


def _heading(out: _Writer, level: int, inline: Tok, state: _State) -> None:
    layout = out.layout
    style = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3", 5: "Normal", 6: "Subtitle"}
    font = {1: layout.title_font, 2: layout.h1_font, 3: layout.h2_font, 6: layout.h2_font}.get(
        level, layout.body_font
    )
    first_closing = level == 5 and not state.after_closing
    page_break = state.page_break

    def setup(para: Paragraph) -> None:
        para.style = style[level]
        if level == 5:  # 落款: right-aligned, four characters in, one blank line before the first
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            para.paragraph_format.first_line_indent = Pt(0)
            para.paragraph_format.right_indent = Pt(layout.body_size * 4)
            if first_closing:
                para.paragraph_format.space_before = Pt(layout.line * 2)
        if level == 1:
            para.paragraph_format.space_after = Pt(layout.line)
        if page_break:
            para.paragraph_format.page_break_before = True

    state.after_closing = level == 5
    state.page_break = False
    out.paragraph(
        ("h", level, first_closing, page_break),
        setup,
        _inlines(out, inline.children or [], font, bold=level == 4),
    )


def _paragraph(out: _Writer, inline: Tok, state: _State) -> None:
    layout = out.layout
    state.after_closing = False
    page_break = state.page_break
    state.page_break = False
    font = layout.h1_font if state.quote else layout.body_font  # notices above the report
    runs = []
    if state.item_prefix:
        runs.append(out.run(state.item_prefix, font))
        state.item_prefix = ""
    children = inline.children or []

    def setup(para: Paragraph) -> None:
        para.style = "Normal"
        if page_break:
            para.paragraph_format.page_break_before = True

    if any(child.type == "image" for child in children):
        _figure(out, children, state, setup)
        return
    out.paragraph(("p", page_break), setup, runs + _inlines(out, children, font))


def _figure(
    out: _Writer, children: list[Tok], state: _State, setup: Callable[[Paragraph], None]
) -> None:
    """A chart on its own line: centred, full type-area width, spacing that does not clip it."""
    layout = out.layout
    para = out.scratch()
    setup(para)
    fmt = para.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    width = Mm(210 - layout.left - layout.right)
    for child in children:
        if child.type != "image":
            continue
        source = Path(unquote(child.src))
        path = source if source.is_absolute() or state.images is None else state.images / source
        if path.is_file():
            para.add_run().add_picture(str(path), width=width)
        else:  # a missing picture must not sink the document: say what was meant
            add_run(para, f"［图：{child.content}］", layout.body_font, layout)
    out.add_picture_paragraph(para._p)


def _inlines(
    out: _Writer, children: list[Tok], font: str, *, bold: bool = False, size: float | None = None
) -> list[str]:
    runs: list[str] = []
    strong = 0
    for child in children:
        if child.type == "strong_open":
            strong += 1
        elif child.type == "strong_close":
            strong -= 1
        elif child.type in ("text", "code_inline"):
            runs.append(out.run(child.content, font, bold=bold or strong > 0, size=size))
        elif child.type == "hardbreak":
            runs.append("<w:r><w:br/></w:r>")
        # softbreaks join lines: Chinese needs no space between them
    return runs


def _table(out: _Writer, rows: list[list[tuple[list[Tok], bool]]]) -> None:
    """The table's frame and one row of each kind by python-docx; its rows as text."""
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
    row_parts: list[tuple[str, list[str], str]] = []  # trPr, each cell's tcPr, the cells' pPr
    for r, tr in enumerate(tbl.tr_lst):
        cells = [_Cell(tc, table) for tc in tr.tc_lst]
        for c, cell in enumerate(cells):
            cell.width = widths[c]
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            fmt = cell.paragraphs[0].paragraph_format
            fmt.first_line_indent = Pt(0)
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
            fmt.space_before = fmt.space_after = Pt(3)  # rows that breathe are easier to read
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        tr_pr = tr.get_or_add_trPr()
        if r == 0:  # repeat the header row on every page
            tr_pr.append(OxmlElement("w:tblHeader"))
        tr_pr.append(OxmlElement("w:cantSplit"))
        row_parts.append(
            (
                out.xml(tr_pr),
                [out.xml(tc.tcPr) for tc in tr.tc_lst],
                out.xml(cells[0].paragraphs[0]._p.pPr),
            )
        )
        tr.remove(tr_pr)
        for tc in tr.tc_lst:
            tr.remove(tc)
    frame = out.xml(tbl)
    body_rows = []
    for r, row in enumerate(rows):
        tr_pr, tc_prs, p_pr = row_parts[min(r, len(row_parts) - 1)]
        xml_cells = []
        for c in range(columns):
            runs: list[str] = []
            if c < len(row):
                children, header = row[c]
                font = layout.h1_font if header else layout.body_font
                runs = _inlines(out, children, font, size=layout.table_size)
            xml_cells.append(f"<w:tc>{tc_prs[c]}<w:p>{p_pr}{''.join(runs)}</w:p></w:tc>")
        body_rows.append(f"<w:tr>{tr_pr}{''.join(xml_cells)}</w:tr>")
    # the frame serialises its emptied rows as <w:tr/>: put the real rows in their place
    empty_rows = "<w:tr/>" * len(row_parts)
    out.add(frame.replace(empty_rows, "".join(body_rows), 1))


CELL_MARGINS_MM = 3.8  # Word's default 0.19 cm on each side
MIN_COLUMN_MM = 10.0
MIN_WRAPPING_MM = 28.0  # about seven characters a line for the column that wraps


def _column_widths(
    rows: list[list[tuple[list[Tok], bool]]], columns: int, layout: Layout
) -> list[Any]:
    """Each column as wide as its longest text, so dates and labels stay on one line; when the
    type area is too narrow the widest column (names) gives way and wraps."""
    natural = [MIN_COLUMN_MM] * columns
    for row in rows:
        for c, (children, _) in enumerate(row):
            text = "".join(ch.content for ch in children if ch.type == "text")
            natural[c] = max(natural[c], _text_mm(text, layout.table_size) + CELL_MARGINS_MM)
    total = 210 - layout.left - layout.right
    widths = _capped(natural, total)
    scale = total / sum(widths)  # fill the type area exactly (or shrink all if still too wide)
    return [Mm(w * scale) for w in widths]


def _capped(natural: list[float], total: float) -> list[float]:
    """Cap the wide columns at one common width so the table fits: narrow columns (dates,
    numbers, short labels) keep their width and only the long texts wrap, evenly."""
    if sum(natural) <= total:
        return list(natural)
    low, high = MIN_WRAPPING_MM, max(natural)
    for _ in range(50):  # bisection on the cap
        cap = (low + high) / 2
        if sum(min(w, cap) for w in natural) > total:
            high = cap
        else:
            low = cap
    return [min(w, low) for w in natural]


def _text_mm(text: str, size_pt: float) -> float:
    """Printed width: a Chinese character is one em, a digit or Latin letter about half, and
    Word and LibreOffice put a quarter em between Chinese and Latin text (autospace)."""
    em = size_pt * 25.4 / 72
    wide = [unicodedata.east_asian_width(ch) in "WF" for ch in text]
    switches = sum(a != b for a, b in itertools.pairwise(wide))
    return 1.04 * em * (sum(1 if w else 0.5 for w in wide) + 0.25 * switches)  # a little to spare
