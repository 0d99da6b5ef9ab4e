from __future__ import annotations

import os

# rich fixes a console's width when COLUMNS is set as it is built (at import), and pytest-xdist's
# workers start with COLUMNS=80: drop it, so that each test's COLUMNS below is the one read
os.environ.pop("COLUMNS", None)

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from zzgzn.cli import app

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "source" / "notice.txt"  # the document plan/ encodes, kept in the repository

# Properties say what holds, never how fast: the machines running the suite are shared and
# noisy (a 200 ms example deadline failed at load 9), and benchmarks/ measures speed.
settings.register_profile("zzgzn", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("zzgzn")


@pytest.fixture(autouse=True)
def _stable_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Pin what output depends on: width, language, today; make the catalogue strict; the
    cache works as on a desk (not as on CI, where .ci/run sets CI=true), with its key in a
    folder of the tests' own."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "user-cache"))
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("ZZGZN_LANG", "zh")
    monkeypatch.setenv("ZZGZN_TODAY", "2021-06-30")
    # a catalogue placeholder without a value, or wording outside the catalogue, fails
    monkeypatch.setenv("ZZGZN_STRICT_MESSAGES", "1")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def copy_campaign(root: Path, *, submissions: bool = True, frozen: bool = False) -> Path:
    """The shipped plan (and samples) copied to root, to break on purpose.

    Without frozen, plan/frozen.yaml stays behind: the campaign as it was before any quarter
    was closed, so that a test may edit the samples without recording an amendment.
    """
    ignore = None if frozen else shutil.ignore_patterns("frozen.yaml")
    shutil.copytree(REPO / "plan", root / "plan", ignore=ignore)
    if submissions:
        shutil.copytree(REPO / "submissions", root / "submissions")
    else:
        (root / "submissions").mkdir()
    return root


def edit(path: Path, old: str, new: str, count: int = -1) -> None:
    """Break a copied file on purpose; fails if old is absent, so a test never edits nothing."""
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), "utf-8")


def invoke(runner: CliRunner, *args: str) -> tuple[int, str]:
    """Run zzgzn; anything but a deliberate exit is a bug the test must show."""
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Path]:
    """A throw-away copy of the shipped plan and samples to break on purpose."""
    yield copy_campaign(tmp_path / "repo")


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """The shipped campaign exactly, closed quarters included."""
    return copy_campaign(tmp_path / "shipped", frozen=True)


@pytest.fixture
def empty_repo(tmp_path: Path) -> Path:
    """The shipped plan with no submissions."""
    return copy_campaign(tmp_path / "repo", submissions=False)
