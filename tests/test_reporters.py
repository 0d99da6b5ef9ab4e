"""Reporters are pure functions from problems to text: for people, programs and GitHub."""

from __future__ import annotations

import json

from zzgzn.diagnostics.problems import Severity, problem
from zzgzn.diagnostics.reporters import REPORTERS

PROBLEMS = [
    problem(
        "submissions/2020Q2/hexi.yaml",
        (3, 7),
        "unknown-unit",
        unit="hexx",
        suggestion="",
    ),
    problem("submissions/2020Q2/a,b:c.yaml", (0, 0), "ignored-file", Severity.INFO),
]


def test_text_has_position_code_and_hint_in_the_language_asked() -> None:
    zh = REPORTERS["text"](PROBLEMS, "zh").splitlines()
    assert zh[0].startswith("submissions/2020Q2/hexi.yaml:3:7: 错误 [unknown-unit] ")
    assert zh[1].startswith("    提示: ")
    en = REPORTERS["text"](PROBLEMS, "en")
    assert "submissions/2020Q2/hexi.yaml:3:7: error [unknown-unit] " in en
    # a whole-file finding has no line:column
    assert "submissions/2020Q2/a,b:c.yaml: 提示 [ignored-file]" in REPORTERS["text"](PROBLEMS, "zh")


def test_json_is_a_list_of_records() -> None:
    records = json.loads(REPORTERS["json"](PROBLEMS, "en"))
    assert [(r["path"], r["line"], r["column"], r["code"], r["severity"]) for r in records] == [
        ("submissions/2020Q2/hexi.yaml", 3, 7, "unknown-unit", "error"),
        ("submissions/2020Q2/a,b:c.yaml", 0, 0, "ignored-file", "info"),
    ]
    assert all(r["message"] for r in records)


def test_github_annotations_escape_what_would_end_a_property() -> None:
    lines = REPORTERS["github"](PROBLEMS, "en").splitlines()
    assert lines[0].startswith(
        "::error file=submissions/2020Q2/hexi.yaml,line=3,col=7,title=unknown-unit::"
    )
    # a comma or colon in a file name would otherwise end the property early
    assert lines[1].startswith(
        "::notice file=submissions/2020Q2/a%2Cb%3Ac.yaml,title=ignored-file::"
    )
    assert all("\n" not in line for line in lines)


def test_text_shows_control_characters_instead_of_sending_them_to_the_terminal() -> None:
    # a file name from a unit's pull request can hold terminal escapes (clear the screen,
    # recolour, move the cursor) or a right-to-left override that makes the name read falsely
    hostile = problem(
        "submissions/2020Q2/evil\x1b[2J\x1b[31m\u202egpj.yaml",
        (3, 7),
        "unit-mismatch",
        file_unit="evil\x1b[2J\r",
        unit="hebei",
    )
    for lang in ("zh", "en"):
        shown = REPORTERS["text"]([hostile], lang)
        assert "\x1b" not in shown and "\u202e" not in shown and "\r" not in shown
        assert shown.startswith("submissions/2020Q2/evil\\x1b[2J\\x1b[31m\\u202egpj.yaml:3:7: ")
        assert "evil\\x1b[2J\\r" in shown  # the value quoted in the message, visible too
        assert len(shown.splitlines()) == 2  # still one line of finding and one of hint
