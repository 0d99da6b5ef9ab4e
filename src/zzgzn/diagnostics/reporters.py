"""Diagnostics as text for people, JSON for programs and annotations for GitHub.

Each reporter is a pure function from problems to a string; REPORTERS maps --format names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence

from zzgzn.diagnostics.problems import Problem

Reporter = Callable[[Sequence[Problem], str], str]

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


# what a terminal would act on instead of showing: C0/C1 controls (escape sequences, carriage
# return, new lines) and the bidirectional overrides that make a file name read falsely
_INVISIBLE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(value: str, keep: str = "") -> str:
    """value with each control character (but those in keep) written out (\\x1b, \\r,
    \\u202e): a file name or a value from a submission is shown to people, never obeyed by
    their terminal or GitHub's log."""
    return _INVISIBLE.sub(
        lambda m: (
            m.group() if m.group() in keep else m.group().encode("unicode_escape").decode("ascii")
        ),
        value,
    )


def _where(p: Problem) -> str:
    return p.path if p.line == 0 else f"{p.path}:{p.line}:{p.column}"


def text(problems: Sequence[Problem], lang: str) -> str:
    lines = []
    for p in problems:
        severity = p.severity.value if lang == "en" else _SEVERITY_ZH[p.severity.value]
        lines.append(visible(f"{_where(p)}: {severity} [{p.code}] {p.message(lang)}"))
        if hint := p.hint(lang):
            lines.append(f"    {'hint' if lang == 'en' else '提示'}: {visible(hint)}")
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
        props = [f"file={_escape_property(visible(p.path))}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.column}"]
        props.append(f"title={_escape_property(p.code)}")
        body = p.message(lang) + (f" — {hint}" if (hint := p.hint(lang)) else "")
        body = visible(body, keep="\n")  # the log shows colours: no sequence from a file
        lines.append(f"::{command[p.severity.value]} {','.join(props)}::{_escape_data(body)}")
    return "\n".join(lines)


REPORTERS: dict[str, Reporter] = {"text": text, "json": json_list, "github": github}
