"""`zzgzn report`: validate, pick the quarter's files, build, render and write the report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from zzgzn.aside import Aside
from zzgzn.calendar.periods import Period
from zzgzn.checking.checkedfile import CheckedFile
from zzgzn.checking.editorial import EditorialFile, check_editorial, editorial_path
from zzgzn.checking.freezing import close_quarter, frozen_path
from zzgzn.checking.runner import default_jobs
from zzgzn.checking.validate import valid_plan, validate_quarter
from zzgzn.diagnostics.docwords import doc_say
from zzgzn.diagnostics.problems import Problem
from zzgzn.errors import UsageError
from zzgzn.files import clean_leftovers, write_atomic
from zzgzn.models.editorial import Editorial
from zzgzn.rendering.markdown import render_chunks
from zzgzn.report.consolidation import (
    Consolidation,
    consolidate_facts,
    unknown_titles,
    with_changes,
)
from zzgzn.report.diff import diff_inputs, quarter_diff
from zzgzn.report.model import Excluded, QuarterReport, build
from zzgzn.report.wordprocess import Converter, converter, write_docx
from zzgzn.tracking.obligations import obligation_statuses
from zzgzn.tracking.status import arrivals, counts_for_status, rejections, usable

FORMATS = ("md", "docx")
REPORTS_DIR = "reports"
TEMPLATE = "report.md.j2"
COMPILATION_TEMPLATE = "compilation.md.j2"
# what `zzgzn report` writes: the main report, the compilation of every unit's text, or both
PARTS = ("main", "compilation")
# valid files of the quarter from which its changes are computed in a second process
ASIDE_FROM = 200


@dataclass
class ReportOutcome:
    quarter: Period
    report: QuarterReport | None = None
    written: list[Path] = field(default_factory=list)
    blocking: list[Problem] = field(default_factory=list)  # invalid files, when not allowed
    warnings: list[Problem] = field(default_factory=list)  # e.g. an editorial file's case title
    frozen: Path | None = None  # the record written when this run closed the quarter


def belongs_to(checked: CheckedFile, quarter: Period) -> bool:
    """A file is the quarter's if its folder or its own quarter: field says so (as validated
    when the schema accepted it: its data may not have been kept)."""
    if checked.folder == str(quarter):
        return True
    if checked.key is not None:
        return checked.key[1] == str(quarter)
    data = checked.doc.data
    written = data.get("period", data.get("quarter", "")) if isinstance(data, dict) else ""
    return str(written).strip() == str(quarter)


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
    root: Path, quarter: Period, formats: list[str], output: Path | str | None, lang: str = "zh"
) -> dict[str, Path]:
    if output is not None and len(formats) == 1 and Path(output).suffix == f".{formats[0]}":
        return {formats[0]: Path(output)}  # -o report.md --format md: exactly that file
    base = output_base(root, output, doc_say("file-report", lang, quarter=quarter), FORMATS)
    return {fmt: base.with_name(f"{base.name}.{fmt}") for fmt in formats}


def compilation_paths(main: dict[str, Path], quarter: Period, lang: str = "zh") -> dict[str, Path]:
    """The compilation goes beside the main report, under its own name."""
    name = doc_say("file-compilation", lang, quarter=quarter)
    return {fmt: path.with_name(f"{name}.{fmt}") for fmt, path in main.items()}


def write_document(
    paths: dict[str, Path],
    chunks: Iterable[str],
    today: dt.date,
    author: str,
    lang: str = "zh",
    beside: Converter | None = None,
) -> None:
    """Markdown pieces to the .md and/or .docx paths; author: who issues the document;
    beside: the process converting to Word as the text is made (else converted here)."""
    if "docx" in paths:
        write_docx(
            paths["docx"], chunks, today, author, lang, markdown=paths.get("md"), beside=beside
        )
    else:  # written as it is made: never the whole text in memory
        write_atomic(paths["md"], (chunk.encode("utf-8") for chunk in chunks))


@dataclass
class Assembled:
    """A quarter's report built (outcome.report), or why not (outcome.blocking)."""

    outcome: ReportOutcome
    valid: list[CheckedFile] = field(default_factory=list)
    office: EditorialFile | None = None
    editorial: Editorial | None = None
    consolidation: Consolidation | None = None  # of outcome.report, if asked for


def assemble(
    root: Path,
    quarter_text: str,
    today: dt.date,
    *,
    allow_invalid: bool,
    use_cache: bool,
    history: bool = True,
    consolidated: bool = True,
) -> Assembled:
    """Validate, pick the quarter's files and the office's editorial file, build the report
    and (consolidated) its consolidation with the editorial file's choices.

    history=False reads the quarter's folder alone, for what needs nothing earlier (the
    compilation): the report then has no changes and no obligations, and half the files of a
    cold run are not read.
    """
    result, quarter = validate_quarter(
        root, quarter_text, today, jobs=default_jobs(), history=history, use_cache=use_cache
    )
    plan = valid_plan(result)
    made = Assembled(ReportOutcome(quarter))
    outcome = made.outcome
    mine = [f for f in result.files if belongs_to(f, quarter)]
    # Replaying a past day (--today), a file dated later has not arrived yet: not an error.
    invalid = [f for f in mine if not counts_for_status(f)]
    if invalid and not allow_invalid:
        outcome.blocking = sorted(p for f in invalid for p in f.problems if p.is_error)
        return made
    if (path := editorial_path(root, quarter)).is_file():
        made.office = check_editorial(root, path, plan)
        made.editorial = made.office.editorial
    said = made.office.problems if made.office is not None else []
    if made.editorial is None and any(p.is_error for p in said) and not allow_invalid:
        outcome.blocking = sorted(p for p in said if p.is_error)
        return made
    excluded = [Excluded(f.path, tuple(p for p in f.problems if p.is_error)) for f in invalid]
    if made.editorial is None and said:  # a broken editorial file, allowed: left out, listed
        excluded.append(Excluded(said[0].path, tuple(p for p in said if p.is_error)))
    else:
        outcome.warnings += said
    made.valid = valid = [f for f in mine if usable(f)]
    previous = quarter.previous()
    # the campaign's first quarter has nothing before it
    diffed = history and previous.end >= plan.activity[0]
    # a national quarter's changes take about as long as building the report: made beside it
    with Aside(
        lambda: quarter_diff(plan, previous, quarter, *diff_inputs(result.files, quarter)),
        [*plan.units.values(), *plan.tasks.values()],  # referred to, not copied back
        fork=diffed and len(valid) >= ASIDE_FROM and default_jobs() > 1,
    ) as changes:
        report = build(
            plan,
            quarter,
            valid,
            today,
            excluded,
            arrivals(plan, root, valid),
            rejections(plan, invalid),
            # what the folders read so far can decide; build keeps those due by its deadline
            obligations=obligation_statuses(
                plan, result.files, arrivals(plan, root, result.files), today
            )
            if history
            else (),
        )
        facts = consolidate_facts(report, made.editorial) if consolidated else None
        if diffed:
            report = replace(report, changes=changes.result())
    made.consolidation = with_changes(facts, report) if facts is not None else None
    outcome.report = report
    return made


def run_report(
    root: Path,
    quarter_text: str,
    today: dt.date,
    *,
    formats: list[str] | None = None,
    output: Path | str | None = None,
    allow_invalid: bool = False,
    use_cache: bool = False,
    parts: Sequence[str] = PARTS,
    doc_lang: str | None = None,
) -> ReportOutcome:
    """use_cache: unchanged files are answered from the cache (findings, traces, data);
    parts: main (the consolidated report) and/or compilation (every unit's text);
    doc_lang: the documents' language for this run, by default the plan's (meta.language)."""
    formats = formats or list(FORMATS)
    check_formats(formats, FORMATS)
    check_formats(list(parts), PARTS)
    # forked before the files are read, so that it holds none of their data
    with converter("docx" in formats) as beside:
        made = assemble(
            root,
            quarter_text,
            today,
            allow_invalid=allow_invalid,
            use_cache=use_cache,
            history="main" in parts,  # the compilation is the quarter's files alone
            consolidated="main" in parts,
        )
        outcome, report = made.outcome, made.outcome.report
        if report is None:
            return outcome
        _write_parts(root, made, report, formats, output, parts, doc_lang, today, beside)
    quarter, plan, valid = outcome.quarter, report.plan, made.valid
    if today > report.deadline.due:  # the deadline has passed and the report exists: close it
        submissions = [f.submission for f in valid if f.submission is not None]
        if plan.frozen.get(str(quarter)) is None:
            outcome.frozen = close_quarter(root, str(quarter), submissions, today)
    return outcome


def _write_parts(
    root: Path,
    made: Assembled,
    report: QuarterReport,
    formats: list[str],
    output: Path | str | None,
    parts: Sequence[str],
    doc_lang: str | None,
    today: dt.date,
    beside: Converter | None,
) -> None:
    outcome, editorial, plan, quarter = made.outcome, made.editorial, report.plan, report.quarter
    lang = doc_lang or plan.meta.language
    paths = output_paths(root, quarter, formats, output, lang)
    for folder in {*(p.parent for p in paths.values()), frozen_path(root).parent}:
        clean_leftovers(folder)  # what a killed run left (its temporary files)
    if "main" in parts:
        consolidation = made.consolidation
        assert consolidation is not None  # assembled with consolidated= "main" in parts
        if made.office is not None and editorial is not None:
            outcome.warnings += unknown_titles(
                editorial, consolidation, made.office.doc, str(plan.cadence)
            )
        chunks = render_chunks(TEMPLATE, root, lang=lang, r=report, c=consolidation, e=editorial)
        write_document(paths, chunks, today, plan.office.name, lang, beside)
        outcome.written += paths.values()
    if "compilation" in parts:
        whole = compilation_paths(paths, quarter, lang)
        chunks = render_chunks(COMPILATION_TEMPLATE, root, lang=lang, r=report)
        write_document(whole, chunks, today, plan.office.name, lang, beside)
        outcome.written += whole.values()
