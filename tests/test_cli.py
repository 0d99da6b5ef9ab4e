"""The command line as people and CI use it: outputs, formats and exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzgzn import __version__
from zzgzn.cli import app, default_lang

from .conftest import REPO, edit, invoke


def test_version(runner: CliRunner) -> None:
    assert invoke(runner, "--version") == (0, f"zzgzn {__version__}\n")


def test_every_command_has_help(runner: CliRunner) -> None:
    names = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
    assert {"validate", "plan", "report", "deadlines", "templates"} <= set(names)
    for command in app.registered_commands:
        assert command.callback is not None and (command.callback.__doc__ or "").strip()
        name = command.name or command.callback.__name__.replace("_", "-")
        code, output = invoke(runner, name, "--help")
        assert code == 0 and "Usage" in output


def test_shipped_repository_is_valid(runner: CliRunner) -> None:
    code, output = invoke(runner, "validate", "--root", str(REPO))
    assert code == 0, output
    # one deliberate warning: a sample submission that no head of unit has approved yet
    assert "检查了 191 个报送文件：0 个错误，3 个警告" in output
    assert "submissions/2020Q2/hongqiao.yaml:3:1: 警告 [no-approver]" in output
    # the samples' figure in 人次 where the plan declares 户, and a near-variant metric name
    assert "submissions/2020Q2/baodi.yaml:36:15: 警告 [metric-unit]" in output
    assert "submissions/2020Q2/xiqing.yaml:35:15: 警告 [metric-name]" in output


def test_text_output_names_file_line_column_and_hint(runner: CliRunner, repo: Path) -> None:
    path = repo / "submissions" / "2020Q2" / "hexi.yaml"
    edit(path, "status: in_progress", "staus: in_progress", 1)
    code, output = invoke(runner, "validate", "--root", str(repo))
    assert code == 1
    assert (
        "submissions/2020Q2/hexi.yaml:13:5: 错误 [unknown-key] 任务 1.2：未知字段“staus”，"
        "是不是想写“status”？"
    ) in output
    assert "提示: 可用字段：task, status" in output
    code, output = invoke(runner, "validate", "--root", str(repo), "--lang", "en")
    assert 'error [unknown-key] task 1.2: unknown key "staus"; did you mean "status"?' in output


def test_github_annotations(runner: CliRunner, repo: Path) -> None:
    path = repo / "submissions" / "2020Q2" / "hexi.yaml"
    edit(path, "2020-07-01", "2020/7/1")
    code, output = invoke(runner, "validate", "--root", str(repo), "--format", "github")
    assert code == 1
    assert (
        "::error file=submissions/2020Q2/hexi.yaml,line=6,col=15,title=date-format::日期“2020/7/1”"
        in output
    )


def test_json_is_a_list_of_diagnostics(runner: CliRunner, repo: Path) -> None:
    code, output = invoke(runner, "validate", "--root", str(repo), "--format", "json")
    assert code == 0
    assert [(p["path"], p["code"]) for p in json.loads(output)] == [
        ("submissions/2020Q2/baodi.yaml", "metric-unit"),
        ("submissions/2020Q2/hongqiao.yaml", "no-approver"),
        ("submissions/2020Q2/xiqing.yaml", "metric-name"),
    ]


def test_validate_only_the_paths_given(runner: CliRunner, repo: Path) -> None:
    bad = repo / "submissions" / "2020Q1" / "hexi.yaml"
    bad.write_text("unit: [\n", "utf-8")
    good = repo / "submissions" / "2020Q2"
    assert invoke(runner, "validate", "--root", str(repo), str(good))[0] == 0
    assert invoke(runner, "validate", "--root", str(repo), str(bad))[0] == 1


def test_validate_a_file_that_does_not_exist_says_so(runner: CliRunner, repo: Path) -> None:
    missing = repo / "submissions" / "2020Q2" / "nonexistent.yaml"
    code, output = invoke(runner, "validate", "--root", str(repo), str(missing))
    assert code == 1
    assert "submissions/2020Q2/nonexistent.yaml: 错误 [no-such-file] 文件不存在" in output
    assert "path-escape" not in output and "符号链接" not in output


def test_broken_plan_is_reported_with_positions(runner: CliRunner, repo: Path) -> None:
    section = repo / "plan" / "sections" / "2.yaml"
    edit(section, "      - zizhu-zeyeban", "      - zizhu", 1)
    code, output = invoke(runner, "validate", "--root", str(repo))
    assert code == 1
    assert (
        "plan/sections/2.yaml:" in output
        and "[unknown-unit]" in output
        and "zizhu-zeyeban" in output
    )


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert invoke(runner, "validate", "--format", "xml")[0] == 2
    assert invoke(runner, "validate", "--today", "someday")[0] == 2


def test_plan_tree_and_json(runner: CliRunner) -> None:
    code, output = invoke(runner, "plan", "--root", str(REPO))
    assert code == 0
    assert "2.5 发挥红色资源教育作用" in output
    assert "牵头：褒扬纪念处；配合：思想政治和权益维护处" in output
    code, output = invoke(runner, "plan", "--root", str(REPO), "--format", "json")
    data = json.loads(output)
    task = next(t for t in data["tasks"] if t["id"] == "1.4")
    assert task["units"] == [
        "办公室",
        "规划财务处",
        "思想政治和权益维护处",
        "市退役军人服务中心",
        "市关爱退役军人协会",
    ]
    assert task["section"] == 1 and task["title"] == "重视舆论引导"
    assert {u["kind"] for u in data["units"]} == {
        "department",
        "affiliated",
        "association",
        "district",
    }
    assert [p["name"] for p in data["phases"]] == ["动员部署", "组织实施", "评估总结"]
    assert data["reporting"]["due_working_days"] == 5 and len(data["reporting"]["reporters"]) == 29


def test_deadlines_json(runner: CliRunner) -> None:
    code, output = invoke(runner, "deadlines", "--root", str(REPO), "--format", "json")
    assert code == 0
    assert json.loads(output)[2] == {"quarter": "2020Q3", "end": "2020-09-30", "due": "2020-10-14"}


def test_unexpected_error_is_exit_3_with_a_bug_hint(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("zzgzn.checking.validate.validate_repository", boom)
    code, output = invoke(runner, "validate", "--root", str(REPO))
    assert code == 3 and "内部错误" in output


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"ZZGZN_LANG": "en"}, "en"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({}, "zh"),
        ({"ZZGZN_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),
    ],
)
def test_language_from_environment(
    env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("ZZGZN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert default_lang().value == expected


def test_typer_is_confined_to_the_cli() -> None:
    src = Path(__file__).resolve().parents[1] / "src" / "zzgzn"
    for path in src.rglob("*.py"):
        if path.parent.name != "cli":
            text = path.read_text("utf-8")
            assert (
                "import typer" not in text
                and "from rich" not in text
                and not re.search(r"(?<![\w.])print\(", text)
            ), path
