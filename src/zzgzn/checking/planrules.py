"""The rules between plan files: what no single file's schema can see.

Each rule is one function that records its findings on the document they point into, so a
finding always has the file and position of what must change.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from zzgzn.calendar.periods import Period, campaign_periods
from zzgzn.diagnostics.messages import phrase
from zzgzn.models.plan import Plan, Section
from zzgzn.reading.document import Document, Loc


def check_plan(
    plan: Plan,
    units: Document,
    schedule: Document,
    sections: list[tuple[Document, Section]],
    obligations: Document | None,
    frozen: Document | None,
    meta: Document | None = None,
) -> None:
    """Every rule, in the order a reader of the plan meets the files."""
    if meta is not None and plan.meta.parent is not None:
        parent_link(plan, meta)
    unique_units(plan, units)
    known_units(plan, units, schedule, sections)
    task_numbering(sections)
    unique_within_tasks(sections)
    unique_task_ids(sections)
    dates_in_order(plan, schedule)
    someone_reports(plan, schedule)
    if obligations is not None:
        obligation_rules(plan, obligations)
    if frozen is not None:
        closed_quarters(plan, frozen)


def parent_link(plan: Plan, meta: Document) -> None:
    """The parent: block (zzgzn forward) names this campaign's tasks and their declared
    metrics, and each parent task once; what the parent's plan says is checked by forward."""
    link = plan.meta.parent
    assert link is not None
    duplicates(meta, [(("parent", "tasks", i, "task"), t.task) for i, t in enumerate(link.tasks)])
    for i, entry in enumerate(link.tasks):
        for j, task_id in enumerate(entry.sources):
            if task_id not in plan.tasks:
                meta.add(("parent", "tasks", i, "from", j), "unknown-task", task=task_id)
        declared = {m.name for t in entry.sources if t in plan.tasks for m in plan.tasks[t].metrics}
        for j, metric in enumerate(entry.metrics):
            if metric.name not in declared:
                meta.add(
                    ("parent", "tasks", i, "metrics", j, "name"),
                    "forward-unknown-metric",
                    name=metric.name,
                    tasks="、".join(entry.sources),
                    allowed="、".join(sorted(declared)) or "-",
                )


def unique_units(plan: Plan, units: Document) -> None:
    duplicates(units, [(("units", i, "id"), u.id) for i, u in enumerate(plan.registry.units)])


def known_units(
    plan: Plan, units: Document, schedule: Document, sections: list[tuple[Document, Section]]
) -> None:
    """Every unit named outside the registry is in it."""
    named: list[tuple[Document, Loc, str]] = [
        (units, ("leading_group", "office"), plan.registry.leading_group.office)
    ]
    rule = plan.schedule.reporting
    named.append((schedule, ("reporting", "recipient"), rule.recipient))
    for key in ("include", "exclude"):
        for i, unit_id in enumerate(getattr(rule.reporters, key)):
            named.append((schedule, ("reporting", "reporters", key, i), unit_id))
    for doc, section in sections:
        for t, task in enumerate(section.tasks):
            named += [(doc, ("tasks", t, "units", u), x) for u, x in enumerate(task.units)]
    for doc, loc, unit_id in named:
        if unit_id not in plan.units:
            add_unknown_unit(doc, loc, unit_id, plan)


def task_numbering(sections: list[tuple[Document, Section]]) -> None:
    """Task 3.2 belongs to section 3."""
    for doc, section in sections:
        for t, task in enumerate(section.tasks):
            if task.id.split(".")[0] != str(section.number):
                doc.add(("tasks", t, "id"), "task-numbering", id=task.id, section=section.number)


def unique_within_tasks(sections: list[tuple[Document, Section]]) -> None:
    """A task names each unit, deliverable and metric once."""
    for doc, section in sections:
        for t, task in enumerate(section.tasks):
            duplicates(doc, [(("tasks", t, "units", u), x) for u, x in enumerate(task.units)])
            duplicates(
                doc,
                [(("tasks", t, "deliverables", d), x.id) for d, x in enumerate(task.deliverables)],
                "id",
            )
            duplicates(
                doc,
                [(("tasks", t, "metrics", m), x.name) for m, x in enumerate(task.metrics)],
                "name",
            )


def unique_task_ids(sections: list[tuple[Document, Section]]) -> None:
    """A task id is unique across all section files (the second names the first)."""
    seen: dict[str, str] = {}
    for doc, section in sections:
        for t, task in enumerate(section.tasks):
            loc: Loc = ("tasks", t, "id")
            if task.id in seen:
                doc.add(loc, "duplicate-id", id=task.id, first=seen[task.id])
            else:
                seen[task.id] = f"{doc.path}:{doc.pos(loc)[0]}"


def dates_in_order(plan: Plan, schedule: Document) -> None:
    """The activity and each phase end after they start; phases lie within the activity."""
    window = plan.schedule.activity
    if window.end < window.start:
        schedule.add(("activity",), "date-order", start=window.start, end=window.end)
    for i, phase in enumerate(plan.schedule.phases):
        if phase.end < phase.start:
            schedule.add(("phases", i), "date-order", start=phase.start, end=phase.end)
        if phase.start < window.start or phase.end > window.end:
            schedule.add(("phases", i), "phase-outside-activity", name=phase.name)


def someone_reports(plan: Plan, schedule: Document) -> None:
    if not plan.reporters:
        schedule.add(("reporting", "reporters"), "no-reporters")


def obligation_rules(plan: Plan, doc: Document) -> None:
    """Unique ids and folders; a due date xor a phase that exists; exactly one fulfilment."""
    duplicates(doc, [(("obligations", i), o.id) for i, o in enumerate(plan.obligations)], "id")
    folders = [(i, o.fulfilled_by.document) for i, o in enumerate(plan.obligations)]
    duplicates(doc, [(("obligations", i, "fulfilled_by", "document"), k) for i, k in folders if k])
    for i, obligation in enumerate(plan.obligations):
        loc: Loc = ("obligations", i)
        due = obligation.due
        if (due.date is None) == (due.phase is None):
            doc.add((*loc, "due"), "obligation-due")
        elif due.phase is not None and plan.phase(due.phase) is None:
            doc.add(
                (*loc, "due", "phase"),
                "unknown-phase",
                phase=due.phase,
                allowed="、".join(p.id for p in plan.schedule.phases),
            )
        if len(obligation.fulfilled_by.model_dump(exclude_none=True)) != 1:
            doc.add((*loc, "fulfilled_by"), "obligation-fulfilment")
        if obligation.owed_by is not None:
            for key in ("include", "exclude"):
                for u, unit_id in enumerate(getattr(obligation.owed_by, key)):
                    if unit_id not in plan.units:
                        add_unknown_unit(doc, (*loc, "owed_by", key, u), unit_id, plan)


def closed_quarters(plan: Plan, doc: Document) -> None:
    """Closed quarters name real quarters of the campaign and real units, each once."""
    campaign = campaign_periods(plan)
    for i, closed in enumerate(plan.frozen.quarters):
        if Period.from_canonical(closed.quarter, plan.cadence) not in campaign:
            doc.add(
                ("quarters", i, "quarter"),
                "bad-quarter",
                value=closed.quarter,
                kind=phrase(f"period-{plan.cadence}"),
                example=campaign[min(1, len(campaign) - 1)],
            )
        for unit_id in closed.files:
            if unit_id not in plan.units:
                add_unknown_unit(doc, ("quarters", i, "files", unit_id), unit_id, plan)
    duplicates(
        doc, [(("quarters", i, "quarter"), q.quarter) for i, q in enumerate(plan.frozen.quarters)]
    )


def add_unknown_unit(doc: Document, loc: Loc, unit_id: str, plan: Plan) -> None:
    """An unknown unit, suggesting the id the writer probably meant (also from a Chinese name)."""
    by_name = {u.name: u.id for u in plan.registry.units}
    guess = by_name.get(unit_id) or next(
        (uid for name, uid in by_name.items() if unit_id and (unit_id in name or name in unit_id)),
        None,
    )
    if guess is None:
        close = difflib.get_close_matches(unit_id, list(plan.units), n=1, cutoff=0.6)
        guess = close[0] if close else None
    doc.add(
        loc,
        "unknown-unit",
        unit=unit_id,
        suggestion=phrase("did-you-mean-unit") if guess else "",
        guess=guess or "",
        guess_name=plan.units[guess].name if guess else "",
    )


def duplicates(doc: Document, items: Iterable[tuple[Loc, str]], key: str | None = None) -> None:
    """Each value after its first is a duplicate-id naming the first's line.

    With key, each loc is an entry and the finding points at that key of it (its id, name).
    """
    first: dict[str, Loc] = {}
    for loc, value in items:
        at = (*loc, key) if key else loc
        if value in first:
            line = doc.pos(first[value])[0]
            doc.add(at, "duplicate-id", id=value, first=f"{doc.path}:{line}")
        else:
            first[value] = at
