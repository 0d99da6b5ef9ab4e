"""`zzgzn trace`: follow one total of a quarter's report back down the chain of campaigns.

The total is the consolidated report's (report/consolidation, totals.py); each unit's figure in
it comes from that unit's file. A file written by `zzgzn forward` says in its provenance which
files of the campaign below add up to each of its figures; given that campaign's repository
(--child), the walk goes on there, down to files written by people. Each step checks the file
below still says what was forwarded: a correction below that was not forwarded yet shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from zzgzn.checking.discovery import PLAN_DIR
from zzgzn.checking.planload import load_plan
from zzgzn.diagnostics.docwords import prose
from zzgzn.errors import UsageError
from zzgzn.models.plan import Plan
from zzgzn.models.submission import Submission
from zzgzn.reading import loader
from zzgzn.report.job import assemble


@dataclass
class Step:
    """One figure of one file, and the figures below that add up to it."""

    campaign: str  # the campaign whose repository holds the file
    file: str  # as that repository names it
    unit: str
    unit_name: str
    task: str
    metric: str
    value: float
    consolidates: int | None = None  # a forwarded file: how many units it stands for
    commit: str = ""
    below: list[Step] = field(default_factory=list)
    below_campaign: str = ""  # the campaign the figures below belong to
    missing_repository: bool = False  # that campaign's repository was not given
    says: float | None = None  # what the file below says now, when it differs from value
    missing_file: bool = False  # the file below is not there (or unreadable, or outside it)

    def to_dict(self) -> dict[str, object]:
        return {
            "campaign": self.campaign,
            "file": self.file,
            "unit": self.unit,
            "unit_name": self.unit_name,
            "task": self.task,
            "metric": self.metric,
            "value": self.value,
            "consolidates": self.consolidates,
            "commit": self.commit,
            "says": self.says,
            "missing_repository": self.missing_repository,
            "missing_file": self.missing_file,
            "below": [s.to_dict() for s in self.below],
        }


@dataclass
class Trace:
    quarter: str
    task: str
    metric: str
    unit: str  # of measure
    value: float
    units: int
    steps: list[Step]

    def leaves(self) -> list[Step]:
        found: list[Step] = []
        todo = list(self.steps)
        while todo:
            step = todo.pop(0)
            if step.below:
                todo[:0] = step.below
            else:
                found.append(step)
        return found


@dataclass(frozen=True)
class _Campaign:
    root: Path
    plan: Plan


def trace(
    root: Path,
    quarter_text: str,
    task_id: str,
    metric: str,
    children: list[Path],
    today: dt.date,
    *,
    use_cache: bool = False,
) -> Trace:
    made = assemble(root, quarter_text, today, allow_invalid=True, use_cache=use_cache)
    report = made.outcome.report
    assert report is not None  # invalid files are left out, as in the report itself
    plan = report.plan
    if task_id not in plan.tasks:
        raise UsageError("trace-unknown-task", task=task_id)
    assert made.consolidation is not None  # assemble consolidates by default
    view = made.consolidation.task(task_id)
    total = next((t for t in view.totals.totals if t.name == metric), None)
    if total is None:
        names = "、".join(t.name for t in view.totals.totals) or "-"
        this = {"this": report.quarter.this, "this@en": prose(report.quarter, "this", "en")}
        raise UsageError("trace-unknown-metric", task=task_id, metric=metric, names=names, **this)
    below = {c.plan.meta.id: c for c in map(_open, children)}
    sources = {f.unit.id: f for f in report.filed}
    steps = []
    for unit, value in total.figures:
        filed = sources[unit.id]
        step = Step(plan.meta.id, filed.source, unit.id, unit.name, task_id, metric, value)
        _descend(step, filed.submission, below, set())
        steps.append(step)
    return Trace(str(report.quarter), task_id, metric, total.unit, total.value, total.units, steps)


def _open(path: Path) -> _Campaign:
    if not (path / PLAN_DIR / "plan.yaml").is_file():
        raise UsageError("trace-child-not-found", path=path)
    loaded = load_plan(path)
    if loaded.plan is None:
        raise UsageError("trace-child-not-found", path=path)
    return _Campaign(path, loaded.plan)


def _descend(
    step: Step, submission: Submission, below: dict[str, _Campaign], seen: set[str]
) -> None:
    origin = submission.provenance
    if origin is None:
        return
    step.consolidates, step.commit, step.below_campaign = (
        origin.units,
        origin.commit,
        origin.campaign,
    )
    figure = next(
        (f for f in origin.figures if f.task == step.task and f.name == step.metric), None
    )
    if figure is None:
        return
    child = below.get(origin.campaign)
    step.missing_repository = child is None
    for c in figure.sources:
        name = child.plan.units[c.unit].name if child and c.unit in child.plan.units else c.unit
        nested = Step(origin.campaign, c.file, c.unit, name, c.task, c.metric, c.value)
        step.below.append(nested)
        if child is None or origin.campaign in seen:
            continue
        found = _read(child.root, c.file)
        if found is None:
            nested.missing_file = True
            continue
        now = sum(
            m.value
            for t in found.tasks
            if t.task == c.task
            for m in t.metrics
            if m.name == c.metric
        )
        _descend(nested, found, below, seen | {origin.campaign})
        if now != c.value:
            nested.says = now


def _read(root: Path, name: str) -> Submission | None:
    """The submission a provenance names, only inside the child repository: the name is data
    from another organisation's file (an absolute path or `..` is never followed)."""
    path = root / name
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except OSError:
        return None
    if not inside or not path.is_file():
        return None
    try:
        return Submission.model_validate(loader.load_path(path, str(path)).data)
    except ValidationError:
        return None
