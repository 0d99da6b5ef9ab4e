"""Load plan/ into a Plan, checking each file's schema and the references between files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from zzgzn.checking import modelerrors
from zzgzn.checking.discovery import PLAN_DIR
from zzgzn.checking.planrules import check_plan
from zzgzn.diagnostics.problems import Problem, has_errors, problem
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
    default_scoring,
)
from zzgzn.reading import fastload, loader
from zzgzn.reading.loader import Document

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

    def found() -> list[Problem]:
        """What is missing, then each file's findings (the rules add theirs to the file's)."""
        return [*problems, *(p for doc in docs.values() for p in doc.problems)]

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
        return PlanLoad(None, found())
    section_docs.sort(key=lambda pair: pair[1].number)
    plan = Plan(
        meta=models["plan.yaml"],
        registry=models["units.yaml"],
        schedule=models["schedule.yaml"],
        sections=tuple(section for _, section in section_docs),
        calendar=models.get("calendar.yaml") or CalendarOverrides(),
        scoring=models.get("scoring.yaml")
        or default_scoring(models["schedule.yaml"].reporting.cadence),
        obligations=tuple(o.obligations if (o := models.get("obligations.yaml")) else ()),
        frozen=models.get("frozen.yaml") or FrozenRecord(),
    )
    check_plan(
        plan,
        docs["units.yaml"],
        docs["schedule.yaml"],
        section_docs,
        docs["obligations.yaml"] if models.get("obligations.yaml") is not None else None,
        docs["frozen.yaml"] if models.get("frozen.yaml") is not None else None,
        meta=docs["plan.yaml"],
    )
    return PlanLoad(plan, found())
