"""Which rapidfuzz scorer and threshold group near-duplicate Chinese texts best.

    python benchmarks/similar.py [tests/data/similar_texts.yaml]

On the labelled wordings (groups of texts meaning one thing), for each scorer and threshold:
recall (pairs in one group found the same), false matches (pairs from different groups found
the same), and what grouping all texts gives (groups made, groups mixing different meanings).
"zzgzn" is what src/zzgzn/similar.py does (partial_ratio or shared character pairs).
Then how many pairs a second each scorer compares.
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from zzgzn.similar import group_similar, letters, same_text, similarity

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "similar_texts.yaml"


def main() -> None:
    groups: list[list[str]] = yaml.safe_load(
        Path(sys.argv[1] if len(sys.argv) > 1 else DATA).read_text("utf-8")
    )
    same = [(a, b) for g in groups for a, b in itertools.combinations(g, 2)]
    differ = [(a, b) for g, h in itertools.combinations(groups, 2) for a in g for b in h]
    meaning = {t: i for i, g in enumerate(groups) for t in g}
    scorers: dict[str, Callable[[str, str], float]] = {
        "ratio": lambda a, b: fuzz.ratio(letters(a), letters(b)),
        "partial_ratio": lambda a, b: fuzz.partial_ratio(letters(a), letters(b)),
        "WRatio": lambda a, b: fuzz.WRatio(letters(a), letters(b)),
        "zzgzn": similarity,
    }
    print(f"{len(groups)} meanings, {len(same)} same pairs, {len(differ)} different pairs")
    print(f"{'scorer':14} {'thr':>4} {'recall':>7} {'false':>6} {'groups':>7} {'mixed':>6}")
    for name in scorers:
        for threshold in (75, 80, 82, 85, 88, 90):

            def joined(a: str, b: str, name: str = name, t: float = threshold) -> bool:
                # zzgzn: partial_ratio at the threshold, or the clause-order measure
                return same_text(a, b, t) if name == "zzgzn" else scorers[name](a, b) >= t

            found = sum(joined(a, b) for a, b in same) / len(same)
            false = sum(joined(a, b) for a, b in differ)
            made = group_similar(list(meaning), str, threshold) if name == "zzgzn" else None
            mixed = sum(len({meaning[t] for t in g.items}) > 1 for g in made) if made else "-"
            count = len(made) if made else "-"
            print(f"{name:14} {threshold:4} {found:7.3f} {false:6} {count:>7} {mixed:>6}")
    pairs = differ * 20
    for name, score in scorers.items():
        start = time.perf_counter()
        for a, b in pairs:
            score(a, b)
        rate = len(pairs) / (time.perf_counter() - start)
        print(
            f"{name:14} {rate / 1e6:.2f} M pairs/s (each call from Python, letters taken each time)"
        )


if __name__ == "__main__":
    main()
