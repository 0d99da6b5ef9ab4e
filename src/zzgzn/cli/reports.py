"""Commands that write documents: report, summary, diff, cases, templates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from zzgzn import clock
from zzgzn.cli.base import (
    DiagnosticFormat,
    LangOpt,
    NoCacheOpt,
    RootOpt,
    TodayOpt,
    app,
    default_lang,
    err,
    handle_errors,
    out,
    print_problems,
)

if TYPE_CHECKING:
    from zzgzn.tracking.obligations import ObligationStatus

PANEL = "报告与汇总"


class ReportFormat(StrEnum):
    md = "md"
    docx = "docx"


@app.command(rich_help_panel=PANEL)
@handle_errors
def report(
    quarter: Annotated[str, typer.Argument(help="季度：2020Q2、2020-Q2、Q2 或 2020年第二季度。")],
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
    root: RootOpt = Path("."),
    lang: LangOpt = None,
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """汇总一个季度的报送，生成 Markdown 和公文格式（GB/T 9704-2012）的 Word 报告。"""
    from zzgzn.report.job import run_report

    language = lang or default_lang()
    outcome = run_report(
        root,
        quarter,
        clock.today(today),
        formats=[f.value for f in formats] if formats else None,
        output=output,
        allow_invalid=allow_invalid,
        use_cache=not no_cache,
    )
    if outcome.blocking:
        print_problems(outcome.blocking, DiagnosticFormat.text, language)
        files = len({p.path for p in outcome.blocking})
        err.print(
            f"[red]✗ {outcome.quarter} 有 {files} 个报送文件未通过校验，未生成报告。[/]"
            "改正后重试，或加 --allow-invalid 跳过这些文件（报告开头会列出）。"
        )
        raise typer.Exit(1)
    r = outcome.report
    assert r is not None
    if r.excluded:
        err.print(f"[yellow]注意：{len(r.excluded)} 个文件未通过校验，已跳过并在报告开头列出：[/]")
        for item in r.excluded:
            err.print(f"  [yellow]{escape(item.path)}[/]")
    out.print(
        f"[bold]{r.quarter.label}[/]（截止 {r.deadline.due}）：应报 {r.due_units}，"
        f"按时 {r.count('on_time')}，逾期 {r.count('late')}，未报 {r.count('missing')}"
        + (f"，报送有误 {r.count('invalid')}" if r.count("invalid") else "")
        + (f"，未到期 {r.count('not_due')}" if r.count("not_due") else "")
    )
    if r.unsigned:
        out.print(
            f"未审核（没有审核人）：{escape(_names(u.name for u in r.unsigned))}", soft_wrap=True
        )
    if r.amendments:
        names = _names(dict.fromkeys(u.name for u, _ in r.amendments))
        out.print(f"报告生成后更正 {len(r.amendments)} 处：{escape(names)}", soft_wrap=True)
    _print_obligations(r.obligations, r.today)
    for path in outcome.written:
        out.print(f"[green]已生成[/] {escape(str(path))}")
    if outcome.frozen is not None:
        out.print(
            f"[bold]{r.quarter}[/] 已过报送截止日期，报告已生成，本季度封存（记录在 "
            f"{escape(str(outcome.frozen))}，请提交）：此后改动须在文件中附更正记录",
            soft_wrap=True,
        )


DocumentOutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="写入文件：.md 或 .docx（公文格式）；默认显示在屏幕上。"),
]


def _emit(
    markdown: str, output: Path | None, day: dt.date, author: str, text: str | None = None
) -> bool:
    """Print text (default: the Markdown), or write output: .docx as an official document
    (by author, the issuing office), anything else as the text. True when a file was written."""
    from zzgzn.files import write_atomic

    if output is None:
        print(text or markdown, end="")
        return False
    if output.suffix == ".docx":
        from zzgzn.report.docx import markdown_to_docx

        write_atomic(output, markdown_to_docx(markdown, day, author=author))
    else:
        write_atomic(output, (text or markdown).encode("utf-8"))
    return True


# The terminal names a few (and leaves wrapping to the terminal, never mid-name); the
# documents name everyone.
_SHOWN_NAMES = 10


def _names(names: Iterable[str]) -> str:
    listed = list(names)
    shown = "、".join(listed[:_SHOWN_NAMES])
    return shown if len(listed) <= _SHOWN_NAMES else f"{shown}等{len(listed)}个"


def _print_obligations(obligations: list[ObligationStatus], today: dt.date) -> None:
    """One line per obligation past its due date that someone has not met on time."""
    for o in obligations:
        late, missing = o.units_in("late"), o.units_in("missing")
        if today <= o.due or not (late or missing):
            continue
        parts = (
            [f"未完成{len(missing)}个（{_names(r.unit.name for r in missing)}）"] if missing else []
        )
        if late:
            parts.append(f"逾期完成{len(late)}个（{_names(r.unit.name for r in late)}）")
        out.print(f"{escape(o.obligation.name)}：{escape('，'.join(parts))}", soft_wrap=True)


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
) -> None:
    """评估总结：逐季度进展、停滞任务、方案成果、考核评分、典型案例，附图表和 Excel。"""
    from zzgzn.report.summaryjob import run_summary

    outcome = run_summary(
        root,
        quarters,
        clock.today(today),
        formats=[f.value for f in formats] if formats else None,
        output=output,
    )
    if outcome.skipped:
        err.print(
            f"[yellow]注意：{len(outcome.skipped)} 个报送文件未通过校验，未计入汇总：[/]"
            + "、".join(escape(p.path) for p in outcome.skipped)
        )
    s = outcome.summary
    _print_obligations(s.obligations, s.today)
    out.print(
        f"[bold]{s.quarters[0]}—{s.quarters[-1]}[/]：停滞任务 {len(s.stalled)} 项，"
        f"典型案例 {len(s.cases)} 个，方案成果已完成 {sum(1 for d in s.deliverables if d.done)}"
        f"/{len(s.deliverables)}"
    )
    for path in outcome.written:
        out.print(f"[green]已生成[/] {escape(str(path))}")


@app.command(rich_help_panel=PANEL)
@handle_errors
def cases(
    task: Annotated[str | None, typer.Option("--task", "-t", help="只看这项任务，如 1.2。")] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", "-u", help="只看这个单位（单位代码）。")
    ] = None,
    quarter: Annotated[str | None, typer.Option("--quarter", "-q", help="只看这个季度。")] = None,
    output: DocumentOutputOpt = None,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
) -> None:
    """典型案例汇编：各季度报送的典型案例和经验做法，注明单位、季度和任务。"""
    from zzgzn.report.summaryjob import casebook

    day = clock.today(today)
    plan, found, markdown = casebook(root, day, task=task, unit=unit, quarter=quarter)
    if _emit(markdown, output, day, plan.office.name):
        out.print(f"[green]已生成[/] {escape(str(output))}（{len(found)} 个案例）")


class DiffFormat(StrEnum):
    md = "md"
    json = "json"


@app.command(rich_help_panel=PANEL)
@handle_errors
def diff(
    earlier: Annotated[str, typer.Argument(help="较早的季度，如 2020Q2。")],
    later: Annotated[str, typer.Argument(help="较晚的季度，如 2020Q3。")],
    fmt: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="md（默认）或 json。")
    ] = DiffFormat.md,
    output: DocumentOutputOpt = None,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """两个季度对比：逐项任务列出状态变化、首次报送进展的单位、再次提出的问题、上季度打算本季度未提及的。"""
    import json

    from zzgzn.report.diffjob import run_diff

    day = clock.today(today)
    outcome = run_diff(root, earlier, later, day, use_cache=not no_cache)
    if outcome.skipped:
        err.print(
            f"[yellow]注意：{len(outcome.skipped)} 个报送文件未通过校验，未计入：[/]"
            + "、".join(escape(p) for p in outcome.skipped)
        )
    text = None
    if fmt is DiffFormat.json:
        text = json.dumps(outcome.diff.as_dict(), ensure_ascii=False, indent=2) + "\n"
    if _emit(outcome.markdown, output, day, outcome.plan.office.name, text):
        out.print(f"[green]已生成[/] {escape(str(output))}")


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
        out.print(f"[green]已复制[/] {escape(str(target))}：修改后重新运行 zzgzn report 即生效")
    for name, source in list_templates(root):
        where = "本仓库 templates/（已覆盖内置模板）" if source == "campaign" else "内置"
        out.print(f"{escape(name)}  [dim]{where}[/]")
