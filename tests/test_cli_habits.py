"""Habits of good command-line tools: the root found from any subfolder, -h, -q, --format
auto, a closed pipe ends quietly, shell completion, a progress bar only on a terminal."""

from __future__ import annotations

import fcntl
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from zzgzn.cli import app
from zzgzn.cli import base as cli_base

from .conftest import copy_campaign, invoke


def test_every_command_works_from_a_subfolder(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "submissions" / "2020Q2")
    code, output = invoke(runner, "validate", "hexi.yaml")
    assert code == 0, output
    assert "检查了 1 个报送文件：0 个错误，0 个警告" in output
    code, output = invoke(runner, "status", "Q2", "-f", "json")
    assert code == 0 and len(json.loads(output)["units"]) == 29
    code, output = invoke(runner, "new", "Q3", "--unit", "jizhou")
    assert code == 0, output
    assert "已生成 ../../submissions/2020Q3/jizhou.yaml" in output  # as typed from here
    assert (repo / "submissions" / "2020Q3" / "jizhou.yaml").is_file()
    code, output = invoke(runner, "report", "Q2", "-f", "md", "-q")
    assert code == 0 and output == ""
    assert (repo / "reports" / "2020Q2进展情况报告.md").is_file()  # at the root, not here


def test_outside_any_campaign_one_clear_line(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (["validate"], ["status"], ["report", "Q2"]):
        code, output = invoke(runner, *args)
        assert code == 2
        lines = output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("错误："), output
        assert "没有 plan/" in lines[0] and "--root" in lines[0]


def test_dash_h_is_help(runner: CliRunner) -> None:
    for args in ([], ["validate"], ["report"]):
        short = runner.invoke(app, [*args, "-h"])
        long = runner.invoke(app, [*args, "--help"])
        assert short.exit_code == long.exit_code == 0
        assert short.output == long.output and "--help" in short.output


def test_quiet_prints_only_problems(runner: CliRunner, repo: Path) -> None:
    code, output = invoke(runner, "validate", "--root", str(repo), "-q")
    assert code == 0
    assert "[no-approver]" in output and "检查了" not in output
    code, output = invoke(runner, "summary", "--root", str(repo), "-f", "md", "--quiet")
    assert (code, output) == (0, "")


def test_format_auto_is_github_under_github_actions(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, output = invoke(runner, "validate", "--root", str(repo))
    assert code == 0
    assert output.startswith("::warning file=submissions/2020Q2/baodi.yaml,")
    assert "::warning file=submissions/2020Q2/hongqiao.yaml," in output
    monkeypatch.delenv("GITHUB_ACTIONS")
    code, output = invoke(runner, "validate", "--root", str(repo))
    assert output.startswith("submissions/2020Q2/baodi.yaml:36:15: 警告 [metric-unit]")


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`zzgzn validate --format json | head -1` on a repository with many findings."""
    root = copy_campaign(tmp_path / "repo")
    for path in (root / "submissions").glob("20*/*.yaml"):
        text = path.read_text("utf-8")
        path.write_text(text.replace("approved_by:", "# approved_by:"), "utf-8")
    read, write = os.pipe()
    fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, 4096)  # smaller than the output: the writer waits
    env = {**os.environ, "ZZGZN_TODAY": "2021-06-30", "ZZGZN_LANG": "zh"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "zzgzn", "validate", "--format", "json", "--root", str(root)],
        stdout=write,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(write)
    with os.fdopen(read, "rb") as reader:
        assert reader.readline() == b"[\n"  # head -1, then the reader goes away
    _, errors = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert errors == b"", errors.decode("utf-8", "replace")


def _complete(args: list[str], incomplete: str) -> list[str]:
    """What bash completion offers for the next word (the protocol the installed script uses)."""
    words = " ".join(["zzgzn", *args, incomplete])
    env = {
        "_ZZGZN_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(args) + 1),
    }
    result = CliRunner().invoke(app, [], env=env, prog_name="zzgzn")
    assert result.exit_code == 0, result.output
    return result.output.split()


def test_completion_offers_quarters_and_unit_codes(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "submissions")
    assert _complete(["report"], "2020") == ["2020Q1", "2020Q2", "2020Q3", "2020Q4"]
    assert _complete(["diff", "2020Q2"], "2021") == ["2021Q1"]
    assert _complete(["new", "Q3", "--unit"], "he") == ["heping", "hedong", "hexi", "hebei"]
    assert "work-plan" in _complete(["new"], "")
    assert _complete(["cases", "--unit"], "ji") == ["jiuye-chuangye", "jinnan", "jinghai", "jizhou"]


def test_completion_outside_a_campaign_offers_nothing_and_says_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _complete(["report"], "2020") == []


def test_progress_bar_on_a_terminal_only_and_never_with_quiet(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = io.StringIO()
    monkeypatch.setattr(cli_base, "err", Console(file=screen, force_terminal=True, width=100))
    monkeypatch.setattr(cli_base, "PROGRESS_FROM", 10)  # the shipped 191 files are few
    code, _ = invoke(runner, "validate", "--root", str(repo), "--no-cache", "-j", "1")
    assert code == 0
    assert "检查报送文件" in screen.getvalue() and "191/191" in screen.getvalue()

    screen.seek(0), screen.truncate()
    invoke(runner, "validate", "--root", str(repo), "--no-cache", "-q")
    assert screen.getvalue() == ""

    monkeypatch.setattr(cli_base, "err", Console(file=screen, force_terminal=False))
    invoke(runner, "validate", "--root", str(repo), "--no-cache")
    assert "检查报送文件" not in screen.getvalue()


def test_json_on_every_command_that_prints_data(runner: CliRunner, repo: Path) -> None:
    root = ("--root", str(repo))
    code, output = invoke(runner, "remind", "Q2", "-f", "json", *root, "--today", "2020-07-10")
    chase = json.loads(output)
    assert code == 0 and [u["unit"] for u in chase["missing"]] == ["rongfu-liaoyangyuan", "jinghai"]
    assert chase["missing"][0]["phone"] == "000-0000-0012"
    assert [u["unit"] for u in chase["late"]] == ["guanai-xiehui", "baodi", "ninghe"]

    code, output = invoke(runner, "cases", "--unit", "hexi", "-f", "json", *root)
    cases = json.loads(output)
    assert code == 0 and cases and {c["unit"] for c in cases} == {"hexi"}
    assert {"quarter", "task", "title", "summary", "source"} <= set(cases[0])

    bad = repo / "submissions" / "2020Q2" / "hexi.yaml"
    bad.write_text(bad.read_text("utf-8").replace("\n", "\r\n"), "utf-8")
    code, output = invoke(runner, "fix", "--check", "-f", "json", str(bad), *root)
    fixes = json.loads(output)
    assert code == 1 and fixes[0]["path"] == "submissions/2020Q2/hexi.yaml"
    assert fixes[0]["changes"] == ["换行符 CRLF → LF"] and fixes[0]["fixed"] is False
    invoke(runner, "fix", str(bad), *root)

    code, output = invoke(runner, "report", "Q2", "-f", "md", "--output-format", "json", *root)
    done = json.loads(output)
    assert code == 0 and done["counts"] == {
        "on_time": 24,
        "late": 3,
        "invalid": 0,
        "missing": 2,
        "not_due": 0,
    }
    assert done["written"] == [
        str(repo / "reports" / "2020Q2进展情况报告.md"),
        str(repo / "reports" / "2020Q2各单位进展情况汇编.md"),
    ]

    code, output = invoke(runner, "summary", "-f", "md", "--output-format", "json", *root)
    summary = json.loads(output)
    assert code == 0 and summary["quarters"] == ["2020Q1", "2021Q1"]
    assert summary["deliverables"]["total"] == 7
