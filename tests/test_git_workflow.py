"""The pull-request path on a real git repository: dates from history, the change check,
hooks and CODEOWNERS (the workflow itself runs step by step in test_gate.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from .conftest import REPO, copy_campaign, edit, invoke
from .gitrepo import git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(root: Path, *args: str, when: str = "2020-07-01T10:00:00+08:00") -> str:
    return git(root, *args, when=when)  # these tests date their commits in 2020 by default


def first_sent(quarter: str, unit: str) -> str:
    """A sample as the unit first sent it: without corrections recorded after the report."""
    text = (REPO / "submissions" / quarter / f"{unit}.yaml").read_text("utf-8")
    return text.split("# 本季度报告生成（封存）后的更正")[0]


def _add(root: Path, quarter: str, unit: str, when: str, text: str | None = None) -> None:
    target = root / "submissions" / quarter / f"{unit}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text or first_sent(quarter, unit), "utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", f"{unit} {quarter}", when=when)


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    """The shipped plan, dated by git, with units' Q2 reports merged on the days they came."""
    root = tmp_path / "campaign"
    copy_campaign(root, submissions=False)
    schedule = root / "plan" / "schedule.yaml"
    edit(schedule, "submission_dates: self_reported", "submission_dates: git")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "plan", when="2020-03-05T09:00:00+08:00")
    _add(root, "2020Q2", "hexi", "2020-07-03T16:00:00+08:00")  # the file says 2020-07-01
    _add(root, "2020Q2", "hedong", "2020-07-09T23:30:00+08:00")  # 23:30 Beijing: still the 9th
    return root


def test_dates_come_from_the_commit_that_added_the_file(runner: CliRunner, git_repo: Path) -> None:
    code, output = invoke(
        runner,
        "status",
        "2020Q2",
        "--format",
        "json",
        "--root",
        str(git_repo),
        "--today",
        "2020-07-20",
    )
    assert code == 0, output
    units = {u["unit"]: u for u in json.loads(output)["units"]}
    assert (units["hexi"]["state"], units["hexi"]["submitted_on"]) == ("on_time", "2020-07-03")
    assert (units["hexi"]["self_reported_on"], units["hexi"]["date_source"]) == (
        "2020-07-01",
        "git",
    )
    assert (units["hedong"]["state"], units["hedong"]["working_days_late"]) == ("late", 2)
    assert units["heping"]["state"] == "missing"


def test_a_later_edit_does_not_change_the_arrival_date(runner: CliRunner, git_repo: Path) -> None:
    path = git_repo / "submissions" / "2020Q2" / "hexi.yaml"
    edit(path, "稳步推进", "扎实推进")
    _git(git_repo, "commit", "-qam", "hexi correction", when="2020-08-01T10:00:00+08:00")
    code, output = invoke(
        runner, "status", "2020Q2", "-f", "json", "--root", str(git_repo), "--today", "2020-08-02"
    )
    assert code == 0, output
    units = {u["unit"]: u for u in json.loads(output)["units"]}
    assert units["hexi"]["submitted_on"] == "2020-07-03"


def test_report_flags_a_self_reported_date_that_disagrees(
    runner: CliRunner, git_repo: Path
) -> None:
    out = git_repo / "out.md"
    code, output = invoke(
        runner,
        "report",
        "2020Q2",
        "-f",
        "md",
        "-o",
        str(out),
        "--root",
        str(git_repo),
        "--today",
        "2020-07-20",
    )
    assert code == 0, output
    assert "2020年7月3日（文件自报 2020年7月1日）" in out.read_text("utf-8")


def _branch(root: Path) -> None:
    _git(root, "checkout", "-q", "-b", "pr")


def _check(
    runner: CliRunner, root: Path, today: str = "2020-07-05"
) -> tuple[int, list[dict[str, object]]]:
    code, output = invoke(
        runner,
        "validate",
        "--changed-since",
        "main",
        "--format",
        "json",
        "--root",
        str(root),
        "--today",
        today,
    )
    return code, json.loads(output)


def test_one_units_new_file_passes(runner: CliRunner, git_repo: Path) -> None:
    _branch(git_repo)
    _add(git_repo, "2020Q2", "nankai", "2020-07-05T10:00:00+08:00")
    assert _check(runner, git_repo) == (0, [])


def test_two_units_in_one_change_are_refused(runner: CliRunner, git_repo: Path) -> None:
    _branch(git_repo)
    _add(git_repo, "2020Q2", "nankai", "2020-07-05T10:00:00+08:00")
    _add(git_repo, "2020Q2", "hebei", "2020-07-05T11:00:00+08:00")
    code, found = _check(runner, git_repo)
    assert code == 1
    assert {(p["path"], p["code"]) for p in found} == {
        ("submissions/2020Q2/nankai.yaml", "pr-multiple-units"),
        ("submissions/2020Q2/hebei.yaml", "pr-multiple-units"),
    }


def test_plan_mixed_with_submissions_is_refused(runner: CliRunner, git_repo: Path) -> None:
    _branch(git_repo)
    units = git_repo / "plan" / "units.yaml"
    edit(units, "示例联络员18", "示例联络员甲")
    _add(git_repo, "2020Q2", "nankai", "2020-07-05T10:00:00+08:00")
    code, found = _check(runner, git_repo)
    assert code == 1 and {p["code"] for p in found} == {"pr-mixed-plan"}


def test_deleted_or_moved_file_is_refused(runner: CliRunner, git_repo: Path) -> None:
    _branch(git_repo)
    _git(git_repo, "rm", "-q", "submissions/2020Q2/hexi.yaml")
    _git(git_repo, "commit", "-qm", "remove")
    code, found = _check(runner, git_repo)
    assert code == 1
    assert [(p["path"], p["code"]) for p in found] == [
        ("submissions/2020Q2/hexi.yaml", "pr-moved-or-deleted")
    ]


def test_unit_field_must_match_the_path(runner: CliRunner, git_repo: Path) -> None:
    _branch(git_repo)
    text = (REPO / "submissions" / "2020Q2" / "nankai.yaml").read_text("utf-8")
    _add(git_repo, "2020Q2", "hebei", "2020-07-05T10:00:00+08:00", text)
    code, found = _check(runner, git_repo)
    assert code == 1 and [p["code"] for p in found] == ["unit-mismatch"]


def test_a_correction_after_the_deadline_is_allowed_but_flagged(
    runner: CliRunner, git_repo: Path
) -> None:
    _branch(git_repo)
    path = git_repo / "submissions" / "2020Q2" / "hexi.yaml"
    edit(path, "稳步推进", "扎实推进")
    _git(git_repo, "commit", "-qam", "correction")
    code, found = _check(runner, git_repo, today="2020-08-01")
    assert code == 0
    assert [(p["code"], p["severity"]) for p in found] == [("pr-correction", "warning")]


def test_unknown_base_is_a_usage_error(runner: CliRunner, git_repo: Path) -> None:
    code, output = invoke(
        runner, "validate", "--changed-since", "no-such-branch", "--root", str(git_repo)
    )
    assert code == 2 and "no-such-branch" in output


def test_pre_commit_hooks_name_real_commands(runner: CliRunner, repo: Path) -> None:
    for name in (".pre-commit-hooks.yaml", ".pre-commit-config.yaml"):
        data = YAML(typ="safe").load((REPO / name).read_text("utf-8"))
        hooks = data if isinstance(data, list) else data["repos"][0]["hooks"]
        assert {h["id"] for h in hooks} == {"zzgzn-fix", "zzgzn-validate"}
        for hook in hooks:
            subcommand = hook["entry"].split()[1]
            files = (
                []
                if hook.get("pass_filenames") is False
                else [str(p) for p in sorted((repo / "submissions" / "2020Q2").glob("*.yaml"))[:3]]
            )
            code, output = invoke(
                runner,
                subcommand,
                *files,
                *(["--root", str(repo)] if subcommand == "validate" else []),
            )
            assert code == 0, (name, hook["id"], output)


def test_codeowners_is_current_and_gives_each_unit_its_files(runner: CliRunner, repo: Path) -> None:
    assert invoke(runner, "codeowners", "--check", "--root", str(REPO))[0] == 0
    text = (REPO / ".github" / "CODEOWNERS").read_text("utf-8")
    assert "/submissions/*/hexi.* @example-veterans/hexi" in text
    assert "/plan/ @example-veterans/sizheng-quanyi" in text
    units = repo / "plan" / "units.yaml"
    edit(units, "@example-veterans/hexi", "@hexi-team")
    shutil.copytree(REPO / ".github", repo / ".github")
    assert invoke(runner, "codeowners", "--check", "--root", str(repo))[0] == 1
    assert invoke(runner, "codeowners", "--root", str(repo))[0] == 0
    assert "/submissions/*/hexi.* @hexi-team" in (repo / ".github" / "CODEOWNERS").read_text(
        "utf-8"
    )
