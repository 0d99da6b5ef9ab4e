"""National scale, measured: one command, one table, ratios taken within one run.

    python benchmarks/run.py [--units 3000] [--dir DIR] [--skip-jsonschema]

Generates (seeded) a national campaign — 3,000 county bureaus × 5 quarters = 15,000 files —
and the same with 1 % of the files broken, then times whole processes on those files:
zzgzn validate (one process, all cores, again with nothing changed), the error path, a bare
libyaml load of the same files (the floor), check-jsonschema with zzgzn's exported schema,
one quarter's report (Markdown, DOCX), the shipped city-size repository, and `zzgzn --version`
against `python -c pass`. Peak memory is each process's maximum resident set (its workers
included). Figures, not pass/fail: the machine is shared and noisy, so read the ratios; the
last column says whether the issue's target was met in this run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from national import generate  # noqa: E402

BIN = Path(sys.executable).parent
ZZGZN = [str(BIN / "zzgzn")] if (BIN / "zzgzn").exists() else [sys.executable, "-m", "zzgzn"]
QUARTER = "2020Q2"
FLOOR = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""


@dataclass
class Run:
    seconds: float
    peak_mb: float
    code: int


def measure(command: list[str], cwd: Path | None = None, repeat: int = 1) -> Run:
    """The best of `repeat` runs of a whole process: wall time and peak resident memory."""
    best: Run | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        run = Run(seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))
        if best is None or run.seconds < best.seconds:
            best = run
    assert best is not None
    return best


@dataclass
class Row:
    what: str
    run: Run
    ratio: float | None = None
    versus: str = ""
    target: str = ""
    met: bool | None = None


def table(rows: list[Row]) -> str:
    head = f"{'measurement':<46} {'seconds':>8} {'ratio':>7}  {'of':<22} {'peak MB':>8}  target"
    lines = [head, "-" * len(head)]
    for r in rows:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
        verdict = {True: "met", False: "NOT met", None: ""}[r.met]
        target = f"{r.target} {verdict}".strip()
        lines.append(
            f"{r.what:<46} {r.run.seconds:8.2f} {ratio:>7}  {r.versus:<22} "
            f"{r.run.peak_mb:8.0f}  {target}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--skip-jsonschema", action="store_true")
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="zzgzn-bench-"))
    try:
        rows = bench(work, args.units, args.skip_jsonschema)
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)
    print(table(rows))


def bench(work: Path, units: int, skip_jsonschema: bool) -> list[Row]:
    valid, broken = work / "valid", work / "broken"
    for folder in (valid, broken):
        shutil.rmtree(folder, ignore_errors=True)
    generate(valid, units)
    n_broken = generate(broken, units, broken=1.0)
    subprocess.run([*ZZGZN, "schema", "--root", str(valid)], check=True, capture_output=True)
    files = sorted((valid / "submissions").rglob("*.yaml"))
    size = sum(p.stat().st_size for p in files) / 1e6
    print(f"{len(files)} files, {size:.0f} MB; {n_broken} broken in the variant", flush=True)

    def zz(root: Path, *args: str, repeat: int = 1) -> Run:
        return measure([*ZZGZN, *args, "--root", str(root)], repeat=repeat)

    floor = measure([sys.executable, "-c", FLOOR, str(valid / "submissions")])
    floor_q = measure([sys.executable, "-c", FLOOR, str(valid / "submissions" / QUARTER)])
    one = zz(valid, "validate", "--no-cache", "-j", "1")
    cores = zz(valid, "validate")  # all cores; fills the cache
    warm = zz(valid, "validate", repeat=3)
    bad = zz(broken, "validate", "--no-cache", "-j", "1")
    per_100 = (bad.seconds - one.seconds) / n_broken * 100 if n_broken else 0.0
    out = work / "reports"
    md = zz(valid, "report", QUARTER, "-f", "md", "-o", str(out) + "/")
    docx = zz(valid, "report", QUARTER, "-f", "docx", "-o", str(out) + "/")
    city_cold = measure([*ZZGZN, "validate", "--no-cache"], cwd=ROOT, repeat=3)
    city_warm = measure([*ZZGZN, "validate"], cwd=ROOT, repeat=3)
    version = measure([*ZZGZN, "--version"], repeat=5)
    bare = measure([sys.executable, "-c", "pass"], repeat=5)

    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    rows = [
        Row("libyaml load, all files (the floor)", floor),
        Row(f"libyaml load, {QUARTER} only", floor_q),
        Row(
            "validate, 1 process",
            one,
            one.seconds / floor.seconds,
            "libyaml floor",
            "≤ 1.20",
            one.seconds <= 1.2 * floor.seconds,
        ),
        Row(
            f"validate, {jobs} processes",
            cores,
            cores.seconds / floor.seconds,
            "libyaml floor",
            "≤ 0.75",
            cores.seconds <= 0.75 * floor.seconds,
        ),
        Row(
            "validate again, nothing changed (cache)", warm, None, "", "≤ 1 s", warm.seconds <= 1.0
        ),
        Row(f"validate, {n_broken} broken files, 1 process", bad),
        Row(
            "  error path, per 100 failing files",
            Run(per_100, bad.peak_mb, bad.code),
            None,
            "",
            "≤ 1.5 s",
            per_100 <= 1.5,
        ),
        Row(
            f"report {QUARTER}, Markdown",
            md,
            md.seconds / floor_q.seconds,
            f"libyaml, {QUARTER}",
            "≤ 2.00",
            md.seconds <= 2 * floor_q.seconds,
        ),
        Row(
            f"report {QUARTER}, DOCX",
            docx,
            docx.seconds / floor_q.seconds,
            f"libyaml, {QUARTER}",
            "≤ 2.00",
            docx.seconds <= 2 * floor_q.seconds,
        ),
        Row(
            "city size (shipped repo): validate, cold",
            city_cold,
            None,
            "",
            "≤ 0.6 s",
            city_cold.seconds <= 0.6,
        ),
        Row(
            "city size (shipped repo): validate, cached",
            city_warm,
            None,
            "",
            "≤ 0.6 s",
            city_warm.seconds <= 0.6,
        ),
        Row(
            "zzgzn --version",
            version,
            version.seconds / bare.seconds,
            "python -c pass",
            "≤ 0.25 s",
            version.seconds <= 0.25,
        ),
        Row("python -c pass", bare),
    ]
    if not skip_jsonschema:
        schema = valid / "schemas" / "submission.schema.json"
        cjs = measure(
            [str(BIN / "check-jsonschema"), "--schemafile", str(schema), *map(str, files)]
        )
        rows.insert(
            4,
            Row(
                "check-jsonschema, zzgzn's schema",
                cjs,
                cjs.seconds / one.seconds,
                "validate, 1 process",
                "≥ 4.00",
                cjs.seconds >= 4 * one.seconds,
            ),
        )
    peak = max(r.run.peak_mb for r in rows if r.what != "python -c pass")
    rows.append(
        Row(
            "peak memory, any of the above (MB)",
            Run(0.0, peak, 0),
            None,
            "",
            "≤ 200 MB",
            peak <= 200,
        )
    )
    failed = [r.what for r in rows if r.run.code not in (0, 1)]
    if failed:
        raise SystemExit(f"commands failed: {failed}")
    return rows


if __name__ == "__main__":
    main()
