"""Closed quarters: once a quarter's report is generated after its deadline, its files are
frozen, and every later change must carry an amendment record (amendments: in the file).

The record (plan/frozen.yaml) keeps, per file, a digest of what it said and how many
amendments it had; `zzgzn validate` compares against it, so a change made without a pull
request is caught too. It is written once per quarter, by the first report after the deadline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from zzgzn.checking.discovery import PLAN_DIR
from zzgzn.diagnostics.messages import phrase
from zzgzn.diagnostics.problems import Severity
from zzgzn.models.plan import FrozenFile, FrozenQuarter, FrozenRecord, Plan
from zzgzn.models.submission import Submission
from zzgzn.reading.document import Document

FROZEN_FILE = "frozen.yaml"
_HEADER = """\
# yaml-language-server: $schema=../schemas/frozen.schema.json
# Quarters closed by the office: written by `zzgzn report` the first time a quarter's report is
# generated after its deadline. Do not edit by hand. For each file: a digest of what it said
# then and how many amendments it carried; a later change needs a new amendment record.
"""


def digest(submission: Submission) -> str:
    """What the file says, amendments aside; keys left at their defaults do not count, so a
    newer zzgzn with new optional fields does not see every old file as changed."""
    text = submission.model_dump_json(exclude={"amendments"}, exclude_defaults=True)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def check_frozen(doc: Document, submission: Submission, plan: Plan, today: dt.date) -> None:
    """Findings for a submission in a closed quarter (and for its amendment records)."""
    frozen = plan.frozen.get(submission.quarter)
    count = len(submission.amendments)
    for i, amendment in enumerate(submission.amendments):
        if amendment.date > today:
            doc.add(("amendments", i, "date"), "amendment-future", date=amendment.date, today=today)
        elif frozen is not None and amendment.date < frozen.frozen_on:
            doc.add(
                ("amendments", i, "date"),
                "amendment-before-freeze",
                Severity.WARNING,
                date=amendment.date,
                frozen_on=frozen.frozen_on,
                this=phrase(f"this-{plan.cadence}"),
            )
    if frozen is None:
        return
    recorded = frozen.files.get(submission.unit)
    if recorded is None:
        code = None if count else "frozen-late-file"
    elif count <= recorded.amendments and digest(submission) != recorded.digest:
        code = "frozen-unrecorded-change"
    else:
        code = None
    if code:
        where = ("amendments",) if count else ("unit",)
        doc.add(
            where,
            code,
            quarter=submission.quarter,
            frozen_on=frozen.frozen_on,
            this=phrase(f"this-{plan.cadence}"),
        )


def freeze(
    record: FrozenRecord, quarter: str, submissions: Iterable[Submission], today: dt.date
) -> FrozenRecord | None:
    """The record with quarter closed today, or None if it was closed already."""
    if record.get(quarter) is not None:
        return None
    files = {
        s.unit: FrozenFile(digest=digest(s), amendments=len(s.amendments))
        for s in sorted(submissions, key=lambda s: s.unit)
    }
    closed = FrozenQuarter(quarter=quarter, frozen_on=today, files=files)
    quarters = sorted([*record.quarters, closed], key=lambda q: q.quarter)
    return FrozenRecord(quarters=quarters)


def frozen_path(root: Path) -> Path:
    return root / PLAN_DIR / FROZEN_FILE


def render(record: FrozenRecord) -> str:
    """plan/frozen.yaml: one line per file, so a pull request's diff reads easily."""
    lines = [_HEADER.rstrip("\n"), "quarters:"]
    for q in record.quarters:
        lines += [f"  - quarter: {q.quarter}", f"    frozen_on: {q.frozen_on.isoformat()}"]
        if not q.files:
            lines.append("    files: {}")
            continue
        lines.append("    files:")
        lines += [
            f"      {unit}: {{digest: {f.digest}, amendments: {f.amendments}}}"
            for unit, f in q.files.items()
        ]
    return "\n".join(lines) + "\n"


def read_record(raw: bytes | None) -> FrozenRecord | None:
    """A frozen.yaml's record from its bytes; None if absent or not a valid record."""
    if raw is None:
        return None
    from pydantic import ValidationError

    from zzgzn.reading.loader import load_bytes

    data = load_bytes(raw, FROZEN_FILE).data
    if data is None:
        return None
    try:
        return FrozenRecord.model_validate(data)
    except ValidationError:
        return None


def close_quarter(
    root: Path, quarter: str, submissions: Iterable[Submission], today: dt.date
) -> Path | None:
    """Record quarter as closed in plan/frozen.yaml; the path written, or None if it was closed.

    Two reports may run at once (one per quarter): under a lock, the record is read again
    from disk and the quarter added to what is there, so neither run's closing is lost.
    """
    from filelock import FileLock, Timeout

    from zzgzn.checking.cache import lock_folder
    from zzgzn.errors import ZzgznError
    from zzgzn.files import write_atomic

    path = frozen_path(root)
    try:
        # the lock file lives in the cache folder, which git ignores: never committed by mistake
        lock = FileLock(str(lock_folder(root) / "frozen.lock"), timeout=_LOCK_TIMEOUT_S)
        with lock:
            current = path.read_bytes() if path.is_file() else None
            record = read_record(current) if current is not None else FrozenRecord()
            if record is None:
                raise ZzgznError("frozen-damaged", path=path)
            updated = freeze(record, quarter, submissions, today)
            if updated is None:
                return None
            write_atomic(path, render(updated).encode("utf-8"))
            return path
    except Timeout:
        raise ZzgznError("frozen-busy", path=path, seconds=_LOCK_TIMEOUT_S) from None
    except OSError as exc:
        raise ZzgznError("frozen-lock-failed", path=path, reason=exc.strerror or exc) from None


_LOCK_TIMEOUT_S = 60
