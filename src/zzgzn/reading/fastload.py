"""The fast reader: libyaml's C parser for plainly clean files, or None to say "ask loader".

Nearly every file a campaign receives is clean UTF-8 YAML with no anchors, tags or oddities.
For those, building plain data from libyaml's event stream costs a fraction of the careful
reader (loader.py), which explains every mistake. This reader explains nothing: at the first
thing the careful reader would comment on — an encoding, a BOM, CRLF, a tab, a control
character, an anchor, a tag, a duplicate key, an ambiguous scalar, a limit, a syntax error —
it gives up and the file goes to loader.py. It does record where each key and value stands,
as the careful reader does (libyaml's marks, the same events): a file with only a finding of
the rules (a metric's near-variant name, a missing approver) is positioned without being
read twice.

What it returns for a file it accepts equals what loader.py returns for that file — the data,
every position, no finding; tests/test_fastload.py checks that on arbitrary input. Plain
scalars mean what scalars.resolve() says in both readers.
"""

from __future__ import annotations

import re
from typing import Any

from zzgzn.reading import libyaml
from zzgzn.reading.document import Document, Loc, Pos
from zzgzn.reading.scalars import resolve, yaml11_reading
from zzgzn.reading.yamlbuild import MAX_DEPTH, MAX_NODES

MAX_BYTES = 1_000_000
# Anything loader.py reports or rewrites before parsing: a BOM anywhere, CR, tab, C0 and C1
# controls, DEL, the Unicode line and paragraph separators libyaml treats as line breaks, and
# the non-characters U+FFFE/U+FFFF.
_SUSPECT = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029\ufffe\uffff]")
# A plain scalar starting with anything else is text in YAML 1.1 and 1.2 alike.
_MAY_NOT_BE_TEXT = frozenset("tTfFyYnNoO~-+.0123456789")


# Short texts recur across a campaign's files (metric names and units, task numbers, posts,
# dates written as text): one object each, as pydantic's JSON parser does, keeps a national
# quarter's 3,000 validated submissions ~17 MB smaller.
_SHORT: dict[str, str] = {}
_SHORT_MOST = 64  # characters
_SHORT_KEPT = 1 << 16  # distinct texts remembered before starting afresh


class _GiveUp(Exception):
    pass


def load(raw: bytes) -> tuple[Any] | None:
    """(data,) for a clean file, None when the careful reader must look at it."""
    doc = read(raw, "")
    return None if doc is None else (doc.data,)


def read(raw: bytes, name: str) -> Document | None:
    """A clean file as the careful reader would give it (data and positions, no finding), or
    None when the careful reader must look at it; name: what diagnostics will show."""
    if len(raw) > MAX_BYTES:
        return None
    try:
        if _SUSPECT.search(raw.decode("utf-8")):
            return None
    except UnicodeDecodeError:
        return None
    made = libyaml.parser(raw)
    if made is None:
        return None
    next_event, dispose = made
    doc = Document(name)
    try:
        doc.data = _build(next_event, doc.positions, doc.key_positions)
    except (_GiveUp, libyaml.YAMLError, ValueError):
        return None
    finally:
        dispose()
    return doc


def _build(next_event: Any, positions: dict[Loc, Pos], key_positions: dict[Loc, Pos]) -> Any:
    """Plain data from the event stream, and where each key and value starts (line, column
    from 1, as yamlbuild records them); any event the careful reader would comment on gives up.
    """
    scalar, alias = libyaml.ScalarEvent, libyaml.AliasEvent
    map_start, seq_start = libyaml.MappingStartEvent, libyaml.SequenceStartEvent
    map_end, seq_end = libyaml.MappingEndEvent, libyaml.SequenceEndEvent
    doc_start, stream_end = libyaml.DocumentStartEvent, libyaml.StreamEndEvent
    special = _MAY_NOT_BE_TEXT
    short = _SHORT
    if len(short) > _SHORT_KEPT:
        short.clear()
    stack: list[Any] = []  # open containers
    keys: list[Any] = []  # per open container: its pending key (maps) or None (sequences)
    locs: list[Loc] = []  # per open container: where it is in the document
    in_map = False  # is the innermost open container a mapping
    root: Any = None
    documents = 0
    nodes = 0
    while True:
        event = next_event()
        kind = type(event)
        if kind is scalar:
            if event.anchor is not None or event.tag is not None:
                raise _GiveUp
            value: Any = event.value
            mark = event.start_mark
            if in_map and keys[-1] is None:
                if value in stack[-1]:
                    raise _GiveUp  # a duplicate key
                keys[-1] = value
                key_positions[(*locs[-1], value)] = (mark.line + 1, mark.column + 1)
                continue
            nodes += 1
            if not stack:
                positions[()] = (mark.line + 1, mark.column + 1)
            elif in_map:
                positions[(*locs[-1], keys[-1])] = (mark.line + 1, mark.column + 1)
            else:
                positions[(*locs[-1], len(stack[-1]))] = (mark.line + 1, mark.column + 1)
            if event.style == "":
                if not value or value[0] in special:
                    if yaml11_reading(value):
                        raise _GiveUp
                    value = resolve(value)
            else:
                value = value.replace("\a", "")
            if type(value) is str and len(value) <= _SHORT_MOST:
                value = short.setdefault(value, value)
        elif kind is map_start or kind is seq_start:
            if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                raise _GiveUp
            if in_map and keys[-1] is None:
                raise _GiveUp  # a collection as a key
            nodes += 1
            if not stack:
                loc: Loc = ()
            elif in_map:
                loc = (*locs[-1], keys[-1])
            else:
                loc = (*locs[-1], len(stack[-1]))
            mark = event.start_mark
            positions[loc] = (mark.line + 1, mark.column + 1)
            in_map = kind is map_start
            stack.append({} if in_map else [])
            keys.append(None)
            locs.append(loc)
            continue
        elif kind is map_end or kind is seq_end:
            value = stack.pop()
            keys.pop()
            locs.pop()
            in_map = bool(stack) and isinstance(stack[-1], dict)
        elif kind is doc_start:
            documents += 1
            if documents > 1:
                raise _GiveUp
            continue
        elif kind is stream_end:
            break
        elif kind is alias:
            raise _GiveUp
        else:
            continue
        if nodes > MAX_NODES:
            raise _GiveUp
        if not stack:
            root = value
        elif in_map:
            stack[-1][keys[-1]] = value
            keys[-1] = None
        else:
            stack[-1].append(value)
    if not isinstance(root, dict):
        # empty, or not a mapping: a finding the careful reader words (and a block scalar as
        # the whole document is where libyaml and YAML 1.2 disagree: "|#", "|\n#")
        raise _GiveUp
    return root
