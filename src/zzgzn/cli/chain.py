"""Up the chain of campaigns: forward (this quarter to the parent), trace (a total back down)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from zzgzn import clock
from zzgzn.cli.base import (
    DataFormat,
    DiagnosticFormat,
    LangOpt,
    NoCacheOpt,
    QuietOpt,
    RootOpt,
    TodayOpt,
    app,
    complete_quarter,
    current_lang,
    err,
    handle_errors,
    out,
    print_problems,
    progress_bar,
    t,
    this_words,
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
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="目标位置已有不是由 zzgzn forward 生成的文件时，也以本次汇总替换。"
        ),
    ] = False,
    root: RootOpt = Path("."),
    lang: LangOpt = None,
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """把本活动一个季度的汇总写成给上级活动的报送文件（按 plan/plan.yaml 的 parent:
    对应任务和数据），写入前按上级方案校验；文件注明来源（provenance）。上级季度已封存时自动附更正记录。"""
    from zzgzn.workflow.forward import run_forward

    language = lang or current_lang()
    with progress_bar(quiet):
        outcome = run_forward(
            root,
            quarter,
            parent,
            clock.today(today),
            output=output,
            use_cache=not no_cache,
            force=force,
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
        said = t("forward-unreported", tasks=tasks, **this_words(outcome.quarter))
        err.print(f"[yellow]{escape(said)}[/]", soft_wrap=True)
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


@app.command(rich_help_panel=PANEL)
@handle_errors
def trace(
    quarter: Annotated[
        str, typer.Argument(help="季度：2020Q2、Q2 等。", autocompletion=complete_quarter)
    ],
    task: Annotated[str, typer.Option("--task", "-t", help="任务编号，如 1.2。")],
    metric: Annotated[
        str, typer.Option("--metric", "-m", help="数据名称，与方案中该任务 metrics 的 name 一致。")
    ],
    child: Annotated[
        list[Path] | None,
        typer.Option(
            "--child",
            "-c",
            help="下级活动的仓库（本机的克隆），可重复：给出几级就向下追溯几级。",
        ),
    ] = None,
    fmt: Annotated[DataFormat, typer.Option("--format", "-f", help="text 或 json。")] = (
        DataFormat.text
    ),
    root: RootOpt = Path("."),
    lang: LangOpt = None,
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """把本季度报告中某项任务的一个合计数逐级追溯到下级各单位的报送文件：
    由 zzgzn forward 转报的文件按其来源（provenance）继续向下，直到各单位自己填写的文件。"""
    from rich.tree import Tree

    from zzgzn.workflow.trace import Step
    from zzgzn.workflow.trace import trace as run_trace

    found = run_trace(
        root, quarter, task, metric, list(child or []), clock.today(today), use_cache=not no_cache
    )
    if fmt is DataFormat.json:
        data = {
            "quarter": found.quarter,
            "task": found.task,
            "metric": found.metric,
            "unit": found.unit,
            "value": found.value,
            "units": found.units,
            "steps": [s.to_dict() for s in found.steps],
        }
        out.print_json(json.dumps(data, ensure_ascii=False))
        return

    def shown(value: float) -> str:
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"

    def grow(node: Tree, step: Step) -> None:
        line = t(
            "trace-step",
            name=step.unit_name,
            value=shown(step.value),
            unit=found.unit,
            campaign=step.campaign,
            file=step.file,
        )
        if step.task != found.task or step.metric != found.metric:
            line += t("trace-step-task", task=step.task, metric=step.metric)
        if step.consolidates is not None:
            commit = f"@{step.commit[:12]}" if step.commit else ""
            campaign = step.below_campaign
            line += t("trace-forwarded", units=step.consolidates, campaign=campaign, commit=commit)
        if step.missing_repository:
            line += t("trace-no-repository", campaign=step.below_campaign)
        if step.missing_file:
            line += t("trace-missing-file", campaign=step.campaign)
        if step.says is not None:
            line += t("trace-differs", now=shown(step.says))
        branch = node.add(escape(line))
        for nested in step.below:
            grow(branch, nested)

    head = t(
        "trace-head",
        quarter=found.quarter,
        task=found.task,
        metric=found.metric,
        value=shown(found.value),
        unit=found.unit,
        units=found.units,
    )
    tree = Tree(escape(head))
    for step in found.steps:
        grow(tree, step)
    out.print(tree)
    leaves = found.leaves()
    total = sum(s.value for s in leaves)
    out.print(
        escape(t("trace-leaves", count=len(leaves), value=shown(total), unit=found.unit)),
        soft_wrap=True,
    )
