"""A unit whose file is there but does not pass validation submitted: 报送有误 (`invalid`),
never 未报送 — in status, its JSON, remind, the report's appendix, the summary and its score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from .conftest import copy_campaign, edit, invoke

AFTER = "2020-07-20"  # 2020Q2 was due on 2020-07-07
BEFORE = "2020-07-03"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """hexi's 2020Q2 file with a misspelt key and an impossible date: two errors."""
    root = copy_campaign(tmp_path / "repo")
    path = root / "submissions" / "2020Q2" / "hexi.yaml"
    edit(path, '  - task: "1.2"\n', '  - task: "1.2"\n    staus: done\n', 1)
    edit(path, "submitted_on: 2020-07-01", "submitted_on: 2020-06-31", 1)
    return root


def _run(runner: CliRunner, root: Path, *args: str) -> tuple[int, str]:
    return invoke(runner, *args, "--root", str(root))


def test_status_json_says_invalid_with_the_file_and_its_first_errors(
    runner: CliRunner, broken: Path
) -> None:
    code, output = _run(runner, broken, "status", "Q2", "-f", "json", "--today", AFTER)
    assert code == 0, output
    units = {u["unit"]: u for u in json.loads(output)["units"]}
    hexi = units["hexi"]
    assert hexi["state"] == "invalid"
    assert hexi["path"] == "submissions/2020Q2/hexi.yaml"
    assert [e["code"] for e in hexi["errors"]] == ["impossible-date", "unknown-key"]
    assert hexi["errors"][1]["line"] > hexi["errors"][0]["line"] > 0
    assert units["jinghai"]["state"] == "missing"  # who sent nothing is still missing


def test_the_json_message_follows_the_language_and_nothing_else_changes(
    runner: CliRunner, broken: Path
) -> None:
    """status's messages are the terminal's (--lang); remind's go to the units, in the
    documents' language (the plan's, or --doc-lang)."""
    texts = {}
    for lang in ("zh", "en"):
        status = _run(
            runner, broken, "--lang", lang, "status", "Q2", "-f", "json", "--today", AFTER
        )
        remind = _run(
            runner, broken, "remind", "Q2", "-f", "json", "--today", AFTER, "--doc-lang", lang
        )
        assert status[0] == remind[0] == 0
        texts[lang] = (json.loads(status[1]), json.loads(remind[1]))
    for zh, en in zip(texts["zh"], texts["en"], strict=True):
        hexi = zh["units"] if "units" in zh else zh["invalid"]
        english = en["units"] if "units" in en else en["invalid"]
        for row in hexi:  # unit names are data, not wording: the same in both
            row.pop("errors", None)
        errors = [row.pop("errors") for row in english if "errors" in row]
        assert hexi == english
        assert [e["message"] for e in errors[0]] == [
            'date "2020-06-31" does not exist',
            'task 1.2: unknown key "staus"; did you mean "status"?',
        ]
    zh_errors = json.loads(_run(runner, broken, "status", "Q2", "-f", "json", "--today", AFTER)[1])
    hexi = next(u for u in zh_errors["units"] if u["unit"] == "hexi")
    assert hexi["errors"][1]["message"] == "任务 1.2：未知字段“staus”，是不是想写“status”？"


def test_status_table_shows_it_before_and_after_the_deadline(
    runner: CliRunner, broken: Path
) -> None:
    for day in (BEFORE, AFTER):
        code, output = _run(runner, broken, "status", "Q2", "--today", day)
        assert code == 0, output
        row = next(line for line in output.splitlines() if "河西区退役军人事务局" in line)
        assert "报送有误" in row and "未报送" not in row
        assert "无法对应" not in output  # every broken file is on the board


def test_remind_asks_for_a_correction_naming_the_file_and_errors(
    runner: CliRunner, broken: Path
) -> None:
    code, notice = _run(runner, broken, "remind", "Q2", "--today", AFTER)
    assert code == 0, notice
    missing = notice[notice.index("尚未报送") : notice.index("报送文件有误")]
    assert "河西区" not in missing
    line = next(line for line in notice.splitlines() if line.startswith("1. 河西区退役军人事务局"))
    assert "电话：000-0000-0017" in line
    assert "submissions/2020Q2/hexi.yaml" in line
    assert "日期“2020-06-31”不存在" in line and "未知字段“staus”" in line
    assert "请改正后重新提交" in notice


def test_report_appendix_with_allow_invalid(runner: CliRunner, broken: Path) -> None:
    code, output = _run(
        runner, broken, "report", "Q2", "--allow-invalid", "-f", "md", "--today", AFTER
    )
    assert code == 0, output
    assert "报送有误 1" in output
    text = (broken / "reports" / "2020Q2进展情况报告.md").read_text("utf-8")
    assert "| 河西区退役军人事务局 | 区局 | 2020年7月7日 | — | 报送有误 |" in text


@pytest.mark.parametrize(("invalid_points", "expected"), [(None, "80"), ("6", "92")])
def test_the_scorecard_scores_it_as_plan_scoring_decides(
    runner: CliRunner, broken: Path, invalid_points: str | None, expected: str
) -> None:
    """hexi: five quarters due by 2021-06-30, four on time (10 each), 2020Q2 broken.
    Without points.invalid it scores as not submitted (0): 40/50 → 80; with 6: 46/50 → 92."""
    scoring = broken / "plan" / "scoring.yaml"
    if invalid_points is None:
        edit(scoring, "    invalid: 0 ", "    # invalid unset ")
    else:
        edit(scoring, "    invalid: 0 ", f"    invalid: {invalid_points} ")
    code, output = _run(runner, broken, "summary", "-f", "md", "-o", f"{broken}/out/")
    assert code == 0, output
    text = (broken / "out" / "2020Q1-2021Q1进展汇总.md").read_text("utf-8")
    header = next(line for line in text.splitlines() if line.startswith("| 序号 | 单位 |"))
    assert header == "| 序号 | 单位 | 按时 | 逾期 | 逾期工作日 | 报送有误 | 未报送 | 得分 |"
    row = next(
        line
        for line in text.splitlines()
        if "| 河西区退役军人事务局 |" in line and "得分" not in line and line.count("|") == 9
    )
    assert row.endswith(f"| 4 | 0 | 0 | 1 | 0 | {expected} |"), row


def test_last_quarters_file_copied_without_changing_its_quarter_is_invalid_where_it_is(
    runner: CliRunner, tmp_path: Path
) -> None:
    # the commonest slip: hexi copies its 2020Q1 file into 2020Q2/ and forgets `quarter:`.
    # It did send something for 2020Q2: 报送有误 there, not 未报送 (and 2020Q1 keeps its file)
    root = copy_campaign(tmp_path / "repo")
    path = root / "submissions" / "2020Q2" / "hexi.yaml"
    path.write_bytes((root / "submissions" / "2020Q1" / "hexi.yaml").read_bytes())
    code, output = _run(runner, root, "status", "-f", "json", "--today", AFTER)
    assert code == 0, output
    quarters = {q["quarter"]: q for q in json.loads(output)}
    hexi = {q: next(u for u in s["units"] if u["unit"] == "hexi") for q, s in quarters.items()}
    assert hexi["2020Q2"]["state"] == "invalid"
    assert hexi["2020Q2"]["path"] == "submissions/2020Q2/hexi.yaml"
    assert "quarter-mismatch" in [e["code"] for e in hexi["2020Q2"]["errors"]]
    assert hexi["2020Q1"]["state"] != "invalid"
