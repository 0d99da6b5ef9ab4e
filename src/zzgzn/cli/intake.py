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
    current_lang,
    err,
    fail,
    handle_errors,
    out,
    plan_or_exit,
    print_problems,
    t,
)
from zzgzn.errors import UsageError, ZzgznError

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
    out.print(f"[green]✓[/] {escape(t('generated', path=target))}")


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

    language = (lang or current_lang()).value
    if not workbook.is_file():
        fail(ZzgznError("workbook-not-found", path=workbook))
    plan = plan_or_exit(root, lang)
    result = import_workbook(workbook, root, plan, clock.today(today), force=force)
    name = workbook.name
    if fmt is DataFormat.json:  # for programs: the findings only; the exit code says the rest
        print(report.json_list(result.findings, name, language))
        raise typer.Exit(0 if result.ok else 1)
    else:
        for p in result.findings:
            first, *rest = report.text([p], name, language).splitlines()
            out.print(escape(first), style=_STYLE[p.problem.severity.value], soft_wrap=True)
            for line in rest:
                out.print(escape(line), style="dim", soft_wrap=True)
    if result.outcome is Outcome.INVALID:
        err.print(escape(t("import-not-written")), style="red")
        raise typer.Exit(1)
    if result.outcome is Outcome.UNCHANGED:
        out.print(escape(t("import-unchanged", path=result.target)), style="green")
        return
    if result.changes:
        key = "import-replaced" if result.outcome is Outcome.WRITTEN else "import-differs"
        out.print(escape(t(key, path=result.target)))
        for line in result.changes:
            out.print(f"  - {escape(line)}", soft_wrap=True)
    if result.outcome is Outcome.REFUSED:
        err.print(escape(t("import-refused")), style="red")
        raise typer.Exit(1)
    out.print(escape(t("import-written", path=result.target)), style="green")
    out.print(escape(t("import-next")))


@app.command(rich_help_panel=PANEL)
@handle_errors
def export(
    path: Annotated[Path, typer.Argument(help="报送文件，如 submissions/2020Q2/<单位代码>.yaml。")],
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
        fail(UsageError("format-unknown", formats=fmt, choices="xlsx"))
    plan = plan_or_exit(root, lang)
    name, data, problems = filled_workbook(plan, path, repo_display(path, root), clock.today(today))
    if data is None:
        print_problems(problems, DiagnosticFormat.text, lang or current_lang())
        err.print(escape(t("export-invalid")), style="red")
        raise typer.Exit(1)
    write_output(data, workbook_target(output, name))


def new_workbook(what: str, unit: str, output: Path | None, root: Path, lang: Lang | None) -> None:
    """zzgzn new … --format xlsx."""
    from zzgzn.intake.export import blank_workbook, workbook_name

    plan = plan_or_exit(root, lang)
    quarter, data = blank_workbook(plan, what, unit)
    target = workbook_target(output, workbook_name(unit, quarter))
    if target.exists():
        fail(UsageError("workbook-exists", path=target))
    write_output(data, target)
    out.print(escape(t("workbook-next", path=os.fspath(target))))


@app.command(rich_help_panel=PANEL)
@handle_errors
def form(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="输出文件夹（默认 site/fill/）。", file_okay=False),
    ] = None,
    quarter: Annotated[
        str | None, typer.Option("--quarter", help="季度（默认：截止日期未过的第一个季度）。")
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
    folder = output or root / FORM_DIR
    out.print(f"[green]✓[/] {escape(t('forms-written', count=len(written), path=folder))}")
