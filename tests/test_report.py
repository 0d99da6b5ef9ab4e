"""`zzgzn report`: the Markdown is pinned by golden files; outputs are complete and stable."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from zzgzn.cli import app
from zzgzn.reading.loader import load_path

from .conftest import REPO, edit, invoke
from .golden import check_golden


def _report(runner: CliRunner, root: Path, *args: str) -> tuple[int, str]:
    return invoke(runner, "report", *args, "--root", str(root))


@pytest.mark.parametrize("quarter", ["2020Q1", "2020Q2"])
def test_golden_markdown(quarter: str, runner: CliRunner, repo: Path, tmp_path: Path) -> None:
    code, output = _report(
        runner, repo, quarter, "--today", "2020-07-20", "-f", "md", "-o", str(tmp_path / "r.md")
    )
    assert code == 0, output
    check_golden(f"report-{quarter}.md", (tmp_path / "r.md").read_text("utf-8"))
    compilation = tmp_path / f"{quarter}各单位进展情况汇编.md"
    check_golden(f"compilation-{quarter}.md", compilation.read_text("utf-8"))


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_the_compilation_alone_reads_only_its_quarter_and_is_the_same(
    runner: CliRunner, repo: Path, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--part compilation reads the quarter's folder alone (nothing it prints comes from
    earlier quarters or the obligations' folders), and prints what the full run prints."""
    from zzgzn.checking import runner as checking

    read: list[str] = []
    real = checking.check_files

    def spy(files: list[tuple[str, str]], *args: object, **kwargs: object) -> object:
        read.extend(display for _, display in files)
        return real(files, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("zzgzn.checking.validate.check_files", spy)
    both, alone = tmp_path / "both", tmp_path / "alone"
    both.mkdir(), alone.mkdir()  # -o names a folder
    common = ("2020Q2", "--today", "2020-07-20", "-f", fmt)
    assert _report(runner, repo, *common, "-o", str(both))[0] == 0
    assert any(not d.startswith("submissions/2020Q2/") for d in read)  # the main report's history
    read.clear()
    code, output = _report(runner, repo, *common, "--part", "compilation", "-o", str(alone))
    assert code == 0, output
    assert read and all(d.startswith("submissions/2020Q2/") for d in read)
    name = f"2020Q2各单位进展情况汇编.{fmt}"
    assert (alone / name).read_bytes() == (both / name).read_bytes()
    assert not (alone / f"2020Q2进展情况报告.{fmt}").exists()


def _page_lines(markdown: str) -> int:
    """Lines of the GB/T 9704 page (22 lines of 28 characters) the Markdown's paragraphs fill:
    a stable stand-in for LibreOffice's page count (within half a page on the samples)."""
    lines = 0
    for para in re.split(r"\n\s*\n", markdown):
        text = re.sub(r"\*\*|^#+ ", "", para.strip())
        if not text:
            continue
        if para.startswith("# "):  # the title, 二号: about 15 characters a line, 1.5 lines high
            lines += 2 * -(-len(text.replace("\n", "")) // 15)
        else:  # body text indents two characters; headings do not, but they break the same
            lines += -(-(len(text) + 2) // 28)
    return lines


def test_the_main_report_body_fits_in_about_ten_pages(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    """The issue's target: about 10 pages of GB/T 9704 body for the shipped campaign.
    LibreOffice fills 10 pages and most of an 11th with this body (17 before the per-task
    accounts were cut to a budget); the attachment after the page break is not counted."""
    out = tmp_path / "r.md"
    assert (
        _report(runner, repo, "2020Q2", "--today", "2020-07-20", "-f", "md", "-o", str(out))[0] == 0
    )
    body = out.read_text("utf-8").split("\n---\n")[0]
    assert "## 六、与上季度相比的变化" in body and "附件：" in body  # the whole body, no more
    assert _page_lines(body) <= 11.5 * 22, _page_lines(body)
    assert len(re.sub(r"\s", "", body)) <= 6_000


def test_default_writes_both_formats_under_reports(runner: CliRunner, repo: Path) -> None:
    code, output = _report(runner, repo, "Q2")
    assert code == 0, output
    written = sorted(p.name for p in (repo / "reports").iterdir())
    assert written == [
        "2020Q2各单位进展情况汇编.docx",
        "2020Q2各单位进展情况汇编.md",
        "2020Q2进展情况报告.docx",
        "2020Q2进展情况报告.md",
    ]
    assert "按时 24" in output and "逾期 3" in output and "未报 2" in output


def test_same_inputs_give_identical_bytes(runner: CliRunner, repo: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        out.mkdir()
        assert _report(runner, repo, "2020Q2", "-o", str(out))[0] == 0
    for name in ("2020Q2进展情况报告.md", "2020Q2进展情况报告.docx"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_the_compilation_holds_every_word_of_every_valid_file(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.md"
    assert _report(runner, repo, "2020Q2", "-f", "md", "-o", str(out))[0] == 0
    text = _unescape(out.with_name("2020Q2各单位进展情况汇编.md").read_text("utf-8"))
    checked = 0
    for path in sorted((repo / "submissions" / "2020Q2").glob("*.yaml")):
        data = load_path(path).data
        assert f"来源文件：submissions/2020Q2/{path.name}" in text
        pieces = (data.get("summary") or "").splitlines()
        for item in data["tasks"]:
            pieces += item["narrative"].splitlines() + item.get("measures", [])
            pieces += item.get("problems", []) + item.get("next_steps", [])
            pieces += [
                f"{m['name']}{_figure(m['value'])}{m.get('unit', '')}"
                for m in item.get("metrics", [])
            ]
            pieces += [
                line
                for c in item.get("cases", [])
                for line in [c["title"], *c["summary"].splitlines()]
            ]
            pieces += [d["note"] for d in item.get("deliverables", []) if d.get("note")]
        pieces += [a["reason"] for a in data.get("amendments", [])]
        for piece in filter(None, (p.strip() for p in pieces)):
            assert piece in text, f"{path.name}: {piece!r} missing from the compilation"
            checked += 1
    assert checked > 500


def _figure(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def test_invalid_file_blocks_the_report_unless_allowed(runner: CliRunner, repo: Path) -> None:
    bad = repo / "submissions" / "2020Q2" / "hexi.yaml"
    edit(bad, "status: in_progress", "status: 进行中", 1)
    code, output = _report(runner, repo, "2020Q2")
    assert code == 1
    assert "submissions/2020Q2/hexi.yaml" in output and "--allow-invalid" in output
    assert not (repo / "reports").exists()

    code, output = _report(runner, repo, "2020Q2", "--allow-invalid")
    assert code == 0, output
    text = (repo / "reports" / "2020Q2进展情况报告.md").read_text("utf-8")
    head = text[: text.index("## 一、")]
    assert "未通过校验" in head and "submissions/2020Q2/hexi.yaml" in head
    assert "河西区退役军人事务局 | 区局 | 2020年7月7日 | — | 报送有误 |" in text  # it did submit
    assert (
        "报送文件有误1个" in text and "河西区退役军人事务局（submissions/2020Q2/hexi.yaml）" in text
    )


def test_invalid_file_in_another_quarter_does_not_block(runner: CliRunner, repo: Path) -> None:
    bad = repo / "submissions" / "2020Q1" / "hexi.yaml"
    bad.write_text("unit: [\n", "utf-8")
    assert _report(runner, repo, "2020Q2", "-f", "md")[0] == 0


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_claiming_the_quarter_from_another_folder_blocks_it_every_way(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Whether read here, by worker processes or answered from the cache (second run)."""
    from zzgzn.checking import runner as checking_runner
    from zzgzn.report import job

    monkeypatch.setattr(checking_runner, "PARALLEL_FROM", 1)
    monkeypatch.setattr(job, "default_jobs", lambda: jobs)
    misfiled = repo / "submissions" / "2020Q1" / "hexi.yaml"
    edit(misfiled, "quarter: 2020Q1", "quarter: 2020Q2", 1)
    for _ in range(2):
        code, output = _report(runner, repo, "2020Q2", "-f", "md")
        assert code == 1
        assert "submissions/2020Q1/hexi.yaml" in output
    assert _report(runner, repo, "2020Q3", "-f", "md")[0] == 0  # not the later quarter's


def test_unknown_format_and_ambiguous_quarter_are_usage_errors(
    runner: CliRunner, repo: Path
) -> None:
    assert _report(runner, repo, "Q1")[0] == 2
    assert _report(runner, repo, "2020Q2", "-f", "pdf")[0] == 2


NASTY = """\
| 表格 | 破坏 |
# 假标题
*星号* <script>x</script> {{ r.plan }} {% if 1 %}x{% endif %}


1. 不是列表
- 也不是
---
    缩进四格不是代码
"""


def test_hostile_text_renders_as_text(runner: CliRunner, repo: Path, tmp_path: Path) -> None:
    path = repo / "submissions" / "2020Q2" / "hexi.yaml"
    block = "summary: |\n" + "".join(f"  {line}\n" for line in NASTY.splitlines())
    text = re.sub(r"^summary: .*\n", lambda _: block, path.read_text("utf-8"), count=1, flags=re.M)
    path.write_text(text, "utf-8")
    out = tmp_path / "r.md"
    code, output = _report(runner, repo, "2020Q2", "-o", str(out))
    assert code == 0, output
    md = out.with_name("2020Q2各单位进展情况汇编.md").read_text("utf-8")
    # each typed line is one paragraph of plain text: no table, heading, list or code block
    assert r"\| 表格 \| 破坏 \|" in md and "\n\\# 假标题" in md
    assert r"\*星号\* \<script\>x\</script\>" in md
    assert "{{ r.plan }} {% if 1 %}x{% endif %}" in md  # printed, never evaluated
    assert "\n1\\. 不是列表" in md and "\n\\- 也不是" in md and "\n\\---" in md
    assert "\n缩进四格不是代码" in md
    assert out.with_suffix(".docx").stat().st_size > 0


def test_golden_docx_body(runner: CliRunner, repo: Path, tmp_path: Path) -> None:
    """The Word body, element for element: formatting is python-docx's, reused as text for
    speed (report/docx.py), so any change to it shows here as a reviewable diff."""
    code, output = _report(
        runner, repo, "2020Q2", "--today", "2020-07-20", "-f", "docx", "-o", str(tmp_path / "r")
    )
    assert code == 0, output
    with zipfile.ZipFile(tmp_path / "r.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    check_golden("report-2020Q2.document.xml", body.replace("><", ">\n<") + "\n")


def _unescape(markdown: str) -> str:
    return re.sub(r"\\([\\`*_\[\]<>|~&#.)+=-])", r"\1", markdown)


def test_golden_files_exist() -> None:
    found = sorted(p.name for p in (REPO / "tests" / "golden").glob("*-2020Q*.md"))
    assert found == [
        "compilation-2020Q1.md",
        "compilation-2020Q2.md",
        "report-2020Q1.md",
        "report-2020Q2.md",
    ]


def test_campaign_template_overrides_the_builtin(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["templates", "--copy", "report.md.j2", "--root", str(repo)])
    assert result.exit_code == 0, result.output
    template = repo / "templates" / "report.md.j2"
    edit(template, '## {{ w("report-h-overview") }}', "## 一、本季度总体情况")
    out = tmp_path / "r.md"
    assert _report(runner, repo, "2020Q2", "-f", "md", "-o", str(out))[0] == 0
    assert "## 一、本季度总体情况" in out.read_text("utf-8")
    again = runner.invoke(app, ["templates", "--copy", "report.md.j2", "--root", str(repo)])
    assert again.exit_code == 2  # never overwrites an edited template


def test_broken_campaign_template_is_a_clear_error(runner: CliRunner, repo: Path) -> None:
    (repo / "templates").mkdir()
    (repo / "templates" / "report.md.j2").write_text("# {{ r.quarter.label }\n", "utf-8")
    code, output = _report(runner, repo, "2020Q2", "-f", "md")
    assert code == 1
    assert "报告模板有误" in output and "report.md.j2" in output


def test_a_broken_plan_stops_the_report_with_its_positions(runner: CliRunner, repo: Path) -> None:
    schedule = repo / "plan" / "schedule.yaml"
    edit(schedule, "due_working_days: 5", "due_working_days: five")
    code, output = _report(runner, repo, "2020Q2")
    assert code == 1
    assert "方案（plan/）未通过校验" in output
    assert "plan/schedule.yaml:" in output and "[wrong-type]" in output
    assert not (repo / "reports").exists()


def test_replaying_a_day_before_files_arrived(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.md"
    code, output = _report(
        runner, repo, "2020Q2", "--today", "2020-07-03", "-f", "md", "-o", str(out)
    )
    assert code == 0, output
    text = out.read_text("utf-8")
    assert "尚未到截止日期12个" in text  # files dated after 3 July have not arrived yet
    assert "河东区退役军人事务局 | 区局 | 2020年7月7日 | — | 未到期" in text


def test_output_folder_that_does_not_exist_yet(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    """`-o out/` means a folder even before it exists (a Path alone would drop the slash)."""
    target = tmp_path / "new-folder"
    code, output = _report(runner, repo, "2020Q2", "-f", "md", "-o", f"{target}/")
    assert code == 0, output
    assert (target / "2020Q2进展情况报告.md").is_file()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_changes_made_in_a_second_process_give_the_same_report(
    runner: CliRunner, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A national quarter's changes since the last are computed in a forked child while the
    report is built (report/job.py, zzgzn.aside): the same words as in one process."""
    from zzgzn import aside
    from zzgzn.report import job

    forked: list[bool] = []
    here: list[str] = []  # computed in this process (a child's appends stay in the child)

    class Watched(aside.Aside[object]):
        def __init__(self, compute: Any, shared: Any, *, fork: bool) -> None:
            forked.append(fork)

            def counted() -> Any:
                here.append("x")
                return compute()

            super().__init__(counted, shared, fork=fork)

    monkeypatch.setattr(job, "Aside", Watched)
    monkeypatch.setattr(job, "default_jobs", lambda: 2)
    texts = []
    for least in (10_000, 0):  # never, then always beside
        monkeypatch.setattr(job, "ASIDE_FROM", least)
        out = tmp_path / f"from-{least}" / "r.md"
        code, output = _report(runner, repo, "2020Q2", "-f", "md", "--part", "main", "-o", str(out))
        assert code == 0, output
        texts.append(out.read_text("utf-8"))
    assert forked == [False, True] and here == ["x"]  # the second from the child
    assert texts[0] == texts[1] and "未提及" in texts[0]
