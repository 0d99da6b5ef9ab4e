"""The plan: one model per file under plan/, and Plan, the whole assembled campaign."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from zzgzn.models.fields import (
    Date,
    GithubHandle,
    GithubLogin,
    OptionalText,
    Slug,
    Strict,
    TaskId,
    Text,
    UnitId,
    Version,
)
from zzgzn.models.submission import Person
from zzgzn.similar import SAME_NAME, letters, similarity

# --- units.yaml ----------------------------------------------------------------------


class UnitKind(StrEnum):
    DEPARTMENT = "department"
    AFFILIATED = "affiliated"
    ASSOCIATION = "association"
    DISTRICT = "district"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    UnitKind.DEPARTMENT: "机关处室",
    UnitKind.AFFILIATED: "直属单位",
    UnitKind.ASSOCIATION: "社会组织",
    UnitKind.DISTRICT: "区局",
}


class Liaison(Strict):
    """联络员: every reporting unit names one."""

    name: OptionalText = ""
    phone: OptionalText = ""


class Unit(Strict):
    id: UnitId
    name: Text
    kind: UnitKind
    liaison: Liaison = Liaison()
    # who reviews the unit's files (CODEOWNERS): one user or team
    github: GithubHandle = ""
    # who may send them: the pull request check fails a change to them by anyone else
    # a tuple, not a list: units are hashed (deduplicated, looked up) across the report
    github_users: tuple[GithubLogin, ...] = ()

    @property
    def senders(self) -> frozenset[str]:
        """The GitHub logins (lower case: GitHub ignores case) that may change its files."""
        users = {u.lower() for u in self.github_users}
        if self.github and "/" not in self.github:  # a user; a team's members are unknown here
            users.add(self.github[1:].lower())
        return frozenset(users)


class LeadingGroup(Strict):
    name: Text
    leader: Text
    deputy_leaders: OptionalText = ""
    members: OptionalText = ""
    office: UnitId


class Registry(Strict):
    leading_group: LeadingGroup
    units: list[Unit] = Field(min_length=1)


# --- sections/*.yaml -----------------------------------------------------------------


class Checklist(Strict):
    """A named list the text spells out, such as 四尊崇 (欢送仪式、举行座谈…)."""

    name: Text
    applies_to: OptionalText = ""
    items: list[Text] = Field(min_length=1)


class Event(Strict):
    """An occasion a task ties work to: every 八一, the Spring Festival, a one-off ceremony."""

    name: Text
    recurrence: Literal["annual", "once", "as_scheduled"]
    dates: list[Date] = []
    note: OptionalText = ""


class Deliverable(Strict):
    """Something a task promises to produce (制定出台…办法, 出台…导则)."""

    id: Slug
    kind: Text
    title: Text
    action: Text


class Aggregate(StrEnum):
    """How a declared metric adds up across units: a count sums, a peak takes the maximum,
    a rate or score cannot be added at all."""

    SUM = "sum"
    MAX = "max"
    NONE = "none"


class MetricSpec(Strict):
    """A standard metric (统计口径) of a task: units that report it use this name and unit."""

    name: Text = Field(description="指标名称，各单位报送时照此填写")
    unit: Text = Field(description="计量单位，如 人次、户、场")
    aggregate: Aggregate = Field(
        Aggregate.SUM,
        description="跨单位汇总方式：sum 求和，max 取最大值，none 不汇总（如比率）",
    )


class Task(Strict):
    id: TaskId
    marker: Text
    title: Text
    body: Text
    units: list[UnitId] = Field(min_length=1)
    checklists: list[Checklist] = []
    events: list[Event] = []
    deliverables: list[Deliverable] = []
    metrics: list[MetricSpec] = []

    @property
    def lead(self) -> str:
        return self.units[0]

    def declared_metric(self, name: str) -> MetricSpec | None:
        """The declared metric a reported name means: the same name, else the most similar
        (similar.SAME_NAME), for a name misspelt or reworded ("培训人数" for "参加培训人数")."""
        index = _closest_name(tuple(m.name for m in self.metrics), name.strip())
        return None if index is None else self.metrics[index]


@lru_cache(maxsize=1 << 14)  # a campaign's units write the same few names thousands of times
def _closest_name(declared: tuple[str, ...], name: str) -> int | None:
    if name in declared:
        return declared.index(name)
    if not letters(name):
        return None
    scored = [(similarity(known, name), i) for i, known in enumerate(declared)]
    best = max(scored, default=(0.0, -1))
    return best[1] if best[0] >= SAME_NAME else None


class Role(StrEnum):
    """A unit's part in a task: the first unit named leads (牵头), the others help (配合);
    district bureaus carry out every task locally, anyone else reports beyond its tasks."""

    LEAD = "lead"
    CO_UNIT = "co_unit"
    DISTRICT = "district"
    OTHER = "other"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {Role.LEAD: "牵头", Role.CO_UNIT: "配合", Role.DISTRICT: "区局", Role.OTHER: "其他"}


class Section(Strict):
    number: int = Field(ge=1)
    marker: Text
    title: Text
    tasks: list[Task] = Field(min_length=1)


# --- schedule.yaml -------------------------------------------------------------------


class Window(Strict):
    start: Date
    end: Date


class Phase(Strict):
    id: Slug
    name: Text
    start: Date
    end: Date


class Reporters(Strict):
    """Who must report: task units, whole kinds of unit, and explicit additions/exclusions."""

    task_units: bool = True
    kinds: list[UnitKind] = []
    include: list[UnitId] = []
    exclude: list[UnitId] = []


class Cadence(StrEnum):
    """How often units report: the kind of period of the campaign."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half-yearly"
    YEARLY = "yearly"


DUE_RULES = ("due_working_days", "due_day_of_next_month", "due_day_of_final_month")


class ReportingRule(Strict):
    cadence: Cadence
    # exactly one due rule: the N-th working day after the period ends (每季度结束后5个工作日内);
    # a calendar day of the month after it (每月5日前报送上月); a day of its last month
    # (每季度最后一个月25日前). A day past the month's end is its last day.
    due_working_days: int | None = Field(None, ge=1, le=60)
    due_day_of_next_month: int | None = Field(None, ge=1, le=31)
    due_day_of_final_month: int | None = Field(None, ge=1, le=31)
    # a calendar-day deadline on a rest day: kept (the text's date) or moved to the next
    # working day (遇节假日顺延)
    on_rest_day: Literal["keep", "next_working_day"] = "keep"
    recipient: UnitId  # the office units report to; it issues the consolidated report
    report_to: OptionalText = ""  # 主送机关 of the consolidated report; "" for none
    content: OptionalText = ""
    reporters: Reporters = Reporters()
    # git: a file's arrival is the commit that first added it on the main line (the file's own
    # submitted_on is kept and a disagreement flagged); self_reported: the file's own date.
    submission_dates: Literal["git", "self_reported"] = "git"
    utc_offset_hours: int = Field(8, ge=-12, le=14)  # deadlines fall on local (Beijing) dates

    @model_validator(mode="after")
    def _one_due_rule(self) -> ReportingRule:
        given = [name for name in DUE_RULES if getattr(self, name) is not None]
        if len(given) != 1:
            raise PydanticCustomError(
                "due_rule", "one due rule", {"given": "、".join(given) or "—"}
            )
        if self.on_rest_day != "keep" and self.due_working_days is not None:
            raise PydanticCustomError("due_rest_day", "on_rest_day with working days")
        return self


class Schedule(Strict):
    activity: Window
    phases: list[Phase] = Field(min_length=1)
    reporting: ReportingRule


# --- calendar.yaml -------------------------------------------------------------------


class CalendarDay(Strict):
    date: Date
    note: OptionalText = ""


class CalendarOverrides(Strict):
    holidays: list[CalendarDay] = []
    workdays: list[CalendarDay] = []
    complete_years: list[int] = []


# --- scoring.yaml -------------------------------------------------------------------


class Points(Strict):
    on_time: float = Field(ge=0)
    late: float = Field(ge=0)
    missing: float = Field(ge=0)
    # a file that does not pass validation (报送有误) once the deadline has passed; when the
    # office has not decided, it scores as not submitted
    invalid: float | None = Field(None, ge=0)


class TimelinessScoring(Strict):
    """Points per quarter by state, scaled to full marks; written by the office in plan/."""

    full_marks: float = Field(gt=0)
    points: Points
    late_deduction_per_working_day: float = Field(0, ge=0)
    late_minimum: float = Field(0, ge=0)
    description: Text

    def quarter_points(self, state: str, working_days_late: int) -> float:
        if state == "on_time":
            return self.points.on_time
        if state == "late":
            deducted = self.points.late - self.late_deduction_per_working_day * working_days_late
            return max(self.late_minimum, deducted)
        if state == "invalid" and self.points.invalid is not None:
            return self.points.invalid
        return self.points.missing


class Scoring(Strict):
    timeliness: TimelinessScoring


def default_scoring(cadence: Cadence) -> Scoring:
    """DEFAULT_SCORING, worded for the campaign's periods (每季度计1分, 每月计1分 …)."""
    each = {"monthly": "每月", "quarterly": "每季度", "half-yearly": "每半年", "yearly": "每年"}
    timeliness = DEFAULT_SCORING.timeliness
    description = timeliness.description.replace("每季度", each[cadence])
    return Scoring(timeliness=timeliness.model_copy(update={"description": description}))


DEFAULT_SCORING = Scoring(
    timeliness=TimelinessScoring(
        full_marks=100,
        points=Points(on_time=1, late=1, missing=0),
        description="未设置计分方法（plan/scoring.yaml）：按时或逾期报送每季度计1分，未报送不计分，按100分折算。",
    )
)


# --- obligations.yaml ----------------------------------------------------------------


class Due(Strict):
    """A fixed date, or n working days after the start or end of a phase."""

    date: Date | None = None
    phase: Slug | None = None
    edge: Literal["start", "end"] = "end"
    working_days: int = Field(0, ge=0, le=60)


class Fulfilment(Strict):
    """What counts as done; exactly one of these is set.

    registry: the unit's entry in units.yaml names it (liaison: name and phone).
    document: a file submissions/<document>/<unit>.yaml (a filing of that kind).
    cases: at least this many typical cases in the unit's quarterly submissions.
    """

    registry: Literal["liaison"] | None = None
    document: Slug | None = None
    cases: int | None = Field(None, ge=1)


class Obligation(Strict):
    id: Slug
    name: Text
    source: OptionalText = ""  # where the document says so, e.g. 三（二）
    quote: OptionalText = ""
    owed_by: Reporters | None = None  # default: the units that report each quarter
    due: Due
    fulfilled_by: Fulfilment


class Obligations(Strict):
    obligations: list[Obligation] = []


# --- frozen.yaml (written by zzgzn report) ------------------------------------------


class FrozenFile(Strict):
    digest: Text
    amendments: int = Field(0, ge=0)


class FrozenQuarter(Strict):
    """A quarter closed when its report was generated after the deadline."""

    quarter: Text
    frozen_on: Date
    files: dict[UnitId, FrozenFile] = {}


class FrozenRecord(Strict):
    quarters: list[FrozenQuarter] = []

    def get(self, quarter: str) -> FrozenQuarter | None:
        return next((q for q in self.quarters if q.quarter == quarter), None)


# --- plan.yaml -----------------------------------------------------------------------


class Notice(Strict):
    title: Text
    recipients: Text
    body: Text


class Heading(Strict):
    marker: Text
    heading: Text
    text: OptionalText = ""


class Requirement(Strict):
    marker: Text
    title: Text
    text: Text


class Requirements(Strict):
    marker: Text
    heading: Text
    items: list[Requirement] = []
    closing: OptionalText = ""


class Repository(Strict):
    """Where the submissions live online: the browser form opens the forge's "new file" page."""

    url: Text = Field(description="仓库网址，如 https://github.com/机构/仓库")
    forge: Literal["github", "gitea", "gitlab"] = Field(description="代码托管平台")
    branch: Text = Field("main", description="报送合并进的分支")


class MetricLink(Strict):
    """One of this campaign's declared metrics counted as one of the parent task's."""

    name: Text = Field(description="本活动统计口径中的指标名称（在 from 所列任务中）")
    to: Text = Field(description="上级任务统计口径中的指标名称；计量单位必须相同")


class TaskLink(Strict):
    """A parent task and the tasks of this campaign that feed it: several onto one, one onto
    several (it appears under several links); a task under no link is not forwarded."""

    task: TaskId = Field(description="上级方案的任务编号")
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    sources: list[TaskId] = Field(
        alias="from", min_length=1, description="本活动中汇总到这项上级任务的任务编号"
    )
    metrics: list[MetricLink] = Field(
        [], description="名称不同的数据怎样对应；名称和计量单位相同的统计口径自动对应"
    )


class ParentLink(Strict):
    """The campaign this one answers (zzgzn forward): its id and plan version, who this
    campaign is in its registry, which tasks go where, and who signs what is forwarded."""

    campaign: Slug = Field(description="上级活动的代码（上级 plan/plan.yaml 的 id）")
    plan_version: Version = Field(description="对应的上级方案版本")
    unit: UnitId = Field(description="本单位在上级单位名录中的代码")
    tasks: list[TaskLink] = Field(min_length=1, description="上级任务与本活动任务的对应")
    filled_by: Person | None = Field(None, description="转报的填报人")
    approved_by: Person | None = Field(None, description="转报的审核人（单位负责人）")


class Meta(Strict):
    schema_version: Literal[1]
    version: Version
    id: Slug
    short_title: Text
    title: Text
    issuer: Text
    notice: Notice | None = None
    preamble: OptionalText = ""
    guiding_ideology: Heading | None = None
    main_content: Heading | None = None
    requirements: Requirements | None = None
    repository: Repository | None = None
    parent: ParentLink | None = None  # the campaign this one reports to (zzgzn forward)
    # the language the plan is written in, and so of the reports and summaries
    language: Literal["zh", "en"] = "zh"


# --- the whole plan ------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """Everything under plan/, checked and cross-referenced."""

    meta: Meta
    registry: Registry
    schedule: Schedule
    sections: tuple[Section, ...]
    calendar: CalendarOverrides = field(default_factory=CalendarOverrides)
    scoring: Scoring = DEFAULT_SCORING
    obligations: tuple[Obligation, ...] = ()
    frozen: FrozenRecord = field(default_factory=FrozenRecord)

    @cached_property
    def units(self) -> dict[str, Unit]:
        return {unit.id: unit for unit in self.registry.units}

    @property
    def office(self) -> Unit:
        """The office units report to, which issues the reports (their 落款 and author)."""
        return self.units[self.schedule.reporting.recipient]

    @cached_property
    def unit_rank(self) -> dict[str, int]:
        """Each unit's place in the registry: reports list units in this order."""
        return {unit_id: i for i, unit_id in enumerate(self.units)}

    def rank_of(self, unit_id: str) -> int:
        """The sort key of the registry's order; a unit not in it comes last."""
        return self.unit_rank.get(unit_id, len(self.unit_rank))

    def role_of(self, task: Task, unit_id: str) -> Role:
        if unit_id == task.lead:
            return Role.LEAD
        if unit_id in task.units:
            return Role.CO_UNIT
        unit = self.units.get(unit_id)
        return Role.DISTRICT if unit is not None and unit.kind is UnitKind.DISTRICT else Role.OTHER

    @cached_property
    def tasks(self) -> dict[str, Task]:
        return {task.id: task for section in self.sections for task in section.tasks}

    def section_of(self, task_id: str) -> Section:
        return next(s for s in self.sections if any(t.id == task_id for t in s.tasks))

    def tasks_of(self, unit_id: str) -> list[Task]:
        """The tasks a unit is responsible for (lead or co-unit), in plan order."""
        return [task for task in self.tasks.values() if unit_id in task.units]

    def may_report_any_task(self, unit_id: str) -> bool:
        """District bureaus carry out the whole plan locally, so they may report on any task."""
        unit = self.units.get(unit_id)
        return unit is not None and unit.kind is UnitKind.DISTRICT

    @cached_property
    def reporters(self) -> tuple[Unit, ...]:
        """Every unit that must report each quarter, in registry order."""
        return self._select(self.schedule.reporting.reporters)

    def _select(self, rule: Reporters) -> tuple[Unit, ...]:
        task_units = {u for task in self.tasks.values() for u in task.units}
        chosen = [
            unit
            for unit in self.registry.units
            if unit.id not in rule.exclude
            and (
                (rule.task_units and unit.id in task_units)
                or unit.kind in rule.kinds
                or unit.id in rule.include
            )
        ]
        return tuple(chosen)

    @cached_property
    def memo(self) -> dict[object, object]:
        """What other layers derive from the plan alone (a period's deadline), remembered for
        as long as this plan lives: a national quarter asks the same thing for every file."""
        return {}

    @cached_property
    def document_kinds(self) -> dict[str, Obligation]:
        """Folder under submissions/ → the obligation a file there fulfils."""
        return {o.fulfilled_by.document: o for o in self.obligations if o.fulfilled_by.document}

    def owes(self, obligation: Obligation) -> tuple[Unit, ...]:
        """The units an obligation binds, in registry order."""
        if obligation.owed_by is None:
            return self.reporters
        return self._select(obligation.owed_by)

    def phase(self, phase_id: str) -> Phase | None:
        return next((p for p in self.schedule.phases if p.id == phase_id), None)

    @property
    def activity(self) -> tuple[dt.date, dt.date]:
        return (self.schedule.activity.start, self.schedule.activity.end)

    @property
    def cadence(self) -> Cadence:
        return self.schedule.reporting.cadence
