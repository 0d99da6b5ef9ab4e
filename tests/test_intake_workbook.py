"""The workbook round trip: new/export → filled in WPS, Excel or LibreOffice → import."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from zzgzn.checking.planload import load_plan
from zzgzn.checking.rules import check_file
from zzgzn.intake.export import blank_workbook, filled_workbook
from zzgzn.intake.importer import Outcome, import_workbook

from .conftest import REPO, copy_campaign, invoke

TODAY = dt.date(2021, 6, 30)
SAMPLES = sorted(p.relative_to(REPO).as_posix() for p in REPO.glob("submissions/20*/*.yaml"))


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_campaign(tmp_path_factory.mktemp("campaign"), frozen=True)


def _export(root: Path, rel: str, target: Path) -> Path:
    plan = load_plan(root).plan
    assert plan is not None
    name, data, problems = filled_workbook(plan, root / rel, rel, TODAY)
    assert data is not None, problems
    path = target / name
    path.write_bytes(data)
    return path


def test_the_round_trip_covers_every_sample() -> None:
    assert len(SAMPLES) > 100


# one test per sample, so that the suite's workers share them (0.5 s of openpyxl each)
@pytest.mark.parametrize("rel", SAMPLES)
def test_every_sample_comes_back_equal(campaign: Path, tmp_path: Path, rel: str) -> None:
    """import(export(x)) == x: the validated submission, field by field, for every sample."""
    plan = load_plan(campaign).plan
    assert plan is not None
    book = _export(campaign, rel, tmp_path)
    result = import_workbook(book, campaign, plan, TODAY)
    assert result.outcome is Outcome.UNCHANGED, (rel, result.findings, result.changes)
    if rel.split("/")[-1] not in ("hexi.yaml", "bangongshi.yaml"):
        return  # the comparison above is the whole check; a few are also written afresh
    # and into a repository without the file: written, and what it says is the original
    bare = copy_campaign(tmp_path / "bare", submissions=False, frozen=True)
    fresh = import_workbook(book, bare, plan, TODAY)
    assert fresh.outcome is Outcome.WRITTEN, (rel, fresh.findings)
    again = check_file(bare / fresh.target, fresh.target, plan, TODAY).submission
    original = check_file(campaign / rel, rel, plan, TODAY).submission
    assert again is not None and again == original


def _blank(root: Path, unit: str, quarter: str, tmp: Path) -> Path:
    plan = load_plan(root).plan
    assert plan is not None
    _, data = blank_workbook(plan, quarter, unit)
    path = tmp / f"{unit}.xlsx"
    path.write_bytes(data)
    return path


def _fill_task(ws: openpyxl.worksheet.worksheet.Worksheet, values: dict[str, object]) -> None:
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    for key, value in values.items():
        label, col = key.split("@") if "@" in key else (key, "B")
        ws[f"{col}{rows[label]}"] = value


def _fill_info(wb: openpyxl.Workbook, day: dt.date) -> None:
    _fill_task(
        wb["基本信息"],
        {
            "报送日期": day,
            "填报人": "示例填报人01",
            "填报人职务": "科员",
            "审核人": "示例审核人01",
            "审核人职务": "处长",
        },
    )


def test_filled_by_hand_department(tmp_path: Path) -> None:
    root = copy_campaign(tmp_path / "repo", submissions=False)
    book = _blank(root, "bangongshi", "2020Q3", tmp_path)
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames[:2] == ["填报说明", "基本信息"]
    assert wb["1.4 重视舆论引导"].protection.sheet and wb.security.lockStructure
    _fill_info(wb, dt.date(2020, 10, 12))
    for name in wb.sheetnames[2:]:
        _fill_task(
            wb[name],
            {
                "状态": "推进中",
                "进展情况": "第一段：开通“老兵之声”专栏。\n第二段：编发简报 3 期。",
                "措施 1": "召开专题会议部署",
                "措施 3": "建立工作台账",
                "数据 1": "编发简报",
                "数据 1@C": 3,
                "数据 1@D": "期",
                "问题 1": "基层宣传力量不足",
            },
        )
    wb.save(book)
    result = import_workbook(book, root, load_plan(root).plan, TODAY)  # type: ignore[arg-type]
    assert result.outcome is Outcome.WRITTEN, result.findings
    text = (root / result.target).read_text("utf-8")
    assert "# 1.4 重视舆论引导" in text  # the comments `zzgzn new` writes are kept
    sub = check_file(root / result.target, result.target, load_plan(root).plan, TODAY).submission  # type: ignore[arg-type]
    assert sub is not None and [t.task for t in sub.tasks] == ["1.4", "3.2", "3.5"]
    assert sub.tasks[0].measures == ["召开专题会议部署", "建立工作台账"]
    assert sub.tasks[0].metrics[0].value == 3 and sub.tasks[0].narrative.count("\n") == 1


def test_district_blank_sheets_are_tasks_not_reported(tmp_path: Path) -> None:
    root = copy_campaign(tmp_path / "repo", submissions=False)
    book = _blank(root, "hexi", "2020Q3", tmp_path)
    wb = openpyxl.load_workbook(book)
    assert len(wb.sheetnames) == 2 + 23
    _fill_info(wb, dt.date(2020, 10, 12))
    _fill_task(wb["1.2 完善尊崇措施"], {"状态": "常态化推进", "进展情况": "走访返乡退役军人"})
    wb.save(book)
    result = import_workbook(book, root, load_plan(root).plan, TODAY)  # type: ignore[arg-type]
    assert result.outcome is Outcome.WRITTEN, result.findings
    data = (root / result.target).read_text("utf-8")
    assert '- task: "1.2"' in data and '- task: "1.3"' not in data
    assert "status: ongoing" in data


BAD = {
    # cell → (value, code)
    "formula": ("数据 1@C", "=1+2", "cell-formula"),
    "text in a number cell": ("数据 1@C", "126人次", "cell-not-number"),
    "full-width digits": ("数据 1@C", "１２６", "cell-fullwidth"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_unreadable_cells_are_findings_at_the_cell(tmp_path: Path, case: str) -> None:
    root = copy_campaign(tmp_path / "repo", submissions=False)
    book = _blank(root, "bangongshi", "2020Q3", tmp_path)
    wb = openpyxl.load_workbook(book)
    _fill_info(wb, dt.date(2020, 10, 12))
    ws = wb["1.4 重视舆论引导"]
    key, value, code = BAD[case]
    _fill_task(ws, {"状态": "推进中", "进展情况": "开通专栏", "数据 1": "编发简报", key: value})
    wb.save(book)
    result = import_workbook(book, root, load_plan(root).plan, TODAY)  # type: ignore[arg-type]
    assert result.outcome is Outcome.INVALID and not (root / "submissions/2020Q3").exists()
    found = [p for p in result.findings if p.problem.code == code]
    assert found and found[0].where is not None
    assert found[0].where.sheet == "1.4 重视舆论引导" and found[0].where.cell.startswith("C")
    assert found[0].problem.hint()
    # the cell's own finding is not repeated by validate's "value is missing"
    assert [p.where for p in result.findings].count(found[0].where) == 1


def test_date_serial_merged_cell_and_deleted_row(tmp_path: Path) -> None:
    root = copy_campaign(tmp_path / "repo", submissions=False)
    book = _blank(root, "bangongshi", "2020Q3", tmp_path)
    wb = openpyxl.load_workbook(book)
    _fill_info(wb, dt.date(2020, 10, 12))
    info = wb["基本信息"]
    _fill_task(info, {"报送日期": 44116})  # 2020-10-12 as Excel counts days
    info["B7"].number_format = "General"
    ws = wb["1.4 重视舆论引导"]
    ws.protection.sheet = False  # the person lifted the protection, then…
    _fill_task(ws, {"状态": "推进中", "进展情况": "开通专栏", "措施 1": "部署"})
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    ws.merge_cells(f"B{rows['措施 2']}:D{rows['措施 2']}")
    ws.delete_rows(rows["进展情况"])
    wb.save(book)
    result = import_workbook(book, root, load_plan(root).plan, TODAY)  # type: ignore[arg-type]
    codes = {p.problem.code: p.where for p in result.findings}
    assert result.outcome is Outcome.INVALID
    assert codes["cell-date-serial"] is not None and codes["cell-date-serial"].sheet == "基本信息"
    assert (
        "2020-10-12"
        in next(p for p in result.findings if p.problem.code == "cell-date-serial").problem.hint()
    )
    assert "cell-merged" in codes and "row-missing" in codes


def test_unknown_status_and_a_future_date_are_found_by_validate(tmp_path: Path) -> None:
    root = copy_campaign(tmp_path / "repo", submissions=False)
    plan = load_plan(root).plan
    assert plan is not None
    for status, day, code, sheet, cell in (
        ("差不多", dt.date(2020, 10, 12), "invalid-value", "1.4 重视舆论引导", "B6"),
        ("推进中", dt.date(2031, 10, 12), "submitted-future", "基本信息", "B7"),
    ):
        book = _blank(root, "bangongshi", "2020Q3", tmp_path)
        wb = openpyxl.load_workbook(book)
        _fill_info(wb, day)
        _fill_task(wb["1.4 重视舆论引导"], {"状态": status, "进展情况": "开通专栏"})
        wb.save(book)
        result = import_workbook(book, root, plan, TODAY)
        found = [p for p in result.findings if p.problem.code == code]
        assert found and found[0].where is not None, result.findings
        assert (found[0].where.sheet, found[0].where.cell) == (sheet, cell)
        assert result.outcome is Outcome.INVALID


def test_never_overwrites_a_different_file_without_force(tmp_path: Path) -> None:
    root = copy_campaign(tmp_path / "repo")  # no quarter closed: a change needs no amendment
    book = _export(root, "submissions/2020Q3/bangongshi.yaml", tmp_path)
    wb = openpyxl.load_workbook(book)
    _fill_task(wb["1.4 重视舆论引导"], {"状态": "已完成"})
    wb.save(book)
    before = (root / "submissions/2020Q3/bangongshi.yaml").read_bytes()
    plan = load_plan(root).plan
    assert plan is not None
    refused = import_workbook(book, root, plan, TODAY)
    assert refused.outcome is Outcome.REFUSED
    assert any("任务 1.4 状态" in c and "已完成" in c for c in refused.changes), refused.changes
    assert (root / "submissions/2020Q3/bangongshi.yaml").read_bytes() == before
    forced = import_workbook(book, root, plan, TODAY, force=True)
    assert forced.outcome is Outcome.WRITTEN and forced.changes == refused.changes
    after = check_file(root / forced.target, forced.target, plan, TODAY).submission
    assert after is not None and after.tasks[0].status.label == "已完成"


def test_cli_round_trip(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_campaign(tmp_path / "repo")
    monkeypatch.chdir(tmp_path)
    code, output = invoke(
        runner, "new", "Q3", "--unit", "bangongshi", "--format", "xlsx", "--root", str(root)
    )
    assert code == 0 and (tmp_path / "bangongshi-2020Q3.xlsx").is_file(), output
    code, output = invoke(runner, "import", "bangongshi-2020Q3.xlsx", "--root", str(root))
    assert code == 1 and "工作表“基本信息” B7" in output and "未写入" in output
    code, output = invoke(
        runner,
        "export",
        str(root / "submissions/2020Q2/hexi.yaml"),
        "--root",
        str(root),
        "-o",
        str(tmp_path),
    )
    assert code == 0 and (tmp_path / "hexi-2020Q2.xlsx").is_file(), output
    code, output = invoke(runner, "import", "hexi-2020Q2.xlsx", "--root", str(root))
    assert code == 0 and "未改动" in output
    code, output = invoke(
        runner, "import", "bangongshi-2020Q3.xlsx", "--root", str(root), "--format", "json"
    )
    found = json.loads(output)
    assert code == 1 and {"sheet": "基本信息", "cell": "B7"}.items() <= found[0].items()
    code, output = invoke(
        runner, "import", "bangongshi-2020Q3.xlsx", "--root", str(root), "--lang", "en"
    )
    assert code == 1 and "sheet “基本信息” B7" in output and "nothing written" in output
    code, output = invoke(runner, "import", "nothing.xlsx", "--root", str(root))
    assert code == 1 and "找不到" in output
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    code, output = invoke(runner, "import", "broken.xlsx", "--root", str(root))
    assert code == 1 and "无法读取工作簿" in output and "不是 Excel 工作簿" in output
    whole = (tmp_path / "bangongshi-2020Q3.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(whole[: len(whole) // 2])  # a download cut short
    with zipfile.ZipFile(tmp_path / "word.xlsx", "w") as z:  # a Word document renamed
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    for name in ("cut.xlsx", "word.xlsx"):
        code, output = invoke(runner, "import", name, "--root", str(root))
        assert code == 1 and "文件不完整或已损坏" in output, output
        code, output = invoke(runner, "import", name, "--root", str(root), "--lang", "en")
        assert code == 1 and "incomplete or damaged" in output, output
        # in words, never the exception openpyxl raised (BadZipFile, KeyError …)
        assert not re.search(r"BadZip|KeyError|Exception|[A-Z][a-z]+Error", output), output


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_workbook_saved_by_libreoffice_imports(campaign: Path, tmp_path: Path) -> None:
    """LibreOffice rewrites the whole file (styles, validations, protection): it must still read."""
    book = _export(campaign, "submissions/2020Q2/hexi.yaml", tmp_path)
    out = tmp_path / "lo"
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    resaved = out / book.name
    assert resaved.read_bytes() != book.read_bytes()
    plan = load_plan(campaign).plan
    assert plan is not None
    result = import_workbook(resaved, campaign, plan, TODAY)
    assert result.outcome is Outcome.UNCHANGED, (result.findings, result.changes)
