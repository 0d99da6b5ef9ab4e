"""`zzgzn site`: the campaign as a static web site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from zzgzn import clock
from zzgzn.cli.base import (
    LangOpt,
    NoCacheOpt,
    QuietOpt,
    RootOpt,
    TodayOpt,
    app,
    err,
    handle_errors,
    out,
    progress_bar,
    t,
)

PANEL = "报告与汇总"


@app.command(rich_help_panel=PANEL)
@handle_errors
def site(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="输出文件夹（默认 site/），整个替换。", file_okay=False
        ),
    ] = None,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
    quiet: QuietOpt = False,
    lang: LangOpt = None,
) -> None:
    """生成静态网站：各单位各季度报送情况表、每个单位和每项任务一页、报告链接；不需联网，
    可直接用浏览器打开 site/index.html，或放到内网服务器、GitHub Pages 上。"""
    from zzgzn.site.build import build_site

    with progress_bar(quiet):
        outcome = build_site(root, clock.today(today), output=output, use_cache=not no_cache)
    board = outcome.site.board
    if board.invalid:
        err.print(f"[yellow]{escape(t('status-unplaced', count=board.invalid))}[/]")
    if quiet:
        return
    folder = outcome.folder
    out.print(
        f"[green]{escape(t('written'))}[/] "
        + escape(
            t(
                "site-written",
                folder=folder,
                pages=outcome.pages,
                units=len(outcome.site.units),
                tasks=len(outcome.site.tasks),
                index=folder / "index.html",
            )
        )
    )
