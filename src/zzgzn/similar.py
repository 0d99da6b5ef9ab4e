"""Near-duplicate short texts (problems, next steps, case titles, metric names) as one.

Units write the same problem in slightly different words: "基层服务站工作力量不足，专职人员偏少",
"…专职人员较少", "基层服务站（点）工作力量不足…". Two texts are the same here when rapidfuzz's
`fuzz.partial_ratio` of their letters (punctuation and spaces dropped) is at least SAME_TEXT
and the shorter has at least half the letters of the longer (partial_ratio aligns the shorter
text with its best place in the longer: without that bound a four-character phrase would be
"the same" as any sentence containing it).

Chosen on the labelled wordings in tests/data/similar_texts.yaml (`python
benchmarks/similar.py` prints the table for each scorer and threshold): partial_ratio ≥ 85
joins 91 % of the pairs written as the same thing and none of the pairs that differ in
substance (one subject with 工作经费不足 / 工作力量不足, or two kinds of 教育); below 82 it
starts to join those. fuzz.ratio joined only 73–77 % at the thresholds where it made no false match.
A wrong merge hides a problem and a missed one only repeats a line, so the threshold keeps a
margin above the first false match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

SAME_TEXT = 85.0
# A metric name this close to a declared one is taken for it: lower than SAME_TEXT because
# names are short ("参加培训人员" / "参加业务培训人员" scores 80).
SAME_NAME = 75.0
_NOT_LETTER = re.compile(r"[\W_]+")

T = TypeVar("T")


def letters(text: str) -> str:
    """What is compared: the text without punctuation, spaces or line breaks."""
    return _NOT_LETTER.sub("", text)


def _comparable(a: str, b: str) -> bool:
    short, long = sorted((len(a), len(b)))
    return 2 * short >= long


def similarity(a: str, b: str) -> float:
    """0–100: how alike two texts are by their letters (0 when their lengths are too far apart)."""
    a, b = letters(a), letters(b)
    if not _comparable(a, b):
        return 0.0
    return float(fuzz.partial_ratio(a, b))


def same_text(a: str, b: str, threshold: float = SAME_TEXT) -> bool:
    return similarity(a, b) >= threshold


@dataclass(frozen=True)
class Group(Generic[T]):
    """Items saying the same thing; text is the wording most of them use."""

    text: str
    items: tuple[T, ...]


def group_similar(
    items: Iterable[T], text: Callable[[T], str], threshold: float = SAME_TEXT
) -> list[Group[T]]:
    """items grouped by near-identical text; groups with most items first, then by first
    appearance, each group's items in their given order.

    Identical letters are one wording. Wordings are taken most common first, and each joins
    the group whose leading wording it is most like (≥ threshold) or leads a new group: a
    group never drifts away from its leader by a chain of small steps.
    """
    listed = list(items)
    wording_of: list[str] = []
    count: dict[str, int] = {}
    shown: dict[str, str] = {}
    for item in listed:
        said = text(item)
        key = letters(said) or said
        wording_of.append(key)
        count[key] = count.get(key, 0) + 1
        shown.setdefault(key, said)
    first: dict[str, int] = {}
    for i, key in enumerate(wording_of):
        first.setdefault(key, i)
    leaders: list[str] = []
    group_of: dict[str, int] = {}
    floor = 2 * threshold / 3 - 0.5
    for key in sorted(count, key=lambda k: (-count[k], first[k])):
        # ratio, cheap and in C, rules out every leader that cannot reach the threshold
        # (partial_ratio ≥ t with lengths within 2× implies ratio ≥ 2t/3); partial_ratio
        # then scores the few left
        near = process.extract(key, leaders, scorer=fuzz.ratio, score_cutoff=floor, limit=None)
        fit = [
            (-score, n)
            for _, _, n in near
            if _comparable(key, leaders[n])
            and (score := fuzz.partial_ratio(key, leaders[n])) >= threshold
        ]
        best = min(fit, default=None)
        if best is None:
            group_of[key] = len(leaders)
            leaders.append(key)
        else:
            group_of[key] = best[1]
    members: list[list[T]] = [[] for _ in leaders]
    start = [len(listed)] * len(leaders)
    for i, (item, key) in enumerate(zip(listed, wording_of, strict=True)):
        n = group_of[key]
        members[n].append(item)
        start[n] = min(start[n], i)
    groups = [(start[n], Group(shown[leaders[n]], tuple(found))) for n, found in enumerate(members)]
    groups.sort(key=lambda pair: (-len(pair[1].items), pair[0]))
    return [g for _, g in groups]
