"""JSON Schemas for editors: VS Code (YAML extension) completes and checks as the liaison types.

Generated from the pydantic models, then narrowed by the plan: `unit` and `task` become the
registry's ids and the plan's task numbers, so an editor offers exactly the valid values.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from zzgzn.models.editorial import Editorial
from zzgzn.models.filing import Filing
from zzgzn.models.plan import (
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
        result[f"{name}.schema.json"] = schema
    return result


def _narrow_units(schema: dict[str, Any], plan: Plan) -> None:
    units = list(plan.units)
    schema["properties"]["unit"] = {
        "enum": units,
        "description": "单位代码：" + "、".join(f"{u}={plan.units[u].name}" for u in units),
    }
    schema["properties"]["plan_version"]["default"] = plan.meta.version


def _narrow_submission(schema: dict[str, Any], plan: Plan) -> None:
    _narrow_units(schema, plan)
    schema["properties"]["quarter"]["pattern"] = r"^\d{4}Q[1-4]$"
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
