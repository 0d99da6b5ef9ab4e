"""What later quarters need of a submission: a small, plain summary instead of the whole.

A quarter's report compares it with every earlier quarter (progress for the first time ever,
problems raised again, promises not taken up) and counts typical cases for the obligations.
At national scale that is thousands of earlier files; keeping, or sending back from worker
processes, their full validated models cost as much time as checking them and a hundred MB.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zzgzn.models.submission import Status, Submission, TaskReport


@dataclass(frozen=True, slots=True)
class TaskTrace:
    task: str
    status: Status
    problems: tuple[str, ...]
    next_steps: tuple[str, ...]
    cases: int

    @classmethod
    def of(cls, report: TaskReport) -> TaskTrace:
        return cls(
            report.task,
            report.status,
            tuple(report.problems),
            tuple(report.next_steps),
            len(report.cases),
        )


@dataclass(frozen=True, slots=True)
class Trace:
    unit: str
    quarter: str
    submitted_on: dt.date
    tasks: tuple[TaskTrace, ...]

    @classmethod
    def of(cls, submission: Submission) -> Trace:
        return cls(
            submission.unit,
            submission.quarter,
            submission.submitted_on,
            tuple(TaskTrace.of(t) for t in submission.tasks),
        )

    @property
    def cases(self) -> int:
        return sum(t.cases for t in self.tasks)
