"""The main report consolidates and the compilation keeps every word: on a campaign whose
submissions are written here, so that every figure and wording is known to the test."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tests.conftest import REPO, edit, invoke
from zzgzn.checking.planload import load_plan
from zzgzn.models.plan import UnitKind

VARIANTS = [
    "基层服务站工作力量不足，专职人员偏少",
    "基层服务站工作力量不足，专职人员较少",
    "基层服务站（点）工作力量不足，专职人员偏少",
    "基层服务站工作力量不足、专职工作人员偏少",
]
CASE = ("“老兵驿站”谈心谈话机制", "依托服务站设立“老兵驿站”，老党员与新返乡退役军人结对谈心。")


def _submission(unit: str, n: int) -> str:
    measure = "人次" if n == 5 else "户"  # one bureau counts visits, not households
    problems = [VARIANTS[n % len(VARIANTS)]] if n < 9 else ["慰问经费保障不足"]
    case = (
        f"    cases:\n      - title: {json.dumps(CASE[0], ensure_ascii=False)}\n"
        f"        summary: {json.dumps(CASE[1] + f'（第{n}稿）', ensure_ascii=False)}\n"
        if n in (0, 3, 7)
        else ""
    )
    return (
        f"unit: {unit}\nquarter: 2020Q2\nplan_version: 1.0.0\nsubmitted_on: 2020-07-0{1 + n % 5}\n"
        f'liaison: {{name: 示例联络员{n:02d}, phone: "000-0000-00{n:02d}"}}\n'
        f"summary: 示例区{n}本季度以走访慰问为抓手推进各项任务。\n"
        "tasks:\n"
        '  - task: "4.3"\n'
        "    status: in_progress\n"
        f"    narrative: 第{n}区组织“八一”前集中走访，覆盖辖区困难退役军人家庭。\n"
        f"    measures: [区局领导带队走访第{n}批]\n"
        "    metrics:\n"
        f"      - {{name: 走访慰问困难退役军人, value: {10 * (n + 1)}, unit: {measure}}}\n"
        f"      - {{name: 发放慰问金, value: {n + 0.5}, unit: 万元}}\n"
        f"{case}"
        f"    problems: {json.dumps(problems, ensure_ascii=False)}\n"
        f"    next_steps: [第{n}区将走访结果录入台账]\n"
        "filled_by: {name: 示例填报人, post: 科员}\n"
        "approved_by: {name: 示例审核人, post: 局长}\n"
    )


def _declare_only(path: Path, task: str, *metrics: str) -> None:
    """Task's declared metrics (统计口径) exactly these, whatever the shipped plan says."""
    text = path.read_text("utf-8")
    start = text.index(f'  - id: "{task}"')
    end = text.find("\n  - id:", start)
    end = len(text) if end < 0 else end + 1
    block = re.sub(r"(?m)^    # 统计口径.*\n", "", text[start:end])
    block = re.sub(r"(?m)^    metrics:\n(?:      .*\n)*", "", block)
    declared = "    metrics:\n" + "".join(f"      - {m}\n" for m in metrics)
    path.write_text(text[:start] + block.rstrip("\n") + "\n" + declared + text[end:], "utf-8")


@pytest.fixture
def campaign(empty_repo: Path) -> tuple[Path, list[str]]:
    _declare_only(
        empty_repo / "plan/sections/4.yaml", "4.3", "{name: 走访慰问困难退役军人, unit: 户}"
    )
    plan = load_plan(empty_repo).plan
    districts = [u.id for u in plan.units.values() if u.kind is UnitKind.DISTRICT]
    folder = empty_repo / "submissions" / "2020Q2"
    folder.mkdir(parents=True)
    for n, unit in enumerate(districts[:12]):
        (folder / f"{unit}.yaml").write_text(_submission(unit, n), "utf-8")
    return empty_repo, districts[:12]


def _run(runner: CliRunner, root: Path, out: Path) -> tuple[str, str]:
    code, output = invoke(
        runner,
        "report",
        "2020Q2",
        "--root",
        str(root),
        "--today",
        "2020-07-20",
        "-f",
        "md",
        "-o",
        f"{out}/",
    )
    assert code == 0, output
    main = (out / "2020Q2进展情况报告.md").read_text("utf-8")
    whole = (out / "2020Q2各单位进展情况汇编.md").read_text("utf-8")
    return _unescape(main), _unescape(whole)


def _unescape(markdown: str) -> str:
    return re.sub(r"\\([\\`*_\[\]<>|~&#.)+=-])", r"\1", markdown)


def test_totals_are_the_sums_of_the_files(
    runner: CliRunner, campaign: tuple[Path, list[str]], tmp_path: Path
) -> None:
    root, _ = campaign
    main, _ = _run(runner, root, tmp_path / "out")
    households = sum(10 * (n + 1) for n in range(12) if n != 5)
    assert f"走访慰问困难退役军人共{households:,}户（11个单位合计）" in main
    money = sum(n + 0.5 for n in range(12))
    assert f"发放慰问金共{money:g}万元（12个单位合计）" in main
    # the bureau counting 人次 is named, not added
    assert "未计入合计：" in main and "“走访慰问困难退役军人”60人次（统计口径以户计）" in main


def test_a_problem_worded_differently_appears_once_with_its_units(
    runner: CliRunner, campaign: tuple[Path, list[str]], tmp_path: Path
) -> None:
    root, _ = campaign
    main, _ = _run(runner, root, tmp_path / "out")
    problems = main[main.index("（一）存在问题") : main.index("（二）下一步打算")]
    assert sum(problems.count(v) for v in VARIANTS) == 1
    assert "等9个单位提出；任务4.3）" in problems
    assert "慰问经费保障不足" in problems  # another problem stays its own line


def test_a_shared_case_is_one_entry_crediting_every_unit(
    runner: CliRunner, campaign: tuple[Path, list[str]], tmp_path: Path
) -> None:
    root, _ = campaign
    main, whole = _run(runner, root, tmp_path / "out")
    cases = main[main.index("## 四、") : main.index("## 五、")]
    assert cases.count(CASE[0]) == 1 and "，3个单位报送同题案例；任务4.3）" in cases
    assert "本季度3个单位报送典型案例3个，同题合并后1个" in cases
    for n in (0, 3, 7):  # every unit's own version is in the compilation
        assert CASE[1] + f"（第{n}稿）" in whole


def test_the_main_report_does_not_paste_every_paragraph(
    runner: CliRunner, campaign: tuple[Path, list[str]], tmp_path: Path
) -> None:
    root, _ = campaign
    main, whole = _run(runner, root, tmp_path / "out")
    narratives = [f"第{n}区组织“八一”前集中走访" for n in range(12)]
    assert not any(n in main for n in narratives)  # no lead report: only who reported
    assert all(n in whole for n in narratives)
    assert "本季度责任单位均未报送此项任务进展" in main
    assert "12个单位报送，均为推进中" in main


def test_validate_warns_where_a_figure_departs_from_the_declared_metric(
    runner: CliRunner, campaign: tuple[Path, list[str]]
) -> None:
    root, units = campaign
    variant = root / "submissions" / "2020Q2" / f"{units[3]}.yaml"
    edit(variant, "{name: 走访慰问困难退役军人, value", "{name: 走访慰问困难退役军人家庭, value", 1)
    code, output = invoke(
        runner, "validate", "--root", str(root), "--today", "2020-07-20", "-f", "json"
    )
    assert code == 0, output  # warnings: the files are still valid
    found = {
        (p["path"], p["line"], p["column"], p["code"]): p
        for p in json.loads(output)
        if p["code"].startswith("metric-")
    }
    wrong_unit = f"submissions/2020Q2/{units[5]}.yaml"
    near_name = f"submissions/2020Q2/{units[3]}.yaml"

    def where(path: str, text: str) -> tuple[int, int]:
        """1-based line and column of the first occurrence of text in the file."""
        lines = (root / path).read_text("utf-8").splitlines()
        row = next(i for i, line in enumerate(lines) if text in line)
        return row + 1, lines[row].index(text) + 1

    assert set(found) == {
        (wrong_unit, *where(wrong_unit, "人次"), "metric-unit"),
        (near_name, *where(near_name, "走访慰问困难退役军人家庭"), "metric-name"),
    }
    unit_problem = found[(wrong_unit, *where(wrong_unit, "人次"), "metric-unit")]
    assert "“人次”" in unit_problem["message"] and "“户”" in unit_problem["message"]
    name_problem = found[(near_name, *where(near_name, "走访慰问困难退役军人家庭"), "metric-name")]
    assert "是不是想写“走访慰问困难退役军人”" in name_problem["message"]


def test_new_prefills_the_declared_metrics(
    runner: CliRunner, campaign: tuple[Path, list[str]]
) -> None:
    root, _ = campaign
    code, output = invoke(runner, "new", "Q2", "--unit", "yongjun-youfu", "--root", str(root))
    assert code == 0, output
    path = root / "submissions" / "2020Q2" / "yongjun-youfu.yaml"
    text = path.read_text("utf-8")
    assert '      - {name: "走访慰问困难退役军人", value: , unit: "户"}\n' in text
    code, output = invoke(runner, "validate", str(path), "--root", str(root), "-f", "json")
    found = json.loads(output)
    assert not [p for p in found if p["code"].startswith("metric-")]
    unfilled = next(p for p in found if p["code"] == "task-unfilled" and "4.3" in p["message"])
    assert "value" in unfilled["message"]


def test_the_office_scaffolds_writes_and_merges_its_editorial_file(
    runner: CliRunner, campaign: tuple[Path, list[str]], tmp_path: Path
) -> None:
    root, _ = campaign
    code, output = invoke(
        runner, "new", "Q2", "--editorial", "--root", str(root), "--today", "2020-07-20"
    )
    assert code == 0, output
    path = root / "editorial" / "2020Q2.yaml"
    scaffold = path.read_text("utf-8")
    # the computed facts are there as comments, for the office to write from
    assert "#   基层服务站工作力量不足，专职人员偏少（9个单位）" in scaffold
    assert (
        '#  - task: "4.3"   # 开展走访慰问活动：12个单位报送；走访慰问困难退役军人共720户'
        in scaffold
    )
    assert f"#   {CASE[0]}（3个单位，任务4.3）  ← 默认选录" in scaffold
    main, _ = _run(runner, root, tmp_path / "plain")  # the scaffold as it is adds nothing
    assert "处室意见" not in main and "总体评价" not in main
    assert CASE[0] in main[main.index("## 四、") : main.index("## 五、")]

    edit(path, 'overall: ""', "overall: |\n  本季度各区走访慰问扎实有效，数据报送口径总体统一。")
    edit(path, "tasks: []", 'tasks:\n  - task: "4.3"\n    note: 请红桥区按“户”重新统计走访数据。')
    edit(path, "  omitted: []", f"  omitted: [{json.dumps(CASE[0], ensure_ascii=False)}]")
    edit(path, 'arrangements: ""', "arrangements: 下季度重点抓好“八一”走访慰问。")
    main, _ = _run(runner, root, tmp_path / "edited")
    assert "### （三）总体评价\n\n本季度各区走访慰问扎实有效" in main
    assert "**处室意见**：请红桥区按“户”重新统计走访数据。" in main
    assert "## 七、下季度工作安排\n\n下季度重点抓好“八一”走访慰问。" in main
    assert CASE[0] not in main[main.index("## 四、") : main.index("## 五、")]  # omitted


def test_a_broken_editorial_file_is_reported_with_positions(
    runner: CliRunner, campaign: tuple[Path, list[str]]
) -> None:
    root, _ = campaign
    folder = root / "editorial"
    folder.mkdir()
    (folder / "2020Q2.yaml").write_text(
        'quarter: 2020Q2\noveral: 很好\ntasks:\n  - task: "9.9"\n    note: 无\n'
        "cases:\n  featured: [不存在的案例]\n",
        "utf-8",
    )
    code, output = invoke(runner, "validate", "--root", str(root), "--today", "2020-07-20")
    assert code == 1
    assert "editorial/2020Q2.yaml:2:1: 错误 [unknown-key]" in output and "overall" in output
    assert "editorial/2020Q2.yaml:4:11: 错误 [unknown-task]" in output
    alone = invoke(runner, "validate", str(folder / "2020Q2.yaml"), "--root", str(root))
    assert alone[0] == 1 and "editorial/2020Q2.yaml:2:1: 错误 [unknown-key]" in alone[1]
    code, output = invoke(runner, "report", "2020Q2", "--root", str(root), "--today", "2020-07-20")
    assert code == 1 and "editorial/2020Q2.yaml:2:1" in output
    assert not (root / "reports").exists()

    (folder / "2020Q2.yaml").write_text(
        "quarter: 2020Q2\ncases:\n  featured: [老兵驿站谈心谈话]\n", "utf-8"
    )
    code, output = invoke(
        runner, "report", "2020Q2", "--root", str(root), "--today", "2020-07-20", "-f", "md"
    )
    assert code == 0, output
    assert "editorial/2020Q2.yaml:3:14: 警告 [editorial-unknown-case]" in output
    assert f"是不是“{CASE[0]}”" in output


def test_the_main_report_stays_bounded_as_units_grow(runner: CliRunner, tmp_path: Path) -> None:
    """Per task counts, totals and the top items: five times the units, about the same text;
    the compilation grows with them (every word kept)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from national import generate

    sizes = {}
    for units in (30, 150):
        root = tmp_path / f"n{units}"
        generate(root, units=units, seed=3)
        _run(runner, root, root / "out")
        main = (root / "out" / "2020Q2进展情况报告.md").read_text("utf-8")
        whole = (root / "out" / "2020Q2各单位进展情况汇编.md").read_text("utf-8")
        sizes[units] = (len(main), len(whole))
        assert "等" in main and "个单位" in main  # names shortened past a few
        # every word of these generated files (not written for this test) is in the compilation
        text = _unescape(whole)
        for path in sorted((root / "submissions" / "2020Q2").glob("*.yaml")):
            data = yaml.safe_load(path.read_text("utf-8"))
            assert f"来源文件：submissions/2020Q2/{path.name}" in text
            for item in data["tasks"]:
                pieces = [*item["narrative"].splitlines(), *item.get("measures", [])]
                pieces += [*item.get("problems", []), *item.get("next_steps", [])]
                pieces += [f"{m['name']}{m['value']}{m['unit']}" for m in item.get("metrics", [])]
                pieces += [v for c in item.get("cases", []) for v in c.values()]
                missing = [p for p in pieces if p.strip() and p.strip() not in text]
                assert not missing, (path.name, missing)
    assert sizes[150][0] < 1.25 * sizes[30][0], sizes
    assert sizes[150][1] > 4 * sizes[30][1], sizes
