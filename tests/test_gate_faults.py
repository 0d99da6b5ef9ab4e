"""The faults issue 17 found on the way: each is bad input or a bad moment, never a traceback."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzgzn.checking import cache as cache_module
from zzgzn.checking.cache import CACHE_DIR, Cache
from zzgzn.checking.validate import validate_repository
from zzgzn.errors import ZzgznError
from zzgzn.files import clean_leftovers, write_atomic

from .conftest import REPO, copy_campaign, edit, invoke

DAY = dt.date(2021, 6, 30)
HEXI = "submissions/2020Q2/hexi.yaml"


def _findings(root: Path, use_cache: bool = False) -> list[object]:
    return sorted(validate_repository(root, DAY, use_cache=use_cache, keep_data=False).problems)


# --- files.write_atomic -----------------------------------------------------------------


def test_output_into_a_files_path_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "report.md"
    blocker.write_text("a file", "utf-8")
    with pytest.raises(ZzgznError, match=r"^write-under-a-file"):
        write_atomic(blocker / "2020Q2进展情况报告.md", b"x")


def test_report_into_a_files_path_says_so(runner: CliRunner, repo: Path) -> None:
    (repo / "taken").write_text("a file", "utf-8")
    code, output = invoke(
        runner, "report", "2020Q2", "-o", str(repo / "taken" / "r"), "--root", str(repo)
    )
    assert code == 1 and "是一个文件，不是文件夹" in output and "Traceback" not in output


@pytest.mark.parametrize("where", ["mkstemp", "mkdir"])
def test_a_read_only_folder_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """As a read-only reports/ or plan/ behaves (the tests may run as root, who may write)."""

    def refuse(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied")

    target = tmp_path / "reports" / "x.md"
    if where == "mkstemp":
        target.parent.mkdir()
        monkeypatch.setattr("tempfile.mkstemp", refuse)
    else:
        monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(ZzgznError, match=r"^write-denied"):
        write_atomic(target, b"x")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_really_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ZzgznError, match=r"^write-denied"):
            write_atomic(folder / "x.md", b"x")
    finally:
        folder.chmod(0o755)


_SLOW_WRITER = """
import sys, time
from pathlib import Path
from zzgzn.files import write_atomic

def pieces():
    yield b"half a report"
    print("writing", flush=True)
    time.sleep(60)
    yield b"never"

write_atomic(Path(sys.argv[1]), pieces())
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_what_a_killed_report_left_is_cleaned_on_the_next_run(
    runner: CliRunner, repo: Path
) -> None:
    reports = repo / "reports"
    reports.mkdir()
    writer = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(reports / "2020Q2进展情况报告.md")],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    leftovers = [p.name for p in reports.iterdir()]
    assert len(leftovers) == 1 and leftovers[0].endswith(".tmp")  # what SIGKILL leaves
    code, output = invoke(runner, "report", "2020Q2", "--root", str(repo))
    assert code == 0, output
    assert sorted(p.name for p in reports.iterdir()) == [  # the leftover .tmp is gone
        "2020Q2各单位进展情况汇编.docx",
        "2020Q2各单位进展情况汇编.md",
        "2020Q2进展情况报告.docx",
        "2020Q2进展情况报告.md",
    ]


def test_a_running_writers_file_is_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / f".out.md.{os.getpid()}.abc123.tmp"
    dead = tmp_path / ".out.md.999999999.abc123.tmp"
    other = tmp_path / ".notes.tmp"  # not ours: the name says nothing of a writer
    for path in (mine, dead, other):
        path.write_bytes(b"x")
    assert clean_leftovers(tmp_path) == [dead]
    assert clean_leftovers(tmp_path / "missing") == []  # no folder: nothing to do, no error
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, other.name])


# --- two reports at once -------------------------------------------------------------------


def test_two_reports_at_once_both_close_their_quarter(tmp_path: Path) -> None:
    root = copy_campaign(tmp_path / "repo")
    env = {**os.environ, "ZZGZN_TODAY": "2021-06-30", "PYTHONPATH": str(REPO / "src")}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "zzgzn", "report", q, "-f", "md", "--root", str(root)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for q in ("2020Q2", "2020Q3", "2020Q4")
    ]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    from zzgzn.checking.freezing import read_record

    record = read_record((root / "plan" / "frozen.yaml").read_bytes())
    assert record is not None
    assert [q.quarter for q in record.quarters] == ["2020Q2", "2020Q3", "2020Q4"]


# --- the cache ------------------------------------------------------------------------------


def _stored(root: Path, name: str = "validate.json") -> dict[str, object]:
    path = root / CACHE_DIR / name
    stored = json.loads(path.read_bytes())
    stored.pop("mac")
    assert isinstance(stored, dict)
    return stored


def _resign(root: Path, stored: dict[str, object], name: str = "validate.json") -> None:
    """Written back with this machine's key: damage that the MAC alone would not catch."""
    (root / CACHE_DIR / name).write_bytes(cache_module._signed(stored, cache_module.cache_key()))


def test_four_corruptions_are_misses(tmp_path: Path) -> None:
    root = copy_campaign(tmp_path / "repo")
    fresh = _findings(root)
    _findings(root, use_cache=True)
    stored = _stored(root)
    entries = stored["entries"]
    assert isinstance(entries, dict) and len(entries) > 4
    keys = sorted(entries)
    entries[keys[0]][3] = "2020-13-45"  # a bad date
    entries[keys[1]][1] = ["hexi"]  # a one-element key
    entries[keys[2]][2] = "yesterday"
    stored["stats"] = {}
    _resign(root, stored)
    assert _findings(root, use_cache=True) == fresh
    # deeply nested JSON: more than json can read
    _findings(root, use_cache=True)
    path = root / CACHE_DIR / "validate.json"
    body = path.read_bytes()
    deep = body[: body.rindex(b"}")] + b', "x": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    key = cache_module.cache_key()
    assert key is not None
    text = b"{" + deep[deep.index(b'", ') + 3 :]
    path.write_bytes(b'{"mac": "' + cache_module._mac(key, text) + b'", ' + text[1:])
    assert _findings(root, use_cache=True) == fresh


def test_a_trace_with_no_unit_is_a_miss(tmp_path: Path) -> None:
    from zzgzn.checking.validate import validate_quarter

    root = copy_campaign(tmp_path / "repo")

    def quarter(use_cache: bool) -> dict[str, object]:
        result, _ = validate_quarter(root, "2020Q3", DAY, history=True, use_cache=use_cache)
        return {f.path: f.trace for f in result.files}

    fresh = quarter(False)
    quarter(True)
    stored = _stored(root, "traces/2020Q2.json")
    traces = stored["traces"]
    assert isinstance(traces, dict) and traces
    for trace in traces.values():
        trace[0] = None  # unit: null
    _resign(root, stored, "traces/2020Q2.json")
    assert quarter(True) == fresh


def test_ci_never_reads_or_writes_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_campaign(tmp_path / "repo")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert Cache.open(root, []).path is None
    _findings(root, use_cache=True)
    assert not (root / CACHE_DIR).exists()


def test_a_cache_that_cannot_be_written_fails_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_campaign(tmp_path / "repo")
    fresh = _findings(root)
    (root / CACHE_DIR).write_text("a file where the folder should be", "utf-8")
    assert _findings(root, use_cache=True) == fresh
    (root / CACHE_DIR).unlink()
    blocked = tmp_path / "no-home"
    blocked.write_text("not a folder", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # no key can be made: no cache
    assert cache_module.cache_key() is None
    assert _findings(root, use_cache=True) == fresh


def test_a_cache_made_with_another_key_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_campaign(tmp_path / "repo")
    _findings(root, use_cache=True)
    edit(root / HEXI, "status: in_progress", "status: maybe", count=1)
    stored = _stored(root)
    broken = cache_module.digest(HEXI, (root / HEXI).read_bytes())
    entries = stored["entries"]
    assert isinstance(entries, dict)
    entries[broken] = next(iter(entries.values()))
    stored["stats"] = {}
    forged = cache_module._signed(stored, b"k" * 32)  # the key a forger made up
    (root / CACHE_DIR / "validate.json").write_bytes(forged)
    assert any(p.path == HEXI for p in _findings(root, use_cache=True))  # type: ignore[attr-defined]


# --- fix and the loader ---------------------------------------------------------------------


def test_fix_leaves_a_mixed_encoding_file_alone(runner: CliRunner, repo: Path) -> None:
    path = repo / HEXI
    lines = path.read_text("utf-8").splitlines(keepends=True)
    utf8 = "".join(lines[:8]).encode("utf-8")
    gbk = "".join(lines[8:]).encode("gbk")
    path.write_bytes(utf8 + gbk)
    code, output = invoke(runner, "fix", str(path))
    assert code == 1 and "混用了两种编码" in output
    assert path.read_bytes() == utf8 + gbk  # never rewritten
    code, output = invoke(runner, "validate", "--root", str(repo), "-f", "json")
    found = [p for p in json.loads(output) if p["path"] == HEXI]
    assert [p["code"] for p in found] == ["mixed-encoding"]
    utf8_lines = [n for n, line in enumerate(lines[:8], 1) if not line.isascii()]
    assert found[0]["line"] == next(
        n for n, line in enumerate(lines, 1) if n > 8 and not line.isascii()
    )
    assert f"第 {utf8_lines[0]}" in found[0]["message"]


@pytest.mark.parametrize("style", ["flow", "block"])
def test_fix_and_validate_on_500_levels(runner: CliRunner, repo: Path, style: str) -> None:
    path = repo / "submissions" / "2020Q2" / "hexi.yaml"
    if style == "flow":
        deep = "x: " + "[" * 500 + "]" * 500 + "\n"
    else:
        deep = "x:\n" + "".join("  " * (i + 1) + "k:\n" for i in range(500)) + "  " * 501 + "v\n"
    path.write_text(path.read_text("utf-8") + deep, "utf-8")
    code, output = invoke(runner, "fix", "--check", str(path))
    assert code in (0, 1) and "内部错误" not in output, output
    code, output = invoke(runner, "validate", str(path), "--root", str(repo), "-f", "json")
    assert code == 1 and "too-deep" in {p["code"] for p in json.loads(output)}


def test_many_plain_keys_name_the_real_limit(runner: CliRunner, repo: Path) -> None:
    path = repo / HEXI
    path.write_text("unit: hexi\n" + "".join(f"k{i}: v\n" for i in range(100_000)), "utf-8")
    code, output = invoke(runner, "validate", str(path), "--root", str(repo), "-f", "json")
    codes = {p["code"] for p in json.loads(output)}
    assert code == 1 and "too-many-nodes" in codes and "alias-limit" not in codes


def test_terminal_escapes_in_a_file_name_are_shown_escaped(runner: CliRunner, repo: Path) -> None:
    name = "hexi\x1b[2J\x1b]0;pwned\x07.txt"
    (repo / "submissions" / "2020Q2" / name).write_text("x", "utf-8")
    for fmt in ("text", "github"):
        _, output = invoke(runner, "validate", "--root", str(repo), "-f", fmt)
        assert "\x1b" not in output and "\x07" not in output
        assert "hexi\\x1b[2J\\x1b]0;pwned\\x07.txt" in output


# --- a Windows clone --------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_windows_clone_keeps_lf(runner: CliRunner, tmp_path: Path) -> None:
    """Git for Windows clones with core.autocrlf=true: .gitattributes keeps the files LF."""
    source = copy_campaign(tmp_path / "source")
    shutil.copy2(REPO / ".gitattributes", source / ".gitattributes")

    def git(root: Path, *args: str) -> None:
        who = ["-c", "user.name=x", "-c", "user.email=x@example.invalid"]
        subprocess.run(["git", "-C", str(root), *who, *args], check=True, capture_output=True)

    git(source, "init", "-q", "-b", "main")
    git(source, "add", "-A")
    git(source, "commit", "-qm", "campaign")
    for attributes in (True, False):
        if not attributes:  # the same repository without the file: the case does occur
            git(source, "rm", "-q", ".gitattributes")
            git(
                source,
                "-c",
                "user.name=x",
                "-c",
                "user.email=x@example.invalid",
                "commit",
                "-qm",
                "d",
            )
        clone = tmp_path / f"windows-{attributes}"
        subprocess.run(
            ["git", "-c", "core.autocrlf=true", "clone", "-q", str(source), str(clone)],
            check=True,
            capture_output=True,
        )
        _, output = invoke(runner, "validate", "--root", str(clone), "-f", "json")
        crlf = [p for p in json.loads(output) if p["code"] == "crlf"]
        assert bool(crlf) is not attributes, (attributes, len(crlf))


def test_codeowners_refuses_a_handle_that_is_not_one_owner() -> None:
    from zzgzn.checking.planload import load_plan
    from zzgzn.workflow.codeowners import codeowners

    plan = load_plan(REPO).plan
    assert plan is not None
    unit = plan.registry.units[1]
    forged = unit.model_construct(**{**unit.__dict__, "github": "@x\n/plan/ @evil-user"})
    units = [forged if u is unit else u for u in plan.registry.units]
    registry = plan.registry.model_construct(**{**plan.registry.__dict__, "units": units})
    broken = dataclasses.replace(plan, registry=registry)
    with pytest.raises(ZzgznError, match=r"^codeowners-bad-handle") as raised:
        codeowners(broken)
    assert "/plan/ @evil-user" in raised.value.params["value"]
