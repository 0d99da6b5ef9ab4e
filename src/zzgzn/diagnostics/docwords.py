"""The wording of the documents zzgzn writes (the quarterly report, its compilation, the
campaign summary) in Chinese and English: headings, labels, table headers, status words and
the sentences around the units' own text.

The language is the document's, not the terminal's: a plan declares it (`language: en` in
plan/plan.yaml; Chinese by default), `report`/`summary --doc-lang` override it for one run.
Templates call `w("key", name=value)`; the Chinese here is what the templates said before, so
Chinese documents are byte for byte what they were (the golden files pin that).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from zzgzn.diagnostics.ui import Say, render_say

DOC: dict[str, Say] = {
    # --- punctuation and small words the sentences are built from -----------------------
    "full-stop": Say("。", "."),
    "list-sep": Say("、", ", "),
    "clause-sep": Say("；", "; "),
    "colon": Say("：", ": "),
    "comma": Say("，", ", "),
    "and-more": Say("等", " and others"),
    "close-bracket": Say("）", ")"),
    "in-brackets": Say("（{text}）", " ({text})"),
    "numbered-heading": Say("（{number}）{title}", "({number}) {title}"),
    "list-item": Say("（{number}）", "({number}) "),
    "deliverable": Say("{action}{title}", "{action} {title}"),
    "as-of": Say("截至{today}：", "As of {today}:"),
    "lead-in-brackets": Say("（牵头单位：{name}）", " (lead: {name})"),
    # --- the office's editorial file (`zzgzn new Q2 --editorial`): YAML comments ------------
    "ed-head": Say(
        "{label}进展情况报告：处室编审意见（可选；没有这个文件时报告同样完整）。",
        "The progress report for {label}: the office's own words (optional; without this file"
        " the report is complete).",
    ),
    "ed-facts": Say(
        "以“#”开头的是程序算出的{this}情况，供撰写参考，不会写入报告（截至{today}）。",
        "Lines starting with # are what zzgzn computed for {this}, to write from; they do not go"
        " into the report (as of {today}).",
    ),
    "ed-run": Say(
        "写完运行 zzgzn validate editorial/{period}.yaml，再运行 zzgzn report {period}。",
        "When done, run zzgzn validate editorial/{period}.yaml, then zzgzn report {period}.",
    ),
    "ed-submissions": Say(
        "报送：应报{due}个单位，按时{on_time}个，逾期{late}个，未报送{missing}个。",
        "Submissions: {due} {due|unit|units} due, {on_time} on time, {late} late,"
        " {missing} not reported.",
    ),
    "ed-tasks": Say(
        "任务：共{total}项，有进展{progress}项", "Tasks: {total} in all, {progress} with progress"
    ),
    "ed-tasks-stalled": Say("；无进展：", "; without progress: "),
    "ed-task-id": Say("{id}{title}", "{id} {title}"),
    "ed-top-problems": Say("提出单位最多的问题：", "Problems raised by the most units:"),
    "ed-problem": Say("{text}（{count}个单位）", "{text} ({count} {count|unit|units})"),
    "ed-overall": Say(
        "总体评价：写在报告“一、总体情况”之后。例如 overall: | 后另起一行缩进书写。",
        "Overall assessment: printed after the report's overview. Write it after overall: |"
        " on the next lines, indented.",
    ),
    "ed-notes": Say(
        "对某项任务的意见：写在报告该任务之后。要写时删去“[]”，并去掉下面该任务两行行首的“#”。",
        "A note on a task: printed after that task. To write one, delete the [] and the # at"
        " the start of that task's two lines below.",
    ),
    "ed-task": Say("{title}：{count}个单位报送", "{title}: {count} {count|unit|units} reported"),
    "ed-figure-range": Say(
        "；{name}{low}至{high}{unit}（{units}个单位）",
        "; {name} {low} to {high}{unit} ({units} {units|unit|units})",
    ),
    "ed-figure-sum": Say(
        "；{name}共{value}{unit}（{units}个单位）",
        "; {name} {value}{unit} in all ({units} {units|unit|units})",
    ),
    "ed-figure-max": Say(
        "；{name}最高{value}{unit}（{units}个单位）",
        "; {name} at most {value}{unit} ({units} {units|unit|units})",
    ),
    "ed-cases": Say(
        "典型案例：报告每项任务选录 per_task 个、共 total 个（报送单位多的优先）；"
        "featured 指定选录、omitted 不选录，",
        "Typical cases: the report gives per_task for each task and total in all (those"
        " reported by the most units first); featured names cases to give, omitted cases",
    ),
    "ed-cases-2": Say(
        "写案例标题。{this}报送的案例（同题已合并）：",
        "to leave out, by title. The cases reported for {this} (same titles merged):",
    ),
    "ed-case": Say(
        "{title}（{count}个单位，任务{task}）", "{title} ({count} {count|unit|units}, task {task})"
    ),
    "ed-featured": Say("  ← 默认选录", "  ← given by default"),
    "ed-arrangements": Say(
        "{coming}工作安排：报告的最后一部分。", "Work planned for {coming}: the report's last part."
    ),
    # --- labels of the models (Chinese: the models' own .label) --------------------------
    "label-status-not_started": Say("未启动", "not started"),
    "label-status-in_progress": Say("推进中", "in progress"),
    "label-status-done": Say("已完成", "done"),
    "label-status-ongoing": Say("常态化推进", "ongoing"),
    "label-role-lead": Say("牵头", "lead"),
    "label-role-co_unit": Say("配合", "co-operating"),
    "label-role-district": Say("区局", "district"),
    "label-role-other": Say("其他", "other"),
    "label-unitkind-department": Say("机关处室", "department"),
    "label-unitkind-affiliated": Say("直属单位", "affiliated unit"),
    "label-unitkind-association": Say("社会组织", "association"),
    "label-unitkind-district": Say("区局", "district bureau"),
    "label-unitstate-on_time": Say("按时", "on time"),
    "label-unitstate-late": Say("逾期{days}个工作日", "{days} working {days|day|days} late"),
    "label-unitstate-invalid": Say("报送有误", "invalid file"),
    "label-unitstate-missing": Say("未报送", "not reported"),
    "label-unitstate-not_due": Say("未到期", "not yet due"),
    "label-fulfilment-on_time": Say("已完成", "done"),
    "label-fulfilment-late": Say("逾期{days}个工作日", "{days} working {days|day|days} late"),
    "label-fulfilment-missing": Say("未完成", "not done"),
    "label-fulfilment-not_due": Say("未到期", "not yet due"),
    "label-not-approved": Say("（未审核）", " (not approved)"),
    "period-word-monthly": Say("月份", "month"),
    "period-word-quarterly": Say("季度", "quarter"),
    "period-word-half-yearly": Say("半年", "half-year"),
    "period-word-yearly": Say("年度", "year"),
    # periods (Chinese documents use the period's own .label: these are for English)
    "period-monthly": Say("{year}年{month}", "{month} {year}"),
    "period-quarterly": Say("{year}年第{n}季度", "Q{n} {year}"),
    "period-half-yearly": Say("{year}年第{n}个半年", "H{n} {year}"),
    "period-yearly": Say("{year}年度", "{year}"),
    # --- table headers -------------------------------------------------------------------
    "col-quarter": Say("季度", "Quarter"),
    "col-due": Say("截止日期", "Due"),
    "col-due-units": Say("应报", "Expected"),
    "col-on-time": Say("按时", "On time"),
    "col-late": Say("逾期", "Late"),
    "col-invalid": Say("报送有误", "Invalid"),
    "col-missing": Say("未报送", "Not reported"),
    "col-not-due": Say("未到期", "Not yet due"),
    "col-task": Say("任务", "Task"),
    "col-deliverable": Say("成果", "Deliverable"),
    "col-done": Say("完成情况", "Done"),
    "col-latest": Say("最近报告", "Latest report"),
    "col-unit": Say("单位", "Unit"),
    "col-number": Say("序号", "No."),
    "col-late-days": Say("逾期工作日", "Working days late"),
    "col-score": Say("得分", "Score"),
    # --- files left out (_excluded.md.j2) --------------------------------------------------
    "leaving-report": Say("本报告", "this report"),
    "leaving-summary": Say("本汇总", "this summary"),
    "excluded-note": Say(
        "注意：以下 {count} 个报送文件未通过校验，未纳入{leaving}。"
        "请相关单位按提示改正后重新提交。",
        "Note: the following {count} {count|file does|files do} not pass validation and"
        " {count|is|are} left out of"
        " {leaving}. The {count|unit|units} concerned should correct {count|it|them} as the"
        " hints say and submit again.",
    ),
    "excluded-problem": Say("第 {line} 行 {message}", "line {line}: {message}"),
    "excluded-more": Say("等 {count} 个问题", " ({count} problems in all)"),
    # --- other obligations (_obligations.md.j2) --------------------------------------------
    "obligation-source": Say("（{source}，截止{due}）：", " ({source}, due {due}): "),
    "obligation-not-due": Say(
        "尚未到截止日期，{units}个单位中已完成{done}个", "not yet due; {done} of {units} units done"
    ),
    "obligation-due-units": Say("应完成{units}个单位，", "{units} units due, "),
    "obligation-done-registry": Say("已完成{count}个", "{count} done"),
    "obligation-done-on-time": Say("按时完成{count}个", "{count} done on time"),
    "obligation-late": Say("，逾期完成{count}个（", ", {count} done late ("),
    "obligation-late-unit": Say(
        "{name}逾期{days}个工作日", "{name} {days} working {days|day|days} late"
    ),
    "obligation-missing": Say("，未完成{count}个（{names}）", ", {count} not done ({names})"),
    "obligation-drafts": Say(
        "；未经审核的{count}个（{names}）", "; {count} not approved ({names})"
    ),
    # --- both documents of a quarter --------------------------------------------------------
    "period-subtitle": Say("（{start}至{end}）", "({start} to {end})"),
    "part-heading": Say("{number}、{title}", "{number}. {title}"),
    "leaving-compilation": Say("本汇编", "this compilation"),
    "col-submitted-on": Say("报送日期", "Submitted"),
    "col-state": Say("报送情况", "State"),
    "not-required": Say("（非必报）", " (not required)"),
    "self-reported": Say("（文件自报 {date}）", " (the file says {date})"),
    "metric": Say("{name}{value}{unit}", "{name} {value} {unit}"),
    "deliverables-progress": Say("成果进度：", "Deliverables: "),
    "section-heading": Say("{marker}{title}", "{marker} {title}"),
    "task-item": Say("{id}{title}", "{id} {title}"),
    # --- the progress report (report.md.j2, _raised.md.j2) ---------------------------------
    # English plurals: {count|unit|units} is the second form unless count is 1
    "sentence-gap": Say("", " "),
    "prose-this": Say("{this}", "this {word}"),
    "prose-last": Say("{last}", "last {word}"),
    "prose-coming": Say("{coming}", "next {word}"),
    "report-title": Say(
        "“{campaign}”活动{quarter}进展情况报告", "{campaign}: Progress Report for {quarter}"
    ),
    "addressee": Say("{name}：", "{name}:"),
    "report-opening": Say(
        "按照《{title}》要求，各单位应于{rule}向{office}报送活动进展情况，{this}截止日期为{due}。"
        "现将{quarter}进展情况报告如下。",
        "{title} asks every unit to report its progress to {office} {rule}; the reports for"
        " {quarter} were due on {due}. The progress made in {quarter} is reported below.",
    ),
    "report-h-overview": Say("一、总体情况", "1. Overview"),
    "report-h-submissions": Say("（一）报送情况", "(1) Submissions"),
    "report-counts": Say(
        "{this}应报送单位{due}个，按时报送{on_time}个，逾期报送{late}个，未报送{missing}个",
        "{due} {due|unit was|units were} due to report {this}: {on_time} on time, {late} late,"
        " {missing} not reported",
    ),
    "report-count-invalid": Say("，报送文件有误{count}个", ", {count} with an invalid file"),
    "report-count-not-due": Say("，尚未到截止日期{count}个", ", {count} not yet due"),
    "report-late": Say("逾期报送的单位：", " Late: "),
    "report-late-unit": Say(
        "{name}（逾期{days}个工作日）", "{name} ({days} working {days|day|days} late)"
    ),
    "report-late-more": Say(
        "等{count}个单位（见附件）", " and others, {count} units in all (see the attachment)"
    ),
    "report-missing": Say("未报送的单位：{names}。", " Not reported: {names}."),
    "report-invalid": Say(
        "报送文件有误、须改正后重新报送的单位：",
        "Units whose file is invalid and must be corrected and sent again: ",
    ),
    "report-invalid-unit": Say("{name}（{path}）", "{name} ({path})"),
    "report-forwarded": Say("由下级活动汇总报送的：", "Consolidated from campaigns below: "),
    "report-unsigned": Say(
        "尚未填写审核人、不是正式报送的：{names}。",
        "Not approved yet (no approver named), so not final: {names}.",
    ),
    "report-amendments": Say(
        "报告生成（{this}封存）后更正{count}处：",
        "{count} {count|correction|corrections} after the report for {quarter} was written"
        " (and the {word} closed):",
    ),
    "report-amendment": Say(
        "{name}，{date}，更正人{by}：{reason}", "{name}, {date}, corrected by {by}: {reason}"
    ),
    "report-obligations": Say(
        "其他工作要求落实情况（截至{today}）：", "Other requirements (as of {today}):"
    ),
    "report-h-progress": Say("（二）任务进展", "(2) Progress of the tasks"),
    "report-tasks": Say(
        "方案共{tasks}项任务，{this}有进展的{progress}项，无进展的{none}项",
        "The plan has {tasks} {tasks|task|tasks}: {progress} made progress {this}, {none} did not",
    ),
    "report-tasks-unreported": Say(
        "，其中{count}项没有任何责任单位报送进展（见第三部分）",
        ", and on {count} of them no responsible unit reported at all (see part 3)",
    ),
    "report-no-progress": Say("无进展的任务：", " Tasks without progress: "),
    "report-h-assessment": Say("（三）总体评价", "(3) Assessment"),
    "report-h-tasks": Say("二、各项任务进展情况", "2. Progress task by task"),
    "report-tasks-intro": Say(
        "各项任务列出牵头单位的主要进展、报送单位的状态和数据合计（同一指标、同一计量单位才相加），"
        "各单位报送的全文见《{quarter}各单位进展情况汇编》。",
        "Each task gives the lead unit's main progress, the status of the units that reported"
        " and their figures added up (only the same measure in the same unit); every unit's"
        " full text is in the compilation of the {quarter} submissions.",
    ),
    "report-none-responsible": Say(
        "{this}责任单位均未报送此项任务进展",
        "No responsible unit reported on this task {this}",
    ),
    "report-lead-open": Say("（牵头", " (lead"),
    "report-lead-consolidating": Say("，汇总{count}个单位", ", consolidating {count} units"),
    "report-lead-silent": Say(
        "牵头单位{name}{this}未报送此项任务进展。",
        " The lead unit, {name}, did not report on this task {this}.",
    ),
    "report-reporting": Say("{count}个单位报送，", " {count} {count|unit|units} reported: "),
    "report-all-status": Say("均为{status}", "{count||all }{status}"),
    "report-status-group": Say("{status}{count}个", "{count} {status}"),
    "report-silent-units": Say(
        "未报送的责任单位：{names}。", " Responsible units that did not report: {names}."
    ),
    "report-figures": Say("主要数据：", " Figures: "),
    # amount: a figure with its unit of measure (the measure filter: 12.5万元, 12.5 km, 95%)
    "metric-figure": Say("{name}{amount}", "{name} {amount}"),
    "metric-same": Say(
        "{name}均为{amount}（{units}个单位）", "{name} {amount} at each of {units} units"
    ),
    "metric-range": Say(
        "{name}{low}至{high}（{units}个单位，不汇总）",
        "{name} {low} to {high} ({units} units, not added up)",
    ),
    "metric-max": Say(
        "{name}最高{amount}（{units}个单位）",
        "{name} at most {amount} ({units} {units|unit|units})",
    ),
    "metric-sum": Say(
        "{name}共{amount}（{units}个单位合计）",
        "{name} {amount} in all ({units} {units|unit|units})",
    ),
    "report-more-figures": Say(
        "；另有{count}项数据见汇编",
        "; {count} more {count|figure|figures} in the compilation",
    ),
    "report-left-out": Say("未计入合计：", " Not added up: "),
    "report-left-out-item": Say(
        "{name}报送“{metric}”{amount}", '{name} reported "{metric}" {amount}'
    ),
    "report-basis-open": Say("（统计口径", " (the plan counts "),
    "report-basis-name": Say("为“{expected}”", '"{expected}"'),
    "report-basis-unit": Say("以{unit}计", "in {unit}"),
    "no-unit": Say("（未写单位）", "(no unit)"),
    "report-left-more": Say("等{count}处", " and others, {count} in all"),
    "report-office-note": Say("处室意见", "The office's view"),
    "report-h-attention": Say("三、需要关注的任务", "3. Tasks that need attention"),
    "report-unreported-intro": Say(
        "以下任务{this}没有任何责任单位报送进展，请牵头单位抓紧推进，并在{coming}报送中说明：",
        "No responsible unit reported progress on these tasks {this}; the lead units should"
        " push them on and explain in {coming}'s report:",
    ),
    "report-all-reported": Say(
        "{this}每项任务均有责任单位报送进展。",
        "Every task had progress reported by a responsible unit {this}.",
    ),
    "report-stalled": Say(
        "以下任务有单位报送，但均为未启动：",
        "These tasks were reported on, but all as not started: ",
    ),
    "report-h-cases": Say("四、典型案例和经验做法", "4. Typical cases and good practice"),
    "report-cases": Say(
        "{this}{units}个单位报送典型案例{reported}个，同题合并后{merged}个，选录{featured}个，"
        "全部案例见《{quarter}各单位进展情况汇编》。",
        "In {quarter}, {units} {units|unit|units} reported {reported} typical"
        " {reported|case|cases} ({merged} after merging those of the same title);"
        " {featured} {featured|is|are} given here, and all of them are in the compilation of"
        " the {quarter} submissions.",
    ),
    "report-case-open": Say("（", " ("),
    "report-case-many": Say("报送同题案例", " reported this case"),
    "report-case-shared": Say("，{count}个单位报送同题案例", ", {count} units reporting this case"),
    "report-no-cases": Say(
        "{this}各单位未报送典型案例。", "No unit reported a typical case {this}."
    ),
    "report-h-problems": Say("五、存在问题和下一步打算", "5. Problems and next steps"),
    "report-h-problem-list": Say("（一）存在问题", "(1) Problems"),
    "report-h-next-steps": Say("（二）下一步打算", "(2) Next steps"),
    "raised-by-many": Say("（{names}提出；{tasks}）", " (raised by {names}; {tasks})"),
    "raised-by-one": Say("（{names}；{tasks}）", " ({names}; {tasks})"),
    "raised-more-problems": Say("另有{count}条问题", "{count} more {count|problem|problems}"),
    "raised-more-next": Say("另有{count}条打算", "{count} more next {count|step|steps}"),
    "raised-each-by-one": Say("各由1个单位提出", ", each raised by one unit"),
    "raised-see-compilation": Say("，见汇编。", ", in the compilation."),
    "raised-none-problems": Say(
        "{this}各单位未报送存在问题。", "No unit reported a problem {this}."
    ),
    "raised-none-next": Say(
        "{this}各单位未报送下一步打算。", "No unit reported next steps {this}."
    ),
    "report-h-changes": Say("六、与{last}相比的变化", "6. Changes since {last}"),
    "report-arrangements": Say("{coming}工作安排", "Work planned for {coming}"),
    "attachment-note": Say(
        "附件：{quarter}各单位报送情况", "Attachment: each unit's submission for {quarter}"
    ),
    "attachment": Say("附件", "Attachment"),
    "attachment-note-prefix": Say("附件：", "Attachment:"),
    "missing-figure": Say("［图：{alt}］", "[figure: {alt}]"),
    "attachment-title": Say("{quarter}各单位报送情况", "Each unit's submission for {quarter}"),
    "report-table-in-compilation": Say(
        "各单位逐一的报送情况（截止日期、报送日期、按时或逾期）见《{quarter}各单位进展情况汇编》附表。",
        "Each unit's row (deadline, date submitted, on time or late) is in the table of the"
        " compilation of the {quarter} submissions.",
    ),
    # --- changes since the previous period (_changes_brief.md.j2) --------------------------
    "changes-summary": Say(
        "{later}与{earlier}相比：{moves}处任务状态变化，{first}处首次报送进展，{carried}个问题再次提出；"
        "{earlier}报送的下一步打算中，有{slipped}条{later}未提及。",
        "{later} against {earlier}: {moves} status {moves|change|changes}, {first} first"
        " {first|report|reports} of progress, {carried} {carried|problem|problems} raised"
        " again; of the next steps reported for {earlier}, {slipped} {slipped|is|are} not"
        " mentioned in {later}.",
    ),
    "changes-none": Say("各项任务没有上述变化。", "No task changed in these ways."),
    "changes-moves": Say("状态变化：", "Status changes: "),
    "changes-move": Say(
        "{names}由{before}变为{after}（{tasks}）", "{names} from {before} to {after} ({tasks})"
    ),
    "changes-first": Say(
        "首次报送进展的{count}个单位：",
        "{count} {count|unit|units} reported progress for the first time: ",
    ),
    "changes-task-count": Say("任务{task}（{count}个）", "task {task} ({count})"),
    "changes-more-tasks": Say("等{count}项任务", " and others, {count} tasks in all"),
    "changes-silent": Say(
        "{last}报送、{this}未再报送的{count}个单位：",
        "{count} {count|unit|units} reported {last} but not {this}: ",
    ),
    "changes-detail": Say(
        "逐项任务的明细可用 zzgzn diff {earlier} {later} 生成。",
        "The detail, task by task: zzgzn diff {earlier} {later}.",
    ),
    "changes-carried": Say("再次提出的问题：", "Problems raised again: "),
    "changes-quoted": Say("“{text}”（{names}）", '"{text}" ({names})'),
    "changes-quoted-tasks": Say("“{text}”（{names}；{tasks}）", '"{text}" ({names}; {tasks})'),
    "changes-more": Say("等{count}条", " and others, {count} in all"),
    "changes-slipped": Say(
        "{last}的打算{this}未提及：", "Next steps reported {last} and not mentioned {this}: "
    ),
    # --- the reminder (remind.md.j2) --------------------------------------------------------
    "remind-title": Say(
        "关于报送{quarter}“{campaign}”活动进展情况的提醒",
        "Reminder: {campaign} progress reports for {quarter}",
    ),
    "remind-to": Say("各有关单位：", "To the units concerned:"),
    "remind-opening": Say(
        "按照《{title}》要求，{quarter}活动进展情况应于{due}前报送{office}。",
        "{title} asks for the progress reports for {quarter} to reach {office} by {due}.",
    ),
    "remind-missing": Say(
        "截至{today}，以下{count}个单位尚未报送，请于收到本通知后尽快报送：",
        "As of {today}, the following {count} {count|unit has|units have} not reported;"
        " please report as soon as you receive this notice:",
    ),
    "remind-pending": Say(
        "距报送截止还有{days}个工作日。截至{today}，以下{count}个单位尚未报送，请按时报送：",
        "{days} working {days|day is|days are} left before the deadline. As of {today}, the"
        " following {count} {count|unit has|units have} not reported yet; please report on"
        " time:",
    ),
    "remind-liaison": Say(
        "（联络员：{name}，电话：{phone}）", " (liaison: {name}, phone: {phone})"
    ),
    "remind-unregistered": Say("未登记", "not on record"),
    "remind-all": Say("截至{today}，各单位均已报送。", "As of {today}, every unit has reported."),
    "remind-invalid": Say(
        "以下{count}个单位已报送，但报送文件有误、未通过校验，请改正后重新提交"
        "（可先运行 zzgzn validate 文件名 逐条查看）：",
        "The following {count} {count|unit has|units have} reported, but the file does not"
        " pass validation; please correct it and submit again (zzgzn validate FILE lists"
        " each problem):",
    ),
    "remind-line": Say("第{line}行：", "line {line}: "),
    "remind-late": Say(
        "以下单位已逾期报送，请今后按时报送：",
        "These units reported late; please report on time in future: ",
    ),
    "remind-unsigned": Say(
        "以下单位的报送尚未填写审核人，还不是正式报送，请单位负责人审核后在报送文件中补充审核人（approved_by）：",
        "These units' files name no approver yet, so they are not final; the head of the unit"
        " should approve the file and add approved_by to it: ",
    ),
    "remind-obligations": Say(
        "另外，以下工作要求已过截止日期仍未完成，请抓紧落实：",
        "Also, these requirements are past their deadline and not yet met; please see to them:",
    ),
    # --- the compilation (compilation.md.j2) ------------------------------------------------
    "compilation-title": Say(
        "“{campaign}”活动{quarter}各单位进展情况汇编", "{campaign}: {quarter} submissions in full"
    ),
    "compilation-opening": Say(
        "本汇编收录{quarter}{count}个单位报送文件的全部内容，与《{quarter}进展情况报告》配套。"
        "按单位排列（单位名录顺序），每个单位一节，注明来源文件，内容与文件逐字一致："
        "各单位可据此核对本单位的报送，报告中的合计数、归并的问题和选录的典型案例可据此逐单位查证。",
        "This compilation holds the whole of the {count} files the units submitted for"
        " {quarter}, to go with the {quarter} progress report. One section a unit, in the order"
        " of the unit registry, each naming its file and word for word as the file says it: a"
        " unit can check what it sent, and the report's totals, merged problems and chosen"
        " cases can be traced unit by unit.",
    ),
    "compilation-missing": Say(
        "未报送的单位（本汇编未收录）：{names}。",
        "Units that did not report (not in here): {names}.",
    ),
    "compilation-source": Say(
        "来源文件：{source}。报送日期{date}", "File: {source}. Submitted on {date}"
    ),
    "compilation-liaison": Say("；联络员{name}", "; liaison {name}"),
    "compilation-filled-by": Say("；填报人{name}（{post}）", "; written by {name} ({post})"),
    "compilation-approved-by": Say("；审核人{name}（{post}）", "; approved by {name} ({post})"),
    "compilation-no-approver": Say("；未填写审核人", "; no approver named"),
    "forward-units": Say("（汇总{count}个单位）", " (consolidating {count} units)"),
    "forward-origin": Say(
        "本文件由 zzgzn forward 汇总下级活动 {campaign}（方案 {version}{commit}）{quarter} 的"
        "{units}个单位报送生成（汇总的{files}个文件列在该文件的 provenance 中）；"
        "每项数据下注明由下级哪些单位的数相加"
        "（下级单位代码，文件为 submissions/{quarter}/代码.yaml；"
        "再往下见下级的汇编或 zzgzn trace）。",
        "This file was written by zzgzn forward from the {units} units' reports to the child"
        " campaign {campaign} (plan {version}{commit}) for {quarter} (its provenance lists the"
        " {files} files); under each figure, the child units whose figures were added (by unit"
        " code: their files are submissions/{quarter}/<code>.yaml; further down, see the"
        " child's compilation or zzgzn trace).",
    ),
    "forward-commit": Say("，提交 {commit}", ", commit {commit}"),
    "forward-sources": Say("{name}的来源：", "Sources of {name}: "),
    "forward-child-task": Say("下级任务{task}", "child task {task}"),
    "forward-metric": Say("“{metric}”：", ' "{metric}": '),
    "forward-unit-tail": Say("（{unit}）。", " ({unit})."),
    "compilation-overall": Say("总体情况", "Overall"),
    "compilation-task": Say("任务{task} {title}（{status}）", "Task {task} {title} ({status})"),
    "compilation-measures": Say("主要措施：", "Measures:"),
    "compilation-metrics": Say("数据：", "Figures: "),
    "compilation-case": Say("典型案例：", "Typical case: "),
    "compilation-problems": Say("存在问题：", "Problems:"),
    "compilation-next-steps": Say("下一步打算：", "Next steps:"),
    "compilation-amendments": Say("更正记录：", "Corrections:"),
    "amendment": Say("{date}，{by}：{reason}", "{date}, {by}: {reason}"),
    "compilation-table": Say(
        "附表：{quarter}各单位报送情况", "Table: each unit's submission for {quarter}"
    ),
    # --- zzgzn diff (diff.md.j2, _changes.md.j2) --------------------------------------------
    "diff-title": Say(
        "“{campaign}”活动{later}与{earlier}对比", "{campaign}: {later} against {earlier}"
    ),
    "diff-summary": Say(
        "{later}与{earlier}相比：{moves}处任务状态变化，{first}个单位首次报送任务进展，"
        "{carried}个问题再次提出；{earlier}报送的下一步打算中，有{slipped}条{later}未提及"
        "（下文“未提及的打算”）。",
        "{later} against {earlier}: {moves} status {moves|change|changes}, {first}"
        " {first|unit|units} reporting progress on a task for the first time, {carried}"
        " {carried|problem|problems} raised again; of the next steps reported for {earlier},"
        ' {slipped} {slipped|is|are} not mentioned in {later} (see "next steps not'
        ' mentioned" below).',
    ),
    "diff-move": Say("{name}由{before}变为{after}", "{name} from {before} to {after}"),
    "diff-first": Say("首次报送进展：{names}。", "Progress reported for the first time: {names}."),
    "diff-carried": Say("问题再次提出：{text}（{name}）", "Problem raised again: {text} ({name})"),
    "diff-slipped": Say("未提及的打算“{promise}”：", 'Next step not mentioned, "{promise}": '),
    "diff-silent": Say("（未报送此项任务）", " (did not report on this task)"),
    # --- the casebook (cases.md.j2) --------------------------------------------------------
    "cases-title": Say("“{campaign}”活动典型案例汇编", "{campaign}: typical cases"),
    "cases-subtitle": Say("（{scope}，共{count}个）", "({scope}; {count} in all)"),
    "period-range": Say("{first}至{last}", "{first} to {last}"),
    "task-named": Say("任务{task}", "task {task}"),
    "cases-none": Say("没有符合条件的典型案例。", "No typical case matches."),
    # --- the campaign summary (summary.md.j2) ----------------------------------------------
    "summary-title": Say("“{campaign}”活动进展汇总", "{campaign}: progress summary"),
    "summary-subtitle": Say(
        "（{first}至{last}，截至{today}）", "({first} to {last}, as of {today})"
    ),
    "summary-opening": Say(
        "按照《{title}》关于评估总结和“纳入年度重点考核内容”的要求，"
        "现将{first}至{last}各单位报送的活动进展情况汇总如下。",
        "As {title} asks for an evaluation, this summarises the progress the units reported"
        " from {first} to {last}.",
    ),
    "summary-h-submissions": Say("一、报送情况", "1. Submissions"),
    "summary-chart-timeliness": Say("各{word}报送情况", "Submissions by {word}"),
    "summary-always-late": Say(
        "每个应报{word}都逾期报送的单位：", "Units late in every {word} they were due: "
    ),
    "summary-always-late-unit": Say(
        "{name}（逾期{times}次，共{days}个工作日）",
        "{name} (late {times} {times|time|times}, {days} working {days|day|days} in all)",
    ),
    "chart-units": Say("单位数", "Units"),
    "chart-level-0": Say("无报送", "no report"),
    "chart-level-1": Say("未启动", "not started"),
    "chart-level-2": Say("推进中", "in progress"),
    "chart-level-3": Say("常态化/已完成", "ongoing/done"),
    "sheet-submissions": Say("报送情况", "Submissions"),
    "sheet-progress": Say("任务进展", "Progress"),
    "sheet-scores": Say("考核评分", "Scores"),
    "col-kind": Say("类别", "Kind"),
    "col-due-of": Say("{quarter} 截止日期", "{quarter} due"),
    "col-arrived-of": Say("{quarter} 报送日期", "{quarter} submitted"),
    "col-state-of": Say("{quarter} 情况", "{quarter} state"),
    "late-word": Say("逾期", "late"),
    "col-lead": Say("牵头单位", "Lead"),
    "col-stalled": Say("停滞", "Stalled"),
    "col-times-on-time": Say("按时（次）", "On time (times)"),
    "col-times-late": Say("逾期（次）", "Late (times)"),
    "col-late-days-total": Say("逾期工作日合计", "Working days late in all"),
    "col-times-missing": Say("未报送（次）", "Not reported (times)"),
    "scoring-method": Say("计分方法", "How scores are counted"),
    "file-report": Say("{quarter}进展情况报告", "{quarter}-progress-report"),
    "file-compilation": Say("{quarter}各单位进展情况汇编", "{quarter}-submissions-in-full"),
    "file-summary": Say("{first}-{last}进展汇总", "{first}-{last}-progress-summary"),
    "file-summary-span": Say("{span}进展汇总", "{span}-progress-summary"),
    "summary-h-progress": Say("二、任务进展", "2. Progress of the tasks"),
    "summary-chart-progress": Say("各项任务逐{word}进展", "Progress of each task by {word}"),
    "summary-h-stalled": Say("（一）进展停滞的任务", "(1) Stalled tasks"),
    "summary-stalled-run": Say(
        "{first}至{last}连续{count}个{word}无进展",
        "no progress for {count} {word}s in a row, {first} to {last}",
    ),
    "summary-none-stalled": Say(
        "没有连续两个{word}无进展的任务。", "No task went two {word}s in a row without progress."
    ),
    "summary-h-deliverables": Say("（二）方案要求的成果", "(2) Deliverables the plan asks for"),
    "summary-done-by": Say(
        "已完成（{quarter}，{name}报告）", "done ({quarter}, reported by {name})"
    ),
    "summary-not-done": Say("未报告完成", "not reported done"),
    "summary-h-timelines": Say("（三）各项任务逐{word}进展", "(3) Each task {word} by {word}"),
    "summary-h-scores": Say("三、报送考核评分", "3. Scores for reporting"),
    "summary-scoring": Say("计分方法：", "How scores are counted: "),
    "summary-h-obligations": Say("四、其他工作要求落实情况", "4. Other requirements"),
    "summary-no-obligations": Say(
        "方案未规定{word}报送以外的工作要求（plan/obligations.yaml）。",
        "The plan sets no requirement besides the reports each {word} (plan/obligations.yaml).",
    ),
    "summary-h-cases": Say("五、典型案例汇编", "5. Typical cases"),
    "summary-case-source": Say(
        "来源：{name}，{quarter}，任务{task}{title}（{source}）。",
        "Source: {name}, {quarter}, task {task} {title} ({source}).",
    ),
    "summary-no-cases": Say(
        "所选{word}内各单位未报送典型案例。", "No unit reported a typical case in these {word}s."
    ),
}


# an English plural: {count|unit|units} is "unit" when count is 1, else "units"
_PLURAL = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def doc_say(key: str, lang: str, /, **params: object) -> str:
    said = {k: str(v) for k, v in params.items()}
    if lang == "en" and key in DOC:
        text = _PLURAL.sub(lambda m: _plural(m, said), DOC[key].en)
        return render_say({key: Say("", text)}, key, said, lang, "docwords.py")
    return render_say(DOC, key, said, lang, "docwords.py")


def _plural(match: re.Match[str], params: dict[str, str]) -> str:
    one = params.get(match.group(1), "").strip() == "1"
    return match.group(2) if one else match.group(3)


def en_count(value: object) -> object:
    """A count as English prints it, 1,234 (Chinese documents print 1234)."""
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else value


_NO_SPACE_BEFORE = frozenset({"%", "％", "‰"})


def en_measure(figure: str, unit: str) -> str:
    """12.5 km, 95%: a figure and its unit of measure as English writes them."""
    return f"{figure}{unit}" if not unit or unit in _NO_SPACE_BEFORE else f"{figure} {unit}"


def prose(period: Any, which: str, lang: str) -> str:
    """本季度 / this quarter, 上月 / last month, 下期 / next half-year (which: this, last,
    coming)."""
    word = DOC[f"period-word-{period.kind.value}"].en
    return doc_say(f"prose-{which}", lang, word=word, **{which: getattr(period, which)})


# --- dates, lists and labels in English ------------------------------------------------

_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def en_date(day: dt.date) -> str:
    """6 July 2020."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def en_unit_names(units: Iterable[Any], limit: int = 3, noun: str = "") -> str:
    """A, B and C; past limit: A, B and 7 others (9 in all). noun is the Chinese measure word."""
    names = [str(getattr(u, "name", u)) for u in units]
    if len(names) <= 1:
        return "".join(names)
    if len(names) <= limit:
        return ", ".join(names[:-1]) + " and " + names[-1]
    shown = names[: max(limit - 1, 1)]
    return f"{', '.join(shown)} and {len(names) - len(shown)} others"


def en_task_list(tasks: Iterable[Any], limit: int = 4) -> str:
    """tasks 1.2 and 4.3 — or 19 tasks past limit."""
    ids = [str(getattr(t, "id", t)) for t in tasks]
    if len(ids) > limit:
        return f"{len(ids)} tasks"
    if len(ids) == 1:
        return f"task {ids[0]}"
    return "tasks " + ", ".join(ids[:-1]) + " and " + ids[-1]


def period_word(period: Any, lang: str) -> str:
    """The kind of period in prose: 季度 / quarter, 月份 / month …"""
    return doc_say(f"period-word-{period.kind.value}", "en") if lang == "en" else period.word


def doc_label(obj: Any) -> str:
    """The English of a model's Chinese .label: an enum by its value, a unit's standing by
    its state (with the working days late, and whether it is approved), a period as English
    writes it (March 2024, Q2 2025, H1 2024, 2024)."""
    kind = type(obj).__name__.lower()
    cadence = getattr(obj, "kind", None)
    if cadence is not None and hasattr(obj, "year") and hasattr(obj, "number"):  # a period
        month = _MONTHS[obj.number - 1] if obj.number <= 12 else ""
        return doc_say(f"period-{cadence.value}", "en", year=obj.year, n=obj.number, month=month)
    state = getattr(obj, "state", None)
    if state is not None and hasattr(obj, "final"):
        days = getattr(obj, "working_days_late", 0)
        text = doc_say(f"label-{kind}-{state.value}", "en", days=days)
        return text if obj.final else text + doc_say("label-not-approved", "en")
    value = getattr(obj, "value", None)
    if isinstance(value, str):
        return doc_say(f"label-{kind}-{value}", "en")
    return str(obj)
