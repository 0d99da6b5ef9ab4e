"""`zzgzn site`: the static site agrees with `zzgzn status`, escapes what units wrote, is the
same bytes for the same inputs, and replaces the old site only when the new one is complete.

What a browser does with the pages (links, the filter, no network) is in test_site_browser.py.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
import yaml
from typer.testing import CliRunner

from .conftest import REPO, edit, invoke


class _Page(HTMLParser):
    """The cells that carry data-state, every local href and every id of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[dict[str, str]] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.scripts: list[str] = []
        self._cell: dict[str, str] | None = None
        self._in_label = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag in ("link", "script") and ("href" in a or "src" in a):
            self.links.append(a.get("href") or a["src"])
        if tag == "script":
            self.scripts.append(a.get("src", ""))
        if tag == "td" and "data-state" in a and "data-quarter" in a:
            self._cell = a
        if tag == "span" and a.get("class") == "label" and self._cell is not None:
            self._in_label, self._text = True, []

    def handle_data(self, data: str) -> None:
        if self._in_label:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._in_label:
            self._in_label = False
            assert self._cell is not None
            self._cell["label"] = "".join(self._text)
        if tag == "td" and self._cell is not None:
            self.cells.append(self._cell)
            self._cell = None


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def _build(runner: CliRunner, root: Path, *extra: str) -> Path:
    code, output = invoke(runner, "site", "--root", str(root), "--today", "2021-06-30", *extra)
    assert code == 0, output
    return root / "site"


def test_board_agrees_cell_for_cell_with_status_json(runner: CliRunner, shipped: Path) -> None:
    site = _build(runner, shipped)
    code, output = invoke(runner, "status", "--format", "json", "--root", str(shipped))
    assert code == 0
    expected = {
        (u["unit"], q["quarter"]): (u["state"], u["final"] is not False)
        for q in json.loads(output)
        for u in q["units"]
    }
    cells = _parse(site / "index.html").cells
    shown = {
        (c["data-unit"], c["data-quarter"]): (c["data-state"], c["data-final"] == "true")
        for c in cells
    }
    assert len(cells) == len(shown) == len(expected) == 29 * 5
    assert shown == expected
    # the words are the status command's too
    labels = {c["label"] for c in cells}
    assert {"按时", "未报送", "逾期3个工作日", "按时（未审核）"} <= labels


def test_every_unit_and_task_has_a_page_and_every_link_resolves(
    runner: CliRunner, shipped: Path
) -> None:
    site = _build(runner, shipped)
    units = yaml.safe_load((shipped / "plan" / "units.yaml").read_text("utf-8"))["units"]
    board_units = {c["data-unit"] for c in _parse(site / "index.html").cells}
    assert {p.stem for p in (site / "units").glob("*.html")} >= board_units
    assert board_units <= {u["id"] for u in units}
    tasks = {
        str(t["id"])
        for f in sorted((shipped / "plan" / "sections").glob("*.yaml"))
        for t in yaml.safe_load(f.read_text("utf-8"))["tasks"]
    }
    assert {p.stem for p in (site / "tasks").glob("*.html")} == tasks
    assert len(tasks) == 23
    checked = 0
    for page in sorted(site.rglob("*.html")):
        parsed = _parse(page)
        for href in parsed.links:
            parts = urlsplit(href)
            assert not parts.scheme and not parts.netloc, f"{page}: {href} leaves the site"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), f"{page.relative_to(site)}: broken link {href}"
            if parts.fragment:
                assert parts.fragment in _parse(target).ids, f"{page}: no #{parts.fragment}"
            checked += 1
    assert checked > 1000


def test_unit_text_is_data_never_html(runner: CliRunner, repo: Path) -> None:
    edit(
        repo / "submissions" / "2020Q2" / "hexi.yaml",
        "4月起落实“六必访”",
        '<script>alert("x")</script><b>加粗</b> & 4月起落实“六必访”',
        1,
    )
    site = _build(runner, repo)
    html = (site / "units" / "hexi.html").read_text("utf-8")
    shown = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;b&gt;加粗&lt;/b&gt; &amp; 4月起落实"
    assert shown in html
    assert "<script>alert" not in html and "<b>" not in html
    # the only script of any page is the site's own file
    assert {s for p in site.rglob("*.html") for s in _parse(p).scripts} == {
        "assets/site.js",
        "../assets/site.js",
    }


def test_same_inputs_give_the_same_bytes(runner: CliRunner, shipped: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _build(runner, shipped, "-o", str(first))
    _build(runner, shipped, "-o", str(second))
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert len(files) > 50
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_a_failed_build_leaves_the_old_site(runner: CliRunner, repo: Path) -> None:
    site = _build(runner, repo)
    before = (site / "index.html").read_bytes()
    broken = repo / "templates" / "site" / "task.html.j2"
    broken.parent.mkdir(parents=True)
    broken.write_text("{% extends '_base.html.j2' %}{% block main %}{{ nope.x }}{% endblock %}")
    code, output = invoke(runner, "site", "--root", str(repo), "--today", "2021-06-30")
    assert code == 1
    assert "网站模板有误" in output and "task.html.j2" in output
    assert "Traceback" not in output
    assert (site / "index.html").read_bytes() == before
    assert sorted(p.name for p in repo.iterdir() if p.name.startswith(".site")) == []


def test_a_site_template_override_cannot_reach_python(runner: CliRunner, repo: Path) -> None:
    # templates/site/ is the campaign's own: it may change the pages, never run code
    override = repo / "templates" / "site" / "index.html.j2"
    override.parent.mkdir(parents=True)
    override.write_text("{{ cycler.__init__.__globals__.os.getcwd() }}", "utf-8")
    code, output = invoke(runner, "site", "--root", str(repo), "--today", "2021-06-30")
    assert code == 1, output
    assert "网站模板有误" in output and "index.html.j2" in output
    assert not (repo / "site" / "index.html").exists()


def test_a_folder_it_did_not_make_is_never_replaced(runner: CliRunner, repo: Path) -> None:
    code, output = invoke(runner, "site", "--root", str(repo), "-o", str(repo / "plan"))
    assert code == 2, output
    assert "不是zzgznsite生成的文件夹" in "".join(output.split())
    assert (repo / "plan" / "units.yaml").is_file()


def test_declared_metrics_add_up_per_quarter(runner: CliRunner, shipped: Path) -> None:
    """plan/sections/1.yaml declares 走访退役军人 (人次, sum) for task 1.2: the task page's
    2020Q2 figure is the sum of what the units reported under that name and measure."""
    expected, reporters, other_unit = 0.0, 0, 0
    for path in sorted((shipped / "submissions" / "2020Q2").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text("utf-8"))["tasks"]:
            for m in item.get("metrics", []) if str(item["task"]) == "1.2" else []:
                if m["name"] == "走访退役军人" and m.get("unit", "") in ("", "人次"):
                    expected += m["value"]
                    reporters += 1
                elif m["name"] == "走访退役军人":
                    other_unit += 1
    assert reporters >= 3  # the case is real: several units report it
    site = _build(runner, shipped)
    html = (site / "tasks" / "1.2.html").read_text("utf-8")
    assert 'data-metric="走访退役军人"' in html
    total = f"{expected:g}" if not expected.is_integer() else str(int(expected))
    cells = f'data-quarter="2020Q2">{total}</td><td class="num">{reporters}</td>'
    assert cells in html
    if other_unit:  # reported in another measure: not added in, but not dropped either
        assert "未按统计口径报送的数据" in html


@pytest.mark.parametrize("page", ["units/hexi.html", "tasks/1.2.html", "tasks.html"])
def test_pages_show_what_was_submitted(runner: CliRunner, shipped: Path, page: str) -> None:
    site = _build(runner, shipped)
    html = (site / page).read_text("utf-8")
    wanted = {
        "units/hexi.html": ["示例联络员17", "友谊路街", "2020年7月1日"],
        "tasks/1.2.html": ["四尊崇", "拥军优抚处", "河西区退役军人事务局", "推进中"],
        "tasks.html": ["（停滞）", "3.1 开展评选表彰工作"],
    }[page]
    for text in wanted:
        assert text in html, text


def test_reports_are_linked_and_copied(runner: CliRunner, shipped: Path) -> None:
    code, output = invoke(runner, "report", "Q2", "--format", "md", "--root", str(shipped))
    assert code == 0, output
    site = _build(runner, shipped)
    name = "2020Q2进展情况报告.md"
    assert (site / "reports" / name).read_bytes() == (shipped / "reports" / name).read_bytes()
    assert f'href="reports/{quote(name)}"' in (site / "reports.html").read_text("utf-8")


def test_the_workflow_publishes_what_zzgzn_site_builds(runner: CliRunner) -> None:
    flow = yaml.safe_load((REPO / ".github" / "workflows" / "site.yml").read_text("utf-8"))
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    steps = flow["jobs"]["build"]["steps"]
    runs = [s["run"] for s in steps if "run" in s and s["run"].startswith("zzgzn ")]
    assert runs == ["zzgzn summary", "zzgzn site -o site"]
    for line in runs:  # each is a command and options zzgzn has
        code, output = invoke(runner, *line.split()[1:], "--help")
        assert code == 0, output
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "site"
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_what_the_command_says_follows_the_language_switch(
    runner: CliRunner, shipped: Path
) -> None:
    code, output = invoke(runner, "site", "--root", str(shipped), "--lang", "en")
    assert code == 0
    assert "written" in output and "55 pages (29 units, 23 tasks)" in "".join(output.split("\n"))
    code, output = invoke(runner, "site", "--root", str(shipped), "-q")
    assert (code, output) == (0, "")
