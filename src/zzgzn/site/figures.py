"""A task's figures over time: each declared metric (统计口径) added up across units per quarter
as the plan says (sum, max, or not at all), and every figure reported outside them listed as
it was sent, so that no reported number is left out of the task's page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from zzgzn.calendar.periods import Period
from zzgzn.models.plan import Aggregate, MetricSpec, Task
from zzgzn.models.submission import Metric, Submission, TaskReport


@dataclass(frozen=True)
class Figure:
    """One declared metric: per quarter its consolidated value (None: not added up, or
    nobody reported it) and how many units reported it."""

    spec: MetricSpec
    values: tuple[float | None, ...]
    reporters: tuple[int, ...]

    @property
    def peak(self) -> float:
        """The largest value over the quarters: the scale of the bars."""
        return max((v for v in self.values if v is not None), default=0.0)


@dataclass(frozen=True)
class Loose:
    """Figures reported under one name and measure that match none of the task's declared
    metrics. Not added up (nothing says they may be): per quarter, how many units reported
    it; each unit's value is on its own page."""

    name: str
    unit: str
    reporters: tuple[int, ...]


def _matches(spec: MetricSpec, metric: Metric) -> bool:
    return metric.name.strip() == spec.name.strip() and metric.unit.strip() in ("", spec.unit)


def reports_by_task(
    sent: dict[tuple[str, str], tuple[Submission, str]], rank: Callable[[str], int]
) -> dict[str, list[tuple[str, str, TaskReport]]]:
    """task → (unit, quarter, report) of every submission the board counts, in the
    registry's order of units (rank: Plan.rank_of): one pass for all the tasks' pages."""
    found: dict[str, list[tuple[str, str, TaskReport]]] = {}
    for unit, quarter in sorted(sent, key=lambda key: (rank(key[0]), key)):
        for item in sent[(unit, quarter)][0].tasks:
            found.setdefault(item.task, []).append((unit, quarter, item))
    return found


def task_figures(
    task: Task, quarters: list[Period], reports: list[tuple[str, str, TaskReport]]
) -> tuple[list[Figure], list[Loose]]:
    """reports: the task's (unit, quarter, report), from reports_by_task."""
    reported: dict[Period, list[tuple[str, Metric]]] = {q: [] for q in quarters}
    by_text = {str(q): q for q in quarters}
    for unit, quarter_text, item in reports:
        quarter = by_text.get(quarter_text)
        if quarter is not None:
            reported[quarter] += [(unit, m) for m in item.metrics]
    figures = []
    for spec in task.metrics:
        values: list[float | None] = []
        counts: list[int] = []
        for q in quarters:
            found = [m.value for _, m in reported[q] if _matches(spec, m)]
            counts.append(len(found))
            if not found or spec.aggregate is Aggregate.NONE:
                values.append(None)
            elif spec.aggregate is Aggregate.MAX:
                values.append(max(found))
            else:
                values.append(sum(found))
        figures.append(Figure(spec, tuple(values), tuple(counts)))
    counted: dict[tuple[str, str], list[int]] = {}
    for i, q in enumerate(quarters):
        for _, m in reported[q]:
            if not any(_matches(spec, m) for spec in task.metrics):
                key = (m.name.strip(), m.unit.strip())
                counted.setdefault(key, [0] * len(quarters))[i] += 1
    loose = [Loose(name, unit, tuple(n)) for (name, unit), n in counted.items()]
    return figures, loose
