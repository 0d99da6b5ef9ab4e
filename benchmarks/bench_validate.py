"""Print how long validation and reporting take, and what hostile input costs.

    python benchmarks/bench_validate.py [copies]

Figures, not pass/fail: this machine is shared, so compare ratios within one run. The
campaign has ~30 units × 5 quarters = 150 files; `copies` multiplies the shipped samples
(54 files) into that many quarter folders' worth to see how time grows.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from zzgzn.checking.validate import validate_repository  # noqa: E402
from zzgzn.reading.loader import load_bytes  # noqa: E402
from zzgzn.report.job import run_report  # noqa: E402

TODAY = dt.date(2021, 6, 30)


def timed(label: str, func, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = min(_once(func) for _ in range(repeat))
    print(f"{label:<52} {best * 1000:9.1f} ms")
    return best


def _once(func) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main(copies: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(ROOT / "plan", root / "plan")
        files = sorted((ROOT / "submissions").glob("*/*.yaml"))
        for i in range(copies):
            for path in files:
                target = root / "submissions" / path.parent.name / f"{path.stem}.yaml"
                if i:  # extra copies go to their own folder names, checked like any other
                    target = root / "submissions" / f"{path.parent.name}" / f"{path.stem}-{i}.yaml"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, target)
        count = len(list((root / "submissions").rglob("*.yaml")))
        average = sum(p.stat().st_size for p in files) // len(files)
        print(f"{count} submission files, {average} bytes each on average")
        sample = files[0].read_bytes()
        one = timed(
            "load one file (safe loader, with positions)", lambda: load_bytes(sample, "x"), 20
        )
        whole = timed(f"validate plan + {count} files", lambda: validate_repository(root, TODAY))
        print(f"{'  per file':<52} {whole / count * 1000:9.1f} ms")
        report = timed(
            "report 2020Q2, Markdown + DOCX",
            lambda: run_report(root, "2020Q2", TODAY, output=root / "out", allow_invalid=True),
            2,
        )

        levels = "".join(
            f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n" for i in range(1, 10)
        )
        bomb = ("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n" + levels).encode()
        tracemalloc.start()
        refused = timed(
            "refuse a billion-laughs file (10^10 nodes)", lambda: load_bytes(bomb, "b"), 5
        )
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{'  peak memory while refusing':<52} {peak / 1024:9.1f} KiB")
        deep = ("a: " + "[" * 100_000 + "]" * 100_000).encode()
        timed("refuse 100,000 levels of nesting", lambda: load_bytes(deep, "d"), 3)
        print(
            f"\nratios: bomb / normal file = {refused / one:.1f}; "
            f"report / validate = {report / whole:.1f}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
