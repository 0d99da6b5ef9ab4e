"""National scale without changing answers: processes, the cache and the benchmark itself.

Nothing here is timed; benchmarks/run.py measures. These tests prove that every way of
running a check — one process or several, from the cache or fresh — gives the same findings.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zzgzn.checking import rules, runner
from zzgzn.checking.cache import CACHE_DIR
from zzgzn.checking.traces import Trace
from zzgzn.checking.validate import validate_quarter, validate_repository
from zzgzn.diagnostics.problems import Problem

from .conftest import REPO, copy_campaign, edit

sys.path.insert(0, str(REPO / "benchmarks"))
from national import generate

TODAY = dt.date(2021, 6, 30)


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated campaign (40 counties × 5 quarters) with a tenth of its files broken."""
    root = tmp_path_factory.mktemp("national")
    assert generate(root, units=40, broken=10.0, seed=7) == 20
    return root


def _findings(root: Path, **how: object) -> list[Problem]:
    """Findings only, as the validate command asks."""
    return validate_repository(root, TODAY, **{"keep_data": False, **how}).problems  # type: ignore[arg-type]


def test_generated_campaign_is_valid_but_for_the_broken_files(national: Path) -> None:
    found = _findings(national)
    broken_files = {p.path for p in found if p.is_error}
    assert len(broken_files) == 20  # every broken file is caught, no valid one is blamed
    assert all(p.path.startswith("submissions/") for p in found)


def test_processes_give_the_same_findings(national: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "PARALLEL_FROM", 1)
    one = _findings(national, jobs=1)
    assert _findings(national, jobs=2, keep_data=False) == one
    result = validate_repository(national, TODAY, jobs=2)  # data kept: reports use this
    assert result.problems == one
    assert sum(f.valid for f in result.files) == 180
    assert all(f.submission is not None for f in result.files if f.valid)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_report_keeps_earlier_quarters_as_traces(
    national: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Earlier quarters' files keep only what later ones need, the same in every process."""
    monkeypatch.setattr(runner, "PARALLEL_FROM", 1)
    result, quarter = validate_quarter(national, "2020Q3", TODAY, jobs=jobs, history=True)
    full = {f.path: f for f in validate_repository(national, TODAY).files}
    assert result.problems == sorted(p for f in result.files for p in full[f.path].problems)
    folders = {f.folder for f in result.files}
    assert folders == {"2020Q1", "2020Q2", "2020Q3"}
    for checked in result.files:
        whole = full[checked.path].submission
        if checked.folder == str(quarter):
            assert checked.submission == whole and checked.trace is None
        elif whole is not None:
            assert checked.submission is None
            assert checked.trace == Trace.of(whole) == checked.traced()
            assert checked.trace.cases == sum(len(t.cases) for t in whole.tasks)
        else:  # a broken file keeps what it claims, for the report to know whose it is
            assert checked.trace is None and checked.valid is False


def test_cache_answers_exactly_and_never_stale(tmp_path: Path) -> None:
    root = copy_campaign(tmp_path)
    fresh = _findings(root)
    first = _findings(root, use_cache=True)
    assert (root / CACHE_DIR / "validate.json").is_file()
    assert (root / CACHE_DIR / ".gitignore").read_text("utf-8").strip().endswith("*")
    assert first == fresh
    again = validate_repository(root, TODAY, use_cache=True, keep_data=False)
    assert again.problems == fresh
    assert again.plan is None  # answered wholly from the cache: the plan was never read

    # an edited file is checked again
    target = root / "submissions" / "2020Q2" / "hexi.yaml"
    edit(target, "status: in_progress", "status: maybe", count=1)
    edited = _findings(root, use_cache=True)
    assert edited == _findings(root) != fresh
    assert any(p.is_error and p.path == "submissions/2020Q2/hexi.yaml" for p in edited)

    # a changed plan invalidates every answer: here a unit's task list
    edit(root / "plan" / "plan.yaml", "version: 1.0.0", "version: 2.0.0")
    after_plan = _findings(root, use_cache=True)
    assert after_plan == _findings(root)
    assert any(p.code == "plan-version-mismatch" for p in after_plan)


def test_the_root_spelled_two_ways_shares_one_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--root campaign` and `--root /abs/campaign` are one repository: neither evicts the
    other's answers."""
    root = copy_campaign(tmp_path)
    _findings(root.resolve(), use_cache=True)
    monkeypatch.chdir(root.parent)
    again = validate_repository(Path(root.name), TODAY, use_cache=True, keep_data=False)
    assert again.plan is None  # answered wholly from the cache: the plan was never read
    assert again.problems == _findings(root)


def test_a_partial_run_keeps_what_it_did_not_look_at(tmp_path: Path) -> None:
    """validate of one folder or file must not empty the cache of everything else."""
    root = copy_campaign(tmp_path)
    _findings(root, use_cache=True)
    path = root / CACHE_DIR / "validate.json"
    before = json.loads(path.read_text("utf-8"))
    one = root / "submissions" / "2020Q2" / "hexi.yaml"
    edit(one, "status: in_progress", "status: maybe", count=1)
    assert any(p.is_error for p in _findings(root, paths=[one], use_cache=True))
    after = json.loads(path.read_text("utf-8"))
    assert set(before["entries"]) < set(after["entries"])  # nothing forgotten
    assert len(after["entries"]) == len(before["entries"]) + 1  # the edited file's new entry
    assert after["stats"].keys() == before["stats"].keys()
    # a whole run afterwards forgets the entry of the file's old bytes
    _findings(root, use_cache=True)
    assert len(json.loads(path.read_text("utf-8"))["entries"]) == len(before["entries"])


@pytest.fixture
def own_national(national: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the generated campaign without a cache, checked by processes even when small."""
    monkeypatch.setattr(runner, "PARALLEL_FROM", 1)
    root = tmp_path / "campaign"
    shutil.copytree(national, root, ignore=shutil.ignore_patterns(CACHE_DIR))
    return root


def test_reports_answer_earlier_quarters_from_cached_traces(
    own_national: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Earlier quarters' files come from the cache when unchanged, and exactly as read."""
    root = own_national

    def quarter(**how: object) -> dict[str, tuple[object, ...]]:
        result, _ = validate_quarter(root, "2020Q3", TODAY, history=True, **how)  # type: ignore[arg-type]
        return {f.path: (f.problems, f.trace, f.submission) for f in result.files}

    fresh = quarter()
    assert quarter(use_cache=True, jobs=2) == fresh  # fills the cache
    traces = root / CACHE_DIR / "traces"
    assert sorted(p.name for p in traces.iterdir()) == ["2020Q1.json", "2020Q2.json"]
    read: list[str] = []
    check_file = rules.check_file
    monkeypatch.setattr(
        rules,
        "check_file",
        lambda path, display, *a, **k: read.append(display) or check_file(path, display, *a, **k),
    )
    assert quarter(use_cache=True) == fresh  # answered from it: earlier quarters' traces and
    # 2020Q3's data; read are only the files the schema refused (they keep their raw data,
    # which the cache has not)
    refused = {p for p, (_, trace, data) in fresh.items() if trace is None and data is None}
    assert any("/2020Q3/" in p for p in refused) and set(read) == refused

    # an edited earlier file is read again; a damaged trace is a miss
    target = next(p for p, (problems, trace, _) in fresh.items() if trace and "2020Q2/" in p)
    edit(root / target, "status: in_progress", "status: done", count=1)
    (traces / "2020Q1.json").write_text('{"fingerprint": 1, "traces": [', "utf-8")
    now = quarter(use_cache=True)
    assert now == quarter()
    # the trace of the file's old bytes is forgotten: one trace per file the schema accepted
    stored = json.loads((traces / "2020Q2.json").read_text("utf-8"))["traces"]
    assert len(stored) == sum(1 for p, f in now.items() if "/2020Q2/" in p and f[1] is not None)
    assert now[target] != fresh[target]
    assert now[target][1].tasks != fresh[target][1].tasks  # type: ignore[union-attr]
    # what that run wrote back, entries and traces made from the file in its memory included
    # (kept as objects, no longer as the JSON read), answers every file again
    read.clear()
    assert quarter(use_cache=True) == now
    assert set(read) == refused


def test_status_from_the_cache_is_the_same(own_national: Path) -> None:
    """status and remind need of each file its findings and its trace: the cache has both."""
    from zzgzn.tracking.statusboard import status_board

    root = own_national

    def board(**how: bool) -> tuple[object, ...]:
        b = status_board(root, None, TODAY, **how)
        quarters = [q.as_dict() for q in b.quarters]
        return quarters, [o.as_dict() for o in b.obligations], b.invalid

    fresh = board()
    # typical cases counted from the quarterly files (their traces, when cached)
    rows = [r for o in fresh[1] for r in o["units"]]  # type: ignore[attr-defined, index]
    # the 20 broken files are on the board as 报送有误, none left over
    shown = [u for q in fresh[0] for u in q["units"] if u["state"] == "invalid"]  # type: ignore[attr-defined, index]
    assert (len(shown), fresh[2]) == (20, 0)
    assert all(u["path"] and u["errors"] for u in shown)
    assert any(r["state"] == "on_time" and r["source"].startswith("submissions/20") for r in rows)
    assert board(use_cache=True) == fresh  # fills the cache
    assert board(use_cache=True) == fresh  # answered from it


def test_cache_redecides_dates_in_the_future(tmp_path: Path) -> None:
    """The findings that depend on the day: a file, or an amendment, dated after "today"."""
    root = copy_campaign(tmp_path, frozen=True)
    early = dt.date(2020, 7, 2)
    late = _findings(root, use_cache=True)  # cached on 2021-06-30
    replayed = validate_repository(root, early, use_cache=True, keep_data=False).problems
    assert replayed == validate_repository(root, early).problems
    for code in ("submitted-future", "amendment-future"):
        assert any(p.code == code for p in replayed)
        assert not any(p.code == code for p in late)
    # the amendment (2020-07-16) lies between the days: a later day uses the cache again
    assert validate_repository(
        root, dt.date(2020, 7, 20), use_cache=True, keep_data=False
    ).problems == (validate_repository(root, dt.date(2020, 7, 20)).problems)


def test_duplicates_found_from_the_cache_have_positions(tmp_path: Path) -> None:
    root = copy_campaign(tmp_path)
    source = root / "submissions" / "2020Q2" / "hexi.yaml"
    (source.parent / "hexi.yml").write_bytes(source.read_bytes())
    fresh = _findings(root)
    _findings(root, use_cache=True)
    cached = _findings(root, use_cache=True)
    assert cached == fresh
    duplicate = [p for p in cached if p.code == "duplicate-submission"]
    assert duplicate and duplicate[0].line > 0


def test_benchmark_runs_end_to_end(tmp_path: Path) -> None:
    """The benchmark at a tiny scale: every command runs and the table is printed."""
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "run.py"),
            "--units",
            "8",
            "--skip-jsonschema",
            "--once",
            "--dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for row in (
        "validate, 1 process",
        "validate again, nothing changed",
        "report 2020Q2, main report, DOCX",
        "report 2020Q2, compilation, DOCX",
        "site, every quarter (cache)",
        "site: rendering the pages alone",
        "zzgzn --version",
        "forward city → province, mean of 4",
        "forward province → ministry, mean of 2",
        "peak memory, the reports",
        "peak memory, any of the above",
    ):
        assert row in done.stdout


def test_a_damaged_cache_is_a_miss_not_a_crash(tmp_path: Path) -> None:
    """The cache is a local file anyone can break: damaged parts are checked again."""

    root = copy_campaign(tmp_path)
    fresh = _findings(root)
    _findings(root, use_cache=True)
    path = root / CACHE_DIR / "validate.json"
    stored = json.loads(path.read_text("utf-8"))
    for i, key in enumerate(stored["entries"]):
        stored["entries"][key] = [["x"]] if i % 2 else "nonsense"
    for key in stored["stats"]:
        stored["stats"][key] = 5
    path.write_text(json.dumps(stored), "utf-8")
    assert _findings(root, use_cache=True) == fresh
    path.write_text('{"fingerprint": 1, "entries": [', "utf-8")
    assert _findings(root, use_cache=True) == fresh
