"""The official document itself: GB/T 9704-2012 page, styles, fonts and page numbers.

Fonts are set on w:eastAsia (where Word reads Chinese fonts) with theme fonts removed, and
the document's metadata is pinned so that the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor


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
    language: str = "zh-CN"  # the file's language property (docProps)
    # Chinese headings stand out by their typeface (黑体, 楷体); Latin text has only Times New
    # Roman, so English headings are bold instead
    bold_headings: bool = False
    # an English document: headings flush left, table headers and the attachment's label bold
    # (黑体 in Chinese), the subtitle without the template's expanded character spacing
    western: bool = False


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
    latin: str | None = None,
) -> Any:
    """A paragraph style carrying everything its text looks like: runs then need no
    formatting of their own, so changing the style in Word changes the document."""
    try:
        style = doc.styles[name]
    except KeyError:  # one of ours (表格文字, 落款 …): built on Normal
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr, font, latin or layout.latin)
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
    return style


# The styles of our own the body uses, by role (Chinese names: Word shows them to the office).
ADDRESSEE = "主送机关"
CLOSING = "落款"
ATTACHMENT_LABEL = "附件标识"
NOTICE = "提示"
FIGURE = "图"
TABLE_TEXT = "表格文字"
TABLE_HEADING = "表头"


def new_document(title: str, today: dt.date, layout: Layout = LAYOUT, *, author: str = "") -> Any:
    """An empty official document: page, styles, page numbers and properties.

    author: who issues it (the office, as in its 落款); the file's author property."""
    doc = Document()
    _page(doc, layout)
    _defaults(doc, layout)
    body = layout.body_size
    left, centre = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER
    right = WD_ALIGN_PARAGRAPH.RIGHT
    _style(doc, "Normal", layout.body_font, body)
    _style(doc, "Title", layout.title_font, layout.title_size, align=centre, indent=0)
    subtitle = _style(doc, "Subtitle", layout.h2_font, body, align=centre, indent=0)
    flush = 0 if layout.western else None
    _style(doc, "Heading 1", layout.h1_font, body, bold=layout.bold_headings, indent=flush)
    _style(doc, "Heading 2", layout.h2_font, body, bold=layout.bold_headings, indent=flush)
    _style(doc, "Heading 3", layout.body_font, body, bold=True)
    _style(
        doc,
        "Footer",
        layout.page_number_font,
        layout.page_number_size,
        indent=0,
        latin=layout.page_number_font,
    )  # half-width 宋体 digits
    doc.styles["Footer"].paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    # 主送机关: flush left, wrapped lines flush left too (GB/T 9704-2012 7.3.2)
    _style(doc, ADDRESSEE, layout.body_font, body, align=left, indent=0)
    # 落款: four characters in from the right
    closing = _style(doc, CLOSING, layout.body_font, body, align=right, indent=0)
    closing.paragraph_format.right_indent = Pt(body * 4)
    # “附件” alone at the top left of the attachment's first page, in 黑体 (GB/T 9704 8.1)
    _style(doc, ATTACHMENT_LABEL, layout.h1_font, body, align=left, indent=0, bold=layout.western)
    _style(doc, NOTICE, layout.h1_font, body)  # notices above the report
    figure = _style(doc, FIGURE, layout.body_font, body, align=centre, indent=0)
    figure.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE  # never clip a chart
    for name, font in ((TABLE_TEXT, layout.body_font), (TABLE_HEADING, layout.h1_font)):
        bold = layout.western and name == TABLE_HEADING
        cell = _style(doc, name, font, layout.table_size, align=centre, indent=0, bold=bold)
        cell.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        cell.paragraph_format.space_before = Pt(3)  # rows that breathe are easier to read
        cell.paragraph_format.space_after = Pt(3)
    if layout.western:
        for style in (doc.styles["Title"], subtitle):
            spacing = style.element.get_or_add_rPr().find(qn("w:spacing"))
            if spacing is not None:
                spacing.getparent().remove(spacing)
    for name in ("Heading 1", "Heading 2", "Heading 3", ATTACHMENT_LABEL):
        doc.styles[name].paragraph_format.keep_with_next = True
    title_ppr = doc.styles["Title"].element.get_or_add_pPr()
    for border in title_ppr.findall(qn("w:pBdr")):  # the template underlines titles
        title_ppr.remove(border)
    _page_numbers(doc, layout)
    _metadata(doc, title, today, author, layout.language)
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
    # w:val is the language of Latin-script text (digits included), w:eastAsia of the Chinese.
    # With w:val zh-CN, LibreOffice breaks lines between digits in justified text ("202/0年",
    # "48/7块"); Word's own Chinese documents say en-US there, and digits then stay whole.
    lang.set(qn("w:val"), "en-US")
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
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = one_char
        else:
            fmt.left_indent = one_char
        add_run(para, "— ")
        _field(para, "PAGE")
        add_run(para, " —")


def add_run(para: Any, text: str, *, bold: bool | None = None) -> Any:
    """A run formatted by its paragraph's style alone (bold is the one exception: emphasis)."""
    run = para.add_run(text)
    if bold is not None:
        run.bold = bold
    return run


def _field(para: Any, instruction: str) -> None:
    def char(kind: str) -> Any:
        run = add_run(para, "")
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._element.append(element)
        return run

    char("begin")
    run = add_run(para, "")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._element.append(instr)
    char("separate")
    add_run(para, "1")
    char("end")


def _metadata(doc: Any, title: str, today: dt.date, author: str, language: str) -> None:
    """Pinned properties (no clock, no user name) so the same inputs give the same bytes."""
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    props = doc.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    props.language = language
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):  # the template's picture of an empty page
            del package.rels[rel_id]
