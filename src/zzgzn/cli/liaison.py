"""The liaison's commands: new, fix."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from zzgzn.cli.base import (
    RootOpt,
    app,
    err,
    handle_errors,
    out,
    plan_or_exit,
)

PANEL = "各单位填报"


@app.command(rich_help_panel=PANEL)
@handle_errors
def new(
    what: Annotated[
        str,
        typer.Argument(
            metavar="季度或材料",
            help="季度（2020Q2、Q2 等），或方案要求的材料：work-plan（工作方案）、"
            "evaluation（评估总结），见 plan/obligations.yaml。",
        ),
    ],
    unit: Annotated[str, typer.Option("--unit", "-u", help="单位代码，见 zzgzn plan。")],
    root: RootOpt = Path("."),
) -> None:
    """生成本单位的报送文件模板：季度报送只列本单位负责的任务（区局列出全部任务），
    或工作方案、评估总结等材料。"""
    from zzgzn.workflow.scaffold import write_scaffold

    plan = plan_or_exit(root)
    target = write_scaffold(plan, what, unit, root)
    out.print(f"[green]已生成[/] {escape(str(target))}")
    out.print(f"填写后运行：zzgzn validate {escape(str(target))}")


@app.command(rich_help_panel=PANEL)
@handle_errors
def fix(
    paths: Annotated[list[Path], typer.Argument(help="要修复的文件或文件夹。")],
    check: Annotated[
        bool,
        typer.Option("--check", help="只检查不修改：有需要修复的文件时退出码为 1（用于 CI）。"),
    ] = False,
    root: RootOpt = Path("."),
) -> None:
    """自动修复常见问题：GBK/UTF-16/BOM 编码、CRLF、Tab 缩进、全角数字、日期和季度的写法。

    保留注释和字段顺序；先写临时文件再替换，不会损坏原文件。
    """
    from zzgzn.files import write_atomic
    from zzgzn.workflow.fixer import fix_paths

    needs, broken = 0, 0
    for path, result in fix_paths(paths, root):
        if result.error:
            broken += 1
            err.print(f"[red]{escape(result.path)}[/]：{escape(result.error)}")
            continue
        if not result.changed:
            continue
        needs += 1
        verb = "需要修复" if check else "已修复"
        out.print(f"[yellow]{escape(result.path)}[/] {verb}：")
        for change in result.changes:
            out.print(f"  - {escape(change)}")
        if check and (diff := result.diff()):
            out.print(escape(diff), style="dim", soft_wrap=True)
        if not check and result.data is not None:
            write_atomic(path, result.data)
    if not needs and not broken:
        out.print("[green]✓ 没有需要修复的内容[/]")
    if broken or (check and needs):
        raise typer.Exit(1)
