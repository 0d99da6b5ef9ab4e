"""The consolidation as data, on figures and texts built here (the samples change under us)."""

from __future__ import annotations

from hypothesis import event, given
from hypothesis import strategies as st

from tests.conftest import REPO
from zzgzn.checking.planload import load_plan
from zzgzn.models.plan import Aggregate, MetricSpec, Task, Unit, UnitKind
from zzgzn.models.submission import Case, Metric
from zzgzn.report.consolidation import CasePolicy, MergedCase, choose_cases, merge_cases, raised
from zzgzn.report.model import Attributed
from zzgzn.report.totals import task_totals

UNITS = [
    Unit(id=f"u{i}", name=f"示例区{i}退役军人事务局", kind=UnitKind.DISTRICT) for i in range(12)
]


def _task(*metrics: MetricSpec) -> Task:
    return Task(
        id="4.3",
        marker="3.",
        title="开展走访慰问活动",
        body="示例",
        units=["u0"],
        metrics=list(metrics),
    )


def _m(name: str, value: float, unit: str) -> Metric:
    return Metric(name=name, value=value, unit=unit)


def test_declared_metrics_add_up_only_as_the_same_measure() -> None:
    task = _task(
        MetricSpec(name="走访慰问困难退役军人", unit="户"),
        MetricSpec(name="单场最多参加人数", unit="人", aggregate=Aggregate.MAX),
        MetricSpec(name="走访覆盖率", unit="%", aggregate=Aggregate.NONE),
    )
    reported = [
        (UNITS[0], [_m("走访慰问困难退役军人", 120, "户"), _m("单场最多参加人数", 80, "人")]),
        (UNITS[1], [_m("走访慰问困难退役军人", 1114, "户"), _m("单场最多参加人数", 200, "人")]),
        (UNITS[2], [_m("走访慰问困难退役军人", 36, "人次")]),  # another unit of measure
        (UNITS[3], [_m("走访慰问困难退役军人家庭", 9, "户")]),  # a near-variant of the name
        (UNITS[4], [_m("走访覆盖率", 95, "%"), _m("发放慰问金", 3.5, "万元")]),
        (UNITS[5], [_m("走访覆盖率", 88, "%"), _m("发放慰问金", 1.25, "万元")]),
        (UNITS[6], [_m("走访慰问", 40, "人次"), _m("走访慰问", 12, "户")]),  # undeclared
    ]
    result = task_totals(task, reported)
    by = {(t.name, t.unit): t for t in result.totals}
    visits = by[("走访慰问困难退役军人", "户")]
    assert (visits.value, visits.units, visits.declared) == (1234, 2, True)
    peak = by[("单场最多参加人数", "人")]
    assert (peak.value, peak.units) == (200, 2)
    rate = by[("走访覆盖率", "%")]
    assert (rate.aggregate, rate.low, rate.high, rate.units) == (Aggregate.NONE, 88, 95, 2)
    money = by[("发放慰问金", "万元")]
    assert (money.value, money.units, money.declared) == (4.75, 2, False)
    # 户 and 人次 never meet
    assert by[("走访慰问", "人次")].value == 40 and by[("走访慰问", "户")].value == 12
    left = {(x.unit.id, x.metric.name, x.metric.unit) for x in result.left_out}
    assert left == {
        ("u2", "走访慰问困难退役军人", "人次"),
        ("u3", "走访慰问困难退役军人家庭", "户"),
    }
    assert all(x.expected_name == "走访慰问困难退役军人" for x in result.left_out)
    # declared first, in the plan's order
    assert [t.name for t in result.totals[:3]] == [
        "走访慰问困难退役军人",
        "单场最多参加人数",
        "走访覆盖率",
    ]


def test_an_undeclared_rate_is_never_added() -> None:
    result = task_totals(
        _task(), [(UNITS[0], [_m("办结率", 100, "%")]), (UNITS[1], [_m("办结率", 90, "%")])]
    )
    (total,) = result.totals
    assert total.aggregate is Aggregate.NONE and (total.low, total.high) == (90, 100)


NAMES = st.sampled_from(["走访退役军人", "悬挂光荣牌", "开展政治教育"])
MEASURES = st.sampled_from(["人次", "户", "块", "场"])
FIGURES = st.lists(
    st.tuples(st.integers(0, 11), NAMES, st.integers(0, 5000), MEASURES), max_size=40
)


@given(FIGURES)
def test_totals_are_the_sums_of_the_figures_and_nothing_is_lost(
    figures: list[tuple[int, str, int, str]],
) -> None:
    reported: dict[int, list[Metric]] = {}
    for u, name, value, measure in figures:
        reported.setdefault(u, []).append(_m(name, value, measure))
    result = task_totals(_task(), [(UNITS[u], ms) for u, ms in reported.items()])
    assert not result.left_out  # nothing declared: nothing is a variant of anything
    for total in result.totals:
        expected = [(u, v) for u, n, v, m in figures if (n, m) == (total.name, total.unit)]
        assert total.value == sum(v for _, v in expected)
        assert total.units == len({u for u, _ in expected})
    assert sum(t.value for t in result.totals) == sum(v for _, _, v, _ in figures)
    pairs = {(n, m) for _, n, _, m in figures}
    if len({n for n, _ in pairs}) < len(pairs):
        event("one name in two units of measure")


def _case(title: str, units: int, task: str = "4.3") -> MergedCase:
    t = _task().model_copy(update={"id": task})
    return MergedCase(title, "做法和成效", tuple(UNITS[:units]), (t,))


def test_cases_for_the_main_report_follow_the_rule() -> None:
    cases = [_case("甲", 1), _case("乙", 3), _case("丙", 2), _case("丁", 1, "1.2"), _case("戊", 5)]
    chosen = choose_cases(cases, CasePolicy())
    assert [c.title for c in chosen["4.3"]] == ["戊", "乙"]  # most units first, two a task
    assert [c.title for c in chosen["1.2"]] == ["丁"]
    office = CasePolicy(per_task=2, featured=("甲",), omitted=("戊",))
    assert [c.title for c in choose_cases(cases, office)["4.3"]] == ["甲", "乙"]
    assert choose_cases(cases, CasePolicy(per_task=0)) == {}
    # at most total in all: the ones most units share, whatever their task
    assert choose_cases(cases, CasePolicy(total=2)) == {"4.3": (cases[4], cases[1])}
    every = choose_cases(cases, CasePolicy(per_task=0, featured=("甲", "丙")))
    assert [c.title for c in every["4.3"]] == ["甲", "丙"]  # featured even past the limit


PLAN = load_plan(REPO).plan
DISTRICTS = [u for u in PLAN.units.values() if u.kind is UnitKind.DISTRICT]
WORDINGS = [
    "基层服务站工作力量不足，专职人员偏少",
    "基层服务站工作力量不足，专职人员较少",
    "基层服务站（点）工作力量不足，专职人员偏少",
    "基层服务站工作力量不足、专职人员偏少",
]


def test_a_problem_many_units_word_differently_is_one_line_with_its_units() -> None:
    items = [
        Attributed(unit, PLAN.tasks["4.3" if i % 2 else "2.1"], text=WORDINGS[i % len(WORDINGS)])
        for i, unit in enumerate(DISTRICTS[:9])
    ]
    items.append(Attributed(DISTRICTS[9], PLAN.tasks["2.1"], text="工作经费保障不足"))
    items.append(Attributed(DISTRICTS[0], PLAN.tasks["4.3"], text=WORDINGS[1]))  # again, same unit
    lines = raised(PLAN, items)
    assert len(lines) == 2
    first = lines[0]
    assert first.text in WORDINGS and first.wordings == 3  # ，and 、 are one wording
    assert first.units == tuple(DISTRICTS[:9])  # each unit once, in registry order
    assert [t.id for t in first.tasks] == ["2.1", "4.3"]
    assert lines[1].text == "工作经费保障不足" and lines[1].units == (DISTRICTS[9],)


def test_a_case_several_units_report_is_one_case_crediting_each() -> None:
    case = Case(title="“老兵驿站”谈心谈话机制", summary="依托服务站设立“老兵驿站”。")
    plain = "老兵驿站谈心谈话机制"  # the same title without its quotation marks
    other = Case(title="“兵支书”带头化解邻里纠纷", summary="组织“兵支书”参与基层调解。")
    items = [
        Attributed(DISTRICTS[2], PLAN.tasks["4.1"], case=case),
        Attributed(
            DISTRICTS[0],
            PLAN.tasks["2.5"],
            case=case.model_copy(update={"title": plain}),
        ),
        Attributed(DISTRICTS[1], PLAN.tasks["5.3"], case=other),
    ]
    merged = merge_cases(PLAN, items)
    assert [(c.title, len(c.units)) for c in merged] == [
        ("“老兵驿站”谈心谈话机制", 2),
        ("“兵支书”带头化解邻里纠纷", 1),
    ]
    assert merged[0].units == (DISTRICTS[0], DISTRICTS[2])
    assert [t.id for t in merged[0].tasks] == ["2.5", "4.1"]
