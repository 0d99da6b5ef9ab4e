"""A task's figures on its site page: each reported figure counted under every declared metric
it matches (name and measure as the plan writes them, spaces aside), the rest listed as
reported outside the metrics — checked against the rule written out plainly, one metric and
one quarter at a time."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from zzgzn.calendar.periods import Period
from zzgzn.models.plan import Aggregate, MetricSpec, Task
from zzgzn.models.submission import Metric, TaskReport
from zzgzn.site.figures import Figure, Loose, task_figures

QUARTERS = [Period.quarter(2020, 1), Period.quarter(2020, 2), Period.quarter(2020, 3)]
NAMES = ["走访人次", " 走访人次", "走访人次 ", "培训场次"]
UNITS = ["", "人次", " 人次", "场"]


def _matches(spec: MetricSpec, metric: Metric) -> bool:
    return metric.name.strip() == spec.name.strip() and metric.unit.strip() in ("", spec.unit)


def plainly(
    task: Task, quarters: list[Period], reports: list[tuple[str, str, TaskReport]]
) -> tuple[list[Figure], list[Loose]]:
    """The rule, one declared metric and one quarter at a time."""
    reported: dict[Period, list[Metric]] = {q: [] for q in quarters}
    for _, quarter, item in reports:
        for q in quarters:
            if str(q) == quarter:
                reported[q] += item.metrics
    figures = []
    for spec in task.metrics:
        values: list[float | None] = []
        counts = []
        for q in quarters:
            found = [m.value for m in reported[q] if _matches(spec, m)]
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
        for m in reported[q]:
            if not any(_matches(spec, m) for spec in task.metrics):
                key = (m.name.strip(), m.unit.strip())
                counted.setdefault(key, [0] * len(quarters))[i] += 1
    return figures, [Loose(n, u, tuple(c)) for (n, u), c in counted.items()]


_SPEC = st.builds(
    lambda name, unit, how: MetricSpec(name=name, unit=unit.strip() or "人次", aggregate=how),
    st.sampled_from(NAMES),
    st.sampled_from(UNITS),
    st.sampled_from(list(Aggregate)),
)
_METRIC = st.builds(
    lambda name, value, unit: Metric(name=name, value=value, unit=unit),
    st.sampled_from([*NAMES, "其他数字"]),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False) | st.integers(0, 500).map(float),
    st.sampled_from(UNITS),
)
_REPORT = st.tuples(
    st.sampled_from(["county-a", "county-b"]),
    st.sampled_from(["2020Q1", "2020Q2", "2020Q3", "2020Q4"]),  # 2020Q4: not on the site
    st.lists(_METRIC, max_size=4),
)


def _task(specs: list[MetricSpec]) -> Task:
    return Task(
        id="1.1", marker="1", title="走访慰问", body="开展走访慰问。", units=["city"], metrics=specs
    )


def test_figures_follow_the_rule_written_plainly() -> None:
    seen: Counter[str] = Counter()

    @settings(max_examples=300, deadline=None)
    @given(st.lists(_SPEC, max_size=3), st.lists(_REPORT, max_size=8))
    def check(specs: list[MetricSpec], raw: list[tuple[str, str, list[Metric]]]) -> None:
        task = _task(specs)
        reports = [
            (
                unit,
                quarter,
                TaskReport(task="1.1", status="in_progress", narrative="有进展。", metrics=ms),
            )
            for unit, quarter, ms in raw
        ]
        assert task_figures(task, QUARTERS, reports) == plainly(task, QUARTERS, reports)
        metrics = [m for _, q, ms in raw if q != "2020Q4" for m in ms]
        for m in metrics:
            matching = sum(_matches(spec, m) for spec in specs)
            seen["two metrics" if matching > 1 else "one" if matching else "loose"] += 1
            if matching and m.name != m.name.strip():
                seen["spaces"] += 1

    check()
    # each kind of figure occurred: under two declared metrics, under one, under none
    assert all(seen[k] >= 10 for k in ("two metrics", "one", "loose", "spaces")), seen


def test_values_are_added_in_the_order_reported() -> None:
    spec = MetricSpec(name="走访人次", unit="人次")
    values = [0.1, 0.2, 0.3, 1e16, -1e16]
    reports = [
        (
            "u",
            "2020Q1",
            TaskReport(task="1.1", status="in_progress", narrative="有进展。", metrics=[m]),
        )
        for m in (Metric(name="走访人次", value=v, unit="人次") for v in values)
    ]
    figures, loose = task_figures(_task([spec]), QUARTERS, reports)
    assert figures[0].values[0] == sum(values)  # the float sum of the same order
    assert figures[0].reporters == (5, 0, 0)
    assert loose == []
