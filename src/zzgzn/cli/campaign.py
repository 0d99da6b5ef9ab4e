"""Starting a campaign: init."""

from __future__ import annotations

import shlex
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from zzgzn.cli.base import (
    DiagnosticFormat,
    app,
    current_lang,
    err,
    handle_errors,
    out,
    print_problems,
    t,
)

PANEL = "新活动"


class CadenceChoice(StrEnum):  # models.plan.Cadence, without importing pydantic for --help
    monthly = "monthly"
    quarterly = "quarterly"
    half_yearly = "half-yearly"
    yearly = "yearly"


@app.command(rich_help_panel=PANEL)
@handle_errors
def init(
    target: Annotated[
        Path, typer.Argument(metavar="文件夹", help="新活动仓库的文件夹（须为新的或空的）。")
    ],
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="方案原文（.docx 或 .txt，按“一、（一）1.责任单位：”编排）：据此起草 plan/。",
        ),
    ] = None,
    issuer: Annotated[str, typer.Option("--issuer", help="发文机关（原文通常不写）。")] = "",
    cadence: Annotated[
        CadenceChoice | None,
        typer.Option(
            "--cadence",
            help="报送周期：monthly 按月、quarterly 按季度、half-yearly 按半年、yearly 按年"
            "（默认按原文，原文没写时按季度）。",
        ),
    ] = None,
) -> None:
    """建立一个新的活动仓库：plan/（方案数据，可由原文起草）、submissions/、CI 工作流、
    .gitattributes、pre-commit 配置和说明。推断出的值标有“待核对”。"""
    from zzgzn.diagnostics.problems import has_errors
    from zzgzn.models.plan import Cadence
    from zzgzn.workflow.campaigninit import init_campaign

    done = init_campaign(
        target, source, issuer=issuer, cadence=Cadence(cadence.value) if cadence else None
    )
    out.print(f"[green]{escape(t('init-done', path=done.root))}[/]")
    if done.draft.notes:
        out.print(escape(t("init-review")))
        for note in done.draft.notes:
            out.print(f"  - {escape(note.message(current_lang().value))}", soft_wrap=True)
    if done.problems:
        print_problems(done.problems, DiagnosticFormat.text, current_lang())
    if has_errors(done.problems):
        err.print("[red]✗[/]")
        raise typer.Exit(1)
    # quoted as a shell needs it: the line is meant to be pasted
    out.print(escape(t("init-next", path=shlex.quote(str(done.root)))), soft_wrap=True)
