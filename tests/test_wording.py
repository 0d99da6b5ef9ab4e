"""All wording is in the catalogue: every code the core raises and every key the CLI says has
its Chinese and English text, with the same placeholders in both."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzgzn.diagnostics.messages import CATALOG
from zzgzn.diagnostics.ui import UI, say
from zzgzn.errors import ZzgznError

from .conftest import invoke

SRC = Path(__file__).resolve().parents[1] / "src" / "zzgzn"
RAISED = {"ZzgznError", "UsageError", "CalendarError", "MissingExtra"}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _used_keys() -> set[str]:
    """First string arguments of ZzgznError(...) and its kinds, and of the CLI's t(...)."""
    keys: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            first = node.args[0]
            if name in RAISED | {"t", "say", "said"} and isinstance(first, ast.Constant):
                if isinstance(first.value, str):
                    keys.add(first.value)
    return keys


def test_every_key_used_is_in_the_catalogue() -> None:
    used = _used_keys()
    assert len(used) > 60  # the scan sees the code: errors, summaries, headers
    assert not used - set(UI), sorted(used - set(UI))


@pytest.mark.parametrize("key", sorted(UI))
def test_both_languages_take_the_same_placeholders(key: str) -> None:
    zh, en = UI[key]
    assert _placeholders(zh) == _placeholders(en), key
    assert zh != en or not zh.strip()


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_diagnostics_take_the_same_placeholders_in_both_languages(code: str) -> None:
    text = CATALOG[code]
    assert _placeholders(text.zh) == _placeholders(text.en), code
    assert _placeholders(text.hint_zh) == _placeholders(text.hint_en), code


def test_a_missing_placeholder_fails_under_tests() -> None:
    with pytest.raises(KeyError, match="count"):
        say("report-excluded", "zh")
    with pytest.raises(KeyError, match="not in the catalogue"):
        say("自由文字", "zh")


def test_a_missing_placeholder_is_blank_for_a_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZZGZN_STRICT_MESSAGES")
    assert say("report-excluded", "zh") == "注意： 个文件未通过校验，已跳过并在报告开头列出："


def test_an_error_carries_a_code_and_the_cli_renders_it() -> None:
    words = {"kind": "季度", "kind@en": "quarter"}  # the campaign's kind of period
    error = ZzgznError("diff-order", earlier="2020Q3", later="2020Q2", **words)
    assert (error.code, error.params) == (
        "diff-order",
        {"earlier": "2020Q3", "later": "2020Q2", **words},
    )
    assert say(error.code, "zh", **error.params) == "先写较早的季度：2020Q3 不早于 2020Q2"
    assert say(error.code, "en", **error.params).startswith("give the earlier quarter first")


def test_one_language_switch_for_everything(runner: CliRunner, repo: Path) -> None:
    """Errors of report, new, diff, cases and templates, table headers and the prefix."""
    root = ("--root", str(repo))
    cases = [
        (["diff", "2020Q3", "2020Q2", *root], "error: give the earlier quarter first"),
        (["new", "Q2", "--unit", "nope", *root], 'error: the unit code "nope" is not in the'),
        (["report", "Q9", *root], 'error: cannot read the quarter "Q9"'),
        (["cases", "--task", "9.9", *root], 'error: the plan has no task "9.9"'),
        (["templates", "--copy", "nope.j2", *root], 'error: no built-in template "nope.j2"'),
    ]
    for args, expected in cases:
        code, output = invoke(runner, "--lang", "en", *args)
        assert code == 2 and output.startswith(expected), output
    code, output = invoke(runner, "--lang", "en", "status", "Q2", *root, "--today", "2020-07-10")
    assert code == 0 and "Submissions (as of 2020-07-10)" in output and "Unit" in output
    assert "not reported" in output and "未报送" not in output
    code, output = invoke(runner, "--lang", "en", "report", "Q2", "-f", "md", *root)
    assert code == 0
    assert output.startswith("2020Q2 (due 2020-07-07): 29 due, 24 on time, 3 late, 2 not reported")
    assert "written " in output and "已生成" not in output


def test_the_language_switch_also_reads_the_environment(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZZGZN_LANG", "en")
    code, output = invoke(runner, "validate", "--root", str(repo))
    assert code == 0 and output.endswith(
        "191 submission file(s) checked: 0 error(s), 3 warning(s)\n"
    )
    monkeypatch.setenv("ZZGZN_LANG", "zh")
    code, output = invoke(runner, "diff", "2020Q3", "2020Q2", "--root", str(repo))
    assert output.startswith("错误：先写较早的季度")


def test_the_documents_wording_is_in_the_catalogue_in_both_languages() -> None:
    """Every w("key") of the templates and doc_say("key") of the code is in docwords.py, with
    the same placeholders in Chinese and English (keys built from parts are listed here)."""
    import re

    from zzgzn.diagnostics.docwords import DOC

    templates = SRC / "templates"
    used = {
        key
        for path in templates.glob("*.j2")
        for key in re.findall(r'\bw\("([a-z0-9-]*[a-z0-9])"', path.read_text("utf-8"))
    }
    used |= {
        key
        for path in SRC.rglob("*.py")
        for key in re.findall(r'doc_say\(\s*"([a-z0-9-]+)"', path.read_text("utf-8"))
    }
    used.discard("key")  # the comments' example
    built = {f"raised-{a}-{b}" for a in ("more", "none") for b in ("problems", "next")}
    built |= {f"chart-level-{n}" for n in range(4)}
    assert len(used) > 100
    assert not (used | built) - set(DOC), sorted((used | built) - set(DOC))
    # English plurals, {count|unit|units}, are placeholders of their count; where the period
    # is named in prose the languages put it differently (本季度 / "this quarter", the period's
    # word), and "1 unit reported" drops the "all" of "均为"
    plural = re.compile(r"\{(\w+)\|[^{}|]*\|[^{}|]*\}")
    differ = {
        "prose-this": ({"this"}, {"word"}),
        "prose-last": ({"last"}, {"word"}),
        "prose-coming": ({"coming"}, {"word"}),
        "report-opening": ({"this"}, set()),
        "report-cases": ({"this"}, set()),
        "report-amendments": ({"this"}, {"quarter", "word"}),
        "report-all-status": (set(), {"count"}),
    }
    for key, (zh, en) in DOC.items():
        chinese = _placeholders(zh)
        english = _placeholders(plural.sub(lambda m: "{" + m.group(1) + "}", en))
        assert (chinese - english, english - chinese) == differ.get(key, (set(), set())), key
