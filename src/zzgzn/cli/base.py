"""The command line: parse options, call the core, print, choose the exit code.

Only this module imports typer and rich. Exit codes: 0 clean, 1 problems found,
2 usage error, 3 internal error (a bug: please report it).

Shared by the command modules: the typer app, consoles, options and error mapping.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
import typer.core
from rich.console import Console
from rich.markup import escape

from zzgzn import __version__
from zzgzn.diagnostics.problems import Problem, Severity
from zzgzn.diagnostics.reporters import visible
from zzgzn.diagnostics.ui import render as render_ui
from zzgzn.diagnostics.ui import say
from zzgzn.errors import PlanInvalid, ZzgznError, missing_extra

if TYPE_CHECKING:
    from zzgzn.calendar.periods import Period
    from zzgzn.models.plan import Cadence, Plan, ReportingRule


def _lang_in(args: list[str]) -> Lang:
    """The language a command line asks for, read before click parses it: help is formatted
    while parsing (--help is eager), before any --lang after the command name has a value."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        if value in (Lang.zh.value, Lang.en.value):
            return Lang(value)
    return default_lang()


_TRANSLATED = ("help", "short_help", "rich_help_panel", "metavar")


def _translate_help(command: Any, lang: Lang) -> None:
    """Put the help texts of command, its parameters and subcommands in lang. The Chinese is
    the source (the docstrings and help= in the code); diagnostics/helptext.py has the English."""
    from zzgzn.diagnostics.helptext import HELP_EN

    for obj in (command, *command.params):
        source: dict[str, Any] = obj.__dict__.setdefault("_zzgzn_zh", {})
        for name in _TRANSLATED:
            if name not in source:
                source[name] = getattr(obj, name, None)
            text = source[name]
            if isinstance(text, str):
                setattr(obj, name, HELP_EN.get(text, text) if lang is Lang.en else text)
    for sub in getattr(command, "commands", {}).values():
        _translate_help(sub, lang)


class _App(typer.core.TyperGroup):
    """The root command: its help, and every command's, in the language of this run."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _translate_help(self, _lang_in(args))
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_App,
    name="zzgzn",
    help="把实施方案变成可校验的 YAML，汇总各单位季度报送，生成公文格式的进展报告。",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

F = TypeVar("F", bound=Callable[..., Any])


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class DiagnosticFormat(StrEnum):
    auto = "auto"  # github annotations under GitHub Actions, text otherwise (as yamllint)
    text = "text"
    json = "json"
    github = "github"

    def resolved(self) -> DiagnosticFormat:
        if self is not DiagnosticFormat.auto:
            return self
        on_github = os.environ.get("GITHUB_ACTIONS") == "true"
        return DiagnosticFormat.github if on_github else DiagnosticFormat.text


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


def _campaign_root(ctx: typer.Context, value: Path) -> Path:
    """--root, or the folder above the working directory that holds plan/ (as git does)."""
    from zzgzn.checking.discovery import find_root

    if ctx.resilient_parsing:  # completing a word in the shell: never an error there
        return value

    try:
        return find_root(value)
    except ZzgznError as exc:
        fail(exc)


RootOpt = Annotated[
    Path,
    typer.Option(
        "--root",
        help="仓库根目录（含 plan/ 与 submissions/）；默认从当前文件夹向上查找。",
        file_okay=False,
        callback=_campaign_root,
    ),
]
LangOpt = Annotated[Lang | None, typer.Option("--lang", help="所有输出的语言：zh（默认）或 en。")]
TodayOpt = Annotated[
    str | None, typer.Option("--today", help="把“今天”设为此日期（也可用环境变量 ZZGZN_TODAY）。")
]
QuietOpt = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="只输出问题和错误：不显示进度条、统计和“已生成”等提示。"),
]

PrintedOpt = Annotated[
    DataFormat,
    typer.Option(
        "--output-format",
        help="终端上输出什么：text（默认，给人看）或 json（生成结果的摘要，给程序用）。",
    ),
]

# Fewer files than this are checked before a bar could be read: none is drawn.
PROGRESS_FROM = 200


class _Bar:
    """A rich progress bar on stderr for one stage at a time (the core's Progress)."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None

    def begin(self, stage: str, total: int) -> None:
        self.end()
        if total < PROGRESS_FROM:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        self._bar = Progress(
            "{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task(t(f"progress-{stage}"), total=total)

    def advance(self, steps: int = 1) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, steps)

    def end(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


@contextlib.contextmanager
def progress_bar(quiet: bool = False) -> Iterator[None]:
    """Show the core's progress on stderr, unless quiet or stderr is not a terminal."""
    if quiet or not err.is_terminal:
        yield
        return
    from zzgzn.progress import reporting

    with reporting(_Bar()):
        yield


NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="不使用缓存（.zzgzn_cache/），每个文件都重新检查。"),
]


def _completion_plan() -> Plan | None:
    """The plan of the campaign around the working directory, for shell completion."""
    from zzgzn.checking.discovery import find_root
    from zzgzn.checking.planload import load_plan

    try:
        return load_plan(find_root(Path("."))).plan
    except Exception:  # completion must never fail in the user's shell
        return None


def _matching(names: list[str], incomplete: str) -> list[str]:
    return [n for n in names if n.lower().startswith(incomplete.lower())]


def complete_quarter(incomplete: str) -> list[str]:
    """The campaign's quarters, 2020Q1 … 2021Q1."""
    from zzgzn.calendar.periods import campaign_periods

    plan = _completion_plan()
    return _matching([str(q) for q in campaign_periods(plan)], incomplete) if plan else []


def complete_quarter_or_document(incomplete: str) -> list[str]:
    """Quarters, and the documents the plan's obligations ask for (work-plan, evaluation)."""
    plan = _completion_plan()
    if plan is None:
        return []
    return complete_quarter(incomplete) + _matching(sorted(plan.document_kinds), incomplete)


def complete_unit(incomplete: str) -> list[tuple[str, str]]:
    """Unit codes, each with its name (shells that show help show the name)."""
    plan = _completion_plan()
    if plan is None:
        return []
    return [(u.id, u.name) for u in plan.registry.units if u.id.startswith(incomplete)]


def handle_errors(func: F) -> F:
    """Map ZzgznError to its message and exit code; anything else is a bug (exit 3).

    Also fixes the language of everything the command says: its --lang, else the default.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        chosen = kwargs.get("lang")
        if isinstance(chosen, Lang):
            set_lang(chosen)
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, BrokenPipeError):
            raise
        except ZzgznError as exc:
            fail(exc)
        except ImportError as exc:  # the office extra is not installed: say what to install
            missing = missing_extra(exc)
            if missing is None:
                _internal_error()
            fail(missing)
        except Exception:  # a bug, not bad input: say so and how to report it
            _internal_error()

    return wrapper  # type: ignore[return-value]


def fail(exc: ZzgznError) -> NoReturn:
    """One line: the error in the user's language, then its exit code (a broken plan first
    lists its problems)."""
    if isinstance(exc, PlanInvalid):
        problems = [p for p in exc.problems if isinstance(p, Problem)]
        print_problems(problems, DiagnosticFormat.text, current_lang())
    text = visible(render_ui(exc.code, exc.params, current_lang().value))
    err.print(f"[bold red]{escape(t('error-prefix'))}[/]{escape(text)}", soft_wrap=True)
    raise typer.Exit(exc.exit_code) from None


def _internal_error() -> NoReturn:
    err.print(escape(traceback.format_exc()))
    err.print(f"[bold red]{escape(t('internal-error'))}[/]{escape(t('internal-error-hint'))}")
    raise typer.Exit(3) from None


_LANG: list[Lang] = []  # the language chosen for this run (--lang), once a command starts


def set_lang(lang: Lang) -> None:
    _LANG[:] = [lang]


def current_lang() -> Lang:
    return _LANG[0] if _LANG else default_lang()


def t(key: str, /, **params: object) -> str:
    """The catalogue's wording for key, in the run's language."""
    return say(key, current_lang().value, **params)


def period_words(cadence: Cadence) -> dict[str, str]:
    """The campaign's kind of period as a heading in both languages: 季度 / Quarter …"""
    from zzgzn.calendar.periods import KIND_WORDS

    zh, en = KIND_WORDS[cadence]
    return {"kind": zh, "kind@en": en.capitalize()}


def rule_words(rule: ReportingRule) -> dict[str, str]:
    """The reporting rule in words, in both languages (每季度结束后5个工作日内 …)."""
    from zzgzn.calendar.deadlines import describe_rule

    return {
        "rule": describe_rule(rule, bracketed=True),
        "rule@en": describe_rule(rule, "en", bracketed=True),
    }


def this_words(period: Period) -> dict[str, str]:
    """本季度 / this quarter, 本月 / this month …"""
    from zzgzn.calendar.periods import KIND_WORDS

    return {"this": period.this, "this@en": f"this {KIND_WORDS[period.kind][1]}"}


def _version(value: bool) -> None:
    if value:
        out.print(f"zzgzn {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本后退出。")
    ] = False,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help="所有输出的语言：zh（默认）或 en；也可用环境变量 ZZGZN_LANG 或英文 locale。",
        ),
    ] = None,
) -> None:
    """zzgzn：实施方案的季度进展跟踪工具（方案见 plan/，报送见 submissions/）。"""
    set_lang(lang or default_lang())  # every run decides afresh (tests run many in one process)


def shown(text: str) -> str:
    """Text from a file or a file name, fit to print: no markup, no control characters."""
    from zzgzn.diagnostics.reporters import visible

    return escape(visible(text))


_STYLES = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def print_problems(problems: list[Problem], fmt: DiagnosticFormat, lang: Lang) -> None:
    from zzgzn.diagnostics.reporters import REPORTERS

    fmt = fmt.resolved()
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
        print_problems(loaded.problems, DiagnosticFormat.text, lang or current_lang())
        raise typer.Exit(1)
    return loaded.plan


def main() -> None:
    # A Windows console redirected to a file encodes as GBK, which lacks "✓": never crash on it.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        app()
    except BrokenPipeError:
        closed_pipe()


def closed_pipe() -> NoReturn:
    """The reader went away (`zzgzn validate -f json | head -1`): stop quietly with exit 1, as
    click and rich do for the same case, and keep Python from complaining as it exits."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(1)
