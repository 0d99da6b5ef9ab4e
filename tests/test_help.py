"""`--help` follows the language switch: every command's help, in Chinese (the source, in the
code) and in English (diagnostics/helptext.py), whichever way the language is chosen."""

from __future__ import annotations

import re

import pytest
import typer.main
from typer.testing import CliRunner

from zzgzn.cli import app
from zzgzn.diagnostics.helptext import HELP_EN

from .conftest import invoke

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Chinese the user types or reads as it is, quoted in the English help on purpose.
TYPED = ("2020年第二季度", "待核对", "一、（一）1.", "责任单位：")


def _commands() -> list[str]:
    root = typer.main.get_command(app)
    return sorted(getattr(root, "commands", {}))


def _has_own_lang(command: str) -> bool:
    root = typer.main.get_command(app)
    params = getattr(root, "commands", {})[command].params
    return any("--lang" in p.opts for p in params)


def _texts() -> set[str]:
    """Every help text, panel title and metavar the command line carries, in Chinese."""
    found: set[str] = set()
    root = typer.main.get_command(app)
    for command in (root, *getattr(root, "commands", {}).values()):
        for obj in (command, *command.params):
            for name in ("help", "short_help", "rich_help_panel", "metavar"):
                text = getattr(obj, name, None)
                if isinstance(text, str) and CJK.search(text):
                    found.add(text)
    return found


def test_every_help_text_has_its_english_and_every_english_a_help_text() -> None:
    texts = _texts()
    assert len(texts) > 80
    missing = sorted(texts - set(HELP_EN))
    assert not missing, f"add the English of these help texts to diagnostics/helptext.py: {missing}"
    assert not set(HELP_EN) - texts, "helptext.py translates a help text no command has"


def _english(text: str) -> str:
    for typed in TYPED:
        text = text.replace(typed, "")
    return text


@pytest.mark.parametrize("command", ["", *_commands()])
def test_help_in_both_languages(runner: CliRunner, command: str) -> None:
    args = [command] if command else []
    code, chinese = invoke(runner, *args, "--help")
    assert code == 0 and CJK.search(chinese)
    code, english = invoke(runner, "--lang", "en", *args, "--help")
    assert code == 0 and "Usage: zzgzn" in english
    assert not CJK.search(_english(english)), english
    if command and _has_own_lang(command):  # its own --lang, before or after --help
        assert invoke(runner, command, "--help", "--lang", "en")[1] == english
        assert invoke(runner, command, "--lang=en", "-h")[1] == english


def test_help_follows_the_environment_and_the_locale(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = invoke(runner, "--lang", "en", "report", "--help")[1]
    assert "Consolidate a quarter's submissions" in english
    monkeypatch.setenv("ZZGZN_LANG", "en")
    assert invoke(runner, "report", "--help")[1] == english
    assert "汇总一个季度的报送" in invoke(runner, "--lang", "zh", "report", "--help")[1]
    monkeypatch.delenv("ZZGZN_LANG")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    assert invoke(runner, "report", "--help")[1] == english
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "汇总一个季度的报送" in invoke(runner, "report", "--help")[1]


def test_the_commands_panels_and_metavars_are_translated(runner: CliRunner) -> None:
    _, english = invoke(runner, "--lang", "en", "--help")
    assert "Reports and summaries" in english and "For the units" in english
    assert "报告与汇总" in invoke(runner, "--help")[1]
    _, new = invoke(runner, "--lang", "en", "new", "--help")
    assert "QUARTER-OR-DOCUMENT" in new
    assert "季度或材料" in invoke(runner, "new", "--help")[1]  # Chinese again in the same process
