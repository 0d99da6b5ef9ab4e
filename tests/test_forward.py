"""zzgzn forward: a campaign's quarter becomes its submission to the level above.

The chain test runs on three real git repositories: 静海区's own campaign (four stations) →
the shipped city campaign → a small ministry campaign, and checks what arrives at the top
against the street files themselves, then sends a correction from the bottom to the top.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tests.chain import STATIONS, city_campaign, district_campaign, ministry_campaign
from tests.conftest import edit, invoke
from tests.gitrepo import git
from zzgzn.models.submission import Status
from zzgzn.workflow.forward import consolidated_status

Q = "2020Q2"


def _commit(root: Path, message: str) -> None:
    if not (root / ".git").exists():
        git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def _load(path: Path) -> dict:  # type: ignore[type-arg]
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def _figure(data: dict, task: str, name: str) -> float:  # type: ignore[type-arg]
    entry = next(t for t in data["tasks"] if t["task"] == task)
    return next(m["value"] for m in entry.get("metrics", []) if m["name"] == name)


def _leaf_sum(folder: Path, tasks: set[str], name: str, unit: str, skip: str = "") -> float:
    """The figure as the files write it: name and unit of measure exactly, on those tasks."""
    total = 0.0
    for path in sorted(folder.glob("*.yaml")):
        if path.stem == skip:
            continue
        for entry in _load(path)["tasks"]:
            if str(entry["task"]) in tasks:
                total += sum(
                    m["value"]
                    for m in entry.get("metrics", [])
                    if m["name"] == name and m.get("unit", "") == unit
                )
    return total


def _trace(runner: CliRunner, top: Path, *below: Path) -> dict:  # type: ignore[type-arg]
    args = ["trace", "Q2", "-t", "1.1", "-m", "走访退役军人", "-f", "json", "--root", str(top)]
    for root in below:
        args += ["--child", str(root)]
    code, said = invoke(runner, *args)
    assert code == 0, said
    data = json.loads(said)
    assert isinstance(data, dict)
    return data


def _leaves(steps: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    return [leaf for s in steps for leaf in (_leaves(s["below"]) if s["below"] else [s])]


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages here name files under tmp_path: wide enough that no path length wraps a phrase
    the tests look for ("汇总 4 个单位" broke at a short --basetemp)."""
    monkeypatch.setenv("COLUMNS", "400")


@pytest.fixture
def chain(tmp_path: Path) -> tuple[Path, Path, Path]:
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city")
    ministry = ministry_campaign(tmp_path / "ministry")
    for root in (district, city, ministry):
        _commit(root, "campaign")
    return district, city, ministry


def test_three_levels_totals_and_a_correction_reach_the_top(
    runner: CliRunner, chain: tuple[Path, Path, Path]
) -> None:
    district, city, ministry = chain
    code, said = invoke(runner, "forward", "Q2", "--parent", str(city), "--root", str(district))
    assert code == 0, said
    assert "汇总 4 个单位" in said
    # valid data is never dropped silently: the rate and the unmapped figures are named
    assert "服务站“五有”达标率" in said and "比率不汇总" in said
    forwarded = city / "submissions" / Q / "jinghai.yaml"
    made = _load(forwarded)
    origin = made["provenance"]
    assert origin["campaign"] == "jinghai-sizheng-2020" and origin["units"] == 4
    assert origin["commit"] == git(district, "rev-parse", "HEAD").strip()
    assert sorted(Path(f).stem for f in origin["files"]) == sorted(STATIONS)
    # several tasks onto one (1.1 + 1.2 → 1.2), one onto several (1.1 → 1.2 and 4.3), one onto none
    streets = district / "submissions" / Q
    assert _figure(made, "1.2", "走访退役军人") == _leaf_sum(
        streets, {"1.1"}, "走访退役军人", "人次"
    )
    assert _figure(made, "1.2", "悬挂光荣牌") == _leaf_sum(streets, {"1.2"}, "悬挂光荣牌", "块")
    assert _figure(made, "4.3", "走访慰问困难退役军人") == _leaf_sum(
        streets, {"1.1"}, "走访慰问困难家庭", "户"
    )
    assert [t["task"] for t in made["tasks"]] == ["1.2", "2.2", "4.3", "5.1"]
    assert (
        "服务站专职人员不足（2个单位提出）"
        in next(t for t in made["tasks"] if t["task"] == "1.2")["problems"]
    )
    code, said = invoke(runner, "validate", "--root", str(city))
    assert code == 0, said
    _commit(city, "jinghai forwards 2020Q2")

    code, said = invoke(runner, "forward", "Q2", "--parent", str(ministry), "--root", str(city))
    assert code == 0, said
    top = _load(ministry / "submissions" / Q / "tianjin.yaml")
    assert top["provenance"]["units"] == 28  # 27 of the city's own files and 静海区's
    files = city / "submissions" / Q
    for name, unit in (("走访退役军人", "人次"), ("走访慰问困难退役军人", "户")):
        expected = _leaf_sum(files, {"1.2", "4.3"}, name, unit, skip="jinghai")
        expected += _leaf_sum(streets, {"1.1"}, "走访慰问困难家庭" if unit == "户" else name, unit)
        assert _figure(top, "1.1", name) == expected, name
    # a metric renamed on the way: 组织专题教育 (city 2.2) is the ministry's 开展专题教育
    assert _figure(top, "1.2", "开展专题教育") == _leaf_sum(
        files, {"2.2"}, "组织专题教育", "场", skip="jinghai"
    ) + _leaf_sum(streets, {"2.1"}, "组织专题教育", "场")
    code, said = invoke(runner, "validate", "--root", str(ministry))
    assert code == 0, said
    _commit(ministry, "tianjin forwards 2020Q2")

    # a ministry total traces back through the city's files to the street stations' files
    found = _trace(runner, ministry, city, district)
    leaves = _leaves(found["steps"])
    assert (
        sum(s["value"] for s in leaves)
        == found["value"]
        == _figure(top, "1.1", "走访退役军人") + 5000
    )
    street_files = {s["file"] for s in leaves if s["campaign"] == "jinghai-sizheng-2020"}
    assert street_files == {f"submissions/{Q}/{u}.yaml" for u in ("chengguan", "dongcheng", "xihu")}
    assert all(s["says"] is None for s in leaves)
    code, said = invoke(
        runner,
        "trace",
        "Q2",
        "-t",
        "1.1",
        "-m",
        "走访退役军人",
        "--root",
        str(ministry),
        "-c",
        str(city),
    )
    assert code == 0, said
    assert "静海区退役军人事务局 269人次" in said and "没有给出 jinghai-sizheng-2020 的仓库" in said

    # the parent's report and compilation say whose file stands for how many units
    out = ministry / "out"
    code, said = invoke(
        runner, "report", "Q2", "-f", "md", "-o", f"{out}/", "--root", str(ministry)
    )
    assert code == 0, said
    main = (out / f"{Q}进展情况报告.md").read_text("utf-8")
    assert "天津市退役军人事务局（汇总28个单位）" in main
    whole = (out / f"{Q}各单位进展情况汇编.md").read_text("utf-8")
    assert "### （一）天津市退役军人事务局（汇总28个单位）" in whole
    assert "走访退役军人的来源：下级任务1.2“走访退役军人”：yongjun-youfu 41、" in whole
    assert "jinghai 269、" in whole

    # every level closes the quarter (its report after the deadline), then a street corrects
    for root in (district, city):
        code, said = invoke(
            runner, "report", "Q2", "-f", "md", "--part", "main", "--root", str(root)
        )
        assert code == 0, said
        _commit(root, "report 2020Q2")
    _commit(ministry, "report 2020Q2")
    for root in (district, city, ministry):
        assert "quarter: 2020Q2" in (root / "plan" / "frozen.yaml").read_text("utf-8")
    leaf = streets / "chengguan.yaml"
    edit(
        leaf,
        "{name: 走访退役军人, value: 120, unit: 人次}",
        "{name: 走访退役军人, value: 150, unit: 人次}",
    )
    leaf.write_text(
        leaf.read_text("utf-8")
        + "amendments:\n"
        + "  - {date: 2021-06-30, by: 示例站联络员01, reason: 漏计6月下旬走访30人次}\n",
        "utf-8",
    )
    code, said = invoke(runner, "validate", "--root", str(district))
    assert code == 0, said
    _commit(district, "chengguan corrects 2020Q2")

    # until it is forwarded again, the trace shows the street's file says something else now
    (stale,) = [s for s in _leaves(_trace(runner, ministry, city, district)["steps"]) if s["says"]]
    assert (stale["file"], stale["value"], stale["says"]) == (
        f"submissions/{Q}/chengguan.yaml",
        120,
        150,
    )

    code, said = invoke(runner, "forward", "Q2", "--parent", str(city), "--root", str(district))
    assert code == 0, said
    assert "已附更正记录" in said
    middle = _load(forwarded)
    assert _figure(middle, "1.2", "走访退役军人") == 150 + 85 + 64
    (record,) = middle["amendments"]
    assert "“走访退役军人”由269人次改为299人次" in record["reason"]
    assert "漏计6月下旬走访30人次" in record["reason"]  # the street's own record, quoted
    code, said = invoke(runner, "validate", "--root", str(city))
    assert code == 0, said  # an amendment per change: no frozen-unrecorded-change
    _commit(city, "jinghai re-forwards 2020Q2")

    before = _figure(top, "1.1", "走访退役军人")
    code, said = invoke(runner, "forward", "Q2", "--parent", str(ministry), "--root", str(city))
    assert code == 0, said
    top = _load(ministry / "submissions" / Q / "tianjin.yaml")
    assert _figure(top, "1.1", "走访退役军人") == before + 30
    (record,) = top["amendments"]
    assert f"“走访退役军人”由{before:g}人次改为{before + 30:g}人次" in record["reason"]
    code, said = invoke(runner, "validate", "--root", str(ministry))
    assert code == 0, said

    found = _trace(runner, ministry, city, district)
    assert sum(s["value"] for s in _leaves(found["steps"])) == found["value"]

    # forwarding again with nothing changed below leaves the file alone
    _commit(ministry, "tianjin re-forwards")
    code, said = invoke(runner, "forward", "Q2", "--parent", str(ministry), "--root", str(city))
    assert code == 0 and "未改写" in said, said
    assert git(ministry, "status", "--porcelain") == ""


def test_a_bad_mapping_is_a_positioned_error(runner: CliRunner, tmp_path: Path) -> None:
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city")
    plan = district / "plan" / "plan.yaml"
    edit(plan, "plan_version: 1.0.0\n  unit: jinghai", "plan_version: 2.0.0\n  unit: jinghai")
    edit(plan, '- task: "5.1"', '- task: "9.9"')
    edit(
        plan,
        "{name: 走访慰问困难家庭, to: 走访慰问困难退役军人}",
        "{name: 走访慰问困难家庭, to: 发放慰问金}",
    )
    code, said = invoke(runner, "forward", "Q2", "--parent", str(city), "--root", str(district))
    assert code == 1
    assert "[forward-parent-version]" in said and "plan/plan.yaml:9:17" in said, said
    assert "[forward-unknown-parent-task]" in said and "上级方案中没有任务“9.9”" in said
    assert "[forward-metric-unit]" in said and "“走访慰问困难家庭”的计量单位是“户”" in said
    assert "万元" in said
    assert not (city / "submissions" / Q / "jinghai.yaml").exists()


def test_mapping_names_this_campaigns_tasks_and_metrics(runner: CliRunner, tmp_path: Path) -> None:
    district = district_campaign(tmp_path / "district")
    plan = district / "plan" / "plan.yaml"
    edit(plan, 'from: ["2.2"]', 'from: ["2.9"]')
    edit(plan, "{name: 走访慰问困难家庭, to:", "{name: 走访慰问困难户, to:")
    code, said = invoke(runner, "validate", "--root", str(district))
    assert code == 1
    assert "plan/plan.yaml:" in said and "[unknown-task]" in said and "“2.9”" in said
    assert "[forward-unknown-metric]" in said and "走访慰问困难家庭" in said  # the hint's choices


def test_wrong_unit_and_campaign(runner: CliRunner, tmp_path: Path) -> None:
    district = district_campaign(tmp_path / "district")
    ministry = ministry_campaign(tmp_path / "ministry")
    edit(district / "plan" / "plan.yaml", "unit: jinghai", "unit: jinghai-qu")
    code, said = invoke(runner, "forward", "Q2", "--parent", str(ministry), "--root", str(district))
    assert code == 1
    assert "[forward-wrong-campaign]" in said and "bu-sizheng-2020" in said
    assert "[forward-unknown-unit]" in said and "jinghai-qu" in said


def test_a_copy_of_the_parents_plan_needs_an_output(runner: CliRunner, tmp_path: Path) -> None:
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city")
    shutil.copytree(city / "plan", tmp_path / "copy" / "plan")
    parent = tmp_path / "copy" / "plan"
    code, said = invoke(runner, "forward", "Q2", "-p", str(parent), "--root", str(district))
    assert code == 2 and "-o" in said
    target = tmp_path / "jinghai.yaml"
    code, said = invoke(
        runner, "forward", "Q2", "-p", str(parent), "-o", str(target), "--root", str(district)
    )
    assert code == 0, said
    assert _load(target)["unit"] == "jinghai"


def test_without_a_parent_block_there_is_nothing_to_forward(
    runner: CliRunner, tmp_path: Path
) -> None:
    city = city_campaign(tmp_path / "city")
    edit(city / "plan" / "plan.yaml", "parent:", "parent_removed:")
    (city / "plan" / "plan.yaml").write_text(
        (city / "plan" / "plan.yaml").read_text("utf-8").split("parent_removed:")[0], "utf-8"
    )
    code, said = invoke(runner, "forward", "Q2", "-p", str(tmp_path), "--root", str(city))
    assert code == 1 and "没有 parent:" in said
    code, said = invoke(
        runner, "forward", "Q2", "-p", str(tmp_path), "--lang", "en", "--root", str(city)
    )
    assert code == 1 and "has no parent: block" in said


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([Status.DONE, Status.DONE], Status.DONE),
        ([Status.DONE, Status.ONGOING], Status.ONGOING),
        ([Status.NOT_STARTED], Status.NOT_STARTED),
        ([Status.NOT_STARTED, Status.DONE], Status.IN_PROGRESS),
        ([Status.IN_PROGRESS, Status.ONGOING], Status.IN_PROGRESS),
    ],
)
def test_consolidated_status(statuses: list[Status], expected: Status) -> None:
    assert consolidated_status(statuses) is expected


def test_the_office_needs_a_liaison_to_forward(runner: CliRunner, tmp_path: Path) -> None:
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city")
    edit(district / "plan" / "units.yaml", '{name: 示例联络员51, phone: "000-0000-0051"}', "{}")
    code, said = invoke(runner, "forward", "Q2", "--parent", str(city), "--root", str(district))
    assert code == 1
    expected = "plan/units.yaml:6:5: 错误 [forward-no-liaison] 静海区退役军人事务局没有登记联络员"
    assert expected in said


def test_a_units_own_file_is_not_replaced_unless_forced(runner: CliRunner, tmp_path: Path) -> None:
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city")
    edit(district / "plan" / "plan.yaml", "unit: jinghai", "unit: hexi")  # hexi reported itself
    own = city / "submissions" / Q / "hexi.yaml"
    written = own.read_bytes()
    code, said = invoke(runner, "forward", "Q2", "-p", str(city), "--root", str(district))
    assert code == 2 and "--force" in said
    assert own.read_bytes() == written
    code, said = invoke(
        runner, "forward", "Q2", "-p", str(city), "--force", "--root", str(district)
    )
    assert code == 0, said
    assert _load(own)["provenance"]["campaign"] == "jinghai-sizheng-2020"


def test_months_are_not_forwarded_into_quarters(runner: CliRunner, tmp_path: Path) -> None:
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city")
    edit(district / "plan" / "schedule.yaml", "cadence: quarterly", "cadence: monthly")
    shutil.rmtree(district / "submissions" / Q)
    code, said = invoke(runner, "forward", "2020-06", "-p", str(city), "--root", str(district))
    assert code == 1 and "本活动按月份报送，上级活动按季度报送" in said, said
    code, said = invoke(
        runner, "forward", "2020-06", "-p", str(city), "--lang", "en", "--root", str(district)
    )
    assert code == 1 and "reports by month, the parent by quarter" in said, said


def test_a_first_forward_into_a_closed_quarter_is_recorded(
    runner: CliRunner, tmp_path: Path
) -> None:
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city", frozen=True)  # the shipped record: 2020Q2 closed
    code, said = invoke(runner, "forward", "Q2", "--parent", str(city), "--root", str(district))
    assert code == 0, said
    (record,) = _load(city / "submissions" / Q / "jinghai.yaml")["amendments"]
    assert record["reason"] == "上级季度封存后首次转报（zzgzn forward）"
    code, said = invoke(runner, "validate", "--root", str(city))
    assert code == 0, said  # no frozen-late-file


def test_provenance_marks_files_read_that_are_not_committed(
    runner: CliRunner, tmp_path: Path
) -> None:
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city")
    _commit(district, "campaign")
    edit(district / "submissions" / Q / "nanhe.yaml", "value: 12,", "value: 13,")  # not committed
    code, said = invoke(runner, "forward", "Q2", "--parent", str(city), "--root", str(district))
    assert code == 0, said
    commit = _load(city / "submissions" / Q / "jinghai.yaml")["provenance"]["commit"]
    assert commit == git(district, "rev-parse", "HEAD").strip() + "-dirty"
