"""What reports and the site need of a file, remembered: its validated submission (or filing).

`zzgzn validate` needs of an unchanged file only its findings (cache.py); a report, the summary
and the site need its data too, and reading 3,000 or 15,000 YAML files again cost them more
than the rest of their work. So a file's validated model is kept as the JSON pydantic writes
for it, one file per folder (.zzgzn_cache/data/<folder>.jsonl), and read back with pydantic's
own JSON parser, which is about four times cheaper than reading the YAML.

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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zzgzn.models.filing import Filing
    from zzgzn.models.submission import Submission

_MAGIC = b"zzgzn-data 1 "
_MAC_LEN = 64  # hex digits of a 32-byte BLAKE2b
SUBMISSION, FILING = "s", "f"
KINDS = (SUBMISSION, FILING)


def _mac(key: bytes, body: bytes) -> bytes:
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


def unpack(raw: bytes, fingerprint: str, key: bytes) -> dict[str, tuple[str, bytes]]:
    """The entries of a file pack made with this key and fingerprint; {} for any other."""
    head = len(_MAGIC) + _MAC_LEN
    if not raw.startswith(_MAGIC) or raw[head : head + 1] != b"\n":
        return {}
    body = raw[head + 1 :]
    if not hmac.compare_digest(raw[len(_MAGIC) : head], _mac(key, body)):
        return {}
    lines = body.split(b"\n")
    if lines[0] != fingerprint.encode() or lines[-1] != b"":
        return {}
    found: dict[str, tuple[str, bytes]] = {}
    for line in lines[1:-1]:
        parts = line.split(b" ", 2)
        if len(parts) != 3 or parts[1].decode("ascii", "replace") not in KINDS:
            return {}  # signed by this key yet not ours: trust none of it
        found[parts[0].decode("ascii", "replace")] = (parts[1].decode(), parts[2])
    return found


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
