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
    """reports: the task's (unit, quarter, report), from reports_by_task.

    A reported figure belongs to a declared metric when its name (stripped) is the metric's
    and its measure (stripped) is empty or the metric's. One pass over the figures, each
    looked up by name: at 3,000 units a task has tens of thousands of them, and the values
    are added up in the order they were reported (the same float sum every time).
    """
    slot = {str(q): i for i, q in enumerate(quarters)}
    by_name: dict[str, list[int]] = {}
    for k, spec in enumerate(task.metrics):
        by_name.setdefault(spec.name.strip(), []).append(k)
    found: list[list[list[float]]] = [[[] for _ in quarters] for _ in task.metrics]
    counted: dict[tuple[str, str], list[int]] = {}
    per_quarter: list[list[Metric]] = [[] for _ in quarters]
    for _, quarter_text, item in reports:
        i = slot.get(quarter_text)
        if i is not None:
            per_quarter[i] += item.metrics
    for i, metrics in enumerate(per_quarter):
        for m in metrics:
            name, unit = m.name.strip(), m.unit.strip()
            matched = False
            for k in by_name.get(name, ()):
                if unit in ("", task.metrics[k].unit):
                    found[k][i].append(m.value)
                    matched = True
            if not matched:
                counted.setdefault((name, unit), [0] * len(quarters))[i] += 1
    figures = []
    for spec, per in zip(task.metrics, found, strict=True):
        values: list[float | None] = []
        for values_in_q in per:
            if not values_in_q or spec.aggregate is Aggregate.NONE:
                values.append(None)
            elif spec.aggregate is Aggregate.MAX:
                values.append(max(values_in_q))
            else:
                values.append(sum(values_in_q))
        figures.append(Figure(spec, tuple(values), tuple(len(v) for v in per)))
    loose = [Loose(name, unit, tuple(n)) for (name, unit), n in counted.items()]
    return figures, loose
