"""zzgzn diff and the report's section on what changed since the previous quarter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from zzgzn.calendar.periods import Period
from zzgzn.checking.planload import load_plan
from zzgzn.checking.traces import Trace
from zzgzn.models.submission import Submission
from zzgzn.report.diff import quarter_diff
from zzgzn.similar import covered, same_text

from .conftest import REPO, invoke

Q1, Q2, Q3 = Period.quarter(2020, 1), Period.quarter(2020, 2), Period.quarter(2020, 3)


def _sub(unit: str, quarter: Period, *tasks: dict[str, Any]) -> Submission:
    return Submission.model_validate(
        {
            "unit": unit,
            "quarter": str(quarter),
            "plan_version": "1.0.0",
            "submitted_on": quarter.end.isoformat(),
            "liaison": {"name": "示例", "phone": "000"},
            "tasks": [{"task": "1.2", "narrative": "推进。", **t} for t in tasks],
        }
    )


def _diff(history: dict[Period, list[Submission]], earlier: Period = Q2) -> Any:
    plan = load_plan(REPO).plan
    assert plan is not None
    traces = {q: {s.unit: Trace.of(s) for s in subs} for q, subs in history.items() if q < Q3}
    changes = quarter_diff(plan, earlier, Q3, traces, {s.unit: s for s in history.get(Q3, [])})
    return next(t for t in changes.tasks if t.task.id == "1.2")


def test_each_kind_of_change_is_found() -> None:
    task = _diff(
        {
            Q1: [_sub("hedong", Q1, {"status": "in_progress"})],
            Q2: [
                _sub(
                    "hexi",
                    Q2,
                    {
                        "status": "not_started",
                        "problems": ["基层服务站工作力量不足，专职人员偏少"],
                        "next_steps": ["开展“八一”走访慰问", "建立退役军人信息台账"],
                    },
                ),
                _sub("hedong", Q2, {"status": "not_started", "next_steps": ["召开推进会"]}),
            ],
            Q3: [
                _sub(
                    "hexi",
                    Q3,
                    {
                        "status": "in_progress",
                        "narrative": "八一期间开展走访慰问120人次。",
                        "problems": ["基层服务站专职人员偏少，工作力量不足", "经费紧张"],
                    },
                ),
                _sub("hedong", Q3, {"status": "in_progress"}),
                _sub("nankai", Q3, {"status": "not_started"}),
            ],
        }
    )
    # units in registry order: 河东 before 河西
    assert [(c.unit.id, c.before.value, c.after.value) for c in task.status_changes] == [
        ("hedong", "not_started", "in_progress"),
        ("hexi", "not_started", "in_progress"),
    ]
    # hedong made progress in 2020Q1 already: only hexi's is a first; nankai has none
    assert [u.id for u in task.first_progress] == ["hexi"]
    assert [(c.unit.id, c.now) for c in task.carried] == [
        ("hexi", "基层服务站专职人员偏少，工作力量不足")
    ]
    # the 八一 visits are taken up in the narrative; the ledger and hedong's meeting are not
    assert [(s.unit.id, s.promise, s.silent) for s in task.slipped] == [
        ("hedong", "召开推进会", False),
        ("hexi", "建立退役军人信息台账", False),
    ]


def test_a_unit_silent_on_the_task_slips_every_promise() -> None:
    task = _diff(
        {
            Q2: [_sub("hexi", Q2, {"status": "in_progress", "next_steps": ["召开推进会"]})],
            Q3: [],
        }
    )
    assert [(s.unit.id, s.silent) for s in task.slipped] == [("hexi", True)]
    assert not task.status_changes and not task.first_progress


texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@given(texts, texts, texts)
def test_text_comparison_properties(a: str, b: str, extra: str) -> None:
    assert covered(a, a) == 1.0
    assert 0.0 <= covered(a, b) <= 1.0
    assert same_text(a, b) == same_text(b, a)
    # saying more never makes a promise less mentioned
    assert covered(a, b + extra) >= covered(a, b)
    # punctuation and spaces do not matter
    assert covered(a, f" {b}。") == covered(a, b)


def test_diff_command_on_the_samples(runner: CliRunner, tmp_path: Path) -> None:
    root = ["--root", str(REPO), "--today", "2021-06-30"]
    code, output = invoke(runner, "diff", "2020Q2", "2020Q3", *root)
    assert code == 0
    assert output.startswith("# “思想政治工作年”活动2020年第三季度与2020年第二季度对比\n")
    assert "20处任务状态变化，17个单位首次报送任务进展，7个问题再次提出" in output
    again = "- 问题再次提出：基层服务站专职人员偏少，工作力量明显不足（和平区退役军人事务局）"
    assert again in output
    code, output = invoke(runner, "diff", "2020Q2", "2020Q3", "-f", "json", *root)
    data = json.loads(output)
    assert (data["earlier"], data["later"]) == ("2020Q2", "2020Q3")
    assert sum(len(t["status_changes"]) for t in data["tasks"]) == 20
    code, output = invoke(runner, "diff", "2020Q3", "2020Q2", *root)
    assert code == 2 and "不早于" in output
    out = tmp_path / "对比.docx"
    code, output = invoke(runner, "diff", "2020Q3", "2020Q4", "-o", str(out), *root)
    assert code == 0 and out.read_bytes().startswith(b"PK")


def test_the_report_shows_changes_but_not_for_the_first_quarter(
    runner: CliRunner, tmp_path: Path
) -> None:
    for quarter, expected in (("2020Q1", False), ("2020Q3", True)):
        out = tmp_path / f"{quarter}.md"
        args = ["--root", str(REPO), "-f", "md", "-o", str(out), "--today", "2021-06-30"]
        code, _ = invoke(runner, "report", quarter, *args)
        assert code == 0
        text = out.read_text("utf-8")
        assert ("## 六、与上季度相比的变化" in text) is expected
        if expected:
            assert "2020年第三季度与2020年第二季度相比：" in text
            assert "zzgzn diff 2020Q2 2020Q3" in text  # the task-by-task detail is a command away
