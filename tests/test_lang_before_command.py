"""`zzgzn --lang en COMMAND` (the README's spelling) switches the diagnostics too, not only the
summary lines: validate, report and forward printed Chinese findings under an English total."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.chain import city_campaign, district_campaign
from tests.conftest import edit, invoke

HEXI = "submissions/2020Q2/hexi.yaml"


def test_validate(runner: CliRunner, repo: Path) -> None:
    edit(repo / HEXI, "status: in_progress", "status: maybe", count=1)
    code, said = invoke(runner, "--lang", "en", "validate", "--root", str(repo), str(repo / HEXI))
    assert code == 1
    assert "error [invalid-value]" in said and "错误" not in said, said
    assert "hint:" in said and "提示" not in said


def test_report(runner: CliRunner, repo: Path) -> None:
    edit(repo / HEXI, "status: in_progress", "status: maybe", count=1)
    code, said = invoke(runner, "--lang", "en", "report", "Q2", "-f", "md", "--root", str(repo))
    assert code == 1
    assert "error [invalid-value]" in said and "错误" not in said, said


def test_forward(runner: CliRunner, tmp_path: Path) -> None:
    district = district_campaign(tmp_path / "district")
    city = city_campaign(tmp_path / "city")
    edit(district / "plan" / "plan.yaml", '- task: "5.1"', '- task: "9.9"')
    code, said = invoke(
        runner, "--lang", "en", "forward", "Q2", "-p", str(city), "--root", str(district)
    )
    assert code == 1
    assert 'error [forward-unknown-parent-task] the parent plan has no task "9.9"' in said, said
    assert "错误" not in said
