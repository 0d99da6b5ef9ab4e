"""A unit's account cut to a budget of characters, at sentence boundaries only.

The main report gives each task's lead unit a sentence or two; the whole account is in the
compilation. SENTENCE RULE: a sentence ends at 。！？ (or ASCII ! ?; never at "." — 92.1%),
together with the closing quotes and brackets right after it (“…。”）; a line break ends one
too, and so does the end of the text. In an English document a full stop before a space
ends one as well (the Chinese rule would make a paragraph of English one sentence). The
excerpt is the first paragraph's sentences from the start while they fit in `budget`
characters. A first sentence longer than the budget is not
quoted at all: cut in the middle it would put words in the unit's mouth. So an excerpt is
never longer than the budget, however much a unit writes.
"""

from __future__ import annotations

import re

# a sentence: anything up to a closing mark, then any closing quotes/brackets
_SENTENCE = re.compile(r"[^。！？!?\n]*(?:[。！？]+|[!?]+|\n|$)[”’」』》）)\]]*")
# in English, a full stop before a space or the end closes one too (not 92.1%, not v1.2)
_SENTENCE_EN = re.compile(
    r"(?:[^。！？!?.\n]|\.(?![\s.”’\"')\]]|$))*(?:[。！？]+|[!?.]+|\n|$)[”’」』》）)\]\"']*"
)


def sentences(text: str, english: bool = False) -> list[str]:
    """text split into sentences (SENTENCE RULE); "".join(sentences(t)) == t."""
    pattern = _SENTENCE_EN if english else _SENTENCE
    found = [m.group(0) for m in pattern.finditer(text) if m.group(0)]
    assert "".join(found) == text
    return found


def excerpt(text: str, budget: int, english: bool = False) -> str:
    """The start of text's first paragraph, whole sentences within budget (module docstring);
    english: the text is an English document's, where "." before a space ends a sentence."""
    first = text.strip().split("\n", 1)[0].strip()
    said = ""
    for sentence in sentences(first, english):
        longer = (said + sentence).strip()
        if len(longer) > budget:
            break
        said = longer
    return said
