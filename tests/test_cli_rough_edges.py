"""Rough edges of the command line: -q is --quiet everywhere, -o - is the screen where there
is one text to show (and refused clearly where there are several files), a too-large file's hint
fits the kind of file it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from .conftest import invoke


def test_cases_dash_q_is_quiet_and_the_quarter_is_spelt_out(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    root = ("--root", str(repo))
    target = tmp_path / "cases.md"
    code, output = invoke(runner, "cases", "--quarter", "Q2", "-o", str(target), *root)
    assert code == 0 and output.startswith("已生成") and target.exists()
    code, output = invoke(runner, "cases", "--quarter", "Q2", "-q", "-o", str(target), *root)
    assert code == 0 and output == ""
    code, output = invoke(runner, "cases", "-q", "Q2", *root)  # -q takes no value any more
    assert code == 2 and "Q2" in output


def test_dash_o_dash_is_standard_output_for_one_text(
    runner: CliRunner, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = ("--root", str(repo))
    monkeypatch.chdir(tmp_path)  # a file called "-" would land here
    shown = invoke(runner, "cases", "--quarter", "Q2", *root)
    assert invoke(runner, "cases", "--quarter", "Q2", "-o", "-", *root) == shown
    code, listed = invoke(runner, "cases", "--quarter", "Q2", "-f", "json", "-o", "-", *root)
    assert code == 0 and json.loads(listed)
    diff = invoke(runner, "diff", "Q2", "Q3", *root)
    assert diff[0] == 0 and invoke(runner, "diff", "Q2", "Q3", "-o", "-", *root) == diff
    assert not (tmp_path / "-").exists() and not (repo / "-").exists()


def test_dash_o_dash_is_refused_where_several_files_are_written(
    runner: CliRunner, repo: Path
) -> None:
    for command in (["report", "Q2"], ["summary"]):
        code, output = invoke(runner, *command, "-o", "-", "--root", str(repo))
        assert code == 2
        assert output.startswith("错误：-o - 表示显示在屏幕上（标准输出）"), output
        assert f"zzgzn {command[0]} 一次生成多个文件" in output
    assert not (repo / "-").exists() and not (repo / "-.md").exists()
    code, output = invoke(runner, "--lang", "en", "report", "Q2", "-o", "-", "--root", str(repo))
    assert code == 2 and "error: -o - means the screen (standard output)" in output


def test_a_too_large_file_gets_the_hint_for_its_kind(runner: CliRunner, repo: Path) -> None:
    padding = "# " + "x" * 1_100_000 + "\n"
    plan = repo / "plan" / "units.yaml"
    plan.write_text(plan.read_text("utf-8") + padding, "utf-8")
    code, output = invoke(runner, "validate", "--root", str(repo))
    assert code == 1 and "plan/units.yaml: 错误 [file-too-large]" in output
    assert "方案文件不应这么大" in output and "报送不应这么大" not in output

    plan.write_text(plan.read_text("utf-8").replace(padding, ""), "utf-8")
    hexi = repo / "submissions" / "2020Q2" / "hexi.yaml"
    hexi.write_text(hexi.read_text("utf-8") + padding, "utf-8")
    code, output = invoke(runner, "validate", "--root", str(repo))
    assert code == 1 and "submissions/2020Q2/hexi.yaml: 错误 [file-too-large]" in output
    assert "一个单位一次的报送不应这么大" in output and "方案文件" not in output
