"""`zzgzn new`: a submission file pre-filled with exactly the tasks a unit must answer."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from zzgzn.calendar.deadlines import calendar_for, deadline, describe_rule
from zzgzn.calendar.periods import Period, parse_plan_period
from zzgzn.checking.discovery import SUBMISSIONS_DIR
from zzgzn.errors import UsageError
from zzgzn.files import write_atomic
from zzgzn.models.plan import Cadence, Plan, UnitKind
from zzgzn.rendering.markdown import (
    PACKAGE_TEMPLATES,
    TEMPLATE_DIR,
    cn_date,
    figure,
    template_error,
)
from zzgzn.workflow.filled import Filled, quote, scalar, status_value, text_value

TEMPLATE = "submission.yaml.j2"
FILING_TEMPLATE = "filing.yaml.j2"


def yaml_quote(value: object) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return quote(value)


COMMENT_COLUMN = 25


def _line(prefix: str, rendered: str, comment: str) -> str:
    """A key and its value with a comment on the first line, aligned like the scaffold's."""
    first, newline, rest = rendered.partition("\n")
    head = f"{prefix}{first}"
    pad = " " * max(2 if first else 1, COMMENT_COLUMN - len(head))
    return f"{head}{pad}# {comment}{newline}{rest}"


def _env(root: Path) -> jinja2.Environment:
    return _env_for(root, (root / TEMPLATE_DIR).is_dir())


# One environment per repository, so each template compiles once per process (0.16 s each: a
# form or workbook for every unit compiled it once per unit); jinja still reloads a template
# whose file changed, and a templates/ folder that appears gives a new key.
@functools.lru_cache(maxsize=8)
def _env_for(root: Path, own_templates: bool) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if own_templates:
        loaders.append(jinja2.FileSystemLoader(root / TEMPLATE_DIR))
    loaders.append(jinja2.FileSystemLoader(PACKAGE_TEMPLATES))
    # templates/ is the repository's: whoever edits it must not run code on a liaison's desk
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    env.filters["y"] = yaml_quote
    env.filters["yv"] = scalar
    env.filters["yt"] = text_value
    env.filters["ys"] = status_value
    env.globals["line"] = _line
    env.filters["cn_date"] = cn_date
    env.filters["figure"] = figure
    return env


def _render(
    root: Path, template: str, plan: Plan, folder: str, unit_id: str, due: dt.date, **extra: Any
) -> str:
    """A scaffold for submissions/<folder>/<unit>.yaml, with what every scaffold shows."""
    try:
        return (
            _env(root)
            .get_template(template)
            .render(
                plan=plan,
                unit=plan.units[unit_id],
                path=f"{SUBMISSIONS_DIR}/{folder}/{unit_id}.yaml",
                due=due,
                **extra,
            )
        )
    except jinja2.TemplateError as exc:
        raise template_error(exc, template) from None


def period_key(plan: Plan) -> str:
    """How a submission names its period: quarter (2020Q2) in a quarterly campaign, period
    (2024-03, 2024H1, 2024) in any other; validate accepts period in a quarterly one too."""
    return "quarter" if plan.cadence is Cadence.QUARTERLY else "period"


def scaffold_text(
    plan: Plan, quarter: Period, unit_id: str, root: Path, values: Filled | None = None
) -> str:
    """The file `zzgzn new` writes; with values, the same file filled in (`zzgzn import`)."""
    unit = plan.units[unit_id]
    district = unit.kind is UnitKind.DISTRICT
    tasks = list(plan.tasks.values()) if district else plan.tasks_of(unit_id)
    if not tasks and values is None:
        raise UsageError("unit-has-no-tasks", name=unit.name, unit=unit_id)
    due = deadline(plan, quarter).due
    return _render(
        root,
        TEMPLATE,
        plan,
        str(quarter),
        unit_id,
        due,
        quarter=quarter,
        period_key=period_key(plan),
        due_rule=describe_rule(plan.schedule.reporting, bracketed=True),
        tasks=tasks,
        district=district,
        values=values,
    )


def filing_text(plan: Plan, kind: str, unit_id: str, root: Path) -> str:
    """The scaffold of a document filed for an obligation (work plan, evaluation summary)."""
    from zzgzn.tracking.obligations import due_date

    obligation = plan.document_kinds[kind]
    due = due_date(plan, obligation, calendar_for(plan))
    return _render(
        root, FILING_TEMPLATE, plan, kind, unit_id, due, kind=kind, obligation=obligation
    )


def write_scaffold(plan: Plan, folder: str, unit_id: str, root: Path) -> Path:
    """submissions/<folder>/<unit>.yaml, for a quarter (2020Q2) or a document kind."""
    if unit_id not in plan.units:
        ids = "、".join(plan.units)
        raise UsageError("unit-unknown-listed", unit=unit_id, choices=ids)
    if folder in plan.document_kinds:
        text = filing_text(plan, folder, unit_id, root)
    else:
        quarter = parse_plan_period(folder, plan)
        folder = str(quarter)
        text = scaffold_text(plan, quarter, unit_id, root)
    # unit ids are checked against the registry above, so this path stays inside submissions/
    target = root / SUBMISSIONS_DIR / folder / f"{unit_id}.yaml"
    if target.exists():
        raise UsageError("scaffold-exists", path=target)
    write_atomic(target, text.encode("utf-8"))
    return target


EDITORIAL_TEMPLATE = "editorial.yaml.j2"


def write_editorial(root: Path, quarter_text: str, today: dt.date) -> Path:
    """editorial/<quarter>.yaml: the office's file, with the quarter's computed facts as
    comments; never over an existing one."""
    from zzgzn.checking.editorial import editorial_path
    from zzgzn.diagnostics.docwords import doc_label, en_date, en_measure, prose
    from zzgzn.rendering.markdown import words
    from zzgzn.report.consolidation import consolidate
    from zzgzn.report.job import assemble

    # the facts before the office's choices: consolidated below without its file
    made = assemble(
        root, quarter_text, today, allow_invalid=True, use_cache=True, consolidated=False
    )
    report = made.outcome.report
    assert report is not None  # with allow_invalid, a report is always built
    target = editorial_path(root, report.quarter)
    if target.exists():
        raise UsageError("scaffold-exists", path=target)
    lang = report.plan.meta.language
    english = lang == "en"
    text = (
        _env(root)
        .get_template(EDITORIAL_TEMPLATE)
        .render(
            r=report,
            c=consolidate(report),
            period_key=period_key(report.plan),
            w=functools.partial(words, lang, str),
            label=doc_label(report.quarter) if english else report.quarter.label,
            this=prose(report.quarter, "this", lang),
            coming=prose(report.quarter, "coming", lang),
            today=en_date(report.today) if english else cn_date(report.today),
            # 18 km, 95%: English spaces a unit of measure but not a percent sign
            unit=(lambda u: en_measure("", u)) if english else str,
        )
    )
    write_atomic(target, text.encode("utf-8"))
    return target
