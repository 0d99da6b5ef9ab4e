"""zzgzn forward met as a careless or hostile user would: what a file below says of itself
is not believed beyond what its provenance stands for."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from typer.testing import CliRunner

from tests.chain import city_campaign, district_campaign, ministry_campaign
from tests.conftest import edit, invoke

Q = "2020Q2"
TODAY = ("--today", "2020-07-10")


def _problems(path: Path, task: str) -> list[str]:
    data = yaml.safe_load(path.read_text("utf-8"))
    entry = next(t for t in data["tasks"] if t["task"] == task)
    return list(entry.get("problems", []))


def test_a_station_cannot_speak_for_500_units(runner: CliRunner, tmp_path: Path) -> None:
    """A station's own file (no provenance) writes its problem as a forwarded one would:
    "（500个单位提出）". It is one unit raising it; its words are kept as written."""
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city")
    station = district / "submissions" / Q / "chengguan.yaml"
    edit(
        station, "problems: [服务站专职人员不足]", "problems: [服务站专职人员不足（500个单位提出）]"
    )
    code, said = invoke(runner, "forward", "Q2", "-p", str(city), *TODAY, "--root", str(district))
    assert code == 0, said
    forwarded = city / "submissions" / Q / "jinghai.yaml"
    assert _problems(forwarded, "1.2") == ["服务站专职人员不足（500个单位提出）（2个单位提出）"]


def test_a_forwarded_line_counts_at_most_the_units_it_consolidates(
    runner: CliRunner, tmp_path: Path
) -> None:
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city")
    ministry = ministry_campaign(tmp_path / "ministry")
    code, said = invoke(runner, "forward", "Q2", "-p", str(city), *TODAY, "--root", str(district))
    assert code == 0, said
    forwarded = city / "submissions" / Q / "jinghai.yaml"
    edit(forwarded, "服务站专职人员不足（2个单位提出）", "服务站专职人员不足（500个单位提出）")
    code, said = invoke(runner, "forward", "Q2", "-p", str(ministry), *TODAY, "--root", str(city))
    assert code == 0, said
    top = ministry / "submissions" / Q / "tianjin.yaml"
    raised = [p for t in ("1.1", "1.2") for p in _problems(top, t) if "服务站专职人员不足" in p]
    assert raised == ["服务站专职人员不足（4个单位提出）"], raised  # jinghai consolidates 4


def _strict_json(text: str) -> dict:  # type: ignore[type-arg]
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} is not JSON")

    data = json.loads(text, parse_constant=refuse)
    assert isinstance(data, dict)
    return data


def _steps(steps: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    return [x for s in steps for x in [s, *_steps(s["below"])]]


def test_trace_names_a_file_gone_below(runner: CliRunner, tmp_path: Path) -> None:
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city")
    code, said = invoke(runner, "forward", "Q2", "-p", str(city), *TODAY, "--root", str(district))
    assert code == 0, said
    (district / "submissions" / Q / "xihu.yaml").unlink()
    args = ["trace", "Q2", "-t", "1.2", "-m", "走访退役军人", "--child", str(district)]
    code, said = invoke(runner, *args, "--root", str(city))
    assert code == 0, said
    assert "写的是 nan" not in said
    assert "jinghai-sizheng-2020 的仓库中没有这个可读的报送文件" in " ".join(said.split())
    code, said = invoke(runner, *args, "-f", "json", "--root", str(city))
    gone = [s for s in _steps(_strict_json(said)["steps"]) if s["missing_file"]]
    assert [s["unit"] for s in gone] == ["xihu"] and gone[0]["says"] is None


def test_trace_never_reads_outside_the_child_repository(runner: CliRunner, tmp_path: Path) -> None:
    """The city's forwarded file (in the city's repository, which the ministry does not
    validate) points its sources at a file outside 静海区's repository: it is not read."""
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city")
    ministry = ministry_campaign(tmp_path / "ministry")
    code, said = invoke(runner, "forward", "Q2", "-p", str(city), *TODAY, "--root", str(district))
    assert code == 0, said
    code, said = invoke(runner, "forward", "Q2", "-p", str(ministry), *TODAY, "--root", str(city))
    assert code == 0, said
    outside = tmp_path / "outside" / "chengguan.yaml"
    outside.parent.mkdir()
    shutil.copy2(district / "submissions" / Q / "chengguan.yaml", outside)
    edit(
        district / "submissions" / Q / "chengguan.yaml",
        "value: 120, unit: 人次",
        "value: 7, unit: 人次",
    )
    edit(
        city / "submissions" / Q / "jinghai.yaml", "submissions/2020Q2/chengguan.yaml", str(outside)
    )
    args = ["trace", "Q2", "-t", "1.1", "-m", "走访退役军人", "-f", "json", "--root", str(ministry)]
    code, said = invoke(runner, *args, "--child", str(city), "--child", str(district))
    assert code == 0, said
    steps = [s for s in _steps(_strict_json(said)["steps"]) if s["unit"] == "chengguan"]
    assert [s["file"] for s in steps] == [str(outside)]
    assert steps[0]["missing_file"] is True and steps[0]["says"] is None


def test_a_campaign_cannot_forward_to_itself(runner: CliRunner, tmp_path: Path) -> None:
    """parent: names the campaign itself and --parent is its own checkout: each run wrote a
    file the next run consolidated again (922 → 1,844 → … 人次)."""
    district = district_campaign(tmp_path / "district")
    edit(district / "plan" / "plan.yaml", "campaign: sizheng-gongzuonian-2020", "campaign: x")
    edit(district / "plan" / "plan.yaml", "id: jinghai-sizheng-2020", "id: x")
    code, said = invoke(runner, "forward", "Q2", "-p", str(district), "--root", str(district))
    assert code == 1
    assert "plan/plan.yaml:8:13: 错误 [forward-parent-is-self]" in said, said
    assert not (district / "submissions" / Q / "jinghai.yaml").exists()


def test_campaigns_do_not_forward_in_a_loop(runner: CliRunner, tmp_path: Path) -> None:
    """The city consolidates 静海区's forwarded file; forwarding the city back to 静海区's
    campaign would count the stations' figures there twice."""
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city")
    code, said = invoke(runner, "forward", "Q2", "-p", str(city), *TODAY, "--root", str(district))
    assert code == 0, said
    edit(city / "plan" / "plan.yaml", "campaign: bu-sizheng-2020", "campaign: jinghai-sizheng-2020")
    code, said = invoke(
        runner, "--lang", "en", "forward", "Q2", "-p", str(district), *TODAY, "--root", str(city)
    )
    assert code == 1
    assert "error [forward-cycle] submissions/2020Q2/jinghai.yaml, consolidated here," in said
    assert "hint: campaigns form a chain, not a loop" in said
