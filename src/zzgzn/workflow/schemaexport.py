"""JSON Schemas for editors: VS Code (YAML extension) completes and checks as the liaison types.

Generated from the pydantic models, then narrowed by the plan: `unit` and `task` become the
registry's ids and the plan's task numbers, so an editor offers exactly the valid values.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from zzgzn.calendar.periods import Period, campaign_periods
from zzgzn.models.editorial import Editorial
from zzgzn.models.filing import Filing
from zzgzn.models.plan import (
    Cadence,
    CalendarOverrides,
    FrozenRecord,
    Meta,
    Obligations,
    Plan,
    Registry,
    Schedule,
    Scoring,
    Section,
)
from zzgzn.models.submission import STATUS_LABELS, Submission

SCHEMA_DIR = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
MODELS: dict[str, type[BaseModel]] = {
    "submission": Submission,
    "plan": Meta,
    "units": Registry,
    "schedule": Schedule,
    "calendar": CalendarOverrides,
    "section": Section,
    "scoring": Scoring,
    "obligations": Obligations,
    "frozen": FrozenRecord,
    "filing": Filing,
    "editorial": Editorial,
}


def schemas(plan: Plan) -> dict[str, dict[str, Any]]:
    """File name → schema, for every kind of file zzgzn reads."""
    result = {}
    for name, model in MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = DIALECT
        schema["title"] = f"zzgzn {name}"
        if name == "submission":
            _narrow_submission(schema, plan)
        if name == "filing":
            _narrow_units(schema, plan)
            schema["properties"]["kind"] = {"enum": list(plan.document_kinds)}
        if plan.cadence is not Cadence.QUARTERLY:
            if name == "editorial":
                _rename_period(schema, plan)
            schema = _reworded(schema, campaign_periods(plan)[0])
        result[f"{name}.schema.json"] = schema
    return result


def _reworded(node: Any, period: Period) -> Any:
    """The models' descriptions speak of quarters (本季度 …): in a campaign of other periods
    an editor shows them in its words (本月, 下月 …)."""
    if isinstance(node, dict):
        return {k: _reworded(v, period) for k, v in node.items()}
    if isinstance(node, list):
        return [_reworded(v, period) for v in node]
    if isinstance(node, str):
        words = [
            ("本季度", period.this),
            ("下季度", period.coming),
            ("上季度", period.last),
            ("每季度", period.each),
            ("季度", period.word),
        ]
        for old, new in words:
            node = node.replace(old, new)
    return node


def _rename_period(schema: dict[str, Any], plan: Plan) -> None:
    """quarter → period, in the plan's canonical spelling, for a file of another cadence."""
    schema["properties"] = {
        ("period" if k == "quarter" else k): v for k, v in schema["properties"].items()
    }
    schema["required"] = ["period" if k == "quarter" else k for k in schema.get("required", [])]
    example = campaign_periods(plan)[0]
    schema["properties"]["period"] = {
        "type": ["string", "integer"] if plan.cadence is Cadence.YEARLY else "string",
        "pattern": _PATTERNS[plan.cadence],
        "description": f"报送期，如 {example}（{example.label}），与所在文件夹一致",
    }


def _narrow_units(schema: dict[str, Any], plan: Plan) -> None:
    units = list(plan.units)
    schema["properties"]["unit"] = {
        "enum": units,
        "description": "单位代码：" + "、".join(f"{u}={plan.units[u].name}" for u in units),
    }
    schema["properties"]["plan_version"]["default"] = plan.meta.version


_PATTERNS = {
    Cadence.MONTHLY: r"^\d{4}-(0[1-9]|1[0-2])$",
    Cadence.HALF_YEARLY: r"^\d{4}H[12]$",
    Cadence.YEARLY: r"^\d{4}$",
}


def _narrow_submission(schema: dict[str, Any], plan: Plan) -> None:
    _narrow_units(schema, plan)
    if plan.cadence is Cadence.QUARTERLY:
        schema["properties"]["quarter"]["pattern"] = r"^\d{4}Q[1-4]$"
    else:  # the key of other cadences: period, in its canonical spelling
        _rename_period(schema, plan)
    defs = schema.get("$defs", {})
    task_report = defs["TaskReport"]
    task_report["properties"]["task"] = {
        "enum": list(plan.tasks),
        "description": "任务编号：" + "；".join(f"{t.id} {t.title}" for t in plan.tasks.values()),
    }
    status = defs["Status"]
    status["enum"] = [s.value for s in STATUS_LABELS] + list(STATUS_LABELS.values())
    status["description"] = "；".join(f"{s.value} = {label}" for s, label in STATUS_LABELS.items())


def render(plan: Plan) -> dict[str, str]:
    return {
        name: json.dumps(s, ensure_ascii=False, indent=2) + "\n"
        for name, s in schemas(plan).items()
    }


def stale(plan: Plan, folder: Path) -> list[str]:
    """The schema files that are missing or differ from what the plan generates."""
    return [
        name
        for name, text in render(plan).items()
        if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text
    ]
