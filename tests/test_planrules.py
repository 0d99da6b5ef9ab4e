"""Each rule between plan files, on the shipped plan broken one way at a time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import edit, invoke


def _plan_findings(runner: CliRunner, root: Path) -> list[tuple[str, str]]:
    _, output = invoke(runner, "validate", "--root", str(root), "-f", "json", "--lang", "en")
    return [
        (f"{p['path']}:{p['line']}:{p['column']} {p['code']}", p["message"])
        for p in json.loads(output)
        if p["path"].startswith("plan/")
    ]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("sections/1.yaml", 'id: "1.2"', 'id: "2.9"', ["sections/1.yaml:19:9 task-numbering"]),
        (
            "sections/2.yaml",
            'id: "2.1"',
            'id: "1.1"',
            ["sections/2.yaml:7:9 duplicate-id", "sections/2.yaml:7:9 task-numbering"],
        ),
        (
            "units.yaml",
            "office: sizheng-quanyi",
            "office: sizheng",
            ["units.yaml:14:11 unknown-unit"],
        ),
        ("units.yaml", "- id: heping", "- id: hexi", ["units.yaml:96:9 duplicate-id"]),
        (
            "schedule.yaml",
            "recipient: sizheng-quanyi",
            "recipient: sizheng-quanyl",
            ["schedule.yaml:26:14 unknown-unit"],
        ),
        (
            "schedule.yaml",
            "end: 2021-03-31\n# ",
            "end: 2020-01-31\n# ",
            ["schedule.yaml:5:3 date-order"]
            + [f"schedule.yaml:{line}:5 phase-outside-activity" for line in (10, 14, 18)],
        ),
        (
            "schedule.yaml",
            "  - id: evaluation\n    name: 评估总结\n    start: 2021-02-01\n    end: 2021-03-31",
            "  - id: evaluation\n    name: 评估总结\n    start: 2021-02-01\n    end: 2021-04-30",
            ["schedule.yaml:18:5 phase-outside-activity"],
        ),
        (
            "schedule.yaml",
            "    task_units: true\n    kinds: [district]",
            "    task_units: false\n    kinds: []",
            ["schedule.yaml:38:5 no-reporters"],
        ),
        # a phase's id is no unit's: the message says "id", not "unit id"
        ("schedule.yaml", "- id: evaluation", "- id: Evaluation", ["schedule.yaml:18:9 bad-slug"]),
    ],
)
def test_each_rule_points_at_what_must_change(
    runner: CliRunner, repo: Path, file: str, old: str, new: str, expected: list[str]
) -> None:
    edit(repo / "plan" / file, old, new, 1)
    found = _plan_findings(runner, repo)
    assert [where for where, _ in found] == [f"plan/{x}" for x in expected]


def test_an_unknown_unit_suggests_the_one_meant(runner: CliRunner, repo: Path) -> None:
    edit(repo / "plan/schedule.yaml", "recipient: sizheng-quanyi", "recipient: sizheng-quanyl")
    ((_, message),) = _plan_findings(runner, repo)
    assert "did you mean sizheng-quanyi (思想政治和权益维护处)" in message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # two due rules at once, or none: the reporting rule itself is pointed at
        (
            "due_working_days: 5",
            "due_working_days: 5\n  due_day_of_next_month: 5",
            "schedule.yaml:24:3 due-rule",
        ),
        ("  due_working_days: 5\n", "", "schedule.yaml:24:3 due-rule"),
        (
            "due_working_days: 5",
            "due_working_days: 5\n  on_rest_day: next_working_day",
            "schedule.yaml:24:3 due-rest-day",
        ),
        ("cadence: quarterly", "cadence: weekly", "schedule.yaml:24:12 invalid-value"),
        (
            "due_working_days: 5",
            "due_day_of_next_month: 32",
            "schedule.yaml:25:26 out-of-range",
        ),
        (
            "due_working_days: 5",
            "due_day_of_next_month: 5\n  on_rest_day: postpone",
            "schedule.yaml:26:16 invalid-value",
        ),
    ],
)
def test_a_bad_reporting_rule_is_positioned(
    runner: CliRunner, repo: Path, old: str, new: str, expected: str
) -> None:
    edit(repo / "plan" / "schedule.yaml", old, new, 1)
    found = _plan_findings(runner, repo)
    assert [where for where, _ in found] == [f"plan/{expected}"]
    assert all(message for _, message in found)
