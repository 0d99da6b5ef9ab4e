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
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt
from markdown_it import MarkdownIt
from markdown_it.token import Token

from zzgzn.files import deterministic_zip
from zzgzn.loader import CONTROL_CHARS
from zzgzn.report.officedoc import LAYOUT, Layout, add_run, new_document


@dataclass
class _State:
    lists: list[list[int]] = field(default_factory=list)  # counters of open lists
    item_prefix: str = ""
    quote: int = 0
    page_break: bool = False
    after_closing: bool = False
    table: list[list[tuple[list[Token], bool]]] | None = None
    images: Path | None = None


def markdown_to_docx(
    markdown: str, today: dt.date, layout: Layout = LAYOUT, images: Path | None = None
) -> bytes:
    """The document's bytes; identical input gives identical bytes. Its title is the first #.

    Images (![alt](path)) are read relative to images; without it they show as their alt text.
    """
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = parser.parse(markdown)
    title = next(
        (
            tokens[i + 1].content
            for i, t in enumerate(tokens)
            if t.type == "heading_open" and t.tag == "h1"
        ),
        "",
    )
    doc = new_document(title, today, layout)
    body = doc.paragraphs[0]._element if doc.paragraphs else None
    if body is not None:  # the template's empty first paragraph
        body.getparent().remove(body)
    state = _State(images=images)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind == "heading_open":
            _heading(doc, int(token.tag[1]), tokens[i + 1], state, layout)
            i += 3
            continue
        if kind == "paragraph_open":
            if state.table is None:
                _paragraph(doc, tokens[i + 1], state, layout)
            i += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
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
        elif kind in ("th_open", "td_open") and state.table is not None:
            state.table[-1].append((tokens[i + 1].children or [], kind == "th_open"))
        elif kind == "table_close" and state.table is not None:
            _table(doc, state.table, layout)
            state.table = None
        elif kind in ("fence", "code_block"):
            para = doc.add_paragraph()
            _inline_text(para, token.content.strip(), layout.body_font, layout)
        i += 1
    return _deterministic(doc)


def _heading(doc: Any, level: int, inline: Token, state: _State, layout: Layout) -> None:
    style = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3", 5: "Normal", 6: "Subtitle"}
    para = doc.add_paragraph(style=style[level])
    font = {1: layout.title_font, 2: layout.h1_font, 3: layout.h2_font, 6: layout.h2_font}.get(
        level, layout.body_font
    )
    if level == 5:  # 落款: right-aligned, four characters in, one blank line before the first
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        para.paragraph_format.first_line_indent = Pt(0)
        para.paragraph_format.right_indent = Pt(layout.body_size * 4)
        if not state.after_closing:
            para.paragraph_format.space_before = Pt(layout.line * 2)
    state.after_closing = level == 5
    if level == 1:
        para.paragraph_format.space_after = Pt(layout.line)
    _take_page_break(para, state)
    _inlines(para, inline.children or [], font, layout, bold=level == 4)


def _paragraph(doc: Any, inline: Token, state: _State, layout: Layout) -> None:
    para = doc.add_paragraph(style="Normal")
    state.after_closing = False
    _take_page_break(para, state)
    font = layout.body_font
    if state.quote:  # notices above the report: 黑体, to be seen first
        font = layout.h1_font
    if state.item_prefix:
        add_run(para, state.item_prefix, font, layout)
        state.item_prefix = ""
    children = inline.children or []
    if any(child.type == "image" for child in children):
        _figure(para, children, state, layout)
        return
    _inlines(para, children, font, layout)


def _figure(para: Any, children: list[Token], state: _State, layout: Layout) -> None:
    """A chart on its own line: centred, full type-area width, spacing that does not clip it."""
    fmt = para.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    width = Mm(210 - layout.left - layout.right)
    for child in children:
        if child.type != "image":
            continue
        # markdown-it percent-encodes non-ASCII in links: 进展 → %E8%BF%9B%E5%B1%95
        source = Path(unquote(str(child.attrs.get("src", ""))))
        path = source if source.is_absolute() or state.images is None else state.images / source
        if path.is_file():
            para.add_run().add_picture(str(path), width=width)
        else:  # a missing picture must not sink the document: say what was meant
            _inline_text(para, f"［图：{child.content}］", layout.body_font, layout)


def _take_page_break(para: Any, state: _State) -> None:
    if state.page_break:
        para.paragraph_format.page_break_before = True
        state.page_break = False


def _inlines(
    para: Any,
    children: list[Token],
    font: str,
    layout: Layout,
    *,
    bold: bool = False,
    size: float | None = None,
) -> None:
    strong = 0
    for child in children:
        if child.type == "strong_open":
            strong += 1
        elif child.type == "strong_close":
            strong -= 1
        elif child.type in ("text", "code_inline"):
            run = _inline_text(para, child.content, font, layout, bold=bold or strong > 0)
            if size is not None:
                run.font.size = Pt(size)
        elif child.type == "hardbreak":
            para.add_run().add_break()
        # softbreaks join lines: Chinese needs no space between them


def _inline_text(para: Any, text: str, font: str, layout: Layout, *, bold: bool = False) -> Any:
    # XML 1.0 forbids most control characters: never let one corrupt the document
    return add_run(para, CONTROL_CHARS.sub("", text), font, layout, bold=bold or None)


def _table(doc: Any, rows: list[list[tuple[list[Token], bool]]], layout: Layout) -> None:
    columns = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=columns)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _column_widths(rows, columns, layout)
    for c, column in enumerate(table.columns):  # w:gridCol: what LibreOffice lays out by
        column.width = widths[c]
    for r, row in enumerate(rows):
        cells = table.rows[r].cells
        for c in range(columns):
            cell = cells[c]
            cell.width = widths[c]
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            para = cell.paragraphs[0]
            fmt = para.paragraph_format
            fmt.first_line_indent = Pt(0)
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
            fmt.space_before = fmt.space_after = Pt(3)  # rows that breathe are easier to read
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if c < len(row):
                children, header = row[c]
                _inlines(
                    para,
                    children,
                    layout.h1_font if header else layout.body_font,
                    layout,
                    size=layout.table_size,
                )
        if r == 0:  # repeat the header row on every page
            tr_pr = table.rows[0]._tr.get_or_add_trPr()
            header = OxmlElement("w:tblHeader")
            tr_pr.append(header)
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        tr_pr.append(cant_split)


CELL_MARGINS_MM = 3.8  # Word's default 0.19 cm on each side
MIN_COLUMN_MM = 10.0
MIN_WRAPPING_MM = 28.0  # about seven characters a line for the column that wraps


def _column_widths(
    rows: list[list[tuple[list[Token], bool]]], columns: int, layout: Layout
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


def _deterministic(doc: Any) -> bytes:
    raw = io.BytesIO()
    doc.save(raw)
    return deterministic_zip(raw.getvalue())
