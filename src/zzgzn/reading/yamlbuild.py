"""Plain data from ruamel.yaml's event stream, with positions and every limit enforced.

It builds from events rather than ruamel's constructors so that no tag can construct an
object, alias expansion is counted before anything is copied, nesting depth is checked
without recursion, duplicate keys are found, and positions come for free.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from zzgzn.diagnostics.messages import phrase
from zzgzn.reading.document import Document, Loc, Pos
from zzgzn.reading.scalars import RawFloat, RawInt, raw_text, resolve, to_number, yaml11_reading

__all__ = ["MAX_DEPTH", "MAX_NODES", "Builder", "RawFloat", "RawInt", "raw_text"]

_OPENS = ("MappingStartEvent", "SequenceStartEvent")
_CLOSES = ("MappingEndEvent", "SequenceEndEvent")
_IGNORED = ("StreamStartEvent", "StreamEndEvent", "DocumentEndEvent")

MAX_DEPTH = 24
MAX_NODES = 50_000

_SAFE_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
} | {"!"}


class _Stop(Exception):
    """Building cannot go on (a limit or a syntax error); the problem is already recorded."""


@dataclass
class _Frame:
    kind: str  # "map" or "seq"
    obj: Any
    loc: Loc
    anchor: str | None
    size: int = 1
    key: str | None = None
    complex_key: bool = False  # the key being read is a mapping, list or alias: dropped
    seen: dict[str, int] = field(default_factory=dict)


class Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.kept = len(doc.problems)  # findings from before parsing (encoding, tabs...)
        self._reset()

    def _reset(self) -> None:
        """Empty building state, and nothing recorded from an abandoned attempt."""
        del self.doc.problems[self.kept :]
        self.doc.positions.clear()
        self.doc.key_positions.clear()
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Frame] = []
        self.nodes = 0
        self.aliased = False  # an alias was met: a node limit reached is alias expansion
        self.skip = 0  # events to ignore inside a complex key
        self.documents = 0
        self.root: Any = None
        self.have_root = False
        # set while libyaml's events are read: raising it hands the text to ruamel.yaml
        self.libyaml_error: type[Exception] | None = None

    def run(self, text: str) -> None:
        """Build from libyaml's events when it can parse the text, else from ruamel.yaml's.

        Both emit the same events with the same marks; libyaml is ~10× faster. Only a file
        libyaml cannot parse goes to ruamel.yaml, whose error messages say what is wrong.
        """
        from zzgzn.reading import libyaml  # imported on first parse: a cached run never needs it

        try:
            # libyaml reads YAML 1.1 line breaks; in YAML 1.2 U+2028/U+2029 are text
            events = libyaml.libyaml_events
            if events is not None and "\u2028" not in text and "\u2029" not in text:
                try:
                    self.libyaml_error = libyaml.LibyamlError
                    self._feed(events(text))
                except libyaml.LibyamlError:
                    self._reset()  # start again, from scratch, with ruamel.yaml
                else:
                    return self._finish()
            self._feed_ruamel(text)
        except _Stop:
            self.doc.data = None
            return
        self._finish()

    def _feed(self, events: Iterable[Any]) -> None:
        for event in events:
            self.event(event)

    def _feed_ruamel(self, text: str) -> None:
        from ruamel.yaml import YAML
        from ruamel.yaml.error import MarkedYAMLError, YAMLError

        try:
            self._feed(YAML(typ="safe", pure=True).parse(text))
        except MarkedYAMLError as exc:
            self._syntax(exc)
            raise _Stop from None
        except (YAMLError, RecursionError, ValueError) as exc:
            self.doc.add_at((1, 1), "syntax", detail=str(exc)[:200])
            raise _Stop from None

    def _finish(self) -> None:
        if not self.have_root or self.root is None:
            self.doc.add_at((0, 0), "empty-file")
            self.doc.data = None
            return
        self.doc.data = self.root

    # --- events (ruamel.yaml's and PyYAML's classes share their names and fields) ------
    def event(self, event: Any) -> None:
        kind = type(event).__name__
        if kind == "DocumentStartEvent":
            self.documents += 1
            if self.documents > 1:
                self._fail(event, "multiple-documents")
            return
        if kind in _IGNORED:
            return
        if self.skip:
            if kind in _OPENS:
                self.skip += 1
            elif kind in _CLOSES:
                self.skip -= 1
            return
        if kind in _CLOSES:
            self._close()
        elif kind == "AliasEvent":
            self._alias(event)
        elif kind == "ScalarEvent":
            self._scalar(event)
        elif kind in _OPENS:
            self._open(event)

    def _open(self, event: Any) -> None:
        if self._is_key_slot():
            self.doc.add_at(_mark(event), "complex-key")
            self.skip = 1
            self._complex_key()
            return
        self._check_tag(event)
        loc = self._child_loc()
        if len(self.stack) >= MAX_DEPTH:
            self._fail(event, "too-deep", limit=MAX_DEPTH)
        self._count(1, event)
        is_map = type(event).__name__ == "MappingStartEvent"
        self.doc.positions[loc] = _mark(event)
        self.stack.append(
            _Frame("map" if is_map else "seq", {} if is_map else [], loc, event.anchor)
        )

    def _close(self) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.obj, frame.size)
        self._attach(frame.obj, frame.size)

    def _alias(self, event: Any) -> None:
        if self._is_key_slot():
            self.doc.add_at(_mark(event), "complex-key")
            self._complex_key()
            return
        obj, size = self.anchors.get(event.anchor or "", (None, 1))
        self.aliased = True
        self._count(size, event)
        self.doc.positions[self._child_loc()] = _mark(event)
        self._attach(obj, size)

    def _scalar(self, event: Any) -> None:
        pos = _mark(event)
        if not self.stack and event.style in ("|", ">") and self.libyaml_error is not None:
            # a block scalar as the whole document: libyaml takes a "#" line at column 0
            # for a comment, YAML 1.2 (and ruamel.yaml) for content (found by hypothesis)
            raise self.libyaml_error
        if self._is_key_slot():
            frame = self.stack[-1]
            key = event.value
            if key in frame.seen:
                self.doc.add_at(pos, "duplicate-key", key=key, first_line=frame.seen[key])
            else:
                frame.seen[key] = pos[0]
            frame.key = key
            self.doc.key_positions[(*frame.loc, key)] = pos
            return
        self._check_tag(event)
        self._count(1, event)
        loc = self._child_loc()
        self.doc.positions[loc] = pos
        value = self._construct(event, loc)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self._attach(value, 1)

    # --- helpers ------------------------------------------------------------------
    def _complex_key(self) -> None:
        """The key is reported and its value read but not kept: no string stands for it, so
        a real key (even one spelt "\\0complex") is never mistaken for it."""
        frame = self.stack[-1]
        frame.key, frame.complex_key = "", True

    def _is_key_slot(self) -> bool:
        return bool(self.stack) and self.stack[-1].kind == "map" and self.stack[-1].key is None

    def _child_loc(self) -> Loc:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if frame.kind == "map":
            return (*frame.loc, frame.key or "")
        return (*frame.loc, len(frame.obj))

    def _attach(self, value: Any, size: int) -> None:
        if not self.stack:
            self.root, self.have_root = value, True
            return
        frame = self.stack[-1]
        frame.size += size
        if frame.kind == "seq":
            frame.obj.append(value)
            return
        key, frame.key = frame.key, None
        dropped, frame.complex_key = frame.complex_key, False
        # A duplicate key keeps its first value: the finding is reported, nothing is merged.
        if key is not None and not dropped and key not in frame.obj:
            frame.obj[key] = value

    def _count(self, size: int, event: Any) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            # name the limit the file really met: without aliases it is simply too big
            code = "alias-limit" if self.aliased else "too-many-nodes"
            self._fail(event, code, limit=MAX_NODES)

    def _check_tag(self, event: Any) -> None:
        tag = getattr(event, "tag", None)
        if tag is not None and str(tag) not in _SAFE_TAGS:
            self.doc.add_at(_mark(event), "yaml-tag", tag=str(tag))

    def _construct(self, event: Any, loc: Loc) -> Any:
        # ruamel marks where a folded (>) scalar was folded with BEL; the source's own control
        # characters were removed before parsing, so any BEL here is that marker.
        value: str = event.value.replace("\a", "")
        tag = str(event.tag) if event.tag is not None else None
        if tag is None and not event.style:
            reading = yaml11_reading(value)
            if reading:
                self.doc.add(
                    loc,
                    "ambiguous-scalar",
                    value=value,
                    reading=phrase(reading),
                )
            return resolve(value)
        if tag is None or tag in ("!", "tag:yaml.org,2002:str") or tag not in _SAFE_TAGS:
            return value
        return _typed(value, tag)

    def _fail(self, event: Any, code: str, **params: object) -> None:
        self.doc.add_at(_mark(event), code, **params)
        raise _Stop

    def _syntax(self, exc: Any) -> None:
        mark = exc.problem_mark or exc.context_mark
        pos = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        text = f"{exc.context or ''} {exc.problem or ''}".strip()
        if "'\\t'" in text or "\\t" in text:
            if not any(p.code == "tab-indent" for p in self.doc.problems):
                self.doc.add_at(pos, "tab-indent", path=self.doc.path)
            return
        if "quoted scalar" in text and exc.context_mark is not None:
            start = (exc.context_mark.line + 1, exc.context_mark.column + 1)
            self.doc.add_at(start, "unclosed-quote", start_line=start[0])
            return
        # A quote left open swallows the following lines up to the next quote, and the parser
        # fails there; point at the line that opened it, which is what the writer must fix.
        opened = _unclosed_quote_before(self.doc.text or "", pos[0])
        if opened is not None:
            self.doc.add_at(opened, "unclosed-quote", start_line=opened[0])
            return
        if "cannot start any token" in text:
            self.doc.add_at(pos, "needs-quotes", char=_char_at(self.doc.text, pos))
            return
        if any(
            s in text
            for s in (
                "mapping values are not allowed",
                "expected <block end>",
                "could not find expected ':'",
                "block mapping",
            )
        ):
            self.doc.add_at(pos, "bad-indent", detail=exc.problem or text)
            return
        self.doc.add_at(pos, "syntax", detail=text)


_OPENS_QUOTE = re.compile(r"^\s*(?:-\s+)?(?:[^\s#'\"][^#]*?:\s+|-\s+)([\"'])")


def _unclosed_quote_before(text: str, error_line: int) -> Pos | None:
    """The last line before error_line whose value opens a quote it does not close."""
    lines = text.split("\n")[: max(error_line - 1, 0)]
    for number in range(len(lines), 0, -1):
        line = lines[number - 1]
        match = _OPENS_QUOTE.match(line)
        if not match:
            continue
        quote = match.group(1)
        rest = line[match.end() :]
        closed = (
            rest.replace("\\\\", "").replace("\\" + quote, "").count(quote)
            if quote == '"'
            else rest.replace("''", "").count(quote)
        )
        if closed == 0:
            return (number, match.start(1) + 1)
        return None
    return None


def _char_at(text: str | None, pos: Pos) -> str:
    lines = (text or "").split("\n")
    if 0 < pos[0] <= len(lines) and 0 < pos[1] <= len(lines[pos[0] - 1]):
        return lines[pos[0] - 1][pos[1] - 1]
    return "?"


def _mark(event: Any) -> Pos:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _typed(value: str, tag: str) -> Any:
    """A scalar with an explicit core tag (!!int 5): read as that type, or kept as text."""
    kind = tag.rsplit(":", 1)[-1]
    if kind == "null":
        return None
    if kind == "bool":
        return value.lower() == "true"
    if kind in ("int", "float"):
        return to_number(value, float_=kind == "float")
    return value
