"""Plain data from ruamel.yaml's event stream, with positions and every limit enforced.

It builds from events rather than ruamel's constructors so that no tag can construct an
object, alias expansion is counted before anything is copied, nesting depth is checked
without recursion, duplicate keys are found, and positions come for free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from zzgzn.document import Document, Loc, Pos
from zzgzn.problems import problem

MAX_DEPTH = 24
MAX_NODES = 50_000

_SAFE_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
} | {"!"}
# What PyYAML (YAML 1.1) resolves as booleans beyond true/false.
_YAML11_BOOL = re.compile(r"^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")
_OCTAL11 = re.compile(r"^[-+]?0[0-7_]+$")


class RawFloat(float):
    """A float that remembers how it was written: task "1.10" must not become 1.1."""

    raw: str

    def __new__(cls, number: str, raw: str) -> RawFloat:
        obj = super().__new__(cls, number)
        obj.raw = raw
        return obj


class RawInt(int):
    """An int that remembers how it was written ("010", "1_000")."""

    raw: str

    def __new__(cls, digits: str, base: int, *, raw: str) -> RawInt:
        obj = super().__new__(cls, digits, base)
        obj.raw = raw
        return obj


def raw_text(value: object) -> str:
    """The text a scalar was written as, for fields that are text even when they look numeric."""
    return getattr(value, "raw", None) or str(value)


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
    seen: dict[str, int] = field(default_factory=dict)


class Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.resolver = VersionedResolver(version=(1, 2))
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Frame] = []
        self.nodes = 0
        self.skip = 0  # events to ignore inside a complex key
        self.documents = 0
        self.root: Any = None
        self.have_root = False

    def run(self, text: str) -> None:
        yaml = YAML(typ="rt")
        try:
            for event in yaml.parse(text):
                self.event(event)
        except _Stop:
            self.doc.data = None
            return
        except MarkedYAMLError as exc:
            self._syntax(exc)
            self.doc.data = None
            return
        except (YAMLError, RecursionError, ValueError) as exc:
            self.doc.problems.append(
                problem(self.doc.path, (1, 1), "syntax", detail=str(exc)[:200])
            )
            self.doc.data = None
            return
        if not self.have_root or self.root is None:
            self.doc.problems.append(problem(self.doc.path, (0, 0), "empty-file"))
            self.doc.data = None
            return
        self.doc.data = self.root

    # --- events -------------------------------------------------------------------
    def event(self, event: ev.Event) -> None:
        if isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._fail(event, "multiple-documents")
            return
        if isinstance(event, (ev.StreamStartEvent, ev.StreamEndEvent, ev.DocumentEndEvent)):
            return
        if self.skip:
            if isinstance(event, (ev.MappingStartEvent, ev.SequenceStartEvent)):
                self.skip += 1
            elif isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
                self.skip -= 1
            return
        if isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
            self._close()
        elif isinstance(event, ev.AliasEvent):
            self._alias(event)
        elif isinstance(event, ev.ScalarEvent):
            self._scalar(event)
        elif isinstance(event, (ev.MappingStartEvent, ev.SequenceStartEvent)):
            self._open(event)

    def _open(self, event: ev.CollectionStartEvent) -> None:
        if self._is_key_slot():
            self.doc.problems.append(problem(self.doc.path, _mark(event), "complex-key"))
            self.skip = 1
            self.stack[-1].key = "\0complex"
            return
        self._check_tag(event)
        loc = self._child_loc()
        if len(self.stack) >= MAX_DEPTH:
            self._fail(event, "too-deep", limit=MAX_DEPTH)
        self._count(1, event)
        is_map = isinstance(event, ev.MappingStartEvent)
        self.doc.positions[loc] = _mark(event)
        self.stack.append(
            _Frame("map" if is_map else "seq", {} if is_map else [], loc, event.anchor)
        )

    def _close(self) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.obj, frame.size)
        self._attach(frame.obj, frame.size)

    def _alias(self, event: ev.AliasEvent) -> None:
        if self._is_key_slot():
            self.doc.problems.append(problem(self.doc.path, _mark(event), "complex-key"))
            self.stack[-1].key = "\0complex"
            return
        obj, size = self.anchors.get(event.anchor or "", (None, 1))
        self._count(size, event)
        self.doc.positions[self._child_loc()] = _mark(event)
        self._attach(obj, size)

    def _scalar(self, event: ev.ScalarEvent) -> None:
        pos = _mark(event)
        if self._is_key_slot():
            frame = self.stack[-1]
            key = event.value
            if key in frame.seen:
                self.doc.problems.append(
                    problem(
                        self.doc.path, pos, "duplicate-key", key=key, first_line=frame.seen[key]
                    )
                )
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
        # A duplicate key keeps its first value: the finding is reported, nothing is merged.
        if key is not None and key != "\0complex" and key not in frame.obj:
            frame.obj[key] = value

    def _count(self, size: int, event: ev.Event) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            self._fail(event, "alias-limit", limit=MAX_NODES)

    def _check_tag(self, event: ev.NodeEvent) -> None:
        tag = getattr(event, "tag", None)
        if tag is not None and str(tag) not in _SAFE_TAGS:
            self.doc.problems.append(problem(self.doc.path, _mark(event), "yaml-tag", tag=str(tag)))

    def _construct(self, event: ev.ScalarEvent, loc: Loc) -> Any:
        # ruamel marks where a folded (>) scalar was folded with BEL; the source's own control
        # characters were removed before parsing, so any BEL here is that marker.
        value: str = event.value.replace("\a", "")
        tag = str(event.tag) if event.tag is not None else None
        if tag is None and event.style is None:
            resolved = str(self.resolver.resolve(ScalarNode, value, (True, False)))
            reading = _yaml11_reading(value)
            if reading:
                self.doc.add(
                    loc,
                    "ambiguous-scalar",
                    value=value,
                    reading_zh=reading[0],
                    reading_en=reading[1],
                )
            return _typed(value, resolved)
        if tag is None or tag in ("!", "tag:yaml.org,2002:str") or tag not in _SAFE_TAGS:
            return value
        return _typed(value, tag)

    def _fail(self, event: ev.Event, code: str, **params: object) -> None:
        self.doc.problems.append(problem(self.doc.path, _mark(event), code, **params))
        raise _Stop

    def _syntax(self, exc: MarkedYAMLError) -> None:
        mark = exc.problem_mark or exc.context_mark
        pos = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        text = f"{exc.context or ''} {exc.problem or ''}".strip()
        if "'\\t'" in text or "\\t" in text:
            if not any(p.code == "tab-indent" for p in self.doc.problems):
                self.doc.problems.append(
                    problem(self.doc.path, pos, "tab-indent", path=self.doc.path)
                )
            return
        if "quoted scalar" in text and exc.context_mark is not None:
            start = (exc.context_mark.line + 1, exc.context_mark.column + 1)
            self.doc.problems.append(
                problem(self.doc.path, start, "unclosed-quote", start_line=start[0])
            )
            return
        # A quote left open swallows the following lines up to the next quote, and the parser
        # fails there; point at the line that opened it, which is what the writer must fix.
        opened = _unclosed_quote_before(self.doc.text or "", pos[0])
        if opened is not None:
            self.doc.problems.append(
                problem(self.doc.path, opened, "unclosed-quote", start_line=opened[0])
            )
            return
        if "cannot start any token" in text:
            self.doc.problems.append(
                problem(self.doc.path, pos, "needs-quotes", char=_char_at(self.doc.text, pos))
            )
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
            self.doc.problems.append(
                problem(self.doc.path, pos, "bad-indent", detail=exc.problem or text)
            )
            return
        self.doc.problems.append(problem(self.doc.path, pos, "syntax", detail=text))


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


def _mark(event: ev.Event) -> Pos:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _yaml11_reading(value: str) -> tuple[str, str] | None:
    """How a YAML 1.1 reader (PyYAML, many editors) would misread a plain scalar."""
    if _YAML11_BOOL.match(value):
        return ("是/否（布尔值）", "true/false")
    if _SEXAGESIMAL.match(value):
        return ("六十进制数", "a base-60 number")
    if _OCTAL11.match(value) and value.lstrip("+-") != "0":
        return ("八进制数", "an octal number")
    return None


def _typed(value: str, tag: str) -> Any:
    """A plain scalar as YAML 1.2 reads it; dates stay text for the models to check."""
    kind = tag.rsplit(":", 1)[-1]
    try:
        if kind == "null":
            return None
        if kind == "bool":
            return value.lower() == "true"
        if kind == "int":
            digits = value.replace("_", "")
            base = 0 if digits.lower().lstrip("+-").startswith(("0x", "0o")) else 10
            return RawInt(digits, base, raw=value)
        if kind == "float":
            lowered = value.lower()
            if lowered.endswith((".inf", ".nan")):
                return RawFloat(lowered.replace(".", ""), value)
            return RawFloat(value.replace("_", ""), value)
    except ValueError:
        return value
    return value
