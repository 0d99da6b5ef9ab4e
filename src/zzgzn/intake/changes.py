"""What a new version of a submission changes, in words a liaison reads.

For example: 任务 1.2 状态：推进中 → 已完成.
"""

from __future__ import annotations

from typing import Any

from zzgzn.models.submission import STATUS_LABELS, Status, Submission

_LABELS = {
    "unit": "单位",
    "quarter": "季度",
    "plan_version": "方案版本",
    "submitted_on": "报送日期",
    "liaison": "联络员",
    "summary": "本季度总体情况",
    "filled_by": "填报人",
    "approved_by": "审核人",
    "amendments": "更正记录",
    "name": "名称",
    "phone": "电话",
    "post": "职务",
    "status": "状态",
    "narrative": "进展情况",
    "measures": "措施",
    "metrics": "数据",
    "cases": "典型案例",
    "deliverables": "成果",
    "problems": "存在的问题",
    "next_steps": "下一步打算",
    "value": "数值",
    "unit_": "单位",
    "title": "标题",
    "note": "说明",
    "date": "日期",
    "by": "更正人",
    "reason": "原因",
}
_SHORT = 30


def _shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "（空）"
    if isinstance(value, str) and value in {s.value for s in Status}:
        return STATUS_LABELS[Status(value)]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).replace("\n", " ")
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


def _flatten(data: Any, prefix: tuple[str, ...], out: dict[tuple[str, ...], Any]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            _flatten(value, (*prefix, key), out)
    elif isinstance(data, list) and data and all(isinstance(x, dict) for x in data):
        for n, item in enumerate(data, 1):
            _flatten(item, (*prefix, str(n)), out)
    else:
        out[prefix] = data


def _name(path: tuple[str, ...], labels: dict[str, str]) -> str:
    parts = []
    for i, part in enumerate(path):
        if part.isdigit():
            parts.append(f"第{part}条")
        elif part == "unit" and i > 0:
            parts.append("单位")
        else:
            parts.append(labels.get(part, part))
    return "".join(parts)


def changes(
    old: Submission, new: Submission, *, word: str = "季度", this: str = "本季度"
) -> list[str]:
    """One line per field that differs; tasks are matched by their number, not their place.
    word, this: the campaign's period in prose (月份 / 本月 …), for its period and summary."""
    lines: list[str] = []
    a = old.model_dump(mode="json", exclude={"tasks"})
    b = new.model_dump(mode="json", exclude={"tasks"})
    labels = {**_LABELS, "quarter": word, "summary": f"{this}总体情况"}
    lines += _compare(a, b, "", labels)
    old_tasks = {t.task: t.model_dump(mode="json") for t in old.tasks}
    new_tasks = {t.task: t.model_dump(mode="json") for t in new.tasks}
    for task_id in old_tasks.keys() - new_tasks.keys():
        lines.append(f"删除了任务 {task_id}")
    for task_id in new_tasks:
        if task_id not in old_tasks:
            lines.append(f"新增了任务 {task_id}")
        else:
            lines += _compare(old_tasks[task_id], new_tasks[task_id], f"任务 {task_id} ", labels)
    if not lines and [t.task for t in old.tasks] != [t.task for t in new.tasks]:
        lines.append("任务的先后顺序改变了")
    return lines


def _compare(
    a: dict[str, Any], b: dict[str, Any], prefix: str, labels: dict[str, str]
) -> list[str]:
    fa: dict[tuple[str, ...], Any] = {}
    fb: dict[tuple[str, ...], Any] = {}
    _flatten(a, (), fa)
    _flatten(b, (), fb)
    lines = []
    for key in list(fa) + [k for k in fb if k not in fa]:
        before, after = fa.get(key), fb.get(key)
        if before != after:
            lines.append(f"{prefix}{_name(key, labels)}：{_shown(before)} → {_shown(after)}")
    return lines
