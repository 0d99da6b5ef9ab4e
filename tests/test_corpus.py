"""The corpus of real mistakes: each case folder holds files as sent and the exact findings.

tests/corpus/<case>/submissions/... are laid beside the shipped plan; expect.txt lists every
diagnostic as `path:line:column severity code`. To add a case, add a folder and write the
expect.txt you want: the test is the specification.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzgzn.diagnostics.messages import CATALOG

from .conftest import REPO, invoke

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
WHOLE_FILE_CODES = {
    "empty-file",
    "binary",
    "file-too-large",
    "file-unreadable",
    "ignored-file",
    "path-escape",
}


def _lay_out(case: Path, root: Path) -> None:
    # no closed quarters: the corpus is about how a file is written, not when
    shutil.copytree(REPO / "plan", root / "plan", ignore=shutil.ignore_patterns("frozen.yaml"))
    if (case / "submissions").exists():
        shutil.copytree(case / "submissions", root / "submissions")
    else:
        (root / "submissions").mkdir()


def _run(runner: CliRunner, root: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    code, output = invoke(runner, "validate", "--root", str(root), "--format", "json", *args)
    return code, json.loads(output)


def _lines(found: list[dict[str, object]]) -> list[str]:
    return sorted(
        f"{p['path']}:{p['line']}:{p['column']} {p['severity']} {p['code']}" for p in found
    )


@pytest.mark.parametrize("case", CASES)
def test_case(case: str, runner: CliRunner, tmp_path: Path) -> None:
    folder = CORPUS / case
    _lay_out(folder, tmp_path)
    code, found = _run(runner, tmp_path)
    expected = sorted(
        line for line in (folder / "expect.txt").read_text("utf-8").splitlines() if line
    )
    assert _lines(found) == expected
    assert code == (1 if any(p["severity"] == "error" for p in found) else 0)
    for p in found:
        assert p["code"] in CATALOG
        assert p["message"] and p["hint"]
        assert p["line"] or p["code"] in WHOLE_FILE_CODES


@pytest.mark.parametrize("case", CASES)
def test_case_in_english(case: str, runner: CliRunner, tmp_path: Path) -> None:
    _lay_out(CORPUS / case, tmp_path)
    _, chinese = _run(runner, tmp_path)
    _, english = _run(runner, tmp_path, "--lang", "en")
    assert _lines(english) == _lines(chinese)
    for zh, en in zip(chinese, english, strict=True):
        assert en["message"] != zh["message"]
        # no placeholder left unfilled (a hint may show YAML braces: {name: ..., post: ...})
        assert not re.search(r"\{[a-z_]+\}", str(en["message"]) + str(en["hint"]))


def test_every_case_is_documented() -> None:
    for case in CASES:
        assert (CORPUS / case / "README.md").read_text("utf-8").strip(), case


def test_huge_file_is_refused_before_reading(runner: CliRunner, tmp_path: Path) -> None:
    _lay_out(CORPUS / "valid", tmp_path)
    huge = tmp_path / "submissions" / "2020Q2" / "hexi.yaml"
    huge.write_bytes(huge.read_bytes() + b"# " + b"x" * 2_000_000 + b"\n")
    code, found = _run(runner, tmp_path)
    assert code == 1
    assert _lines(found) == ["submissions/2020Q2/hexi.yaml:0:0 error file-too-large"]


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_symlink_out_of_the_tree_is_not_followed(runner: CliRunner, tmp_path: Path) -> None:
    root = tmp_path / "repo"
    _lay_out(CORPUS / "valid", root)
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    (root / "submissions" / "2020Q2" / "hedong.yaml").symlink_to(secret)
    code, found = _run(runner, root)
    assert _lines(found) == ["submissions/2020Q2/hedong.yaml:0:0 error path-escape"]
    assert code == 1
    assert "hunter2" not in json.dumps(found)


def test_one_broken_file_does_not_hide_the_others(runner: CliRunner, repo: Path) -> None:
    broken = repo / "submissions" / "2020Q2" / "hexi.yaml"
    broken.write_bytes(broken.read_bytes().replace(b"status: in_progress", b"status: [", 1))
    other = repo / "submissions" / "2020Q2" / "hedong.yaml"
    other.write_bytes(other.read_bytes().replace(b"unit: hedong", b"unit: hedong\nunti: x"))
    code, found = _run(runner, repo)
    assert code == 1
    assert {p["path"] for p in found if p["severity"] == "error"} == {
        "submissions/2020Q2/hexi.yaml",
        "submissions/2020Q2/hedong.yaml",
    }
