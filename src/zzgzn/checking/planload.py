"""Load plan/ into a Plan, checking each file's schema and the references between files."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from zzgzn.calendar.quarters import Quarter, quarters_between
from zzgzn.checking import modelerrors
from zzgzn.checking.discovery import PLAN_DIR
from zzgzn.diagnostics.problems import Problem, has_errors, problem
from zzgzn.models.plan import (
    DEFAULT_SCORING,
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
from zzgzn.reading import fastload, loader
from zzgzn.reading.loader import Document, Loc

REQUIRED: dict[str, type[BaseModel]] = {
    "plan.yaml": Meta,
    "units.yaml": Registry,
    "schedule.yaml": Schedule,
}
OPTIONAL: dict[str, type[BaseModel]] = {
    "calendar.yaml": CalendarOverrides,
    "scoring.yaml": Scoring,
    "obligations.yaml": Obligations,
    "frozen.yaml": FrozenRecord,
}
SECTIONS_GLOB = "sections/*.yaml"


@dataclass
class PlanLoad:
    """The plan if it could be assembled, and every finding on the way."""

    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.plan is not None and not has_errors(self.problems)


def load_plan(root: Path, *, fast: bool = True) -> PlanLoad:
    """Read <root>/plan/; paths in problems are relative to root, as people see them.

    A national registry holds thousands of units: the plan is first read by the fast reader,
    and read again by the careful one only if anything is wrong, so findings have positions.
    """
    if fast:
        loaded = _load_plan(root, fast=True)
        if not loaded.problems:
            return loaded
    return _load_plan(root, fast=False)


def _read(path: Path, display: str, fast: bool) -> Document:
    if not fast:
        return loader.load_path(path, display)
    raw = loader.read_path(path, display)
    if isinstance(raw, Document):
        return raw
    loaded = fastload.load(raw)
    return Document(display, data=loaded[0]) if loaded else loader.load_bytes(raw, display)


def _load_plan(root: Path, *, fast: bool) -> PlanLoad:
    plan_dir = root / PLAN_DIR
    problems: list[Problem] = []
    docs: dict[str, Document] = {}
    models: dict[str, Any] = {}

    def read(name: str, model: type[BaseModel]) -> None:
        display = f"{PLAN_DIR}/{name}"
        doc = _read(plan_dir / name, display, fast)
        docs[name] = doc
        if doc.data is not None:
            models[name] = modelerrors.validate(doc, model)
        problems.extend(doc.problems)

    for name, model in REQUIRED.items():
        if not (plan_dir / name).is_file():
            problems.append(problem(f"{PLAN_DIR}/{name}", (0, 0), "plan-missing", name=name))
            continue
        read(name, model)
    for name, model in OPTIONAL.items():
        if (plan_dir / name).is_file():
            read(name, model)
    section_files = sorted(plan_dir.glob(SECTIONS_GLOB))
    if not section_files:
        problems.append(
            problem(f"{PLAN_DIR}/{SECTIONS_GLOB}", (0, 0), "plan-missing", name=SECTIONS_GLOB)
        )
    section_docs: list[tuple[Document, Section]] = []
    for path in section_files:
        name = path.relative_to(plan_dir).as_posix()
        read(name, Section)
        if models.get(name) is not None:
            section_docs.append((docs[name], models[name]))

    if any(models.get(name) is None for name in REQUIRED) or not section_docs:
        return PlanLoad(None, problems)
    section_docs.sort(key=lambda pair: pair[1].number)
    plan = Plan(
        meta=models["plan.yaml"],
        registry=models["units.yaml"],
        schedule=models["schedule.yaml"],
        sections=tuple(section for _, section in section_docs),
        calendar=models.get("calendar.yaml") or CalendarOverrides(),
        scoring=models.get("scoring.yaml") or DEFAULT_SCORING,
        obligations=tuple(o.obligations if (o := models.get("obligations.yaml")) else ()),
        frozen=models.get("frozen.yaml") or FrozenRecord(),
    )
    problems.extend(_cross_check(plan, docs["units.yaml"], docs["schedule.yaml"], section_docs))
    if "obligations.yaml" in docs and models.get("obligations.yaml") is not None:
        problems.extend(_check_obligations(plan, docs["obligations.yaml"]))
    if "frozen.yaml" in docs and models.get("frozen.yaml") is not None:
        problems.extend(_check_frozen(plan, docs["frozen.yaml"]))
    return PlanLoad(plan, problems)


def _cross_check(
    plan: Plan,
    units_doc: Document,
    schedule_doc: Document,
    sections: list[tuple[Document, Section]],
) -> list[Problem]:
    found: list[Problem] = []
    unit_ids = [u.id for u in plan.registry.units]
    found += _duplicates(units_doc, [(("units", i, "id"), uid) for i, uid in enumerate(unit_ids)])

    def check_unit(doc: Document, loc: Loc, unit_id: str) -> None:
        if unit_id not in plan.units:
            found.append(unknown_unit(doc, loc, unit_id, plan))

    check_unit(units_doc, ("leading_group", "office"), plan.registry.leading_group.office)
    rule = plan.schedule.reporting
    check_unit(schedule_doc, ("reporting", "recipient"), rule.recipient)
    for key in ("include", "exclude"):
        for i, unit_id in enumerate(getattr(rule.reporters, key)):
            check_unit(schedule_doc, ("reporting", "reporters", key, i), unit_id)

    task_ids: list[tuple[Document, Loc, str]] = []
    for doc, section in sections:
        for t, task in enumerate(section.tasks):
            task_ids.append((doc, ("tasks", t, "id"), task.id))
            if task.id.split(".")[0] != str(section.number):
                found.append(
                    problem(
                        doc.path,
                        doc.pos(("tasks", t, "id")),
                        "task-numbering",
                        id=task.id,
                        section=section.number,
                    )
                )
            for u, unit_id in enumerate(task.units):
                check_unit(doc, ("tasks", t, "units", u), unit_id)
            found += _duplicates(
                doc, [(("tasks", t, "units", u), x) for u, x in enumerate(task.units)]
            )
            found += _duplicates(
                doc,
                [
                    (("tasks", t, "deliverables", d, "id"), x.id)
                    for d, x in enumerate(task.deliverables)
                ],
            )
            found += _duplicates(
                doc,
                [(("tasks", t, "metrics", m, "name"), x.name) for m, x in enumerate(task.metrics)],
            )
    seen: dict[str, str] = {}
    for doc, loc, task_id in task_ids:
        where = f"{doc.path}:{doc.pos(loc)[0]}"
        if task_id in seen:
            found.append(
                problem(doc.path, doc.pos(loc), "duplicate-id", id=task_id, first=seen[task_id])
            )
        else:
            seen[task_id] = where

    window = plan.schedule.activity
    if window.end < window.start:
        found.append(
            problem(
                schedule_doc.path,
                schedule_doc.pos(("activity",)),
                "date-order",
                start=window.start,
                end=window.end,
            )
        )
    for i, phase in enumerate(plan.schedule.phases):
        loc = ("phases", i)
        if phase.end < phase.start:
            found.append(
                problem(
                    schedule_doc.path,
                    schedule_doc.pos(loc),
                    "date-order",
                    start=phase.start,
                    end=phase.end,
                )
            )
        if phase.start < window.start or phase.end > window.end:
            found.append(
                problem(
                    schedule_doc.path,
                    schedule_doc.pos(loc),
                    "phase-outside-activity",
                    name=phase.name,
                )
            )
    if not plan.reporters:
        found.append(
            problem(schedule_doc.path, schedule_doc.pos(("reporting", "reporters")), "no-reporters")
        )
    return found


def _check_obligations(plan: Plan, doc: Document) -> list[Problem]:
    found: list[Problem] = []
    found += _duplicates(
        doc, [(("obligations", i, "id"), o.id) for i, o in enumerate(plan.obligations)]
    )
    kinds = [(i, o.fulfilled_by.document) for i, o in enumerate(plan.obligations)]
    found += _duplicates(
        doc, [(("obligations", i, "fulfilled_by", "document"), k) for i, k in kinds if k]
    )
    for i, obligation in enumerate(plan.obligations):
        loc: Loc = ("obligations", i)
        due = obligation.due
        if (due.date is None) == (due.phase is None):
            found.append(problem(doc.path, doc.pos((*loc, "due")), "obligation-due"))
        elif due.phase is not None and plan.phase(due.phase) is None:
            found.append(
                problem(
                    doc.path,
                    doc.pos((*loc, "due", "phase")),
                    "unknown-phase",
                    phase=due.phase,
                    allowed="、".join(p.id for p in plan.schedule.phases),
                )
            )
        ways = obligation.fulfilled_by.model_dump(exclude_none=True)
        if len(ways) != 1:
            found.append(
                problem(doc.path, doc.pos((*loc, "fulfilled_by")), "obligation-fulfilment")
            )
        if obligation.owed_by is not None:
            for key in ("include", "exclude"):
                for u, unit_id in enumerate(getattr(obligation.owed_by, key)):
                    if unit_id not in plan.units:
                        found.append(unknown_unit(doc, (*loc, "owed_by", key, u), unit_id, plan))
    return found


def _check_frozen(plan: Plan, doc: Document) -> list[Problem]:
    """Closed quarters name real quarters of the campaign and real units."""
    found: list[Problem] = []
    campaign = quarters_between(*plan.activity)
    for i, closed in enumerate(plan.frozen.quarters):
        if Quarter.from_canonical(closed.quarter) not in campaign:
            where = doc.pos(("quarters", i, "quarter"))
            found.append(problem(doc.path, where, "bad-quarter", value=closed.quarter))
        for unit_id in closed.files:
            if unit_id not in plan.units:
                found.append(unknown_unit(doc, ("quarters", i, "files", unit_id), unit_id, plan))
    found += _duplicates(
        doc, [(("quarters", i, "quarter"), q.quarter) for i, q in enumerate(plan.frozen.quarters)]
    )
    return found


def unknown_unit(doc: Document, loc: Loc, unit_id: str, plan: Plan) -> Problem:
    """An unknown unit, suggesting the id the writer probably meant (also from a Chinese name)."""
    by_name = {u.name: u.id for u in plan.registry.units}
    guess = by_name.get(unit_id) or next(
        (uid for name, uid in by_name.items() if unit_id and (unit_id in name or name in unit_id)),
        None,
    )
    if guess is None:
        close = difflib.get_close_matches(unit_id, list(plan.units), n=1, cutoff=0.6)
        guess = close[0] if close else None
    return problem(
        doc.path,
        doc.pos(loc),
        "unknown-unit",
        unit=unit_id,
        suggestion_zh=f"，是不是 {guess}（{plan.units[guess].name}）？" if guess else "",
        suggestion_en=f"; did you mean {guess} ({plan.units[guess].name})?" if guess else "",
    )


def _duplicates(doc: Document, items: Iterable[tuple[Loc, str]]) -> list[Problem]:
    first: dict[str, Loc] = {}
    found = []
    for loc, value in items:
        if value in first:
            line = doc.pos(first[value])[0]
            found.append(
                problem(
                    doc.path, doc.pos(loc), "duplicate-id", id=value, first=f"{doc.path}:{line}"
                )
            )
        else:
            first[value] = loc
    return found
