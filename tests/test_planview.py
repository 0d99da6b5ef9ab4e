"""`zzgzn plan --format json`: the plan as plain data for scripts."""

from __future__ import annotations

import json

from tests.conftest import REPO
from zzgzn.checking.planload import load_plan
from zzgzn.workflow.planview import plan_as_dict, unit_roles

PLAN = load_plan(REPO).plan
assert PLAN is not None


def test_the_plan_as_data_is_json_and_complete() -> None:
    data = json.loads(json.dumps(plan_as_dict(PLAN), ensure_ascii=False))
    assert len(data["tasks"]) == 23 and len(data["sections"]) == 5
    first = data["tasks"][0]
    assert first["id"] == "1.1" and first["lead"] == PLAN.units[first["unit_ids"][0]].name
    assert all("metrics" in t for t in data["tasks"])
    assert data["reporting"]["due_working_days"] == 5
    assert data["reporting"]["reporters"] == [u.id for u in PLAN.reporters]


def test_roles_name_the_lead_first() -> None:
    lead, co_units = unit_roles(PLAN, "1.2")
    assert lead == PLAN.units[PLAN.tasks["1.2"].units[0]].name
    assert co_units == [PLAN.units[u].name for u in PLAN.tasks["1.2"].units[1:]]
