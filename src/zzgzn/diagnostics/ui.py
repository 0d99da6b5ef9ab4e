"""The wording of everything the command line says besides diagnostics: errors, summaries,
table headers, prompts. Chinese is the default; `--lang en`, $ZZGZN_LANG or an English locale
switch all of it at once (diagnostics follow the same switch, see messages.py).

Keys are stable names; a template's {placeholders} must all be given (tests make a missing one
fail, see messages.STRICT_VAR).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from zzgzn.diagnostics.messages import STRICT_VAR, fill

if TYPE_CHECKING:
    from zzgzn.diagnostics.problems import Problem


class Say(NamedTuple):
    zh: str
    en: str


UI: dict[str, Say] = {
    # --- every command ------------------------------------------------------------------
    "error-prefix": Say("错误：", "error: "),
    "internal-error": Say(
        "zzgzn 内部错误（这是程序缺陷，不是您的输入有误）。",
        "zzgzn internal error (a bug in the program, not a mistake in your input). ",
    ),
    "internal-error-hint": Say(
        "请把以上内容和所用命令发给维护人员。",
        "Please send the above and the command you ran to the maintainers.",
    ),
    "no-campaign": Say(
        "{start} 及其上级文件夹中都没有 plan/：请在报送仓库中运行，或用 --root 指定仓库根目录",
        "no plan/ in {start} or any folder above it: run inside the campaign's repository,"
        " or give --root",
    ),
    "progress-checking": Say("检查报送文件", "checking files"),
    "written": Say("已生成", "written"),
    "copied": Say("已复制", "copied"),
    "copied-hint": Say(
        "：修改后重新运行 zzgzn report 即生效", ": edit it, then run zzgzn report again"
    ),
    "template-campaign": Say(
        "本仓库 templates/（已覆盖内置模板）",
        "templates/ in this repository (overrides the built-in)",
    ),
    "template-builtin": Say("内置", "built in"),
    "list-joiner": Say("、", ", "),
    "part-joiner": Say("，", "; "),
    "names-more": Say("{shown}等{count}个", "{shown} and others ({count} in all)"),
    # --- report, summary, diff, cases ---------------------------------------------------
    "report-blocked": Say(
        "✗ {quarter} 有 {files} 个报送文件未通过校验，未生成报告。",
        "✗ {files} file(s) of {quarter} do not pass validation: no report written. ",
    ),
    "report-blocked-hint": Say(
        "改正后重试，或加 --allow-invalid 跳过这些文件（报告开头会列出）。",
        "Correct them and try again, or add --allow-invalid to leave them out"
        " (the report lists them at the top).",
    ),
    "report-excluded": Say(
        "注意：{count} 个文件未通过校验，已跳过并在报告开头列出：",
        "note: {count} file(s) do not pass validation, left out and listed at the report's top:",
    ),
    "report-counts": Say(
        "（截止 {due}）：应报 {due_units}，按时 {on_time}，逾期 {late}，未报 {missing}",
        " (due {due}): {due_units} due, {on_time} on time, {late} late, {missing} not reported",
    ),
    "count-invalid": Say("，报送有误 {count}", ", {count} invalid"),
    "count-not-due": Say("，未到期 {count}", ", {count} not yet due"),
    "report-unsigned": Say("未审核（没有审核人）：{names}", "not approved (no approver): {names}"),
    "report-amended": Say(
        "报告生成后更正 {count} 处：{names}", "{count} correction(s) after the report: {names}"
    ),
    "report-frozen": Say(
        " 已过报送截止日期，报告已生成，{this}封存（记录在 {path}，请提交）：此后改动须在文件中附更正记录",
        " is past its deadline and reported, so {this} is now closed (recorded in {path}: commit it);"
        " later changes need an amendment record in the file",
    ),
    "obligation-missing": Say("未完成{count}个（{names}）", "{count} not done ({names})"),
    "obligation-late": Say("逾期完成{count}个（{names}）", "{count} done late ({names})"),
    "obligation-line": Say("{name}：{parts}", "{name}: {parts}"),
    "summary-skipped": Say(
        "注意：{count} 个报送文件未通过校验，未计入汇总：",
        "note: {count} file(s) do not pass validation and are not counted: ",
    ),
    "summary-line": Say(
        "：停滞任务 {stalled} 项，典型案例 {cases} 个，方案成果已完成 {done}",
        ": {stalled} stalled task(s), {cases} typical case(s), deliverables done {done}",
    ),
    "site-written": Say(
        "{folder}：{pages} 个页面（{units} 个单位、{tasks} 项任务），打开 {index}",
        "{folder}: {pages} pages ({units} units, {tasks} tasks); open {index}",
    ),
    "diff-skipped": Say(
        "注意：{count} 个报送文件未通过校验，未计入：",
        "note: {count} file(s) do not pass validation and are not counted: ",
    ),
    "cases-count": Say("（{count} 个案例）", " ({count} cases)"),
    # --- validate, schema, codeowners, new, fix -----------------------------------------
    "validate-summary": Say(
        "检查了 {files} 个报送文件：{errors} 个错误，{warnings} 个警告",
        "{files} submission file(s) checked: {errors} error(s), {warnings} warning(s)",
    ),
    "schema-stale": Say("{path} 已过期", "{path} is out of date"),
    "schema-stale-hint": Say(
        "：运行 zzgzn schema 重新生成", ": run zzgzn schema to write it again"
    ),
    "schema-current": Say("JSON Schema 与方案一致", "the JSON Schemas match the plan"),
    "codeowners-stale": Say("{path} 与单位名录不一致", "{path} does not match the unit registry"),
    "codeowners-stale-hint": Say(
        "：运行 zzgzn codeowners 重新生成", ": run zzgzn codeowners to write it again"
    ),
    "codeowners-current": Say("CODEOWNERS 与单位名录一致", "CODEOWNERS matches the unit registry"),
    "new-next": Say(
        "填写后运行：zzgzn validate {path}", "fill it in, then run: zzgzn validate {path}"
    ),
    "editorial-next": Say(
        "填写后运行：zzgzn validate {path}，再运行 zzgzn report",
        "fill it in, then run: zzgzn validate {path}, then zzgzn report",
    ),
    "new-needs-unit": Say(
        "请用 --unit 指明单位代码（见 zzgzn plan），或用 --editorial 生成编审文件",
        "name the unit with --unit (see zzgzn plan), or use --editorial for the office's file",
    ),
    "fix-needed": Say("需要修复：", "needs fixing:"),
    "fix-done": Say("已修复：", "fixed:"),
    "fix-nothing": Say("没有需要修复的内容", "nothing to fix"),
    "fix-encoding": Say("编码 {encoding} → UTF-8", "encoding {encoding} → UTF-8"),
    "fix-bom": Say("去掉文件开头的 BOM", "removed the byte-order mark (BOM) at the start"),
    "fix-crlf": Say("换行符 CRLF → LF", "line endings CRLF → LF"),
    "fix-control-char": Say(
        "第 {line} 行：删除不可见字符 U+{codepoint}",
        "line {line}: removed the invisible character U+{codepoint}",
    ),
    "fix-tab": Say(
        "第 {line} 行：Tab 缩进 → {width} 个空格", "line {line}: tab indent → {width} spaces"
    ),
    "fix-value": Say(
        "第 {line} 行：{key} “{before}” → “{after}”", 'line {line}: {key} "{before}" → "{after}"'
    ),
    "fix-values-refused": Say(
        "（{reason}：字段值未自动修复，请运行 zzgzn validate）",
        "({reason}: values not repaired, run zzgzn validate)",
    ),
    "fix-values-differ": Say(
        "（字段值需要人工修改：自动修复后内容有出入，已放弃）",
        "(values need a person: the repaired file read differently, so nothing was repaired)",
    ),
    "fix-binary": Say("不是文本文件，无法修复", "not a text file: cannot fix it"),
    "fix-unknown-encoding": Say(
        "无法识别的编码，无法修复：请在 WPS/记事本中另存为 UTF-8",
        "unknown encoding, cannot fix it: save it as UTF-8 in your editor",
    ),
    "fix-unreadable": Say("无法读取：{reason}", "cannot read it: {reason}"),
    "fix-too-large": Say(
        "文件过大（{size} 字节），未处理", "file too large ({size} bytes): left alone"
    ),
    "fix-cannot": Say(
        "无法自动修复：{reason}",
        "cannot fix this automatically: {reason}",
    ),
    "fix-cannot-hint": Say(
        "zzgzn fix 只修复编码、换行、缩进和日期、报送期等写法；YAML 格式错误请按上面的位置手工改正，"
        "再运行 zzgzn fix",
        "zzgzn fix repairs encodings, line endings, indentation and how dates and periods are"
        " written; correct a YAML syntax error by hand at the place above, then run zzgzn fix again",
    ),
    # --- status, remind, deadlines, plan -----------------------------------------------
    "status-title": Say("报送情况（截至 {today}）", "Submissions (as of {today})"),
    "obligations-title": Say("其他工作要求（截至 {today}）", "Other requirements (as of {today})"),
    "unit-column": Say("单位", "Unit"),
    "status-column": Say("{quarter}\n截止\n{month}月{day}日", "{quarter}\ndue\n{month}/{day}"),
    "obligation-column": Say("{name}\n截止 {due}", "{name}\ndue {due}"),
    "status-countdown": Say(
        "{quarter} 报送截止 {due}，还有 {days} 个工作日；尚未报送 {waiting} 个单位",
        "{quarter} is due on {due}, in {days} working day(s); {waiting} unit(s) have not reported",
    ),
    "status-unplaced": Say(
        "另有 {count} 个报送文件未通过校验、无法对应到表中的单位和报送期（运行 zzgzn validate 查看）",
        "{count} more file(s) do not pass validation and cannot be placed on the board (see zzgzn validate)",
    ),
    "state-on_time": Say("按时", "on time"),
    "state-late": Say("逾期{days}个工作日", "{days} working day(s) late"),
    "state-invalid": Say("报送有误", "invalid file"),
    "state-missing": Say("未报送", "not reported"),
    "state-not_due": Say("未到期", "not yet due"),
    "duty-on_time": Say("已完成", "done"),
    "duty-late": Say("逾期{days}个工作日", "{days} working day(s) late"),
    "duty-missing": Say("未完成", "not done"),
    "duty-not_due": Say("未到期", "not yet due"),
    "not-approved": Say("（未审核）", " (not approved)"),
    "deadlines-quarter": Say("{kind}", "{kind} "),
    "deadlines-end": Say("{kind}结束", "{kind} ends"),
    "deadlines-due": Say("报送截止", "Due"),
    "deadlines-title": Say("报送截止日期（{rule}）", "Deadlines ({rule})"),
    "plan-lead": Say("牵头：{unit}", "lead: {unit}"),
    "plan-co": Say("；配合：{units}", "; with: {units}"),
    "plan-reporting": Say(
        "报送：{rule}报 {recipient}，共 {count} 个单位",
        "reporting: {rule}, to {recipient}; {count} units",
    ),
    # --- errors the core raises (errors.ZzgznError codes) --------------------------------
    "plan-invalid": Say(
        "方案（plan/）未通过校验（{count} 个错误，见上）：先改正方案",
        "plan/ does not pass validation ({count} error(s), listed above): correct the plan first",
    ),
    "bad-today": Say(
        "无法识别的日期“{value}”（--today 或 {var}）：请写成 2020-07-06",
        'cannot read the date "{value}" (--today or {var}): write it as 2020-07-06',
    ),
    "calendar-year-unknown": Say(
        "节假日日历中还没有 {year} 年的安排，无法判断 {day} 是否为工作日。请在 plan/calendar.yaml 中补充 {year} 年的放假和调休日期，并把 {year} 写入 complete_years。",
        "the holiday calendar has no {year} yet, so whether {day} is a working day is unknown. Add {year}'s holidays and make-up working days to plan/calendar.yaml and {year} to complete_years.",
    ),
    "calendar-no-workdays": Say(
        "{day} 之后 {span} 天内找不到 {count} 个工作日",
        "no {count} working days within {span} days after {day}",
    ),
    "calendar-span-too-long": Say(
        "{start} 到 {end} 的跨度过大", "{start} to {end} is too long a span"
    ),
    "period-not-in-campaign": Say(
        "活动期间（{start} 至 {end}）内没有{which}",
        "the campaign ({start} to {end}) has no {which}",
    ),
    "period-ambiguous": Say(
        "“{value}”不明确：活动期间有 {choices}，请写明年份，例如 {example}",
        '"{value}" is ambiguous: the campaign has {choices}; give the year, e.g. {example}',
    ),
    "period-unreadable": Say(
        "无法识别的{kind}“{value}”：请写成 {forms}",
        'cannot read the {kind} "{value}": write {forms}',
    ),
    "period-wrong-cadence": Say(
        "“{value}”是{written}，本活动按{kind}报送：请写成 {forms}",
        '"{value}" is a {written}, but this campaign reports by {kind}: write {forms}',
    ),
    "period-outside-campaign": Say(
        "{period} 不在活动期间（{start} 至 {end}）内；可选{kind}：{choices}",
        "{period} is outside the campaign ({start} to {end}); the {kind}s: {choices}",
    ),
    "template-unknown": Say(
        "没有名为“{name}”的内置模板；可选：{choices}",
        'no built-in template "{name}"; there are: {choices}',
    ),
    "template-exists": Say("{path} 已存在，未覆盖", "{path} exists and was left as it is"),
    "template-unsafe": Say(
        "报告模板 {where} 试图访问模板沙箱之外的内容，已拒绝执行（{detail}）：模板只能使用报告数据，"
        "请检查 templates/ 中这个模板最近的修改",
        "the report template {where} reaches outside the sandbox and was not run ({detail}):"
        " templates may use the report's data only; check the latest change to it in templates/",
    ),
    "template-broken": Say(
        "报告模板有误（{where}）：{detail}", "the report template is broken ({where}): {detail}"
    ),
    "range-backwards": Say(
        "{kind}范围“{value}”的结束早于开始", 'the {kind} range "{value}" ends before it starts'
    ),
    "diff-order": Say(
        "先写较早的{kind}：{earlier} 不早于 {later}",
        "give the earlier {kind} first: {earlier} is not before {later}",
    ),
    "task-unknown": Say("方案中没有任务“{task}”", 'the plan has no task "{task}"'),
    "unit-unknown": Say(
        "单位代码“{unit}”不在单位名录中", 'the unit code "{unit}" is not in the registry'
    ),
    "unit-unknown-listed": Say(
        "单位代码“{unit}”不在单位名录中；可选：{choices}",
        'the unit code "{unit}" is not in the registry; there are: {choices}',
    ),
    "format-unknown": Say(
        "不支持的格式：{formats}（可选 {choices}）",
        "unknown format: {formats} (there are {choices})",
    ),
    "output-stdout-many": Say(
        "-o - 表示显示在屏幕上（标准输出），只用于 diff、cases 这样只有一份 Markdown 的命令；"
        "zzgzn {command} 一次生成多个文件，请给出文件或文件夹，如 -o reports/",
        "-o - means the screen (standard output), for commands with one Markdown text such as"
        " diff and cases; zzgzn {command} writes several files: give a file or a folder,"
        " e.g. -o reports/",
    ),
    "write-failed": Say("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "site-not-ours": Say(
        "{path} 已存在，且不是 zzgzn site 生成的文件夹，未覆盖（请换一个输出文件夹）",
        "{path} exists and was not made by zzgzn site: left as it is (choose another folder)",
    ),
    "site-template-unsafe": Say(
        "网站模板有误（{where}）：试图访问模板沙箱之外的内容，已拒绝执行（{detail}）",
        "the site's template {where} reaches outside the sandbox and was not run ({detail})",
    ),
    "site-template-broken": Say(
        "网站模板有误（{where}）：{detail}", "the site's template is broken ({where}): {detail}"
    ),
    "frozen-damaged": Say(
        "{path} 已损坏，无法记录封存：运行 zzgzn validate 查看问题",
        "{path} is damaged, so the closing cannot be recorded: run zzgzn validate",
    ),
    "frozen-busy": Say(
        "另一个 zzgzn report 正在写 {path}（等了 {seconds} 秒）：稍后重试",
        "another zzgzn report is writing {path} (waited {seconds} s): try again later",
    ),
    "frozen-lock-failed": Say("无法锁定 {path}：{reason}", "cannot lock {path}: {reason}"),
    "codeowners-bad-handle": Say(
        "plan/units.yaml：{unit} 的 github {value} 不是一个 GitHub 用户或团队",
        "plan/units.yaml: github {value} of {unit} is not one GitHub user or team",
    ),
    "write-under-a-file": Say(
        "无法写入 {path}：{reason}（路径中的上级是一个文件，不是文件夹：请换一个输出路径）",
        "cannot write {path}: {reason} (a folder on its way is a file: choose another path)",
    ),
    "write-a-folder": Say(
        "无法写入 {path}：{reason}（这是一个文件夹：请给出文件名）",
        "cannot write {path}: {reason} (it is a folder: give a file name)",
    ),
    "write-denied": Say(
        "无法写入 {path}：{reason}（没有写入权限，或文件正在 Word/WPS/Excel 中打开：检查权限或关闭后重试）",
        "cannot write {path}: {reason} (is it open in Word, WPS or Excel? close it and try again)",
    ),
    "unit-has-no-tasks": Say(
        "{name}（{unit}）在方案中没有负责的任务，不需要报送",
        "{name} ({unit}) is responsible for no task in the plan and does not report",
    ),
    "scaffold-exists": Say(
        "{path} 已存在，未覆盖。需要重写请先删除或改名。",
        "{path} exists and was left as it is; delete or rename it to start again",
    ),
    "git-missing": Say(
        "--changed-since 需要 git，但无法运行 git 命令",
        "--changed-since needs git, which cannot be run",
    ),
    "git-compare-failed": Say(
        "无法与 {base} 比较（{detail}）：请确认这是 git 仓库，且已获取该分支（CI 中 checkout 需 fetch-depth: 0）",
        "cannot compare with {base} ({detail}): is this a git repository, and is that branch fetched (in CI, checkout needs fetch-depth: 0)?",
    ),
    # --- the office extra ---------------------------------------------------------------
    "office-extra-missing": Say(
        "此命令需要 zzgzn 的办公文档组件（Word、Excel、图表；缺少 {module}）："
        "pip install 'zzgzn[office]'",
        "this command needs zzgzn's office extra (Word, Excel, charts; {module} is missing):"
        " pip install 'zzgzn[office]'",
    ),
    "no-cjk-font": Say(
        "没有找到中文字体，图表中的汉字会显示为方框："
        "pip install 'zzgzn[office]' 会安装 Noto Sans CJK",
        "no Chinese font found, charts would show boxes: pip install 'zzgzn[office]'"
        " installs Noto Sans CJK",
    ),
    "font-unusable": Say(
        "字体文件 {path} 中没有可用的中文字体："
        "重新安装 pip install --force-reinstall noto-cjk-sans-otc",
        "the font file {path} holds no usable Chinese font:"
        " pip install --force-reinstall noto-cjk-sans-otc",
    ),
    # --- init -----------------------------------------------------------------------------
    "init-not-empty": Say(
        "{path} 已存在且不是空文件夹：zzgzn init 只在新文件夹中建立活动仓库",
        "{path} exists and is not an empty folder: zzgzn init only creates a new repository",
    ),
    "init-no-tasks": Say(
        "{path} 中没有找到按“（一）…1.…责任单位：…”编排的任务，无法起草 plan/",
        "no tasks numbered （一）… 1. … 责任单位：… found in {path}: cannot draft plan/",
    ),
    "init-unreadable": Say(
        "无法读取方案文件 {path}（{reason}）：请提供 .docx 或 UTF-8/GBK 编码的 .txt",
        "cannot read the plan document {path} ({reason}): give a .docx or a UTF-8/GBK .txt",
    ),
    "draft-no-tasks": Say(
        "没有找到带“责任单位：”的任务，任务清单需要手工填写",
        "no task with a 责任单位： line found: the task list must be written by hand",
    ),
    "draft-no-districts": Say(
        "原文的责任单位中没有区（县）级单位：若各区局也要报送，请在 units.yaml 中添加，"
        "kind 写 district（schedule.yaml 的 reporters.kinds 已包含 district）",
        "the text names no district (county) unit: if district bureaus report too, add them to"
        " units.yaml with kind: district (reporters.kinds in schedule.yaml includes district)",
    ),
    "draft-renumbered": Say(
        "原文第 {line} 行：{section}中的任务编号“{written}”与顺序不符（重复或跳号），"
        "起草为任务 {task}：请核对原文和 sections/ 中的编号",
        'line {line} of the text: task number "{written}" in {section} is out of order'
        " (repeated or skipped) and was drafted as task {task}: check the text and the"
        " numbers in sections/",
    ),
    "draft-no-units": Say(
        "任务 {task}（{title}）没有责任单位，请补上",
        "task {task} ({title}) has no responsible unit: add it",
    ),
    "draft-section-empty": Say(
        "第 {number} 部分（{title}）没有编号任务", "section {number} ({title}) has no numbered task"
    ),
    "draft-part-left-out": Say(
        "“{part}”部分没有对应的字段，未收入 plan.yaml",
        'the part "{part}" has no field in plan.yaml and was left out',
    ),
    "draft-not-quarterly": Say(
        "原文似乎规定了按月、半年或年度报送，但写法读不出：请核对 schedule.yaml 的报送规则",
        "the text seems to ask for monthly, half-yearly or yearly reports in words zzgzn cannot"
        " read: check the reporting rule in schedule.yaml",
    ),
    "draft-cadence-chosen": Say(
        "原文的报送周期是 {drafted}，已按 --cadence 改为 {chosen}：请核对截止规则",
        "the text reports {drafted}; --cadence made it {chosen}: check the due rule",
    ),
    "init-not-docx": Say(
        "{path} 不是 Word 文档（.docx）：可能是 .doc、.wps、PDF 等格式改了扩展名。"
        "请用 Word 或 WPS 打开，“另存为”Word 文档（*.docx）后再试，或提供 .txt",
        "{path} is not a Word document (.docx): perhaps a .doc, .wps or PDF renamed. Open it in"
        " Word or WPS and save it as a Word document (*.docx), or give a .txt",
    ),
    "init-docx-broken": Say(
        "{path} 打不开：文件不完整或已损坏，或者是改了扩展名的 Excel、PowerPoint 文件。"
        "请重新下载，或用 Word、WPS 打开后“另存为”Word 文档（*.docx）再试",
        "{path} cannot be opened: the file is incomplete or damaged, or an Excel or PowerPoint"
        " file renamed. Download it again, or open it in Word or WPS and save it as *.docx",
    ),
    "init-encoding": Say(
        "{path} 的文字编码无法识别（不是 UTF-8、GBK 或带 BOM 的 UTF-16）："
        "请用记事本“另存为”UTF-8 编码，或提供 .docx",
        "the text encoding of {path} is not recognised (not UTF-8, GBK or UTF-16 with a BOM):"
        " save it as UTF-8 (Notepad: Save As, Encoding) or give a .docx",
    ),
    "init-done": Say("已建立活动仓库 {path}", "created the campaign repository {path}"),
    "init-review": Say("请核对：", "to review:"),
    "init-next": Say(
        "下一步：核对 plan/ 中标有“待核对”的值，然后 cd {path} && git init && zzgzn validate",
        "next: review the values marked 待核对 in plan/, then cd {path} && git init && "
        "zzgzn validate",
    ),
    # --- intake: workbooks and browser forms (zzgzn new --format xlsx, import, export, form)
    "workbook-unreadable": Say(
        "无法读取工作簿 {path}：{reason}"
        "（WPS 请“另存为”Excel 工作簿 *.xlsx；.xls、.et 格式读不了）",
        "cannot read the workbook {path}: {reason} (save it as an Excel workbook, *.xlsx;"
        " .xls and .et cannot be read)",
    ),
    "workbook-not-xlsx": Say(
        "无法读取工作簿 {path}：不是 Excel 工作簿（.xlsx），可能是 .xls、.et 或别的文件改了扩展名"
        "（WPS 请“另存为”Excel 工作簿 *.xlsx）",
        "cannot read the workbook {path}: it is not an Excel workbook (.xlsx), perhaps an .xls,"
        " .et or another file renamed (save it as an Excel workbook, *.xlsx)",
    ),
    "workbook-broken": Say(
        "无法读取工作簿 {path}：文件不完整或已损坏，或者是改了扩展名的 Word 文档"
        "（请重新下载，或打开后“另存为”Excel 工作簿 *.xlsx）",
        "cannot read the workbook {path}: the file is incomplete or damaged, or a Word document"
        " renamed (download it again, or open it and save it as an Excel workbook, *.xlsx)",
    ),
    "workbook-not-ours": Say(
        "{path} 不是 zzgzn 生成的填报表（没有“{sheet}”工作表）："
        "请用 zzgzn new 报送期 --unit 单位代码 --format xlsx 生成的工作簿填写",
        '{path} is not a zzgzn workbook (it has no sheet "{sheet}"):'
        " fill in one made by zzgzn new QUARTER --unit UNIT --format xlsx",
    ),
    "workbook-not-found": Say("找不到工作簿 {path}", "no workbook at {path}"),
    "workbook-exists": Say(
        "{path} 已存在，未覆盖。需要重写请先删除或改名。",
        "{path} exists and was left alone; delete or rename it to write it again.",
    ),
    "generated": Say("已生成 {path}", "written: {path}"),
    "workbook-next": Say(
        "填好后运行：zzgzn import {path}", "when filled in, run: zzgzn import {path}"
    ),
    "import-not-written": Say(
        "✗ 未写入报送文件：请在工作簿中改正上面的错误后重新导入。",
        "✗ nothing written: correct the errors above in the workbook and import it again.",
    ),
    "import-unchanged": Say(
        "✓ {path} 已是这些内容，未改动", "✓ {path} already says exactly this: left as it is"
    ),
    "import-replaced": Say(
        "已改写 {path}，与原文件相比：", "{path} replaced; compared with before:"
    ),
    "import-differs": Say(
        "已有内容不同的文件 {path}，与原文件相比：",
        "{path} exists and says something else; compared with it:",
    ),
    "import-refused": Say(
        "✗ 未改写：确认以工作簿为准时加 --force 重新运行。",
        "✗ not replaced: run again with --force if the workbook is right.",
    ),
    "import-written": Say("已生成 {path}（已通过校验）", "written: {path} (it validates)"),
    "import-next": Say(
        "下一步：提交这个文件（拉取请求），或交给处室。",
        "next: commit this file (a pull request), or hand it to the office.",
    ),
    "export-invalid": Say(
        "✗ 文件未通过校验，未导出：先按提示改正（zzgzn validate）。",
        "✗ the file does not validate, nothing exported: correct it first (zzgzn validate).",
    ),
    "forms-written": Say(
        "已生成 {count} 个填报页，在 {path}", "{count} form pages written to {path}"
    ),
    # --- forward, trace ---------------------------------------------------------------
    "forward-no-parent": Say(
        "{path} 没有 parent:（上级活动）：本活动不向上级转报",
        "{path} has no parent: block (the campaign above): nothing to forward to",
    ),
    "forward-parent-not-found": Say(
        "{path} 既不是上级活动的仓库（含 plan/），也不是它的 plan/ 文件夹",
        "{path} is neither the parent campaign's repository (with plan/) nor its plan/ folder",
    ),
    "forward-needs-output": Say(
        "{path} 只有上级的方案（plan/），没有 submissions/：请用 -o 指定转报文件写到哪里",
        "{path} holds the parent's plan/ only, no submissions/: say where to write with -o",
    ),
    "forward-quarter-outside": Say(
        "{quarter} 不在上级活动期间（{start} 至 {end}）内",
        "{quarter} is outside the parent campaign ({start} to {end})",
    ),
    "forward-would-replace": Say(
        "{path} 已有一份不是由 zzgzn forward 生成的报送文件：不覆盖。确认以本次汇总为准时加 --force",
        "{path} holds a submission not written by zzgzn forward: left alone; add --force to"
        " replace it with this consolidation",
    ),
    "forward-cadence-mismatch": Say(
        "本活动按{mine}报送，上级活动按{theirs}报送：两级的报送周期相同才能转报",
        "this campaign reports by {mine}, the parent by {theirs}: forward needs the same"
        " period at both levels",
    ),
    "forward-blocked": Say(
        "✗ 未转报：以上问题改正后重试。", "✗ nothing forwarded: correct the above and try again."
    ),
    "forward-written": Say(
        "已转报 {path}：{tasks} 项任务，汇总 {units} 个单位",
        "forwarded {path}: {tasks} task(s), consolidating {units} unit(s)",
    ),
    "forward-amended": Say(
        "已转报 {path}（上级 {quarter} 已封存，已附更正记录）：{reason}",
        "forwarded {path} (the parent's {quarter} is closed: amendment recorded): {reason}",
    ),
    "forward-unchanged": Say(
        "{path} 与本次汇总一致，未改写",
        "{path} already says what this consolidation says: left as is",
    ),
    "forward-unreported": Say(
        "上级任务 {tasks}：对应的任务{this}没有单位报送，未转报",
        "parent task(s) {tasks}: nobody here reported the tasks mapped onto them {this};"
        " not forwarded",
    ),
    "forward-not-forwarded": Say(
        "未转报的数据：任务 {task}“{name}”{unit}（{units} 个单位）：{why}",
        'not forwarded: task {task} "{name}" {unit} ({units} unit(s)): {why}',
    ),
    "forward-why-undeclared": Say(
        "上级任务没有这项统计口径（可在 parent.tasks 的 metrics 中对应）",
        "the parent task declares no such metric (map it under parent.tasks[].metrics)",
    ),
    "trace-unknown-task": Say("方案中没有任务“{task}”", 'the plan has no task "{task}"'),
    "trace-unknown-metric": Say(
        "任务 {task} {this}没有合计数据“{metric}”；有：{names}",
        'task {task} has no total "{metric}" {this}; there are: {names}',
    ),
    "trace-child-not-found": Say(
        "{path} 不是一个活动的仓库（没有可读的 plan/）",
        "{path} is not a campaign's repository (no readable plan/)",
    ),
    "trace-head": Say(
        "{quarter} 任务 {task}“{metric}”：{value}{unit}（{units} 个单位）",
        '{quarter} task {task} "{metric}": {value} {unit} ({units} unit(s))',
    ),
    "trace-step": Say(
        "{name} {value}{unit}  {campaign} {file}", "{name} {value} {unit}  {campaign} {file}"
    ),
    "trace-step-task": Say("（任务 {task}“{metric}”）", ' (task {task} "{metric}")'),
    "trace-forwarded": Say(
        "  汇总 {units} 个单位，来自 {campaign}{commit}",
        "  consolidates {units} unit(s) of {campaign}{commit}",
    ),
    "trace-no-repository": Say(
        "  （没有给出 {campaign} 的仓库：用 --child 指定后可继续向下追溯）",
        "  (no repository of {campaign} given: add it with --child to go further down)",
    ),
    "trace-differs": Say(
        "  ！该文件现在写的是 {now}：下级更正后尚未重新转报",
        "  ! the file now says {now}: corrected below and not forwarded again",
    ),
    "trace-missing-file": Say(
        "  ！{campaign} 的仓库中没有这个可读的报送文件：来源所说的无法核对",
        "  ! {campaign}'s repository has no readable submission at this path: not verifiable",
    ),
    "trace-leaves": Say(
        "最下一级共 {count} 个文件，合计 {value}{unit}",
        "{count} file(s) at the bottom, adding up to {value} {unit}",
    ),
    "forward-why-rate": Say("比率不汇总", "a rate is never added up"),
    "forward-why-rule": Say("两级的汇总方式不同", "the two levels aggregate it differently"),
    "forward-why-left-out": Say(
        "本级报告未计入合计（名称或计量单位与统计口径不符）",
        "left out of this level's totals (name or unit differs from the declared metric)",
    ),
}


class Said(NamedTuple):
    """Wording decided by the core, rendered later in the user's language: a catalogue key and
    its parameters, plus a diagnostic whose message fills {reason} (e.g. why fix gave up)."""

    key: str
    params: tuple[tuple[str, str], ...] = ()
    problem: Problem | None = None

    def message(self, lang: str = "zh") -> str:
        params = dict(self.params)
        if self.problem is not None:
            params["reason"] = self.problem.message(lang)
        return render(self.key, params, lang)


def said(key: str, /, problem: Problem | None = None, **params: object) -> Said:
    return Said(key, tuple((k, str(v)) for k, v in params.items()), problem)


def say(key: str, lang: str = "zh", /, **params: object) -> str:
    """One line of the CLI's wording in the language asked for."""
    return render(key, {k: str(v) for k, v in params.items()}, lang)


def render(key: str, params: Mapping[str, str], lang: str) -> str:
    return render_say(UI, key, params, lang, "ui.py")


def render_say(
    catalogue: Mapping[str, Say], key: str, params: Mapping[str, str], lang: str, name: str
) -> str:
    text = catalogue.get(key)
    if text is None:
        if os.environ.get(STRICT_VAR):  # under tests: wording outside the catalogue fails
            raise KeyError(f"{key!r} is not in the catalogue (diagnostics/{name})")
        return key  # for a user: show what there is, never hide an error
    if lang == "en":  # a value that differs by language travels as name@en beside name
        params = {**params, **{k[:-3]: v for k, v in params.items() if k.endswith("@en")}}
    return fill(text.en if lang == "en" else text.zh, params)
