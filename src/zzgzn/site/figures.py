"""A task's figures over time: each declared metric (统计口径) added up across units per quarter
as the plan says (sum, max, or not at all), and every figure reported outside them listed as
it was sent, so that no reported number is left out of the task's page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from zzgzn.calendar.quarters import Quarter
from zzgzn.models.plan import Aggregate, MetricSpec, Task
from zzgzn.models.submission import Metric, Submission


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
    """A figure a unit reported that matches none of the task's declared metrics."""

    quarter: Quarter
    unit: str
    metric: Metric


def _matches(spec: MetricSpec, metric: Metric) -> bool:
    return metric.name.strip() == spec.name.strip() and metric.unit.strip() in ("", spec.unit)


def task_figures(
    task: Task,
    quarters: list[Quarter],
    sent: dict[tuple[str, str], tuple[Submission, str]],
    rank: Callable[[str], int],
) -> tuple[list[Figure], list[Loose]]:
    """rank: the registry's order of units (Plan.rank_of), in which loose figures are listed."""
    reported: dict[Quarter, list[tuple[str, Metric]]] = {q: [] for q in quarters}
    by_text = {str(q): q for q in quarters}
    mine = sorted(
        (key for key, (sub, _) in sent.items() if any(t.task == task.id for t in sub.tasks)),
        key=lambda key: (rank(key[0]), key),
    )
    for unit, quarter_text in mine:
        quarter = by_text.get(quarter_text)
        if quarter is None:
            continue
        submission = sent[(unit, quarter_text)][0]
        for item in submission.tasks:
            if item.task == task.id:
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
    loose = [
        Loose(q, unit, m)
        for q in quarters
        for unit, m in reported[q]
        if not any(_matches(spec, m) for spec in task.metrics)
    ]
    return figures, loose
