"""English documents: a campaign whose plan says `language: en` gets its report, compilation,
summary, casebook and diff in English — headings, labels, table headers, status words, dates
and sentences from diagnostics/docwords.py — with no Chinese character outside what the units
and the plan wrote (here: nothing, the fixture is all English). Chinese campaigns are
unchanged (the goldens)."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from .conftest import edit, invoke
from .golden import check_golden

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
    """zzgzn report writes the compilation in English (the main report: below)."""
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


@pytest.mark.parametrize("quarter", ["2025Q1", "2025Q2"])
def test_the_main_report_of_an_english_campaign_is_english(
    runner: CliRunner, campaign: Path, quarter: str
) -> None:
    """Every part of the main report in English, pinned by golden files: Q1 has a missing
    unit, a late one and a task nobody reported; Q2 the changes since Q1, an amendment, a
    figure left out of a total, a range of rates, a maximum, more than five problems, a
    stalled task and the office's editorial file (assessment, a note, the work planned)."""
    code, output = invoke(runner, "report", quarter, "--root", str(campaign), "--today", TODAY)
    assert code == 0, output
    base = campaign / "reports" / f"{quarter}-progress-report"
    markdown = base.with_suffix(".md").read_text("utf-8")
    assert not _chinese(markdown), _chinese(markdown)
    check_golden(f"report-en-{quarter}.md", markdown)
    text = _docx_text(base.with_suffix(".docx"))
    assert "1. Overview" in text and not _chinese(text), _chinese(text)


def test_the_main_report_says_each_sentence_in_english(runner: CliRunner, campaign: Path) -> None:
    """The sentences the goldens hold, read for what they say: plurals, thousands
    separators, the period in prose, figures with their units of measure."""
    assert invoke(runner, "report", "Q2", "--root", str(campaign), "--today", TODAY)[0] == 0
    text = (campaign / "reports" / "2025Q2-progress-report.md").read_text("utf-8")
    for said in (
        "# Year of Clean Streets: Progress Report for Q2 2025\n",
        "\nClean Streets Leading Group:\n",
        "within 5 working days after each quarter; the reports for Q2 2025 were due on"
        " 7 July 2025.",
        "4 units were due to report this quarter: 3 on time, 1 late, 0 not reported."
        " Late: Riverside District Bureau (6 working days late).",
        "1 correction after the report for Q2 2025 was written",
        "The plan has 4 tasks: 3 made progress this quarter, 1 did not.",
        "Streets swept 1,007 km in all (3 units)",  # a thousands separator
        "Share of streets on the weekly round 80% to 95% (2 units, not added up)",
        "Longest daily round at most 18 km (2 units)",
        'Riverside District Bureau reported "Volunteer" 30 residents (the plan counts'
        ' "Volunteers", in people).',
        "The lead unit, Policy Office, did not report on this task this quarter."
        " 1 unit reported: not started.",  # one unit: no "all"
        "3 units reported: 2 ongoing, 1 in progress (Riverside District Bureau).",
        "**The office's view**: Crews are still short",
        "These tasks were reported on, but all as not started: 2.2 Hold a residents' meeting"
        " (lead: Policy Office).",
        "**(1) Embankment clean-up day**. Two hundred residents",  # featured by the office
        "1. not enough crews for side streets (raised by Northside District Bureau and"
        " Riverside District Bureau; task 1.1)",
        "1 more problem, each raised by one unit, in the compilation.",
        "## 6. Changes since last quarter\n",
        "1 problem raised again;",
        "## 7. Work planned for next quarter\n",
        "\nAttachment: each unit's submission for Q2 2025\n",
        "\nAttachment\n\n# Each unit's submission for Q2 2025\n",
        "| 6 working days late (not approved) |",
    ):
        assert said in text, said
    q1 = invoke(runner, "report", "Q1", "--root", str(campaign), "--today", TODAY, "-f", "md")
    assert q1[0] == 0, q1[1]
    text = (campaign / "reports" / "2025Q1-progress-report.md").read_text("utf-8")
    for said in (
        "Late: Street Services Division (2 working days late). Not reported: Riverside District"
        " Bureau.",
        "and on 1 of them no responsible unit reported at all (see part 3)",
        "**No responsible unit reported on this task this quarter** (lead: Policy Office).",
        "2 units reported: all in progress.",
        "- 2.2 Hold a residents' meeting (lead: Policy Office)",
        "In Q1 2025, 1 unit reported 1 typical case (1 after merging those of the same title);"
        " 1 is given here",
    ):
        assert said in text, said
    assert "## 6." not in text  # the campaign's first quarter: nothing to compare with


def test_the_main_report_lists_an_invalid_file_in_english(
    runner: CliRunner, campaign: Path
) -> None:
    """--allow-invalid: the file left out is named at the top, with its problem in English."""
    path = campaign / "submissions" / "2025Q2" / "northside.yaml"
    edit(path, "status: ongoing", "status: finished")
    args = ("report", "Q2", "--allow-invalid", "--root", str(campaign), "--today", TODAY)
    code, output = invoke(runner, *args, "-f", "md")
    assert code == 0, output
    text = (campaign / "reports" / "2025Q2-progress-report.md").read_text("utf-8")
    assert not _chinese(text), _chinese(text)
    assert "> **Note: the following 1 file does not pass validation and is left out of" in text
    assert "> submissions/2025Q2/northside.yaml: line " in text
    assert (
        "Units whose file is invalid and must be corrected and sent again: Northside District"
        " Bureau (submissions/2025Q2/northside.yaml)." in text
    )
    assert "2 on time, 1 late, 0 not reported, 1 with an invalid file." in text
    assert "The unit concerned should correct it as the hints say" in text


def test_the_main_report_in_word_reads_as_an_english_document(
    runner: CliRunner, campaign: Path
) -> None:
    """Headings bold and flush left, table headers and the attachment's label bold (黑体 is
    what marks them in Chinese), no expanded character spacing in the title block."""
    code, output = invoke(runner, "report", "Q2", "--root", str(campaign), "--today", TODAY)
    assert code == 0, output
    with zipfile.ZipFile(campaign / "reports" / "2025Q2-progress-report.docx") as docx:
        styles = docx.read("word/styles.xml").decode("utf-8")
        core = docx.read("docProps/core.xml").decode("utf-8")
    assert ">en-GB<" in core

    def style(name: str) -> str:
        found = re.search(rf'<w:style [^>]*w:styleId="{name}".*?</w:style>', styles, re.S)
        assert found is not None, name
        return found.group(0)

    for heading in ("Heading1", "Heading2"):
        assert '<w:ind w:firstLine="0"/>' in style(heading) and "<w:b/>" in style(heading)
    assert "<w:spacing w:val" not in style("Title") + style("Subtitle")
    assert "<w:b/>" in _style_named(styles, "表头") and "<w:b/>" in _style_named(styles, "附件标识")


def _style_named(styles: str, name: str) -> str:
    found = re.search(rf'<w:style [^>]*>\s*<w:name w:val="{name}"/>.*?</w:style>', styles, re.S)
    assert found is not None, name
    return found.group(0)


def test_a_chinese_campaign_s_main_report_may_be_read_in_english(
    runner: CliRunner, repo: Path
) -> None:
    """--doc-lang en on the shipped campaign: the report's own words in English, the units'
    words as they wrote them; the Chinese report beside it is the golden one."""
    args = ("report", "Q2", "-f", "md", "--part", "main", "--root", str(repo))
    code, output = invoke(runner, *args, "--doc-lang", "en")
    assert code == 0, output
    text = (repo / "reports" / "2020Q2-progress-report.md").read_text("utf-8")
    assert "29 units were due to report this quarter: 24 on time, 3 late, 2 not reported." in text
    assert "\n## 4. Typical cases and good practice\n" in text
    # the figure of one unit, in the plan's own unit of measure, after a space
    assert "(10 units)" in text and "## 一、" not in text


def test_remind_for_an_english_campaign_is_english(runner: CliRunner, campaign: Path) -> None:
    """The notice goes to the units: in the plan's language like the documents, whatever the
    terminal's (--lang); --doc-lang for one run. Its JSON's messages too."""
    path = campaign / "submissions" / "2025Q2" / "northside.yaml"
    edit(path, "status: ongoing", "status: finished")
    root = ("--root", str(campaign), "--today", TODAY)
    code, text = invoke(runner, "--lang", "zh", "remind", "Q2", *root)
    assert code == 0 and not _chinese(text), _chinese(text)
    for said in (
        "Reminder: Year of Clean Streets progress reports for Q2 2025\n\nTo the units concerned:",
        "to reach Policy Office by 7 July 2025.",
        "The following 1 unit has reported, but the file does not pass validation;",
        "1. Northside District Bureau (liaison: Sample Liaison 03, phone: 000-0000-0103):"
        ' submissions/2025Q2/northside.yaml, line 8: task 1.1: "status" has an invalid value'
        ' "finished".\n\n',  # a paragraph of its own after the list
        "These units reported late; please report on time in future: Riverside District"
        " Bureau (6 working days late).",
        "1. Name a liaison (Part 3 (1), organisation, due 31 January 2025): Riverside District"
        " Bureau.",
    ):
        assert said in text, said
    assert text.endswith("Policy Office\n20 July 2025\n")
    before = ("--root", str(campaign), "--today", "2025-07-03", "-f", "md")
    code, text = invoke(runner, "remind", "Q2", *before)
    assert code == 0 and not _chinese(text), _chinese(text)
    assert "2 working days are left before the deadline. As of 3 July 2025, the following 2" in text
    assert "2. Riverside District Bureau (liaison: not on record, phone: not on record)" in text
    code, data = invoke(runner, "--lang", "zh", "remind", "Q2", *root, "-f", "json")
    (row,) = json.loads(data)["invalid"]
    assert row["errors"][0]["message"] == 'task 1.1: "status" has an invalid value "finished"'
    code, text = invoke(runner, "remind", "Q2", *root, "--doc-lang", "zh")
    assert code == 0 and "关于报送2025年第二季度“Year of Clean Streets”活动进展情况的提醒" in text


def test_remind_for_a_chinese_campaign_stays_chinese_in_an_english_terminal(
    runner: CliRunner, repo: Path
) -> None:
    code, text = invoke(runner, "--lang", "en", "remind", "Q2", "--root", str(repo))
    assert code == 0 and "各有关单位：" in text
    code, text = invoke(runner, "remind", "2020Q2", "--root", str(repo), "--doc-lang", "en")
    assert code == 0 and "To the units concerned:" in text


def test_english_plurals_follow_their_count() -> None:
    from zzgzn.diagnostics.docwords import DOC, doc_say

    assert doc_say("report-late-unit", "en", name="A", days=1) == "A (1 working day late)"
    assert (
        doc_say("report-late-unit", "en", name="A", days="1,200") == "A (1,200 working days late)"
    )
    assert doc_say("report-late-unit", "zh", name="甲", days=1) == "甲（逾期1个工作日）"
    plural = re.compile(r"\{(\w+)\|[^{}|]*\|[^{}|]*\}")
    for key, say in DOC.items():
        named = set(re.findall(r"\{(\w+)\}", plural.sub("", say.en))) | set(
            re.findall(r"\{(\w+)\}", say.zh)
        )
        for count in plural.findall(say.en):  # a plural counts something the text says
            assert count in named or key == "report-all-status", (key, count)  # 1: no "all"


def test_the_editorial_scaffold_of_an_english_campaign_is_english(
    runner: CliRunner, campaign: Path
) -> None:
    """The office's file from `zzgzn new Q2 --editorial`: its computed facts and instructions
    in English, and the file, filled in, is what report merges."""
    (campaign / "editorial" / "2025Q2.yaml").unlink()
    code, said = invoke(
        runner, "new", "Q2", "--editorial", "--root", str(campaign), "--today", TODAY
    )
    assert code == 0, said
    scaffold = (campaign / "editorial" / "2025Q2.yaml").read_text("utf-8")
    assert _chinese(scaffold) == []
    for line in (
        "# Submissions: 4 units due, 3 on time, 1 late, 0 not reported.",
        "# Tasks: 4 in all, 3 with progress; without progress: 2.2 Hold a residents' meeting.",
        "#   not enough crews for side streets (2 units)",
        "Streets swept 1,007 km in all (3 units)",
        "Longest daily round at most 18 km (2 units)",
        "#   Embankment clean-up day (1 unit, task 1.1)  ← given by default",
        "# Work planned for next quarter: the report's last part.",
    ):
        assert line in scaffold, line
    path = campaign / "editorial" / "2025Q2.yaml"
    edit(path, 'arrangements: ""', "arrangements: The districts hold their meetings in August.")
    code, said = invoke(runner, "validate", "--root", str(campaign), str(path))
    assert code == 0, said
    out = campaign / "out"
    code, said = invoke(
        runner,
        "report",
        "Q2",
        "-f",
        "md",
        "-o",
        str(out),
        "--root",
        str(campaign),
        "--today",
        TODAY,
    )
    assert code == 0, said
    assert "The districts hold their meetings in August." in "".join(
        p.read_text("utf-8") for p in campaign.glob("out*.md")
    )


def test_an_existing_editorial_file_is_left_alone_in_the_terminals_language(
    runner: CliRunner, campaign: Path
) -> None:
    path = campaign / "editorial" / "2025Q2.yaml"
    before = path.read_bytes()
    args = ["new", "Q2", "--editorial", "--root", str(campaign), "--today", TODAY]
    code, said = invoke(runner, "--lang", "en", *args)
    assert code != 0 and "exists and was left as it is" in said and _chinese(said) == []
    code, said = invoke(runner, *args)
    assert code != 0 and "已存在，未覆盖" in said
    assert path.read_bytes() == before
