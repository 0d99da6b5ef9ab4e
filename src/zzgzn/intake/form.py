"""`zzgzn form`: one self-contained HTML page per unit for the open quarter (site/fill/<unit>.html).

The page is generated from the plan (the unit's tasks, declared metrics, deliverables, status
choices, the date window) and carries its own small script and style: nothing is loaded from
the network, and a Content-Security-Policy says so to the browser. The script writes the
submission YAML (every string quoted), keeps a draft in localStorage, and, when plan.yaml names
the repository and its forge, opens the forge's "new file" page with path and content filled in.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from zzgzn.calendar.deadlines import all_deadlines, deadline
from zzgzn.calendar.periods import Period, parse_plan_period
from zzgzn.checking.discovery import SUBMISSIONS_DIR
from zzgzn.errors import UsageError
from zzgzn.files import write_atomic
from zzgzn.models.plan import Plan, Repository, Role, UnitKind
from zzgzn.models.submission import STATUS_LABELS, Status
from zzgzn.rendering.markdown import PACKAGE_TEMPLATES, cn_date
from zzgzn.workflow.scaffold import period_key

ASSETS = Path(__file__).resolve().parent / "assets"
FORM_DIR = Path("site") / "fill"
# GitHub answers 414 beyond about 8 KB of URL; Chinese text triples when percent-encoded
MAX_URL = 8000
_FORGES = {
    "github": (
        "GitHub",
        "{url}/new/{branch}/{folder}?filename={name}&value=",
        "{url}/upload/{branch}/{folder}",
    ),
    "gitea": (
        "Gitea",
        "{url}/_new/{branch}/{folder}?filename={name}&value=",
        "{url}/_upload/{branch}/{folder}",
    ),
    "gitlab": (
        "GitLab",
        "{url}/-/new/{branch}/{folder}?file_name={name}&content=",
        "{url}/-/tree/{branch}/{folder}",
    ),
}


def open_quarter(plan: Plan, today: dt.date) -> Period:
    """The quarter being reported now: the first whose deadline has not passed."""
    deadlines = all_deadlines(plan)
    for d in deadlines:
        if d.due >= today:
            return d.quarter
    return deadlines[-1].quarter


def forge_links(repo: Repository, folder: str, name: str) -> dict[str, object]:
    label, new, upload = _FORGES[repo.forge]
    url = repo.url.rstrip("/")
    fill = {"url": url, "branch": quote(repo.branch), "folder": quote(folder), "name": quote(name)}
    return {
        "label": label,
        "new_file": new.format(**fill),
        "upload": upload.format(**fill),
        "max_url": MAX_URL,
    }


def form_page(plan: Plan, unit_id: str, quarter: Period) -> str:
    unit = plan.units[unit_id]
    district = unit.kind is UnitKind.DISTRICT
    tasks = list(plan.tasks.values()) if district else plan.tasks_of(unit_id)
    if not tasks:
        raise UsageError("unit-has-no-tasks", name=unit.name, unit=unit_id)
    due = deadline(plan, quarter).due
    folder = f"{SUBMISSIONS_DIR}/{quarter}"
    forge = (
        forge_links(plan.meta.repository, folder, f"{unit_id}.yaml")
        if plan.meta.repository
        else None
    )
    data = {
        "plan_id": plan.meta.id,
        "plan_version": plan.meta.version,
        "unit": unit_id,
        "unit_name": unit.name,
        "quarter": str(quarter),
        "quarter_label": quarter.label,
        "period_key": period_key(plan),
        "this_period": quarter.this,
        "district": district,
        "date_min": quarter.start.isoformat(),
        "date_max": quarter.next().end.isoformat(),
        "liaison": {"name": unit.liaison.name, "phone": unit.liaison.phone},
        "statuses": [{"key": s.value, "label": STATUS_LABELS[s]} for s in Status],
        "tasks": [
            {
                "id": t.id,
                "title": t.title,
                "lead": plan.units[t.lead].name,
                "role": plan.role_of(t, unit_id).label
                if plan.role_of(t, unit_id) is not Role.OTHER
                else "",
                "metrics": [{"name": m.name, "unit": m.unit} for m in t.metrics],
                "deliverables": [
                    {"id": d.id, "name": f"{d.action}{d.title}"} for d in t.deliverables
                ],
            }
            for t in tasks
        ],
        "forge": forge,
    }
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PACKAGE_TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["cn_date"] = cn_date
    blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return env.get_template("form.html.j2").render(
        plan=plan,
        unit=unit,
        quarter=quarter,
        due=due,
        path=f"{folder}/{unit_id}.yaml",
        folder=folder,
        forge=forge,
        data=Markup(blob),
        css=Markup((ASSETS / "form.css").read_text("utf-8")),
        js=Markup((ASSETS / "form.js").read_text("utf-8")),
    )


def write_forms(
    plan: Plan,
    out_dir: Path,
    today: dt.date,
    quarter_text: str | None = None,
    units: list[str] | None = None,
) -> list[Path]:
    """site/fill/<unit>.html for every unit that reports (or those named)."""
    quarter = parse_plan_period(quarter_text, plan) if quarter_text else open_quarter(plan, today)
    # a unit that must report but owns no task (and is no district) has nothing to fill in
    chosen = units or [
        u.id for u in plan.reporters if plan.tasks_of(u.id) or plan.may_report_any_task(u.id)
    ]
    written = []
    for unit_id in chosen:
        if unit_id not in plan.units:
            raise UsageError("unit-unknown-listed", unit=unit_id, choices="、".join(plan.units))
        target = out_dir / f"{unit_id}.html"
        write_atomic(target, form_page(plan, unit_id, quarter).encode("utf-8"))
        written.append(target)
    return written
