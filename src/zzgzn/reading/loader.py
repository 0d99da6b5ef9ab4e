"""Read one YAML file safely into plain data, with the line and column of every key and value.

Liaisons' files arrive in GBK from WPS, with tabs, CRLF and Word's control characters; hostile
files may carry object tags or alias bombs. This module is the only place bytes become data:
it decodes, refuses what is unsafe and records positions, and it never raises for bad input —
every finding is a Problem and the data is None when nothing trustworthy could be built.

Decoding and line-level checks are here; yamlbuild.py turns the text into data.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from zzgzn.diagnostics.messages import phrase
from zzgzn.diagnostics.problems import problem
from zzgzn.reading.document import Document, Loc, Pos
from zzgzn.reading.yamlbuild import MAX_DEPTH, MAX_NODES, Builder, RawFloat, RawInt, raw_text

__all__ = [
    "CONTROL_CHARS",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "Document",
    "Loc",
    "Pos",
    "RawFloat",
    "RawInt",
    "decode",
    "load_bytes",
    "load_path",
    "raw_text",
    "read_path",
]

MAX_BYTES = 1_000_000
# C0 controls other than tab/LF/CR, DEL and C1 controls: invisible, and invalid in DOCX XML.
# A byte-order mark after the start (files pasted together) is invisible too, and parsers
# disagree on it.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")


def load_path(path: Path, display: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read and parse a file; the display name is what diagnostics will show."""
    raw = read_path(path, display or str(path), max_bytes)
    return raw if isinstance(raw, Document) else load_bytes(raw, display or str(path))


def read_path(path: str | Path, name: str, max_bytes: int = MAX_BYTES) -> bytes | Document:
    """The file's bytes, or a Document saying why they cannot be had (too large, unreadable)."""
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                doc = Document(name)
                doc.problems.append(
                    problem(
                        name,
                        (0, 0),
                        "file-too-large",
                        size=size,
                        limit=max_bytes,
                        advice=phrase(_too_large_advice(name)),
                    )
                )
                return doc
            return stream.read()
    except OSError as exc:
        doc = Document(name)
        doc.problems.append(problem(name, (0, 0), "file-unreadable", reason=exc.strerror or exc))
        return doc


def _too_large_advice(name: str) -> str:
    """The plan's own files are the office's; everything else is a unit's submission."""
    return (
        "too-large-plan" if name.replace("\\", "/").startswith("plan/") else "too-large-submission"
    )


def load_bytes(raw: bytes, name: str) -> Document:
    doc = Document(name)
    text = decode(raw, doc)
    if text is None:
        return doc
    text = _scan_text(text, doc)
    doc.text = text
    Builder(doc).run(text)
    return doc


def decode(raw: bytes, doc: Document) -> str | None:
    """Decode the bytes, noting any encoding that is not plain UTF-8 (zzgzn fix converts it)."""
    for bom, codec, label in (
        (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
        (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    ):
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                break
            doc.add_at((1, 1), "encoding", encoding=label, path=doc.path)
            return text
    if raw.startswith(codecs.BOM_UTF8):
        doc.add_at((1, 1), "bom", path=doc.path)
        raw = raw[len(codecs.BOM_UTF8) :]
    if b"\x00" in raw:
        doc.add_at((0, 0), "binary")
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    mixed = mixed_lines(raw)
    if mixed is not None:
        utf8, other = mixed
        doc.problems.append(
            problem(
                doc.path,
                (other[0], 1),
                "mixed-encoding",
                utf8_lines=line_ranges(utf8),
                other_lines=line_ranges(other),
            )
        )
        return None
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        line = raw.count(b"\n", 0, bad_at) + 1
        doc.add_at((line, 1), "binary")
        return None
    line = raw.count(b"\n", 0, bad_at) + 1
    doc.add_at((line, 1), "encoding", encoding="GBK/GB18030", path=doc.path)
    return text


def mixed_lines(raw: bytes) -> tuple[list[int], list[int]] | None:
    """(lines in UTF-8, lines in another encoding) of a file that mixes them, else None.

    A file pasted together from a UTF-8 editor and WPS (GBK) decodes as neither: read as GBK,
    its UTF-8 lines become mojibake (张三 → 寮犱笁) that would then validate. Only lines with
    non-ASCII bytes tell: a UTF-8 line is one that decodes as UTF-8.
    """
    utf8, other = [], []
    for number, line in enumerate(raw.split(b"\n"), 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(number)
        else:
            utf8.append(number)
    return (utf8, other) if utf8 and other else None


def line_ranges(numbers: list[int], most: int = 8) -> str:
    """1, 2, 3, 5 → "1–3、5"; past `most` ranges, "…" and how many lines in all."""
    ranges: list[list[int]] = []
    for n in numbers:
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    text = "、".join(f"{a}" if a == b else f"{a}–{b}" for a, b in ranges[:most])
    return text + (f"…（共 {len(numbers)} 行）" if len(ranges) > most else "")


def _scan_text(text: str, doc: Document) -> str:
    """Line-level findings a parser reports badly or not at all; returns text fit to parse."""
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        doc.add_at((line, 1), "crlf", path=doc.path)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for number, line_text in enumerate(text.split("\n"), 1):
        indent = len(line_text) - len(line_text.lstrip(" \t"))
        if "\t" in line_text[:indent] and line_text.strip():
            column = line_text.index("\t") + 1
            doc.add_at((number, column), "tab-indent", path=doc.path)
        for match in CONTROL_CHARS.finditer(line_text):
            doc.add_at(
                (number, match.start() + 1), "control-char", codepoint=f"{ord(match.group()):04X}"
            )
    # Control characters are reported above; drop them so the rest of the file still parses.
    return CONTROL_CHARS.sub("", text)
