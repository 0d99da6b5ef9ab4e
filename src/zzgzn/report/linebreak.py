"""Where printed Chinese text may break: titles between phrases, never inside a date.

Word and LibreOffice break Chinese text between any two characters, so a title wraps where
the line happens to end ("…进展/情况报告") and a date in a narrow table cell splits
("2020年7月10/日"). GB/T 9704-2012 7.3.1 asks for titles that break with the sense intact
(词意完整) and lines balanced (梯形或菱形); the writer puts the breaks itself, from the
printed widths estimated here.
"""

from __future__ import annotations

import re
import unicodedata

# Punctuation that closes a phrase: a line may end after it, never start with it.
_CLOSING = "”’》）」』〕】〉"
_OPENING = "“‘《（「『〔【〈"
_CLAUSE_END = "，、；：。！？"
# A line never starts with these (避头): sentence punctuation and closing marks.
_NO_LINE_START = _CLOSING + "，。、；：！？…—·"
# Words that begin a phrase: break before them, never after. 与/至 only before a figure
# ("第三季度/与2020年第二季度", "4月1日/至6月30日") and not where they end a word (参与, 截至).
_PHRASE_START = re.compile(r"关于|(?<![参给截直乃])[与至](?=[0-9])")
SHORT_LABEL_EM = 8.0  # a table cell this wide (in characters) or less never wraps
_ASCII_WORD = re.compile(r"[0-9A-Za-z]+")
# Dates as the reports print them (2020年7月10日, 2020年7月) and the ISO form, and counts of
# working days (逾期 3个工作日): never split inside a table cell.
UNBREAKABLE = re.compile(r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|\d{4}-\d{2}-\d{2}|\d+个工作日")


def text_mm(text: str, size_pt: float) -> float:
    """Printed width: a Chinese character is one em, a digit or Latin letter about half, and
    Word and LibreOffice put a quarter em between Chinese and Latin text (autospace)."""
    em = size_pt * 25.4 / 72
    kinds = text.translate(_KINDS)  # W for each wide character, n for the others
    wide = kinds.count("W")
    switches = kinds.count("Wn") + kinds.count("nW")
    return 1.04 * em * (wide + 0.5 * (len(text) - wide) + 0.25 * switches)  # a little to spare


class _Kinds(dict[int, str]):
    """str.translate's table for text_mm, filled as characters are first met (a national
    table's cells are measured in one pass of C, not a call per character)."""

    def __missing__(self, code: int) -> str:
        kind = self[code] = "W" if unicodedata.east_asian_width(chr(code)) in "WF" else "n"
        return kind


_KINDS = _Kinds()


def _is_han(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF" and ch not in _OPENING + _NO_LINE_START


def break_points(text: str) -> list[int]:
    """Offsets where a title may break without cutting a phrase: after a clause's or a
    quotation's closing punctuation, before opening punctuation or a phrase-starting word,
    where Chinese turns to digits or Latin (活动|2020年), and where a code with letters turns
    back to Chinese (2021Q1|进展); never inside a date."""
    points: set[int] = set()
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if after in _NO_LINE_START or before in _OPENING:
            continue
        if before in _CLOSING or after in _OPENING or before in _CLAUSE_END:
            points.add(i)
        elif _PHRASE_START.match(text, i) and (_is_han(before) or before.isdigit()):
            points.add(i)
        elif _is_han(before) and after.isascii() and after.isalnum():
            if before not in "第与至":  # 第2季度, and the conjunction goes with its figure
                points.add(i)
    for match in _ASCII_WORD.finditer(text):
        end = match.end()
        if any(c.isalpha() for c in match.group()) and end < len(text) and _is_han(text[end]):
            points.add(end)
    inside = {i for m in UNBREAKABLE.finditer(text) for i in range(m.start() + 1, m.end())}
    return sorted(points - inside)


def title_lines(text: str, width_mm: float, size_pt: float) -> list[str]:
    """The title as lines that each fit width_mm, broken only at break_points, as few lines
    as possible and then as even as possible; [text] when it fits on one line or when no
    sensible breaking fits (then the word processor wraps it, as it would anyway)."""
    if text_mm(text, size_pt) <= width_mm:
        return [text]
    cuts = [0, *break_points(text), len(text)]
    # best[j]: (lines, widest line) for text[:cuts[j]], and the cut before it
    best: list[tuple[int, float, int] | None] = [None] * len(cuts)
    best[0] = (0, 0.0, -1)
    for j in range(1, len(cuts)):
        for i in range(j):
            start = best[i]
            if start is None:
                continue
            width = text_mm(text[cuts[i] : cuts[j]].strip(), size_pt)
            if width > width_mm:
                continue
            candidate = (start[0] + 1, max(start[1], width), i)
            current = best[j]
            if current is None or candidate[:2] < current[:2]:
                best[j] = candidate
    if best[-1] is None:
        return [text]
    lines: list[str] = []
    j = len(cuts) - 1
    while j > 0:
        step = best[j]
        assert step is not None
        lines.append(text[cuts[step[2]] : cuts[j]])
        j = step[2]
    return lines[::-1]


def unbreakable_mm(text: str, size_pt: float) -> float:
    """The widest part of a table cell's text that must stay on one line: a short label
    (逾期1个工作日, 按时（未审核）) as a whole, else its dates and counts of days, and words
    of digits or Latin letters (which Word never breaks either).

    A date inside a longer text is kept whole only when the text wraps before it: the
    column is at least as wide as the date, but the line may start earlier."""
    whole = text_mm(text, size_pt)
    if whole <= SHORT_LABEL_EM * size_pt * 25.4 / 72:
        return whole
    parts = [m.group() for m in UNBREAKABLE.finditer(text)]
    parts += [m.group() for m in _ASCII_WORD.finditer(text)]
    return max((text_mm(part, size_pt) for part in parts), default=0.0)
