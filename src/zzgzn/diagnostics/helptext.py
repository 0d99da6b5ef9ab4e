"""The English of every `--help` text: command help, argument and option help, panel titles
and metavars. The Chinese stays where typer reads it (the command's docstring, `help=`); this is
its translation, keyed by that exact text as gettext keys a translation by its source string.
The CLI swaps them in before click formats help (cli/base.py); tests/test_help.py fails on a help
text without an English entry here, and on an entry no help text uses any more.
"""

from __future__ import annotations

HELP_EN: dict[str, str] = {
    # --- the app and its panels ---------------------------------------------------------
    "把实施方案变成可校验的 YAML，汇总各单位季度报送，生成公文格式的进展报告。": (
        "Turn an implementation plan into YAML that can be checked, consolidate the units'"
        " quarterly submissions, and write progress reports as official documents."
    ),
    "显示版本后退出。": "Show the version and exit.",
    "所有输出的语言：zh（默认）或 en；也可用环境变量 ZZGZN_LANG 或英文 locale。": (
        "Language of all output: zh (default) or en; also $ZZGZN_LANG or an English locale."
    ),
    "新活动": "New campaign",
    "校验（CI）": "Checks (CI)",
    "各单位填报": "For the units",
    "跟踪与催报": "Tracking and reminders",
    "报告与汇总": "Reports and summaries",
    # --- options many commands share ----------------------------------------------------
    "仓库根目录（含 plan/ 与 submissions/）；默认从当前文件夹向上查找。": (
        "The repository's root (holding plan/ and submissions/); by default the first folder"
        " upwards from here that holds plan/."
    ),
    "所有输出的语言：zh（默认）或 en。": "Language of all output: zh (default) or en.",
    "把“今天”设为此日期（也可用环境变量 ZZGZN_TODAY）。": (
        'Take this date as "today" (also $ZZGZN_TODAY).'
    ),
    "不使用缓存（.zzgzn_cache/），每个文件都重新检查。": (
        "Do not use the cache (.zzgzn_cache/): check every file again."
    ),
    "只输出问题和错误：不显示进度条、统计和“已生成”等提示。": (
        'Print problems and errors only: no progress bar, counts or "written" lines.'
    ),
    "终端上输出什么：text（默认，给人看）或 json（生成结果的摘要，给程序用）。": (
        "What to print: text (default, for people) or json (a summary of the result, for programs)."
    ),
    "输出文件或文件夹（默认 reports/）。": "Output file or folder (default reports/).",
    "写入文件：.md 或 .docx（公文格式）；默认或 - 显示在屏幕上。": (
        "Write to a file: .md, or .docx (an official document); by default, or with -, print it."
    ),
    "text 或 json。": "text or json.",
    "md（默认）或 json。": "md (default) or json.",
    # --- init ---------------------------------------------------------------------------
    "建立一个新的活动仓库：plan/（方案数据，可由原文起草）、submissions/、CI 工作流、\n"
    ".gitattributes、pre-commit 配置和说明。推断出的值标有“待核对”。": (
        "Create a new campaign repository: plan/ (the plan as data, optionally drafted from"
        " its text), submissions/, the CI workflow, .gitattributes, a pre-commit config and a"
        " README. Values that were inferred are marked 待核对 (to review)."
    ),
    "新活动仓库的文件夹（须为新的或空的）。": (
        "Folder of the new campaign repository (new or empty)."
    ),
    "文件夹": "FOLDER",
    "方案原文（.docx 或 .txt，按“一、（一）1.责任单位：”编排）：据此起草 plan/。": (
        "The plan's text (.docx or .txt, numbered 一、（一）1. with 责任单位： lines):"
        " plan/ is drafted from it."
    ),
    "发文机关（原文通常不写）。": "The issuing office (the text rarely says).",
    # --- validate, schema, codeowners ---------------------------------------------------
    "校验方案（plan/）和报送文件（submissions/），列出每个问题的位置和修改提示。\n\n"
    "退出码：0 全部通过（可有警告），1 发现错误，2 用法错误。": (
        "Check the plan (plan/) and the submissions (submissions/): every problem with its"
        " place and a hint.\n\nExit codes: 0 all pass (warnings allowed), 1 errors found,"
        " 2 usage error."
    ),
    "只检查这些文件或文件夹（默认：plan/ 与 submissions/ 全部）。": (
        "Check only these files or folders (default: all of plan/ and submissions/)."
    ),
    "输出格式：auto（默认：在 GitHub Actions 中为 github，否则 text）、text、json、"
    "github（工作流注释）。": (
        "Output format: auto (default: github under GitHub Actions, text otherwise), text,"
        " json, github (workflow annotations)."
    ),
    "拉取请求检查：只校验相对此版本（如 origin/main）改动的报送，并检查改动范围。": (
        "Pull-request check: validate only what changed since this revision (e.g."
        " origin/main), and what the change touches."
    ),
    "并行进程数（默认 0：按本机 CPU 核数；文件多时才启用）。": (
        "Parallel processes (default 0: one per CPU core, used only for many files)."
    ),
    "拉取请求的提交者（GitHub 账号，工作流传入 github.actor）：与 units.yaml 中登记的 "
    "github_users 比对，他人修改本单位的文件即报错。": (
        "The pull request's author (a GitHub account; the workflow passes github.actor):"
        " compared with github_users in units.yaml, so anyone else changing a unit's files"
        " fails."
    ),
    "生成方案和报送文件的 JSON Schema，供 VS Code 等编辑器自动补全和检查。": (
        "Write JSON Schemas of the plan and the submissions, for completion and checks in"
        " editors such as VS Code."
    ),
    "输出文件夹（默认 schemas/）。": "Output folder (default schemas/).",
    "只检查 schemas/ 是否与方案一致（用于 CI）。": (
        "Only check that schemas/ matches the plan (for CI)."
    ),
    "按单位名录（units.yaml 的 github）生成 .github/CODEOWNERS：报送须经本单位审核。": (
        "Write .github/CODEOWNERS from the unit registry (github in units.yaml): each unit"
        " reviews its own submissions."
    ),
    "只检查 .github/CODEOWNERS 是否与单位名录一致（用于 CI）。": (
        "Only check that .github/CODEOWNERS matches the unit registry (for CI)."
    ),
    # --- workbooks and forms ------------------------------------------------------------
    "把填好的工作簿写成报送文件 submissions/<季度>/<单位代码>.yaml，并按通常的规则校验。\n\n"
    "每个问题都指明工作表和单元格（如 工作表“1.2 完善尊崇措施” C7）。有错误时不写文件；\n"
    "已有内容不同的报送文件时不改写，除非加 --force。"
    "退出码：0 已写入或内容相同，1 有错误或未改写。": (
        "Write a filled-in workbook as the submission submissions/<quarter>/<unit>.yaml and"
        " validate it by the usual rules.\n\nEvery problem names its sheet and cell. Nothing is"
        " written while there are errors; an existing submission that says something else is"
        " replaced only with --force. Exit codes: 0 written or already the same, 1 errors or"
        " not replaced."
    ),
    "填好的工作簿（.xlsx），由 zzgzn new --format xlsx 或 zzgzn export 生成。": (
        "The filled-in workbook (.xlsx), made by zzgzn new --format xlsx or zzgzn export."
    ),
    "已有报送文件且内容不同时也改写（列出改了什么）。": (
        "Replace an existing submission that says something else (the changes are listed)."
    ),
    "问题的输出格式：text 或 json。": "Format of the problems: text or json.",
    "把报送文件导出为填好内容的工作簿，可在 WPS/Excel 中修改后用 zzgzn import 导回。": (
        "Export a submission as a filled-in workbook, to edit in WPS or Excel and bring back"
        " with zzgzn import."
    ),
    "报送文件，如 submissions/2020Q2/<单位代码>.yaml。": (
        "The submission, e.g. submissions/2020Q2/<unit>.yaml."
    ),
    "导出格式：xlsx（工作簿）。": "Export format: xlsx (a workbook).",
    "输出文件或文件夹（默认当前文件夹的 单位代码-季度.xlsx）。": (
        "Output file or folder (default <unit>-<quarter>.xlsx here)."
    ),
    "生成浏览器填报页 site/fill/<单位代码>.html：不装软件、不用 git，在浏览器里填写，\n\n"
    "生成 zzgzn validate 可直接通过的报送文件"
    "（复制、下载，或在 GitHub/Gitea/GitLab 上直接新建）。": (
        "Write browser forms site/fill/<unit>.html: filled in a browser, no software and no"
        " git,\n\nthey produce a submission zzgzn validate accepts (copy, download, or create it"
        " on GitHub, Gitea or GitLab directly)."
    ),
    "输出文件夹（默认 site/fill/）。": "Output folder (default site/fill/).",
    "季度（默认：截止日期未过的第一个季度）。": (
        "Quarter (default: the first one whose deadline has not passed)."
    ),
    "只生成这些单位的页面（可写多次）。": "Only these units' pages (may be repeated).",
    # --- new, fix -----------------------------------------------------------------------
    "生成本单位的报送文件模板：季度报送只列本单位负责的任务（区局列出全部任务），\n"
    "或工作方案、评估总结等材料；--editorial 生成处室的季度编审文件；--format xlsx 生成同样内容的\n"
    "WPS/Excel 填报表。": (
        "Write a unit's submission template: a quarterly one lists the unit's own tasks"
        " (district bureaus get all tasks), or a document such as the work plan or the"
        " evaluation; --editorial writes the office's editorial file for the quarter;"
        " --format xlsx the same as a WPS/Excel workbook."
    ),
    "季度（2020Q2、Q2 等），或方案要求的材料：work-plan（工作方案）、"
    "evaluation（评估总结），见 plan/obligations.yaml。": (
        "A quarter (2020Q2, Q2 …), or a document the plan asks for: work-plan, evaluation;"
        " see plan/obligations.yaml."
    ),
    "季度或材料": "QUARTER-OR-DOCUMENT",
    "单位代码，见 zzgzn plan。": "The unit's code, see zzgzn plan.",
    "处室用：生成该季度报告的编审文件 editorial/<季度>.yaml（附本季度情况供参考）。": (
        "For the office: write the quarter's editorial file editorial/<quarter>.yaml (with"
        " the quarter's facts as comments)."
    ),
    "yaml（默认，写入 submissions/）或 xlsx（WPS/Excel 填报表）。": (
        "yaml (default, written into submissions/) or xlsx (a WPS/Excel workbook)."
    ),
    "xlsx 的输出文件或文件夹（默认 单位代码-季度.xlsx）。": (
        "Output file or folder of the xlsx (default <unit>-<quarter>.xlsx)."
    ),
    "自动修复常见问题：GBK/UTF-16/BOM 编码、CRLF、Tab 缩进、全角数字、日期和季度的写法。\n\n"
    "保留注释和字段顺序；先写临时文件再替换，不会损坏原文件。": (
        "Repair common mistakes: GBK/UTF-16/BOM encodings, CRLF, tab indentation, full-width"
        " digits, how dates and quarters are written.\n\nComments and key order are kept; a"
        " temporary file replaces the original, so it is never left half-written."
    ),
    "要修复的文件或文件夹。": "Files or folders to repair.",
    "只检查不修改：有需要修复的文件时退出码为 1（用于 CI）。": (
        "Check only, change nothing: exit code 1 when a file needs repairs (for CI)."
    ),
    "text（默认）或 json：每个需要修复的文件的路径、改动和差异（--check 时不写回）。": (
        "text (default) or json: each file needing repairs with its path, changes and diff"
        " (nothing written with --check)."
    ),
    # --- status, remind, deadlines, plan ------------------------------------------------
    "各单位各季度的报送情况（按时、逾期 N 个工作日、未报送、未到期、未审核）和距截止的工作日数，\n"
    "以及其他工作要求：联络员、工作方案、典型案例、评估总结。": (
        "Every unit's submissions per quarter (on time, N working days late, not reported,"
        " not yet due, not approved) and the working days left to the deadline, and the other"
        " requirements: liaisons, work plans, typical cases, evaluations."
    ),
    "只看这个季度（默认：活动开始至今的每个季度）。": (
        "Only this quarter (default: every quarter since the campaign began)."
    ),
    "生成催报通知：未报送和逾期单位及其联络员、电话，未审核的报送，以及逾期未完成的其他工作\n"
    "要求（联络员、工作方案、评估总结等），可直接粘贴发送。": (
        "Write a reminder: units that have not reported or are late, with their liaisons and"
        " phones, unapproved submissions, and other requirements overdue (liaisons, work"
        " plans, evaluations …), ready to paste and send."
    ),
    "季度：2020Q2、Q2 等。": "Quarter: 2020Q2, Q2 …",
    "text（纯文本，便于粘贴到消息）、md，或 json（要催的单位、联络员和电话，给程序用）。": (
        "text (plain, to paste into a message), md, or json (the units to chase, liaisons and"
        " phones, for programs)."
    ),
    "列出活动期间每个季度的结束日期和报送截止日期（按中国法定工作日计算）。": (
        "List each quarter's end and reporting deadline in the campaign (counted in Chinese"
        " official working days)."
    ),
    "显示方案：各部分、任务及牵头和配合单位。": (
        "Show the plan: its parts, tasks, and their lead and co-operating units."
    ),
    "text（树状）或 json。": "text (a tree) or json.",
    # --- report, summary, cases, diff, templates, site ----------------------------------
    "汇总一个季度的报送：进展情况报告（汇总、归并）和各单位进展情况汇编（全文），\n"
    "Markdown 和公文格式（GB/T 9704-2012）的 Word。": (
        "Consolidate a quarter's submissions: the progress report (totals, merged) and the"
        " compilation of every unit's submission (in full), as Markdown and as Word in the"
        " official layout (GB/T 9704-2012)."
    ),
    "季度：2020Q2、2020-Q2、Q2 或 2020年第二季度。": (
        "Quarter: 2020Q2, 2020-Q2, Q2 or 2020年第二季度."
    ),
    "输出格式，可重复：md、docx（默认两种都生成）。": (
        "Output format, may be repeated: md, docx (default both)."
    ),
    "跳过未通过校验的文件，并在报告开头列出。": (
        "Leave out files that do not pass validation, and list them at the report's top."
    ),
    "只生成其中一份，可重复：main（进展情况报告）、compilation（各单位进展情况汇编）。": (
        "Write only one of them, may be repeated: main (the progress report), compilation"
        " (every unit's submission)."
    ),
    "评估总结：逐季度进展、停滞任务、方案成果、考核评分、典型案例，附图表和 Excel。": (
        "The campaign's evaluation: progress quarter by quarter, stalled tasks, the plan's"
        " deliverables, scores, typical cases, with charts and an Excel workbook."
    ),
    "季度范围，如 2020Q2..2020Q4（默认：开始至今的全部季度）。": (
        "Range of quarters, e.g. 2020Q2..2020Q4 (default: every quarter so far)."
    ),
    "md、docx、xlsx，可重复（默认全部）。": "md, docx, xlsx, may be repeated (default all).",
    "典型案例汇编：各季度报送的典型案例和经验做法，注明单位、季度和任务。": (
        "The typical cases and good practice reported each quarter, with unit, quarter and task."
    ),
    "只看这项任务，如 1.2。": "Only this task, e.g. 1.2.",
    "只看这个单位（单位代码）。": "Only this unit (its code).",
    "只看这个季度。": "Only this quarter.",
    "md（默认）或 json（案例列表，供其他程序使用）。": (
        "md (default) or json (the list of cases, for programs)."
    ),
    "两个季度对比：逐项任务列出状态变化、首次报送进展的单位、"
    "再次提出的问题、上季度打算本季度未提及的。": (
        "Compare two quarters task by task: status changes, units reporting progress for the"
        " first time, problems raised again, plans of last quarter not mentioned this one."
    ),
    "较早的季度，如 2020Q2。": "The earlier quarter, e.g. 2020Q2.",
    "较晚的季度，如 2020Q3。": "The later quarter, e.g. 2020Q3.",
    "列出报告模板及当前生效的版本；--copy 把内置模板复制到本仓库 templates/ 中修改。": (
        "List the report templates and which version is in use; --copy copies a built-in"
        " template into this repository's templates/ to edit."
    ),
    "把内置模板复制到 templates/ 以便修改（可重复）。": (
        "Copy a built-in template into templates/ to edit it (may be repeated)."
    ),
    "生成静态网站：各单位各季度报送情况表、每个单位和每项任务一页、报告链接；不需联网，\n"
    "可直接用浏览器打开 site/index.html，或放到内网服务器、GitHub Pages 上。": (
        "Build the static site: the submissions board, a page per unit and per task, links to"
        " the reports; works offline: open site/index.html in a browser, or serve it on an"
        " intranet or GitHub Pages."
    ),
    "输出文件夹（默认 site/），整个替换。": "Output folder (default site/), replaced whole.",
    # --- forward and trace (up the chain of campaigns) -----------------------------------
    "上级活动的仓库（本机的克隆），或它的 plan/ 文件夹（这时须给 -o）。": (
        "The parent campaign's repository (a local clone), or its plan/ folder (then -o is needed)."
    ),
    "转报文件写到哪里（默认上级仓库的 submissions/<季度>/<本单位代码>.yaml）。": (
        "Where the forwarded file goes (default: the parent repository's"
        " submissions/<quarter>/<this unit's code>.yaml)."
    ),
    "目标位置已有不是由 zzgzn forward 生成的文件时，也以本次汇总替换。": (
        "Replace a file at the target even when zzgzn forward did not write it."
    ),
    (
        "把本活动一个季度的汇总写成给上级活动的报送文件（按 plan/plan.yaml 的 parent:\n"
        "对应任务和数据），写入前按上级方案校验；文件注明来源（provenance）。"
        "上级季度已封存时自动附更正记录。"
    ): (
        "Write this campaign's consolidated quarter as its submission to the parent campaign"
        " (tasks and figures mapped by plan/plan.yaml's parent:), validated against the"
        " parent's plan before it is written; the file states where it came from"
        " (provenance). Into a quarter the parent has closed, an amendment record is added."
    ),
    "任务编号，如 1.2。": "A task number, such as 1.2.",
    "数据名称，与方案中该任务 metrics 的 name 一致。": (
        "The figure's name, as the task's metrics in the plan name it."
    ),
    "下级活动的仓库（本机的克隆），可重复：给出几级就向下追溯几级。": (
        "A child campaign's repository (a local clone); repeat it to follow as many levels"
        " down as you give."
    ),
    (
        "把本季度报告中某项任务的一个合计数逐级追溯到下级各单位的报送文件：\n"
        "由 zzgzn forward 转报的文件按其来源（provenance）继续向下，直到各单位自己填写的文件。"
    ): (
        "Follow one total of a task in this quarter's report down to the units' files below:"
        " files written by zzgzn forward are followed by their provenance, level by level,"
        " to the files people wrote."
    ),
    (
        "报送周期：monthly 按月、quarterly 按季度、half-yearly 按半年、yearly 按年"
        "（默认按原文，原文没写时按季度）。"
    ): (
        "Reporting cycle: monthly, quarterly, half-yearly or yearly (default: as the text says,"
        " quarterly where it says nothing)."
    ),
    "催报通知（及 json 中 message）的语言：zh 或 en；默认按方案"
    "（plan/plan.yaml 的 language，未写为 zh），与 --lang（终端输出的语言）无关。": (
        "Language of the notice (and of the messages in its json): zh or en; by default the"
        " plan's (language in plan/plan.yaml, zh if unset), whatever --lang (the terminal's"
        " language) says."
    ),
    "报告的语言：zh 或 en；默认按方案（plan/plan.yaml 的 language，未写为 zh），"
    "与 --lang（终端输出的语言）无关。": (
        "Language of the documents: zh or en; by default the plan's (language in"
        " plan/plan.yaml, zh if unset), whatever --lang (the terminal's language) says."
    ),
}
