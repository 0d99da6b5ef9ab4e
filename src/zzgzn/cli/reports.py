"""Commands that write documents: report, summary, diff, cases, templates."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from zzgzn import clock
from zzgzn.cli.base import (
    DataFormat,
    DiagnosticFormat,
    Lang,
    LangOpt,
    NoCacheOpt,
    PrintedOpt,
    QuietOpt,
    RootOpt,
    TodayOpt,
    app,
    complete_quarter,
    complete_unit,
    current_lang,
    err,
    fail,
    handle_errors,
    out,
    print_problems,
    progress_bar,
    t,
    this_words,
)
from zzgzn.errors import UsageError

if TYPE_CHECKING:
    from zzgzn.report.job import ReportOutcome
    from zzgzn.report.summarymodel import CaseEntry
    from zzgzn.tracking.obligations import ObligationStatus

PANEL = "报告与汇总"


class ReportFormat(StrEnum):
    md = "md"
    docx = "docx"


class ReportPart(StrEnum):
    main = "main"
    compilation = "compilation"


@app.command(rich_help_panel=PANEL)
@handle_errors
def report(
    quarter: Annotated[
        str,
        typer.Argument(
            help="季度：2020Q2、2020-Q2、Q2 或 2020年第二季度。", autocompletion=complete_quarter
        ),
    ],
    formats: Annotated[
        list[ReportFormat] | None,
        typer.Option("--format", "-f", help="输出格式，可重复：md、docx（默认两种都生成）。"),
    ] = None,
    output: Annotated[
        # text, not Path: "out/" must keep its slash to mean a folder that does not exist yet
        str | None, typer.Option("--output", "-o", help="输出文件或文件夹（默认 reports/）。")
    ] = None,
    allow_invalid: Annotated[
        bool, typer.Option("--allow-invalid", help="跳过未通过校验的文件，并在报告开头列出。")
    ] = False,
    parts: Annotated[
        list[ReportPart] | None,
        typer.Option(
            "--part",
            help="只生成其中一份，可重复：main（进展情况报告）、compilation（各单位进展情况汇编）。",
        ),
    ] = None,
    root: RootOpt = Path("."),
    lang: LangOpt = None,
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
    quiet: QuietOpt = False,
    printed: PrintedOpt = DataFormat.text,
    doc_lang: DocLangOpt = None,
) -> None:
    """汇总一个季度的报送：进展情况报告（汇总、归并）和各单位进展情况汇编（全文），
    Markdown 和公文格式（GB/T 9704-2012）的 Word。"""
    from zzgzn.report.job import run_report

    _no_stdout(output, "report")
    language = lang or current_lang()
    with progress_bar(quiet):
        outcome = run_report(
            root,
            quarter,
            clock.today(today),
            formats=[f.value for f in formats] if formats else None,
            output=output,
            allow_invalid=allow_invalid,
            use_cache=not no_cache,
            doc_lang=doc_lang.value if doc_lang else None,
            **({"parts": [p.value for p in parts]} if parts else {}),
        )
    if outcome.blocking:
        if printed is DataFormat.json:
            print_problems(outcome.blocking, DiagnosticFormat.json, language)
            raise typer.Exit(1)
        print_problems(outcome.blocking, DiagnosticFormat.text, language)
        files = len({p.path for p in outcome.blocking})
        err.print(
            f"[red]{escape(t('report-blocked', quarter=outcome.quarter, files=files))}[/]"
            + escape(t("report-blocked-hint"))
        )
        raise typer.Exit(1)
    r = outcome.report
    assert r is not None
    if printed is DataFormat.json:
        _print_json(_report_data(outcome))
        return
    if outcome.warnings:
        print_problems(outcome.warnings, DiagnosticFormat.text, language)
    if r.excluded:
        err.print(f"[yellow]{escape(t('report-excluded', count=len(r.excluded)))}[/]")
        for item in r.excluded:
            err.print(f"  [yellow]{escape(item.path)}[/]")
    if quiet:
        return
    label = r.quarter.label if current_lang() is Lang.zh else str(r.quarter)
    counts = t(
        "report-counts",
        due=r.deadline.due,
        due_units=r.due_units,
        on_time=r.count("on_time"),
        late=r.count("late"),
        missing=r.count("missing"),
    )
    if r.count("invalid"):
        counts += t("count-invalid", count=r.count("invalid"))
    if r.count("not_due"):
        counts += t("count-not-due", count=r.count("not_due"))
    out.print(f"[bold]{escape(label)}[/]{escape(counts)}")
    if r.unsigned:
        names = _names(u.name for u in r.unsigned)
        out.print(escape(t("report-unsigned", names=names)), soft_wrap=True)
    if r.amendments:
        names = _names(dict.fromkeys(u.name for u, _ in r.amendments))
        out.print(escape(t("report-amended", count=len(r.amendments), names=names)), soft_wrap=True)
    _print_obligations(r.obligations, r.today)
    _print_written(outcome.written)
    if outcome.frozen is not None:
        out.print(
            f"[bold]{r.quarter}[/]"
            + escape(t("report-frozen", path=outcome.frozen, **this_words(r.quarter))),
            soft_wrap=True,
        )


def _report_data(outcome: ReportOutcome) -> dict[str, object]:
    from zzgzn.tracking.timeliness import State

    r = outcome.report
    assert r is not None
    return {
        "quarter": str(r.quarter),
        "due": r.deadline.due.isoformat(),
        "units_due": r.due_units,
        "counts": {state.value: r.count(state.value) for state in State},
        "unsigned": [u.id for u in r.unsigned],
        "amendments": len(r.amendments),
        "excluded": [item.path for item in r.excluded],
        "obligations": [_obligation_data(o) for o in r.obligations],
        "written": [str(path) for path in outcome.written],
        "frozen": str(outcome.frozen) if outcome.frozen else None,
    }


def _obligation_data(o: ObligationStatus) -> dict[str, object]:
    return {
        "obligation": o.obligation.id,
        "name": o.obligation.name,
        "due": o.due.isoformat(),
        "late": [row.unit.id for row in o.units_in("late")],
        "missing": [row.unit.id for row in o.units_in("missing")],
    }


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _print_written(paths: Iterable[Path]) -> None:
    for path in paths:
        out.print(f"[green]{escape(t('written'))}[/] {escape(str(path))}")


DocLangOpt = Annotated[
    Lang | None,
    typer.Option(
        "--doc-lang",
        help="报告的语言：zh 或 en；默认按方案（plan/plan.yaml 的 language，未写为 zh），"
        "与 --lang（终端输出的语言）无关。",
    ),
]

DocumentOutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="写入文件：.md 或 .docx（公文格式）；默认或 - 显示在屏幕上。"
    ),
]

STDOUT = "-"  # -o -: standard output, as for most tools


def _no_stdout(output: str | None, command: str) -> None:
    """report and summary write several files at once: "-" cannot hold them (refuse, rather
    than write a file called "-")."""
    if output == STDOUT:
        fail(UsageError("output-stdout-many", command=command))


def _emit(
    markdown: str,
    output: Path | None,
    day: dt.date,
    author: str,
    text: str | None = None,
    lang: str = "zh",
) -> bool:
    """Print text (default: the Markdown), or write output: .docx as an official document
    (by author, the issuing office), anything else as the text. True when a file was written."""
    from zzgzn.files import write_atomic

    if output is None or str(output) == STDOUT:
        print(text or markdown, end="")
        return False
    if output.suffix == ".docx":
        from zzgzn.report.docx import markdown_to_docx

        write_atomic(output, markdown_to_docx(markdown, day, author=author, lang=lang))
    else:
        write_atomic(output, (text or markdown).encode("utf-8"))
    return True


# The terminal names a few (and leaves wrapping to the terminal, never mid-name); the
# documents name everyone.
_SHOWN_NAMES = 10


def _names(names: Iterable[str]) -> str:
    listed = list(names)
    shown = t("list-joiner").join(listed[:_SHOWN_NAMES])
    if len(listed) <= _SHOWN_NAMES:
        return shown
    return t("names-more", shown=shown, count=len(listed))


def _print_obligations(obligations: list[ObligationStatus], today: dt.date) -> None:
    """One line per obligation past its due date that someone has not met on time."""
    for o in obligations:
        late, missing = o.units_in("late"), o.units_in("missing")
        if today <= o.due or not (late or missing):
            continue
        parts = []
        if missing:
            names = _names(r.unit.name for r in missing)
            parts.append(t("obligation-missing", count=len(missing), names=names))
        if late:
            parts.append(
                t("obligation-late", count=len(late), names=_names(r.unit.name for r in late))
            )
        line = t("obligation-line", name=o.obligation.name, parts=t("part-joiner").join(parts))
        out.print(escape(line), soft_wrap=True)


class SummaryFormat(StrEnum):
    md = "md"
    docx = "docx"
    xlsx = "xlsx"


@app.command(rich_help_panel=PANEL)
@handle_errors
def summary(
    quarters: Annotated[
        str | None, typer.Argument(help="季度范围，如 2020Q2..2020Q4（默认：开始至今的全部季度）。")
    ] = None,
    formats: Annotated[
        list[SummaryFormat] | None,
        typer.Option("--format", "-f", help="md、docx、xlsx，可重复（默认全部）。"),
    ] = None,
    output: Annotated[
        # text, not Path: "out/" must keep its slash to mean a folder that does not exist yet
        str | None, typer.Option("--output", "-o", help="输出文件或文件夹（默认 reports/）。")
    ] = None,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
    quiet: QuietOpt = False,
    printed: PrintedOpt = DataFormat.text,
    doc_lang: DocLangOpt = None,
) -> None:
    """评估总结：逐季度进展、停滞任务、方案成果、考核评分、典型案例，附图表和 Excel。"""
    from zzgzn.report.summaryjob import run_summary

    _no_stdout(output, "summary")
    with progress_bar(quiet):
        outcome = run_summary(
            root,
            quarters,
            clock.today(today),
            formats=[f.value for f in formats] if formats else None,
            output=output,
            doc_lang=doc_lang.value if doc_lang else None,
        )
    s = outcome.summary
    done = sum(1 for d in s.deliverables if d.done)
    if printed is DataFormat.json:
        _print_json(
            {
                "quarters": [str(s.quarters[0]), str(s.quarters[-1])],
                "stalled_tasks": [timeline.task.id for timeline, _ in s.stalled],
                "cases": len(s.cases),
                "deliverables": {"done": done, "total": len(s.deliverables)},
                "skipped": [p.path for p in outcome.skipped],
                "obligations": [_obligation_data(o) for o in s.obligations],
                "written": [str(path) for path in outcome.written],
            }
        )
        return
    if outcome.skipped:
        err.print(
            f"[yellow]{escape(t('summary-skipped', count=len(outcome.skipped)))}[/]"
            + escape(t("list-joiner").join(p.path for p in outcome.skipped))
        )
    if quiet:
        return
    _print_obligations(s.obligations, s.today)
    line = t("summary-line", stalled=len(s.stalled), cases=len(s.cases), done=done)
    out.print(
        f"[bold]{s.quarters[0]}—{s.quarters[-1]}[/]" + escape(line + f"/{len(s.deliverables)}")
    )
    _print_written(outcome.written)


class CasesFormat(StrEnum):
    md = "md"
    json = "json"


@app.command(rich_help_panel=PANEL)
@handle_errors
def cases(
    task: Annotated[str | None, typer.Option("--task", "-t", help="只看这项任务，如 1.2。")] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", "-u", help="只看这个单位（单位代码）。", autocompletion=complete_unit
        ),
    ] = None,
    quarter: Annotated[
        # no -q: that is --quiet, as everywhere else
        str | None,
        typer.Option("--quarter", help="只看这个季度。", autocompletion=complete_quarter),
    ] = None,
    output: DocumentOutputOpt = None,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
    fmt: Annotated[
        CasesFormat,
        typer.Option("--format", "-f", help="md（默认）或 json（案例列表，供其他程序使用）。"),
    ] = CasesFormat.md,
    quiet: QuietOpt = False,
) -> None:
    """典型案例汇编：各季度报送的典型案例和经验做法，注明单位、季度和任务。"""
    from zzgzn.report.summaryjob import casebook

    day = clock.today(today)
    plan, found, markdown = casebook(root, day, task=task, unit=unit, quarter=quarter)
    text = None
    if fmt is CasesFormat.json:
        text = json.dumps([_case_data(c) for c in found], ensure_ascii=False, indent=2) + "\n"
    if _emit(markdown, output, day, plan.office.name, text, plan.meta.language) and not quiet:
        out.print(
            f"[green]{escape(t('written'))}[/] {escape(str(output))}"
            + escape(t("cases-count", count=len(found)))
        )


def _case_data(entry: CaseEntry) -> dict[str, object]:
    return {
        "quarter": str(entry.quarter),
        "unit": entry.unit.id,
        "unit_name": entry.unit.name,
        "task": entry.task.id,
        "title": entry.case.title,
        "summary": entry.case.summary,
        "source": entry.source,
    }


class DiffFormat(StrEnum):
    md = "md"
    json = "json"


@app.command(rich_help_panel=PANEL)
@handle_errors
def diff(
    earlier: Annotated[
        str, typer.Argument(help="较早的季度，如 2020Q2。", autocompletion=complete_quarter)
    ],
    later: Annotated[
        str, typer.Argument(help="较晚的季度，如 2020Q3。", autocompletion=complete_quarter)
    ],
    fmt: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="md（默认）或 json。")
    ] = DiffFormat.md,
    output: DocumentOutputOpt = None,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """两个季度对比：逐项任务列出状态变化、首次报送进展的单位、再次提出的问题、上季度打算本季度未提及的。"""
    from zzgzn.report.diffjob import run_diff

    day = clock.today(today)
    outcome = run_diff(root, earlier, later, day, use_cache=not no_cache)
    if outcome.skipped:
        err.print(
            f"[yellow]{escape(t('diff-skipped', count=len(outcome.skipped)))}[/]"
            + escape(t("list-joiner").join(outcome.skipped))
        )
    text = None
    if fmt is DiffFormat.json:
        text = json.dumps(outcome.diff.as_dict(), ensure_ascii=False, indent=2) + "\n"
    lang = outcome.plan.meta.language
    if _emit(outcome.markdown, output, day, outcome.plan.office.name, text, lang):
        _print_written([output] if output else [])


@app.command(rich_help_panel=PANEL)
@handle_errors
def templates(
    copy: Annotated[
        list[str] | None,
        typer.Option("--copy", help="把内置模板复制到 templates/ 以便修改（可重复）。"),
    ] = None,
    root: RootOpt = Path("."),
) -> None:
    """列出报告模板及当前生效的版本；--copy 把内置模板复制到本仓库 templates/ 中修改。"""
    from zzgzn.rendering.markdown import copy_template, list_templates

    for name in copy or []:
        target = copy_template(root, name)
        out.print(
            f"[green]{escape(t('copied'))}[/] {escape(str(target))}" + escape(t("copied-hint"))
        )
    for name, source in list_templates(root):
        where = t("template-campaign") if source == "campaign" else t("template-builtin")
        out.print(f"{escape(name)}  [dim]{escape(where)}[/]")
