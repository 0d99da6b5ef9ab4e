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
    LangOpt,
    NoCacheOpt,
    RootOpt,
    TodayOpt,
    app,
    err,
    handle_errors,
    out,
    plan_or_exit,
)

if TYPE_CHECKING:
    from zzgzn.tracking.statusboard import Board

PANEL = "跟踪与催报"


class NoticeFormat(StrEnum):
    md = "md"
    text = "text"


@app.command(rich_help_panel=PANEL)
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
    no_cache: NoCacheOpt = False,
) -> None:
    """各单位各季度的报送情况（按时、逾期 N 个工作日、未报送、未到期、未审核）和距截止的工作日数，
    以及其他工作要求：联络员、工作方案、典型案例、评估总结。"""
    from zzgzn.tracking.statusboard import status_board
    from zzgzn.tracking.timeliness import State

    board = status_board(root, quarter, clock.today(today), use_cache=not no_cache)
    if fmt is DataFormat.json:
        data = [q.as_dict() for q in board.quarters]
        print(json.dumps(data[0] if quarter else data, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"报送情况（截至 {board.today}）")
    table.add_column("单位", no_wrap=True)
    for q in board.quarters:
        due = q.deadline.due
        table.add_column(f"{q.deadline.quarter}\n截止\n{due.month}月{due.day}日", overflow="fold")
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
                "" if state is None else f"[{colours[state.state.value]}]{escape(state.label)}[/]"
            )
        table.add_row(escape(unit.name), *cells)
    out.print(table)
    upcoming = [q for q in board.quarters if q.working_days_left is not None]
    if upcoming:  # the next deadline is the one to chase
        q = upcoming[0]
        waiting = sum(s.state is State.NOT_DUE and s.required for s in q.states)
        out.print(
            f"{q.deadline.quarter} 报送截止 {q.deadline.due}，还有 [bold]{q.working_days_left}[/] "
            f"个工作日；尚未报送 {waiting} 个单位"
        )
    if board.obligations:
        out.print(_obligations_table(board))
    if board.invalid:
        err.print(
            f"[yellow]另有 {board.invalid} 个报送文件未通过校验、无法对应到表中的单位和季度"
            "（运行 zzgzn validate 查看）[/]"
        )


def _obligations_table(board: Board) -> Table:
    """Unit × obligation: liaison named, work plan, cases, evaluation summary."""
    table = Table(title=f"其他工作要求（截至 {board.today}）")
    table.add_column("单位", no_wrap=True)
    for o in board.obligations:
        table.add_column(f"{escape(o.obligation.name)}\n截止 {o.due}", overflow="fold")
    colours = {"done": "green", "late": "yellow", "missing": "red", "pending": "dim"}
    owing = {r.unit.id: r.unit for o in board.obligations for r in o.rows}
    by_unit = [{r.unit.id: r for r in o.rows} for o in board.obligations]
    for unit in [u for u in board.plan.registry.units if u.id in owing]:
        cells = []
        for rows in by_unit:
            row = rows.get(unit.id)
            cells.append(
                "—" if row is None else f"[{colours[row.standing.value]}]{escape(row.label)}[/]"
            )
        table.add_row(escape(unit.name), *cells)
    return table


@app.command(rich_help_panel=PANEL)
@handle_errors
def remind(
    quarter: Annotated[str, typer.Argument(help="季度：2020Q2、Q2 等。")],
    fmt: Annotated[
        NoticeFormat, typer.Option("--format", "-f", help="md 或 text（纯文本，便于粘贴到消息）。")
    ] = NoticeFormat.text,
    root: RootOpt = Path("."),
    today: TodayOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """生成催报通知：未报送和逾期单位及其联络员、电话，未审核的报送，以及逾期未完成的其他工作
    要求（联络员、工作方案、评估总结等），可直接粘贴发送。"""
    from zzgzn.tracking.statusboard import reminder, status_board

    day = clock.today(today)
    board = status_board(root, quarter, day, use_cache=not no_cache)
    print(reminder(board, root, markdown=fmt is NoticeFormat.md), end="")


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
    table = Table(
        "季度",
        "季度结束",
        "报送截止",
        title=f"报送截止日期（季度结束后 {plan.schedule.reporting.due_working_days} 个工作日）",
    )
    for d in items:
        table.add_row(f"{d.quarter}（{d.quarter.label}）", d.end.isoformat(), d.due.isoformat())
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
            node.add(
                f"牵头：{escape(lead)}" + (f"；配合：{escape('、'.join(others))}" if others else "")
            )
    out.print(tree)
    rule = plan.schedule.reporting
    out.print(
        f"报送：每季度结束后 {rule.due_working_days} 个工作日内报"
        f" {escape(plan.units[rule.recipient].name)}，共 {len(plan.reporters)} 个单位"
    )
