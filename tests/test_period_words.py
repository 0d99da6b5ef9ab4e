"""What validate, the gate, import and summary say names the campaign's own period: in a
monthly campaign 本月 / 月份 where a quarterly one says 本季度 / 季度 (the quarterly wording is
unchanged: the shipped campaign's tests pin it). The campaigns are test_cycles.py's."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from zzgzn.diagnostics.messages import phrase, render_message

from .conftest import edit, invoke
from .test_cycles import HALF_YEARLY, MONTHLY, _draft, _fill, _run

DAY = "2024-02-20"  # January's reports were due on 5 February


def _validate(runner: CliRunner, root: Path, today: str = DAY) -> str:
    code, output = invoke(runner, "validate", "--root", str(root), "--today", today)
    assert code in (0, 1), output
    return output


def test_a_closed_month_says_month(runner: CliRunner, tmp_path: Path) -> None:
    root, plan = _draft(runner, tmp_path, MONTHLY)
    first, second, third = (u.id for u in plan.reporters[:3])
    path = _fill(runner, root, "2024-01", first, "2024-02-02", "窗口已整合。", DAY)
    _fill(runner, root, "2024-01", second, "2024-02-05", "公布承诺时限。", DAY)
    _run(runner, root, "report", "2024-01", "--today", DAY, "-f", "md")  # closes January
    edit(path, "窗口已整合。", "窗口已全部整合。")
    output = _validate(runner, root)
    assert "2024-01 的报告已于 2024-02-20 生成，本月已封存；这个文件此后被改动" in output
    later = _fill(runner, root, "2024-01", third, "2024-02-19", "补报。", DAY)
    output = _validate(runner, root)
    assert f"{later.relative_to(root)}" in output
    assert "本月已封存；这个文件是此后新增的，但没有更正记录" in output
    text = path.read_text("utf-8")
    path.write_text(
        text + "amendments:\n  - {date: 2024-02-10, by: 示例联络员, reason: 补充措辞}\n", "utf-8"
    )
    output = _validate(runner, root)
    assert "更正日期 2024-02-10 早于本月封存日期 2024-02-20" in output
    assert "季度" not in output
    _, english = invoke(runner, "--lang", "en", "validate", "--root", str(root), "--today", DAY)
    assert "amendment dated 2024-02-10, before this month was closed on 2024-02-20" in english


def test_a_closed_half_year_says_本期(runner: CliRunner, tmp_path: Path) -> None:
    root, plan = _draft(runner, tmp_path, HALF_YEARLY)
    unit = plan.reporters[0].id
    path = _fill(runner, root, "2024H2", unit, "2025-01-10", "照明改造完成六成。", "2025-01-20")
    _run(runner, root, "report", "2024H2", "--today", "2025-01-20", "-f", "md")  # closes it
    edit(path, "完成六成", "完成七成")
    output = _validate(runner, root, "2025-01-20")
    assert "2024H2 的报告已于 2025-01-20 生成，本期已封存；这个文件此后被改动" in output
    assert "季度" not in output


def test_validate_s_hints_say_month(runner: CliRunner, tmp_path: Path) -> None:
    root, plan = _draft(runner, tmp_path, MONTHLY)
    # a unit responsible for two tasks reports one of them
    both = next(u.id for u in plan.reporters if len(plan.tasks_of(u.id)) == 2)
    path = _fill(runner, root, "2024-01", both, "2024-02-02", "窗口已整合。", DAY)
    text = path.read_text("utf-8")
    second_task = text.index('  - task: "1.2"')
    path.write_text(text[:second_task].rstrip() + "\n" + _tail(text), "utf-8")
    no_unit = re.sub(r"^unit: .*\n", "", path.read_text("utf-8"), flags=re.M)
    (path.parent / "Not-A-Unit.yaml").write_text(no_unit, "utf-8")
    stray = root / "submissions" / "plans"
    stray.mkdir()
    (stray / f"{both}.yaml").write_text(f"kind: work-plan\nunit: {both}\n", "utf-8")
    output = _validate(runner, root)
    assert "[task-missing]" in output
    assert "本月未开展的填 status: not_started" in output
    assert "文件名用单位代码：submissions/<月份>/<单位代码>.yaml" in output
    assert "submissions/plans/ 既不是月份文件夹" in output
    assert "月份报送放在 submissions/2024-02/ 这样的文件夹" in output
    assert "季度" not in output


def _tail(text: str) -> str:
    """What follows the task list: who filled the file in and who approved it."""
    return text[text.index("filled_by:") :]


def test_the_import_s_change_list_says_month(runner: CliRunner, tmp_path: Path) -> None:
    root, plan = _draft(runner, tmp_path, MONTHLY)
    unit = plan.reporters[0].id
    path = _fill(runner, root, "2024-01", unit, "2024-02-02", "窗口已整合。", DAY)
    workbook = root / "unit.xlsx"
    export = ("export", str(path), "--format", "xlsx", "-o", str(workbook), "--today", DAY)
    _run(runner, root, *export)
    text = path.read_text("utf-8")
    path.write_text(re.sub(r'summary: ""', "summary: 本月总体平稳。", text, count=1), "utf-8")
    code, output = invoke(runner, "import", str(workbook), "--root", str(root), "--today", DAY)
    assert code == 1, output
    assert "本月总体情况：本月总体平稳。 → （空）" in output and "季度" not in output


def test_the_gate_names_the_closed_months(runner: CliRunner) -> None:
    said = render_message(
        "pr-frozen-reopened", {"kind": phrase("period-monthly"), "quarters": "2024-01"}, "zh"
    )
    assert said == "本次改动删除或改写了封存记录，会重新打开已封存的月份：2024-01"
    quarterly = {"kind": phrase("period-quarterly"), "quarters": "2020Q1"}
    assert render_message("pr-frozen-reopened", quarterly, "zh").endswith("已封存的季度：2020Q1")


def test_the_summary_of_months_is_named_as_chinese_writes_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    root, plan = _draft(runner, tmp_path, MONTHLY)
    unit = plan.reporters[0].id
    _fill(runner, root, "2024-01", unit, "2024-02-02", "窗口已整合。", "2024-04-20")
    _fill(runner, root, "2024-03", unit, "2024-04-03", "后台审批上线。", "2024-04-20")
    _run(runner, root, "summary", "--today", "2024-04-20", "-f", "md")
    assert (root / "reports" / "2024年1月至4月进展汇总.md").is_file()  # to this month
    _run(runner, root, "summary", "2024-01..2024-03", "--today", "2024-04-20", "-f", "md")
    assert (root / "reports" / "2024年1月至3月进展汇总.md").is_file()
    _run(runner, root, "summary", "2024-03..2024-03", "--today", "2024-04-20", "-f", "md")
    assert (root / "reports" / "2024年3月进展汇总.md").is_file()
    (tmp_path / "half").mkdir()
    half, _ = _draft(runner, tmp_path / "half", HALF_YEARLY)
    _run(runner, half, "summary", "--today", "2025-07-20", "-f", "md")
    assert (half / "reports" / "2024H2-2025H1进展汇总.md").is_file()  # as quarters: unchanged
