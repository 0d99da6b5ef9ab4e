"""The command line: parse options, call the core, print, choose the exit code.

Only this module imports typer and rich. Exit codes: 0 clean, 1 problems found,
2 usage error, 3 internal error (a bug: please report it).
"""

from __future__ import annotations

import functools
import json
import os
import sys
import traceback
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from zzgzn import __version__, clock
from zzgzn.codeowners import CODEOWNERS_PATH, codeowners
from zzgzn.deadlines import all_deadlines
from zzgzn.errors import ZzgznError
from zzgzn.files import write_atomic
from zzgzn.fixer import fix_path
from zzgzn.jsonschema import SCHEMA_DIR, stale
from zzgzn.jsonschema import render as render_schemas
from zzgzn.models.plan import Plan
from zzgzn.planload import load_plan
from zzgzn.planview import plan_as_dict, unit_roles
from zzgzn.prcheck import change_problems, changed_files, changed_submission_paths
from zzgzn.problems import Problem, Severity
from zzgzn.quarters import parse_quarter
from zzgzn.report.docx import markdown_to_docx
from zzgzn.report.job import run_report
from zzgzn.report.markdown import copy_template, list_templates
from zzgzn.report.summaryjob import casebook, run_summary
from zzgzn.reporters import REPORTERS
from zzgzn.scaffold import write_scaffold
from zzgzn.statusboard import reminder, status_board
from zzgzn.validate import validate_repository

app = typer.Typer(
    name="zzgzn",
    help="把实施方案变成可校验的 YAML，汇总各单位季度报送，生成公文格式的进展报告。",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

F = TypeVar("F", bound=Callable[..., Any])


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class DiagnosticFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class DataFormat(StrEnum):
    text = "text"
    json = "json"


def default_lang() -> Lang:
    """Chinese unless $ZZGZN_LANG or the locale asks for English."""
    for var in ("ZZGZN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return Lang.en if value.lower().startswith("en") else Lang.zh
    return Lang.zh


RootOpt = Annotated[
    Path, typer.Option("--root", help="仓库根目录（含 plan/ 与 submissions/）。", file_okay=False)
]
LangOpt = Annotated[Lang | None, typer.Option("--lang", help="诊断信息语言：zh（默认）或 en。")]
TodayOpt = Annotated[
    str | None, typer.Option("--today", help="把“今天”设为此日期（也可用环境变量 ZZGZN_TODAY）。")
]


def handle_errors(func: F) -> F:
    """Map ZzgznError to its message and exit code; anything else is a bug (exit 3)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except ZzgznError as exc:
            err.print(f"[bold red]错误：[/]{escape(str(exc))}")
            raise typer.Exit(exc.exit_code) from None
        except Exception:  # a bug, not bad input: say so and how to report it
            err.print(escape(traceback.format_exc()))
            err.print(
                "[bold red]zzgzn 内部错误（这是程序缺陷，不是您的输入有误）。[/]"
                "请把以上内容和所用命令发给维护人员。"
            )
            raise typer.Exit(3) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        out.print(f"zzgzn {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本后退出。")
    ] = False,
) -> None:
    """zzgzn：实施方案的季度进展跟踪工具（方案见 plan/，报送见 submissions/）。"""


_STYLES = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def print_problems(problems: list[Problem], fmt: DiagnosticFormat, lang: Lang) -> None:
    reporter = REPORTERS[fmt.value]
    if fmt is not DiagnosticFormat.text:
        if problems or fmt is DiagnosticFormat.json:
            print(reporter(problems, lang.value))
        return
    for p in problems:
        first, *rest = reporter([p], lang.value).splitlines()
        out.print(escape(first), style=_STYLES[p.severity], soft_wrap=True)
        for line in rest:
            out.print(escape(line), style="dim", soft_wrap=True)


@app.command()
@handle_errors
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="只检查这些文件或文件夹（默认：plan/ 与 submissions/ 全部）。"),
    ] = None,
    fmt: Annotated[
        DiagnosticFormat,
        typer.Option("--format", "-f", help="输出格式：text、json 或 github（工作流注释）。"),
    ] = DiagnosticFormat.text,
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
) -> None:
    """校验方案（plan/）和报送文件（submissions/），列出每个问题的位置和修改提示。

    退出码：0 全部通过（可有警告），1 发现错误，2 用法错误。
    """
    language = lang or default_lang()
    day = clock.today(today)
    extra: list[Problem] = []
    if changed_since:
        loaded = load_plan(root)
        changes = changed_files(root, changed_since)
        if loaded.plan is not None:
            extra = change_problems(loaded.plan, changes, day)
        paths = changed_submission_paths(root, changes)
        if not paths:  # nothing to read but the plan: check it alone
            result = validate_repository(root, day, with_submissions=False)
        else:
            result = validate_repository(root, day, paths)
    else:
        result = validate_repository(root, day, paths or None)
    result.problems = sorted([*result.problems, *extra])
    print_problems(result.problems, fmt, language)
    if fmt is DiagnosticFormat.text:
        files = len(result.files)
        if language is Lang.en:
            summary = (
                f"{files} submission file(s) checked: "
                f"{result.errors} error(s), {result.warnings} warning(s)"
            )
        else:
            summary = f"检查了 {files} 个报送文件：{result.errors} 个错误，{result.warnings} 个警告"
        out.print(("[green]✓ [/]" if result.ok else "[red]✗ [/]") + escape(summary))
    if not result.ok:
        raise typer.Exit(1)


@app.command("plan")
@handle_errors
def show_plan(
    fmt: Annotated[
        DataFormat, typer.Option("--format", "-f", help="text（树状）或 json。")
    ] = DataFormat.text,
    root: RootOpt = Path("."),
    lang: LangOpt = None,
) -> None:
    """显示方案：各部分、任务及牵头和配合单位。"""
    plan = _plan_or_exit(root, lang)
    if fmt is DataFormat.json:
        print(json.dumps(plan_as_dict(plan), ensure_ascii=False, indent=2))
        return
    tree = Tree(f"[bold]{escape(plan.meta.title)}[/]（{escape(plan.meta.version)}）")
    for section in plan.sections:
        branch = tree.add(f"[bold]{escape(section.marker + section.title)}[/]")
        for task in section.tasks:
            lead, others = unit_roles(plan, task.id)
            node = branch.add(f"{task.id} {escape(task.title)}")
            node.add(
                f"牵头：{escape(lead)}" + (f"；配合：{escape('、'.join(others))}" if others else "")
            )
    out.print(tree)
    rule = plan.schedule.reporting
    out.print(
        f"报送：每季度结束后 {rule.due_working_days} 个工作日内报"
        f" {escape(plan.units[rule.recipient].name)}，共 {len(plan.reporters)} 个单位"
    )


class ReportFormat(StrEnum):
    md = "md"
    docx = "docx"


@app.command()
@handle_errors
def report(
    quarter: Annotated[str, typer.Argument(help="季度：2020Q2、2020-Q2、Q2 或 2020年第二季度。")],
    formats: Annotated[
        list[ReportFormat] | None,
        typer.Option("--format", "-f", help="输出格式，可重复：md、docx（默认两种都生成）。"),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="输出文件或文件夹（默认 reports/）。")
    ] = None,
    allow_invalid: Annotated[
        bool, typer.Option("--allow-invalid", help="跳过未通过校验的文件，并在报告开头列出。")
    ] = False,
    root: RootOpt = Path("."),
    lang: LangOpt = None,
    today: TodayOpt = None,
) -> None:
    """汇总一个季度的报送，生成 Markdown 和公文格式（GB/T 9704-2012）的 Word 报告。"""
    language = lang or default_lang()
    outcome = run_report(
        root,
        quarter,
        clock.today(today),
        formats=[f.value for f in formats] if formats else None,
        output=output,
        allow_invalid=allow_invalid,
    )
    if outcome.blocking:
        print_problems(outcome.blocking, DiagnosticFormat.text, language)
        files = len({p.path for p in outcome.blocking})
        err.print(
            f"[red]✗ {outcome.quarter} 有 {files} 个报送文件未通过校验，未生成报告。[/]"
            "改正后重试，或加 --allow-invalid 跳过这些文件（报告开头会列出）。"
        )
        raise typer.Exit(1)
    r = outcome.report
    assert r is not None
    if r.excluded:
        err.print(f"[yellow]注意：{len(r.excluded)} 个文件未通过校验，已跳过并在报告开头列出：[/]")
        for item in r.excluded:
            err.print(f"  [yellow]{escape(item.path)}[/]")
    out.print(
        f"[bold]{r.quarter.label}[/]（截止 {r.deadline.due}）：应报 {r.due_units}，"
        f"按时 {r.count('on_time')}，逾期 {r.count('late')}，未报 {r.count('missing')}"
        + (f"，未到期 {r.count('not_due')}" if r.count("not_due") else "")
    )
    for path in outcome.written:
        out.print(f"[green]已生成[/] {escape(str(path))}")


class SummaryFormat(StrEnum):
    md = "md"
    docx = "docx"
    xlsx = "xlsx"


@app.command()
@handle_errors
def summary(
    quarters: Annotated[
        str | None, typer.Argument(help="季度范围，如 2020Q2..2020Q4（默认：开始至今的全部季度）。")
    ] = None,
    formats: Annotated[
        list[SummaryFormat] | None,
        typer.Option("--format", "-f", help="md、docx、xlsx，可重复（默认全部）。"),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="输出文件或文件夹（默认 reports/）。")
    ] = None,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
) -> None:
    """评估总结：逐季度进展、停滞任务、方案成果、考核评分、典型案例，附图表和 Excel。"""
    outcome = run_summary(
        root,
        quarters,
        clock.today(today),
        formats=[f.value for f in formats] if formats else None,
        output=output,
    )
    if outcome.skipped:
        err.print(
            f"[yellow]注意：{len(outcome.skipped)} 个报送文件未通过校验，未计入汇总：[/]"
            + "、".join(escape(p.path) for p in outcome.skipped)
        )
    s = outcome.summary
    out.print(
        f"[bold]{s.quarters[0]}—{s.quarters[-1]}[/]：停滞任务 {len(s.stalled)} 项，"
        f"典型案例 {len(s.cases)} 个，方案成果已完成 {sum(1 for d in s.deliverables if d.done)}"
        f"/{len(s.deliverables)}"
    )
    for path in outcome.written:
        out.print(f"[green]已生成[/] {escape(str(path))}")


@app.command()
@handle_errors
def cases(
    task: Annotated[str | None, typer.Option("--task", "-t", help="只看这项任务，如 1.2。")] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", "-u", help="只看这个单位（单位代码）。")
    ] = None,
    quarter: Annotated[str | None, typer.Option("--quarter", "-q", help="只看这个季度。")] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="写入文件：.md 或 .docx（公文格式）；默认显示在屏幕上。"
        ),
    ] = None,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
) -> None:
    """典型案例汇编：各季度报送的典型案例和经验做法，注明单位、季度和任务。"""
    day = clock.today(today)
    _, found, markdown = casebook(root, day, task=task, unit=unit, quarter=quarter)
    if output is None:
        print(markdown, end="")
        return
    data = markdown_to_docx(markdown, day) if output.suffix == ".docx" else markdown.encode("utf-8")
    write_atomic(output, data)
    out.print(f"[green]已生成[/] {escape(str(output))}（{len(found)} 个案例）")


@app.command()
@handle_errors
def deadlines(
    fmt: Annotated[
        DataFormat, typer.Option("--format", "-f", help="text 或 json。")
    ] = DataFormat.text,
    root: RootOpt = Path("."),
) -> None:
    """列出活动期间每个季度的结束日期和报送截止日期（按中国法定工作日计算）。"""
    plan = _plan_or_exit(root)
    items = all_deadlines(plan)
    if fmt is DataFormat.json:
        print(json.dumps([d.as_dict() for d in items], ensure_ascii=False, indent=2))
        return
    table = Table(
        "季度",
        "季度结束",
        "报送截止",
        title=f"报送截止日期（季度结束后 {plan.schedule.reporting.due_working_days} 个工作日）",
    )
    for d in items:
        table.add_row(f"{d.quarter}（{d.quarter.label}）", d.end.isoformat(), d.due.isoformat())
    out.print(table)


@app.command()
@handle_errors
def templates(
    copy: Annotated[
        list[str] | None,
        typer.Option("--copy", help="把内置模板复制到 templates/ 以便修改（可重复）。"),
    ] = None,
    root: RootOpt = Path("."),
) -> None:
    """列出报告模板及当前生效的版本；--copy 把内置模板复制到本仓库 templates/ 中修改。"""
    for name in copy or []:
        target = copy_template(root, name)
        out.print(f"[green]已复制[/] {escape(str(target))}：修改后重新运行 zzgzn report 即生效")
    for name, source in list_templates(root):
        where = "本仓库 templates/（已覆盖内置模板）" if source == "campaign" else "内置"
        out.print(f"{escape(name)}  [dim]{where}[/]")


@app.command()
@handle_errors
def new(
    quarter: Annotated[str, typer.Argument(help="季度：2020Q2、Q2 等。")],
    unit: Annotated[str, typer.Option("--unit", "-u", help="单位代码，见 zzgzn plan。")],
    root: RootOpt = Path("."),
) -> None:
    """生成本单位本季度的报送文件模板：只列本单位负责的任务（区局列出全部任务）。"""
    plan = _plan_or_exit(root)
    target = write_scaffold(plan, parse_quarter(quarter, plan.activity), unit, root)
    out.print(f"[green]已生成[/] {escape(str(target))}")
    out.print(f"填写后运行：zzgzn validate {escape(str(target))}")


@app.command()
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
    needs, broken = 0, 0
    for path in _yaml_files(paths):
        result = fix_path(path, _shown(path, root))
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


@app.command()
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
    plan = _plan_or_exit(root)
    folder = output or root / SCHEMA_DIR
    if check:
        outdated = stale(plan, folder)
        for name in outdated:
            err.print(f"[red]{escape(str(folder / name))} 已过期[/]：运行 zzgzn schema 重新生成")
        if outdated:
            raise typer.Exit(1)
        out.print("[green]✓ JSON Schema 与方案一致[/]")
        return
    for name, text in render_schemas(plan).items():
        write_atomic(folder / name, text.encode("utf-8"))
        out.print(f"[green]已生成[/] {escape(str(folder / name))}")


class NoticeFormat(StrEnum):
    md = "md"
    text = "text"


@app.command()
@handle_errors
def status(
    quarter: Annotated[
        str | None, typer.Argument(help="只看这个季度（默认：活动开始至今的每个季度）。")
    ] = None,
    fmt: Annotated[
        DataFormat, typer.Option("--format", "-f", help="text 或 json。")
    ] = DataFormat.text,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
) -> None:
    """各单位各季度的报送情况：按时、逾期 N 个工作日、未报送、未到期，以及距截止的工作日数。"""
    board = status_board(root, quarter, clock.today(today))
    if fmt is DataFormat.json:
        data = [q.as_dict() for q in board.quarters]
        print(json.dumps(data[0] if quarter else data, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"报送情况（截至 {board.today}）")
    table.add_column("单位", no_wrap=True)
    for q in board.quarters:
        due = q.deadline.due
        table.add_column(f"{q.deadline.quarter}\n截止\n{due.month}月{due.day}日", overflow="fold")
    colours = {"on_time": "green", "late": "yellow", "missing": "red", "not_due": "dim"}
    for unit in board.units:
        cells = []
        for q in board.quarters:
            state = next((s for s in q.states if s.unit.id == unit.id), None)
            cells.append(
                "" if state is None else f"[{colours[state.state.value]}]{escape(state.label)}[/]"
            )
        table.add_row(escape(unit.name), *cells)
    out.print(table)
    upcoming = [q for q in board.quarters if q.working_days_left is not None]
    if upcoming:  # the next deadline is the one to chase
        q = upcoming[0]
        waiting = sum(s.state.value == "not_due" and s.required for s in q.states)
        out.print(
            f"{q.deadline.quarter} 报送截止 {q.deadline.due}，还有 [bold]{q.working_days_left}[/] "
            f"个工作日；尚未报送 {waiting} 个单位"
        )
    if board.invalid:
        err.print(
            f"[yellow]{board.invalid} 个报送文件未通过校验，未计入（运行 zzgzn validate 查看）[/]"
        )


@app.command()
@handle_errors
def remind(
    quarter: Annotated[str, typer.Argument(help="季度：2020Q2、Q2 等。")],
    fmt: Annotated[
        NoticeFormat, typer.Option("--format", "-f", help="md 或 text（纯文本，便于粘贴到消息）。")
    ] = NoticeFormat.text,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
) -> None:
    """生成催报通知：未报送和逾期单位及其联络员、电话，可直接粘贴发送。"""
    day = clock.today(today)
    board = status_board(root, quarter, day)
    print(reminder(board, root, markdown=fmt is NoticeFormat.md), end="")


@app.command("codeowners")
@handle_errors
def write_codeowners(
    check: Annotated[
        bool,
        typer.Option("--check", help="只检查 .github/CODEOWNERS 是否与单位名录一致（用于 CI）。"),
    ] = False,
    root: RootOpt = Path("."),
) -> None:
    """按单位名录（units.yaml 的 github）生成 .github/CODEOWNERS：报送须经本单位审核。"""
    plan = _plan_or_exit(root)
    target = root / CODEOWNERS_PATH
    text = codeowners(plan)
    if check:
        current = target.read_text("utf-8") if target.is_file() else None
        if current != text:
            err.print(
                f"[red]{escape(str(target))} 与单位名录不一致[/]：运行 zzgzn codeowners 重新生成"
            )
            raise typer.Exit(1)
        out.print("[green]✓ CODEOWNERS 与单位名录一致[/]")
        return
    write_atomic(target, text.encode("utf-8"))
    out.print(f"[green]已生成[/] {escape(str(target))}")


def _yaml_files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in (".yaml", ".yml") and p.is_file() and not p.is_symlink()
            )
        else:
            found.append(path)
    return found


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _plan_or_exit(root: Path, lang: Lang | None = None) -> Plan:
    loaded = load_plan(root)
    if loaded.plan is None or not loaded.ok:
        print_problems(loaded.problems, DiagnosticFormat.text, lang or default_lang())
        raise typer.Exit(1)
    return loaded.plan


def main() -> None:
    # A Windows console redirected to a file encodes as GBK, which lacks "✓": never crash on it.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    app()
