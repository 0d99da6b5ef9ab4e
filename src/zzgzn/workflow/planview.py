"""The plan as plain data for `zzgzn plan --format json` and for people reading it."""

from __future__ import annotations

from typing import Any

from zzgzn.models.plan import Plan


def plan_as_dict(plan: Plan) -> dict[str, Any]:
    rule = plan.schedule.reporting
    return {
        "id": plan.meta.id,
        "title": plan.meta.title,
        "version": plan.meta.version,
        "schema_version": plan.meta.schema_version,
        "issuer": plan.meta.issuer,
        "activity": {"start": plan.activity[0].isoformat(), "end": plan.activity[1].isoformat()},
        "sections": [
            {
                "number": s.number,
                "marker": s.marker,
                "title": s.title,
                "tasks": [t.id for t in s.tasks],
            }
            for s in plan.sections
        ],
        "tasks": [
            {
                "id": task.id,
                "section": section.number,
                "title": task.title,
                "units": [plan.units[u].name for u in task.units],
                "unit_ids": list(task.units),
                "lead": plan.units[task.lead].name,
                "deliverables": [d.model_dump(mode="json") for d in task.deliverables],
                "checklists": [c.model_dump(mode="json") for c in task.checklists],
                "events": [e.model_dump(mode="json") for e in task.events],
                "metrics": [m.model_dump(mode="json") for m in task.metrics],
            }
            for section in plan.sections
            for task in section.tasks
        ],
        "units": [
            {"id": u.id, "name": u.name, "kind": u.kind.value, "kind_label": u.kind.label}
            for u in plan.registry.units
        ],
        "phases": [
            {"id": p.id, "name": p.name, "start": p.start.isoformat(), "end": p.end.isoformat()}
            for p in plan.schedule.phases
        ],
        "reporting": {
            "cadence": rule.cadence,
            "due_working_days": rule.due_working_days,
            "recipient": rule.recipient,
            "recipient_name": plan.units[rule.recipient].name,
            "reporters": [u.id for u in plan.reporters],
        },
    }


def unit_roles(plan: Plan, task_id: str) -> tuple[str, list[str]]:
    """The lead unit's name and the co-units' names of a task."""
    task = plan.tasks[task_id]
    names = [plan.units[u].name for u in task.units]
    return names[0], names[1:]
