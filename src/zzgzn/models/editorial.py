"""The office's own words on a quarter's report: editorial/<quarter>.yaml (编审意见).

What a tool cannot compute — an overall judgement, a remark on a task, next quarter's work
arrangements — and which typical cases the main report features. Optional: without it the
report is complete; with it, its text goes where the report template says.
"""

from __future__ import annotations

from pydantic import AliasChoices, Field

from zzgzn.models.fields import OptionalText, Strict, TaskId, Text


class TaskNote(Strict):
    task: TaskId = Field(description="任务编号，如 1.2")
    note: Text = Field(description="处室对该任务的意见，写在报告该任务之后")


class CaseChoice(Strict):
    """Which typical cases the main report features (all of them are in the compilation)."""

    per_task: int = Field(2, ge=0, le=20, description="每项任务最多选录几个（默认 2）")
    total: int = Field(6, ge=0, le=100, description="报告中最多选录几个（默认 6）")
    featured: list[Text] = Field([], description="指定选录的案例标题（优先，不受个数限制）")
    omitted: list[Text] = Field([], description="不选录的案例标题")


class Editorial(Strict):
    quarter: Text = Field(  # "period" in a campaign of months, half-years or years
        validation_alias=AliasChoices("quarter", "period"),
        description="季度，如 2020Q2，与文件名一致",
    )
    overall: OptionalText = Field("", description="总体评价：写在“一、总体情况”之后")
    tasks: list[TaskNote] = Field([], description="对各项任务的意见")
    cases: CaseChoice = Field(CaseChoice(), description="典型案例的选录")
    arrangements: OptionalText = Field("", description="下季度工作安排：报告的最后一部分")
