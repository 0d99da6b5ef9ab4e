"""The Word report's layout, read back from its XML: GB/T 9704-2012 as the issue lists it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from docx import Document
from lxml import etree
from typer.testing import CliRunner

from zzgzn.cli import app

from .conftest import copy_campaign

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def docx_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    root = copy_campaign(tmp_path_factory.mktemp("repo"))
    out = root / "r.docx"
    result = CliRunner().invoke(
        app,
        [
            "report",
            "2020Q2",
            "--root",
            str(root),
            "-f",
            "docx",
            "-o",
            str(out),
            "--today",
            "2020-07-20",
        ],
    )
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def _xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def _style(styles: etree._Element, name: str) -> etree._Element:
    for style in styles.iter(f"{W}style"):
        if style.find(f"{W}name").get(f"{W}val") == name:
            return style
    raise AssertionError(name)


def test_page_is_a4_with_official_margins(docx_bytes: bytes) -> None:
    section = Document(io.BytesIO(docx_bytes)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    body = _xml(docx_bytes, "word/document.xml")
    assert body.find(f".//{W}sectPr/{W}docGrid") is None  # no character grid


@pytest.mark.parametrize(
    ("style", "font", "half_points", "bold"),
    [
        ("Title", "方正小标宋简体", 44, False),  # 二号
        ("Normal", "仿宋_GB2312", 32, False),  # 三号
        ("heading 1", "黑体", 32, False),  # 一、
        ("heading 2", "楷体_GB2312", 32, False),  # （一）
        ("heading 3", "仿宋_GB2312", 32, True),  # 1.
        ("footer", "宋体", 28, False),  # page numbers, 四号
    ],
)
def test_styles_set_east_asian_fonts(
    docx_bytes: bytes, style: str, font: str, half_points: int, bold: bool
) -> None:
    element = _style(_xml(docx_bytes, "word/styles.xml"), style)
    fonts = element.find(f"{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}eastAsia") == font
    assert not [a for a in fonts.attrib if "Theme" in a or "theme" in a]
    assert element.find(f"{W}rPr/{W}sz").get(f"{W}val") == str(half_points)
    bold_element = element.find(f"{W}rPr/{W}b")
    assert (bold_element is not None and bold_element.get(f"{W}val") in (None, "1", "true")) == bold


def test_title_is_centred_and_body_has_22_lines(docx_bytes: bytes) -> None:
    styles = _xml(docx_bytes, "word/styles.xml")
    assert _style(styles, "Title").find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"
    spacing = _style(styles, "Normal").find(f"{W}pPr/{W}spacing")
    assert spacing.get(f"{W}lineRule") == "exact"
    line_pt = int(spacing.get(f"{W}line")) / 20
    assert 225 / 25.4 * 72 / line_pt == pytest.approx(22, abs=0.05)
    indent = _style(styles, "Normal").find(f"{W}pPr/{W}ind")
    assert int(indent.get(f"{W}firstLine")) == 2 * 16 * 20  # two characters


def test_defaults_are_chinese(docx_bytes: bytes) -> None:
    lang = _xml(docx_bytes, "word/styles.xml").find(f".//{W}docDefaults//{W}lang")
    assert lang.get(f"{W}eastAsia") == "zh-CN"
    # digits and Latin text are "en-US": as zh-CN, LibreOffice broke 2020 across lines
    assert lang.get(f"{W}val") == "en-US"
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        assert not [n for n in z.namelist() if "thumbnail" in n]


def test_page_numbers_odd_right_even_left(docx_bytes: bytes) -> None:
    settings = _xml(docx_bytes, "word/settings.xml")
    assert settings.find(f"{W}evenAndOddHeaders") is not None
    body = _xml(docx_bytes, "word/document.xml")
    refs = {r.get(f"{W}type"): r for r in body.iter(f"{W}footerReference")}
    assert set(refs) >= {"default", "even"}
    rels = _xml(docx_bytes, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    for kind, align in (("default", "right"), ("even", "left")):
        footer = _xml(docx_bytes, "word/" + targets[refs[kind].get(rid)])
        para = footer.find(f"{W}p")
        assert para.find(f"{W}pPr/{W}jc").get(f"{W}val") == align
        text = "".join(t.text or "" for t in para.iter(f"{W}t"))
        assert text == "— 1 —"
        assert "PAGE" in "".join(t.text or "" for t in para.iter(f"{W}instrText"))


def test_headings_map_to_levels(docx_bytes: bytes) -> None:
    doc = Document(io.BytesIO(docx_bytes))
    by_style: dict[str, list[str]] = {}
    for para in doc.paragraphs:
        by_style.setdefault(para.style.name, []).append(para.text)
    assert by_style["Title"] == [
        "“思想政治工作年”活动\n2020年第二季度进展情况报告",  # broken between phrases
        "2020年第二季度各单位报送情况",  # the attachment's title
    ]
    assert by_style["Heading 1"][:2] == ["一、总体情况", "二、各项任务进展情况"]
    assert by_style["Heading 2"][0] == "（一）报送情况"
    assert "Heading 3" not in by_style  # a task's title runs into its paragraph, in bold
    task = next(p for p in doc.paragraphs if p.text.startswith("1. 加强制度建设。"))
    assert task.style.name == "Normal" and task.runs[0].bold
    assert task.runs[0].text == "1. 加强制度建设" and not task.runs[1].bold
    assert doc.tables and doc.tables[-1].rows[0].cells[1].text == "单位"
    assert len(doc.tables[-1].rows) == 30  # header + 29 units that must report


def test_identical_bytes_regardless_of_clock() -> None:
    from zzgzn.report.docx import markdown_to_docx

    first = markdown_to_docx("# 标题\n\n正文。\n", dt.date(2020, 7, 20))
    second = markdown_to_docx("# 标题\n\n正文。\n", dt.date(2020, 7, 20))
    assert first == second


def test_control_characters_never_reach_the_xml() -> None:
    from zzgzn.report.docx import markdown_to_docx

    data = markdown_to_docx("# 标题\n\n正\x0b文\x07。\n", dt.date(2020, 7, 20))
    text = "".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "正文。" in text


# --- the rules GB/T 9704-2012 sets and a reader of 公文 checks ------------------------------


def _paragraphs(docx_bytes: bytes) -> list[etree._Element]:
    return list(_xml(docx_bytes, "word/document.xml").iter(f"{W}p"))


def _style_id(para: etree._Element) -> str:
    style = para.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val") if style is not None else "Normal"


def _text(para: etree._Element) -> str:
    return "".join(
        "\n" if el.tag == f"{W}br" else el.text or "" for el in para.iter(f"{W}t", f"{W}br")
    )


def test_runs_carry_no_fonts_the_styles_do(docx_bytes: bytes) -> None:
    """Changing a style in Word must change the document: no run repeats a font or size."""
    for part in ("word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
            if part not in z.namelist():
                continue
        body = _xml(docx_bytes, part)
        direct = {child.tag.removeprefix(W) for rpr in body.iter(f"{W}rPr") for child in rpr}
        assert direct <= {"b"}, part  # only **emphasis**
    runs = list(_xml(docx_bytes, "word/document.xml").iter(f"{W}r"))
    assert len(runs) > 300  # the consolidated report: a few hundred paragraphs
    assert any(r.find(f"{W}rPr/{W}b") is not None for r in runs)  # the unit names in bold


@pytest.mark.parametrize(
    ("style", "font", "half_points"),
    [
        ("主送机关", "仿宋_GB2312", 32),
        ("落款", "仿宋_GB2312", 32),
        ("附件标识", "黑体", 32),
        ("表格文字", "仿宋_GB2312", 21),  # 五号
        ("表头", "黑体", 21),
    ],
)
def test_the_documents_own_styles(
    docx_bytes: bytes, style: str, font: str, half_points: int
) -> None:
    element = _style(_xml(docx_bytes, "word/styles.xml"), style)
    assert element.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == font
    assert element.find(f"{W}rPr/{W}sz").get(f"{W}val") == str(half_points)
    used = {_style_id(p) for p in _paragraphs(docx_bytes)}
    assert element.get(f"{W}styleId") in used


def test_title_breaks_between_phrases(docx_bytes: bytes) -> None:
    title = next(p for p in _paragraphs(docx_bytes) if _style_id(p) == "Title")
    assert _text(title).split("\n") == ["“思想政治工作年”活动", "2020年第二季度进展情况报告"]


def test_addressee_follows_the_title_block_flush_left(docx_bytes: bytes) -> None:
    paragraphs = _paragraphs(docx_bytes)
    styles = [_style_id(p) for p in paragraphs]
    assert styles[:3] == ["Title", "Subtitle", "主送机关"]
    addressee = paragraphs[2]
    assert _text(addressee) == "局“思想政治工作年”活动领导小组："  # plan/schedule.yaml report_to
    space = addressee.find(f"{W}pPr/{W}spacing")  # one blank line under the title block
    assert space is not None and int(space.get(f"{W}before")) == round(28.95 * 20)
    style = _style(_xml(docx_bytes, "word/styles.xml"), "主送机关")
    assert style.find(f"{W}pPr/{W}jc").get(f"{W}val") == "left"
    assert int(style.find(f"{W}pPr/{W}ind").get(f"{W}firstLine")) == 0
    assert styles.count("主送机关") == 1


def test_attachment_label_alone_then_its_title_centred(docx_bytes: bytes) -> None:
    paragraphs = _paragraphs(docx_bytes)
    texts = [_text(p) for p in paragraphs]
    label = texts.index("附件")
    assert _style_id(paragraphs[label]) == "附件标识"
    assert paragraphs[label].find(f"{W}pPr/{W}pageBreakBefore") is not None
    title = paragraphs[label + 1]
    assert (_style_id(title), _text(title)) == ("Title", "2020年第二季度各单位报送情况")
    assert int(title.find(f"{W}pPr/{W}spacing").get(f"{W}before")) == round(28.95 * 20)
    # the note under the text names it, one blank line down, before the 落款
    note = texts.index("附件：2020年第二季度各单位报送情况")
    assert note < label and _style_id(paragraphs[note + 1]) == "落款"
    assert int(paragraphs[note].find(f"{W}pPr/{W}spacing").get(f"{W}before")) > 0


def test_closing_issuer_then_date_two_characters_right(docx_bytes: bytes) -> None:
    paragraphs = _paragraphs(docx_bytes)
    closing = [p for p in paragraphs if _style_id(p) == "落款"]
    assert [_text(p) for p in closing] == ["思想政治和权益维护处", "2020年7月20日"]
    right = [int(p.find(f"{W}pPr/{W}ind").get(f"{W}right")) / 20 / 16 for p in closing]
    assert right[0] == 2  # two characters in from the right
    # the date's first character two characters right of the issuer's first character
    from zzgzn.report.linebreak import text_mm

    em = 16 * 25.4 / 72
    starts = [r + text_mm(_text(p), 16) / em for r, p in zip(right, closing, strict=True)]
    assert starts[0] - starts[1] == pytest.approx(2, abs=0.15)


def test_author_is_the_issuing_office(docx_bytes: bytes) -> None:
    props = Document(io.BytesIO(docx_bytes)).core_properties
    assert props.author == props.last_modified_by == "思想政治和权益维护处"


def _column_mm(table: etree._Element) -> list[float]:
    return [int(c.get(f"{W}w")) / 1440 * 25.4 for c in table.iter(f"{W}gridCol")]


def _dates_fit(data: bytes) -> int:
    from zzgzn.report.linebreak import UNBREAKABLE, text_mm

    checked = 0
    for table in _xml(data, "word/document.xml").iter(f"{W}tbl"):
        widths = _column_mm(table)
        for row in table.iter(f"{W}tr"):
            for c, cell in enumerate(row.iter(f"{W}tc")):
                for date in UNBREAKABLE.findall(_text(cell)):
                    assert widths[c] >= text_mm(date, 10.5) + 3.8, (date, widths[c])
                    checked += 1
    return checked


def test_dates_never_break_in_table_cells(docx_bytes: bytes) -> None:
    assert _dates_fit(docx_bytes) >= 29 * 2


def test_dates_keep_their_width_when_the_table_is_too_wide() -> None:
    """Long names and a date with a note in one cell: the names wrap, the dates do not."""
    from zzgzn.report.docx import markdown_to_docx

    name = "天津市某某区退役军人服务中心（示例单位）"
    dated = "2020年7月{0}日（文件自报 2020年6月{1}日）"
    rows = [
        f"| {i} | {name}{i} | {name} | {dated.format(i, i + 20)} | 逾期3个工作日 |"
        for i in range(1, 10)
    ]
    markdown = "# 表\n\n| 序号 | 单位 | 上级 | 报送日期 | 情况 |\n|---|---|---|---|---|\n"
    data = markdown_to_docx(markdown + "\n".join(rows) + "\n", dt.date(2020, 7, 20))
    assert _dates_fit(data) == 9 * 3
    widths = _column_mm(next(_xml(data, "word/document.xml").iter(f"{W}tbl")))
    assert sum(widths) == pytest.approx(156, abs=0.5)  # the type area, no wider


def test_no_addressee_when_the_plan_names_none(tmp_path_factory: pytest.TempPathFactory) -> None:
    root = copy_campaign(tmp_path_factory.mktemp("repo"))
    schedule = root / "plan" / "schedule.yaml"
    text = schedule.read_text("utf-8")
    schedule.write_text(
        text.replace("report_to: 局“思想政治工作年”活动领导小组", 'report_to: ""'), "utf-8"
    )
    out = root / "r.docx"
    args = ["report", "2020Q2", "--root", str(root), "-f", "docx", "-o", str(out)]
    result = CliRunner().invoke(app, [*args, "--today", "2020-07-20"])
    assert result.exit_code == 0, result.output
    paragraphs = _paragraphs(out.read_bytes())
    assert [_style_id(p) for p in paragraphs[:3]] == ["Title", "Subtitle", "Normal"]
    assert _text(paragraphs[2]).startswith("按照《")
    space = paragraphs[2].find(f"{W}pPr/{W}spacing")  # the text starts one line below the title
    assert space is not None and int(space.get(f"{W}before")) == round(28.95 * 20)
