"""The evaluation phase: summary (Markdown, DOCX with charts, Excel) and the casebook."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from zzgzn.checking.planload import load_plan
from zzgzn.cli import app
from zzgzn.errors import UsageError
from zzgzn.report.summarymodel import parse_range

from .conftest import REPO, copy_campaign, edit
from .golden import check_golden

TODAY = "2021-06-30"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_campaign(tmp_path_factory.mktemp("campaign"))
    result = CliRunner().invoke(
        app, ["summary", "--root", str(root), "--today", TODAY, "-o", str(root / "out" / "summary")]
    )
    assert result.exit_code == 0, result.output
    return root / "out"


def test_golden_summary_markdown(outputs: Path) -> None:
    check_golden("summary.md", (outputs / "summary.md").read_text("utf-8"))


def test_summary_finds_the_stalled_task_and_the_always_late_unit(outputs: Path) -> None:
    text = (outputs / "summary.md").read_text("utf-8")
    assert (
        "3.1 开展评选表彰工作（牵头单位：思想政治和权益维护处）："
        "2020年第一季度至2020年第三季度连续3个季度无进展" in text
    )
    assert "每个应报季度都逾期报送的单位：宁河区退役军人事务局（逾期5次，共15个工作日）。" in text
    assert "已完成（2020年第四季度，思想政治和权益维护处报告）" in text
    # 宁河区: late by 3 working days every quarter: 10 − 3×2 = 4 points × 5 of 50 → 40
    assert "| 宁河区退役军人事务局 | 0 | 5 | 15 | 0 | 40 |" in text
    assert "计分方法：每个应报季度满分10分" in text


def test_charts_are_linked_and_embedded(outputs: Path) -> None:
    text = (outputs / "summary.md").read_text("utf-8")
    for name in ("timeliness", "progress"):
        link = f"charts/summary-{name}.png"
        assert f"]({link})" in text
        assert (outputs / link).read_bytes().startswith(b"\x89PNG")
    with zipfile.ZipFile(outputs / "summary.docx") as docx:
        assert len([n for n in docx.namelist() if n.startswith("word/media/")]) == 2


def test_workbook_sheets(outputs: Path) -> None:
    book = load_workbook(outputs / "summary.xlsx")
    assert book.sheetnames == ["报送情况", "任务进展", "考核评分"]
    sheet = book["报送情况"]
    assert sheet.freeze_panes == "B2"
    assert [c.value for c in sheet[1]][:5] == [
        "单位",
        "类别",
        "2020Q1 截止日期",
        "2020Q1 报送日期",
        "2020Q1 情况",
    ]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "宁河区退役军人事务局")
    assert row[2].value == dt.datetime(2020, 4, 8) and row[2].number_format == "yyyy-mm-dd"
    assert isinstance(row[3].value, dt.datetime) and row[4].value == "逾期3个工作日"
    assert sheet.column_dimensions["A"].width >= 20  # the longest unit name fits
    rules = [r.formula[0] for rng in sheet.conditional_formatting for r in rng.rules]
    assert 'ISNUMBER(SEARCH("逾期",C2))' in rules and 'C2="未报送"' in rules
    progress = book["任务进展"]
    stalled = next(r for r in progress.iter_rows(min_row=2) if str(r[0].value).startswith("3.1"))
    assert [c.value for c in stalled[2:5]] == ["未启动", "未启动", "未启动"]
    assert stalled[-1].value == "2020Q1—2020Q3"
    scores = {r[0].value: r[6].value for r in book["考核评分"].iter_rows(min_row=2) if r[0].value}
    assert scores["宁河区退役军人事务局"] == 40 and scores["办公室"] == 100


def test_outputs_are_byte_identical(outputs: Path, tmp_path: Path) -> None:
    root = outputs.parent
    result = CliRunner().invoke(
        app, ["summary", "--root", str(root), "--today", TODAY, "-o", str(tmp_path / "summary")]
    )
    assert result.exit_code == 0, result.output
    for name in (
        "summary.md",
        "summary.docx",
        "summary.xlsx",
        "charts/summary-progress.png",
        "charts/summary-timeliness.png",
    ):
        assert (tmp_path / name).read_bytes() == (outputs / name).read_bytes(), name


def test_quarter_ranges() -> None:
    plan = load_plan(REPO).plan
    assert plan is not None
    today = dt.date(2021, 6, 30)
    assert [str(q) for q in parse_range("2020Q2..2020Q4", plan, today)] == [
        "2020Q2",
        "2020Q3",
        "2020Q4",
    ]
    assert [str(q) for q in parse_range("2020Q3", plan, today)] == ["2020Q3"]
    assert len(parse_range(None, plan, today)) == 5
    assert [str(q) for q in parse_range(None, plan, dt.date(2020, 8, 1))] == [
        "2020Q1",
        "2020Q2",
        "2020Q3",
    ]
    with pytest.raises(UsageError):
        parse_range("2020Q4..2020Q2", plan, today)


def test_summary_over_a_range(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(
        app,
        [
            "summary",
            "2020Q2..2020Q3",
            "--root",
            str(repo),
            "--today",
            TODAY,
            "-f",
            "md",
            "-o",
            str(repo / "r.md"),
        ],
    )
    assert result.exit_code == 0, result.output
    text = (repo / "r.md").read_text("utf-8")
    assert "（2020年第二季度至2020年第三季度，截至2021年6月30日）" in text
    assert "| 单位 | 2020Q2 | 2020Q3 |" in text


def test_casebook_filters(runner: CliRunner) -> None:
    def cases(*args: str) -> str:
        result = runner.invoke(app, ["cases", "--root", str(REPO), "--today", TODAY, *args])
        assert result.exit_code == 0, result.output
        return result.output

    everything = cases()
    one_task = cases("--task", "1.2")
    assert everything.count("来源：") > one_task.count("来源：") > 0
    assert all(
        "任务1.2完善尊崇措施" in line for line in one_task.splitlines() if line.startswith("来源：")
    )
    by_unit = cases("--unit", "hexi", "--quarter", "2020Q3")
    sources = [line for line in by_unit.splitlines() if line.startswith("来源：")]
    assert sources and all("河西区退役军人事务局，2020年第三季度" in line for line in sources)
    assert all(line.endswith("（submissions/2020Q3/hexi.yaml）。") for line in sources)
    assert "没有符合条件的典型案例" in cases("--unit", "hexi", "--quarter", "2020Q2")
    assert runner.invoke(app, ["cases", "--root", str(REPO), "--task", "9.9"]).exit_code == 2


def test_docx_of_the_summary_holds_the_charts_as_pictures(outputs: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING

    data = (outputs / "summary.docx").read_bytes()
    doc = Document(io.BytesIO(data))
    pictures = [p for p in doc.paragraphs if p._element.findall(".//{*}drawing")]
    assert len(pictures) == 2
    # their style (图) centres them, unindented, with a line height that does not clip them
    assert {p.style.name for p in pictures} == {"图"}
    style = pictures[0].style.paragraph_format
    assert style.first_line_indent == 0 and style.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert style.line_spacing_rule == WD_LINE_SPACING.SINGLE


def test_invalid_files_are_listed_at_the_top_of_the_summary(runner: CliRunner, repo: Path) -> None:
    bad = repo / "submissions" / "2020Q3" / "hexi.yaml"
    edit(bad, "status: in_progress", "status: 进行中", 1)
    result = runner.invoke(
        app,
        ["summary", "--root", str(repo), "--today", TODAY, "-f", "md", "-o", str(repo / "s.md")],
    )
    assert result.exit_code == 0, result.output
    assert "submissions/2020Q3/hexi.yaml" in result.output
    text = (repo / "s.md").read_text("utf-8")
    head = text[: text.index("## 一、")]
    assert (
        "以下 1 个报送文件未通过校验，未纳入本汇总" in head
        and "submissions/2020Q3/hexi.yaml" in head
    )


def test_casebook_as_an_official_document(runner: CliRunner, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "cases.docx"
    result = runner.invoke(
        app, ["cases", "--root", str(REPO), "--today", TODAY, "--task", "1.2", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    doc = Document(str(out))
    assert doc.paragraphs[0].style.name == "Title"
    assert doc.paragraphs[0].text == "“思想政治工作年”活动典型案例汇编"


def test_workbook_never_turns_text_into_formulas(repo: Path) -> None:
    from zzgzn.report.summarymodel import build_summary
    from zzgzn.report.workbook import workbook_bytes

    units = repo / "plan" / "units.yaml"
    edit(units, "name: 和平区退役军人事务局", 'name: "=HYPERLINK(\\"x\\")"')
    plan = load_plan(repo).plan
    assert plan is not None
    summary = build_summary(
        plan, parse_range(None, plan, dt.date(2021, 6, 30)), [], dt.date(2021, 6, 30), {}
    )
    book = load_workbook(io.BytesIO(workbook_bytes(summary)))
    cell = next(
        r[0] for r in book["报送情况"].iter_rows(min_row=2) if "HYPERLINK" in str(r[0].value)
    )
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("x")'
