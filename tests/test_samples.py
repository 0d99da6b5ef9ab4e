"""The shipped samples hold the situations the consolidated report is built for (see
submissions/README.md): if a sample is rewritten, these must still be there."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from zzgzn.checking.planload import load_plan
from zzgzn.reading.loader import load_path

from .conftest import REPO

QUARTERS = ["2020Q1", "2020Q2", "2020Q3", "2020Q4", "2021Q1"]


def _files(quarter: str) -> list[dict[str, Any]]:
    paths = sorted((REPO / "submissions" / quarter).glob("*.yaml"))
    return [load_path(p).data for p in paths]


def _declared() -> dict[str, dict[str, str]]:
    plan = load_plan(REPO).plan
    assert plan is not None
    return {t.id: {m.name: m.unit for m in t.metrics} for t in plan.tasks.values()}


def test_declared_metrics_are_reported_by_many_units() -> None:
    declared = _declared()
    assert sum(len(m) for m in declared.values()) >= 30
    reporters = {
        f["unit"]
        for f in _files("2020Q2")
        for item in f["tasks"]
        for m in item.get("metrics", [])
        if declared[item["task"]].get(m["name"]) == m["unit"]
    }
    assert len(reporters) >= 20
    # the figure for the README's amendment story
    hexi = next(f for f in _files("2020Q2") if f["unit"] == "hexi")
    visits = [m for i in hexi["tasks"] if i["task"] == "1.2" for m in i["metrics"]]
    assert visits[0] == {"name": "走访退役军人", "value": 126, "unit": "人次"}


def test_one_figure_in_the_wrong_unit_and_one_near_variant_name() -> None:
    declared = _declared()
    wrong, variants = [], []
    for quarter in QUARTERS:
        for f in _files(quarter):
            for item in f["tasks"]:
                for m in item.get("metrics", []):
                    names = declared[item["task"]]
                    if m["name"] in names and names[m["name"]] != m["unit"]:
                        wrong.append((quarter, f["unit"], item["task"], m["name"], m["unit"]))
                    elif m["name"] not in names and any(n in m["name"] for n in names):
                        variants.append((quarter, f["unit"], item["task"], m["name"]))
    assert wrong == [("2020Q2", "baodi", "4.3", "走访慰问困难退役军人", "人次")]
    assert variants == [("2020Q2", "xiqing", "4.3", "走访慰问困难退役军人家庭")]


def test_many_units_raise_one_problem_in_their_own_words() -> None:
    staff = defaultdict(set)
    for f in _files("2020Q2"):
        for item in f["tasks"]:
            for problem in item.get("problems", []):
                if "服务站" in problem and re.search("力量|人手|兼职", problem):
                    staff[problem].add(f["unit"])
    assert len({u for units in staff.values() for u in units}) >= 10
    assert len(staff) >= 6  # wordings


@pytest.mark.parametrize(("quarter", "least"), [("2020Q2", 2), ("2020Q3", 3)])
def test_a_case_shared_by_several_units(quarter: str, least: int) -> None:
    by_title = defaultdict(set)
    for f in _files(quarter):
        for item in f["tasks"]:
            for case in item.get("cases", []):
                by_title[case["title"]].add(f["unit"])
    assert max(len(units) for units in by_title.values()) >= least
    shared = next(t for t, units in by_title.items() if len(units) >= least)
    summaries = {
        c["summary"]
        for f in _files(quarter)
        for item in f["tasks"]
        for c in item.get("cases", [])
        if c["title"] == shared
    }
    assert len(summaries) == len(by_title[shared])  # each unit in its own words


@pytest.mark.parametrize("quarter", QUARTERS)
def test_no_sentence_is_everybodys(quarter: str) -> None:
    """The old samples repeated one generated sentence in every file of a quarter."""
    seen: Counter[str] = Counter()
    files = _files(quarter)
    for f in files:
        sentences = set()
        for item in f["tasks"]:
            for sentence in re.split(r"[。；\n]", item["narrative"]):
                sentence = re.sub(r"^[一二三四五六七八]是|\d+", "", sentence.strip())
                if len(sentence) > 8:
                    sentences.add(sentence)
        seen.update(sentences)
    assert max(seen.values()) <= len(files) // 4  # stock phrases (已常态化开展) recur, no more


def test_every_sample_says_it_is_fictional() -> None:
    paths = sorted((REPO / "submissions").glob("*/*.yaml"))
    assert len(paths) > 150
    for path in paths:
        head = Path(path).read_text("utf-8").splitlines()[0]
        assert "示例数据（虚构）" in head, path
