"""Diagnostics as text for people, JSON for programs and annotations for GitHub.

Each reporter is a pure function from problems to a string; REPORTERS maps --format names.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from zzgzn.diagnostics.problems import Problem

Reporter = Callable[[Sequence[Problem], str], str]

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def _where(p: Problem) -> str:
    return p.path if p.line == 0 else f"{p.path}:{p.line}:{p.column}"


def text(problems: Sequence[Problem], lang: str) -> str:
    lines = []
    for p in problems:
        severity = p.severity.value if lang == "en" else _SEVERITY_ZH[p.severity.value]
        lines.append(f"{_where(p)}: {severity} [{p.code}] {p.message(lang)}")
        if hint := p.hint(lang):
            lines.append(f"    {'hint' if lang == 'en' else '提示'}: {hint}")
    return "\n".join(lines)


def as_dicts(problems: Sequence[Problem], lang: str) -> list[dict[str, object]]:
    return [
        {
            "path": p.path,
            "line": p.line,
            "column": p.column,
            "code": p.code,
            "severity": p.severity.value,
            "message": p.message(lang),
            "hint": p.hint(lang),
        }
        for p in problems
    ]


def json_list(problems: Sequence[Problem], lang: str) -> str:
    return json.dumps(as_dicts(problems, lang), ensure_ascii=False, indent=2)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(problems: Sequence[Problem], lang: str) -> str:
    """Workflow commands: GitHub shows each as an annotation on the file's line."""
    command = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for p in problems:
        props = [f"file={_escape_property(p.path)}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.column}"]
        props.append(f"title={_escape_property(p.code)}")
        body = p.message(lang) + (f" — {hint}" if (hint := p.hint(lang)) else "")
        lines.append(f"::{command[p.severity.value]} {','.join(props)}::{_escape_data(body)}")
    return "\n".join(lines)


REPORTERS: dict[str, Reporter] = {"text": text, "json": json_list, "github": github}
