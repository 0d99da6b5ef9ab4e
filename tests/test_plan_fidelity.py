"""The plan must say what the document says: every sentence, every task, every unit in order."""

from __future__ import annotations

import hashlib
import re

import pytest

from zzgzn.checking.planload import load_plan
from zzgzn.models.plan import Plan, UnitKind

from .conftest import REPO, SOURCE


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = load_plan(REPO)
    assert loaded.ok, loaded.problems
    assert loaded.plan is not None
    return loaded.plan


def test_the_source_is_the_document_verbatim() -> None:
    """source/notice.txt is the published text byte for byte (see source/README.md)."""
    digest = hashlib.sha256(SOURCE.read_bytes()).hexdigest()
    assert digest == "a490d9c211e8450e9aea7ee7b44498965304e5bcfd84f027c125b1cfdfe31719"


def test_shape(plan: Plan) -> None:
    assert [len(s.tasks) for s in plan.sections] == [5, 5, 5, 4, 4]
    assert len(plan.tasks) == 23
    assert plan.tasks["2.5"].marker == "5．"  # the source's own full-width numbering quirk
    assert [s.marker for s in plan.sections] == ["（一）", "（二）", "（三）", "（四）", "（五）"]


def test_phases_and_rule(plan: Plan) -> None:
    phases = {p.id: (str(p.start), str(p.end)) for p in plan.schedule.phases}
    assert phases == {
        "mobilization": ("2020-03-01", "2020-03-31"),
        "implementation": ("2020-03-01", "2021-02-28"),
        "evaluation": ("2021-02-01", "2021-03-31"),
    }
    rule = plan.schedule.reporting
    assert (rule.cadence, rule.due_working_days) == ("quarterly", 5)
    assert plan.units[rule.recipient].name == "思想政治和权益维护处"


def test_registry(plan: Plan) -> None:
    districts = [u for u in plan.registry.units if u.kind is UnitKind.DISTRICT]
    assert len(districts) == 16
    assert all(re.fullmatch(r"[a-z0-9-]+", u.id) for u in plan.registry.units)
    reporters = {u.id for u in plan.reporters}
    assert {d.id for d in districts} <= reporters
    assert "renshi" not in reporters  # 人事处 only assesses; it has no task (see schedule.yaml)
    task_units = {u for t in plan.tasks.values() for u in t.units}
    assert task_units <= reporters
    assert plan.units[plan.registry.leading_group.office].name == "思想政治和权益维护处"


def test_named_structure(plan: Plan) -> None:
    lists = {c.name: c.items for c in plan.tasks["1.2"].checklists}
    assert lists["四尊崇"] == ["欢送仪式", "举行座谈", "挂光荣牌", "拍集体照"]
    assert len(lists["五关爱"]) == 5 and len(lists["六必访"]) == 6
    assert {e.name for e in plan.tasks["4.3"].events} == {"“八一”走访慰问", "春节走访慰问"}
    promised = {d.id for t in plan.tasks.values() for d in t.deliverables}
    assert {
        "biaozhang-banfa",
        "bangfu-yijian",
        "zhijia-jianshe-daoze",
        "dianxing-ziyuanku",
    } <= promised


def test_every_task_and_unit_list_matches_the_document(plan: Plan) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    body = text[text.index("二、主要内容") : text.index("三、工作要求")]
    section = 0
    found: list[tuple[str, str, list[str]]] = []
    for line in (raw.strip() for raw in body.splitlines()):
        if re.match(r"^（[一二三四五]）", line):
            section += 1
        elif match := re.match(r"^(\d)[.．](.*?)。", line):
            found.append((f"{section}.{match.group(1)}", match.group(2), []))
        elif line.startswith("责任单位："):
            found[-1][2].extend(line.removeprefix("责任单位：").split("、"))
    assert len(found) == 23
    for task_id, title, units in found:
        task = plan.tasks[task_id]
        assert task.title == title
        assert [plan.units[u].name for u in task.units] == units, task_id


def test_every_sentence_of_the_document_is_in_the_plan(plan: Plan) -> None:
    corpus = (REPO / "plan").rglob("*.yaml")
    plan_text = "".join(p.read_text(encoding="utf-8") for p in corpus)
    plan_text = re.sub(r"\s+", "", plan_text)
    text = SOURCE.read_text(encoding="utf-8")
    missing = []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line or line.startswith("责任单位："):  # unit lists: the test above
            continue
        line = re.sub(r"^(?:[一二三]、|（[一二三四五]）|\d[.．])", "", line)
        for sentence in re.split(r"[。；：]", line):
            core = re.sub(r"\s+", "", sentence)
            if core and core not in plan_text:
                missing.append(core)
    assert not missing
