"""One checked submission file: where it is, what it says, what is wrong with it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from zzgzn.calendar.periods import Period
from zzgzn.diagnostics.messages import phrase
from zzgzn.diagnostics.problems import Problem, has_errors
from zzgzn.reading.document import Document

if TYPE_CHECKING:
    from zzgzn.checking.traces import Trace
    from zzgzn.models.filing import Filing
    from zzgzn.models.submission import Submission


@dataclass(slots=True)
class CheckedFile:
    """One submission file: where it is, what it says, what is wrong with it."""

    path: str
    folder: str | None
    stem: str
    doc: Document
    submission: Submission | None = None
    problems: list[Problem] = field(default_factory=list)
    source: str | None = None  # where to read it again (the operating system's path)
    key: tuple[str, str] | None = None  # (unit, quarter) when the schema accepted the file
    submitted_on: dt.date | None = None
    # False when read by the fast reader: no positions, so a later finding needs a re-read
    positioned: bool = True
    filing: Filing | None = None  # a document filed for an obligation (submissions/<kind>/)
    dated: tuple[dt.date, ...] = ()  # every date a finding compares with today
    # False when a finding depends on another file (an attachment): the cache keys on this
    # file's bytes only, so such a file is checked every time
    cacheable: bool = True
    # instead of submission, for a file only later quarters look back at (traces.py)
    trace: Trace | None = None
    # the submission or filing as JSON (datacache.dumped), as worker processes send it:
    # cheaper to make and to read back than a pickled model, and what the cache keeps
    dumped: tuple[str, bytes] | None = None

    @property
    def valid(self) -> bool:
        return self.key is not None and not has_errors(self.problems)

    @property
    def quarter(self) -> Period | None:
        return Period.canonical_kind(self.key[1]) if self.key else None

    def traced(self) -> Trace | None:
        """The summary later quarters need, whichever way the file was kept."""
        if self.trace is None and self.submission is not None:
            from zzgzn.checking.traces import Trace

            return Trace.of(self.submission)
        return self.trace

    def detached(self, *, keep_data: bool, trace_only: bool = False) -> CheckedFile:
        """Without positions (and without the data unless kept): cheap to keep or to send.

        Kept data is the validated submission (or with trace_only its trace); the raw data
        only when there is none (a report still needs to know which quarter a broken file
        claims).
        """
        parsed = self.submission or self.filing
        raw = self.doc.data if keep_data and parsed is None else None
        trace = self.traced() if keep_data and trace_only else None
        return replace(
            self,
            doc=Document(self.path, data=raw),
            submission=self.submission if keep_data and trace is None else None,
            filing=self.filing if keep_data else None,
            positioned=False,
            trace=trace,
        )


def duplicate_submissions(
    files: list[CheckedFile], reread: Callable[[CheckedFile], CheckedFile]
) -> None:
    """Two files for one unit and quarter: the second is an error, the first stands.

    A file read without positions is read again (reread) so that the finding has its place.
    """
    seen: dict[tuple[str, str], str] = {}
    for i, checked in enumerate(files):
        key = checked.key
        if key is None:
            continue
        if key not in seen:
            seen[key] = checked.path
            continue
        if not checked.positioned:
            checked = files[i] = reread(checked)
        period = Period.canonical_kind(key[1])
        each = phrase(f"each-{period.kind}") if period else phrase("each-quarterly")
        checked.doc.add(
            ("unit",),
            "duplicate-submission",
            unit=key[0],
            quarter=key[1],
            other=seen[key],
            each=each,
        )
        checked.problems = checked.doc.problems
