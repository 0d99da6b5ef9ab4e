"""The commands for liaisons who fill a workbook or a browser form: import, export, form."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from zzgzn import clock
from zzgzn.cli.base import (
    DataFormat,
    DiagnosticFormat,
    Lang,
    LangOpt,
    RootOpt,
    TodayOpt,
    app,
    default_lang,
    err,
    handle_errors,
    out,
    plan_or_exit,
    print_problems,
)

PANEL = "各单位填报"

_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}


def repo_display(path: Path, root: Path) -> str:
    """A path as validate shows it: relative to the repository root, with forward slashes."""
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        return path.as_posix()
    return rel.as_posix()


def write_output(data: bytes, target: Path) -> None:
    from zzgzn.files import write_atomic

    write_atomic(target, data)
    out.print(f"[green]已生成[/] {escape(str(target))}")


def workbook_target(output: Path | None, name: str) -> Path:
    if output is None:
        return Path(name)
    if output.is_dir() or output.suffix.lower() != ".xlsx":
        return output / name
    return output


@app.command("import", rich_help_panel=PANEL)
@handle_errors
def import_(
    workbook: Annotated[
        Path,
        typer.Argument(
            help="填好的工作簿（.xlsx），由 zzgzn new --format xlsx 或 zzgzn export 生成。"
        ),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="已有报送文件且内容不同时也改写（列出改了什么）。")
    ] = False,
    fmt: Annotated[
        DataFormat, typer.Option("--format", "-f", help="问题的输出格式：text 或 json。")
    ] = DataFormat.text,
    root: RootOpt = Path("."),
    lang: LangOpt = None,
    today: TodayOpt = None,
) -> None:
    """把填好的工作簿写成报送文件 submissions/<季度>/<单位代码>.yaml，并按通常的规则校验。

    每个问题都指明工作表和单元格（如 工作表“1.2 完善尊崇措施” C7）。有错误时不写文件；
    已有内容不同的报送文件时不改写，除非加 --force。退出码：0 已写入或内容相同，1 有错误或未改写。
    """
    from zzgzn.intake import findings as report
    from zzgzn.intake.importer import Outcome, import_workbook

    language = (lang or default_lang()).value
    if not workbook.is_file():
        err.print(f"[bold red]错误：[/]找不到工作簿 {escape(str(workbook))}")
        raise typer.Exit(1)
    plan = plan_or_exit(root, lang)
    result = import_workbook(workbook, root, plan, clock.today(today), force=force)
    name = workbook.name
    if fmt is DataFormat.json:
        print(report.json_list(result.findings, name, language))
    else:
        for p in result.findings:
            first, *rest = report.text([p], name, language).splitlines()
            out.print(escape(first), style=_STYLE[p.problem.severity.value], soft_wrap=True)
            for line in rest:
                out.print(escape(line), style="dim", soft_wrap=True)
    target = escape(result.target)
    if result.outcome is Outcome.INVALID:
        err.print("[red]✗ 未写入报送文件[/]：请在工作簿中改正上面的错误后重新导入。")
        raise typer.Exit(1)
    if result.outcome is Outcome.UNCHANGED:
        out.print(f"[green]✓[/] {target} 已是这些内容，未改动")
        return
    if result.changes:
        title = "已改写" if result.outcome is Outcome.WRITTEN else "已有内容不同的文件"
        out.print(f"{title} {target}，与原文件相比：")
        for line in result.changes:
            out.print(f"  - {escape(line)}", soft_wrap=True)
    if result.outcome is Outcome.REFUSED:
        err.print("[red]✗ 未改写[/]：确认以工作簿为准时加 --force 重新运行。")
        raise typer.Exit(1)
    out.print(f"[green]已生成[/] {target}（已通过校验）")
    out.print("下一步：提交这个文件（拉取请求），或交给处室。")


@app.command(rich_help_panel=PANEL)
@handle_errors
def export(
    path: Annotated[Path, typer.Argument(help="报送文件，如 submissions/2020Q2/hexi.yaml。")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="导出格式：xlsx（工作簿）。")] = "xlsx",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="输出文件或文件夹（默认当前文件夹的 单位代码-季度.xlsx）。"
        ),
    ] = None,
    root: RootOpt = Path("."),
    lang: LangOpt = None,
    today: TodayOpt = None,
) -> None:
    """把报送文件导出为填好内容的工作簿，可在 WPS/Excel 中修改后用 zzgzn import 导回。"""
    from zzgzn.intake.export import filled_workbook

    if fmt != "xlsx":
        err.print(f"[bold red]错误：[/]不支持的格式“{escape(fmt)}”；可用：xlsx")
        raise typer.Exit(2)
    plan = plan_or_exit(root, lang)
    name, data, problems = filled_workbook(plan, path, repo_display(path, root), clock.today(today))
    if data is None:
        print_problems(problems, DiagnosticFormat.text, lang or default_lang())
        err.print("[red]✗ 文件未通过校验，未导出[/]：先按提示改正（zzgzn validate）。")
        raise typer.Exit(1)
    write_output(data, workbook_target(output, name))


def new_workbook(what: str, unit: str, output: Path | None, root: Path, lang: Lang | None) -> None:
    """zzgzn new … --format xlsx."""
    from zzgzn.intake.export import blank_workbook, workbook_name

    plan = plan_or_exit(root, lang)
    quarter, data = blank_workbook(plan, what, unit)
    target = workbook_target(output, workbook_name(unit, quarter))
    if target.exists():
        err.print(
            f"[bold red]错误：[/]{escape(str(target))} 已存在，未覆盖。需要重写请先删除或改名。"
        )
        raise typer.Exit(2)
    write_output(data, target)
    out.print(f"填好后运行：zzgzn import {escape(os.fspath(target))}")


@app.command(rich_help_panel=PANEL)
@handle_errors
def form(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="输出文件夹（默认 site/fill/）。", file_okay=False),
    ] = None,
    quarter: Annotated[
        str | None, typer.Option("--quarter", "-q", help="季度（默认：截止日期未过的第一个季度）。")
    ] = None,
    unit: Annotated[
        list[str] | None, typer.Option("--unit", "-u", help="只生成这些单位的页面（可写多次）。")
    ] = None,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
) -> None:
    """生成浏览器填报页 site/fill/<单位代码>.html：不装软件、不用 git，在浏览器里填写，

    生成 zzgzn validate 可直接通过的报送文件（复制、下载，或在 GitHub/Gitea/GitLab 上直接新建）。
    """
    from zzgzn.intake.form import FORM_DIR, write_forms

    plan = plan_or_exit(root)
    written = write_forms(plan, output or root / FORM_DIR, clock.today(today), quarter, unit)
    out.print(
        f"[green]已生成[/] {len(written)} 个填报页，在 {escape(str(output or root / FORM_DIR))}"
    )
