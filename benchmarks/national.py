"""A seeded, fictional national-scale campaign: ~3,000 county bureaus × 5 quarters.

    python benchmarks/national.py OUT [--units 3000] [--broken 1] [--seed 2020]

OUT gets plan/ (the shipped plan with a registry of generated county bureaus), schemas/ and
submissions/<quarter>/<unit>.yaml: 4–8 task reports each, with narratives, measures, figures,
typical cases and problems written from phrase pools, every file valid under the real schema.
With --broken P, P % of the files are then broken in one of the ways liaisons break them
(see BREAKERS), so the error path can be measured on the same data.

Everything is fictional and looks it: 示例 names, 000-0000 phone numbers.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUARTERS = ("2020Q1", "2020Q2", "2020Q3", "2020Q4", "2021Q1")
# The day each quarter's reports are due (5 working days after it ends, see DOMAIN.md).
DUE = {
    "2020Q1": ("2020-04-01", "2020-04-08"),
    "2020Q2": ("2020-07-01", "2020-07-07"),
    "2020Q3": ("2020-10-09", "2020-10-14"),
    "2020Q4": ("2021-01-04", "2021-01-08"),
    "2021Q1": ("2021-04-01", "2021-04-08"),
}
# The plan's task numbers, in order, as its sections list them.
TASKS = [
    m.group(1)
    for path in sorted((ROOT / "plan" / "sections").glob("*.yaml"))
    for m in re.finditer(r'^  - id: "([0-9.]+)"', path.read_text(encoding="utf-8"), re.M)
]
PROVINCES = "甲乙丙丁戊己庚辛壬癸"
TOPICS = [
    "走访慰问",
    "政治教育",
    "思想动态分析",
    "组织关系转接",
    "就业创业服务",
    "权益维护",
    "矛盾纠纷排查化解",
    "光荣牌悬挂",
    "英烈纪念设施维护",
    "退役军人服务站建设",
    "宣传报道",
    "典型选树",
    "谈心谈话",
    "帮扶援助",
    "信访接待",
]
OPENINGS = [
    "本季度，{unit}坚持以习近平新时代中国特色社会主义思想为指导，围绕{topic}扎实开展工作。",
    "{unit}把{topic}作为“思想政治工作年”的重要抓手，细化任务分工，压实工作责任。",
    "按照市局统一部署，{unit}结合本地实际，有序推进{topic}各项工作。",
    "{unit}在疫情防控常态化条件下，创新方式方法，持续深化{topic}。",
]
MIDDLES = [
    "通过召开专题会议、印发工作方案、建立工作台账，做到底数清、情况明。",
    "依托乡镇（街道）退役军人服务站，组织党员干部深入村（社区）开展面对面交流。",
    "聚焦重点对象和重要时间节点，开展“四尊崇”“五关爱”“六必访”活动，送去党和政府的关怀。",
    "及时掌握退役军人思想动态，对苗头性、倾向性问题早发现、早报告、早处置。",
    "联合人社、民政、卫健等部门形成工作合力，推动政策落地见效。",
    "发挥退役军人中党员骨干的示范带动作用，组建志愿服务队伍参与基层治理。",
]
CLOSINGS = [
    "{topic}工作取得阶段性成效，退役军人的获得感、荣誉感进一步增强。",
    "下一步将对照方案要求，查漏补缺，推动{topic}常态化、制度化。",
    "相关经验做法已在全县范围内推广，群众反映良好。",
]
MEASURES = [
    "召开专题会议研究部署{topic}工作",
    "制定{topic}工作方案，明确时间表和路线图",
    "建立{topic}工作台账，实行销号管理",
    "开展{topic}专项督导检查",
    "组织{topic}业务培训，提升工作人员能力",
    "利用微信公众号宣传{topic}政策",
]
PROBLEMS = [
    "基层服务站工作力量不足，专职人员偏少",
    "部分退役军人诉求多元，政策解释工作量大",
    "经费保障有待加强",
    "信息化手段运用不够充分",
]
NEXT = [
    "加强与相关部门沟通协调，形成工作合力",
    "及时总结推广典型经验做法",
    "对照方案要求开展自查，确保按期完成任务",
    "加大宣传力度，营造尊崇退役军人的浓厚氛围",
]
METRICS = [
    ("走访退役军人", "人次"),
    ("悬挂光荣牌", "块"),
    ("开展政治教育", "场"),
    ("化解矛盾纠纷", "件"),
]
STATUSES = ["in_progress", "in_progress", "in_progress", "ongoing", "done", "not_started"]


def county_units(count: int) -> list[dict[str, str]]:
    units = []
    for n in range(count):
        province = PROVINCES[n % len(PROVINCES)]
        units.append(
            {
                "id": f"county-{n + 1:04d}",
                "name": f"示例{province}省第{n // len(PROVINCES) + 1}示例县退役军人事务局",
                "phone": f"000-{n // 10000:04d}-{n % 10000:04d}",
            }
        )
    return units


def write_plan(out: Path, units: list[dict[str, str]]) -> None:
    """The shipped plan, with its 16 district bureaus replaced by the generated counties."""
    # the generated files were never reported on: no quarter is closed
    shutil.copytree(ROOT / "plan", out / "plan", ignore=shutil.ignore_patterns("frozen.yaml"))
    shutil.copytree(ROOT / "schemas", out / "schemas")
    registry = (ROOT / "plan" / "units.yaml").read_text(encoding="utf-8")
    head = registry[: registry.index("  - id: heping")]  # the first district bureau
    lines = [head]
    for unit in units:
        lines.append(
            f"  - id: {unit['id']}\n"
            f"    name: {unit['name']}\n"
            f"    kind: district\n"
            f'    liaison: {{name: 示例联络员, phone: "{unit["phone"]}"}}\n'
        )
    (out / "plan" / "units.yaml").write_text("".join(lines), encoding="utf-8")


def submission(rng: random.Random, unit: dict[str, str], quarter: str) -> str:
    first, due = DUE[quarter]
    day = int(first[-2:]) + rng.randrange(int(due[-2:]) - int(first[-2:]) + 1)
    lines = [
        "# 示例数据（虚构）：性能测试用，不代表任何真实单位。",
        "# yaml-language-server: $schema=../../schemas/submission.schema.json",
        f"unit: {unit['id']}",
        f"quarter: {quarter}",
        "plan_version: 1.0.0",
        f"submitted_on: {first[:-2]}{day:02d}",
        "liaison:",
        "  name: 示例联络员",
        f'  phone: "{unit["phone"]}"',
        f"summary: {unit['name']}本季度“思想政治工作年”各项任务有序推进。",
        "tasks:",
    ]
    for task in sorted(
        rng.sample(TASKS, rng.randint(4, 8)), key=lambda t: [int(p) for p in t.split(".")]
    ):
        topic = rng.choice(TOPICS)
        fill = {"unit": unit["name"], "topic": topic}
        lines += [f'  - task: "{task}"', f"    status: {rng.choice(STATUSES)}", "    narrative: |"]
        lines.append("      " + rng.choice(OPENINGS).format(**fill))
        lines += ["      " + m for m in rng.sample(MIDDLES, rng.randint(1, 2))]
        lines.append("      " + rng.choice(CLOSINGS).format(**fill))
        lines.append("    measures:")
        lines += ["      - " + m.format(**fill) for m in rng.sample(MEASURES, rng.randint(2, 3))]
        lines.append("    metrics:")
        for name, measure in rng.sample(METRICS, rng.randint(1, 2)):
            lines += [f"      - name: {name}", f"        value: {rng.randint(3, 900)}"]
            lines.append(f"        unit: {measure}")
        if rng.random() < 0.3:
            lines += [
                "    cases:",
                f"      - title: {unit['name'][-8:]}“{topic}”工作法",
                f"        summary: {rng.choice(MIDDLES)}{rng.choice(CLOSINGS).format(**fill)}",
            ]
        if rng.random() < 0.4:
            lines += ["    problems:", "      - " + rng.choice(PROBLEMS)]
        lines += ["    next_steps:"] + ["      - " + n for n in rng.sample(NEXT, 2)]
    lines += [
        "filled_by: {name: 示例填报人, post: 科员}",
        "approved_by: {name: 示例审核人, post: 局长}",
    ]
    return "\n".join(lines) + "\n"


def _gbk(text: str) -> bytes:
    return text.encode("gb18030")


def _tabs(text: str) -> bytes:
    return text.replace("\n    status:", "\n\tstatus:", 1).encode()


def _fullwidth_task(text: str) -> bytes:
    return (
        text.replace('task: "1.', 'task: "１．', 1).replace('task: "2.', 'task: "２．', 1).encode()
    )


def _bad_date(text: str) -> bytes:
    head, _, tail = text.partition("submitted_on: ")
    return (head + "submitted_on: 2020年7月3日" + tail[10:]).encode()


def _typo_key(text: str) -> bytes:
    return text.replace("    narrative: |", "    narative: |", 1).encode()


def _unclosed_quote(text: str) -> bytes:
    return text.replace("\nsummary: ", '\nsummary: "', 1).encode()


def _bad_indent(text: str) -> bytes:
    return text.replace("\n    measures:", "\n   measures:", 1).encode()


def _yes_no(text: str) -> bytes:
    return text.replace("status: in_progress", "status: no", 1).encode()


def _crlf_bom(text: str) -> bytes:
    return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()


def _unknown_task(text: str) -> bytes:
    return re.sub(r'task: "[0-9.]+"', 'task: "9.9"', text, count=1).encode()


BREAKERS: list[Callable[[str], bytes]] = [
    _gbk,
    _tabs,
    _fullwidth_task,
    _bad_date,
    _typo_key,
    _unclosed_quote,
    _bad_indent,
    _yes_no,
    _crlf_bom,
    _unknown_task,
]


def generate(out: Path, units: int = 3000, broken: float = 0.0, seed: int = 2020) -> int:
    """Write the campaign; returns how many files were broken."""
    rng = random.Random(seed)
    # The plan's named departments stay in the registry (they are who tasks name); the
    # counties are who report.
    counties = county_units(units)
    write_plan(out, counties)
    paths: list[tuple[Path, str]] = []
    for quarter in QUARTERS:
        folder = out / "submissions" / quarter
        folder.mkdir(parents=True)
        for unit in counties:
            text = submission(rng, unit, quarter)
            path = folder / f"{unit['id']}.yaml"
            path.write_text(text, encoding="utf-8")
            paths.append((path, text))
    count = round(len(paths) * broken / 100)
    for i, (path, text) in enumerate(rng.sample(paths, count)):
        path.write_bytes(BREAKERS[i % len(BREAKERS)](text))
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--broken", type=float, default=0.0, help="percent of files to break")
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()
    broken = generate(args.out, args.units, args.broken, args.seed)
    print(f"{args.out}: {args.units} units, {broken} broken files")


if __name__ == "__main__":
    main()
