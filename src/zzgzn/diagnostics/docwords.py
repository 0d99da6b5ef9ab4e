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
    "label-unitstate-late": Say("逾期{days}个工作日", "{days} working day(s) late"),
    "label-unitstate-invalid": Say("报送有误", "invalid file"),
    "label-unitstate-missing": Say("未报送", "not reported"),
    "label-unitstate-not_due": Say("未到期", "not yet due"),
    "label-fulfilment-on_time": Say("已完成", "done"),
    "label-fulfilment-late": Say("逾期{days}个工作日", "{days} working day(s) late"),
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
        "Note: the following {count} file(s) do not pass validation and are left out of"
        " {leaving}. The units concerned should correct them as the hints say and submit"
        " again.",
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
    "obligation-late-unit": Say("{name}逾期{days}个工作日", "{name} {days} working day(s) late"),
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
    # --- the progress report (report.md.j2) -------------------------------------------------
    "report-title": Say(
        "“{campaign}”活动{quarter}进展情况报告", "{campaign}: progress report for {quarter}"
    ),
    "addressee": Say("{name}：", "{name}:"),
    "report-opening": Say(
        "按照《{title}》要求，各单位应于每季度结束后{days}个工作日内向{office}报送活动进展情况，"
        "本季度截止日期为{due}。现将{quarter}进展情况报告如下。",
        "{title} asks every unit to report its progress to {office} within {days} working days"
        " after each quarter; this quarter's reports were due on {due}. This is the progress"
        " report for {quarter}.",
    ),
    "report-h-overview": Say("一、总体情况", "1. Overview"),
    "report-h-submissions": Say("（一）报送情况", "(1) Submissions"),
    "report-counts": Say(
        "本季度应报送单位{due}个，按时报送{on_time}个，逾期报送{late}个，未报送{missing}个",
        "{due} units were due to report this quarter: {on_time} on time, {late} late,"
        " {missing} not reported",
    ),
    "report-count-invalid": Say("，报送文件有误{count}个", ", {count} with an invalid file"),
    "report-count-not-due": Say("，尚未到截止日期{count}个", ", {count} not yet due"),
    "report-late": Say("逾期报送的单位：", "Late: "),
    "report-late-unit": Say("{name}（逾期{days}个工作日）", "{name} ({days} working day(s) late)"),
    "report-late-more": Say(
        "等{count}个单位（见附件）", " and others, {count} units in all (see the attachment)"
    ),
    "report-missing": Say("未报送的单位：{names}。", "Not reported: {names}."),
    "report-invalid": Say(
        "报送文件有误、须改正后重新报送的单位：",
        "Units whose file is invalid and must be corrected and sent again: ",
    ),
    "report-invalid-unit": Say("{name}（{path}）", "{name} ({path})"),
    "report-unsigned": Say(
        "尚未填写审核人、不是正式报送的：{names}。", "Not approved yet, so not final: {names}."
    ),
    "report-amendments": Say(
        "报告生成（本季度封存）后更正{count}处：",
        "{count} correction(s) after the quarter was reported (and closed):",
    ),
    "report-amendment": Say(
        "{name}，{date}，更正人{by}：{reason}", "{name}, {date}, by {by}: {reason}"
    ),
    "report-obligations": Say(
        "其他工作要求落实情况（截至{today}）：", "Other requirements (as of {today}):"
    ),
    "report-h-progress": Say("（二）任务进展", "(2) Progress of the tasks"),
    "report-tasks": Say(
        "方案共{tasks}项任务，本季度有进展的{progress}项，无进展的{none}项",
        "The plan has {tasks} tasks: {progress} made progress this quarter, {none} did not",
    ),
    "report-tasks-unreported": Say(
        "，其中{count}项没有任何责任单位报送进展（见第三部分）",
        ", and on {count} of them no responsible unit reported at all (see part 3)",
    ),
    "report-no-progress": Say("无进展的任务：", "Tasks without progress: "),
    "report-h-assessment": Say("（三）总体评价", "(3) Assessment"),
    "report-h-tasks": Say("二、各项任务进展情况", "2. Progress task by task"),
    "report-tasks-intro": Say(
        "各项任务依次列出牵头单位报送的进展（第一段）和成果进度，报送单位及其状态，"
        "以及各单位数据的合计（同一指标、同一计量单位才相加）；"
        "各单位报送的全文见《{quarter}各单位进展情况汇编》。",
        "Each task lists the lead unit's account (its first paragraph) and deliverables, the"
        " units that reported and their status, and the units' figures added up (only the same"
        " measure in the same unit); every unit's full text is in the {quarter} compilation.",
    ),
    "report-none-responsible": Say(
        "本季度责任单位均未报送此项任务进展",
        "No responsible unit reported on this task this quarter",
    ),
    "report-forwarded": Say("由下级活动汇总报送的：", "Consolidated from child campaigns: "),
    "report-lead-status-forwarded": Say(
        "（牵头，汇总{count}个单位，{status}）：",
        " (lead, consolidating {count} units, {status}): ",
    ),
    "report-lead-status": Say("（牵头，{status}）：", " (lead, {status}): "),
    "report-lead-silent": Say(
        "牵头单位{name}本季度未报送此项任务进展。",
        "The lead unit, {name}, did not report on this task this quarter.",
    ),
    "report-reporting": Say("本季度{count}个单位报送，", "{count} unit(s) reported this quarter: "),
    "report-all-status": Say("均为{status}", "all {status}"),
    "report-status-group": Say("{status}{count}个", "{count} {status}"),
    "report-others": Say("；其他报送单位：{names}", "; other units reporting: {names}"),
    "report-reporters": Say("；报送单位：{names}", "; units reporting: {names}"),
    "report-silent-units": Say(
        "未报送的责任单位：{names}。", " Responsible units that did not report: {names}."
    ),
    "report-figures": Say("主要数据：", " Figures: "),
    "metric-same": Say(
        "{name}均为{value}{unit}（{units}个单位）",
        "{name}: {value} {unit} at each of {units} units",
    ),
    "metric-range": Say(
        "{name}{low}{unit}至{high}{unit}（{units}个单位，不汇总）",
        "{name}: {low} to {high} {unit} ({units} units, not added up)",
    ),
    "metric-one": Say("{name}{value}{unit}（{who}）", "{name}: {value} {unit} ({who})"),
    "metric-max": Say(
        "{name}最高{value}{unit}（{units}个单位）", "{name}: at most {value} {unit} ({units} units)"
    ),
    "metric-sum": Say(
        "{name}共{value}{unit}（{units}个单位合计）",
        "{name}: {value} {unit} in all ({units} units)",
    ),
    "report-more-figures": Say(
        "；另有{count}项数据见汇编", "; {count} more figures in the compilation"
    ),
    "report-left-out": Say("未计入合计：", " Not added up: "),
    "report-left-out-item": Say(
        "{name}报送“{metric}”{value}{unit}（统计口径为“{expected}”，单位{expected_unit}）",
        '{name} reported "{metric}" {value} {unit} (the plan counts "{expected}" in'
        " {expected_unit})",
    ),
    "no-unit": Say("（未写单位）", "(no unit)"),
    "report-left-more": Say("等{count}处", " and others, {count} in all"),
    "report-office-note": Say("处室意见", "The office's view"),
    "report-h-attention": Say("三、需要关注的任务", "3. Tasks that need attention"),
    "report-unreported-intro": Say(
        "以下任务本季度没有任何责任单位报送进展，请牵头单位抓紧推进，并在下季度报送中说明：",
        "No responsible unit reported progress on these tasks this quarter; the lead units"
        " should push them on and explain in next quarter's report:",
    ),
    "report-all-reported": Say(
        "本季度每项任务均有责任单位报送进展。",
        "Every task had progress reported by a responsible unit this quarter.",
    ),
    "report-stalled": Say(
        "以下任务有单位报送，但均为未启动：",
        "These tasks were reported on, but all as not started: ",
    ),
    "report-h-cases": Say("四、典型案例和经验做法", "4. Typical cases and good practice"),
    "report-cases": Say(
        "本季度{units}个单位报送典型案例{reported}个，同题合并后{merged}个。"
        "选录{featured}个（每项任务至多{per_task}个、共至多{total}个，"
        "处室在编审文件中指定的优先，其次是报送单位多的）；全部案例见《{quarter}各单位进展情况汇编》。",
        "{units} unit(s) reported {reported} typical case(s) this quarter, {merged} once cases"
        " of the same title are merged. {featured} are shown here (at most {per_task} a task"
        " and {total} in all: the office's choice in its editorial file first, then those most"
        " units reported); all of them are in the {quarter} compilation.",
    ),
    "report-case-source": Say("来源：{names}", "Source: {names}"),
    "report-case-many": Say("报送同题案例", " reported this case"),
    "report-case-shared": Say(
        "（{count}个单位报送同题案例）", " ({count} units reported this case)"
    ),
    "report-no-cases": Say(
        "本季度各单位未报送典型案例。", "No unit reported a typical case this quarter."
    ),
    "report-h-problems": Say("五、存在问题和下一步打算", "5. Problems and next steps"),
    "report-h-problem-list": Say("（一）存在问题", "(1) Problems"),
    "report-h-next-steps": Say("（二）下一步打算", "(2) Next steps"),
    "raised-by-many": Say("（{names}提出；{tasks}）", " (raised by {names}; {tasks})"),
    "raised-by-one": Say("（{names}；{tasks}）", " ({names}; {tasks})"),
    "raised-more-problems": Say("另有{count}条问题", "{count} more problem(s)"),
    "raised-more-next": Say("另有{count}条打算", "{count} more next step(s)"),
    "raised-each-by-one": Say("各由1个单位提出", ", each raised by one unit"),
    "raised-see-compilation": Say("，见汇编。", ", in the compilation."),
    "raised-none-problems": Say(
        "本季度各单位未报送存在问题。", "No unit reported a problem this quarter."
    ),
    "raised-none-next": Say(
        "本季度各单位未报送下一步打算。", "No unit reported next steps this quarter."
    ),
    "report-h-changes": Say("六、与上季度相比的变化", "6. Changes since last quarter"),
    "report-arrangements": Say("下季度工作安排", "Next quarter's work"),
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
        " {quarter} compilation.",
    ),
    # --- changes since the previous quarter (_changes_brief.md.j2) -------------------------
    "changes-summary": Say(
        "{later}与{earlier}相比：{moves}处任务状态变化，{first}处首次报送进展，{carried}个问题再次提出；"
        "{earlier}报送的下一步打算中，有{slipped}条{later}未提及。"
        "逐项任务的明细可用 zzgzn diff {earlier_id} {later_id} 生成。",
        "{later} against {earlier}: {moves} status change(s), {first} first report(s) of"
        " progress, {carried} problem(s) raised again; of the next steps reported for {earlier},"
        " {slipped} are not mentioned in {later}. The detail, task by task: zzgzn diff"
        " {earlier_id} {later_id}.",
    ),
    "changes-none": Say("各项任务没有上述变化。", "No task changed in these ways."),
    "changes-moves": Say("状态变化：", "Status changes: "),
    "changes-move": Say(
        "{names}由{before}变为{after}（{tasks}）", "{names} from {before} to {after} ({tasks})"
    ),
    "changes-first": Say(
        "首次报送进展的{count}个单位：", "{count} unit(s) reported progress for the first time: "
    ),
    "changes-task-count": Say("任务{task}（{count}个）", "task {task} ({count})"),
    "changes-carried": Say("再次提出的问题：", "Problems raised again: "),
    "changes-quoted": Say("“{text}”（{names}）", '"{text}" ({names})'),
    "changes-quoted-tasks": Say("“{text}”（{names}；{tasks}）", '"{text}" ({names}; {tasks})'),
    "changes-more": Say("等{count}条", " and others, {count} in all"),
    "changes-slipped": Say(
        "上季度的打算本季度未提及：", "Last quarter's next steps not mentioned this quarter: "
    ),
    "changes-silent": Say(
        "上季度报送、本季度未再报送的{count}个单位：",
        "{count} unit(s) reported last quarter but not this one: ",
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
        "{later} against {earlier}: {moves} status change(s), {first} unit(s) reporting progress"
        " on a task for the first time, {carried} problem(s) raised again; of the next steps"
        ' reported for {earlier}, {slipped} are not mentioned in {later} (see "next steps not'
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
        "{name} (late {times} times, {days} working days in all)",
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


def doc_say(key: str, lang: str, /, **params: object) -> str:
    return render_say(DOC, key, {k: str(v) for k, v in params.items()}, lang, "docwords.py")


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
