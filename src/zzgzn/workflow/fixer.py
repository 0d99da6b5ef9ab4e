"""`zzgzn fix`: repair the mistakes people really make, without losing a character of content.

Byte- and line-level repairs (encoding, BOM, CRLF, tab indentation, control characters) are
made on the text; value repairs (full-width task numbers, dates written the Chinese way,
quarters written 2020-Q2) go through ruamel.yaml's round trip, which keeps comments and key
order. Every repair is checked afterwards: the data must be what it was, but for the values
repaired — otherwise the value repairs are not made.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from zzgzn.calendar.periods import Period, read_period
from zzgzn.checking.discovery import YAML_SUFFIXES
from zzgzn.datetext import halfwidth, parse_date_text
from zzgzn.diagnostics.problems import Problem
from zzgzn.diagnostics.ui import Said, said
from zzgzn.reading import loader
from zzgzn.reading.loader import CONTROL_CHARS, Document

DATE_KEYS = {"submitted_on", "date", "start", "end"}
TASK_KEYS = {"task"}
QUARTER_KEYS = {"quarter"}
_TASK = re.compile(r"^[0-9]{1,2}\.[0-9]{1,2}$")
_QUARTER = re.compile(r"^(\d{4})\s*[-年]?\s*(?:Q|第)\s*([1-4一二三四])\s*(?:季度)?$", re.IGNORECASE)


@dataclass
class Fix:
    path: str
    changes: list[Said] = field(default_factory=list)  # rendered in the user's language
    before: str = ""
    after: str = ""
    data: bytes | None = None  # what to write; None when nothing changes or it cannot be fixed
    error: Said | None = None  # why it cannot be fixed; its problem, if any, says where

    @property
    def changed(self) -> bool:
        return self.data is not None

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(True),
                self.after.splitlines(True),
                f"a/{self.path}",
                f"b/{self.path}",
            )
        )


def fix_bytes(raw: bytes, name: str) -> Fix:
    result = Fix(name)
    probe = Document(name)
    text = loader.decode(raw, probe)
    if text is None:
        codes = {p.code: p for p in probe.problems}
        if "mixed-encoding" in codes:  # which lines are which
            result.error = said("fix-cannot", problem=codes["mixed-encoding"])
        elif "binary" in codes:
            result.error = said("fix-binary")
        else:
            result.error = said("fix-unknown-encoding")
        return result
    for p in probe.problems:
        if p.code == "encoding":
            result.changes.append(said("fix-encoding", encoding=dict(p.params).get("encoding")))
        elif p.code == "bom":
            result.changes.append(said("fix-bom"))
    result.before = text
    text = _lines(text, result)
    broken = _syntax_error(text, name)
    if broken is not None:  # a person must correct it: say where, write nothing
        result.error = said("fix-cannot", problem=broken)
        result.changes = []
        return result
    text = _values(text, result, name)
    result.after = text
    encoded = text.encode("utf-8")
    if encoded != raw:
        result.data = encoded
    return result


def fix_paths(paths: list[Path], root: Path) -> Iterator[tuple[Path, Fix]]:
    """Each YAML file named or under a named folder (symlinks skipped) with what fix finds."""
    for path in yaml_files(paths):
        yield path, fix_path(path, shown_path(path, root))


def yaml_files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in YAML_SUFFIXES and p.is_file() and not p.is_symlink()
            )
        else:
            found.append(path)
    return found


def shown_path(path: Path, root: Path) -> str:
    """The path as the repository spells it, or as given when it lies outside."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def fix_path(path: Path, display: str) -> Fix:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Fix(display, error=said("fix-unreadable", reason=exc.strerror or exc))
    if len(raw) > loader.MAX_BYTES:
        return Fix(display, error=said("fix-too-large", size=len(raw)))
    return fix_bytes(raw, display)


TAB_WIDTHS = (2, 4, 8)


def _lines(text: str, result: Fix) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        result.changes.append(said("fix-crlf"))
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        for match in CONTROL_CHARS.finditer(line):
            codepoint = f"{ord(match.group()):04X}"
            result.changes.append(said("fix-control-char", line=number, codepoint=codepoint))
        lines[number - 1] = CONTROL_CHARS.sub("", line)
    tabbed = [
        n for n, line in enumerate(lines) if "\t" in line[: len(line) - len(line.lstrip(" \t"))]
    ]
    if not tabbed:
        return "\n".join(lines)
    # A tab stood for one level of indentation, but how many spaces is a level in this file?
    # Take the first width at which the file parses.
    for width in (*TAB_WIDTHS, TAB_WIDTHS[0]):
        candidate = list(lines)
        for n in tabbed:
            line = candidate[n]
            indent = len(line) - len(line.lstrip(" \t"))
            candidate[n] = line[:indent].replace("\t", " " * width) + line[indent:]
        fixed = "\n".join(candidate)
        if _parses(fixed):
            break
    result.changes += [said("fix-tab", line=n + 1, width=width) for n in tabbed]
    return fixed


# What zzgzn's reader reports when a file is not YAML it can read at all (for a person).
_UNREADABLE = ("syntax", "tab-indent", "unclosed-quote", "bad-indent", "needs-quotes")


def _syntax_error(text: str, name: str) -> Problem | None:
    doc = loader.load_bytes(text.encode("utf-8"), name)
    if doc.data is not None:
        return None
    return next((p for p in doc.problems if p.code in _UNREADABLE), None)


def _parses(text: str) -> bool:
    doc = loader.load_bytes(text.encode("utf-8"), "probe")
    return doc.data is not None and not any(
        p.code in ("syntax", "bad-indent", "tab-indent", "unclosed-quote") for p in doc.problems
    )


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long Chinese lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


# Files the round trip must not read: ruamel.yaml's reader recurses once per level, and a
# file zzgzn's loader refuses (too deep, too big) is for a person to repair anyway.
_NOT_ROUND_TRIPPED = ("too-deep", "too-many-nodes", "alias-limit", "multiple-documents")


def _values(text: str, result: Fix, name: str) -> str:
    refused = [
        p
        for p in loader.load_bytes(text.encode("utf-8"), name).problems
        if p.code in _NOT_ROUND_TRIPPED
    ]
    if refused:
        result.changes.append(said("fix-values-refused", problem=refused[0]))
        return text
    yaml = _yaml()
    try:
        data = yaml.load(text)
    except (YAMLError, ValueError, RecursionError):
        return text  # zzgzn's own reader accepted it (_syntax_error): leave it as it is
    repairs: list[tuple[tuple[Any, ...], Said, Any]] = []
    _walk(data, (), repairs)
    if not repairs:
        return text
    out = io.StringIO()
    yaml.dump(data, out)
    repaired = out.getvalue()
    if not _same_but_for(text, repaired, name, {loc for loc, _, _ in repairs}):
        result.changes.append(said("fix-values-differ"))
        return text
    result.changes += [change for _, change, _ in repairs]
    return repaired


def _walk(
    node: Any, loc: tuple[Any, ...], repairs: list[tuple[tuple[Any, ...], Said, Any]]
) -> None:
    if isinstance(node, dict):
        for key in list(node):
            value = node[key]
            new = _repair(str(key), value)
            if new is not None:
                node[key] = new
                line = _line_of(node, key)
                change = said("fix-value", line=line, key=key, before=value, after=new)
                repairs.append(((*loc, key), change, new))
            else:
                _walk(value, (*loc, key), repairs)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            _walk(item, (*loc, index), repairs)


def _repair(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return None
    text = value.strip()
    if key in TASK_KEYS:
        converted = halfwidth(text)
        return converted if converted != value and _TASK.match(converted) else None
    if key in DATE_KEYS:
        try:
            parsed = parse_date_text(text)
        except ValueError:
            return None
        return parsed if parsed is not None else None
    if key in QUARTER_KEYS:
        match = _QUARTER.match(halfwidth(text))
        if match:
            number = "一二三四".find(match.group(2)) + 1 or int(match.group(2))
            canonical = f"{match.group(1)}Q{number}"
            return canonical if canonical != value else None
    if key == "period":  # 2024年3月 → 2024-03, 2024年上半年 → 2024H1 (with the year only)
        read = read_period(text)
        if read is not None and read[1] is not None:
            canonical = str(Period(read[0], read[1], read[2]))
            return canonical if canonical != value else None
    return None


def _line_of(node: Any, key: Any) -> int:
    try:
        return int(node.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError):
        return 0


def _same_but_for(before: str, after: str, name: str, repaired: set[tuple[Any, ...]]) -> bool:
    """The repaired text holds the same data as before, except at the repaired places."""
    old = loader.load_bytes(before.encode("utf-8"), name).data
    new = loader.load_bytes(after.encode("utf-8"), name).data
    return bool(_strip(old, (), repaired) == _strip(new, (), repaired))


def _strip(node: Any, loc: tuple[Any, ...], repaired: set[tuple[Any, ...]]) -> Any:
    if loc in repaired:
        return "<repaired>"
    if isinstance(node, dict):
        return {k: _strip(v, (*loc, k), repaired) for k, v in node.items()}
    if isinstance(node, list):
        return [_strip(v, (*loc, i), repaired) for i, v in enumerate(node)]
    if isinstance(node, dt.date):
        return node.isoformat()
    return (
        loader.raw_text(node)
        if isinstance(node, float | int) and not isinstance(node, bool)
        else node
    )
