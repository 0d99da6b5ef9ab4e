"""Up the chain of campaigns: forward (this quarter to the parent), trace (a total back down)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from zzgzn import clock
from zzgzn.cli.base import (
    DiagnosticFormat,
    LangOpt,
    NoCacheOpt,
    QuietOpt,
    RootOpt,
    TodayOpt,
    app,
    complete_quarter,
    default_lang,
    err,
    handle_errors,
    out,
    print_problems,
    progress_bar,
    t,
)

PANEL = "报告与汇总"


@app.command(rich_help_panel=PANEL)
@handle_errors
def forward(
    quarter: Annotated[
        str, typer.Argument(help="季度：2020Q2、Q2 等。", autocompletion=complete_quarter)
    ],
    parent: Annotated[
        Path,
        typer.Option(
            "--parent",
            "-p",
            help="上级活动的仓库（本机的克隆），或它的 plan/ 文件夹（这时须给 -o）。",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="转报文件写到哪里（默认上级仓库的 submissions/<季度>/<本单位代码>.yaml）。",
        ),
    ] = None,
    root: RootOpt = Path("."),
    lang: LangOpt = None,
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """把本活动一个季度的汇总写成给上级活动的报送文件（按 plan/plan.yaml 的 parent:
    对应任务和数据），写入前按上级方案校验；文件注明来源（provenance）。上级季度已封存时自动附更正记录。"""
    from zzgzn.workflow.forward import run_forward

    language = lang or default_lang()
    with progress_bar(quiet):
        outcome = run_forward(
            root, quarter, parent, clock.today(today), output=output, use_cache=not no_cache
        )
    if outcome.warnings:
        print_problems(outcome.warnings, DiagnosticFormat.text, language)
    if outcome.blocking:
        print_problems(outcome.blocking, DiagnosticFormat.text, language)
        err.print(f"[red]{escape(t('forward-blocked'))}[/]")
        raise typer.Exit(1)
    sub = outcome.submission
    assert sub is not None and sub.provenance is not None and outcome.target is not None
    for item in outcome.not_forwarded:
        line = t(
            "forward-not-forwarded",
            task=item.task,
            name=item.name,
            unit=item.unit,
            units=item.units,
            why=t(item.reason),
        )
        err.print(f"[yellow]{escape(line)}[/]", soft_wrap=True)
    if outcome.unreported:
        tasks = t("list-joiner").join(outcome.unreported)
        err.print(f"[yellow]{escape(t('forward-unreported', tasks=tasks))}[/]", soft_wrap=True)
    if quiet:
        return
    path = str(outcome.target)
    if outcome.state == "unchanged":
        out.print(escape(t("forward-unchanged", path=path)))
        return
    if outcome.state == "amended":
        reason = sub.amendments[-1].reason
        out.print(escape(t("forward-amended", path=path, quarter=sub.quarter, reason=reason)))
        return
    line = t("forward-written", path=path, tasks=len(sub.tasks), units=sub.provenance.units)
    out.print(f"[green]{escape(line)}[/]")
