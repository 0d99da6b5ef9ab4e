"""Which files a check covers, and a notice for each file it leaves alone."""

from __future__ import annotations

import os
from pathlib import Path

from zzgzn.checking.discovery import discover


def _tree(root: Path) -> None:
    quarter = root / "submissions" / "2020Q2"
    quarter.mkdir(parents=True)
    for name in (
        "hexi.yaml",
        "hedong.YML",
        "README.md",
        "~$hexi.yaml",
        ".hidden.yaml",
        "notes.docx",
    ):
        (quarter / name).write_text("x", "utf-8")
    (root / "outside.yaml").write_text("x", "utf-8")
    os.symlink(root / "outside.yaml", quarter / "link.yaml")


def test_yaml_files_are_found_and_the_rest_noticed(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = discover(tmp_path)
    assert sorted(display for _, display in found.files) == [
        "submissions/2020Q2/hedong.YML",
        "submissions/2020Q2/hexi.yaml",
    ]
    notices = sorted((p.path, p.code, p.severity.value) for p in found.problems)
    assert notices == [
        ("submissions/2020Q2/.hidden.yaml", "ignored-file", "info"),
        ("submissions/2020Q2/link.yaml", "path-escape", "error"),
        ("submissions/2020Q2/notes.docx", "ignored-file", "info"),
        ("submissions/2020Q2/~$hexi.yaml", "ignored-file", "info"),
    ]  # README.md is documentation kept beside the data: no notice


def test_named_paths_limit_the_check(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = discover(tmp_path, [tmp_path / "submissions" / "2020Q2" / "hexi.yaml"])
    assert [display for _, display in found.files] == ["submissions/2020Q2/hexi.yaml"]
    assert not found.problems
