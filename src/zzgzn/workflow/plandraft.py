"""Draft plan/ from an implementation plan written in the standard numbering.

Chinese implementation plans share one shape: a notice, the plan's title, a preamble, then
top-level parts 一、二、三、; the part that holds the work has （一）（二） sections of numbered
tasks 1. 2., each followed by its 责任单位 line (the first unit listed leads); another part
（工作要求、保障措施）says how the work is organised, often with the reporting rule, the
activity's window and its phases. This module reads that shape into the data of plan/ and
lists every guess for the office to review. Nothing here knows any particular campaign.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from zzgzn.datetext import halfwidth
from zzgzn.diagnostics.ui import Said, said

_CN_DIGITS = "零一二三四五六七八九"
_TOP = re.compile(r"^([一二三四五六七八九十]{1,3})、\s*(.+)$")
_SECTION = re.compile(r"^（([一二三四五六七八九十]{1,3})）\s*(.+)$")
_TASK = re.compile(r"^([0-9０-９]{1,2})\s*([.．、])\s*(.+)$")
_UNITS = re.compile(r"^(?:责任单位|牵头单位)[：:]\s*(.+)$")
_N = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_CADENCES = {"月": "monthly", "季度": "quarterly", "季": "quarterly", "半年": "half-yearly",
             "年": "yearly"}  # fmt: skip
# the reporting rules plans state, each as (pattern, due rule); the groups are the cadence
# word, the number, the recipient and what is reported
_RULES = [
    (
        re.compile(rf"每(月|季度|半年|年)结束后{_N}个工作日内向(.+?)报送(.*?)(?:[。；]|$)"),
        "due_working_days",
    ),
    (  # 每月5日前向综合科报送上月工作进展
        re.compile(rf"每(月){_N}日前向(.+?)报送(.*?)(?:[。；，,]|$)"),
        "due_day_of_next_month",
    ),
    (  # 次月前3个工作日内向综合科报送
        re.compile(rf"每(月)[^。；]*?次月前{_N}个工作日内?向(.+?)报送(.*?)(?:[。；]|$)"),
        "due_working_days",
    ),
    (  # 每季度最后一个月25日前向综合科报送
        re.compile(rf"每(季度|半年)最后一个月{_N}日前向(.+?)报送(.*?)(?:[。；，,]|$)"),
        "due_day_of_final_month",
    ),
]
_MOVED = re.compile(r"遇(?:法定)?节假日(?:则)?顺延")
_WINDOW = re.compile(
    r"从(\d{4})年(\d{1,2})月(?:初|(\d{1,2})日)?开始，?到(\d{4})年(\d{1,2})月(?:底|(\d{1,2})日)?结束"
)
_PHASE = re.compile(
    r"(\d{4})年(\d{1,2})月(?:至(?:(\d{4})年)?(\d{1,2})月)?([\u4e00-\u9fff]{2,8}?)(?=[，。；、]|$)"
)
_GROUP = re.compile(r"成立(.{2,40}?领导小组)")
_OFFICE = re.compile(r"领导小组办公室设在(.{2,30}?)[，。；]")
_ROLE = re.compile(r"([^，。；]{2,30}?)任(组长|副组长)")
_MEMBERS = re.compile(r"([^，。；]{2,30}?)为成员")
_TITLE_ENDS = ("方案", "计划", "意见", "办法", "要点", "安排")
_QUOTED = re.compile(r"“([^”]{2,20})”")
# what frames a plan's name in its title: 关于（深入）开展 … （活动）的实施方案
_TITLE_FRAME = re.compile(
    r"^关于(?:深入|进一步|全面|认真)?(?:开展|做好|推进|加强|实施)?|(?:的)?(?:实施|工作)?(?:方案|计划|意见|办法|要点|安排)$"
)
# common phase names in plans, with the ids the shipped examples use; anything else: phase-N
_PHASE_IDS = {
    "动员部署": "mobilization",
    "组织实施": "implementation",
    "评估总结": "evaluation",
    "总结验收": "evaluation",
    "集中整治": "rectification",
}


@dataclass
class Draft:
    """The plan's files as data (file name under plan/ → content) and what to review.

    guesses: (file, path of keys, what was guessed): the writer marks each with a comment.
    """

    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    guesses: list[tuple[str, tuple[str | int, ...], str]] = field(default_factory=list)
    notes: list[Said] = field(default_factory=list)  # for the office, in the catalogue

    def guess(self, file: str, path: tuple[str | int, ...], why: str) -> None:
        self.guesses.append((file, path, why))


def cn_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20; Arabic digits pass through."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.index(tens) if tens else 1) * 10 + (
            _CN_DIGITS.index(ones) if ones else 0
        )
    return _CN_DIGITS.index(text)


def slug(text: str, taken: set[str], fallback: str) -> str:
    """An ASCII id from a Chinese name (pinyin, two syllables a word), unique among taken."""
    from pypinyin import lazy_pinyin  # the office extra: only drafting needs it

    syllables = [s for s in lazy_pinyin(text) if re.fullmatch(r"[a-z]+", s)]
    words = ["".join(syllables[i : i + 2]) for i in range(0, len(syllables), 2)]
    base = ""
    for word in words:
        if len(base) + len(word) + 1 > 36:
            break
        base = f"{base}-{word}" if base else word
    base = base or fallback
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _kind(name: str) -> str:
    if re.search(r"(区|县|市|旗)[\u4e00-\u9fff]{0,12}局$", name) and not name.startswith("市"):
        return "district"
    if re.search(r"(协会|学会|联合会|基金会)$", name):
        return "association"
    if re.search(r"(处|室|科|办公室|办|司|厅)$", name) and not name.startswith("市"):
        return "department"
    return "affiliated"


class _Line(str):
    """A line of the document that remembers where it stood (1-based), for the notes."""

    number: int = 0


def _numbered(text: str) -> list[_Line]:
    lines = []
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        if raw.strip():
            line = _Line(raw.strip())
            line.number = number
            lines.append(line)
    return lines


@dataclass
class _Part:
    marker: str
    heading: str
    lines: list[str]


def draft_plan(text: str, *, issuer: str = "") -> Draft:
    """The plan/ files drafted from the document's text (see the module docstring)."""
    draft = Draft()
    lines: list[str] = list(_numbered(text))
    notice, title, start = _head(lines)
    parts, preamble = _parts(lines[start:])
    main = next((p for p in parts if any(_UNITS.match(x) for x in p.lines)), None)
    if main is None:
        draft.notes.append(said("draft-no-tasks"))
    registry: dict[str, str] = {}  # name → id, in order of first mention
    taken: set[str] = set()

    def unit_id(name: str) -> str:
        if name not in registry:
            registry[name] = slug(name, taken, f"unit-{len(registry) + 1}")
        return registry[name]

    sections = _sections(draft, main, unit_id) if main else []
    whole = "".join(lines)
    meta = _meta(draft, title, notice, preamble, parts, main, issuer)
    schedule = _schedule(draft, whole, unit_id)
    group = _leading_group(draft, whole, unit_id, meta["short_title"])
    draft.files["plan.yaml"] = meta
    draft.files["schedule.yaml"] = schedule
    units = [{"id": uid, "name": name, "kind": _kind(name)} for name, uid in registry.items()]
    draft.files["units.yaml"] = {"leading_group": group, "units": units}
    for i in range(len(units)):
        draft.guess(
            "units.yaml", ("units", i, "id"), "代码由名称的拼音生成，可改短；报送开始后不要再改"
        )
        draft.guess("units.yaml", ("units", i, "kind"), "类别按名称推断")
    if not any(u["kind"] == "district" for u in units):
        draft.notes.append(said("draft-no-districts"))
    for section in sections:
        draft.files[f"sections/{section['number']}.yaml"] = section
    return draft


def _head(lines: list[str]) -> tuple[dict[str, str] | None, str, int]:
    """The notice (title, recipients, body) if the text starts with one, the plan's title,
    and where the plan's own text begins."""
    i, notice = 0, None
    first = _joined_until(lines, 0, lambda s: s.endswith("通知"))
    if (
        first is not None
        and first[1] + 1 < len(lines)
        and lines[first[1] + 1].endswith(("：", ":"))
    ):
        recipients = lines[first[1] + 1].rstrip("：:")
        body_at = first[1] + 2
        title_at = next(
            (j for j in range(body_at, len(lines)) if _joined_until(lines, j, _is_title)), None
        )
        body = "".join(lines[body_at : title_at or body_at + 1])
        notice = {"title": first[0], "recipients": recipients, "body": body}
        i = title_at if title_at is not None else body_at + 1
    found = _joined_until(lines, i, _is_title)
    if found is None:
        return notice, lines[i] if i < len(lines) else "", i + 1
    return notice, found[0], found[1] + 1


def _is_title(text: str) -> bool:
    return text.endswith(_TITLE_ENDS)


def _joined_until(lines: list[str], start: int, done: Any) -> tuple[str, int] | None:
    """A title broken over up to three short lines, joined: (text, index of its last line)."""
    text = ""
    for j in range(start, min(start + 3, len(lines))):
        if len(lines[j]) > 40 or _TOP.match(lines[j]) or "。" in lines[j]:
            return None  # a title is short, has no full stop and is not a part's heading
        text += lines[j]
        if done(text):
            return text, j
    return None


def _parts(lines: list[str]) -> tuple[list[_Part], str]:
    parts: list[_Part] = []
    preamble: list[str] = []
    for line in lines:
        top = _TOP.match(line)
        if top and len(top.group(2)) <= 20:
            parts.append(_Part(f"{top.group(1)}、", top.group(2).rstrip("。"), []))
        elif parts:
            parts[-1].lines.append(line)
        else:
            preamble.append(line)
    return parts, "".join(preamble)


def _sections(draft: Draft, part: _Part, unit_id: Any) -> list[dict[str, Any]]:
    sections: list[dict[str, Any]] = []
    task: dict[str, Any] | None = None
    for line in part.lines:
        heading, numbered, units = _SECTION.match(line), _TASK.match(line), _UNITS.match(line)
        if heading:
            number = len(sections) + 1
            title = heading.group(2).rstrip("。")
            sections.append(
                {"number": number, "marker": f"（{heading.group(1)}）", "title": title, "tasks": []}
            )
            task = None
        elif numbered and sections:
            n = len(sections[-1]["tasks"]) + 1
            written = halfwidth(numbered.group(1))
            if int(written) != n:  # the ids count the tasks; say so where the text does not
                draft.notes.append(
                    said(
                        "draft-renumbered",
                        line=getattr(line, "number", 0),
                        written=f"{numbered.group(1)}{numbered.group(2)}",
                        section=sections[-1]["marker"],
                        task=f"{sections[-1]['number']}.{n}",
                    )
                )
            # the title is the task's first sentence; the marker keeps the text's own characters
            title, _, rest = numbered.group(3).partition("。")
            task = {
                "id": f"{sections[-1]['number']}.{n}",
                "marker": numbered.group(1) + numbered.group(2),
                "title": title.strip(),
                "body": rest.strip() or title.strip(),
                "units": [],
            }
            sections[-1]["tasks"].append(task)
        elif units and task is not None:
            names = [
                n.strip() for n in re.split(r"[、，,；;]", units.group(1).rstrip("。")) if n.strip()
            ]
            task["units"] = [unit_id(name) for name in names]
        elif task is not None and not task["units"]:
            task["body"] = f"{task['body']}{line}"  # a task's text continued on the next line
    for s, section in enumerate(sections):
        for t, one in enumerate(section["tasks"]):
            if not one["units"]:
                draft.notes.append(said("draft-no-units", task=one["id"], title=one["title"]))
            draft.guess(
                f"sections/{section['number']}.yaml",
                ("tasks", t, "title"),
                "标题取任务的第一句，正文是其余部分",
            )
        if not section["tasks"]:
            draft.notes.append(said("draft-section-empty", number=s + 1, title=section["title"]))
    return sections


def _meta(
    draft: Draft,
    title: str,
    notice: dict[str, str] | None,
    preamble: str,
    parts: list[_Part],
    main: _Part | None,
    issuer: str,
) -> dict[str, Any]:
    quoted = _QUOTED.search(title)
    short = quoted.group(1) if quoted else _TITLE_FRAME.sub("", title) or title
    meta: dict[str, Any] = {
        "schema_version": 1,
        "version": "0.1.0",
        "id": slug(short, set(), "campaign"),
        "short_title": short,
        "title": title,
        "issuer": issuer or "（请填写发文机关）",
    }
    draft.guess("plan.yaml", ("version",), "草稿从 0.1.0 开始；方案定稿时改为 1.0.0")
    draft.guess("plan.yaml", ("id",), "活动代码由简称的拼音生成")
    draft.guess("plan.yaml", ("short_title",), "简称取标题中引号内的文字")
    if not issuer:
        draft.guess("plan.yaml", ("issuer",), "原文没有写发文机关：请填写")
    if notice:
        meta["notice"] = notice
    if preamble:
        meta["preamble"] = preamble
    index = parts.index(main) if main else len(parts)
    before = parts[:index]
    after = parts[index + 1 :] if main else []
    if before:
        meta["guiding_ideology"] = {
            "marker": before[0].marker,
            "heading": before[0].heading,
            "text": "".join(before[0].lines),
        }
    if main:
        meta["main_content"] = {"marker": main.marker, "heading": main.heading}
    if after:
        part = after[0]
        items: list[dict[str, str]] = []
        closing: list[str] = []
        for line in part.lines:
            sub = _SECTION.match(line)
            if sub and "。" in sub.group(2):
                head, _, rest = sub.group(2).partition("。")
                items.append({"marker": f"（{sub.group(1)}）", "title": head, "text": rest or head})
            elif items and not closing and not _SECTION.match(line):
                closing.append(line)
            elif not items:
                closing.append(line)
        meta["requirements"] = {"marker": part.marker, "heading": part.heading, "items": items}
        if closing:
            meta["requirements"]["closing"] = "".join(closing)
    for extra in [*before[1:], *after[1:]]:
        draft.notes.append(said("draft-part-left-out", part=f"{extra.marker}{extra.heading}"))
    return meta


def _schedule(draft: Draft, text: str, unit_id: Any) -> dict[str, Any]:
    window = _WINDOW.search(text)
    phases: list[dict[str, Any]] = []
    for match in _PHASE.finditer(text):
        year, month, end_year, end_month, name = match.groups()
        if name.startswith(("初", "底", "开始", "结束")) or name.endswith(("开始", "结束")):
            continue  # the activity's window ("从2020年3月初开始"), not a phase
        start = dt.date(int(year), int(month), 1)
        last_year, last_month = int(end_year or year), int(end_month or month)
        if last_month < start.month and not end_year:
            last_year += 1
        end = dt.date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
        phase_id = _PHASE_IDS.get(name, f"phase-{len(phases) + 1}")
        if any(p["id"] == phase_id for p in phases):
            phase_id = f"phase-{len(phases) + 1}"
        phases.append({"id": phase_id, "name": name, "start": start, "end": end})
    if window:
        y1, m1, d1, y2, m2, d2 = window.groups()
        start = dt.date(int(y1), int(m1), int(d1 or 1))
        last = calendar.monthrange(int(y2), int(m2))[1]
        end = dt.date(int(y2), int(m2), int(d2 or last))
    elif phases:
        start, end = min(p["start"] for p in phases), max(p["end"] for p in phases)
        draft.guess("schedule.yaml", ("activity",), "起止日期取各阶段的最早和最晚日期")
    else:
        year = dt.date.today().year
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        draft.guess("schedule.yaml", ("activity",), "原文没有写起止日期：请填写")
    if not phases:
        phases = [{"id": "implementation", "name": "组织实施", "start": start, "end": end}]
        draft.guess("schedule.yaml", ("phases",), "原文没有分阶段：暂作一个阶段")
    reporting: dict[str, Any] = {"cadence": "quarterly"}
    found = next(((m, due) for pattern, due in _RULES if (m := pattern.search(text))), None)
    if found:
        rule, due = found
        reporting["cadence"] = _CADENCES[rule.group(1)]
        reporting[due] = cn_number(rule.group(2))
        reporting["recipient"] = unit_id(rule.group(3).strip())
        if rule.group(4).strip():
            reporting["content"] = rule.group(4).strip()
        if due != "due_working_days":
            sentence = text[rule.start() : text.find("。", rule.end()) % (len(text) + 1)]
            moved = bool(_MOVED.search(sentence))
            reporting["on_rest_day"] = "next_working_day" if moved else "keep"
            if not moved:
                draft.guess(
                    "schedule.yaml",
                    ("reporting", "on_rest_day"),
                    "原文没有写截止日遇节假日是否顺延：暂不顺延（顺延写 next_working_day）",
                )
    else:
        reporting["due_working_days"] = 5
        office = _OFFICE.search(text)
        reporting["recipient"] = unit_id(office.group(1)) if office else unit_id("领导小组办公室")
        draft.guess("schedule.yaml", ("reporting",), "原文没有写报送规则：暂按季度结束后5个工作日")
        if re.search(r"每(月|半年|年)", text):
            draft.notes.append(said("draft-not-quarterly"))
    reporting["reporters"] = {"task_units": True, "kinds": ["district"]}
    draft.guess("schedule.yaml", ("reporting", "reporters"), "各任务的责任单位和各区局报送")
    return {"activity": {"start": start, "end": end}, "phases": phases, "reporting": reporting}


def _leading_group(draft: Draft, text: str, unit_id: Any, short_title: str) -> dict[str, Any]:
    name = _GROUP.search(text)
    roles = {role: who.split("，")[-1] for who, role in _ROLE.findall(text)}
    members = _MEMBERS.search(text)
    office = _OFFICE.search(text)
    group: dict[str, Any] = {
        "name": name.group(1) if name else f"{short_title}领导小组",
        "leader": roles.get("组长", "（请填写）"),
        "office": unit_id(office.group(1)) if office else unit_id("领导小组办公室"),
    }
    if "副组长" in roles:
        group["deputy_leaders"] = roles["副组长"]
    if members:
        group["members"] = members.group(1).split("，")[-1]
    if not (name and office):
        draft.guess("units.yaml", ("leading_group",), "原文没有写清领导小组及其办公室：请核对")
    return group
