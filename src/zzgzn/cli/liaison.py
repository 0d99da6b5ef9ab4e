"""The liaison's commands: new, fix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from zzgzn import clock
from zzgzn.cli.base import (
    DataFormat,
    QuietOpt,
    RootOpt,
    TodayOpt,
    app,
    complete_quarter_or_document,
    complete_unit,
    current_lang,
    err,
    handle_errors,
    out,
    plan_or_exit,
    shown,
    t,
)
from zzgzn.diagnostics.ui import Said

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
            autocompletion=complete_quarter_or_document,
        ),
    ],
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", "-u", help="单位代码，见 zzgzn plan。", autocompletion=complete_unit
        ),
    ] = None,
    editorial: Annotated[
        bool,
        typer.Option(
            "--editorial",
            help="处室用：生成该季度报告的编审文件 editorial/<季度>.yaml（附本季度情况供参考）。",
        ),
    ] = False,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="yaml（默认，写入 submissions/）或 xlsx（WPS/Excel 填报表）。"
        ),
    ] = "yaml",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="xlsx 的输出文件或文件夹（默认 单位代码-季度.xlsx）。"),
    ] = None,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
) -> None:
    """生成本单位的报送文件模板：季度报送只列本单位负责的任务（区局列出全部任务），
    或工作方案、评估总结等材料；--editorial 生成处室的季度编审文件；--format xlsx 生成同样内容的
    WPS/Excel 填报表。"""
    from zzgzn.workflow.scaffold import write_editorial, write_scaffold

    if editorial:
        target = write_editorial(root, what, clock.today(today))
        out.print(f"[green]{escape(t('written'))}[/] {escape(str(target))}")
        out.print(escape(t("editorial-next", path=target)))
        return
    if unit is None:
        err.print(f"[red]{escape(t('new-needs-unit'))}[/]")
        raise typer.Exit(2)
    if fmt == "xlsx":
        from zzgzn.cli.intake import new_workbook

        new_workbook(what, unit, output, root, None)
        return
    if fmt != "yaml":
        from zzgzn.cli.base import fail
        from zzgzn.errors import UsageError

        fail(UsageError("format-unknown", formats=fmt, choices="yaml、xlsx"))

    plan = plan_or_exit(root)
    target = write_scaffold(plan, what, unit, root)
    out.print(f"[green]{escape(t('written'))}[/] {escape(str(target))}")
    out.print(escape(t("new-next", path=target)))


@app.command(rich_help_panel=PANEL)
@handle_errors
def fix(
    paths: Annotated[list[Path], typer.Argument(help="要修复的文件或文件夹。")],
    check: Annotated[
        bool,
        typer.Option("--check", help="只检查不修改：有需要修复的文件时退出码为 1（用于 CI）。"),
    ] = False,
    root: RootOpt = Path("."),
    quiet: QuietOpt = False,
    fmt: Annotated[
        DataFormat,
        typer.Option(
            "--format",
            "-f",
            help="text（默认）或 json：每个需要修复的文件的路径、改动和差异（--check 时不写回）。",
        ),
    ] = DataFormat.text,
) -> None:
    """自动修复常见问题：GBK/UTF-16/BOM 编码、CRLF、Tab 缩进、全角数字、日期和季度的写法。

    保留注释和字段顺序；先写临时文件再替换，不会损坏原文件。
    """
    from zzgzn.files import write_atomic
    from zzgzn.workflow.fixer import fix_paths

    needs, broken = 0, 0
    found: list[dict[str, object]] = []
    lang = current_lang().value
    for path, result in fix_paths(paths, root):
        if result.error:
            broken += 1
            found.append(_unfixable(result.path, result.error, lang))
            if fmt is DataFormat.text:
                _print_unfixable(result.path, result.error, lang)
            continue
        if not result.changed:
            continue
        needs += 1
        if not check and result.data is not None:
            write_atomic(path, result.data)
        changes = [change.message(lang) for change in result.changes]
        found.append(
            {"path": result.path, "changes": changes, "diff": result.diff(), "fixed": not check}
        )
        if fmt is DataFormat.json or quiet:
            continue
        out.print(
            f"[yellow]{shown(result.path)}[/] {escape(t('fix-needed' if check else 'fix-done'))}"
        )
        for change in changes:
            out.print(f"  - {shown(change)}")
        if check and (diff := result.diff()):
            out.print(escape(diff), style="dim", soft_wrap=True)
    if fmt is DataFormat.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
    elif not needs and not broken and not quiet:
        out.print(f"[green]✓ {escape(t('fix-nothing'))}[/]")
    if broken or (check and needs):
        raise typer.Exit(1)


def _unfixable(path: str, error: Said, lang: str) -> dict[str, object]:
    where = error.problem
    line, column = (where.line, where.column) if where is not None else (0, 0)
    return {"path": path, "line": line, "column": column, "error": error.message(lang)}


def _print_unfixable(path: str, error: Said, lang: str) -> None:
    where = error.problem
    place = f"{path}:{where.line}:{where.column}" if where is not None and where.line else path
    err.print(f"[red]{shown(place)}[/]: {shown(error.message(lang))}", soft_wrap=True)
    if where is not None and where.line:
        err.print(f"    {shown(t('fix-cannot-hint'))}", style="dim", soft_wrap=True)
