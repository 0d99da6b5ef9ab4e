"""The whole cycle — init --from → new → validate → status → remind → report → summary → site —
on campaigns of other cadences, written for these tests: a monthly one due on the 5th of the
next month (moved to the next working day) across the 2024 Spring Festival, Qingming and
Labour Day, and a half-yearly one due 10 working days after each half. The shipped quarterly
campaign runs the same cycle in test_readme.py and the report goldens, unchanged.

The expected deadlines are written by hand from the State Council's notices on the 2024
holidays (国办发明电〔2023〕7号: 春节 2月10日至17日放假，2月4日（星期日）、2月18日（星期日）
上班；清明节 4月4日至6日放假，4月7日（星期日）上班；劳动节 5月1日至5日放假，4月28日（星期日）、
5月11日（星期六）上班；端午节 6月10日放假) and on the 2025 ones (国办发明电〔2024〕12号: 元旦
1月1日放假), and checked against chinesecalendar as well.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import chinese_calendar
import openpyxl
import pytest
from typer.testing import CliRunner

from tests.conftest import invoke
from zzgzn.calendar.deadlines import all_deadlines
from zzgzn.checking.planload import load_plan
from zzgzn.models.plan import Cadence, Plan

MONTHLY = """\
关于开展“便民服务提速年”活动的实施方案
为提升政务服务效能，结合本区实际，制定本方案。
一、工作目标
全区政务服务事项办理时限平均压缩三成，群众办事“最多跑一次”。
二、重点任务
（一）优化办事流程。
1.推行一窗通办。整合各部门服务窗口，实行前台综合受理、后台分类审批、统一窗口出件。
牵头单位：行政审批科、东湖街道便民服务中心
2.压缩办理时限。逐项梳理办事环节，公布承诺时限，超时默认办结。
责任单位：政务公开科、行政审批科
三、保障措施
（一）加强组织领导。成立活动领导小组，区政务服务局主要负责同志任组长，领导小组办公室设在综合科。
（二）严格报送制度。活动从2024年1月初开始，到2024年6月底结束。各责任单位每月5日前向综合科报送上月工作进展，遇节假日顺延。
"""

HALF_YEARLY = """\
关于开展“绿色园区”创建工作的实施方案
为推进园区绿色低碳发展，制定本方案。
一、工作目标
创建期内园区单位产值能耗下降百分之八。
二、重点任务
（一）推进节能改造。
1.实施照明改造。园区公共照明全部更换为节能灯具。
责任单位：园区建设处、北区物业管理站
2.推广屋顶光伏。在标准厂房屋顶建设分布式光伏电站。
责任单位：能源管理处
三、保障措施
（一）强化统筹。成立创建工作领导小组，领导小组办公室设在综合处。
（二）按时报送。创建工作从2024年7月初开始，到2025年6月底结束。各责任单位每半年结束后10个工作日内向综合处报送创建进展。
"""

# words only the shipped campaign uses: none may appear in another campaign's outputs
SHIPPED_WORDS = ("退役军人", "思想政治", "天津", "hexi", "2020Q", "2021Q", "季度")


def _draft(runner: CliRunner, tmp_path: Path, text: str) -> tuple[Path, Plan]:
    source = tmp_path / "方案.txt"
    source.write_text(text, "utf-8")
    root = tmp_path / "campaign"
    code, output = invoke(runner, "init", str(root), "--from", str(source), "--issuer", "某区某局")
    assert code == 0, output
    loaded = load_plan(root)
    assert loaded.ok, loaded.problems
    assert loaded.plan is not None
    return root, loaded.plan


def _fill(
    runner: CliRunner,
    root: Path,
    period: str,
    unit: str,
    submitted: str,
    narrative: str,
    today: str,
) -> Path:
    before = set((root / "submissions").glob(f"*/{unit}.yaml"))
    code, output = invoke(
        runner, "new", period, "--unit", unit, "--root", str(root), "--today", today
    )
    assert code == 0, output
    (path,) = set((root / "submissions").glob(f"*/{unit}.yaml")) - before
    text = path.read_text("utf-8")
    text = re.sub(r"status: *(#.*)?$", r"status: in_progress  \1", text, flags=re.M)
    text = text.replace('narrative: ""', f"narrative: {narrative}")
    text = re.sub(r"submitted_on: .*", f"submitted_on: {submitted}", text, count=1)
    text = text.replace('name: ""\n  phone: ""', 'name: 示例联络员\n  phone: "000-0000-0000"')
    text = re.sub(r"filled_by: .*", "filled_by: {name: 示例填报人, post: 科员}", text, count=1)
    text = re.sub(r"# approved_by: .*", "approved_by: {name: 示例审核人, post: 科长}", text)
    path.write_text(text, "utf-8")
    return path


def _move(path: Path, folder: str) -> Path:
    target = path.parents[1] / folder / path.name
    target.parent.mkdir(exist_ok=True)
    path.rename(target)
    return target


def _run(runner: CliRunner, root: Path, *args: str) -> str:
    code, output = invoke(runner, *args, "--root", str(root))
    assert code == 0, (args, output)
    return output


def _no_trace_of_the_shipped_campaign(root: Path, outputs: list[str]) -> None:
    texts = [*outputs]
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in {".md", ".yaml", ".yml", ".html", ".txt", ".json"}:
            texts.append(path.read_text("utf-8"))
    seen = "\n".join(texts)
    for word in SHIPPED_WORDS:
        assert word not in seen, word


def test_monthly_deadlines_by_hand_and_by_the_library(runner: CliRunner, tmp_path: Path) -> None:
    _, plan = _draft(runner, tmp_path, MONTHLY)
    rule = plan.schedule.reporting
    assert (rule.cadence, rule.due_day_of_next_month, rule.on_rest_day) == (
        Cadence.MONTHLY,
        5,
        "next_working_day",
    )
    got = {str(d.quarter): d.due for d in all_deadlines(plan)}
    assert got == {
        "2024-01": dt.date(2024, 2, 5),  # a Monday, the Spring Festival starts on the 10th
        "2024-02": dt.date(2024, 3, 5),
        "2024-03": dt.date(2024, 4, 7),  # 5 April is 清明: the make-up Sunday, 7 April
        "2024-04": dt.date(2024, 5, 6),  # 1–5 May off: Monday 6 May
        "2024-05": dt.date(2024, 6, 5),
        "2024-06": dt.date(2024, 7, 5),
    }
    # the library agrees: each due date is a working day, and no earlier day from the 5th is
    for due in got.values():
        assert chinese_calendar.is_workday(due)
        day = due.replace(day=5)
        while day < due:
            assert not chinese_calendar.is_workday(day), day
            day += dt.timedelta(days=1)


def test_a_monthly_campaign_across_the_spring_festival(runner: CliRunner, tmp_path: Path) -> None:
    root, plan = _draft(runner, tmp_path, MONTHLY)
    units = [u.id for u in plan.reporters]
    first, second = units[0], units[1]
    # January: one unit on time (2 February), one late on 19 February — 6 working days late:
    # 6, 7, 8, 9 February, the make-up Sunday 18 February, and the 19th; 10–17 are holidays
    path = _fill(
        runner, root, "2024年1月", first, "2024-02-02", "一窗受理窗口已整合。", "2024-02-20"
    )
    _fill(runner, root, "1月", second, "2024-02-19", "公布第一批承诺时限。", "2024-02-20")
    outputs = [_run(runner, root, "validate", "--today", "2024-02-20")]
    # the workbook round trip keeps the month: export, delete, import
    workbook = root / f"{first}-2024-01.xlsx"
    export = ("export", str(path), "--format", "xlsx", "-o", str(workbook), "--today", "2024-02-20")
    outputs.append(_run(runner, root, *export))
    labels = [
        str(c.value)
        for ws in openpyxl.load_workbook(workbook).worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]
    assert "月份" in labels and "本月总体情况" in labels
    assert not [x for x in labels if "季度" in x]
    path.unlink()
    outputs.append(_run(runner, root, "import", str(workbook), "--today", "2024-02-20"))
    assert "period: 2024-01" in path.read_text("utf-8")
    workbook.unlink()
    status = json.loads(_run(runner, root, "status", "--today", "2024-02-20", "-f", "json"))
    outputs.append(json.dumps(status, ensure_ascii=False))
    january = next(s for s in status if s["quarter"] == "2024-01")
    by_unit = {u["unit"]: u for u in january["units"]}
    assert january["due"] == "2024-02-05"
    assert by_unit[first]["state"] == "on_time"
    assert (by_unit[second]["state"], by_unit[second]["working_days_late"]) == ("late", 6)
    others = [u for u in units if u not in (first, second)]
    assert all(by_unit[u]["state"] == "missing" for u in others)
    outputs.append(_run(runner, root, "status", "--today", "2024-02-20"))
    remind = _run(runner, root, "remind", "2024-01", "--today", "2024-02-20")
    outputs.append(remind)
    assert "2024年1月" in remind and "2024年2月5日" in remind
    outputs.append(_run(runner, root, "report", "2024-01", "--today", "2024-02-20", "-f", "md"))
    report = (root / "reports" / "2024-01进展情况报告.md").read_text("utf-8")
    assert "2024年1月进展情况报告" in report
    assert "每月结束后次月5日前（遇节假日顺延）" in report and "本月" in report
    assert "一窗受理窗口已整合" in report
    # February, a month later: the report compares with January ("上月")
    path = _fill(runner, root, "2024-02", first, "2024-03-04", "后台分类审批上线。", "2024-03-06")
    assert path.parent.name == "2024-02"
    assert "period: 2024-02" in path.read_text("utf-8")
    outputs.append(_run(runner, root, "report", "2月", "--today", "2024-03-06", "-f", "md"))
    february = (root / "reports" / "2024-02进展情况报告.md").read_text("utf-8")
    assert "与上月相比" in february
    outputs.append(_run(runner, root, "summary", "--today", "2024-03-06", "-f", "md"))
    summary = (root / "reports" / "2024年1月至3月进展汇总.md").read_text("utf-8")
    assert "2024年1月" in summary and "2024年2月" in summary
    outputs.append(_run(runner, root, "site", "--today", "2024-03-06"))
    board = (root / "site" / "index.html").read_text("utf-8")
    assert "2024-01" in board and "2024-02" in board
    # a quarter is not a month here: refused with the spellings this campaign accepts
    code, output = invoke(runner, "report", "2024Q1", "--root", str(root))
    assert code == 2 and "按月份报送" in output and "2024年1月" in output
    _no_trace_of_the_shipped_campaign(root, outputs)


def test_a_half_yearly_campaign(runner: CliRunner, tmp_path: Path) -> None:
    root, plan = _draft(runner, tmp_path, HALF_YEARLY)
    rule = plan.schedule.reporting
    assert (rule.cadence, rule.due_working_days) == (Cadence.HALF_YEARLY, 10)
    # 2024H2 ends Tuesday 31 December; 1 January 2025 off: 2, 3, 6–10, 13, 14, 15 January
    # 2025H1 ends Monday 30 June 2025: 1–4, 7–11, 14 July
    assert {str(d.quarter): d.due for d in all_deadlines(plan)} == {
        "2024H2": dt.date(2025, 1, 15),
        "2025H1": dt.date(2025, 7, 14),
    }
    unit = plan.reporters[0].id
    path = _fill(runner, root, "下半年", unit, "2025-01-10", "公共照明改造完成六成。", "2025-01-20")
    assert path.parent.name == "2024H2"
    outputs = [_run(runner, root, "validate", "--today", "2025-01-20")]
    status = json.loads(_run(runner, root, "status", "--today", "2025-01-20", "-f", "json"))
    outputs.append(json.dumps(status, ensure_ascii=False))
    (h2,) = [s for s in status if s["quarter"] == "2024H2"]
    assert {u["unit"]: u["state"] for u in h2["units"]}[unit] == "on_time"
    outputs.append(_run(runner, root, "remind", "2024H2", "--today", "2025-01-20"))
    outputs.append(
        _run(runner, root, "report", "2024年下半年", "--today", "2025-01-20", "-f", "md")
    )
    report = (root / "reports" / "2024H2进展情况报告.md").read_text("utf-8")
    assert "2024年下半年进展情况报告" in report and "每半年结束后10个工作日内" in report
    outputs.append(_run(runner, root, "summary", "--today", "2025-07-20", "-f", "md"))
    outputs.append(_run(runner, root, "site", "--today", "2025-07-20"))
    _no_trace_of_the_shipped_campaign(root, outputs)


def test_a_file_in_a_monthly_campaign_says_period(runner: CliRunner, tmp_path: Path) -> None:
    root, plan = _draft(runner, tmp_path, MONTHLY)
    unit = plan.reporters[0].id
    path = _fill(runner, root, "2024-01", unit, "2024-02-02", "已整合窗口。", "2024-02-20")
    # quarter: is the quarterly spelling of the key; here it is an error that says so
    text = path.read_text("utf-8")
    path.write_text(text.replace("period: 2024-01", "quarter: 2024-01"), "utf-8")
    code, output = invoke(
        runner, "validate", str(path), "--root", str(root), "--today", "2024-02-20"
    )
    assert code == 1 and "[period-key]" in output and "period:" in output
    # zzgzn fix writes a period typed in words in its canonical spelling
    path.write_text(text.replace("period: 2024-01", "period: 2024年1月"), "utf-8")
    code, output = invoke(runner, "fix", str(path), "--root", str(root))
    assert code == 0, output
    assert path.read_text("utf-8") == text
    # the wrong folder is named as a month
    moved = _move(path, "2024-02")
    code, output = invoke(
        runner, "validate", str(moved), "--root", str(root), "--today", "2024-03-20"
    )
    assert code == 1 and "[quarter-mismatch]" in output and "submissions/2024-01/" in output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("各单位每月10日前向综合科报送上月情况。", ("monthly", "due_day_of_next_month", 10)),
        ("各单位每季度最后一个月25日前向综合科报送。", ("quarterly", "due_day_of_final_month", 25)),
        ("各单位每月结束后3个工作日内向综合科报送。", ("monthly", "due_working_days", 3)),
        ("各单位每年结束后15个工作日内向综合科报送年度总结。", ("yearly", "due_working_days", 15)),
    ],
)
def test_init_drafts_the_rule_the_text_states(
    runner: CliRunner, tmp_path: Path, text: str, expected: tuple[str, str, int]
) -> None:
    document = MONTHLY.replace("各责任单位每月5日前向综合科报送上月工作进展，遇节假日顺延。", text)
    _, plan = _draft(runner, tmp_path, document)
    rule = plan.schedule.reporting
    cadence, field, value = expected
    assert (rule.cadence.value, getattr(rule, field)) == (cadence, value)
    assert rule.on_rest_day == "keep"


def test_a_one_off_report_is_an_obligation_with_a_date(runner: CliRunner, tmp_path: Path) -> None:
    """专项报告于2024年3月15日前报送: a document with a fixed date, as the README says."""
    root, plan = _draft(runner, tmp_path, MONTHLY)
    unit = plan.reporters[0].id
    (root / "plan" / "obligations.yaml").write_text(
        "obligations:\n"
        "  - id: special-report\n"
        "    name: 专项报告\n"
        "    due: {date: 2024-03-15}\n"
        "    fulfilled_by: {document: special-report}\n",
        "utf-8",
    )
    _run(runner, root, "new", "special-report", "--unit", unit, "--today", "2024-03-01")
    path = root / "submissions" / "special-report" / f"{unit}.yaml"
    text = path.read_text("utf-8")
    assert "2024年3月15日" in text
    status = json.loads(_run(runner, root, "status", "--today", "2024-03-20", "-f", "json"))
    assert status  # the monthly table is there, and the duty is listed below it
    board = _run(runner, root, "status", "--today", "2024-03-20")
    assert "专项报告" in board and "未完成" in board


def test_init_lets_the_office_choose_the_cadence(runner: CliRunner, tmp_path: Path) -> None:
    root = tmp_path / "campaign"
    code, output = invoke(runner, "init", str(root), "--cadence", "half-yearly")
    assert code == 0, output
    loaded = load_plan(root)
    assert loaded.ok and loaded.plan is not None, loaded.problems
    assert loaded.plan.cadence is Cadence.HALF_YEARLY
    readme = (root / "README.md").read_text("utf-8")
    assert "zzgzn new 2025H1" in readme and "每半年结束后5个工作日内" in readme
    code, output = invoke(runner, "init", str(tmp_path / "x"), "--cadence", "weekly")
    assert code == 2


def test_a_report_due_before_its_period_ends(runner: CliRunner, tmp_path: Path) -> None:
    """每季度最后一个月25日前: due before the quarter ends, so a file dated the 20th is on time
    and not "early"; one dated three weeks before the due date is flagged as early."""
    document = MONTHLY.replace(
        "各责任单位每月5日前向综合科报送上月工作进展，遇节假日顺延。",
        "各责任单位每季度最后一个月25日前向综合科报送本季度工作进展。",
    )
    root, plan = _draft(runner, tmp_path, document)
    assert {str(d.quarter): d.due for d in all_deadlines(plan)} == {
        "2024Q1": dt.date(2024, 3, 25),  # a Monday
        "2024Q2": dt.date(2024, 6, 25),  # a Tuesday
    }
    first, second = (u.id for u in plan.reporters[:2])
    _fill(runner, root, "Q1", first, "2024-03-20", "窗口整合完成。", "2024-03-26")
    _fill(runner, root, "Q1", second, "2024-03-01", "正在梳理事项。", "2024-03-26")
    code, output = invoke(runner, "validate", "--root", str(root), "--today", "2024-03-26")
    assert code == 0, output
    assert f"{second}.yaml" in output and "[submitted-early]" in output
    assert f"{first}.yaml" not in output
    status = json.loads(_run(runner, root, "status", "Q1", "--today", "2024-03-26", "-f", "json"))
    states = {u["unit"]: u["state"] for u in status["units"]}
    assert states[first] == states[second] == "on_time"
