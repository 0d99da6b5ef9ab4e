from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO.parent / "shared" / "source" / "000_a09f4e68c188f964.txt"


@pytest.fixture(autouse=True)
def _stable_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin what output depends on: width, language, today."""
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("ZZGZN_LANG", "zh")
    monkeypatch.setenv("ZZGZN_TODAY", "2021-06-30")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Path]:
    """A throw-away copy of the shipped plan and samples to break on purpose."""
    root = tmp_path / "repo"
    shutil.copytree(REPO / "plan", root / "plan")
    shutil.copytree(REPO / "submissions", root / "submissions")
    yield root


@pytest.fixture
def empty_repo(tmp_path: Path) -> Path:
    """The shipped plan with no submissions."""
    root = tmp_path / "repo"
    shutil.copytree(REPO / "plan", root / "plan")
    (root / "submissions").mkdir()
    return root
