"""Markdown → a real Word document laid out to GB/T 9704-2012 (党政机关公文格式).

The Markdown comes from the same templates as the .md report, so a campaign customises both
at once. Its structure maps to the official document: # title, ## 一、 (黑体),
### （一） (楷体), #### 1. (仿宋 bold), ###### a centred line, ##### a right-aligned line
(落款), --- a page break, lists as （1）… paragraphs, tables as Word tables.
Fonts are set on w:eastAsia (where Word reads Chinese fonts) with theme fonts removed.
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

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from markdown_it import MarkdownIt
from markdown_it.token import Token

from zzgzn.files import deterministic_zip
from zzgzn.loader import CONTROL_CHARS


@dataclass(frozen=True)
class Layout:
    """GB/T 9704-2012: A4, type area 156 × 225 mm, 22 lines of 28 characters."""

    top: float = 37
    bottom: float = 35
    left: float = 28
    right: float = 26
    footer: float = 23  # puts "— 1 —" about 7 mm below the type area
    line: float = 28.95  # 225 mm / 22 lines, exact spacing renders alike in Word and LibreOffice
    body_size: float = 16  # 三号
    title_size: float = 22  # 二号
    page_number_size: float = 14  # 四号
    table_size: float = 10.5  # 五号: six columns of dates and names fit the type area
    latin: str = "Times New Roman"
    title_font: str = "方正小标宋简体"
    body_font: str = "仿宋_GB2312"
    h1_font: str = "黑体"
    h2_font: str = "楷体_GB2312"
    page_number_font: str = "宋体"


LAYOUT = Layout()
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(rpr: Any, east_asia: str, latin: str) -> None:
    """Name every script's font explicitly and drop theme fonts, which would override them."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)


def _style(
    doc: Any,
    name: str,
    font: str,
    size: float,
    *,
    bold: bool = False,
    align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: float | None = None,
    layout: Layout = LAYOUT,
) -> None:
    style = doc.styles[name]
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr, font, layout.latin)
    color = rpr.find(qn("w:color"))
    if color is not None:
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(qn(attr), None)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(layout.line)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(layout.body_size * 2) if indent is None else Pt(indent)
    fmt.widow_control = False  # it steals lines and breaks the 22-line grid


def new_document(title: str, today: dt.date, layout: Layout = LAYOUT) -> Any:
    doc = Document()
    _page(doc, layout)
    _defaults(doc, layout)
    body = layout.body_size
    _style(doc, "Normal", layout.body_font, body)
    _style(
        doc,
        "Title",
        layout.title_font,
        layout.title_size,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        indent=0,
    )
    _style(doc, "Subtitle", layout.h2_font, body, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0)
    _style(doc, "Heading 1", layout.h1_font, body)
    _style(doc, "Heading 2", layout.h2_font, body)
    _style(doc, "Heading 3", layout.body_font, body, bold=True)
    _style(doc, "Footer", layout.page_number_font, layout.page_number_size, indent=0)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        doc.styles[name].paragraph_format.keep_with_next = True
    title_ppr = doc.styles["Title"].element.get_or_add_pPr()
    for border in title_ppr.findall(qn("w:pBdr")):  # the template underlines titles
        title_ppr.remove(border)
    _page_numbers(doc, layout)
    _metadata(doc, title, today)
    return doc


def _page(doc: Any, layout: Layout) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(layout.top), Mm(layout.bottom)
    section.left_margin, section.right_margin = Mm(layout.left), Mm(layout.right)
    section.footer_distance = Mm(layout.footer)
    section.header_distance = Mm(15)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is not None:  # LibreOffice lays a character grid out differently from Word
        section._sectPr.remove(grid)


def _defaults(doc: Any, layout: Layout) -> None:
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, layout.body_font, layout.latin)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    ppr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")


def _page_numbers(doc: Any, layout: Layout) -> None:
    """ "— 1 —" in 宋体 四号: odd pages on the right, even pages on the left, one character in."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    one_char = Pt(layout.page_number_size)
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        para = footer.paragraphs[0]
        para.style = doc.styles["Footer"]
        para.alignment = align
        fmt = para.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = one_char
        else:
            fmt.left_indent = one_char
        _run(para, "— ", layout.page_number_font, layout)
        _field(para, "PAGE", layout)
        _run(para, " —", layout.page_number_font, layout)


def _run(para: Any, text: str, font: str, layout: Layout, *, bold: bool | None = None) -> Any:
    run = para.add_run(text)
    set_fonts(
        run._element.get_or_add_rPr(),
        font,
        layout.latin if font != layout.page_number_font else font,
    )
    if bold is not None:
        run.bold = bold
    return run


def _field(para: Any, instruction: str, layout: Layout) -> None:
    def char(kind: str) -> Any:
        run = _run(para, "", layout.page_number_font, layout)
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._element.append(element)
        return run

    char("begin")
    run = _run(para, "", layout.page_number_font, layout)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._element.append(instr)
    char("separate")
    _run(para, "1", layout.page_number_font, layout)
    char("end")


def _metadata(doc: Any, title: str, today: dt.date) -> None:
    """Pinned properties (no clock, no user name) so the same inputs give the same bytes."""
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    props = doc.core_properties
    props.title = title
    props.author = "zzgzn"
    props.last_modified_by = "zzgzn"
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    props.language = "zh-CN"
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):  # the template's picture of an empty page
            del package.rels[rel_id]


# --- Markdown → paragraphs -------------------------------------------------------------------


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
        _run(para, state.item_prefix, font, layout)
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
    return _run(para, CONTROL_CHARS.sub("", text), font, layout, bold=bold or None)


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
