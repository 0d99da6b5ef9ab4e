"""`zzgzn site`: the pages written from the site's data, as one folder replaced whole.

HTML comes from jinja2 templates with autoescape on: every value a unit wrote is text, never
markup. The stylesheet and the small script are files of the package, copied as they are;
nothing is fetched from anywhere, so the folder works from file:// and on an offline intranet.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from zzgzn.calendar.periods import campaign_periods
from zzgzn.checking.runner import default_jobs
from zzgzn.checking.validate import validate_repository
from zzgzn.reading.loader import CONTROL_CHARS
from zzgzn.rendering.markdown import (
    PACKAGE_TEMPLATES,
    TEMPLATE_DIR,
    campaign_templates,
    cn_date,
    template_error,
)
from zzgzn.report.summarymodel import LEVEL_LABELS
from zzgzn.site.folder import check_replaceable, replace_folder
from zzgzn.site.model import REPORT_DIR, Site, site_of
from zzgzn.site.pages import Pages
from zzgzn.site.split import in_two

SITE_DIR = "site"
TEMPLATES = "site"  # templates/site/ in the campaign, then the package's
ASSETS = ("style.css", "site.js")
TOP_PAGES = ("index", "tasks", "reports")


@dataclass
class SiteOutcome:
    folder: Path
    pages: int
    site: Site


def build_site(
    root: Path, today: dt.date, *, output: Path | None = None, use_cache: bool = True
) -> SiteOutcome:
    """Validate every file once (keeping its data), then write the whole site to output
    (default <root>/site). A failure anywhere leaves the previous site as it was."""
    target = output if output is not None else root / SITE_DIR
    check_replaceable(target)  # before the work, not after it
    result = validate_repository(root, today, jobs=default_jobs(), use_cache=use_cache)
    site = site_of(root, result, today)
    env = environment(root)
    # the previous build's pages: one whose bytes did not change is linked, not written
    previous = Pages.open(root, target, enabled=use_cache)

    def write(folder: Path) -> None:
        jobs = page_jobs(site)
        for parent in sorted({(folder / name).parent for name, _, _ in jobs}):
            parent.mkdir(parents=True, exist_ok=True)  # once per folder, not once per page

        def one(job: Page) -> None:
            name, template, context = job
            previous.write(folder, name, _render(env, template, site=site, **context))

        in_two(jobs, lambda job: job[0], one, previous, folder, cores=default_jobs())
        assets = folder / "assets"
        assets.mkdir()
        for asset in ASSETS:
            shutil.copyfile(_asset(root, asset), assets / asset)
        _copy_reports(root, site, folder)

    replace_folder(target, write)
    previous.save()
    return SiteOutcome(target, len(previous.written), site)


Page = tuple[str, str, dict[str, Any]]  # its path in the site, its template, what it shows


def page_jobs(site: Site) -> list[Page]:
    """Every page of the site, to render: index, tasks and reports, then a page per unit
    and per task."""
    top = [(f"{name}.html", f"{name}.html.j2", {"base": ""}) for name in TOP_PAGES]
    return [
        *top,
        *(
            (f"units/{p.unit.id}.html", "unit.html.j2", {"page": p, "base": "../"})
            for p in site.units
        ),
        *(
            (f"tasks/{p.task.id}.html", "task.html.j2", {"page": p, "base": "../"})
            for p in site.tasks
        ),
    ]


def rendered_pages(env: jinja2.Environment, site: Site) -> Iterator[tuple[str, str]]:
    """Each page's path in the site and its HTML, one at a time (a national site's pages are
    ~190 MB together; none is kept once written)."""
    for name, template, context in page_jobs(site):
        yield name, _render(env, template, site=site, **context)


def _render(env: jinja2.Environment, template: str, **context: Any) -> str:
    site = context["site"]
    # the campaign's kind of period, for the pages' words: 各季度, 每月, 本期 …
    context.setdefault("period", campaign_periods(site.plan)[0])
    try:
        return env.get_template(template).render(**context)
    except jinja2.TemplateError as exc:
        # the template's file and line, and a sandbox refusal said as such
        raise template_error(
            exc, template, broken="site-template-broken", unsafe="site-template-unsafe"
        ) from None


def _asset(root: Path, name: str) -> Path:
    own = root / TEMPLATE_DIR / TEMPLATES / name
    return own if own.is_file() else PACKAGE_TEMPLATES / TEMPLATES / name


def _copy_reports(root: Path, site: Site, folder: Path) -> None:
    """The documents in reports/, and the charts their Markdown shows, under <site>/reports/."""
    if not site.reports:
        return
    source = root / REPORT_DIR
    target = folder / REPORT_DIR
    target.mkdir()
    for link in site.reports:
        shutil.copyfile(source / link.name, target / link.name)
    charts = source / "charts"
    if charts.is_dir():
        (target / "charts").mkdir()
        for chart in sorted(charts.glob("*.png")):
            shutil.copyfile(chart, target / "charts" / chart.name)


def environment(root: Path | None) -> jinja2.Environment:
    """The campaign's templates/site/ first, then the package's; every value HTML-escaped.

    As for the reports (rendering.markdown.environment): when templates/site/ holds a
    template, every page renders in jinja's sandbox; the built-in templates alone, part of the
    installed program, render without it — the sandbox checks every attribute a page reads,
    which made it most of the build at national scale (3,000 unit pages).
    """
    loaders: list[jinja2.BaseLoader] = []
    folder = root / TEMPLATE_DIR / TEMPLATES if root is not None else None
    campaign = campaign_templates(folder)
    if campaign:
        assert folder is not None
        loaders.append(jinja2.FileSystemLoader(folder))
    loaders.append(jinja2.FileSystemLoader(PACKAGE_TEMPLATES / TEMPLATES))
    # sandboxed: a campaign's templates change the pages, they cannot reach Python's objects
    kind = ImmutableSandboxedEnvironment if campaign else jinja2.Environment
    env = kind(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["cn_date"] = lambda d: cn_date(d) if d else ""
    env.filters["lines"] = lines
    env.filters["number"] = number
    env.globals["LEVEL_LABELS"] = LEVEL_LABELS
    return env


def lines(value: object) -> list[str]:
    """Text as its non-blank lines: one paragraph per line the writer typed."""
    text = CONTROL_CHARS.sub("", "" if value is None else str(value))
    return [line.strip() for line in text.splitlines() if line.strip()]


def number(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
