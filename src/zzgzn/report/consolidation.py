"""The quarter consolidated: what the main report says, as data.

Per task: the lead's account, how many units report each status (the most common one without
names, the others by name), who else reported, their figures added up (totals.py), and the
responsible units that said nothing. Across tasks: problems and next steps with their
near-duplicates grouped (similar.py), typical cases merged by title with every unit credited,
and a few chosen per task for the main report (CASE RULE below); the changes since the
previous quarter condensed the same way. Templates decide how many of each to print.

CASE RULE: a task's cases in the main report are those the office lists in the editorial file
(`cases.featured`, by title) first, then the others by how many units share them (most
first), then in the order of the units reporting them (lead unit first); at most
`cases.per_task` (default 2) a task and `cases.total` (default 6) in all (the office's
featured cases always, then by the same order), none the office lists in `cases.omitted`. A case
reported under several tasks belongs to the first of them. The compilation holds them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from zzgzn.diagnostics.messages import phrase
from zzgzn.diagnostics.problems import Problem, Severity, problem
from zzgzn.models.editorial import Editorial
from zzgzn.models.plan import Plan, Task, Unit
from zzgzn.models.submission import Metric, Status
from zzgzn.reading.document import Document
from zzgzn.report.diff import QuarterDiff
from zzgzn.report.excerpt import excerpt
from zzgzn.report.model import Attributed, Entry, QuarterReport, TaskBlock
from zzgzn.report.totals import TaskTotals, task_totals
from zzgzn.similar import Group, group_similar, letters, similarity

CASES_PER_TASK = 2
CASES_IN_ALL = 6
# the lead unit's account in the main report: its first whole sentences within this many
# characters (excerpt.py's SENTENCE RULE), about three lines of the GB/T 9704 page (28 a line);
# a longer first sentence is not quoted. Every word is in the compilation.
ACCOUNT_BUDGET = 80
# a typical case's summary in the main report, likewise (the title is printed with it)
CASE_BUDGET = 100
# the same lines of an English page hold about two and a half times the characters
ENGLISH_BUDGET = 2.5


@dataclass(frozen=True)
class Raised:
    """One problem or plan, as many units put it: the commonest wording, who, under which tasks."""

    text: str
    units: tuple[Unit, ...]
    tasks: tuple[Task, ...]
    wordings: int  # how many different wordings were merged into this one


@dataclass(frozen=True)
class MergedCase:
    """One typical case, however many units reported it (merged by title)."""

    title: str
    summary: str  # as the first unit reporting it wrote it; every version is in the compilation
    units: tuple[Unit, ...]
    tasks: tuple[Task, ...]

    @property
    def brief(self) -> str:
        """The summary's first whole sentences within CASE_BUDGET characters."""
        return excerpt(self.summary, CASE_BUDGET)

    def brief_in(self, lang: str) -> str:
        """brief, for a document in lang (an English page's lines hold more characters)."""
        if lang != "en":
            return self.brief
        return excerpt(self.summary, int(CASE_BUDGET * ENGLISH_BUDGET), english=True)


@dataclass(frozen=True)
class StatusGroup:
    status: Status
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class TaskView:
    block: TaskBlock
    lead: Entry | None  # the lead unit's report, when it sent one
    statuses: tuple[StatusGroup, ...]  # most units first
    others: tuple[Unit, ...]  # every other unit that reported, in report order
    totals: TaskTotals
    cases: tuple[MergedCase, ...]  # chosen for the main report
    case_count: int  # distinct cases on this task
    note: str = ""  # the office's words on this task (editorial file)

    @property
    def account(self) -> str:
        """The lead's account, cut to ACCOUNT_BUDGET at sentence boundaries."""
        return excerpt(self.lead.report.narrative if self.lead else "", ACCOUNT_BUDGET)

    def account_in(self, lang: str) -> str:
        """account, for a document in lang (an English page's lines hold more characters)."""
        if lang != "en":
            return self.account
        text = self.lead.report.narrative if self.lead else ""
        return excerpt(text, int(ACCOUNT_BUDGET * ENGLISH_BUDGET), english=True)

    @property
    def task(self) -> Task:
        return self.block.task

    @property
    def reporting(self) -> int:
        return sum(len(g.units) for g in self.statuses)


@dataclass(frozen=True)
class Transition:
    before: Status
    after: Status
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class TaskChangeView:
    task: Task
    transitions: tuple[Transition, ...]
    first_progress: tuple[Unit, ...]
    carried: tuple[Raised, ...]
    slipped: tuple[Raised, ...]
    silent: tuple[Unit, ...]  # reported the task last quarter, not this one

    @property
    def empty(self) -> bool:
        return not (self.transitions or self.first_progress or self.carried or self.slipped)


@dataclass(frozen=True)
class Move:
    """Units whose status on some task went from before to after, across the tasks."""

    before: Status
    after: Status
    units: tuple[Unit, ...]
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class ChangesView:
    """The diff condensed across tasks: a few lines however many units there are."""

    diff: QuarterDiff
    tasks: tuple[TaskChangeView, ...]
    moves: tuple[Move, ...]  # most units first
    carried: tuple[Raised, ...]  # problems raised again, near-identical wordings as one
    slipped: tuple[Raised, ...]  # promises not mentioned, likewise

    @property
    def changed(self) -> list[TaskChangeView]:
        return [t for t in self.tasks if not t.empty]

    @property
    def first_progress(self) -> list[TaskChangeView]:
        return [t for t in self.tasks if t.first_progress]

    @property
    def went_silent(self) -> list[TaskChangeView]:
        return [t for t in self.tasks if t.silent]

    def units_in(self, name: str) -> int:
        """How many distinct units appear under name (first_progress or silent), all tasks."""
        return len({u.id for t in self.tasks for u in getattr(t, name)})


@dataclass(frozen=True)
class CasePolicy:
    per_task: int = CASES_PER_TASK
    total: int = CASES_IN_ALL
    featured: tuple[str, ...] = ()
    omitted: tuple[str, ...] = ()


@dataclass
class Consolidation:
    tasks: list[TaskView]
    problems: list[Raised]
    next_steps: list[Raised]
    cases: list[MergedCase]  # every distinct case, in plan and unit order
    policy: CasePolicy
    changes: ChangesView | None = None
    case_units: int = 0  # units that reported at least one case

    @property
    def featured(self) -> list[MergedCase]:
        """The cases the main report prints, task by task."""
        return [case for t in self.tasks for case in t.cases]

    @property
    def featured_cases(self) -> int:
        return len(self.featured)

    def task(self, task_id: str) -> TaskView:
        return next(t for t in self.tasks if t.task.id == task_id)


def consolidate(report: QuarterReport, editorial: Editorial | None = None) -> Consolidation:
    """The report's facts consolidated; editorial (the office's file) chooses cases and adds
    its remarks on tasks."""
    return with_changes(consolidate_facts(report, editorial), report)


def with_changes(consolidation: Consolidation, report: QuarterReport) -> Consolidation:
    """The consolidation with the report's changes since the last quarter, condensed."""
    changes = report.changes
    consolidation.changes = condense_changes(report.plan, changes) if changes else None
    return consolidation


def consolidate_facts(report: QuarterReport, editorial: Editorial | None = None) -> Consolidation:
    """consolidate without the changes (report.changes is not read): what can be done while
    they are still being computed (report/job.py)."""
    plan = report.plan
    policy, notes = CasePolicy(), {}
    if editorial is not None:
        choice = editorial.cases
        policy = CasePolicy(
            choice.per_task, choice.total, tuple(choice.featured), tuple(choice.omitted)
        )
        notes = {n.task: n.note for n in editorial.tasks}
    cases = merge_cases(plan, report.cases)
    chosen = choose_cases(cases, policy)
    views = [
        task_view(
            plan,
            block,
            chosen.get(block.task.id, ()),
            sum(c.tasks[0].id == block.task.id for c in cases),
            notes.get(block.task.id, ""),
        )
        for block in report.tasks
    ]
    return Consolidation(
        views,
        raised(plan, report.problems),
        raised(plan, report.next_steps),
        cases,
        policy,
        None,
        len({a.unit.id for a in report.cases}),
    )


def unknown_titles(
    editorial: Editorial, consolidation: Consolidation, doc: Document, cadence: str = "quarterly"
) -> list[Problem]:
    """The editorial file's featured or omitted case titles that match no case reported,
    where the file (doc) names them; cadence: the plan's, for how the message names the period."""
    titles = [c.title for c in consolidation.cases]
    known = {letters(t) for t in titles}
    found = []
    for field, wanted in (
        ("featured", editorial.cases.featured),
        ("omitted", editorial.cases.omitted),
    ):
        for i, title in enumerate(wanted):
            if letters(title) in known:
                continue
            close = max(titles, key=lambda t: similarity(t, title), default=None)
            guess = close if close is not None and similarity(close, title) >= 60 else None
            found.append(
                problem(
                    doc.path,
                    doc.pos(("cases", field, i)),
                    "editorial-unknown-case",
                    Severity.WARNING,
                    title=title,
                    field=field,
                    suggestion=phrase("did-you-mean-case") if guess else "",
                    guess=guess or "",
                    this=phrase(f"this-{cadence}"),
                )
            )
    return found


def task_view(
    plan: Plan, block: TaskBlock, cases: Sequence[MergedCase], case_count: int, note: str
) -> TaskView:
    lead = next((e for e in block.entries if e.unit.id == block.task.lead), None)
    by_status: dict[Status, list[Unit]] = {}
    seen: set[str] = set()
    for entry in block.entries:
        if entry.unit.id not in seen:
            seen.add(entry.unit.id)
            by_status.setdefault(entry.report.status, []).append(entry.unit)
    order = list(Status)
    statuses = sorted(
        (StatusGroup(s, tuple(units)) for s, units in by_status.items()),
        key=lambda g: (-len(g.units), order.index(g.status)),
    )
    # by id: hashing the pydantic model itself costs more than all the rest of a task's view
    lead_id = block.task.lead
    others = tuple({e.unit.id: e.unit for e in block.entries if e.unit.id != lead_id}.values())
    metrics: dict[str, tuple[Unit, list[Metric]]] = {}
    for entry in block.entries:
        metrics.setdefault(entry.unit.id, (entry.unit, []))[1].extend(entry.report.metrics)
    totals = task_totals(block.task, metrics.values())
    return TaskView(block, lead, tuple(statuses), others, totals, tuple(cases), case_count, note)


def raised(plan: Plan, items: Iterable[Attributed]) -> list[Raised]:
    """Problems (or next steps) grouped by near-identical wording; most items first."""
    return [
        _line(plan, g, [(a.unit, a.task, a.text) for a in g.items])
        for g in group_similar(items, lambda a: a.text)
    ]


def _line(plan: Plan, group: Group[Any], said: Sequence[tuple[Unit, Task, str]]) -> Raised:
    """One grouped line: said is (unit, task, wording) of each item of the group."""
    order = {t: i for i, t in enumerate(plan.tasks)}
    tasks = sorted({t.id: t for _, t, _ in said}.values(), key=lambda t: order[t.id])
    wordings = len({letters(text) for _, _, text in said})
    return Raised(group.text, _in_unit_order(plan, (u for u, _, _ in said)), tuple(tasks), wordings)


def _in_unit_order(plan: Plan, units: Iterable[Unit]) -> tuple[Unit, ...]:
    found = {u.id: u for u in units}
    rank, last = plan.unit_rank, len(plan.units)
    return tuple(found[i] for i in sorted(found, key=lambda i: rank.get(i, last)))


def merge_cases(plan: Plan, cases: Sequence[Attributed]) -> list[MergedCase]:
    """Cases with the same title (near-identical wording) as one, crediting every unit."""
    order = {t: i for i, t in enumerate(plan.tasks)}
    merged = []
    for group in group_similar(cases, lambda a: a.case.title if a.case else ""):
        first = group.items[0]
        assert first.case is not None
        tasks = sorted({a.task.id: a.task for a in group.items}.values(), key=lambda t: order[t.id])
        merged.append(
            MergedCase(
                first.case.title,
                first.case.summary,
                _in_unit_order(plan, (a.unit for a in group.items)),
                tuple(tasks),
            )
        )
    # as the report lists them: by task, then by the first unit reporting (not by size)
    rank, last = plan.unit_rank, len(plan.units)
    return sorted(merged, key=lambda c: (order[c.tasks[0].id], rank.get(c.units[0].id, last)))


def choose_cases(
    cases: Sequence[MergedCase], policy: CasePolicy
) -> dict[str, tuple[MergedCase, ...]]:
    """The main report's cases by task (CASE RULE in the module docstring)."""
    featured = {letters(t): i for i, t in enumerate(policy.featured)}
    omitted = {letters(t) for t in policy.omitted}
    by_task: dict[str, list[tuple[int, MergedCase]]] = {}
    for i, case in enumerate(cases):
        if letters(case.title) not in omitted:
            by_task.setdefault(case.tasks[0].id, []).append((i, case))

    def rank(pair: tuple[int, MergedCase]) -> tuple[int, int, int]:
        i, case = pair
        return (featured.get(letters(case.title), len(featured)), -len(case.units), i)

    kept: list[tuple[int, MergedCase]] = []
    for found in by_task.values():
        picked = sorted(found, key=rank)
        top = [p for p in picked if letters(p[1].title) in featured]
        rest = [p for p in picked if letters(p[1].title) not in featured]
        kept += (top + rest)[: max(policy.per_task, len(top))]
    kept.sort(key=rank)
    must = sum(letters(c.title) in featured for _, c in kept)
    kept = kept[: max(policy.total, must)]
    chosen: dict[str, list[MergedCase]] = {}
    for _, case in sorted(kept, key=lambda p: p[0]):
        chosen.setdefault(case.tasks[0].id, []).append(case)
    return {
        task: tuple(sorted(found, key=lambda c: rank((0, c)))) for task, found in chosen.items()
    }


def condense_changes(plan: Plan, diff: QuarterDiff) -> ChangesView:
    """The diff with its units grouped: by status move, and by near-identical wording, per
    task and across tasks."""
    tasks = []
    moves: dict[tuple[Status, Status], list[tuple[Unit, Task]]] = {}
    for t in diff.tasks:
        here: dict[tuple[Status, Status], list[Unit]] = {}
        for c in t.status_changes:
            here.setdefault((c.before, c.after), []).append(c.unit)
            moves.setdefault((c.before, c.after), []).append((c.unit, t.task))
        transitions = tuple(
            Transition(before, after, tuple(units))
            for (before, after), units in sorted(here.items(), key=lambda kv: -len(kv[1]))
        )
        carried = tuple(
            _line(plan, g, [(c.unit, t.task, c.now) for c in g.items])
            for g in group_similar(t.carried, lambda c: c.now)
        )
        unmentioned = [s for s in t.slipped if not s.silent]
        slipped = tuple(
            _line(plan, g, [(s.unit, t.task, s.promise) for s in g.items])
            for g in group_similar(unmentioned, lambda s: s.promise)
        )
        silent = _in_unit_order(plan, (s.unit for s in t.slipped if s.silent))
        view = TaskChangeView(t.task, transitions, t.first_progress, carried, slipped, silent)
        tasks.append(view)
    order = {t: i for i, t in enumerate(plan.tasks)}
    all_moves = tuple(
        Move(
            before,
            after,
            _in_unit_order(plan, (u for u, _ in pairs)),
            tuple(sorted({t.id: t for _, t in pairs}.values(), key=lambda t: order[t.id])),
        )
        for (before, after), pairs in sorted(moves.items(), key=lambda kv: -len(kv[1]))
    )
    said_again = [(c.unit, t.task, c.now) for t in diff.tasks for c in t.carried]
    promised = [(s.unit, t.task, s.promise) for t in diff.tasks for s in t.slipped if not s.silent]
    return ChangesView(
        diff, tuple(tasks), all_moves, _across(plan, said_again), _across(plan, promised)
    )


def _across(plan: Plan, said: list[tuple[Unit, Task, str]]) -> tuple[Raised, ...]:
    return tuple(_line(plan, g, g.items) for g in group_similar(said, lambda x: x[2]))
