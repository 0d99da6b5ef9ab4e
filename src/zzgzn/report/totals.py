"""Figures added up honestly: one total per measure, and only where it is the same measure.

A task's declared metrics (plan/sections, 统计口径) aggregate by their rule: sum, max, or
none (a rate: each unit's figure stands alone; the total gives their range). A figure under a
declared name in another unit of measure, or under a near-variant of a declared name, is not
added: it is listed as left out, with what the plan expects (validate warns about both).
Undeclared figures are added only where name and unit of measure match exactly, so 户 and
人次 never meet, and never when the unit is a share (%, ‰): their range is given instead.
Every total knows which units it covers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from zzgzn.models.plan import Aggregate, Task, Unit
from zzgzn.models.submission import Metric

# Units of measure that are shares, not counts: never added, even under one name.
RATES = frozenset({"%", "％", "‰", "百分比", "百分点"})


@dataclass(frozen=True)
class Total:
    name: str
    unit: str  # of measure
    aggregate: Aggregate
    declared: bool
    figures: tuple[tuple[Unit, float], ...]  # each unit's figure, one per unit

    @property
    def units(self) -> int:
        return len(self.figures)

    @property
    def value(self) -> float:
        values = [v for _, v in self.figures]
        return max(values) if self.aggregate is Aggregate.MAX else sum(values)

    @property
    def low(self) -> float:
        return min(v for _, v in self.figures)

    @property
    def high(self) -> float:
        return max(v for _, v in self.figures)


@dataclass(frozen=True)
class LeftOut:
    """A figure not added to a declared total: another unit of measure, or a variant name."""

    unit: Unit
    metric: Metric
    expected_name: str
    expected_unit: str


@dataclass(frozen=True)
class TaskTotals:
    totals: tuple[Total, ...]  # declared first (plan order), then undeclared by units covered
    left_out: tuple[LeftOut, ...]


def task_totals(task: Task, reported: Iterable[tuple[Unit, Sequence[Metric]]]) -> TaskTotals:
    """reported: each unit's metrics on the task (each unit once, in report order)."""
    declared = {(m.name, m.unit): m for m in task.metrics}
    figures: dict[tuple[str, str], dict[str, tuple[Unit, float]]] = {}
    rules: dict[tuple[str, str], Aggregate] = {}
    left_out: list[LeftOut] = []
    for unit, metrics in reported:
        for metric in metrics:
            key = (metric.name.strip(), metric.unit.strip())
            spec = declared.get(key)
            if spec is None:
                near = task.declared_metric(key[0])
                if near is not None:  # a declared measure written another way: not added
                    left_out.append(LeftOut(unit, metric, near.name, near.unit))
                    continue
            if spec is not None:
                rule = spec.aggregate
            else:
                rule = Aggregate.NONE if key[1] in RATES else Aggregate.SUM
            rules[key] = rule
            mine = figures.setdefault(key, {})
            value = metric.value
            if (before := mine.get(unit.id)) is not None:  # one unit writing it twice
                value = max(before[1], value) if rule is Aggregate.MAX else before[1] + value
            mine[unit.id] = (unit, value)
    totals = [
        Total(m.name, m.unit, m.aggregate, True, tuple(figures[(m.name, m.unit)].values()))
        for m in task.metrics
        if (m.name, m.unit) in figures
    ]
    others = [
        Total(name, measure, rules[(name, measure)], False, tuple(found.values()))
        for (name, measure), found in figures.items()
        if (name, measure) not in declared
    ]
    others.sort(key=lambda t: -t.units)  # stable: the first reported first among equals
    return TaskTotals(tuple(totals + others), tuple(left_out))
