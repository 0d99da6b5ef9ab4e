"""Obligations besides the quarterly report (plan/obligations.yaml), and sign-off."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzgzn.calendar.deadlines import calendar_for
from zzgzn.checking.planload import load_plan
from zzgzn.tracking.obligations import due_date
from zzgzn.tracking.statusboard import status_board

from .conftest import REPO, edit, invoke


def _standings(root: Path, today: str) -> dict[str, dict[str, str]]:
    board = status_board(root, None, dt.date.fromisoformat(today))
    return {
        o.obligation.id: {r.unit.id: r.label for r in o.rows if r.state.value != "on_time"}
        for o in board.obligations
    }


def test_the_plan_declares_the_four_obligations_of_the_text() -> None:
    plan = load_plan(REPO).plan
    assert plan is not None
    calendar = calendar_for(plan)
    dues = {o.id: due_date(plan, o, calendar).isoformat() for o in plan.obligations}
    assert dues == {
        "liaison": "2020-03-31",
        "work-plan": "2020-04-08",  # 5 working days after March (清明: 4–6 April)
        "typical-cases": "2021-03-05",
        "evaluation": "2021-03-31",
    }
    quotes = "".join(o.quote for o in plan.obligations)
    source = (REPO / "plan" / "plan.yaml").read_text("utf-8")
    for o in plan.obligations:
        assert o.quote.rstrip("。") in source or o.quote in "2021年2月至3月评估总结", o.id
    assert "联络员" in quotes and "工作方案" in quotes and "及时报告" in quotes
    # owed by the same 29 units that report each quarter
    assert all(plan.owes(o) == plan.reporters for o in plan.obligations)


def test_samples_show_each_shortfall_after_the_campaign() -> None:
    assert _standings(REPO, "2021-04-20") == {
        "liaison": {"jinghai": "未完成"},
        "work-plan": {"ninghe": "逾期5个工作日", "jizhou": "未完成"},
        "typical-cases": {
            "guihua-caiwu": "逾期22个工作日",
            "baoyang-jinian": "未完成",
            "rongfu-liaoyangyuan": "逾期20个工作日",
            "lieshi-lingyuan": "逾期20个工作日",
        },
        "evaluation": {"mishuchu": "未完成", "baodi": "未完成"},
    }


def test_before_a_due_date_nothing_is_missing_yet() -> None:
    standings = _standings(REPO, "2020-03-25")
    assert standings["work-plan"]["ninghe"] == "未到期"  # it came on 15 April
    assert set(standings["evaluation"].values()) == {"未到期"}
    assert standings["liaison"] == {"jinghai": "未到期"}


def test_a_document_without_approver_is_not_final(repo: Path) -> None:
    edit(repo / "submissions" / "work-plan" / "hexi.yaml", "approved_by:", "# approved_by:")
    board = status_board(repo, None, dt.date(2020, 5, 1))
    work_plan = next(o for o in board.obligations if o.obligation.id == "work-plan")
    row = next(r for r in work_plan.rows if r.unit.id == "hexi")
    assert (row.label, row.final) == ("已完成（未审核）", False)


def test_status_and_remind_show_obligations(runner: CliRunner) -> None:
    code, output = invoke(runner, "status", "--root", str(REPO), "--today", "2021-04-20")
    assert code == 0
    for text in ("其他工作要求", "指定活动联络员", "制定工作方案", "评估总结", "逾期5个工作日"):
        assert text in output
    code, output = invoke(runner, "remind", "2021Q1", "--root", str(REPO), "--today", "2021-04-20")
    assert code == 0
    assert (
        "1. 指定活动联络员（三（一）加强组织领导，截止2020年3月31日）：静海区退役军人事务局。"
        in output
    )
    assert (
        "2. 制定工作方案（三（二）有力有序实施，截止2020年4月8日）：蓟州区退役军人事务局。"
        in output
    )
    assert (
        "评估总结（三（二）有力有序实施，截止2021年3月31日）：秘书处、宝坻区退役军人事务局。"
        in output
    )


def test_unsigned_quarterly_submission_is_shown_everywhere(runner: CliRunner) -> None:
    root = ["--root", str(REPO), "--today", "2020-07-20"]
    _code, output = invoke(runner, "status", "Q2", "-f", "json", *root)
    units = {u["unit"]: u for u in json.loads(output)["units"]}
    assert units["hongqiao"]["final"] is False and units["hexi"]["final"] is True
    assert units["jinghai"]["final"] is None  # nothing arrived
    _, output = invoke(runner, "status", *root)
    assert "按时（未审核）" in output
    _, output = invoke(runner, "remind", "Q2", *root)
    assert "尚未填写审核人" in output and "红桥区退役军人事务局。" in output


def _validate(runner: CliRunner, root: Path, today: str = "2021-06-30") -> list[str]:
    _, output = invoke(runner, "validate", "--root", str(root), "-f", "json", "--today", today)
    return [f"{p['path']}:{p['line']}:{p['column']} {p['code']}" for p in json.loads(output)]


def test_filed_documents_are_checked_like_submissions(runner: CliRunner, repo: Path) -> None:
    folder = repo / "submissions" / "work-plan"
    edit(folder / "hexi.yaml", "kind: work-plan", "kind: evaluation")
    edit(folder / "hedong.yaml", "filled_by:", "attachment: documents/hedong.docx\nfilled_by:")
    (folder / "nankai.yml").write_text((folder / "nankai.yaml").read_text("utf-8"), "utf-8")
    edit(folder / "heping.yaml", "unit: heping", "unit: hepign")
    edit(folder / "hebei.yaml", "submitted_on: 2020", "submitted_on: 2022")
    found = [line for line in _validate(runner, repo) if "work-plan" in line]
    assert found == [
        "submissions/work-plan/hebei.yaml:6:15 submitted-future",
        "submissions/work-plan/hedong.yaml:11:13 attachment-missing",
        "submissions/work-plan/heping.yaml:3:7 unknown-unit",
        "submissions/work-plan/hexi.yaml:4:7 kind-mismatch",
        "submissions/work-plan/nankai.yml:3:7 duplicate-submission",
    ]
    (repo / "documents").mkdir()
    (repo / "documents" / "hedong.docx").write_bytes(b"PK")
    assert not [line for line in _validate(runner, repo) if "attachment-missing" in line]


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("due: {date: 2020-03-31}", "due: {date: 2020-03-31, phase: evaluation}", "obligation-due"),
        ("phase: mobilization,", "phase: mobilisation,", "unknown-phase"),
        (
            "fulfilled_by: {cases: 1}",
            "fulfilled_by: {cases: 1, registry: liaison}",
            "obligation-fulfilment",
        ),
        ("id: evaluation", "id: liaison", "duplicate-id"),
    ],
)
def test_a_broken_obligations_file_is_reported(
    runner: CliRunner, repo: Path, old: str, new: str, code: str
) -> None:
    edit(repo / "plan" / "obligations.yaml", old, new)
    found = _validate(runner, repo)
    assert [line for line in found if line.startswith("plan/")] == [
        next(line for line in found if line.endswith(code))
    ]
    assert found[0].startswith("plan/obligations.yaml:")


def test_a_document_in_an_undeclared_folder_is_one_finding(runner: CliRunner, repo: Path) -> None:
    folder = repo / "submissions" / "workplan"  # misspelt folder
    folder.mkdir()
    (folder / "hexi.yaml").write_text(
        (repo / "submissions" / "work-plan" / "hexi.yaml").read_text("utf-8"), "utf-8"
    )
    assert [line for line in _validate(runner, repo) if "workplan" in line] == [
        "submissions/workplan/hexi.yaml:4:1 unknown-obligation-folder"
    ]


def test_an_attachment_outside_the_repository_is_not_in_it(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.docx"
    outside.write_bytes(b"PK")
    path = repo / "submissions" / "work-plan" / "hexi.yaml"
    edit(path, "filled_by:", f"attachment: ../../../{outside.name}\nfilled_by:")
    assert "submissions/work-plan/hexi.yaml:11:13 attachment-missing" in _validate(runner, repo)
    edit(path, f"../../../{outside.name}", str(outside))
    assert "submissions/work-plan/hexi.yaml:11:13 attachment-missing" in _validate(runner, repo)
