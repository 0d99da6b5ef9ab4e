"""What reports and the site need of a file, remembered: its validated submission (or filing).

`zzgzn validate` needs of an unchanged file only its findings (cache.py); a report and the
site need its data too, and reading 3,000 or 15,000 YAML files again cost them more
than the rest of their work. So a file's validated model is kept as the JSON pydantic writes
for it, one file per folder (.zzgzn_cache/data/<folder>.jsonl), and read back with pydantic's
own JSON parser (3,000 national files: 2.0 s, against 7.4 s for libyaml to load their YAML).

The same rules as the rest of the cache hold (cache.py): an entry is keyed by the digest of
the file's path and bytes, the whole file by the fingerprint (zzgzn's and the libraries'
versions, every plan file) and signed with the user's key; on CI nothing is read or written.
The data never decides a finding — those come from the findings' entry, which must hold
first — and anything that does not read back as a valid model is a miss: the file is read.

The format, one line each (model JSON has no raw line breaks):

    zzgzn-data 1 <MAC of everything after this line>
    <fingerprint>
    <digest> <s|f> <the model's JSON>      s: a quarterly submission, f: a filing
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from zzgzn.models.filing import Filing
    from zzgzn.models.submission import Submission

_MAGIC = b"zzgzn-data 1 "
_MAC_LEN = 64  # hex digits of a 32-byte BLAKE2b
SUBMISSION, FILING = "s", "f"
KINDS = (SUBMISSION, FILING)


def _mac(key: bytes, body: bytes | memoryview) -> bytes:
    return hashlib.blake2b(body, key=key, digest_size=_MAC_LEN // 2).hexdigest().encode()


def pack(fingerprint: str, entries: dict[str, tuple[str, bytes]], key: bytes) -> bytes:
    """The folder's entries (digest → (kind, model JSON)) as one signed file."""
    lines = [fingerprint.encode()]
    for digest in sorted(entries):
        kind, blob = entries[digest]
        if kind not in KINDS or b"\n" in blob or " " in digest:
            raise ValueError("cache entry")
        lines.append(b"%s %s %s" % (digest.encode(), kind.encode(), blob))
    body = b"\n".join(lines) + b"\n"
    return _MAGIC + _mac(key, body) + b"\n" + body


@dataclass
class Stored:
    """A folder's entries: those in its file, by place in the file (the national quarter's
    file is ~19 MB: it is never held whole, beside the models made of it; each entry is read
    when asked for), and those put this run."""

    source: BinaryIO | None = None  # the file, open: entries are read from it (unpack)
    index: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # kind, start, end
    new: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    def get(self, digest: str) -> tuple[str, bytes] | None:
        found = self.new.get(digest)
        if found is None and (place := self.index.get(digest)) is not None:
            if self.source is None or self.source.closed:
                return None
            kind, start, end = place
            self.source.seek(start)
            found = (kind, self.source.read(end - start))
        return found

    def put(self, digest: str, entry: tuple[str, bytes]) -> None:
        self.new[digest] = entry

    def digests(self) -> set[str]:
        return {*self.index, *self.new}

    def close(self) -> None:
        """No entry of the file is read after this (it may then be replaced, even on Windows)."""
        if self.source is not None:
            self.source.close()


def unpack(source: BinaryIO, fingerprint: str, key: bytes) -> Stored:
    """The entries of a file pack made with this key and fingerprint; none for any other.

    The file is read line by line (its MAC computed on the way) and kept open: entries are
    read from it again when asked for. That is safe because zzgzn never writes into such a
    file, it replaces it (write_atomic): the open file keeps the bytes that were verified.
    Where nothing is found source is closed here; else by the Stored's close.
    """
    found = _unpacked(source, fingerprint, key)
    if found.source is None:
        source.close()
    return found


def _unpacked(source: BinaryIO, fingerprint: str, key: bytes) -> Stored:
    head = source.readline()
    if not head.startswith(_MAGIC) or len(head) != len(_MAGIC) + _MAC_LEN + 1:
        return Stored()
    if head[-1:] != b"\n":
        return Stored()
    mac = hashlib.blake2b(key=key, digest_size=_MAC_LEN // 2)
    stamp = source.readline()
    mac.update(stamp)
    if stamp != fingerprint.encode() + b"\n":
        return Stored()
    index: dict[str, tuple[str, int, int]] = {}
    start = len(head) + len(stamp)
    for line in source:
        mac.update(line)
        space = line.find(b" ")
        kind = line[space + 1 : space + 3].decode("ascii", "replace")
        if space < 0 or kind[:1] not in KINDS or kind[1:] != " " or line[-1:] != b"\n":
            return Stored()  # not ours (if signed by this key: trust none of it)
        index[line[:space].decode("ascii", "replace")] = (
            kind[0],
            start + space + 3,
            start + len(line) - 1,
        )
        start += len(line)
    if not hmac.compare_digest(head[len(_MAGIC) : -1], mac.hexdigest().encode()):
        return Stored()
    return Stored(source, index)


def dumped(model: Submission | Filing) -> tuple[str, bytes]:
    """A validated model as an entry."""
    from zzgzn.models.submission import Submission

    kind = SUBMISSION if isinstance(model, Submission) else FILING
    return kind, model.model_dump_json().encode()


def loaded(kind: str, blob: bytes) -> Submission | Filing | None:
    """The model an entry holds, validated again; None if it is not one (a miss)."""
    from pydantic import ValidationError

    from zzgzn.models.filing import Filing
    from zzgzn.models.submission import Submission

    model = Submission if kind == SUBMISSION else Filing
    try:
        return model.model_validate_json(blob)
    except (ValidationError, ValueError, RecursionError):
        return None
