"""A forwarded file's provenance is data in the parent's repository: forging it is refused.

Each case starts from a file `zzgzn forward` really wrote into the city campaign (静海区's four
stations, tests/chain.py), edits it as a careless or hostile pull request would, and checks the
city's `zzgzn validate` names the line and column of the contradiction, in both languages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.chain import city_campaign, district_campaign
from tests.conftest import edit, invoke

FORWARDED = "submissions/2020Q2/jinghai.yaml"


@pytest.fixture(scope="module")
def forwarded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The city campaign with 静海区's genuine forwarded 2020Q2 file in it."""
    base = tmp_path_factory.mktemp("chain")
    district = district_campaign(base / "district")
    city = city_campaign(base / "city")
    code, said = invoke(
        CliRunner(),
        "forward",
        "Q2",
        "-p",
        str(city),
        "--today",
        "2020-07-10",
        "--root",
        str(district),
    )
    assert code == 0, said
    return city


@pytest.fixture
def city(forwarded: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "city"
    shutil.copytree(forwarded, copy)
    return copy


def _validate(runner: CliRunner, city: Path, *extra: str) -> tuple[int, str]:
    return invoke(
        runner, "validate", *extra, "--no-cache", "--root", str(city), str(city / FORWARDED)
    )


def _line(city: Path, text: str) -> int:
    lines = (city / FORWARDED).read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_the_genuine_file_passes(runner: CliRunner, city: Path) -> None:
    code, said = _validate(runner, city)
    assert code == 0, said


def test_a_count_the_file_list_contradicts(runner: CliRunner, city: Path) -> None:
    edit(city / FORWARDED, "  units: 4\n", "  units: 9999\n")
    code, said = _validate(runner, city)
    assert code == 1
    line = _line(city, "units: 9999")
    assert (
        f"{FORWARDED}:{line}:10: 错误 [provenance-units] 来源说汇总了9999个单位，但只列出4个文件"
        in (said)
    )
    code, said = _validate(runner, city, "--lang", "en")
    assert "consolidates 9999 unit(s) but lists 4 file(s)" in said
    assert "hint: the count is the number of files listed" in said


@pytest.mark.parametrize(
    "path",
    ["/etc/passwd", "../../other/submissions/2020Q2/x.yaml", "submissions/2020Q2/../../x.yaml"],
)
def test_a_file_outside_the_child_repository(runner: CliRunner, city: Path, path: str) -> None:
    edit(city / FORWARDED, "- submissions/2020Q2/chengguan.yaml", f"- {path}", count=1)
    code, said = _validate(runner, city)
    assert code == 1
    assert f"[provenance-bad-file] 来源中的文件“{path}”不是下级仓库中的报送文件路径" in said
    # the figures still name chengguan's real file, which the list no longer holds
    assert "[provenance-source-file]" in said


def test_a_figure_its_sources_do_not_add_up_to(runner: CliRunner, city: Path) -> None:
    edit(city / FORWARDED, "        value: 269\n", "        value: 26900\n")  # 120 + 85 + 64
    code, said = _validate(runner, city)
    assert code == 1
    line = _line(city, "name: 走访退役军人")
    assert (
        "[provenance-sum] 任务 1.2“走访退役军人”写的是 26900，但来源中下级各单位的数合计为 269"
        in (said)
    )
    assert f"{FORWARDED}:{line + 40}" not in said  # positioned at the figure, not the file
    code, said = _validate(runner, city, "--lang", "en")
    assert 'task 1.2 "走访退役军人" says 26900, but its sources below add up to 269' in said


def test_a_source_raised_to_match_a_forged_total_is_still_not_in_the_list(
    runner: CliRunner, city: Path
) -> None:
    edit(city / FORWARDED, "        value: 269\n", "        value: 26900\n")
    edit(
        city / FORWARDED,
        "        - file: submissions/2020Q2/xihu.yaml\n          unit: xihu\n"
        "          task: '1.1'\n          metric: 走访退役军人\n          value: 64\n",
        "        - file: submissions/2020Q2/xihu.yaml\n          unit: xihu\n"
        "          task: '1.1'\n          metric: 走访退役军人\n          value: 26695\n",
    )
    code, said = _validate(runner, city)
    assert code == 0, said  # consistent on its face: what the parent alone cannot know
    # ... but trace, given the child's repository, shows the file below says otherwise


def test_a_figure_added_by_hand_has_no_source(runner: CliRunner, city: Path) -> None:
    edit(
        city / FORWARDED,
        "    metrics:\n      - name: 组织专题教育\n",
        "    metrics:\n      - name: 开展主题活动\n        value: 100000\n        unit: 场\n"
        "      - name: 组织专题教育\n",
    )
    code, said = _validate(runner, city)
    assert code == 1
    line = _line(city, "name: 开展主题活动")
    assert (
        f"{FORWARDED}:{line}:9: 错误 [provenance-unsourced] 任务 2.2“开展主题活动”没有来源" in said
    )


def test_the_same_file_twice(runner: CliRunner, city: Path) -> None:
    edit(
        city / FORWARDED,
        "    - submissions/2020Q2/chengguan.yaml\n",
        "    - submissions/2020Q2/chengguan.yaml\n    - submissions/2020Q2/chengguan.yaml\n",
        count=1,
    )
    edit(city / FORWARDED, "  units: 4\n", "  units: 5\n")
    code, said = _validate(runner, city)
    assert code == 1
    assert "[provenance-duplicate-file]" in said and "[provenance-units]" not in said


def test_a_units_own_file_with_a_forged_block_is_refused(runner: CliRunner, city: Path) -> None:
    """The attack from the gate's side: hexi, which consolidates nobody, claims 9,999 units."""
    hexi = city / "submissions" / "2020Q2" / "hexi.yaml"
    with hexi.open("a", encoding="utf-8") as out:
        out.write(
            "provenance:\n  campaign: hexi-sizheng-2020\n  plan_version: 1.0.0\n"
            "  quarter: 2020Q2\n  units: 9999\n"
        )
    code, said = invoke(runner, "validate", "--no-cache", "--root", str(city), str(hexi))
    assert code == 1
    assert "[provenance-units]" in said and "[provenance-unsourced]" in said
