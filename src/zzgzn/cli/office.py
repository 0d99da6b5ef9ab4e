"""The office's commands: status, remind, deadlines, plan."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from zzgzn import clock
from zzgzn.cli.base import (
    DataFormat,
    Lang,
    LangOpt,
    NoCacheOpt,
    RootOpt,
    TodayOpt,
    app,
    complete_quarter,
    current_lang,
    err,
    handle_errors,
    out,
    period_words,
    plan_or_exit,
    progress_bar,
    rule_words,
    t,
)

if TYPE_CHECKING:
    from zzgzn.tracking.obligations import Fulfilment
    from zzgzn.tracking.statusboard import Board
    from zzgzn.tracking.timeliness import UnitState

PANEL = "跟踪与催报"


class NoticeFormat(StrEnum):
    md = "md"
    text = "text"
    json = "json"


@app.command(rich_help_panel=PANEL)
@handle_errors
def status(
    quarter: Annotated[
        str | None,
        typer.Argument(
            help="只看这个季度（默认：活动开始至今的每个季度）。", autocompletion=complete_quarter
        ),
    ] = None,
    fmt: Annotated[
        DataFormat, typer.Option("--format", "-f", help="text 或 json。")
    ] = DataFormat.text,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """各单位各季度的报送情况（按时、逾期 N 个工作日、未报送、未到期、未审核）和距截止的工作日数，
    以及其他工作要求：联络员、工作方案、典型案例、评估总结。"""
    from zzgzn.tracking.statusboard import status_board
    from zzgzn.tracking.timeliness import State

    with progress_bar():
        board = status_board(root, quarter, clock.today(today), use_cache=not no_cache)
    if fmt is DataFormat.json:
        data = [q.as_dict(current_lang().value) for q in board.quarters]
        print(json.dumps(data[0] if quarter else data, ensure_ascii=False, indent=2))
        return
    table = Table(title=t("status-title", today=board.today))
    table.add_column(t("unit-column"), no_wrap=True)
    for q in board.quarters:
        due = q.deadline.due
        heading = t("status-column", quarter=q.deadline.quarter, month=due.month, day=due.day)
        table.add_column(heading, overflow="fold")
    colours = {
        "on_time": "green",
        "late": "yellow",
        "invalid": "magenta",
        "missing": "red",
        "not_due": "dim",
    }
    # looked up, not searched: a national board is 3,000 units by 5 quarters
    by_unit = [{s.unit.id: s for s in q.states} for q in board.quarters]
    for unit in board.units:
        cells = []
        for states in by_unit:
            state = states.get(unit.id)
            cells.append(
                "" if state is None else f"[{colours[state.state.value]}]{escape(_label(state))}[/]"
            )
        table.add_row(escape(unit.name), *cells)
    out.print(table)
    upcoming = [q for q in board.quarters if q.working_days_left is not None]
    if upcoming:  # the next deadline is the one to chase
        q = upcoming[0]
        waiting = sum(s.state is State.NOT_DUE and s.required for s in q.states)
        line = t(
            "status-countdown",
            quarter=q.deadline.quarter,
            due=q.deadline.due,
            days=q.working_days_left,
            waiting=waiting,
        )
        out.print(escape(line))
    if board.obligations:
        out.print(_obligations_table(board))
    if board.invalid:
        err.print(f"[yellow]{escape(t('status-unplaced', count=board.invalid))}[/]")


def _label(state: UnitState) -> str:
    """The cell of the board: the core's Chinese label, or the catalogue's words for it."""
    if current_lang() is Lang.zh:
        return state.label
    text = t(f"state-{state.state.value}", days=state.working_days_late)
    return text if state.final else text + t("not-approved")


def _obligations_table(board: Board) -> Table:
    """Unit × obligation: liaison named, work plan, cases, evaluation summary."""
    table = Table(title=t("obligations-title", today=board.today))
    table.add_column(t("unit-column"), no_wrap=True)
    for o in board.obligations:
        table.add_column(
            escape(t("obligation-column", name=o.obligation.name, due=o.due)), overflow="fold"
        )
    colours = {"on_time": "green", "late": "yellow", "missing": "red", "not_due": "dim"}
    owing = {r.unit.id: r.unit for o in board.obligations for r in o.rows}
    by_unit = [{r.unit.id: r for r in o.rows} for o in board.obligations]
    for unit in [u for u in board.plan.registry.units if u.id in owing]:
        cells = []
        for rows in by_unit:
            row = rows.get(unit.id)
            cells.append(
                "—" if row is None else f"[{colours[row.state.value]}]{escape(_duty_label(row))}[/]"
            )
        table.add_row(escape(unit.name), *cells)
    return table


def _duty_label(row: Fulfilment) -> str:
    if current_lang() is Lang.zh:
        return row.label
    text = t(f"duty-{row.state.value}", days=row.working_days_late)
    return text if row.final else text + t("not-approved")


@app.command(rich_help_panel=PANEL)
@handle_errors
def remind(
    quarter: Annotated[
        str, typer.Argument(help="季度：2020Q2、Q2 等。", autocompletion=complete_quarter)
    ],
    fmt: Annotated[
        NoticeFormat,
        typer.Option(
            "--format",
            "-f",
            help="text（纯文本，便于粘贴到消息）、md，"
            "或 json（要催的单位、联络员和电话，给程序用）。",
        ),
    ] = NoticeFormat.text,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
    doc_lang: Annotated[
        Lang | None,
        typer.Option(
            "--doc-lang",
            help="催报通知（及 json 中 message）的语言：zh 或 en；默认按方案"
            "（plan/plan.yaml 的 language，未写为 zh），与 --lang（终端输出的语言）无关。",
        ),
    ] = None,
) -> None:
    """生成催报通知：未报送和逾期单位及其联络员、电话，未审核的报送，以及逾期未完成的其他工作
    要求（联络员、工作方案、评估总结等），可直接粘贴发送。"""
    from zzgzn.tracking.statusboard import reminder, status_board

    day = clock.today(today)
    with progress_bar():
        board = status_board(root, quarter, day, use_cache=not no_cache)
    # sent to the units: in the documents' language, not the terminal's
    lang = doc_lang.value if doc_lang else board.plan.meta.language
    if fmt is NoticeFormat.json:
        print(json.dumps(_chase(board, lang), ensure_ascii=False, indent=2))
        return
    print(reminder(board, root, markdown=fmt is NoticeFormat.md, lang=lang), end="")


def _chase(board: Board, lang: str) -> dict[str, object]:
    """Who the notice chases, with how to reach them: for a bot that sends the messages."""
    from zzgzn.tracking.timeliness import State

    q = board.quarters[0]

    def who(s: UnitState) -> dict[str, object]:
        liaison = s.unit.liaison
        return {
            "unit": s.unit.id,
            "name": s.unit.name,
            "liaison": liaison.name if liaison else None,
            "phone": liaison.phone if liaison else None,
        }

    required = [s for s in q.states if s.required]
    return {
        "quarter": str(q.deadline.quarter),
        "due": q.deadline.due.isoformat(),
        "today": board.today.isoformat(),
        "working_days_left": q.working_days_left,
        "missing": [who(s) for s in required if s.state is State.MISSING],
        "not_due": [who(s) for s in required if s.state is State.NOT_DUE],
        "invalid": [who(s) | s.as_dict(lang) for s in q.states if s.state is State.INVALID],
        "late": [
            who(s) | {"working_days_late": s.working_days_late}
            for s in q.states
            if s.state is State.LATE
        ],
        "unsigned": [who(s) for s in q.states if s.submitted_on and not s.final],
        "obligations": [
            {
                "obligation": o.obligation.id,
                "name": o.obligation.name,
                "due": o.due.isoformat(),
                "missing": [r.unit.id for r in o.units_in("missing")],
            }
            for o in board.obligations
            if o.units_in("missing")
        ],
    }


@app.command(rich_help_panel=PANEL)
@handle_errors
def deadlines(
    fmt: Annotated[
        DataFormat, typer.Option("--format", "-f", help="text 或 json。")
    ] = DataFormat.text,
    root: RootOpt = Path("."),
) -> None:
    """列出活动期间每个季度的结束日期和报送截止日期（按中国法定工作日计算）。"""
    from zzgzn.calendar.deadlines import all_deadlines

    plan = plan_or_exit(root)
    items = all_deadlines(plan)
    if fmt is DataFormat.json:
        print(json.dumps([d.as_dict() for d in items], ensure_ascii=False, indent=2))
        return
    kind = period_words(plan.cadence)
    table = Table(
        t("deadlines-quarter", **kind).strip(),
        t("deadlines-end", **kind),
        t("deadlines-due"),
        title=t("deadlines-title", **rule_words(plan.schedule.reporting)),
    )
    zh = current_lang() is Lang.zh
    for d in items:
        quarter = f"{d.quarter}（{d.quarter.label}）" if zh else str(d.quarter)
        table.add_row(quarter, d.end.isoformat(), d.due.isoformat())
    out.print(table)


@app.command("plan", rich_help_panel=PANEL)
@handle_errors
def show_plan(
    fmt: Annotated[
        DataFormat, typer.Option("--format", "-f", help="text（树状）或 json。")
    ] = DataFormat.text,
    root: RootOpt = Path("."),
    lang: LangOpt = None,
) -> None:
    """显示方案：各部分、任务及牵头和配合单位。"""
    from zzgzn.workflow.planview import plan_as_dict, unit_roles

    plan = plan_or_exit(root, lang)
    if fmt is DataFormat.json:
        print(json.dumps(plan_as_dict(plan), ensure_ascii=False, indent=2))
        return
    tree = Tree(f"[bold]{escape(plan.meta.title)}[/]（{escape(plan.meta.version)}）")
    for section in plan.sections:
        branch = tree.add(f"[bold]{escape(section.marker + section.title)}[/]")
        for task in section.tasks:
            lead, others = unit_roles(plan, task.id)
            node = branch.add(f"{task.id} {escape(task.title)}")
            roles = t("plan-lead", unit=lead)
            if others:
                roles += t("plan-co", units=t("list-joiner").join(others))
            node.add(escape(roles))
    out.print(tree)
    rule = plan.schedule.reporting
    line = t(
        "plan-reporting",
        **rule_words(rule),
        recipient=plan.units[rule.recipient].name,
        count=len(plan.reporters),
    )
    out.print(escape(line))
