"""The command line: parse options, call the core, print, choose the exit code.

Only this module imports typer and rich. Exit codes: 0 clean, 1 problems found,
2 usage error, 3 internal error (a bug: please report it).

Shared by the command modules: the typer app, consoles, options and error mapping.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from zzgzn import __version__
from zzgzn.diagnostics.problems import Problem, Severity
from zzgzn.errors import ZzgznError

if TYPE_CHECKING:
    from zzgzn.models.plan import Plan

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
NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="不使用缓存（.zzgzn_cache/），每个文件都重新检查。"),
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
    from zzgzn.diagnostics.reporters import REPORTERS

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


def plan_or_exit(root: Path, lang: Lang | None = None) -> Plan:
    from zzgzn.checking.planload import load_plan

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
