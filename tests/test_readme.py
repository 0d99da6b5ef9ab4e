"""The README tells the truth: its example validates and its tables match the program."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from typer.testing import CliRunner

from zzgzn.cli import app

from .conftest import REPO, copy_campaign

README = (REPO / "README.md").read_text("utf-8")


def test_common_mistakes_table_matches_the_corpus() -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    import common_mistakes

    assert common_mistakes.replaced(README, common_mistakes.table()) == README, (
        "README's common mistakes are stale: python scripts/common_mistakes.py --write"
    )


def test_quick_start_has_exactly_two_commands() -> None:
    quick = README[
        README.index("## 快速开始") : README.index("\n## ", README.index("## 快速开始") + 1)
    ]
    commands = re.findall(r"```bash\n(?:#.*\n)*(.+)\n```", quick)
    assert len(commands) == 2
    assert "zzgzn report Q2" in commands[0] and commands[0].endswith("zzgzn summary")
    assert commands[1].endswith("pytest")
    assert commands[1] in (REPO / ".ci" / "run").read_text("utf-8")
    # the first command installs what report and summary need; CI installs no fonts by apt,
    # so a green CI proves the charts on a fresh machine
    assert "pip install -q '.[office]'" in commands[0]
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    installs = re.findall(r"apt-get install[^\n]*", ci)
    assert not [line for line in installs if "font" in line], installs


def test_the_complete_example_validates(tmp_path: Path) -> None:
    example = README[README.index("## 报送文件格式") :]
    text = re.search(r"```yaml\n(.*?)```", example, re.S)
    assert text is not None
    copy_campaign(tmp_path, submissions=False)
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    target = tmp_path / "submissions" / "2020Q2" / "hexi.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(text.group(1), "utf-8")
    result = CliRunner().invoke(app, ["validate", "--root", str(tmp_path), "--today", "2020-07-10"])
    assert result.exit_code == 0, result.output
    assert "0 个错误，0 个警告" in result.output


def test_quick_start_output_is_what_the_commands_print(tmp_path: Path) -> None:
    """The output shown under command 1 is what report Q2 and summary print on the samples."""
    block = README[README.index("终端显示：") :]
    shown = re.search(r"```\n(.*?)```", block, re.S)
    assert shown is not None
    root = copy_campaign(tmp_path, frozen=True)
    printed = ""
    runner = CliRunner()
    cwd = os.getcwd()
    os.chdir(root)  # the README runs at the repository's root: paths print as reports/...
    try:
        for args in (["report", "Q2"], ["summary"]):
            result = runner.invoke(app, args)
            assert result.exit_code == 0, result.output
            printed += result.output
    finally:
        os.chdir(cwd)
    assert printed == shown.group(1)
