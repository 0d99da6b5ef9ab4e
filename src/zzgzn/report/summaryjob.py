"""`zzgzn summary` and `zzgzn cases`: the campaign across quarters, in every format."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from zzgzn.calendar.periods import Period, parse_plan_period
from zzgzn.checking.checkedfile import CheckedFile
from zzgzn.checking.runner import default_jobs
from zzgzn.checking.validate import valid_plan, validate_repository
from zzgzn.diagnostics.docwords import doc_label, doc_say
from zzgzn.errors import UsageError
from zzgzn.files import clean_leftovers, write_atomic
from zzgzn.models.plan import Cadence, Plan
from zzgzn.rendering.markdown import render
from zzgzn.report.docx import markdown_to_docx
from zzgzn.report.job import check_formats, output_base
from zzgzn.report.model import Excluded
from zzgzn.report.summarymodel import (
    CampaignSummary,
    CaseEntry,
    build_summary,
    filter_cases,
    parse_range,
)
from zzgzn.tracking.obligations import obligation_statuses
from zzgzn.tracking.status import arrivals, counts_for_status

SUMMARY_FORMATS = ("md", "docx", "xlsx")
CHART_DIR = "charts"


@dataclass
class SummaryOutcome:
    summary: CampaignSummary
    written: list[Path] = field(default_factory=list)
    skipped: list[Excluded] = field(default_factory=list)  # invalid files left out


def _validated(root: Path, today: dt.date) -> tuple[Plan, list[CheckedFile], list[Excluded]]:
    result = validate_repository(root, today, jobs=default_jobs())
    skipped = [
        Excluded(f.path, tuple(p for p in f.problems if p.is_error))
        for f in result.files
        if not counts_for_status(f)  # dated after --today: not arrived, not wrong
    ]
    return valid_plan(result), result.files, skipped


def run_summary(
    root: Path,
    range_text: str | None,
    today: dt.date,
    *,
    formats: list[str] | None = None,
    output: Path | str | None = None,
    doc_lang: str | None = None,
) -> SummaryOutcome:
    """doc_lang: the document's language for this run; by default the plan's."""
    formats = formats or list(SUMMARY_FORMATS)
    check_formats(formats, SUMMARY_FORMATS)
    plan, files, skipped = _validated(root, today)
    quarters = parse_range(range_text, plan, today)
    arrived = arrivals(plan, root, files)
    summary = build_summary(
        plan,
        quarters,
        files,
        today,
        arrived,
        excluded=skipped,
        obligations=obligation_statuses(plan, files, arrived, today),
    )
    lang = doc_lang or plan.meta.language
    name = summary_name(quarters[0], quarters[-1], lang)
    base = output_base(root, output, name, SUMMARY_FORMATS)
    for folder in (base.parent, base.parent / CHART_DIR):
        clean_leftovers(folder)  # what a killed run left (its temporary files)
    outcome = SummaryOutcome(summary, skipped=skipped)
    if "md" in formats or "docx" in formats:
        # imported here: matplotlib is the slowest import zzgzn has, and only charts need it
        from zzgzn.report.charts import CHARTS

        for name, (draw, _) in CHARTS.items():
            relative = f"{CHART_DIR}/{base.name}-{name}.png"
            write_atomic(base.parent / relative, draw(summary, lang))
            summary.charts[name] = relative
            outcome.written.append(base.parent / relative)
        markdown = render("summary.md.j2", root, s=summary, lang=lang)
        if "md" in formats:
            outcome.written.append(_write(base, "md", markdown.encode("utf-8")))
        if "docx" in formats:
            author = plan.office.name
            data = markdown_to_docx(markdown, today, images=base.parent, author=author, lang=lang)
            outcome.written.append(_write(base, "docx", data))
    if "xlsx" in formats:
        from zzgzn.report.workbook import workbook_bytes

        outcome.written.append(_write(base, "xlsx", workbook_bytes(summary, lang)))
    return outcome


def _write(base: Path, suffix: str, data: bytes) -> Path:
    path = base.with_name(f"{base.name}.{suffix}")
    write_atomic(path, data)
    return path


def casebook(
    root: Path, today: dt.date, *, task: str | None, unit: str | None, quarter: str | None
) -> tuple[Plan, list[CaseEntry], str]:
    plan, files, _ = _validated(root, today)
    if task is not None and task not in plan.tasks:
        raise UsageError("task-unknown", task=task)
    if unit is not None and unit not in plan.units:
        raise UsageError("unit-unknown", unit=unit)
    chosen = parse_plan_period(quarter, plan) if quarter else None
    quarters = parse_range(None, plan, today)
    summary = build_summary(plan, quarters, files, today, {})
    cases = filter_cases(summary.cases, task=task, unit=unit, quarter=chosen)
    lang = plan.meta.language

    def label(period: Period) -> str:
        return doc_label(period) if lang == "en" else period.label

    first, last = label(quarters[0]), label(quarters[-1])
    scope = doc_say("list-sep", lang).join(
        filter(
            None,
            [
                label(chosen) if chosen else doc_say("period-range", lang, first=first, last=last),
                doc_say("task-named", lang, task=task) if task else None,
                plan.units[unit].name if unit else None,
            ],
        )
    )
    markdown = render("cases.md.j2", root, lang=lang, plan=plan, cases=cases, scope=scope)
    return plan, cases, markdown


def summary_name(first: Period, last: Period, lang: str) -> str:
    """The summary's file name: 2020Q1-2021Q1进展汇总; months as Chinese writes a span of them,
    2024年1月至3月进展汇总 (2024年11月至2025年2月, 2024年1月 alone)."""
    if lang == "en" or first.kind is not Cadence.MONTHLY:
        return doc_say("file-summary", lang, first=first, last=last)
    end = f"{last.number}月" if last.year == first.year else last.label
    span = first.label if first == last else f"{first.label}至{end}"
    return doc_say("file-summary-span", lang, span=span)
