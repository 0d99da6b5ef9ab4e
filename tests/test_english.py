"""English documents: a campaign whose plan says `language: en` gets its report, compilation
and summary in English — headings, labels, table headers, status words, dates and sentences from
diagnostics/docwords.py — with no Chinese character outside what the units and the plan wrote
(here: nothing, the fixture is all English). Chinese campaigns are unchanged (the goldens)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from .conftest import invoke

ENGLISH = Path(__file__).parent / "data" / "english"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
TODAY = "2025-07-20"


@pytest.fixture
def campaign(tmp_path: Path) -> Path:
    root = tmp_path / "english"
    shutil.copytree(ENGLISH, root)
    return root


def _chinese(text: str) -> list[str]:
    return [line for line in text.splitlines() if CJK.search(line)]


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    return "\n".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def _xlsx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        return "\n".join(
            book.read(name).decode("utf-8")
            for name in book.namelist()
            if name.startswith("xl/") and name.endswith(".xml") and "styles" not in name
        )


def test_the_summary_of_an_english_campaign_is_english(runner: CliRunner, campaign: Path) -> None:
    code, output = invoke(runner, "summary", "--root", str(campaign), "--today", TODAY)
    assert code == 0, output
    reports = campaign / "reports"
    base = reports / "2025Q1-2025Q2-progress-summary"
    markdown = base.with_suffix(".md").read_text("utf-8")
    assert not _chinese(markdown), _chinese(markdown)
    for heading in ("## 1. Submissions", "### (1) Stalled tasks", "## 5. Typical cases"):
        assert f"\n{heading}\n" in markdown
    assert "| Quarter | Due | Expected | On time | Late | Not reported | Not yet due |" in markdown
    assert "| Q1 2025 | 8 April 2025 | 4 | 2 | 1 | 1 | 0 |" in markdown  # Qingming, 4 April
    assert "| Street Services Division (lead) | in progress | ongoing |" in markdown
    assert "Draw up a weekly sweeping rota for every district" in markdown
    assert (
        "1. Name a liaison (Part 3 (1), organisation, due 31 January 2025): 4 units due,"
        in markdown
    )
    assert markdown.endswith("##### Policy Office\n\n##### 20 July 2025\n")
    docx = _docx_text(base.with_suffix(".docx"))
    assert "Scores for reporting" in docx and not _chinese(docx), _chinese(docx)
    book = _xlsx_text(base.with_suffix(".xlsx"))
    assert "Working days late in all" in book and not _chinese(book), _chinese(book)


def test_doc_lang_overrides_the_plan_and_lang_does_not(runner: CliRunner, campaign: Path) -> None:
    """The document follows the plan; --lang is the terminal's language only."""
    root = ("--root", str(campaign), "--today", TODAY, "-f", "md")
    code, output = invoke(runner, "--lang", "zh", "summary", *root)
    assert code == 0 and "已生成" in output
    assert (campaign / "reports" / "2025Q1-2025Q2-progress-summary.md").exists()
    code, output = invoke(runner, "--lang", "en", "summary", *root, "--doc-lang", "zh")
    assert code == 0 and "written" in output
    chinese = (campaign / "reports" / "2025Q1-2025Q2进展汇总.md").read_text("utf-8")
    assert "## 一、报送情况" in chinese and "| 2025年第一季度 | 2025年4月8日 |" in chinese


def test_the_compilation_of_an_english_campaign_is_english(
    runner: CliRunner, campaign: Path
) -> None:
    """zzgzn report writes the compilation in English; the main report's own template was
    rewritten for length (issue 16) while its English was made, and is Chinese for now."""
    code, output = invoke(runner, "report", "Q2", "--root", str(campaign), "--today", TODAY)
    assert code == 0, output
    reports = campaign / "reports"
    assert (reports / "2025Q2-progress-report.md").exists()
    whole = (reports / "2025Q2-submissions-in-full.md").read_text("utf-8")
    assert not _chinese(whole), _chinese(whole)
    assert (
        "### (1) Policy Office" in whole and "#### 1. Task 1.1 Sweep every street weekly" in whole
    )
    assert "Figures: Streets swept 530 km." in whole
    assert (
        "| 4 | Riverside District Bureau | district bureau | 7 July 2025 | 15 July 2025 |" in whole
    )
    text = _docx_text(reports / "2025Q2-submissions-in-full.docx")
    assert "Policy Office" in text and not _chinese(text), _chinese(text)
    with zipfile.ZipFile(reports / "2025Q2-submissions-in-full.docx") as docx:
        styles = docx.read("word/styles.xml").decode("utf-8")
        core = docx.read("docProps/core.xml").decode("utf-8")
    assert 'w:ascii="Times New Roman"' in styles and ">en-GB<" in core


def test_a_chinese_campaign_may_be_read_in_english(runner: CliRunner, repo: Path) -> None:
    """--doc-lang en for an English-speaking maintainer: the documents' own words in English,
    the units' text as they wrote it."""
    code, output = invoke(
        runner, "report", "Q2", "-f", "md", "--doc-lang", "en", "--root", str(repo)
    )
    assert code == 0, output
    whole = (repo / "reports" / "2020Q2-submissions-in-full.md").read_text("utf-8")
    assert "#### 1. Task 1.2 " in whole and "Submitted on 6 July 2020" in whole


def test_the_casebook_of_an_english_campaign_is_english(runner: CliRunner, campaign: Path) -> None:
    root = ("--root", str(campaign), "--today", TODAY)
    code, text = invoke(runner, "cases", "--task", "1.1", "--quarter", "Q2", *root)
    assert code == 0 and not _chinese(text), text
    assert text.startswith(
        "# Year of Clean Streets: typical cases\n\n###### (Q2 2025, task 1.1; 2 in all)\n"
    )
    assert "Source: Riverside District Bureau, Q2 2025, task 1.1 Sweep every street weekly" in text
    code, text = invoke(runner, "cases", "--unit", "policy-office", *root)
    assert code == 0 and "No typical case matches." in text and not _chinese(text)
    out = campaign / "cases.docx"
    assert invoke(runner, "cases", "-o", str(out), *root)[0] == 0
    assert not _chinese(_docx_text(out))


def test_the_diff_of_an_english_campaign_is_english(runner: CliRunner, campaign: Path) -> None:
    code, text = invoke(runner, "diff", "Q1", "Q2", "--root", str(campaign), "--today", TODAY)
    assert code == 0 and not _chinese(text), text
    assert text.startswith("# Year of Clean Streets: Q2 2025 against Q1 2025\n")
    assert "- Status changes: Policy Office from in progress to done.\n" in text
