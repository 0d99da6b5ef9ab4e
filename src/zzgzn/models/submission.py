"""A unit's quarterly submission: submissions/<quarter>/<unit-id>.yaml."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from zzgzn.models.fields import Date, OptionalText, Strict, TaskId, Text, UnitId, Version


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
    name: Text
    phone: Text


class Metric(Strict):
    """A figure the unit can count: 走访慰问 1200 人次."""

    name: Text
    value: float = Field(allow_inf_nan=False)
    unit: OptionalText = ""


class Case(Strict):
    """A typical case or good practice to promote (三（三）推广典型做法)."""

    title: Text
    summary: Text


class DeliverableReport(Strict):
    """Progress on something the plan promises to produce, by its id in plan/sections."""

    id: UnitId
    status: StatusField
    note: OptionalText = ""


class TaskReport(Strict):
    task: TaskId
    status: StatusField
    narrative: Text
    measures: list[Text] = []
    metrics: list[Metric] = []
    cases: list[Case] = []
    deliverables: list[DeliverableReport] = []
    problems: list[Text] = []
    next_steps: list[Text] = []


class Submission(Strict):
    unit: UnitId
    quarter: Text
    plan_version: Version
    submitted_on: Date
    liaison: Liaison
    summary: OptionalText = ""
    tasks: list[TaskReport]
