"""Check the whole repository: the plan, then every submission against it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from zzgzn import reporters
from zzgzn.errors import ZzgznError
from zzgzn.models.plan import Plan
from zzgzn.planload import load_plan
from zzgzn.problems import Problem, Severity, has_errors
from zzgzn.submissions import CheckedFile, check_file, discover, duplicate_submissions


@dataclass
class Validation:
    plan: Plan | None
    files: list[CheckedFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)


def validate_repository(
    root: Path, today: dt.date, paths: list[Path] | None = None, *, with_submissions: bool = True
) -> Validation:
    loaded = load_plan(root)
    result = Validation(loaded.plan, problems=list(loaded.problems))
    if loaded.plan is None or not with_submissions:
        return result
    found = discover(root, paths)
    result.problems += found.problems
    result.files = [check_file(path, display, loaded.plan, today) for path, display in found.files]
    duplicate_submissions(result.files)
    for checked in result.files:
        result.problems += checked.problems
    result.problems.sort()
    return result


def valid_plan(result: Validation) -> Plan:
    """The plan, or an error listing what is wrong in plan/: no report rests on a broken plan."""
    broken = [p for p in result.problems if p.is_error and p.path.startswith("plan/")]
    if result.plan is None or broken:
        raise ZzgznError(f"方案（plan/）未通过校验：\n{reporters.text(broken, 'zh')}".rstrip())
    return result.plan
