"""Tasks may declare their standard metrics (统计口径): the plan says which figures add up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import edit, invoke
from zzgzn.checking.planload import load_plan
from zzgzn.models.plan import Aggregate

_DECLARED = """    units:
      - sizheng-quanyi
    metrics:
      - {name: 出台制度文件, unit: 件}
      - {name: 覆盖率, unit: "%", aggregate: none}
      - {name: 单场最多参加人数, unit: 人, aggregate: max}
    deliverables:"""


def _declare(repo: Path, declared: str = _DECLARED) -> None:
    edit(
        repo / "plan/sections/1.yaml",
        "    units:\n      - sizheng-quanyi\n    deliverables:",
        declared,
        1,
    )


def test_a_task_declares_its_metrics(repo: Path) -> None:
    _declare(repo)
    task = load_plan(repo).plan.tasks["1.1"]
    assert [(m.name, m.unit, m.aggregate) for m in task.metrics] == [
        ("出台制度文件", "件", Aggregate.SUM),
        ("覆盖率", "%", Aggregate.NONE),
        ("单场最多参加人数", "人", Aggregate.MAX),
    ]


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        (
            _DECLARED.replace("单场最多参加人数", "覆盖率"),
            "plan/sections/1.yaml:17:16 duplicate-id",
        ),
        (
            _DECLARED.replace("aggregate: max", "aggregate: average"),
            "plan/sections/1.yaml:17:46 invalid-value",
        ),
        (_DECLARED.replace(", unit: 件", ""), "plan/sections/1.yaml:15:9 missing-field"),
    ],
)
def test_a_broken_declaration_is_positioned(
    runner: CliRunner, repo: Path, declared: str, expected: str
) -> None:
    _declare(repo, declared)
    code, output = invoke(runner, "validate", "--root", str(repo), "-f", "json")
    found = [
        f"{p['path']}:{p['line']}:{p['column']} {p['code']}"
        for p in json.loads(output)
        if p["path"].startswith("plan/")
    ]
    assert code == 1
    assert len(found) == 1 and found == [expected], found
