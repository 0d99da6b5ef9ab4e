"""Three levels of campaigns for the forward tests, all fictional.

Bottom: the 静海区 bureau's own campaign (its plan answers the city's: 各区局…制定切实可行的
工作方案) with four street and town service stations reporting 2020Q2. Middle: the shipped
city campaign, whose registry has 静海区 (jinghai) and no 2020Q2 file from it. Top: a small
ministry-level campaign with the city (tianjin) and two fictional provinces.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.conftest import copy_campaign

WINDOW = "activity: {start: 2020-03-01, end: 2021-03-31}\n"
PHASES = """\
phases:
  - {id: implementation, name: 组织实施, start: 2020-03-01, end: 2021-02-28}
"""


def D(text: str) -> str:
    return textwrap.dedent(text)


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


DISTRICT_PARENT = """\
parent:
  campaign: sizheng-gongzuonian-2020
  plan_version: 1.0.0
  unit: jinghai
  tasks:
    - task: "1.2"          # several onto one
      from: ["1.1", "1.2"]
    - task: "4.3"          # 1.1 also feeds 4.3: one onto several
      from: ["1.1"]
      metrics:
        - {name: 走访慰问困难家庭, to: 走访慰问困难退役军人}
    - task: "2.2"
      from: ["2.1"]
    - task: "5.1"
      from: ["2.2"]
  # 2.3 (the bureau's own study sessions) goes onto none
  filled_by: {name: 示例填报人51, post: 科员}
  approved_by: {name: 示例审核人51, post: 局长}
"""

STATIONS = {
    "chengguan": "城关街道退役军人服务站",
    "dongcheng": "东城街道退役军人服务站",
    "xihu": "西湖镇退役军人服务站",
    "nanhe": "南河镇退役军人服务站",
}


def district_campaign(root: Path) -> Path:
    """静海区's campaign: its plan and its stations' 2020Q2 submissions."""
    units = "".join(
        f"  - id: {uid}\n    name: {name}\n    kind: affiliated\n"
        f'    liaison: {{name: 示例站联络员{i:02d}, phone: "000-0051-00{i:02d}"}}\n'
        for i, (uid, name) in enumerate(STATIONS.items(), 1)
    )
    station_ids = ", ".join(STATIONS)
    _write(
        root,
        {
            "plan/plan.yaml": D("""\
                schema_version: 1
                version: 1.0.0
                id: jinghai-sizheng-2020
                short_title: 静海区思想政治工作年
                title: 静海区深入开展“思想政治工作年”活动的工作方案
                issuer: 静海区退役军人事务局
                """)
            + DISTRICT_PARENT,
            "plan/units.yaml": D("""\
                leading_group:
                  name: 静海区“思想政治工作年”活动领导小组
                  leader: 局长
                  office: jinghai-ju
                units:
                  - id: jinghai-ju
                    name: 静海区退役军人事务局
                    kind: department
                    liaison: {name: 示例联络员51, phone: "000-0000-0051"}
                """)
            + units,
            "plan/schedule.yaml": WINDOW
            + PHASES
            + D("""\
                reporting:
                  cadence: quarterly
                  due_working_days: 5
                  recipient: jinghai-ju
                  submission_dates: self_reported
                  reporters: {task_units: true}
                """),
            "plan/sections/1.yaml": D(f"""\
                number: 1
                marker: （一）
                title: 尊崇关爱
                tasks:
                  - id: "1.1"
                    marker: "1."
                    title: 落实“六必访”
                    body: 各服务站对辖区退役军人落实“六必访”，重点走访困难家庭。
                    units: [{station_ids}]
                    metrics:
                      - {{name: 走访退役军人, unit: 人次}}
                      - {{name: 走访慰问困难家庭, unit: 户}}
                  - id: "1.2"
                    marker: "2."
                    title: 悬挂光荣牌
                    body: 为新入伍和退役返乡人员家庭悬挂光荣牌。
                    units: [{station_ids}]
                    metrics:
                      - {{name: 悬挂光荣牌, unit: 块}}
                """),
            "plan/sections/2.yaml": D(f"""\
                number: 2
                marker: （二）
                title: 教育和阵地
                tasks:
                  - id: "2.1"
                    marker: "1."
                    title: 开展专题教育
                    body: 依托服务站组织退役军人专题教育。
                    units: [{station_ids}]
                    metrics:
                      - {{name: 组织专题教育, unit: 场}}
                      - {{name: 参加专题教育, unit: 人次}}
                  - id: "2.2"
                    marker: "2."
                    title: 服务站达标建设
                    body: 服务站按“五有”标准建设。
                    units: [{station_ids}]
                    metrics:
                      - {{name: 服务站“五有”达标率, unit: "%", aggregate: none}}
                  - id: "2.3"
                    marker: "3."
                    title: 机关干部学习
                    body: 区局机关干部每月集中学习一次。
                    units: [jinghai-ju]
                """),
        },
    )
    (root / "submissions" / "2020Q2").mkdir(parents=True)
    for i, (uid, text) in enumerate(_station_files().items(), 1):
        path = root / "submissions" / "2020Q2" / f"{uid}.yaml"
        path.write_text(
            textwrap.dedent(text).lstrip("\n").format(uid=uid, i=i, phone=f"000-0051-00{i:02d}"),
            "utf-8",
        )
    return root


def _station_files() -> dict[str, str]:
    head = D("""\
        # 示例数据（虚构）
        unit: {uid}
        quarter: 2020Q2
        plan_version: 1.0.0
        submitted_on: 2020-07-03
        liaison: {{name: 示例站联络员0{i}, phone: "{phone}"}}
        """)
    sign = D("""\
        filled_by: {{name: 示例站填报人0{i}, post: 干事}}
        approved_by: {{name: 示例站站长0{i}, post: 站长}}
        """)
    return {
        "chengguan": head
        + D("""\
        tasks:
          - task: "1.1"
            status: in_progress
            narrative: 对辖区退役军人逐户走访，建立走访台账。
            measures: [建立走访台账]
            metrics:
              - {{name: 走访退役军人, value: 120, unit: 人次}}
              - {{name: 走访慰问困难家庭, value: 14, unit: 户}}
            cases:
              - {{title: “老兵茶话会”谈心机制, summary: 每月在服务站举办茶话会，听取意见建议。}}
            problems: [服务站专职人员不足]
          - task: "1.2"
            status: done
            narrative: 完成本季度光荣牌悬挂。
            metrics:
              - {{name: 悬挂光荣牌, value: 36, unit: 块}}
          - task: "2.1"
            status: in_progress
            narrative: 组织“不忘初心”专题教育。
            metrics:
              - {{name: 组织专题教育, value: 3, unit: 场}}
              - {{name: 参加专题教育, value: 90, unit: 人次}}
          - task: "2.2"
            status: in_progress
            narrative: 按“五有”标准补齐活动室。
            metrics:
              - {{name: 服务站“五有”达标率, value: 80, unit: "%"}}
        """)
        + sign,
        "dongcheng": head
        + D("""\
        tasks:
          - task: "1.1"
            status: in_progress
            narrative: 结合端午节走访困难退役军人家庭。
            metrics:
              - {{name: 走访退役军人, value: 85, unit: 人次}}
              - {{name: 走访慰问困难家庭, value: 9, unit: 户}}
            problems: [服务站专职人员不足。]
            next_steps: [三季度完成全部困难家庭走访]
          - task: "1.2"
            status: in_progress
            narrative: 光荣牌悬挂完成七成。
            metrics:
              - {{name: 悬挂光荣牌, value: 21, unit: 块}}
        """)
        + sign,
        "xihu": head
        + D("""\
        tasks:
          - task: "1.1"
            status: done
            narrative: 全镇退役军人走访一遍，困难家庭逐户建档。
            metrics:
              - {{name: 走访退役军人, value: 64, unit: 人次}}
              - {{name: 走访慰问困难家庭, value: 6, unit: 户}}
            cases:
              - {{title: 困难家庭“一户一档”, summary: 为每户困难家庭建档，明确帮扶责任人。}}
          - task: "2.1"
            status: in_progress
            narrative: 组织退役军人参观纪念馆。
            metrics:
              - {{name: 组织专题教育, value: 2, unit: 场}}
              - {{name: 参加专题教育, value: 45, unit: 人次}}
            problems: [偏远村退役军人参加集中教育不便]
        """)
        + sign,
        "nanhe": head
        + D("""\
        tasks:
          - task: "1.2"
            status: done
            narrative: 新入伍人员家庭光荣牌全部挂到位。
            metrics:
              - {{name: 悬挂光荣牌, value: 12, unit: 块}}
          - task: "2.2"
            status: not_started
            narrative: 活动室选址尚未确定。
            metrics:
              - {{name: 服务站“五有”达标率, value: 40, unit: "%"}}
            problems: [服务站活动场地不足]
        """)
        + sign,
    }


CITY_PARENT = """\
parent:
  campaign: bu-sizheng-2020
  plan_version: 1.0.0
  unit: tianjin
  tasks:
    - task: "1.1"
      from: ["1.2", "4.3"]
    - task: "1.2"
      from: ["2.2"]
      metrics:
        - {name: 组织专题教育, to: 开展专题教育}
  filled_by: {name: 示例填报人05, post: 一级主任科员}
  approved_by: {name: 示例审核人05, post: 处长}
"""


def city_campaign(root: Path, *, frozen: bool = False) -> Path:
    """The shipped city campaign, its plan linked to the ministry's."""
    copy_campaign(root, frozen=frozen)
    plan = root / "plan" / "plan.yaml"
    plan.write_text(plan.read_text("utf-8") + CITY_PARENT, "utf-8")
    return root


def ministry_campaign(root: Path) -> Path:
    return _write(
        root,
        {
            "plan/plan.yaml": D("""\
                schema_version: 1
                version: 1.0.0
                id: bu-sizheng-2020
                short_title: 思想政治工作年（示例部）
                title: 关于深入开展“思想政治工作年”活动的通知（示例）
                issuer: 示例部退役军人思想政治工作司
                """),
            "plan/units.yaml": D("""\
                leading_group:
                  name: 示例部“思想政治工作年”活动领导小组
                  leader: 部长
                  office: sizheng-si
                units:
                  - id: sizheng-si
                    name: 示例部思想政治工作司
                    kind: department
                    liaison: {name: 示例联络员91, phone: "000-0000-0091"}
                  - id: tianjin
                    name: 天津市退役军人事务局
                    kind: district
                    liaison: {name: 示例联络员92, phone: "000-0000-0092"}
                  - id: jiasheng
                    name: 甲省退役军人事务厅（示例）
                    kind: district
                    liaison: {name: 示例联络员93, phone: "000-0000-0093"}
                """),
            "plan/schedule.yaml": WINDOW
            + PHASES
            + D("""\
                reporting:
                  cadence: quarterly
                  due_working_days: 10
                  recipient: sizheng-si
                  submission_dates: self_reported
                  reporters: {task_units: false, kinds: [district]}
                """),
            "plan/sections/1.yaml": D("""\
                number: 1
                marker: （一）
                title: 主要任务
                tasks:
                  - id: "1.1"
                    marker: "1."
                    title: 尊崇关爱退役军人
                    body: 各地落实走访慰问和光荣牌悬挂。
                    units: [sizheng-si]
                    metrics:
                      - {name: 走访退役军人, unit: 人次}
                      - {name: 悬挂光荣牌, unit: 块}
                      - {name: 走访慰问困难退役军人, unit: 户}
                  - id: "1.2"
                    marker: "2."
                    title: 开展思想政治教育
                    body: 各地组织退役军人专题教育。
                    units: [sizheng-si]
                    metrics:
                      - {name: 开展专题教育, unit: 场}
                      - {name: 参加专题教育, unit: 人次}
                """),
            "submissions/2020Q2/jiasheng.yaml": D("""\
                # 示例数据（虚构）
                unit: jiasheng
                quarter: 2020Q2
                plan_version: 1.0.0
                submitted_on: 2020-07-10
                liaison: {name: 示例联络员93, phone: "000-0000-0093"}
                tasks:
                  - task: "1.1"
                    status: in_progress
                    narrative: 全省开展“六必访”。
                    metrics:
                      - {name: 走访退役军人, value: 5000, unit: 人次}
                filled_by: {name: 示例填报人93, post: 科员}
                approved_by: {name: 示例审核人93, post: 厅长}
                """),
        },
    )
