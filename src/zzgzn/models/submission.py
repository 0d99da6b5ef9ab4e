"""A unit's quarterly submission: submissions/<quarter>/<unit-id>.yaml."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import AliasChoices, BeforeValidator, ConfigDict, Field

from zzgzn.models.fields import Date, OptionalText, Slug, Strict, TaskId, Text, UnitId, Version


def _listed(description: str) -> Any:
    """A list field left out by default: made afresh per object by its factory (pydantic
    deep-copies a literal [] default for every task of every file), shown as [] in the schema."""
    return Field(default_factory=list, json_schema_extra={"default": []}, description=description)


class Status(StrEnum):
    """A task's state as the unit reports it; keys are stable, labels are what people read."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ONGOING = "ongoing"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_progress(self) -> bool:
        return self is not Status.NOT_STARTED


STATUS_LABELS = {
    Status.NOT_STARTED: "未启动",
    Status.IN_PROGRESS: "推进中",
    Status.DONE: "已完成",
    Status.ONGOING: "常态化推进",
}
_BY_LABEL = {label: status.value for status, label in STATUS_LABELS.items()}


def _status(value: Any) -> Any:
    """Liaisons may write the Chinese label (推进中) instead of the key (in_progress)."""
    if isinstance(value, str):
        stripped = value.strip()
        return _BY_LABEL.get(stripped, stripped)
    return value


StatusField = Annotated[Status, BeforeValidator(_status)]


class Liaison(Strict):
    name: Text = Field(description="联络员姓名")
    phone: Text = Field(description="联络员电话")


class Person(Strict):
    """Who signs a submission: 填报人 (filled in by) or 审核人 (approved by)."""

    name: Text = Field(description="姓名")
    post: Text = Field(description="职务，如 科员、处长、局长")


class Amendment(Strict):
    """A change made after the quarter was closed (its report already generated)."""

    date: Date = Field(description="更正日期，年-月-日")
    by: Text = Field(description="更正人")
    reason: Text = Field(description="更正原因和内容")


class Metric(Strict):
    """A figure the unit can count: a name, a number and its unit of measure (人次, 户, 场)."""

    name: Text = Field(description="指标名称；任务规定了统计口径时照 plan/sections 中的名称填写")
    value: float = Field(allow_inf_nan=False, description="数值，只写数字")
    unit: OptionalText = Field("", description="计量单位，如 人次")


class Case(Strict):
    """A typical case or good practice to promote (三（三）推广典型做法)."""

    title: Text = Field(description="案例标题")
    summary: Text = Field(description="主要做法和成效")


class DeliverableReport(Strict):
    """Progress on something the plan promises to produce, by its id in plan/sections."""

    id: Slug = Field(description="成果代码，见 plan/sections")
    status: StatusField
    note: OptionalText = Field("", description="说明，如 已形成征求意见稿")


class TaskReport(Strict):
    task: TaskId = Field(description="任务编号，如 1.2")
    status: StatusField
    narrative: Text = Field(description="本季度进展情况（必填）")
    measures: list[Text] = _listed("采取的措施")
    metrics: list[Metric] = _listed("数据")
    cases: list[Case] = _listed("典型案例、经验做法")
    deliverables: list[DeliverableReport] = _listed("方案要求的成果的进度")
    problems: list[Text] = _listed("存在的问题")
    next_steps: list[Text] = _listed("下一步打算")


class Contribution(Strict):
    """One figure of the child campaign that a forwarded total adds up."""

    file: Text = Field(description="下级仓库中的报送文件")
    unit: UnitId = Field(description="下级单位代码")
    task: TaskId = Field(description="下级任务编号")
    metric: Text = Field(description="下级的指标名称")
    value: float = Field(allow_inf_nan=False, description="数值")


class Figure(Strict):
    """Where one forwarded total comes from: each unit's figure below."""

    task: TaskId = Field(description="本文件中的任务编号")
    name: Text = Field(description="本文件中的指标名称")
    unit: OptionalText = Field("", description="计量单位")
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    sources: list[Contribution] = Field(alias="from", description="下级各单位的数")


class Provenance(Strict):
    """A submission written by `zzgzn forward`: the child campaign's quarter it consolidates."""

    campaign: Slug = Field(description="下级活动的代码")
    plan_version: Version = Field(description="下级方案的版本")
    commit: OptionalText = Field("", description="汇总时下级仓库的提交")
    quarter: Text = Field(description="汇总的季度")
    units: int = Field(ge=0, description="汇总的单位数")
    files: list[Text] = _listed("汇总的报送文件")
    figures: list[Figure] = _listed("每项数据由下级哪些单位的数相加")


class Submission(Strict):
    unit: UnitId = Field(description="单位代码，与文件名一致")
    # the period reported on: "quarter" in a quarterly campaign (2020Q2), "period" in any
    # (2024-03, 2024Q1, 2024H1, 2024); the attribute keeps the quarterly name
    quarter: Text = Field(
        validation_alias=AliasChoices("quarter", "period"),
        description="季度，如 2020Q2，与所在文件夹一致",
    )
    plan_version: Version = Field(description="所依据的方案版本，如 1.0.0")
    submitted_on: Date = Field(description="报送日期，年-月-日")
    liaison: Liaison = Field(description="联络员")
    summary: OptionalText = Field("", description="本季度总体情况（可选）")
    tasks: list[TaskReport] = Field(description="本单位负责的各项任务的进展")
    filled_by: Person | None = Field(None, description="填报人")
    approved_by: Person | None = Field(
        None, description="审核人（一般为单位负责人）；没有审核人的报送不是正式报送"
    )
    amendments: list[Amendment] = Field(
        [], description="本季度报告生成后的更正记录：每次更正加一条（日期、更正人、原因）"
    )
    provenance: Provenance | None = Field(
        None, description="zzgzn forward 汇总下级活动生成的文件的来源：活动、版本、提交、单位和文件"
    )

    @property
    def final(self) -> bool:
        """Approved by the unit: until then the office treats it as a draft."""
        return self.approved_by is not None
