"""Findings on a workbook as text for people and JSON for programs: sheet and cell, not line."""

from __future__ import annotations

import json
from collections.abc import Sequence

from zzgzn.intake.importer import Placed

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def where_text(p: Placed, workbook: str, lang: str) -> str:
    if p.where is None:
        return workbook
    sheet = f"sheet “{p.where.sheet}”" if lang == "en" else f"工作表“{p.where.sheet}”"
    return f"{workbook} {sheet}" + (f" {p.where.cell}" if p.where.cell else "")


def text(findings: Sequence[Placed], workbook: str, lang: str) -> str:
    lines = []
    for p in findings:
        sev = p.problem.severity.value
        severity = sev if lang == "en" else _SEVERITY_ZH[sev]
        code = p.problem.code
        lines.append(
            f"{where_text(p, workbook, lang)}: {severity} [{code}] {p.problem.message(lang)}"
        )
        if hint := p.problem.hint(lang):
            lines.append(f"    {'hint' if lang == 'en' else '提示'}: {hint}")
    return "\n".join(lines)


def json_list(findings: Sequence[Placed], workbook: str, lang: str) -> str:
    return json.dumps(
        [
            {
                "path": workbook,
                "sheet": p.where.sheet if p.where else "",
                "cell": p.where.cell if p.where else "",
                "code": p.problem.code,
                "severity": p.problem.severity.value,
                "message": p.problem.message(lang),
                "hint": p.problem.hint(lang),
            }
            for p in findings
        ],
        ensure_ascii=False,
        indent=2,
    )
