"""Find submission files and check each one against the plan.

Every file is checked on its own and every finding is kept: one unit's broken file never
hides another unit's report, and nothing a valid file holds is dropped.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from zzgzn.calendar.deadlines import deadline
from zzgzn.calendar.periods import Period, campaign_periods, is_period_folder
from zzgzn.checking import modelerrors
from zzgzn.checking.checkedfile import CheckedFile
from zzgzn.checking.discovery import folder_of
from zzgzn.checking.freezing import check_frozen
from zzgzn.checking.planrules import add_unknown_unit
from zzgzn.checking.provenance import check_provenance
from zzgzn.diagnostics.messages import phrase
from zzgzn.diagnostics.problems import Problem, Severity
from zzgzn.errors import CalendarError
from zzgzn.models.filing import Filing
from zzgzn.models.plan import Cadence, Plan, Task
from zzgzn.models.submission import Submission
from zzgzn.reading import fastload, loader
from zzgzn.reading.loader import Document, Loc

_UNIT_STEM = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def _calendar_covers(plan: Plan, start: dt.date, day: dt.date) -> bool:
    """Whether the working-day calendar can count from start to day (status, report, remind and
    summary count a late file's working days; a date they cannot count is refused here)."""
    if day <= start:
        return True
    from zzgzn.calendar.deadlines import calendar_for

    return calendar_for(plan).covers(start, day)


def check_file(
    path: str | Path, display: str, plan: Plan, today: dt.date, *, fast: bool = True
) -> CheckedFile:
    """Check one file; a clean file is read by the fast reader, any other by the careful one.

    Both readers record where every key and value stands, so a finding of the rules (a
    metric's near-variant name, a missing approver) carries its line and column either way,
    and both ways give the same (tests/test_fastload.py).
    """
    return check_bytes(loader.read_path(path, display), path, display, plan, today, fast=fast)


def check_bytes(
    raw: bytes | Document,
    path: str | Path,
    display: str,
    plan: Plan,
    today: dt.date,
    *,
    fast: bool = True,
) -> CheckedFile:
    """check_file on bytes already read (or a Document saying why they could not be)."""
    if isinstance(raw, Document):
        return _check(raw, path, display, plan, today)
    doc = fastload.read(raw, display) if fast else None
    if doc is None:
        doc = loader.load_bytes(raw, display)
    return _check(doc, path, display, plan, today)


def _check(
    doc: Document, path: str | Path, display: str, plan: Plan, today: dt.date
) -> CheckedFile:
    source = os.fspath(path)
    stem = os.path.splitext(os.path.basename(source))[0]
    checked = CheckedFile(display, folder_of(display), stem, doc, source=source)
    if doc.data is not None and not isinstance(doc.data, dict):
        doc.add(
            (),
            "not-mapping",
            actual=phrase("value-list" if isinstance(doc.data, list) else "value-single"),
        )
    elif doc.data is not None and checked.folder in plan.document_kinds:
        _check_filing(checked, doc.data, plan, today)
    elif (
        doc.data is not None
        and "kind" in doc.data
        and not is_period_folder(checked.folder, plan.cadence)
    ):
        # a document filed in a folder the plan does not declare: one finding, not a list of
        # "quarter missing, tasks missing" from reading it as a quarterly report
        doc.add(
            ("kind",),
            "unknown-obligation-folder",
            at_key=True,
            folder=checked.folder or "",
            allowed="、".join(plan.document_kinds) or "方案未规定任何材料",
            **period_words(plan),
            example=example_period(plan),
        )
    elif doc.data is not None:
        checked.submission = modelerrors.validate(
            doc,
            Submission,
            context=_task_context(doc.data),
            # a campaign of months, half-years or years names its period "period"
            rename={} if plan.cadence is Cadence.QUARTERLY else {"quarter": "period"},
        )
        if checked.submission is not None:
            checked.key = (checked.submission.unit, checked.submission.quarter)
            checked.submitted_on = checked.submission.submitted_on
            checked.dated = (
                checked.submitted_on,
                *(a.date for a in checked.submission.amendments),
            )
        _merge_unfilled(doc)
        _cross_check(checked, doc.data, plan, today)
    checked.problems = doc.problems
    return checked


def _check_filing(checked: CheckedFile, data: dict[str, Any], plan: Plan, today: dt.date) -> None:
    """A document filed for an obligation: its own schema, the same rules for unit and dates."""
    doc = checked.doc
    filing = checked.filing = modelerrors.validate(doc, Filing)
    _check_unit(checked, data.get("unit"), plan)
    kind = data.get("kind")
    if isinstance(kind, str) and kind.strip() != checked.folder:
        doc.add(("kind",), "kind-mismatch", kind=kind, folder=checked.folder)
    _check_version(doc, data.get("plan_version"), plan.meta.version)
    if filing is None:
        return
    checked.key = (filing.unit, checked.folder or filing.kind)  # a wrong kind: see above
    checked.submitted_on = filing.submitted_on
    checked.dated = (filing.submitted_on,)
    if filing.submitted_on > today:
        doc.add(("submitted_on",), "submitted-future", date=filing.submitted_on, today=today)
    elif not _calendar_covers(plan, plan.activity[0], filing.submitted_on):
        doc.add(
            ("submitted_on",),
            "calendar-gap",
            date=filing.submitted_on,
            year=filing.submitted_on.year,
        )
    checked.cacheable = not filing.attachment
    if filing.attachment and checked.source is not None:
        parents = Path(checked.source).parents
        root = (parents[2] if len(parents) > 2 else Path(".")).resolve()
        target = (root / filing.attachment).resolve()
        # "in the repository" means inside it: ../../ or an absolute path is not
        if root not in target.parents or not target.is_file():
            doc.add(("attachment",), "attachment-missing", attachment=filing.attachment)
    _check_sign_off(doc, filing)


def _check_sign_off(doc: Document, signed: Submission | Filing) -> None:
    if signed.filled_by is None:
        doc.add((), "no-filler", Severity.WARNING)
    if signed.approved_by is None:
        doc.add((), "no-approver", Severity.WARNING)


def _merge_unfilled(doc: Document) -> None:
    """A task left as the scaffold made it is one finding ("not filled in"), not one per field."""
    by_task: dict[str, list[Problem]] = {}
    for p in doc.problems:
        task = dict(p.params).get("in_task")
        if p.code == "empty-value" and task:
            by_task.setdefault(task, []).append(p)
    tasks = doc.data.get("tasks") if isinstance(doc.data, dict) else None
    for task, empties in by_task.items():
        if len(empties) < 2 or not isinstance(tasks, list):
            continue
        index = next(
            (
                i
                for i, t in enumerate(tasks)
                if isinstance(t, dict) and loader.raw_text(t.get("task")) == task
            ),
            None,
        )
        if index is None:
            continue
        doc.problems[:] = [p for p in doc.problems if p not in empties]
        fields = "、".join(dict.fromkeys(dict(p.params)["field"] for p in empties))
        doc.add(("tasks", index), "task-unfilled", task=task, fields=fields)


def _task_context(data: dict[str, Any]) -> Any:
    def context(loc: Loc) -> str | None:
        tasks = data.get("tasks")
        if (
            len(loc) >= 2
            and loc[0] == "tasks"
            and isinstance(loc[1], int)
            and isinstance(tasks, list)
        ):
            entry = tasks[loc[1]] if loc[1] < len(tasks) else None
            if isinstance(entry, dict) and entry.get("task") is not None:
                return loader.raw_text(entry["task"])
        return None

    return context


def _cross_check(checked: CheckedFile, data: dict[str, Any], plan: Plan, today: dt.date) -> None:
    """Rules that need the plan; run on the raw data so they report even beside schema errors."""
    doc = checked.doc
    unit_id = data.get("unit")
    if checked.folder is None:
        doc.add((), "bad-folder", **period_words(plan), example=example_period(plan))
    _check_unit(checked, unit_id, plan)

    key = "period" if "period" in data or plan.cadence is not Cadence.QUARTERLY else "quarter"
    if "quarter" in data and plan.cadence is not Cadence.QUARTERLY:
        doc.add(("quarter",), "period-key", at_key=True, **period_words(plan))
        key = "quarter"
    quarter = _check_quarter(checked, key, data.get(key), plan)
    _check_version(doc, data.get("plan_version"), plan.meta.version)
    submission = checked.submission
    if submission is not None and quarter is not None:
        if submission.submitted_on > today:
            doc.add(
                ("submitted_on",), "submitted-future", date=submission.submitted_on, today=today
            )
        elif not _calendar_covers(plan, quarter.end, submission.submitted_on):
            doc.add(
                ("submitted_on",),
                "calendar-gap",
                date=submission.submitted_on,
                year=submission.submitted_on.year,
            )
        elif submission.submitted_on <= _early_before(plan, quarter):
            doc.add(
                ("submitted_on",),
                "submitted-early",
                Severity.WARNING,
                date=submission.submitted_on,
                end=quarter.end,
                **period_words(plan),
            )
        check_frozen(doc, submission, plan, today)
    if submission is not None:
        _check_sign_off(doc, submission)
        check_provenance(doc, submission, plan)
    tasks = data.get("tasks")
    if isinstance(tasks, list):
        _check_tasks(doc, tasks, unit_id if isinstance(unit_id, str) else "", plan)


def _check_unit(checked: CheckedFile, unit_id: Any, plan: Plan) -> None:
    doc = checked.doc
    if isinstance(unit_id, str):
        if unit_id not in plan.units:
            # one finding per mistake: "unknown unit, did you mean …?" replaces "bad id"
            where = doc.pos(("unit",))
            doc.problems[:] = [
                p for p in doc.problems if not (p.code == "bad-id" and (p.line, p.column) == where)
            ]
            add_unknown_unit(doc, ("unit",), unit_id, plan)
        elif unit_id != checked.stem:
            doc.add(("unit",), "unit-mismatch", file_unit=checked.stem, unit=unit_id)
    elif unit_id is None and not _UNIT_STEM.match(checked.stem):
        doc.add((), "bad-filename", name=checked.path, **period_words(plan))


def period_words(plan: Plan) -> dict[str, Any]:
    """The campaign's kind of period for a message: 季度 / 月份 / 半年 / 年度, 每季度 …"""
    return {"kind": phrase(f"period-{plan.cadence}"), "each": phrase(f"each-{plan.cadence}")}


def example_period(plan: Plan) -> Period:
    """A period of the campaign to show in a hint (its second, as 2020Q2 is in the shipped one)."""
    periods = campaign_periods(plan)
    return periods[min(1, len(periods) - 1)]


def _early_before(plan: Plan, period: Period) -> dt.date:
    """A file dated on or before this day was sent suspiciously early: two weeks before the
    period ends, or — when the report is due before the end (每季度最后一个月25日前) — two
    weeks before it is due."""
    key = ("early-before", period)
    if (known := plan.memo.get(key)) is not None:
        assert isinstance(known, dt.date)
        return known
    try:
        due = deadline(plan, period).due
    except CalendarError:  # a year the calendar lacks is validate's own finding elsewhere
        due = period.end
    day = plan.memo[key] = min(period.end, due) - dt.timedelta(days=14)
    return day


def _check_quarter(checked: CheckedFile, key: str, value: Any, plan: Plan) -> Period | None:
    doc = checked.doc
    if isinstance(value, int) and not isinstance(value, bool):
        value = loader.raw_text(value)  # period: 2024, a yearly campaign's period unquoted
    if not isinstance(value, str):
        return None
    quarter = Period.from_canonical(value.strip(), plan.cadence)
    words = period_words(plan)
    if quarter is None:
        doc.add((key,), "bad-quarter", value=value, example=example_period(plan), **words)
        return None
    if quarter not in campaign_periods(plan):
        start, end = plan.activity
        doc.add((key,), "quarter-outside-window", quarter=quarter, start=start, end=end, **words)
    if checked.folder is not None and checked.folder != str(quarter):
        doc.add((key,), "quarter-mismatch", folder=checked.folder, quarter=quarter, key=key)
    return quarter


def _check_version(doc: Document, value: Any, current: str) -> None:
    if value is None:
        return
    version = loader.raw_text(value).strip()
    if version == current or not re.match(r"^\d+\.\d+\.\d+", version):
        return
    same_major = version.split(".")[0] == current.split(".")[0]
    doc.add(
        ("plan_version",),
        "plan-version-mismatch",
        Severity.WARNING if same_major else Severity.ERROR,
        version=version,
        current=current,
    )


def _check_tasks(doc: Document, tasks: list[Any], unit_id: str, plan: Plan) -> None:
    if not tasks:
        doc.add(("tasks",), "no-tasks")
    unit = plan.units.get(unit_id)
    first_line: dict[str, int] = {}
    for i, entry in enumerate(tasks):
        if not isinstance(entry, dict) or entry.get("task") is None:
            continue
        task_id = loader.raw_text(entry["task"]).strip()
        loc: Loc = ("tasks", i, "task")
        if task_id in first_line:
            doc.add(loc, "duplicate-task", task=task_id, first_line=first_line[task_id])
            continue
        first_line[task_id] = doc.pos(loc)[0]
        task = plan.tasks.get(task_id)
        if task is None:
            if re.match(r"^[0-9]{1,2}\.[0-9]{1,2}$", task_id):
                doc.add(loc, "unknown-task", task=task_id)
            continue
        if unit is not None and unit_id not in task.units and not plan.may_report_any_task(unit_id):
            doc.add(loc, "task-not-owned", task=task_id, title=task.title, unit_name=unit.name)
        known = [d.id for d in task.deliverables]
        for d, item in enumerate(entry.get("deliverables") or []):
            if (
                isinstance(item, dict)
                and isinstance(item.get("id"), str)
                and item["id"] not in known
            ):
                doc.add(
                    ("tasks", i, "deliverables", d, "id"),
                    "unknown-deliverable",
                    task=task_id,
                    deliverable=item["id"],
                    allowed="、".join(known) or "（无）",
                )
        if task.metrics:
            _check_metrics(doc, i, entry.get("metrics"), task)
    if unit is not None and not plan.may_report_any_task(unit_id):
        missing = [t.id for t in plan.tasks_of(unit_id) if t.id not in first_line]
        if missing and tasks:
            doc.add(
                ("tasks",),
                "task-missing",
                Severity.WARNING,
                tasks="、".join(missing),
                this=phrase(f"this-{plan.cadence}"),
            )


def _check_metrics(doc: Document, index: int, metrics: Any, task: Task) -> None:
    """A figure under a near-variant of a declared name, or in another unit of measure, is
    not added to the task's total: warn where it is written, with what the plan declares."""
    if not isinstance(metrics, list):
        return
    for m, item in enumerate(metrics):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        name = item["name"].strip()
        spec = task.declared_metric(name)
        if spec is None:
            continue
        loc: Loc = ("tasks", index, "metrics", m)
        if spec.name != name:
            doc.add(
                (*loc, "name"),
                "metric-name",
                Severity.WARNING,
                task=task.id,
                name=name,
                declared=spec.name,
                unit=spec.unit,
            )
        unit = item.get("unit")
        written = loader.raw_text(unit).strip() if unit is not None else ""
        if written != spec.unit:
            doc.add(
                (*loc, "unit") if unit is not None else loc,
                "metric-unit",
                Severity.WARNING,
                task=task.id,
                name=spec.name,
                written=written or "（未写）",
                declared=spec.unit,
            )
