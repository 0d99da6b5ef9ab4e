"""Commands that check: validate (also for pull requests), schema, codeowners."""

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
    current_lang,
    err,
    handle_errors,
    out,
    plan_or_exit,
    print_problems,
    progress_bar,
    t,
)

PANEL = "校验（CI）"


@app.command(rich_help_panel=PANEL)
@handle_errors
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="只检查这些文件或文件夹（默认：plan/ 与 submissions/ 全部）。"),
    ] = None,
    fmt: Annotated[
        DiagnosticFormat,
        typer.Option(
            "--format",
            "-f",
            help="输出格式：auto（默认：在 GitHub Actions 中为 github，否则 text）、text、json、"
            "github（工作流注释）。",
        ),
    ] = DiagnosticFormat.auto,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            help="拉取请求检查：只校验相对此版本（如 origin/main）改动的报送，并检查改动范围。",
        ),
    ] = None,
    root: RootOpt = Path("."),
    lang: LangOpt = None,
    today: TodayOpt = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=0, help="并行进程数（默认 0：按本机 CPU 核数；文件多时才启用）。"
        ),
    ] = 0,
    no_cache: NoCacheOpt = False,
    quiet: QuietOpt = False,
    actor: Annotated[
        str | None,
        typer.Option(
            "--actor",
            help="拉取请求的提交者（GitHub 账号，工作流传入 github.actor）：与 units.yaml 中"
            "登记的 github_users 比对，他人修改本单位的文件即报错。",
        ),
    ] = None,
) -> None:
    """校验方案（plan/）和报送文件（submissions/），列出每个问题的位置和修改提示。

    退出码：0 全部通过（可有警告），1 发现错误，2 用法错误。
    """
    from zzgzn.checking.runner import default_jobs
    from zzgzn.checking.validate import validate_repository

    language = lang or current_lang()
    day = clock.today(today)

    with progress_bar(quiet):
        if changed_since:
            from zzgzn.workflow.prcheck import validate_pull_request

            result = validate_pull_request(
                root,
                changed_since,
                day,
                jobs=jobs or default_jobs(),
                use_cache=not no_cache,
                actor=actor,
            )
        else:
            # Only findings are printed: keep no data; answer unchanged files from the cache.
            result = validate_repository(
                root,
                day,
                paths or None,
                jobs=jobs or default_jobs(),
                keep_data=False,
                use_cache=not no_cache,
            )
    print_problems(result.problems, fmt, language)
    if fmt.resolved() is DiagnosticFormat.text and not quiet:
        summary = t(
            "validate-summary",
            files=len(result.files),
            errors=result.errors,
            warnings=result.warnings,
        )
        out.print(("[green]✓ [/]" if result.ok else "[red]✗ [/]") + escape(summary))
    if not result.ok:
        raise typer.Exit(1)


@app.command(rich_help_panel=PANEL)
@handle_errors
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="输出文件夹（默认 schemas/）。")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="只检查 schemas/ 是否与方案一致（用于 CI）。")
    ] = False,
    root: RootOpt = Path("."),
) -> None:
    """生成方案和报送文件的 JSON Schema，供 VS Code 等编辑器自动补全和检查。"""
    from zzgzn.files import write_atomic
    from zzgzn.workflow.schemaexport import SCHEMA_DIR, stale
    from zzgzn.workflow.schemaexport import render as render_schemas

    plan = plan_or_exit(root)
    folder = output or root / SCHEMA_DIR
    if check:
        outdated = stale(plan, folder)
        for name in outdated:
            err.print(
                f"[red]{escape(t('schema-stale', path=folder / name))}[/]"
                + escape(t("schema-stale-hint"))
            )
        if outdated:
            raise typer.Exit(1)
        out.print(f"[green]✓ {escape(t('schema-current'))}[/]")
        return
    for name, text in render_schemas(plan).items():
        write_atomic(folder / name, text.encode("utf-8"))
        out.print(f"[green]{escape(t('written'))}[/] {escape(str(folder / name))}")


@app.command("codeowners", rich_help_panel=PANEL)
@handle_errors
def write_codeowners(
    check: Annotated[
        bool,
        typer.Option("--check", help="只检查 .github/CODEOWNERS 是否与单位名录一致（用于 CI）。"),
    ] = False,
    root: RootOpt = Path("."),
) -> None:
    """按单位名录（units.yaml 的 github）生成 .github/CODEOWNERS：报送须经本单位审核。"""
    from zzgzn.files import write_atomic
    from zzgzn.workflow.codeowners import CODEOWNERS_PATH, codeowners

    plan = plan_or_exit(root)
    target = root / CODEOWNERS_PATH
    text = codeowners(plan)
    if check:
        current = target.read_text("utf-8") if target.is_file() else None
        if current != text:
            err.print(
                f"[red]{escape(t('codeowners-stale', path=target))}[/]"
                + escape(t("codeowners-stale-hint"))
            )
            raise typer.Exit(1)
        out.print(f"[green]✓ {escape(t('codeowners-current'))}[/]")
        return
    write_atomic(target, text.encode("utf-8"))
    out.print(f"[green]{escape(t('written'))}[/] {escape(str(target))}")
