"""The cache of files' validated data (checking/datacache.py): reports and the site
answer unchanged files from it, exactly as if they had read them, and never from a stale,
foreign or damaged entry. Nothing here is timed; benchmarks/run.py measures."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from zzgzn.checking import cache as cache_module
from zzgzn.checking import datacache, rules
from zzgzn.checking.cache import CACHE_DIR
from zzgzn.checking.validate import validate_repository
from zzgzn.models.submission import Submission
from zzgzn.report.job import run_report
from zzgzn.site.build import build_site

from .conftest import copy_campaign, edit

TODAY = dt.date(2021, 6, 30)
HEXI = "submissions/2020Q2/hexi.yaml"
DATA = Path(CACHE_DIR) / "data"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files really read (rather than answered by the cache), by display path."""
    seen: list[str] = []
    check_file = rules.check_file

    def counting(path: Any, display: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(display)
        return check_file(path, display, *args, **kwargs)

    monkeypatch.setattr(rules, "check_file", counting)
    return seen


def _files(root: Path, **how: Any) -> dict[str, tuple[object, ...]]:
    """Every file as a report or the site gets it: findings, key, data."""
    result = validate_repository(root, TODAY, **how)
    return {f.path: (f.problems, f.key, f.submission, f.filing) for f in result.files}


def _report(root: Path, out: Path, *, use_cache: bool) -> dict[str, bytes]:
    outcome = run_report(root, "2020Q2", TODAY, output=f"{out}/", use_cache=use_cache)
    assert outcome.report is not None and not outcome.blocking
    return {p.name: p.read_bytes() for p in sorted(outcome.written)}


def test_reports_from_the_cache_are_byte_identical_and_read_nothing(
    tmp_path: Path, reads: list[str]
) -> None:
    root = copy_campaign(tmp_path / "repo", frozen=True)  # closed: the plan stays as it is
    fresh = _report(root, tmp_path / "fresh", use_cache=False)
    assert len(fresh) == 4  # main report and compilation, Markdown and Word
    assert _report(root, tmp_path / "filling", use_cache=True) == fresh
    assert sorted(p.name for p in (root / DATA).iterdir()) == [
        "2020Q2.jsonl",
        "evaluation.jsonl",
        "work-plan.jsonl",
    ]
    reads.clear()
    assert _report(root, tmp_path / "cached", use_cache=True) == fresh
    assert reads == []  # every file of the quarter, and of earlier ones, from the cache


def test_the_site_from_the_cache_is_byte_identical(tmp_path: Path, reads: list[str]) -> None:
    root = copy_campaign(tmp_path / "repo", frozen=True)

    def pages(name: str, use_cache: bool) -> dict[str, bytes]:
        folder = build_site(root, TODAY, output=tmp_path / name, use_cache=use_cache).folder
        return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*.html")}

    fresh = pages("fresh", False)
    assert len(fresh) > 50
    assert pages("filling", True) == fresh
    reads.clear()
    assert pages("cached", True) == fresh
    assert reads == []


def test_an_edited_file_is_read_again_and_its_old_data_forgotten(
    tmp_path: Path, reads: list[str]
) -> None:
    root = copy_campaign(tmp_path / "repo")
    _files(root, use_cache=True)
    stored = (root / DATA / "2020Q2.jsonl").read_bytes()
    assert "河西区".encode() in stored or b"hexi" in stored
    edit(root / HEXI, "status: in_progress", "status: done", count=1)
    reads.clear()
    now = _files(root, use_cache=True)
    assert reads == [HEXI]
    assert now == _files(root)
    # one entry per file of the folder: the old bytes' data is gone after a whole run
    lines = (root / DATA / "2020Q2.jsonl").read_bytes().split(b"\n")[2:-1]
    assert len(lines) == sum(1 for p in now if p.startswith("submissions/2020Q2/"))


def test_another_plan_makes_every_entry_a_miss(tmp_path: Path, reads: list[str]) -> None:
    root = copy_campaign(tmp_path / "repo")
    _files(root, use_cache=True)
    plan = root / "plan" / "plan.yaml"
    plan.write_bytes(plan.read_bytes() + b"\n# the office changed a comment\n")
    reads.clear()
    assert _files(root, use_cache=True) == _files(root)
    files = list((root / "submissions").rglob("*.yaml"))
    assert len(reads) == 2 * len(files)  # once with the cache, once without: none answered
    reads.clear()
    _files(root, use_cache=True)
    assert reads == []  # the data was made again for the new plan


def _damage(path: Path, how: str) -> None:
    raw = path.read_bytes()
    key = cache_module.cache_key()
    assert key is not None
    lines = raw.split(b"\n")
    body = lines[1:]  # the fingerprint, the entries, the final empty piece

    def resigned(parts: list[bytes]) -> bytes:
        text = b"\n".join(parts)
        return b"zzgzn-data 1 " + datacache._mac(key, text) + b"\n" + text

    if how == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif how == "garbage":
        path.write_bytes(b"\x00\xff" * 100)
    elif how == "another key":
        text = b"\n".join(body)
        path.write_bytes(b"zzgzn-data 1 " + datacache._mac(b"k" * 32, text) + b"\n" + text)
    elif how == "broken json":  # signed with this machine's key: the MAC alone would pass it
        path.write_bytes(resigned([body[0], *(b[: len(b) // 2] for b in body[1:-1]), b""]))
    elif how == "swapped units":  # another file's valid data under each digest
        entries = body[1:-1]
        digests = [e.split(b" ", 1)[0] for e in entries]
        rest = [e.split(b" ", 1)[1] for e in entries]
        swapped = [d + b" " + r for d, r in zip(digests, rest[1:] + rest[:1], strict=True)]
        path.write_bytes(resigned([body[0], *swapped, b""]))
    elif how == "unknown kind":
        renamed = [b.replace(b" s ", b" x ", 1) for b in body[1:-1]]
        path.write_bytes(resigned([body[0], *renamed, b""]))
    else:
        raise AssertionError(how)


@pytest.mark.parametrize(
    "how",
    ["truncated", "garbage", "another key", "broken json", "swapped units", "unknown kind"],
)
def test_damaged_data_is_a_miss_not_a_crash(tmp_path: Path, how: str, reads: list[str]) -> None:
    root = copy_campaign(tmp_path / "repo")
    fresh = _files(root)
    _files(root, use_cache=True)
    _damage(root / DATA / "2020Q2.jsonl", how)
    reads.clear()
    assert _files(root, use_cache=True) == fresh
    quarter = {p for p in fresh if p.startswith("submissions/2020Q2/")}
    assert quarter <= set(reads)  # read again, not taken from the damaged file
    reads.clear()
    assert _files(root, use_cache=True) == fresh
    assert reads == []  # and the data made afresh


def test_ci_keeps_no_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_campaign(tmp_path / "repo")
    monkeypatch.setenv("CI", "true")
    _files(root, use_cache=True)
    assert not (root / CACHE_DIR).exists()


def test_validate_alone_writes_no_data(tmp_path: Path) -> None:
    """validate keeps findings only: data is made by the runs that need it."""
    root = copy_campaign(tmp_path / "repo")
    validate_repository(root, TODAY, keep_data=False, use_cache=True)
    assert (root / CACHE_DIR / "validate.json").is_file()
    assert not (root / DATA).exists()


_SAMPLE = (Path(__file__).resolve().parents[1] / HEXI).read_bytes()
# text that JSON must escape or that a careless line format would split
_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30
).filter(str.strip)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    narrative=_TEXT,
    problem=_TEXT,
    value=st.floats(allow_nan=False, allow_infinity=False),
)
# what JSON must escape, and what a careless line format would split on
@example(narrative='第一行\n第二行\r"引号"\\', problem="\u2028分隔\x00", value=-0.0)
@example(narrative="1e400", problem="　全角空格", value=1e16)
def test_a_model_reads_back_as_it_was_written(narrative: str, problem: str, value: float) -> None:
    from zzgzn.reading.fastload import load

    loaded = load(_SAMPLE)
    assert loaded is not None
    data = loaded[0]
    task = data["tasks"][0]
    task["narrative"], task["problems"] = narrative, [problem]
    task["metrics"] = [{"name": "走访", "value": value, "unit": "人次"}]
    model = Submission.model_validate(data)
    kind, blob = datacache.dumped(model)
    assert b"\n" not in blob
    back = datacache.loaded(kind, blob)
    assert back == model
    packed = datacache.pack("fp", {"d": (kind, blob), "e": (kind, b"{}")}, b"k" * 32)
    again = datacache.unpack(io.BytesIO(packed), "fp", b"k" * 32)
    assert again.digests() == {"d", "e"}
    assert (again.get("d"), again.get("e")) == ((kind, blob), (kind, b"{}"))
    again.close()
    assert again.get("d") is None  # closed: nothing more is read


def test_worker_processes_send_data_as_json_and_lose_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers send each model as its JSON; should one not read back in the parent, the
    file is checked there rather than its data dropped. (The parent checks a share of the
    files itself, from the other end of the list: those never travel as JSON.)"""
    from zzgzn.checking import runner

    root = copy_campaign(tmp_path / "repo")
    one = _files(root, jobs=1)
    monkeypatch.setattr(runner, "PARALLEL_FROM", 1)
    assert _files(root, jobs=2) == one
    assert _files(root, jobs=2, use_cache=True) == one  # filled from the workers' JSON
    assert _files(root, jobs=2, use_cache=True) == one  # and answered from it
    loaded = datacache.loaded
    refused: list[bytes] = []

    def unreadable_hexi(kind: str, blob: bytes) -> object:
        if b'"unit":"hexi"' in blob:
            refused.append(blob)
            return None
        return loaded(kind, blob)

    monkeypatch.setattr(datacache, "loaded", unreadable_hexi)
    assert _files(root, jobs=2) == one
    assert len(refused) >= 2, refused  # hexi's files a worker checked, each checked again here
