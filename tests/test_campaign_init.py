"""`zzgzn init`: a new campaign repository, drafted from the plan's own text.

The shipped document must come out as today's plan/ (tasks, their text, unit lists in
order, phases, the reporting rule); a second document written for this test, and the
generic example, must give campaigns that run end to end with no trace of the shipped one.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import REPO, SOURCE, invoke
from zzgzn.checking.planload import load_plan
from zzgzn.models.plan import Plan, UnitKind

SHIPPED = load_plan(REPO).plan
assert SHIPPED is not None

SECOND = """\
关于开展安全生产专项整治三年行动的实施方案
为深入推进安全生产专项整治，结合本区实际，制定本方案。
一、工作目标
到2024年底，重点行业领域安全风险隐患排查整治全面完成。
二、重点任务
（一）压实安全责任。
1.落实企业主体责任。督促企业健全全员安全生产责任制，建立隐患排查治理台账。
牵头单位：安全生产监督管理科、东城街道应急管理所
2.强化部门监管责任。制定部门安全监管权力和责任清单，
按照管行业必须管安全的要求开展联合执法。
责任单位：执法监督科、综合协调科
（二）整治重点领域。
1.开展危险化学品整治。对辖区危险化学品企业逐一开展安全评估。
责任单位：危险化学品监管科、西城区应急管理局、区安全生产协会
三、保障措施
（一）加强统筹调度。成立专项整治工作领导小组，区应急管理局主要负责同志任组长，领导小组办公室设在综合协调科。
（二）严格报送制度。专项整治从2024年1月初开始，到2024年12月底结束。各责任单位每季度结束后10个工作日内向综合协调科报送工作进展。
"""


def _draft(runner: CliRunner, tmp_path: Path, *args: str) -> Path:
    target = tmp_path / "campaign"
    code, output = invoke(runner, "init", str(target), *args)
    assert code == 0, output
    return target


def _loaded(root: Path) -> Plan:
    loaded = load_plan(root)
    assert loaded.ok, loaded.problems
    assert loaded.plan is not None
    return loaded.plan


def _tasks(plan: Plan) -> list[tuple[str, str, str, str, list[str]]]:
    return [
        (t.id, t.marker, t.title, t.body, [plan.units[u].name for u in t.units])
        for t in plan.tasks.values()
    ]


def test_the_shipped_document_gives_todays_tasks_and_unit_lists(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = _draft(runner, tmp_path, "--from", str(SOURCE), "--issuer", SHIPPED.meta.issuer)
    plan = _loaded(root)
    assert _tasks(plan) == _tasks(SHIPPED)
    assert [(s.marker, s.title) for s in plan.sections] == [
        (s.marker, s.title) for s in SHIPPED.sections
    ]
    assert [(p.id, p.name, p.start, p.end) for p in plan.schedule.phases] == [
        (p.id, p.name, p.start, p.end) for p in SHIPPED.schedule.phases
    ]
    assert plan.activity == SHIPPED.activity
    rule, shipped_rule = plan.schedule.reporting, SHIPPED.schedule.reporting
    assert rule.due_working_days == shipped_rule.due_working_days == 5
    assert plan.units[rule.recipient].name == SHIPPED.units[shipped_rule.recipient].name
    office = plan.registry.leading_group.office
    assert plan.units[office].name == "思想政治和权益维护处"
    assert plan.meta.notice == SHIPPED.meta.notice
    assert plan.meta.title == SHIPPED.meta.title and plan.meta.short_title == "思想政治工作年"
    assert plan.meta.guiding_ideology == SHIPPED.meta.guiding_ideology
    assert plan.meta.requirements is not None and SHIPPED.meta.requirements is not None
    assert plan.meta.requirements.items == SHIPPED.meta.requirements.items
    # every unit the tasks name, in order of first mention, each with a kind a reader expects
    kinds = {u.name: u.kind for u in plan.registry.units}
    assert kinds["思想政治和权益维护处"] is UnitKind.DEPARTMENT
    assert kinds["市关爱退役军人协会"] is UnitKind.ASSOCIATION
    assert kinds["市烈士陵园"] is UnitKind.AFFILIATED
    # the drafted repository validates as it stands
    code, output = invoke(runner, "validate", "--root", str(root))
    assert code == 0, output


def test_guesses_are_marked_for_review(runner: CliRunner, tmp_path: Path) -> None:
    root = _draft(runner, tmp_path, "--from", str(SOURCE))
    units = (root / "plan" / "units.yaml").read_text("utf-8")
    assert units.count("# 待核对：") == 2 * len(_loaded(root).registry.units)
    plan_text = (root / "plan" / "plan.yaml").read_text("utf-8")
    assert re.search(r"issuer: .*# 待核对：原文没有写发文机关", plan_text)
    readme = (root / "README.md").read_text("utf-8")
    assert "区（县）级单位" in readme  # what the draft could not know is said, not guessed


def test_a_word_document_gives_the_same_draft(runner: CliRunner, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in SOURCE.read_text("utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "方案.docx"
    document.save(str(path))
    root = _draft(runner, tmp_path, "--from", str(path))
    assert _tasks(_loaded(root)) == _tasks(SHIPPED)


def test_a_second_document(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "整治方案.txt"
    source.write_bytes(SECOND.encode("gb18030"))  # as WPS saves it
    root = _draft(runner, tmp_path, "--from", str(source), "--issuer", "某区应急管理局")
    plan = _loaded(root)
    assert _tasks(plan) == [
        (
            "1.1",
            "1.",
            "落实企业主体责任",
            "督促企业健全全员安全生产责任制，建立隐患排查治理台账。",
            ["安全生产监督管理科", "东城街道应急管理所"],
        ),
        (
            "1.2",
            "2.",
            "强化部门监管责任",
            "制定部门安全监管权力和责任清单，按照管行业必须管安全的要求开展联合执法。",
            ["执法监督科", "综合协调科"],
        ),
        (
            "2.1",
            "1.",
            "开展危险化学品整治",
            "对辖区危险化学品企业逐一开展安全评估。",
            ["危险化学品监管科", "西城区应急管理局", "区安全生产协会"],
        ),
    ]
    assert plan.meta.short_title == "安全生产专项整治三年行动"
    assert [str(d) for d in plan.activity] == ["2024-01-01", "2024-12-31"]
    assert plan.schedule.reporting.due_working_days == 10
    assert plan.units[plan.schedule.reporting.recipient].name == "综合协调科"
    assert {u.name: u.kind for u in plan.registry.units}["西城区应急管理局"] is UnitKind.DISTRICT
    assert plan.meta.notice is None and plan.meta.guiding_ideology is not None
    assert plan.meta.requirements is not None and plan.meta.requirements.heading == "保障措施"


def test_the_example_campaign_runs_end_to_end_with_nothing_of_the_shipped_one(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = _draft(runner, tmp_path)
    plan = _loaded(root)
    unit = plan.reporters[0].id
    code, output = invoke(runner, "new", "2025Q1", "--unit", unit, "--root", str(root))
    assert code == 0, output
    path = root / "submissions" / "2025Q1" / f"{unit}.yaml"
    text = path.read_text("utf-8")
    text = text.replace("status:  ", "status: in_progress  ")
    text = text.replace('narrative: ""', "narrative: 已印发工作制度，正在征求意见。")
    text = re.sub(r"submitted_on: .*", "submitted_on: 2025-04-03", text, count=1)
    text = text.replace('name: ""\n  phone: ""', 'name: 示例联络员\n  phone: "000-0000-0000"')
    text = re.sub(r"filled_by: .*", "filled_by: {name: 示例填报人, post: 科员}", text, count=1)
    path.write_text(text, "utf-8")
    outputs = []
    for args in (
        ["validate", "--today", "2025-04-20"],
        ["status", "--today", "2025-04-20"],
        ["status", "--today", "2025-04-20", "--format", "json"],
        ["remind", "Q1", "--today", "2025-04-20"],
        ["report", "Q1", "--today", "2025-04-20", "-f", "md"],
    ):
        code, output = invoke(runner, *args, "--root", str(root))
        assert code == 0, (args, output)
        outputs.append(output)
    states = {s["unit"]: s["state"] for s in json.loads(outputs[2])[0]["units"]}
    assert states[unit] == "on_time"
    report = (root / "reports" / "2025Q1进展情况报告.md").read_text("utf-8")
    assert "已印发工作制度" in report
    seen = "\n".join([*outputs, report, *(p.read_text("utf-8") for p in root.rglob("*.y*ml"))])
    for word in ("退役军人", "思想政治", "天津", "hexi", "2020Q"):
        assert word not in seen, word


@pytest.mark.parametrize(
    ("setup", "code_word"),
    [
        (
            lambda d: (d / "campaign").mkdir() or (d / "campaign" / "x").write_text(""),
            "不是空文件夹",
        ),
        (lambda d: (d / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8" * 9), "编码无法识别"),
        (lambda d: (d / "bad.txt").write_text("没有任务的文字。", "utf-8"), "没有找到"),
    ],
)
def test_what_init_refuses(
    runner: CliRunner, tmp_path: Path, setup: object, code_word: str
) -> None:
    setup(tmp_path)  # type: ignore[operator]
    args = ["init", str(tmp_path / "campaign")]
    if (tmp_path / "bad.txt").exists():
        args += ["--from", str(tmp_path / "bad.txt")]
    result = runner.invoke(__import__("zzgzn.cli", fromlist=["app"]).app, args)
    assert result.exit_code in (1, 2) and code_word in result.output, result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "campaign" / "plan").exists()


def _broken_docx(folder: Path, kind: str) -> Path:
    """A .docx as offices send them when it is not one: renamed, cut short, another package."""
    import docx

    path = folder / "方案.docx"
    if kind == "renamed":  # a .doc (an OLE file) renamed
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    else:
        document = docx.Document()
        document.add_paragraph("关于开展某项活动的实施方案")
        document.save(str(path))
        whole = path.read_bytes()
        if kind == "truncated":  # a download that stopped half-way
            path.write_bytes(whole[: len(whole) // 2])
        else:  # a zip package, but not a Word one (a workbook renamed)
            with zipfile.ZipFile(path, "w") as z:
                z.writestr("[Content_Types].xml", "<Types/>")
                z.writestr("xl/workbook.xml", "<workbook/>")
    return path


@pytest.mark.parametrize(
    ("kind", "words", "en"),
    [
        ("renamed", "不是 Word 文档（.docx）", "is not a Word document"),
        ("truncated", "文件不完整或已损坏", "incomplete or damaged"),
        ("other-package", "文件不完整或已损坏", "incomplete or damaged"),
    ],
)
def test_a_docx_that_is_not_one_is_explained_in_words(
    runner: CliRunner, tmp_path: Path, kind: str, words: str, en: str
) -> None:
    source = _broken_docx(tmp_path, kind)
    app = __import__("zzgzn.cli", fromlist=["app"]).app
    for lang, expected in (("zh", words), ("en", en)):
        args = ["init", str(tmp_path / "campaign"), "--from", str(source)]
        result = runner.invoke(app, args, env={"ZZGZN_LANG": lang})
        assert result.exit_code == 1 and expected in result.output, result.output
        assert "Traceback" not in result.output and str(source) in result.output
        # the reason is said in words, never as the exception python-docx raised
        assert not re.search(r"[A-Z][a-z]+(Error|Zip|Exception)", result.output), result.output
    assert not (tmp_path / "campaign").exists()


def test_the_package_holds_nothing_of_the_shipped_campaign() -> None:
    """Templates, wording and model descriptions are the tool's; examples come from the plan."""
    package = REPO / "src" / "zzgzn"
    words = re.compile(r"退役军人|思想政治|天津|hexi|fuwu-zhongxin|河西|走访|慰问|优抚|褒扬|烈士")
    found = [
        f"{path.relative_to(package)}:{n}"
        for path in [*package.rglob("*.py"), *package.rglob("*.j2"), *package.rglob("*.txt")]
        if path.name != "plandraft.py"  # phase names common to plans, not this campaign's
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if words.search(line)
    ]
    assert not found


def test_an_error_about_a_hostile_file_name_shows_its_escapes_not_obeys_them(
    tmp_path: Path, runner: CliRunner
) -> None:
    target = tmp_path / "plan\x1b[2J\x1b[31m.txt"
    target.write_text("x", "utf-8")
    code, output = invoke(runner, "init", str(target))
    assert code == 2
    assert "\x1b" not in output and "plan\\x1b[2J\\x1b[31m.txt" in output


def test_a_task_whose_units_line_is_only_separators_gets_a_plain_message(
    tmp_path: Path, runner: CliRunner
) -> None:
    source = tmp_path / "方案.txt"
    source.write_text(
        "关于开展“示例年”活动的实施方案\n一、总体要求\n做好示例工作。\n二、主要内容\n"
        "（一）第一部分\n1.做第一件事。要认真。\n责任单位：、、 ，\n",
        "utf-8",
    )
    code, output = invoke(runner, "init", str(tmp_path / "new"), "--from", str(source))
    assert code == 1
    assert "任务 1.1（做第一件事）没有责任单位" in output
    assert "plan/sections/1.yaml:" in output and "[too-few-items]" in output
    assert "“units”至少要有 1 项" in output and "List should" not in output


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_a_text_saved_as_unicode_by_notepad_drafts_like_utf8(
    runner: CliRunner, tmp_path: Path, codec: str
) -> None:
    # Windows Notepad's "Unicode" is UTF-16 with a byte-order mark
    source = tmp_path / "整治方案.txt"
    bom = "\ufeff" if codec.endswith("be") else ""  # "utf-16" writes its own
    source.write_bytes(bom.encode(codec) + SECOND.encode(codec))
    assert source.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    drafted = _loaded(_draft(runner, tmp_path, "--from", str(source)))
    source.write_bytes(SECOND.encode("utf-8"))
    again = _draft(runner, tmp_path / "utf8", "--from", str(source))
    assert _tasks(drafted) == _tasks(_loaded(again))


def test_the_next_step_can_be_pasted_into_a_shell_when_the_folder_has_spaces(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "2027 专项 活动"
    code, output = invoke(runner, "init", str(target))
    assert code == 0, output
    assert f"cd '{target}' && git init" in "".join(output.splitlines())


def test_a_repeated_task_number_is_drafted_in_order_and_said_where(
    tmp_path: Path, runner: CliRunner
) -> None:
    source = tmp_path / "方案.txt"
    source.write_text(
        "关于开展“示例年”活动的实施方案\n\n一、总体要求\n做好示例工作。\n二、主要内容\n"
        "（一）第一部分\n1.做第一件事。\n责任单位：甲处\n"
        "2.做第二件事。\n责任单位：乙处\n"
        "2.做第三件事。\n责任单位：甲处\n",
        "utf-8",
    )
    root = tmp_path / "new"
    code, output = invoke(runner, "init", str(root), "--from", str(source))
    assert code == 0, output
    warning = (
        "原文第 11 行：（一）中的任务编号“2.”与顺序不符（重复或跳号），起草为任务 1.3："
        "请核对原文和 sections/ 中的编号"
    )
    assert warning in output
    assert "第 9 行" not in output  # the first 2. is in order
    assert warning in (root / "README.md").read_text("utf-8")  # the office's list to review
    assert list(_loaded(root).tasks) == ["1.1", "1.2", "1.3"]
    code, output = invoke(
        runner, "--lang", "en", "init", str(tmp_path / "en"), "--from", str(source)
    )
    assert code == 0 and 'line 11 of the text: task number "2." in （一） is out of order' in output
