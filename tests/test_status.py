"""`zzgzn status` and `zzgzn remind`: who to chase, replayed on any day with --today."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from zzgzn.cli import app

from .conftest import REPO, invoke


def _invoke(runner: CliRunner, *args: str) -> tuple[int, str]:
    return invoke(runner, *args, "--root", str(REPO))


def test_status_json_for_one_quarter(runner: CliRunner) -> None:
    code, output = _invoke(runner, "status", "2020Q2", "--format", "json", "--today", "2020-07-20")
    assert code == 0
    data = json.loads(output)
    assert (data["quarter"], data["due"]) == ("2020Q2", "2020-07-07")
    units = {u["unit"]: u for u in data["units"]}
    assert len(units) == 29
    assert units["ninghe"] | {"name": "宁河区退役军人事务局"} == {
        "unit": "ninghe",
        "name": "宁河区退役军人事务局",
        "state": "late",
        "submitted_on": "2020-07-10",
        "working_days_late": 3,
        "self_reported_on": "2020-07-10",
        "date_source": "file",
        "final": True,
    }
    assert units["jinghai"]["state"] == "missing" and units["jinghai"]["submitted_on"] is None
    assert {u["state"] for u in units.values()} == {"on_time", "late", "missing"}


def test_status_before_the_deadline_counts_down(runner: CliRunner) -> None:
    code, output = _invoke(runner, "status", "Q2", "-f", "json", "--today", "2020-07-03")
    data = json.loads(output)
    assert data["working_days_left"] == 2  # 6 and 7 July
    states = {u["unit"]: u["state"] for u in data["units"]}
    assert states["hexi"] == "on_time"  # it came on 1 July
    assert states["hedong"] == "not_due"  # dated 6 July: not arrived on the 3rd
    code, output = _invoke(runner, "status", "--today", "2020-07-03")
    assert code == 0
    assert "2020Q2 报送截止 2020-07-07，还有 2 个工作日；尚未报送 12 个单位" in output


def test_status_table_has_every_quarter_so_far(runner: CliRunner) -> None:
    code, output = _invoke(runner, "status", "--today", "2020-10-20")
    assert code == 0
    for text in ("2020Q1", "2020Q2", "2020Q3", "2020Q4", "逾期3个工作日", "未报送", "未到期"):
        assert text in output
    assert "2021Q1" not in output


def test_remind_lists_missing_units_with_liaisons(runner: CliRunner) -> None:
    code, output = _invoke(runner, "remind", "Q2", "--today", "2020-07-10")
    assert code == 0
    assert output.startswith("关于报送2020年第二季度“思想政治工作年”活动进展情况的提醒\n")
    assert "1. 市荣复军人疗养院（联络员：示例联络员12，电话：000-0000-0012）" in output
    # the sample registry names no liaison for 静海区 (on purpose): the notice says so
    assert "2. 静海区退役军人事务局（联络员：未登记，电话：未登记）" in output
    assert "宁河区退役军人事务局（逾期3个工作日）" in output
    assert output.rstrip().endswith("思想政治和权益维护处\n2020年7月10日")


def test_remind_before_the_deadline_and_in_markdown(runner: CliRunner) -> None:
    code, output = _invoke(runner, "remind", "Q2", "--today", "2020-07-03", "--format", "md")
    assert code == 0
    assert output.startswith("## 关于报送")
    assert "距报送截止还有2个工作日" in output and "以下12个单位尚未报送" in output


def test_remind_when_everyone_reported(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(app, ["remind", "2020Q2", "--root", str(repo), "--today", "2020-07-20"])
    assert "静海区" in result.output
    for unit in ("jinghai", "rongfu-liaoyangyuan"):  # the two missing units: use their Q1 files
        text = (repo / "submissions" / "2020Q1" / f"{unit}.yaml").read_text("utf-8")
        text = text.replace("quarter: 2020Q1", "quarter: 2020Q2")
        text = text.replace("submitted_on: 2020-04-", "submitted_on: 2020-07-")
        (repo / "submissions" / "2020Q2" / f"{unit}.yaml").write_text(text, "utf-8")
    result = runner.invoke(app, ["remind", "2020Q2", "--root", str(repo), "--today", "2020-07-20"])
    assert result.exit_code == 0, result.output
    assert "各单位均已报送" in result.output
