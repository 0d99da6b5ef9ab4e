"""The national tree, forwarded level by level: how long `zzgzn forward` takes at each level.

    python benchmarks/chain.py [--provinces 30] [--cities 10] [--counties 10] [--dir DIR] [--json]

Generates (seeded, fictional) one campaign repository per city — its registry the city's
county bureaus, each with a 2020Q2 file (benchmarks/national.py writes them) — one per province
and one for the ministry, every plan the shipped one with the generated registry and a
`parent:` block mapping each task onto the same task above. Then forwards 2020Q2 up the tree:
every city into its province, every province into the ministry, timing each forward (in this
process, so interpreter start-up is not counted; one whole `zzgzn forward` process per level
is timed too), and checks at the top that the ministry's total of one figure equals the sum of
the county files. Prints a table (or JSON with --json).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import national  # noqa: E402

from zzgzn.workflow.forward import run_forward  # noqa: E402

QUARTER = "2020Q2"
TODAY = dt.date(2021, 6, 30)
BIN = Path(sys.executable).parent
ZZGZN = [str(BIN / "zzgzn")] if (BIN / "zzgzn").exists() else [sys.executable, "-m", "zzgzn"]
PROVINCE = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒"


def campaign(
    root: Path, campaign_id: str, units: list[dict[str, str]], parent: str, me: str
) -> None:
    """A campaign repository: the shipped plan, this registry, a parent: block (unless top)."""
    national.write_plan(root, units)
    plan = root / "plan" / "plan.yaml"
    text = plan.read_text("utf-8").replace("id: sizheng-gongzuonian-2020", f"id: {campaign_id}", 1)
    if parent:
        links = "".join(f'    - {{task: "{t}", from: ["{t}"]}}\n' for t in national.TASKS)
        text += (
            f"parent:\n  campaign: {parent}\n  plan_version: 1.0.0\n  unit: {me}\n  tasks:\n"
            + links
            + "  approved_by: {name: 示例审核人, post: 局长}\n"
        )
    plan.write_text(text, "utf-8")
    (root / "submissions" / QUARTER).mkdir(parents=True)


def unit(uid: str, name: str, n: int) -> dict[str, str]:
    return {"id": uid, "name": name, "phone": f"000-0000-{n % 10000:04d}"}


def build(work: Path, provinces: int, cities: int, counties: int) -> dict[str, list[Path]]:
    rng = random.Random(2020)
    levels: dict[str, list[Path]] = {"city": [], "province": [], "ministry": []}
    province_units = [
        unit(f"prov-{p:02d}", f"示例{PROVINCE[p % len(PROVINCE)]}省退役军人事务厅", p)
        for p in range(provinces)
    ]
    ministry = work / "ministry"
    campaign(ministry, "ministry", province_units, "", "")
    levels["ministry"].append(ministry)
    n = 0
    for p, prov in enumerate(province_units):
        city_units = [
            unit(f"city-{p:02d}-{c:02d}", f"{prov['name'][:-5]}第{c + 1}示例市退役军人事务局", c)
            for c in range(cities)
        ]
        root = work / prov["id"]
        campaign(root, prov["id"], city_units, "ministry", prov["id"])
        levels["province"].append(root)
        for city in city_units:
            county_units = []
            for _ in range(counties):
                n += 1
                county_units.append(
                    unit(f"county-{n:05d}", f"{city['name'][:-7]}第{n}示例县退役军人事务局", n)
                )
            croot = work / city["id"]
            campaign(croot, city["id"], county_units, prov["id"], city["id"])
            for county in county_units:
                path = croot / "submissions" / QUARTER / f"{county['id']}.yaml"
                path.write_text(national.submission(rng, county, QUARTER), "utf-8")
            levels["city"].append(croot)
    return levels


def parent_of(root: Path) -> str:
    return next(
        line.split(":", 1)[1].strip()
        for line in (root / "plan" / "plan.yaml").read_text("utf-8").splitlines()
        if line.startswith("  campaign: ")
    )


def forward_level(roots: list[Path], work: Path) -> list[float]:
    seconds = []
    for root in roots:
        start = time.perf_counter()
        outcome = run_forward(root, QUARTER, work / parent_of(root), TODAY)
        seconds.append(time.perf_counter() - start)
        if outcome.blocking or outcome.state == "blocked":
            raise SystemExit(f"{root}: forward blocked: {outcome.blocking[:3]}")
    return seconds


def whole_process(root: Path, work: Path) -> float:
    """One forward as the office runs it: a whole process, start-up included."""
    start = time.perf_counter()
    subprocess.run(
        [*ZZGZN, "forward", "Q2", "--parent", str(work / parent_of(root)), "--root", str(root)],
        check=True,
        capture_output=True,
        env={**os.environ, "ZZGZN_TODAY": TODAY.isoformat()},
    )
    return time.perf_counter() - start


def total(folders: list[Path], task: str, name: str) -> float:
    """The figure as the files in folders write it on task."""
    import yaml

    return sum(
        m["value"]
        for folder in folders
        for path in (folder / "submissions" / QUARTER).glob("*.yaml")
        for entry in yaml.safe_load(path.read_text("utf-8"))["tasks"]
        if str(entry["task"]) == task
        for m in entry.get("metrics", [])
        if m["name"] == name
    )


def run(work: Path, provinces: int, cities: int, counties: int) -> dict[str, object]:
    start = time.perf_counter()
    levels = build(work, provinces, cities, counties)
    built = time.perf_counter() - start
    results: dict[str, object] = {
        "tree": {"provinces": provinces, "cities": cities, "counties": counties},
        "generate_seconds": round(built, 2),
    }
    for level, above in (("city", "province"), ("province", "ministry")):
        times = forward_level(levels[level], work)
        results[f"{level} → {above}"] = {
            "forwards": len(times),
            "files_each": counties if level == "city" else cities,
            "mean_s": round(statistics.mean(times), 3),
            "max_s": round(max(times), 3),
            "total_s": round(sum(times), 2),
            "one_process_s": round(whole_process(levels[level][0], work), 2),
        }
    # a figure the plan declares on task 1.2 (统计口径): added at every level
    name = "走访退役军人"
    top, leaves = total(levels["ministry"], "1.2", name), total(levels["city"], "1.2", name)
    results["check"] = {"task": "1.2", "metric": name, "ministry": top, "county files": leaves}
    results["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    if top != leaves:
        raise SystemExit(f"the ministry's {name} {top} is not the counties' sum {leaves}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--provinces", type=int, default=30)
    parser.add_argument("--cities", type=int, default=10)
    parser.add_argument("--counties", type=int, default=10)
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="zzgzn-chain-"))
    try:
        results = run(work, args.provinces, args.cities, args.counties)
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
        return
    tree = results["tree"]
    print(f"national tree: {tree}; generated in {results['generate_seconds']} s")
    print(
        f"{'level':<22} {'forwards':>8} {'files':>6} {'mean s':>8} {'max s':>8} "
        f"{'total s':>8} {'process s':>10}"
    )
    for key, row in results.items():
        if isinstance(row, dict) and "forwards" in row:
            print(
                f"{key:<22} {row['forwards']:>8} {row['files_each']:>6} {row['mean_s']:>8} "
                f"{row['max_s']:>8} {row['total_s']:>8} {row['one_process_s']:>10}"
            )
    print(f"check: {results['check']}; peak {results['peak_mb']} MB")


if __name__ == "__main__":
    main()
