"""`zzgzn site`: the campaign as a static web site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from zzgzn import clock
from zzgzn.cli.base import NoCacheOpt, RootOpt, TodayOpt, app, err, handle_errors, out

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
) -> None:
    """生成静态网站：各单位各季度报送情况表、每个单位和每项任务一页、报告链接；不需联网，
    可直接用浏览器打开 site/index.html，或放到内网服务器、GitHub Pages 上。"""
    from zzgzn.site.build import build_site

    outcome = build_site(root, clock.today(today), output=output, use_cache=not no_cache)
    board = outcome.site.board
    if board.invalid:
        err.print(
            f"[yellow]另有 {board.invalid} 个报送文件未通过校验、无法对应到表中的单位和季度"
            "（运行 zzgzn validate 查看）[/]"
        )
    out.print(
        f"[green]已生成[/] {escape(str(outcome.folder))}：{outcome.pages} 个页面"
        f"（{len(outcome.site.units)} 个单位、{len(outcome.site.tasks)} 项任务），"
        f"打开 {escape(str(outcome.folder / 'index.html'))}"
    )
