"""zzgzn forward met as a careless or hostile user would: what a file below says of itself
is not believed beyond what its provenance stands for."""

from __future__ import annotations

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
