"""The liaison's path: scaffold a file, let editors check it, repair common mistakes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from typer.testing import CliRunner

from zzgzn.reading.loader import load_bytes
from zzgzn.workflow.fixer import fix_bytes

from .conftest import REPO, edit, invoke
from .test_corpus import CORPUS


def _tasks_in(path: Path) -> list[str]:
    return [str(t["task"]) for t in YAML().load(path.read_text("utf-8"))["tasks"]]


def test_new_lists_exactly_the_units_tasks(runner: CliRunner, empty_repo: Path) -> None:
    assert invoke(runner, "new", "Q3", "--unit", "bangongshi", "--root", str(empty_repo))[0] == 0
    path = empty_repo / "submissions" / "2020Q3" / "bangongshi.yaml"
    assert _tasks_in(path) == ["1.4", "3.2", "3.5"]
    text = path.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/submission.schema.json\n")
    assert "dianxing-ziyuanku" in text  # the deliverable the unit can report on


def test_new_gives_districts_every_task(runner: CliRunner, empty_repo: Path) -> None:
    assert invoke(runner, "new", "2020Q3", "--unit", "hexi", "--root", str(empty_repo))[0] == 0
    path = empty_repo / "submissions" / "2020Q3" / "hexi.yaml"
    assert len(_tasks_in(path)) == 23
    assert "不涉及的任务请整段删除" in path.read_text("utf-8")


def test_new_refuses_to_overwrite_and_unknown_units(runner: CliRunner, empty_repo: Path) -> None:
    args = ("new", "Q3", "--unit", "hexi", "--root", str(empty_repo))
    assert invoke(runner, *args)[0] == 0
    path = empty_repo / "submissions" / "2020Q3" / "hexi.yaml"
    path.write_text(path.read_text("utf-8") + "# 已填写\n", "utf-8")
    code, output = invoke(runner, *args)
    assert code == 2 and "已存在" in output
    assert path.read_text("utf-8").endswith("# 已填写\n")
    assert invoke(runner, "new", "Q3", "--unit", "../../etc", "--root", str(empty_repo))[0] == 2
    assert not (empty_repo.parent / "etc.yaml").exists()


def test_untouched_scaffold_fails_naming_what_is_empty(runner: CliRunner, empty_repo: Path) -> None:
    invoke(runner, "new", "Q3", "--unit", "bangongshi", "--root", str(empty_repo))
    code, output = invoke(runner, "validate", "--root", str(empty_repo), "--format", "json")
    found = {(p["code"], p["message"]) for p in json.loads(output)}
    assert code == 1
    assert ("empty-value", "“submitted_on”还没有填写") in found
    # its declared metrics (统计口径) are pre-filled: their values are still to fill in
    assert ("task-unfilled", "任务 1.4 还没有填写（status、narrative、value）") in found


def test_filled_scaffold_validates(runner: CliRunner, empty_repo: Path) -> None:
    invoke(runner, "new", "Q3", "--unit", "bangongshi", "--root", str(empty_repo))
    path = empty_repo / "submissions" / "2020Q3" / "bangongshi.yaml"
    yaml = YAML()
    data = yaml.load(path.read_text("utf-8"))
    data["submitted_on"] = "2020-10-12"
    for task in data["tasks"]:
        task["status"] = "推进中"
        task["narrative"] = "按计划推进。"
        for metric in task.get("metrics") or []:  # the declared ones, pre-filled but for values
            metric["value"] = 12
    data["filled_by"].update(name="示例填报人", post="科员")
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    code, output = invoke(runner, "validate", "--root", str(empty_repo), "--today", "2020-10-20")
    assert code == 0, output
    # the approver line stays commented until the head of unit has approved: not final yet
    assert "0 个错误，1 个警告" in output and "[no-approver]" in output


def test_filled_filing_scaffold_validates(runner: CliRunner, empty_repo: Path) -> None:
    code, output = invoke(runner, "new", "work-plan", "--unit", "hexi", "--root", str(empty_repo))
    assert code == 0, output
    path = empty_repo / "submissions" / "work-plan" / "hexi.yaml"
    text = path.read_text("utf-8")
    assert "截止：2020年4月8日" in text and "制定切实可行的工作方案" in text
    yaml = YAML()
    data = yaml.load(text)
    data.update(submitted_on="2020-04-01", title="河西区工作方案", summary="成立工作专班。")
    data["filled_by"].update(name="示例填报人", post="科员")
    data["approved_by"] = {"name": "示例审核人", "post": "局长"}
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    code, output = invoke(runner, "validate", "--root", str(empty_repo), "--today", "2020-04-02")
    assert code == 0, output
    assert "0 个错误，0 个警告" in output


def test_schema_files_are_current_and_narrowed_by_the_plan(runner: CliRunner) -> None:
    code, output = invoke(runner, "schema", "--check", "--root", str(REPO))
    assert code == 0, output
    schema = json.loads((REPO / "schemas" / "submission.schema.json").read_text("utf-8"))
    assert "hexi" in schema["properties"]["unit"]["enum"]
    assert schema["$defs"]["TaskReport"]["properties"]["task"]["enum"][:2] == ["1.1", "1.2"]
    assert "推进中" in schema["$defs"]["Status"]["enum"]


def test_schema_check_notices_a_changed_plan(runner: CliRunner, repo: Path) -> None:
    shutil.copytree(REPO / "schemas", repo / "schemas")
    units = repo / "plan" / "units.yaml"
    edit(units, "id: jizhou", "id: jizhouqu")
    assert invoke(runner, "schema", "--check", "--root", str(repo))[0] == 1
    assert invoke(runner, "schema", "--root", str(repo))[0] == 0
    assert invoke(runner, "schema", "--check", "--root", str(repo))[0] == 0


FIXABLE = [
    "gbk",
    "gb18030",
    "utf16",
    "bom",
    "crlf",
    "tab-indent",
    "fullwidth-task",
    "date-chinese",
    "date-dots",
    "date-slashes",
    "control-chars",
]


@pytest.mark.parametrize("case", FIXABLE)
def test_fix_repairs_the_corpus_case(case: str, runner: CliRunner, empty_repo: Path) -> None:
    shutil.rmtree(empty_repo / "submissions")
    shutil.copytree(CORPUS / case / "submissions", empty_repo / "submissions")
    target = next((empty_repo / "submissions").rglob("*.yaml"))
    original = target.read_bytes()
    code, output = invoke(runner, "fix", "--check", str(empty_repo / "submissions"))
    assert code == 1 and "需要修复" in output
    assert target.read_bytes() == original  # --check never writes
    assert invoke(runner, "fix", str(empty_repo / "submissions"))[0] == 0
    code, output = invoke(runner, "validate", "--root", str(empty_repo))
    assert code == 0, output
    assert invoke(runner, "fix", "--check", str(empty_repo / "submissions"))[0] == 0  # idempotent


def test_fix_keeps_comments_order_and_everything_else() -> None:
    source = (
        "# 河西区 第二季度\nunit: hexi   # 单位\nquarter: 2020年第二季度\nplan_version: 1.0.0\n"
        "submitted_on: 2020年7月6日 # 日期\nliaison: {name: 甲, phone: '1'}\ntasks:\n"
        "  - task: １.２\n    status: 推进中\n    narrative: |\n      第一段。\n\n      第二段。\n"
    ).encode("gbk")
    result = fix_bytes(source, "x.yaml")
    assert result.after == (
        "# 河西区 第二季度\nunit: hexi   # 单位\nquarter: 2020Q2\nplan_version: 1.0.0\n"
        "submitted_on: 2020-07-06 # 日期\nliaison: {name: 甲, phone: '1'}\ntasks:\n"
        "  - task: '1.2'\n    status: 推进中\n    narrative: |\n      第一段。\n\n      第二段。\n"
    )
    assert len(result.changes) == 4


def test_fix_leaves_an_unfixable_file_alone(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "hexi.yaml"
    target.write_bytes(b"PK\x03\x04" + bytes(range(256)))
    code, output = invoke(runner, "fix", str(target))
    assert code == 1 and "无法修复" in output
    assert target.read_bytes() == b"PK\x03\x04" + bytes(range(256))


def test_fix_on_a_yaml_syntax_error_says_it_cannot_and_where(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "hexi.yaml"
    broken = b'unit: hexi\r\ntasks:\r\n  - task: "1.2\r\n    status: done\r\n'
    target.write_bytes(broken)
    code, output = invoke(runner, "fix", str(target))
    assert code == 1 and "没有需要修复" not in output
    assert f"{target}:3:11: 无法自动修复：引号没有闭合（从第 3 行开始）" in output
    assert "YAML 格式错误请按上面的位置手工改正" in output
    assert target.read_bytes() == broken  # the line endings wait until the quote is closed
    code, output = invoke(runner, "--lang", "en", "fix", "-f", "json", str(target))
    assert code == 1 and json.loads(output) == [
        {
            "path": str(target),
            "line": 3,
            "column": 11,
            "error": "cannot fix this automatically: a quote is never closed (opened on line 3)",
        }
    ]


def test_fix_describes_its_changes_in_the_chosen_language(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "hexi.yaml"
    target.write_bytes(
        "\ufeffunit: hexi\r\nsubmitted_on: 2020年7月6日\r\nliaison:\r\n\tname: 甲\r\n".encode()
    )
    code, output = invoke(runner, "--lang", "en", "fix", "--check", str(target))
    assert code == 1 and "needs fixing:" in output
    for line in (
        "removed the byte-order mark (BOM) at the start",
        "line endings CRLF → LF",
        'line 2: submitted_on "2020年7月6日" → "2020-07-06"',
        "line 4: tab indent → 2 spaces",
    ):
        assert f"  - {line}\n" in output, output
    assert "换行" not in output and "第 " not in output


def test_fix_leaves_ambiguous_dates_for_a_person() -> None:
    result = fix_bytes(b"submitted_on: 7/6/2020\n", "x.yaml")
    assert not result.changed


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_fix_never_raises_and_keeps_data_it_does_not_repair(text: str) -> None:
    raw = text.encode("utf-8", "surrogatepass")
    result = fix_bytes(raw, "x.yaml")
    value_repairs = [c for c in result.changes if c.key == "fix-value"]
    before = load_bytes(raw, "x").data
    if result.changed and not value_repairs and before is not None:
        assert load_bytes(result.after.encode("utf-8"), "x").data == before


def test_scaffold_reminds_of_the_plans_checklists_and_dates(
    runner: CliRunner, empty_repo: Path
) -> None:
    assert invoke(runner, "new", "Q3", "--unit", "yongjun-youfu", "--root", str(empty_repo))[0] == 0
    text = (empty_repo / "submissions" / "2020Q3" / "yongjun-youfu.yaml").read_text("utf-8")
    assert "对照清单“四尊崇”（新兵入伍）：欢送仪式、举行座谈、挂光荣牌、拍集体照" in text
    assert "时间节点：“八一”走访慰问（2020年8月1日）" in text
