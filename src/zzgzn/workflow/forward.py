"""`zzgzn forward`: a campaign's consolidated quarter becomes its submission to the level above.

The campaign's plan names its parent (plan.yaml `parent:`): the parent campaign's id and plan
version, this campaign's unit id in the parent's registry, and which of its tasks feed which
parent task. Everything the submission says comes from the quarter's consolidated report
(report/job.assemble + report/consolidation), so the parent reads the same counts, totals and
grouped problems the office's own report prints:

- status: every reporting unit done → 已完成; done or ongoing → 常态化推进; none started →
  未启动; otherwise 推进中;
- narrative: how many units reported in which status, then each mapped task's lead account;
- figures: each mapped task's totals (the child's rules: totals.py), renamed by the mapping and
  added by the parent task's rules (task_totals again, on the parent's 统计口径); a rate, a
  figure the child report left out of its totals, or one the parent does not declare is not
  forwarded, and the outcome names it;
- problems and next steps: the grouped lines with how many units raised them; the cases the
  report selected; liaison from the office's registry entry, sign-off from the parent block.

The file is checked against the parent's plan (checking/rules.check_bytes) before it is
written. A file already there is left alone when only its provenance's commit would change;
when the parent's quarter is closed (plan/frozen.yaml there), a changed file gets an amendment
record saying what changed, as the freezing rules require of any other unit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from zzgzn.calendar.periods import KIND_WORDS, Period, parse_plan_period
from zzgzn.checking.discovery import PLAN_DIR, SUBMISSIONS_DIR
from zzgzn.checking.planload import load_plan
from zzgzn.checking.rules import check_bytes
from zzgzn.diagnostics.messages import phrase
from zzgzn.diagnostics.problems import Problem, Severity, has_errors, problem
from zzgzn.errors import PlanInvalid, UsageError, ZzgznError
from zzgzn.files import write_atomic
from zzgzn.git import run_git
from zzgzn.models.plan import Aggregate, ParentLink, Plan, Task, TaskLink, Unit
from zzgzn.models.submission import (
    Amendment,
    Case,
    Contribution,
    Figure,
    Liaison,
    Metric,
    Provenance,
    Status,
    Submission,
    TaskReport,
)
from zzgzn.reading import loader
from zzgzn.reading.document import Document
from zzgzn.report.consolidation import Consolidation, TaskView
from zzgzn.report.job import assemble
from zzgzn.report.model import Attributed, QuarterReport
from zzgzn.report.totals import task_totals
from zzgzn.similar import group_similar

PLAN_FILE = f"{PLAN_DIR}/plan.yaml"


@dataclass(frozen=True)
class NotForwarded:
    """A figure of a mapped task that the parent's file does not carry, and why."""

    task: str  # this campaign's task
    name: str
    unit: str
    units: int  # how many units reported it
    reason: str  # a catalogue key: forward-why-*


@dataclass
class ForwardOutcome:
    quarter: Period
    target: Path | None = None
    submission: Submission | None = None
    state: str = "blocked"  # written, amended, unchanged, blocked
    blocking: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    not_forwarded: list[NotForwarded] = field(default_factory=list)
    unreported: list[str] = field(default_factory=list)  # parent tasks nobody here reported


@dataclass(frozen=True)
class ParentCampaign:
    root: Path
    plan: Plan
    checkout: bool  # a repository (write into its submissions/), not a bare plan/ copy


def open_parent(path: Path) -> ParentCampaign:
    """The parent campaign at path: a checkout of its repository, or a copy of its plan/."""
    if (path / PLAN_DIR / "plan.yaml").is_file():
        root, checkout = path, True
    elif path.name == PLAN_DIR and (path / "plan.yaml").is_file():
        root, checkout = path.parent, (path.parent / SUBMISSIONS_DIR).is_dir()
    else:
        raise UsageError("forward-parent-not-found", path=path)
    loaded = load_plan(root)
    broken = [p for p in loaded.problems if p.is_error]
    if loaded.plan is None or broken:
        raise PlanInvalid([dataclasses.replace(p, path=str(root / p.path)) for p in broken])
    return ParentCampaign(root, loaded.plan, checkout)


def parent_quarter(quarter: Period, parent: Plan) -> Period:
    """The parent's reporting period this quarter's consolidation answers (the one place that
    knows the two campaigns count in the same periods: months are not added up into quarters)."""
    if quarter.kind is not parent.cadence:
        mine, theirs = KIND_WORDS[quarter.kind], KIND_WORDS[parent.cadence]
        words = {"mine": mine[0], "mine@en": mine[1], "theirs": theirs[0], "theirs@en": theirs[1]}
        raise ZzgznError("forward-cadence-mismatch", **words)
    try:
        return parse_plan_period(str(quarter), parent)
    except UsageError:
        start, end = parent.activity
        raise ZzgznError("forward-quarter-outside", quarter=quarter, start=start, end=end) from None


def check_link(plan: Plan, parent: Plan, doc: Document) -> list[Problem]:
    """What the parent block says that the parent's plan contradicts, at its place in
    plan/plan.yaml (doc)."""
    link = plan.meta.parent
    assert link is not None
    at: tuple[Any, ...] = ("parent",)
    if link.campaign != parent.meta.id:
        doc.add(
            (*at, "campaign"),
            "forward-wrong-campaign",
            campaign=link.campaign,
            found=parent.meta.id,
        )
    major, current = link.plan_version.split(".")[:2], parent.meta.version.split(".")[:2]
    if major[0] != current[0] or major[1] != current[1]:
        doc.add(
            (*at, "plan_version"),
            "forward-parent-version",
            Severity.ERROR if major[0] != current[0] else Severity.WARNING,
            version=link.plan_version,
            current=parent.meta.version,
        )
    me = parent.units.get(link.unit)
    if me is None:
        doc.add((*at, "unit"), "forward-unknown-unit", unit=link.unit, campaign=parent.meta.id)
    for i, entry in enumerate(link.tasks):
        loc = (*at, "tasks", i)
        task = parent.tasks.get(entry.task)
        if task is None:
            doc.add((*loc, "task"), "forward-unknown-parent-task", task=entry.task)
            continue
        if me is not None and me.id not in task.units and not parent.may_report_any_task(me.id):
            doc.add(
                (*loc, "task"),
                "forward-task-not-owned",
                unit_name=me.name,
                task=task.id,
                title=task.title,
            )
        _check_metric_links(plan, entry, task, doc, loc)
    return doc.problems


def check_cycle(report: QuarterReport, parent: Plan, doc: Document) -> None:
    """Campaigns form a chain, never a loop: forwarding to this campaign itself, or to a
    campaign whose own forwarded file is consolidated here, would count its figures again
    on every run."""
    at = ("parent", "campaign")
    if parent.meta.id == report.plan.meta.id:
        doc.add(at, "forward-parent-is-self", campaign=parent.meta.id)
        return
    for filed in report.filed:
        origin = filed.submission.provenance
        if origin is not None and origin.campaign == parent.meta.id:
            this = phrase(f"this-{report.plan.cadence}")
            doc.add(at, "forward-cycle", path=filed.source, campaign=parent.meta.id, this=this)


def _check_metric_links(
    plan: Plan, entry: TaskLink, task: Task, doc: Document, loc: tuple[Any, ...]
) -> None:
    mine = {m.name: m for t in entry.sources if t in plan.tasks for m in plan.tasks[t].metrics}
    theirs = {m.name: m for m in task.metrics}
    for j, metric in enumerate(entry.metrics):
        ours, target = mine.get(metric.name), theirs.get(metric.to)
        if ours is None:
            continue  # named by the plan's own rules (parent_link)
        if target is None:
            doc.add(
                (*loc, "metrics", j, "to"),
                "forward-unknown-parent-metric",
                task=task.id,
                name=metric.to,
                allowed="、".join(theirs) or "-",
            )
        elif target.unit != ours.unit:
            doc.add(
                (*loc, "metrics", j),
                "forward-metric-unit",
                name=ours.name,
                unit=ours.unit,
                task=task.id,
                to=target.name,
                parent_unit=target.unit,
            )
        elif target.aggregate is not ours.aggregate:
            doc.add(
                (*loc, "metrics", j),
                "forward-metric-aggregate",
                name=ours.name,
                rule=ours.aggregate.value,
                to=target.name,
                parent_rule=target.aggregate.value,
            )


def run_forward(
    root: Path,
    quarter_text: str,
    parent_path: Path,
    today: dt.date,
    *,
    output: Path | None = None,
    use_cache: bool = False,
    force: bool = False,
) -> ForwardOutcome:
    """Consolidate the quarter here, write it as this campaign's submission to the parent.

    force: replace a file at the target that `zzgzn forward` did not write."""
    made = assemble(root, quarter_text, today, allow_invalid=False, use_cache=use_cache)
    outcome = ForwardOutcome(made.outcome.quarter)
    if made.outcome.blocking or made.outcome.report is None:
        outcome.blocking = made.outcome.blocking
        return outcome
    report = made.outcome.report
    plan = report.plan
    link = plan.meta.parent
    if link is None:
        raise ZzgznError("forward-no-parent", path=PLAN_FILE)
    parent = open_parent(parent_path)
    quarter = parent_quarter(report.quarter, parent.plan)
    doc = loader.load_path(root / PLAN_FILE, PLAN_FILE)
    found = check_link(plan, parent.plan, doc)
    check_cycle(report, parent.plan, doc)
    liaison = _liaison(plan, root)
    if isinstance(liaison, Problem):
        found.append(liaison)
    outcome.warnings = [p for p in found if not p.is_error]
    if has_errors(found):
        outcome.blocking = sorted(p for p in found if p.is_error)
        return outcome
    assert isinstance(liaison, Liaison)
    display = f"{SUBMISSIONS_DIR}/{quarter}/{link.unit}.yaml"
    if output is None and not parent.checkout:
        raise UsageError("forward-needs-output", path=parent_path)
    target = output if output is not None else parent.root / display
    outcome.target = target
    consolidation = made.consolidation
    assert consolidation is not None  # assemble consolidates by default
    tasks, figures = _tasks(report, consolidation, link, parent.plan, outcome)
    submission = Submission(
        unit=link.unit,
        quarter=str(quarter),
        plan_version=link.plan_version,
        submitted_on=today,
        liaison=liaison,
        summary=_summary(report),
        tasks=tasks,
        filled_by=link.filled_by,
        approved_by=link.approved_by,
        provenance=Provenance(
            campaign=plan.meta.id,
            plan_version=plan.meta.version,
            commit=_commit(root),
            quarter=str(report.quarter),
            units=len(report.filed),
            files=[f.source for f in report.filed],
            figures=figures,
        ),
    )
    before = _existing(target)
    if target.is_file() and not force and (before is None or before.provenance is None):
        # someone's own file (or one zzgzn cannot read): never replaced without being asked
        raise UsageError("forward-would-replace", path=target)
    if before is not None:
        if _same(before, submission):
            outcome.state, outcome.submission = "unchanged", before
            return outcome
        submission = _revised(before, submission, report, link, liaison, parent.plan, today)
    elif parent.plan.frozen.get(str(quarter)) is not None:
        submission = _late(submission, link, liaison, today, quarter.word)
    raw = render(submission, plan.meta.id, quarter.word)
    checked = check_bytes(raw, target, display, parent.plan, today)
    outcome.warnings += [p for p in checked.problems if not p.is_error]
    if has_errors(checked.problems):
        outcome.blocking = sorted(p for p in checked.problems if p.is_error)
        return outcome
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, raw)
    outcome.submission = submission
    outcome.state = "amended" if len(submission.amendments) > _count(before) else "written"
    return outcome


def _count(before: Submission | None) -> int:
    return len(before.amendments) if before is not None else 0


def _liaison(plan: Plan, root: Path) -> Liaison | Problem:
    """The office's liaison (units.yaml): who the parent's office calls about the file."""
    office = plan.office
    if office.liaison.name.strip() and office.liaison.phone.strip():
        return Liaison(name=office.liaison.name, phone=office.liaison.phone)
    path = f"{PLAN_DIR}/units.yaml"
    doc = loader.load_path(root / path, path)
    index = next(i for i, u in enumerate(plan.registry.units) if u.id == office.id)
    return problem(path, doc.pos(("units", index)), "forward-no-liaison", unit=office.name)


def _summary(report: QuarterReport) -> str:
    return (
        f"本级{report.quarter.label}应报{report.due_units}个单位，按时报送{report.count('on_time')}个，"
        f"逾期{report.count('late')}个，未报送{report.count('missing')}个；"
        f"本文件汇总{len(report.filed)}个单位的报送。"
    )


def consolidated_status(statuses: Iterable[Status]) -> Status:
    found = set(statuses)
    if found == {Status.DONE}:
        return Status.DONE
    if found <= {Status.DONE, Status.ONGOING}:
        return Status.ONGOING
    if found == {Status.NOT_STARTED}:
        return Status.NOT_STARTED
    return Status.IN_PROGRESS


def _tasks(
    report: QuarterReport,
    consolidation: Consolidation,
    link: ParentLink,
    parent: Plan,
    outcome: ForwardOutcome,
) -> tuple[list[TaskReport], list[Figure]]:
    order = {t: i for i, t in enumerate(parent.tasks)}
    sources = {f.unit.id: f.source for f in report.filed}
    stands = {
        uid: f.submission.provenance.units
        for uid, f in report.forwarded.items()
        if f.submission.provenance is not None
    }
    tasks: list[TaskReport] = []
    figures: list[Figure] = []
    for entry in sorted(link.tasks, key=lambda e: order[e.task]):
        views = [consolidation.task(t) for t in entry.sources]
        views = [v for v in views if v.block.entries]
        if not views:
            outcome.unreported.append(entry.task)
            continue
        task = parent.tasks[entry.task]
        metrics, found = _figures(entry, task, views, sources, outcome)
        figures += found
        tasks.append(
            TaskReport(
                task=task.id,
                status=consolidated_status(e.report.status for v in views for e in v.block.entries),
                narrative=_narrative(views),
                measures=list(
                    dict.fromkeys(m for v in views if v.lead for m in v.lead.report.measures)
                ),
                metrics=metrics,
                cases=_cases(views),
                problems=_raised(report.problems, entry.sources, "个单位提出", stands),
                next_steps=_raised(report.next_steps, entry.sources, "个单位", stands),
            )
        )
    # a figure one link leaves out may be another's (one task onto several): name only the rest
    sent = {(c.task, c.metric) for f in figures for c in f.sources}
    outcome.not_forwarded = list(
        dict.fromkeys(n for n in outcome.not_forwarded if (n.task, n.name) not in sent)
    )
    return tasks, figures


def _narrative(views: Sequence[TaskView]) -> str:
    """How many units reported in which status, then each mapped task's lead account."""
    units = {e.unit.id for v in views for e in v.block.entries}
    paragraphs = [f"本级{len(units)}个单位报送。"]
    for v in views:
        said = "、".join(f"{g.status.label}{len(g.units)}个" for g in v.statuses)
        lead = v.lead or v.block.entries[0]
        role = "（牵头）" if v.lead is not None else ""
        where = f"任务{v.task.id}（{v.task.title}）" if len(views) > 1 else "其中"
        account = f"{lead.unit.name}{role}：{lead.report.narrative.strip()}"
        paragraphs.append(f"{where}{v.reporting}个单位：{said}。{account}")
    if len(views) == 1:  # one task: its counts are the level's
        paragraphs = [f"本级{len(units)}个单位报送（{said}）。{account}"]
    return "\n\n".join(paragraphs)


def _cases(views: Sequence[TaskView]) -> list[Case]:
    seen: dict[str, Case] = {}
    for v in views:
        for case in v.cases:
            names = "、".join(u.name for u in case.units)
            seen.setdefault(
                case.title, Case(title=case.title, summary=f"{case.summary}（{names}）")
            )
    return list(seen.values())


# what a forwarded file's problem already says of itself: "…（2个单位提出）"
_COUNTED = re.compile(r"^(?P<text>.*?)（(?P<n>[0-9]+)个单位(?:提出)?）$", re.S)


def _raised(
    items: Sequence[Attributed], tasks: Sequence[str], said: str, stands: dict[str, int]
) -> list[str]:
    """The distinct problems (or next steps) on tasks, as the report groups them
    (similar.group_similar), each with how many units raised it: a line from a file forwarded
    from below (stands: unit → the units its provenance consolidates) counts the units it says,
    at most that many; a unit's own line is one unit, whatever it writes in brackets."""
    wanted = set(tasks)
    weighed: list[tuple[Attributed, str, int]] = []
    for a in items:
        if a.task.id in wanted:
            found = _COUNTED.match(a.text.strip()) if a.unit.id in stands else None
            text, n = (found["text"], int(found["n"])) if found else (a.text.strip(), 1)
            weighed.append((a, text, max(1, min(n, stands.get(a.unit.id, 1)))))
    lines = []
    for group in group_similar(weighed, lambda w: w[1]):
        by_unit: dict[str, int] = {}
        for a, _, n in group.items:
            by_unit[a.unit.id] = max(n, by_unit.get(a.unit.id, 0))
        lines.append((sum(by_unit.values()), group.items[0][1]))
    lines.sort(key=lambda pair: -pair[0])  # stable: the report's order among equals
    return list(dict.fromkeys(f"{text}（{n}{said}）" for n, text in lines))


def _figures(
    entry: TaskLink,
    task: Task,
    views: Sequence[TaskView],
    sources: dict[str, str],
    outcome: ForwardOutcome,
) -> tuple[list[Metric], list[Figure]]:
    """The parent task's figures: the child totals renamed by the mapping and added by the
    parent's rules (task_totals on the parent task), each with the child figures it adds."""
    renamed = {m.name: m.to for m in entry.metrics}
    declared = {(m.name, m.unit): m for m in task.metrics}
    reported: dict[str, tuple[Unit, list[Metric]]] = {}
    contributions: dict[tuple[str, str], list[Contribution]] = {}
    for view in views:
        for total in view.totals.totals:
            key = (renamed.get(total.name, total.name), total.unit)
            spec = declared.get(key)
            reason = ""
            if spec is None:
                reason = "forward-why-undeclared"
            elif total.aggregate is Aggregate.NONE:
                reason = "forward-why-rate"
            elif spec.aggregate is not total.aggregate:
                reason = "forward-why-rule"
            if reason:
                outcome.not_forwarded.append(
                    NotForwarded(view.task.id, total.name, total.unit, total.units, reason)
                )
                continue
            for unit, value in total.figures:
                metric = Metric(name=key[0], value=value, unit=key[1])
                reported.setdefault(unit.id, (unit, []))[1].append(metric)
                contributions.setdefault(key, []).append(
                    Contribution(
                        file=sources[unit.id],
                        unit=unit.id,
                        task=view.task.id,
                        metric=total.name,
                        value=value,
                    )
                )
        for left in view.totals.left_out:
            outcome.not_forwarded.append(
                NotForwarded(
                    view.task.id, left.metric.name, left.metric.unit, 1, "forward-why-left-out"
                )
            )
    totals = task_totals(task, reported.values())
    metrics = [Metric(name=t.name, value=t.value, unit=t.unit) for t in totals.totals]
    figures = [
        Figure(task=task.id, name=t.name, unit=t.unit, sources=contributions[(t.name, t.unit)])
        for t in totals.totals
    ]
    return metrics, figures


def _commit(root: Path) -> str:
    """The child repository's commit, marked when the files read differ from it."""
    head = run_git(root, "rev-parse", "HEAD")
    if head is None or head.returncode != 0:
        return ""
    status = run_git(root, "status", "--porcelain", "--", PLAN_DIR, SUBMISSIONS_DIR)
    dirty = status is not None and status.returncode == 0 and status.stdout.strip()
    return head.stdout.strip() + ("-dirty" if dirty else "")


def _existing(target: Path) -> Submission | None:
    if not target.is_file():
        return None
    from pydantic import ValidationError

    data = loader.load_path(target, str(target)).data
    try:
        return Submission.model_validate(data)
    except ValidationError:
        return None  # not a submission zzgzn can read: the new file replaces it


def _comparable(submission: Submission) -> dict[str, Any]:
    data = submission.model_dump(exclude={"submitted_on", "amendments"})
    if data.get("provenance"):
        data["provenance"].pop("commit", None)
    return data


def _same(before: Submission, now: Submission) -> bool:
    return _comparable(before) == _comparable(now)


def _revised(
    before: Submission,
    now: Submission,
    report: QuarterReport,
    link: ParentLink,
    liaison: Liaison,
    parent: Plan,
    today: dt.date,
) -> Submission:
    """now, dated as first sent; with an amendment record when the parent's quarter is closed."""
    amendments = list(before.amendments)
    if parent.frozen.get(now.quarter) is not None:
        since = max([before.submitted_on, *(a.date for a in before.amendments)])
        reason = changes(before, now, parent) + _child_amendments(report, since)
        by = link.filled_by.name if link.filled_by else liaison.name
        amendments.append(Amendment(date=today, by=by, reason=reason))
    return now.model_copy(update={"submitted_on": before.submitted_on, "amendments": amendments})


def _late(
    now: Submission, link: ParentLink, liaison: Liaison, today: dt.date, word: str
) -> Submission:
    """word: the period's (季度, 月份 …): both campaigns report by the same period."""
    by = link.filled_by.name if link.filled_by else liaison.name
    record = Amendment(date=today, by=by, reason=f"上级{word}封存后首次转报（zzgzn forward）")
    return now.model_copy(update={"amendments": [record]})


def changes(before: Submission, now: Submission, parent: Plan) -> str:
    """What a re-forwarded file changes, in the words of an amendment record."""
    said: list[str] = []
    old = {t.task: t for t in before.tasks}
    new = {t.task: t for t in now.tasks}
    for task_id in [*new, *(t for t in old if t not in new)]:
        a, b = old.get(task_id), new.get(task_id)
        if a is None:
            said.append(f"新增任务{task_id}")
            continue
        if b is None:
            said.append(f"删去任务{task_id}")
            continue
        if a.status is not b.status:
            said.append(f"任务{task_id}状态由{a.status.label}改为{b.status.label}")
        figures = {(m.name, m.unit): m.value for m in a.metrics}
        for m in b.metrics:
            was = figures.pop((m.name, m.unit), None)
            if was != m.value:
                shown = "无" if was is None else f"{_number(was)}{m.unit}"
                said.append(f"任务{task_id}“{m.name}”由{shown}改为{_number(m.value)}{m.unit}")
        said += [f"任务{task_id}删去“{name}”" for name, _ in figures]
        if len(said) == 0 and a != b:
            said.append(f"任务{task_id}的进展情况有改动")
    text = "；".join(said) or "来源的提交有改动"
    return f"下级报送更正后重新汇总：{text}"


def _child_amendments(report: QuarterReport, since: dt.date) -> str:
    found = [
        f"{unit.name}（{a.date.isoformat()}）：{a.reason}"
        for unit, a in report.amendments
        if a.date >= since
    ]
    return f"。下级更正记录：{'；'.join(found)}" if found else ""


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # lists indented under their key, as people write


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _float(dumper: yaml.SafeDumper, value: float) -> yaml.ScalarNode:
    if value.is_integer():
        return dumper.represent_int(int(value))
    return dumper.represent_float(value)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(float, _float)

HEADER = (
    "# yaml-language-server: $schema=../../schemas/submission.schema.json\n"
    "# 由 zzgzn forward 汇总下级活动 {campaign} 的报送生成（来源见 provenance）。\n"
    "# 不要手改：下级更正后重新运行 zzgzn forward；上级{word}已封存时会自动附更正记录。\n"
)


def render(submission: Submission, campaign: str, word: str = "季度") -> bytes:
    """The file as written: the model's keys in order, text blocks for several paragraphs."""
    data = submission.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["submitted_on"] = submission.submitted_on  # a date, not a quoted string
    for record, amendment in zip(data.get("amendments", []), submission.amendments, strict=True):
        record["date"] = amendment.date
    body = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6, indent=2
    )
    return (HEADER.format(campaign=campaign, word=word) + body).encode("utf-8")
