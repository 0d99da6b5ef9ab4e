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
    with pytest.raises(ZzgznError, match="Word/WPS/Excel"):
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
