"""Writing never leaves half a file: temp file + rename, and the old file survives a failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zzgzn.errors import ZzgznError
from zzgzn.files import deterministic_zip, write_atomic


def test_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "out.md"
    write_atomic(target, b"first")
    write_atomic(target, "第二".encode())
    assert target.read_text("utf-8") == "第二"
    assert [p.name for p in target.parent.iterdir()] == ["out.md"]  # no temp files left


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    target.write_bytes(b"old")

    def fail(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(ZzgznError, match=r"^write-denied"):  # "open in Word/WPS/Excel?"
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_zip_dates_are_fixed(tmp_path: Path) -> None:
    import io
    import zipfile

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as z:
        z.writestr("a.xml", "<a/>")
    with zipfile.ZipFile(io.BytesIO(deterministic_zip(raw.getvalue()))) as z:
        assert z.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_an_existing_file_keeps_its_mode_and_a_new_one_gets_the_umask(tmp_path: Path) -> None:
    kept = tmp_path / "hexi.yaml"
    kept.write_bytes(b"old")
    kept.chmod(0o664)
    write_atomic(kept, b"new")
    assert (kept.stat().st_mode & 0o777, kept.read_bytes()) == (0o664, b"new")
    old_mask = os.umask(0o027)
    try:
        write_atomic(tmp_path / "report.md", b"x")
    finally:
        os.umask(old_mask)
    assert (tmp_path / "report.md").stat().st_mode & 0o777 == 0o640  # never mkstemp's 600


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_fix_keeps_the_files_mode(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from zzgzn.cli import app

    from .conftest import copy_campaign, edit

    root = copy_campaign(tmp_path / "repo")
    path = root / "submissions" / "2020Q2" / "hexi.yaml"
    edit(path, "submitted_on: 2020-07-01", "submitted_on: 2020年7月1日")
    path.chmod(0o644)
    result = CliRunner().invoke(app, ["fix", str(path), "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert "submitted_on: 2020-07-01" in path.read_text("utf-8")
    assert path.stat().st_mode & 0o777 == 0o644
