"""`zzgzn report`: validate, pick the quarter's files, build, render and write the report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from zzgzn.calendar.quarters import Quarter
from zzgzn.checking.checkedfile import CheckedFile
from zzgzn.checking.freezing import freeze, frozen_path
from zzgzn.checking.freezing import render as render_frozen
from zzgzn.checking.runner import default_jobs
from zzgzn.checking.validate import valid_plan, validate_quarter
from zzgzn.diagnostics.problems import Problem
from zzgzn.errors import UsageError
from zzgzn.files import write_atomic
from zzgzn.rendering.markdown import render_chunks
from zzgzn.report.diff import diff_inputs, quarter_diff
from zzgzn.report.model import Excluded, QuarterReport, build
from zzgzn.tracking.obligations import obligation_statuses
from zzgzn.tracking.status import arrivals, counts_for_status, rejections, usable

FORMATS = ("md", "docx")
REPORTS_DIR = "reports"
TEMPLATE = "report.md.j2"


@dataclass
class ReportOutcome:
    quarter: Quarter
    report: QuarterReport | None = None
    written: list[Path] = field(default_factory=list)
    blocking: list[Problem] = field(default_factory=list)  # invalid files, when not allowed
    frozen: Path | None = None  # the record written when this run closed the quarter


def belongs_to(checked: CheckedFile, quarter: Quarter) -> bool:
    """A file is the quarter's if its folder or its own quarter: field says so (as validated
    when the schema accepted it: its data may not have been kept)."""
    if checked.folder == str(quarter):
        return True
    if checked.key is not None:
        return checked.key[1] == str(quarter)
    data = checked.doc.data
    return isinstance(data, dict) and str(data.get("quarter", "")).strip() == str(quarter)


def check_formats(formats: list[str], allowed: tuple[str, ...]) -> None:
    unknown = [f for f in formats if f not in allowed]
    if unknown:
        raise UsageError("format-unknown", formats="、".join(unknown), choices="、".join(allowed))


def output_base(
    root: Path, output: Path | str | None, default_name: str, suffixes: tuple[str, ...]
) -> Path:
    """Where outputs go, without suffix: -o as a folder, as a file (suffix dropped) or a stem.

    A folder is one that exists or that the user wrote with a trailing slash (kept only as
    text: a Path drops it).
    """
    if output is None:
        return root / REPORTS_DIR / default_name
    folder = isinstance(output, str) and output.endswith(("/", "\\"))
    output = Path(output)
    if folder or output.is_dir():
        return output / default_name
    return output.with_suffix("") if output.suffix.lstrip(".") in suffixes else output


def output_paths(
    root: Path, quarter: Quarter, formats: list[str], output: Path | str | None
) -> dict[str, Path]:
    if output is not None and len(formats) == 1 and Path(output).suffix == f".{formats[0]}":
        return {formats[0]: Path(output)}  # -o report.md --format md: exactly that file
    base = output_base(root, output, f"{quarter}进展情况报告", FORMATS)
    return {fmt: base.with_name(f"{base.name}.{fmt}") for fmt in formats}


def run_report(
    root: Path,
    quarter_text: str,
    today: dt.date,
    *,
    formats: list[str] | None = None,
    output: Path | str | None = None,
    allow_invalid: bool = False,
    use_cache: bool = False,
) -> ReportOutcome:
    """use_cache: earlier quarters' files are answered from the cache (findings, traces)."""
    formats = formats or list(FORMATS)
    check_formats(formats, FORMATS)
    result, quarter = validate_quarter(
        root, quarter_text, today, jobs=default_jobs(), history=True, use_cache=use_cache
    )
    plan = valid_plan(result)
    outcome = ReportOutcome(quarter)
    mine = [f for f in result.files if belongs_to(f, quarter)]
    # Replaying a past day (--today), a file dated later has not arrived yet: not an error.
    invalid = [f for f in mine if not counts_for_status(f)]
    if invalid and not allow_invalid:
        outcome.blocking = sorted(p for f in invalid for p in f.problems if p.is_error)
        return outcome
    excluded = [Excluded(f.path, tuple(p for p in f.problems if p.is_error)) for f in invalid]
    valid = [f for f in mine if usable(f)]
    report = build(
        plan,
        quarter,
        valid,
        today,
        excluded,
        arrivals(plan, root, valid),
        rejections(plan, invalid),
    )
    previous = quarter.previous()
    if previous.end >= plan.activity[0]:  # the campaign's first quarter has nothing before it
        report.changes = quarter_diff(plan, previous, quarter, *diff_inputs(result.files, quarter))
    # the obligations due by this quarter's deadline: what the folders read so far can decide
    report.obligations = [
        o
        for o in obligation_statuses(plan, result.files, arrivals(plan, root, result.files), today)
        if o.due <= report.deadline.due
    ]
    outcome.report = report
    chunks = render_chunks(TEMPLATE, root, r=report)
    paths = output_paths(root, quarter, formats, output)
    if "docx" in paths:
        from zzgzn.report.docx import markdown_to_docx  # python-docx and lxml: 0.1 s to import

        markdown = "".join(chunks)
        if "md" in paths:
            write_atomic(paths["md"], markdown.encode("utf-8"))
        write_atomic(paths["docx"], markdown_to_docx(markdown, today, author=plan.office.name))
    else:  # written as it is made: never the whole text in memory
        write_atomic(paths["md"], (chunk.encode("utf-8") for chunk in chunks))
    outcome.written = list(paths.values())
    if today > report.deadline.due:  # the deadline has passed and the report exists: close it
        submissions = [f.submission for f in valid if f.submission is not None]
        record = freeze(plan.frozen, str(quarter), submissions, today)
        if record is not None:
            outcome.frozen = frozen_path(root)
            write_atomic(outcome.frozen, render_frozen(record).encode("utf-8"))
    return outcome
