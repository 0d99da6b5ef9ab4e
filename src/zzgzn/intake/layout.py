"""Where everything sits in the workbook: the writer lays rows out by these labels, the reader
finds them by the same labels (column A), so a moved or deleted row is noticed, never misread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

INFO_SHEET = "基本信息"
HELP_SHEET = "填报说明"

LABEL, MAIN, SECOND, THIRD, HINT = "A", "B", "C", "D", "E"
WIDTHS = {LABEL: 16, MAIN: 60, SECOND: 14, THIRD: 16, HINT: 36}
FIRST_ROW = 3  # row 1: title, row 2: what to do; labelled rows start here

# sheet names may not hold these (Excel, WPS and LibreOffice agree) and are at most 31 long
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31


def task_sheet_name(task_id: str, title: str) -> str:
    """“1.2 完善尊崇措施”: what the person sees on the tab and in every finding."""
    name = _BAD_SHEET_CHARS.sub("", f"{task_id} {title}").strip("' ")
    return name[:SHEET_NAME_MAX].rstrip()


class Kind(StrEnum):
    """What a cell holds, which decides how it is read back."""

    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    STATUS = "status"
    FIXED = "fixed"  # written by zzgzn, locked: identifiers and the plan's own words


@dataclass(frozen=True)
class Field:
    label: str
    key: str
    kind: Kind
    hint: str = ""
    required: bool = False
    tall: bool = False


INFO_FIELDS = (
    Field("单位代码", "unit", Kind.FIXED),
    Field("单位名称", "unit_name", Kind.FIXED),
    Field("季度", "quarter", Kind.FIXED),
    Field("方案版本", "plan_version", Kind.FIXED),
    Field("报送日期", "submitted_on", Kind.DATE, "必填：日期，如 2020-07-06", True),
    Field("联络员", "liaison_name", Kind.TEXT, "必填：姓名", True),
    Field("联络员电话", "liaison_phone", Kind.TEXT, "必填", True),
    Field("本季度总体情况", "summary", Kind.TEXT, "可选", tall=True),
    Field("填报人", "filled_by_name", Kind.TEXT, "姓名"),
    Field("填报人职务", "filled_by_post", Kind.TEXT, "如 科员"),
    Field("审核人", "approved_by_name", Kind.TEXT, "单位负责人审核后填写；不填则不是正式报送"),
    Field("审核人职务", "approved_by_post", Kind.TEXT, "如 局长"),
)

# labels that name the period: written in the campaign's words (月份, 本月总体情况 …) and read
# back in any of them, so a workbook of any cadence imports
PERIOD_LABELS = {
    "季度": ("月份", "半年", "年度"),
    "本季度总体情况": ("本月总体情况", "本期总体情况", "本年度总体情况"),
}


def period_label(label: str, word: str, this: str) -> str:
    """A label or hint in the campaign's words: 季度 → 月份, 本季度 → 本月 (quarterly: as is)."""
    return label.replace("本季度", this).replace("季度", word)


TASK_FIELDS = (
    Field("任务编号", "task", Kind.FIXED),
    Field("牵头单位", "lead", Kind.FIXED),
    Field("方案原文", "body", Kind.FIXED, tall=True),
    Field("状态", "status", Kind.STATUS, "必填：从下拉列表选择", True),
    Field("进展情况", "narrative", Kind.TEXT, "必填：本季度做了什么、成效如何；可分段", True, True),
)

# Repeated rows: "措施 3", "案例 2 标题", "成果 1 说明". Columns B, C, D per group.
GROUPS = {
    "措施": "measures",
    "数据": "metrics",
    "案例": "cases",
    "成果": "deliverables",
    "问题": "problems",
    "打算": "next_steps",
    "更正": "amendments",
}
GROUP_TITLES = {
    "measures": ("采取的措施", "每格一条", "", ""),
    "metrics": ("数据", "名称", "数值", "单位"),
    "cases": ("典型案例、经验做法", "标题一行，做法和成效一行", "", ""),
    "deliverables": ("方案要求的成果", "成果", "进度", "成果代码"),
    "problems": ("存在的问题", "每格一条", "", ""),
    "next_steps": ("下一步打算", "每格一条", "", ""),
    "amendments": ("更正记录（季度封存后修改才填）", "更正原因和内容", "日期", "更正人"),
}
CASE_PARTS = ("标题", "做法和成效")
NOTE_PART = "说明"
ROW_LABEL = re.compile(r"^(措施|数据|案例|成果|问题|打算|更正) (\d+)(?: (标题|做法和成效|说明))?$")


def row_label(group: str, n: int, part: str = "") -> str:
    prefix = next(k for k, v in GROUPS.items() if v == group)
    return f"{prefix} {n}" + (f" {part}" if part else "")


def blank_rows(group: str, used: int) -> int:
    """How many rows a list gets: room for what is there and a few more."""
    spare = {"measures": 3, "metrics": 3, "problems": 2, "next_steps": 2, "cases": 1}
    least = {"measures": 5, "metrics": 3, "problems": 3, "next_steps": 3, "cases": 2}
    if group == "amendments":
        return max(2, used + 1)
    return max(least.get(group, 0), used + spare.get(group, 0))
