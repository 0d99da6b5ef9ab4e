"""When two texts say the same thing, and when a text takes up what another said.

Two questions, one module. *Same*: problems, next steps, case titles and metric names that
are near-duplicates count as one — the consolidated report groups them and `diff` calls a
problem "raised again" by the same measure. *Mentioned*: a promise (next step) is taken up
when most of its character pairs appear anywhere in what the unit reports later; scattered
words count, since a report rarely repeats a promise as one phrase (`mentioned`).

Same: either of two measures, each catching what the other misses (on the labelled set named
below they join 94 % of the same pairs together, 91 % and 77 % alone, with no false merge):

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
margin above the first false match. The second measure is for clauses in another order
("工作力量不足，专职人员偏少" / "专职人员偏少，工作力量不足": partial_ratio 79): each
text shares at least SAME_PAIRS of its character pairs with the other (0.6 merged
工作力量 with 工作经费; 0.75 merges nothing it should not).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

SAME_TEXT = 85.0
# A promise is mentioned when this share of its character pairs appears in what was reported.
MENTIONED = 0.5
# Two texts are the same when each shares this much of its character pairs with the other.
SAME_PAIRS = 0.75
# A metric name this close to a declared one is taken for it: lower than SAME_TEXT because
# names are short ("参加培训人员" / "参加业务培训人员" scores 80).
SAME_NAME = 75.0
_NOT_LETTER = re.compile(r"[\W_]+")

T = TypeVar("T")


def letters(text: str) -> str:
    """What is compared: the text without punctuation, spaces or line breaks."""
    return _short_letters(text) if len(text) <= _SHORT else _NOT_LETTER.sub("", text)


# Problems, next steps, case titles and metric names recur across a national quarter's units,
# and each is compared several times (grouped, counted, looked for): their letters are kept.
_SHORT = 200


@functools.lru_cache(maxsize=1 << 15)
def _short_letters(text: str) -> str:
    return _NOT_LETTER.sub("", text)


def _pairs(letters: str) -> set[str]:
    return {letters[i : i + 2] for i in range(len(letters) - 1)}


class Haystack:
    """Text searched for several needles: its pairs are taken once, when enough needles ask.

    A pair is among the text's pairs exactly when it occurs in the text's letters, so the
    first few needles search the letters instead (a unit's report on a task is a few hundred
    characters and usually meets one or two promises: making its set costs more than that).
    """

    __slots__ = ("_pairs", "_searched", "letters")

    def __init__(self, text: str) -> None:
        self.letters = letters(text)
        self._pairs: set[str] | None = None
        self._searched = 0

    @property
    def pairs(self) -> set[str]:
        if self._pairs is None:
            self._pairs = _pairs(self.letters)
        return self._pairs

    def found(self, pairs: set[str]) -> int:
        """How many of pairs occur in the text."""
        if self._pairs is None and self._searched < _SEARCHED_MOST:
            self._searched += 1
            text = self.letters
            return sum(1 for pair in pairs if pair in text)
        return len(pairs & self.pairs)


_SEARCHED_MOST = 4  # needles searched in the letters before the pairs are taken once


def covered(needle: str, haystack: str | Haystack) -> float:
    """The share of needle's character pairs found in haystack (1.0 for empty needle)."""
    found = haystack if isinstance(haystack, Haystack) else Haystack(haystack)
    wanted = letters(needle)
    if len(wanted) < 2:  # one character has no pair: is it there at all?
        return 1.0 if wanted in found.letters else 0.0
    pairs = _pairs(wanted)
    return found.found(pairs) / len(pairs)


def mentioned(needle: str, haystack: str | Haystack) -> bool:
    return covered(needle, haystack) >= MENTIONED


def _comparable(a: str, b: str) -> bool:
    short, long = sorted((len(a), len(b)))
    return 2 * short >= long


def similarity(a: str, b: str) -> float:
    """0–100: how alike two texts are by their letters (0 when their lengths are too far apart)."""
    a, b = letters(a), letters(b)
    if not _comparable(a, b):
        return 0.0
    return float(fuzz.partial_ratio(a, b))


def shared_pairs(a: str, b: str) -> float:
    """0–1: the smaller of the shares of each text's character pairs found in the other."""
    return min(covered(a, b), covered(b, a))


def same_text(a: str, b: str, threshold: float = SAME_TEXT) -> bool:
    return similarity(a, b) >= threshold or shared_pairs(a, b) >= SAME_PAIRS


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
    # leaders by character pair: the texts that can share SAME_PAIRS of a wording's pairs
    by_pair: dict[str, list[int]] = {}
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
        pairs = _pairs(key)
        hits: dict[int, int] = {}
        for pair in pairs:
            for n in by_pair.get(pair, ()):
                hits[n] = hits.get(n, 0) + 1
        fit += [
            (-100 * share, n)
            for n, hit in hits.items()
            if hit >= SAME_PAIRS * len(pairs)
            and (share := shared_pairs(key, leaders[n])) >= SAME_PAIRS
        ]
        best = min(fit, default=None)
        if best is None:
            group_of[key] = len(leaders)
            for pair in pairs:
                by_pair.setdefault(pair, []).append(len(leaders))
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
