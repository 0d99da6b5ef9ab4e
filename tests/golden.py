"""Golden files: compare whole outputs; regenerate deliberately with ZZGZN_UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("ZZGZN_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8") if path.exists() else None
    assert expected is not None, f"no golden file {path}: run with ZZGZN_UPDATE_GOLDEN=1 and review"
    assert actual == expected, f"{name} differs from its golden file; review the diff"
