"""The built site in a real browser: Debian's chromium driven by Playwright, from file://.

Any network request fails the test (every request is intercepted; only file:// passes), and
so does any console error, script error or broken local link. The board's cells are read as
the browser shows them and compared with `zzgzn status --format json`.

Playwright's own browser download is never used (it is not reachable from an office network
and not needed): the tests launch /usr/bin/chromium (`apt-get install chromium`). Without it
they skip, unless ZZGZN_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser fails.
Screenshots go to $ZZGZN_SCREENSHOTS when set (to look at), else to the test's tmp folder.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from typer.testing import CliRunner

from .browser import ARGS, CHROMIUM, need_browser
from .conftest import copy_campaign, edit, invoke


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The shipped campaign (closed quarters included) with one file that fails validation
    (报送有误), and its site, built once."""
    root = copy_campaign(tmp_path_factory.mktemp("campaign") / "shipped", frozen=True)
    edit(root / "submissions" / "2020Q3" / "hexi.yaml", "status: in_progress", "status: 进行中", 1)
    with pytest.MonkeyPatch.context() as env:  # the autouse settings are per test
        env.setenv("ZZGZN_LANG", "zh")
        code, output = invoke(CliRunner(), "site", "--root", str(root), "--today", "2021-06-30")
    assert code == 0, output
    return root, root / "site"


class Watch:
    """One browser context whose every request and console message is checked."""

    def __init__(self, browser: Any, **options: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
        self.network: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))

    def _route(self, route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.network.append(route.request.url)
            route.abort()

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"console {message.type}: {message.text}")

    def open(self, path: Path) -> Any:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self.page

    def clean(self) -> None:
        assert self.network == [], f"network requests: {self.network}"
        assert self.errors == [], self.errors
        assert self.failed == [], f"failed to load: {self.failed}"


def _shots() -> Path | None:
    folder = os.environ.get("ZZGZN_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return Path(folder)
    return None


def _shot(what: Any, name: str, tmp_path: Path, *, full: bool = False) -> Path:
    """A screenshot of a page (full: its whole length) or of one element (a locator)."""
    target = (_shots() or tmp_path) / name
    what.screenshot(path=str(target), **({"full_page": True} if full else {}))
    assert target.stat().st_size > 5_000  # something drawn, not a blank
    return target


def test_board_cells_in_the_browser_are_status_json(
    browser: Any, built: tuple[Path, Path], tmp_path: Path
) -> None:
    root, site = built
    watch = Watch(browser)
    page = watch.open(site / "index.html")
    cells = page.eval_on_selector_all(
        "#board-table td[data-state]",
        """tds => tds.map(td => ({unit: td.dataset.unit, quarter: td.dataset.quarter,
             state: td.dataset.state, label: td.querySelector('.label').innerText,
             visible: td.offsetParent !== null}))""",
    )
    code, output = invoke(CliRunner(), "status", "--format", "json", "--root", str(root))
    assert code == 0
    expected = {
        (u["unit"], q["quarter"]): u["state"] for q in json.loads(output) for u in q["units"]
    }
    assert {(c["unit"], c["quarter"]): c["state"] for c in cells} == expected
    assert len(cells) == len(expected) and all(c["visible"] for c in cells)
    late = next(c for c in cells if c["unit"] == "ninghe" and c["quarter"] == "2020Q2")
    assert late["label"] == "逾期3个工作日"  # the words of `zzgzn status`, not a colour alone
    wrong = next(c for c in cells if c["unit"] == "hexi" and c["quarter"] == "2020Q3")
    assert (wrong["state"], wrong["label"]) == ("invalid", "报送有误")
    _shot(page, "board.png", tmp_path)
    watch.clean()


def test_the_filter_narrows_units_by_name_or_kind(
    browser: Any, built: tuple[Path, Path], tmp_path: Path
) -> None:
    _, site = built
    watch = Watch(browser)
    page = watch.open(site / "index.html")
    rows = "#board-table tbody tr"
    total = page.locator(rows).count()
    assert page.locator("#filter").is_visible()
    page.fill("#filter", "区局")
    page.wait_for_function("document.getElementById('filter-count').textContent !== ''")
    districts = page.locator(f"{rows}:not([hidden])").count()
    assert 0 < districts < total
    names = page.locator(f"{rows}:not([hidden]) th.unit").all_inner_texts()
    assert all("区" in n for n in names)
    assert page.locator("#filter-count").inner_text() == f"显示 {districts} / {total} 个单位"
    _shot(page, "board-filtered.png", tmp_path)
    page.fill("#filter", "hexi")
    page.wait_for_function(
        f"document.querySelectorAll('{rows}:not([hidden])').length === 1", timeout=5000
    )
    assert page.locator(f"{rows}:not([hidden]) th.unit").inner_text() == "河西区退役军人事务局"
    page.fill("#filter", "")
    page.wait_for_function(
        f"document.querySelectorAll('{rows}:not([hidden])').length === {total}", timeout=5000
    )
    watch.clean()


def test_sorting_a_quarter_puts_the_units_to_chase_first(
    browser: Any, built: tuple[Path, Path]
) -> None:
    _, site = built
    watch = Watch(browser)
    page = watch.open(site / "index.html")
    page.click('#board-table th[data-quarter="2020Q2"]')
    states = page.eval_on_selector_all(
        '#board-table td[data-quarter="2020Q2"]', "tds => tds.map(td => td.dataset.state)"
    )
    assert states[0] == "missing" and states[-1] == "on_time"
    assert states.index("late") > states.index("missing")
    assert page.get_attribute('#board-table th[data-quarter="2020Q2"]', "aria-sort") == (
        "ascending"
    )
    watch.clean()


def test_without_javascript_the_board_is_all_there(
    browser: Any, built: tuple[Path, Path], tmp_path: Path
) -> None:
    _, site = built
    watch = Watch(browser, java_script_enabled=False)
    page = watch.open(site / "index.html")
    assert page.locator("#board-table td[data-state]").count() == 29 * 5
    assert not page.locator("#filter").is_visible()  # a box that would do nothing is hidden
    _shot(page, "board-no-js.png", tmp_path)
    watch.clean()


def test_every_page_loads_offline_without_errors_or_broken_links(
    browser: Any, built: tuple[Path, Path], tmp_path: Path
) -> None:
    """Crawl from index.html by every link on every page; each target must exist, and each
    #fragment must name an element on the target page."""
    _, site = built
    watch = Watch(browser)
    todo, seen, broken = [site / "index.html"], set(), []
    anchors: dict[Path, set[str]] = {}
    wanted: list[tuple[Path, str, Path, str]] = []
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        page = watch.open(path)
        anchors[path] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        for href in page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)"):
            parts = urlsplit(href)
            if parts.scheme != "file":
                broken.append(f"{path.relative_to(site)} → {href} (leaves the site)")
                continue
            target = Path(unquote(parts.path))
            if not target.is_file():
                broken.append(f"{path.relative_to(site)} → {href}")
            elif target.suffix == ".html":
                todo.append(target)
                if parts.fragment:
                    wanted.append((path, href, target, unquote(parts.fragment)))
    broken += [
        f"{src.relative_to(site)} → {href} (no such id)"
        for src, href, target, fragment in wanted
        if fragment not in anchors.get(target, set())
    ]
    assert broken == []
    pages = set(site.rglob("*.html"))
    assert seen == pages  # every page is reachable from the board
    assert len(pages) == 3 + 29 + 23
    watch.clean()


def test_a_unit_page_and_a_task_page_read_at_a_glance(
    browser: Any, built: tuple[Path, Path], tmp_path: Path
) -> None:
    _, site = built
    watch = Watch(browser)
    page = watch.open(site / "units" / "hongqiao.html")
    assert "红桥区退役军人事务局" in page.locator("h1").inner_text()
    record = page.locator('table.record td[data-quarter="2020Q2"] .label').inner_text()
    assert record == "按时（未审核）"  # the draft without an approver, as status says
    _shot(page, "unit.png", tmp_path, full=True)
    page = watch.open(site / "units" / "hexi.html")
    errors = page.locator("#q-2020Q3 ul.errors").inner_text()
    assert "submissions/2020Q3/hexi.yaml:" in errors and "进行中" in errors
    _shot(page.locator("#q-2020Q3"), "unit-invalid.png", tmp_path)
    page = watch.open(site / "tasks" / "3.1.html")
    assert "连续无进展" in page.locator("p.warn").inner_text()
    _shot(page, "task.png", tmp_path, full=True)
    page = watch.open(site / "tasks.html")
    _shot(page, "tasks.png", tmp_path)
    watch.clean()


def test_a_copy_of_the_folder_works_anywhere(
    browser: Any, built: tuple[Path, Path], tmp_path: Path
) -> None:
    """The folder is self-contained: moved elsewhere (an intranet share), it still works."""
    _, site = built
    moved = tmp_path / "共享" / "网站"
    shutil.copytree(site, moved)
    watch = Watch(browser)
    page = watch.open(moved / "units" / "hexi.html")
    page.click("text=任务进展")
    assert page.url == (moved / "tasks.html").as_uri()
    watch.clean()
