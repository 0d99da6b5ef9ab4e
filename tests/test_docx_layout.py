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
    assert by_style["Title"] == ["“思想政治工作年”活动2020年第二季度进展情况报告"]
    assert by_style["Heading 1"][:2] == ["一、总体情况", "二、各项任务进展情况"]
    assert by_style["Heading 2"][0] == "（一）报送情况"
    assert by_style["Heading 3"][0] == "1. 加强制度建设"
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
