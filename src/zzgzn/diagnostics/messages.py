"""Every diagnostic's wording, in Chinese (the default) and English, keyed by its stable code.

Codes are part of the public interface (CI scripts filter on them): add, never rename.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import NamedTuple


class Text(NamedTuple):
    zh: str
    en: str
    hint_zh: str
    hint_en: str


FIX = "运行 zzgzn fix {path} 可自动修复"
FIX_EN = "`zzgzn fix {path}` repairs this"

CATALOG: dict[str, Text] = {
    # --- reading the file -------------------------------------------------------------
    "file-unreadable": Text(
        "无法读取文件：{reason}",
        "cannot read the file: {reason}",
        "检查文件是否存在、是否有读取权限",
        "check that the file exists and is readable",
    ),
    "file-too-large": Text(
        "文件过大（{size} 字节，上限 {limit} 字节）",
        "file too large ({size} bytes, limit {limit})",
        "{advice}",
        "{advice}",
    ),
    "encoding": Text(
        "文件编码是 {encoding}，不是 UTF-8",
        "the file is encoded in {encoding}, not UTF-8",
        FIX + "；或在 WPS/记事本中“另存为”并选择 UTF-8 编码",
        FIX_EN + ", or save it again as UTF-8 in your editor",
    ),
    "mixed-encoding": Text(
        "文件混用了两种编码：第 {utf8_lines} 行是 UTF-8，"
        "第 {other_lines} 行是另一种编码（多为 GBK）",
        "the file mixes two encodings: lines {utf8_lines} are UTF-8, lines {other_lines} "
        "another (usually GBK)",
        "zzgzn fix 不会改写这样的文件（会把一部分变成乱码）：在 WPS/记事本中重新输入或粘贴这些行，"
        "整个文件另存为 UTF-8",
        "zzgzn fix leaves such a file alone (it would garble one part): retype or paste those "
        "lines again and save the whole file as UTF-8",
    ),
    "bom": Text(
        "文件以 BOM（字节顺序标记）开头",
        "the file starts with a byte-order mark (BOM)",
        FIX + "；或另存为“UTF-8（无 BOM）”",
        FIX_EN + ", or save it as UTF-8 without BOM",
    ),
    "crlf": Text(
        "文件使用 Windows 换行符（CRLF）", "the file uses Windows line endings (CRLF)", FIX, FIX_EN
    ),
    "binary": Text(
        "这不是文本文件（含有二进制内容）",
        "this is not a text file (binary content)",
        "报送文件必须是 .yaml 文本；Word 附件请不要放进 submissions/",
        "submissions must be .yaml text; keep Word attachments out of submissions/",
    ),
    "control-char": Text(
        "文本中含有不可见的控制字符 U+{codepoint}",
        "the text contains control character U+{codepoint}",
        "多半是从 Word 复制时带入的；删除该字符后重新保存",
        "usually pasted from Word; delete the character and save again",
    ),
    # --- YAML syntax ------------------------------------------------------------------
    "syntax": Text(
        "YAML 格式错误：{detail}",
        "YAML syntax error: {detail}",
        "检查这一行及上一行的冒号、引号和缩进",
        "check the colon, quotes and indentation here and on the line above",
    ),
    "tab-indent": Text(
        "用了制表符（Tab）缩进",
        "a tab is used for indentation",
        "YAML 只能用空格缩进；" + FIX,
        "YAML indents with spaces only; " + FIX_EN,
    ),
    "unclosed-quote": Text(
        "引号没有闭合（从第 {start_line} 行开始）",
        "a quote is never closed (opened on line {start_line})",
        "在第 {start_line} 行的文字末尾补上配对的引号",
        "add the closing quote at the end of the text on line {start_line}",
    ),
    "bad-indent": Text(
        "缩进不对齐，或值中含有未加引号的冒号",
        "indentation does not line up, or a value holds an unquoted colon",
        "同一层的字段要左对齐，子项比父项多缩进两个空格；值中有“: ”时给整个值加引号",
        'keys at one level line up, children two spaces further in; quote a value that holds ": "',
    ),
    "needs-quotes": Text(
        "值不能以“{char}”开头，除非加引号",
        'a value cannot start with "{char}" unless quoted',
        '给整个值加引号，例如 unit: "%"',
        'quote the whole value, e.g. unit: "%"',
    ),
    "duplicate-key": Text(
        "字段“{key}”重复出现（第一次在第 {first_line} 行）",
        'key "{key}" appears twice (first on line {first_line})',
        "合并两处内容，只保留一个“{key}”",
        'merge the two and keep a single "{key}"',
    ),
    "yaml-tag": Text(
        "不允许使用 YAML 标签 {tag}",
        "YAML tag {tag} is not allowed",
        "删除以 ! 开头的标签，只写普通文字",
        "remove the tag starting with !; write plain values",
    ),
    "alias-limit": Text(
        "锚点/别名展开后内容过多（超过 {limit} 个节点）",
        "anchors and aliases expand to too much (over {limit} nodes)",
        "报送文件不需要 & 和 * 引用；请直接写出内容",
        "submissions need no & anchors or * aliases; write the content out",
    ),
    "too-many-nodes": Text(
        "文件内容过多（超过 {limit} 个值）",
        "the file holds too much (over {limit} values)",
        "一个单位一次报送远用不了这么多字段；请检查是否误粘贴了大量内容",
        "one unit's submission never needs this many; look for content pasted by mistake",
    ),
    "too-deep": Text(
        "嵌套层数过深（超过 {limit} 层）",
        "nesting is too deep (over {limit} levels)",
        "检查缩进是否被意外加深",
        "check whether indentation grew by accident",
    ),
    "multiple-documents": Text(
        "一个文件里有多个 YAML 文档（---）",
        "the file holds more than one YAML document (---)",
        "一个文件只写一份报送；删除多余的 --- 及其后的内容或拆成单独文件",
        "one submission per file; remove the extra --- or split the file",
    ),
    "empty-file": Text(
        "文件是空的（或只有注释）",
        "the file is empty (or holds only comments)",
        "运行 zzgzn new 生成填报模板",
        "run `zzgzn new` to get a template to fill in",
    ),
    "not-mapping": Text(
        "文件顶层应为“字段: 值”的映射，实际是{actual}",
        "the top level must be a mapping of keys, not {actual}",
        "参照 README 中的完整示例，从 unit: 开始逐行填写",
        "follow the complete example in the README, starting with unit:",
    ),
    "complex-key": Text(
        "字段名必须是简单文字",
        "keys must be plain text",
        "删除字段名中的 [ ] { } 或 ?",
        "remove [ ] { } or ? from the key",
    ),
    "ambiguous-scalar": Text(
        "“{value}”在不同工具中含义不同（可能被读成{reading}）",
        '"{value}" means different things to different tools (it may be read as {reading})',
        '如果这是文字，请加引号写成 "{value}"',
        'if it is text, quote it: "{value}"',
    ),
    # --- schema -----------------------------------------------------------------------
    "unknown-key": Text(
        "未知字段“{key}”{suggestion}",
        'unknown key "{key}"{suggestion}',
        "可用字段：{allowed}",
        "allowed keys: {allowed}",
    ),
    "missing-field": Text(
        "缺少必填字段“{field}”",
        'required key "{field}" is missing',
        "在此处添加“{field}: …”",
        'add "{field}: …" here',
    ),
    "empty-value": Text(
        "“{field}”还没有填写",
        '"{field}" is still empty',
        "填写内容后再提交；不适用的任务可以整段删除",
        "fill it in before submitting; delete a task that does not apply",
    ),
    "wrong-type": Text(
        "“{field}”应为{expected}，实际是{actual}",
        '"{field}" must be {expected}, not {actual}',
        "{type_hint}",
        "{type_hint}",
    ),
    "out-of-range": Text(
        "“{field}”的值 {value} 超出范围（应 {bound}）",
        '"{field}" is {value}, out of range (must be {bound})',
        "改为范围内的数",
        "use a number within the range",
    ),
    "too-few-items": Text(
        "“{field}”至少要有 {min} 项，现在是空的",
        '"{field}" needs at least {min} item(s) but is empty',
        "在列表中填写至少 {min} 项",
        "list at least {min} item(s) here",
    ),
    "task-unfilled": Text(
        "任务 {task} 还没有填写（{fields}）",
        "task {task} is not filled in yet ({fields})",
        "填写进展情况和状态；区局不涉及的任务可以整段删除",
        "fill in its status and narrative; a district may delete a task it does not do",
    ),
    "invalid-value": Text(
        "“{field}”的值“{value}”无效",
        '"{field}" has an invalid value "{value}"',
        "可选值：{allowed}",
        "allowed values: {allowed}",
    ),
    "date-format": Text(
        "日期“{value}”的写法不对",
        'date "{value}" is not written as YYYY-MM-DD',
        "写成 {suggestion}（年-月-日）；" + FIX,
        "write {suggestion} (year-month-day); " + FIX_EN,
    ),
    "date-unreadable": Text(
        "无法识别日期“{value}”",
        'cannot read the date "{value}"',
        "写成 年-月-日，例如 2020-07-06",
        "write year-month-day, e.g. 2020-07-06",
    ),
    "date-ambiguous": Text(
        "日期“{value}”看不出哪个是月、哪个是日",
        'date "{value}" does not say which number is the month',
        "写成 年-月-日，例如 2020-07-06",
        "write year-month-day, e.g. 2020-07-06",
    ),
    "impossible-date": Text(
        "日期“{value}”不存在",
        'date "{value}" does not exist',
        "检查月份和日期（例如 2 月没有 30 日）",
        "check month and day (February has no 30th)",
    ),
    "fullwidth": Text(
        "“{value}”中有全角字符",
        '"{value}" contains full-width characters',
        "写成半角“{suggestion}”；" + FIX,
        'write "{suggestion}" in half-width characters; ' + FIX_EN,
    ),
    "bad-quarter": Text(
        "无法识别的{kind}“{value}”",
        'unrecognised {kind} "{value}"',
        "写成 {example} 这样的形式",
        "write it like {example}",
    ),
    "period-key": Text(
        "本活动按{kind}报送，报送期写作 period，不是 quarter",
        "this campaign reports by {kind}: the period is written period, not quarter",
        "把“quarter:”改为“period:”",
        'write "period:" instead of "quarter:"',
    ),
    "bad-version": Text(
        "版本号“{value}”格式不对",
        'version "{value}" is not a semantic version',
        "写成 1.0.0 这样的形式（加引号）",
        'write it like "1.0.0" (quoted)',
    ),
    # --- cross-file rules -------------------------------------------------------------
    "unknown-unit": Text(
        "单位“{unit}”不在单位名录中{suggestion}",
        'unit "{unit}" is not in the unit registry{suggestion}',
        "单位代码见 plan/units.yaml 或运行 zzgzn plan",
        "see plan/units.yaml or run `zzgzn plan` for unit ids",
    ),
    "unknown-task": Text(
        "任务“{task}”在方案中不存在",
        'task "{task}" is not in the plan',
        "任务编号见 zzgzn plan，例如 1.2",
        "see `zzgzn plan` for task numbers, e.g. 1.2",
    ),
    "task-not-owned": Text(
        "{unit_name}不是任务 {task}（{title}）的责任单位",
        "{unit_name} is not responsible for task {task} ({title})",
        "只填报本单位负责的任务；如方案调整，请先修改 plan/",
        "report only your own tasks; if the plan changed, update plan/ first",
    ),
    "duplicate-task": Text(
        "任务 {task} 在本文件中出现了两次（第一次在第 {first_line} 行）",
        "task {task} appears twice in this file (first on line {first_line})",
        "把两处内容合并到一个条目中",
        "merge the two entries into one",
    ),
    "unknown-deliverable": Text(
        "任务 {task} 没有名为“{deliverable}”的成果",
        'task {task} has no deliverable "{deliverable}"',
        "可选：{allowed}",
        "choose from: {allowed}",
    ),
    "editorial-quarter-mismatch": Text(
        "文件名是 {name}.yaml，但 quarter 写的是 {quarter}",
        "the file is named {name}.yaml but quarter says {quarter}",
        "编审文件应为 editorial/<报送期>.yaml（如 2024Q2、2024-03），"
        "与文件中的 quarter 或 period 一致",
        "an editorial file is editorial/<period>.yaml (2024Q2, 2024-03 …), agreeing with its"
        " quarter or period",
    ),
    "editorial-unknown-case": Text(
        "典型案例“{title}”不在{this}报送的案例中{suggestion}",
        'no typical case titled "{title}" was reported {this}{suggestion}',
        "照《各单位进展情况汇编》中的案例标题填写（标点可以不同）",
        "copy the title from the compilation (punctuation may differ)",
    ),
    "metric-name": Text(
        "任务 {task}：数据“{name}”与统计口径“{declared}”相近，是不是想写“{declared}”？",
        'task {task}: metric "{name}" is close to the declared "{declared}"; did you mean it?',
        "按方案的统计口径填写名称“{declared}”（单位{unit}），否则这个数不计入合计",
        'write the declared name "{declared}" (in {unit}), or the figure stays out of the total',
    ),
    "metric-unit": Text(
        "任务 {task}：数据“{name}”的单位写的是“{written}”，统计口径是“{declared}”",
        'task {task}: metric "{name}" is in "{written}", the plan declares "{declared}"',
        "换算成“{declared}”填写；单位不同的数不计入合计（例如户和人次不能相加）",
        'convert it to "{declared}"; a figure in another unit is never added (户 and 人次 differ)',
    ),
    "unit-mismatch": Text(
        "文件名是 {file_unit}，但 unit 写的是 {unit}",
        "the file is named {file_unit} but unit says {unit}",
        "文件名应为 <单位代码>.yaml，与 unit 一致",
        "name the file <unit-id>.yaml, matching unit",
    ),
    "quarter-mismatch": Text(
        "文件在 {folder} 文件夹，但 {key} 写的是 {quarter}",
        "the file is in folder {folder} but {key} says {quarter}",
        "把文件移到 submissions/{quarter}/，或改正 {key}",
        "move it to submissions/{quarter}/ or correct {key}",
    ),
    "quarter-outside-window": Text(
        "{quarter} 不在活动期间（{start} 至 {end}）内",
        "{quarter} is outside the activity ({start} to {end})",
        "运行 zzgzn deadlines 查看需要报送的{kind}",
        "run `zzgzn deadlines` for the {kind}s to report",
    ),
    "plan-version-mismatch": Text(
        "按方案 {version} 填报，但当前方案是 {current}",
        "written for plan {version}, but the plan is {current}",
        "把 plan_version 改为 {current}，并核对任务是否有变化",
        "set plan_version to {current} and check whether tasks changed",
    ),
    "duplicate-submission": Text(
        "{unit} 在 {quarter} 已有报送文件 {other}",
        "{unit} already has a submission for {quarter}: {other}",
        "每个单位{each}只保留一个文件",
        "keep one file per unit per {each}",
    ),
    "bad-filename": Text(
        "文件名“{name}”不是有效的单位代码",
        'file name "{name}" is not a valid unit id',
        "文件名用单位代码：submissions/<{kind}>/<单位代码>.yaml，代码见 plan/units.yaml",
        "name it by unit id: submissions/<{kind}>/<unit id>.yaml (ids in plan/units.yaml)",
    ),
    "bad-folder": Text(
        "报送文件应放在{kind}文件夹中（如 submissions/{example}/）",
        "submissions belong in a {kind} folder (e.g. submissions/{example}/)",
        "把文件移到对应{kind}的文件夹",
        "move the file into its {kind}'s folder",
    ),
    "submitted-early": Text(
        "报送日期 {date} 早于{kind}结束（{end}）",
        "submitted on {date}, before the {kind} ends ({end})",
        "核对 submitted_on 的日期",
        "check submitted_on",
    ),
    "submitted-future": Text(
        "报送日期 {date} 晚于今天（{today}）",
        "submitted on {date}, which is after today ({today})",
        "核对 submitted_on 的日期",
        "check submitted_on",
    ),
    "no-such-file": Text(
        "文件不存在",
        "there is no such file",
        "检查路径和文件名（相对于当前文件夹）；报送文件在 submissions/<报送期>/<单位代码>.yaml"
        "（报送期如 2024Q2、2024-03）",
        "check the path and the name (relative to the current folder); submissions are"
        " submissions/<period>/<unit>.yaml (a period: 2024Q2, 2024-03 …)",
    ),
    "calendar-gap": Text(
        "报送日期 {date}：节假日日历中还没有 {year} 年的安排，无法计算逾期的工作日",
        "submitted on {date}: the holiday calendar has no table for {year}, so working days "
        "late cannot be counted",
        "核对 submitted_on；日期无误时，由办公室在 plan/calendar.yaml 中补充 {year} 年的放假和调休"
        "日期并写入 complete_years",
        "check submitted_on; if it is right, the office adds {year} to plan/calendar.yaml "
        "(holidays, make-up days, complete_years)",
    ),
    "path-escape": Text(
        "路径指向 submissions/ 之外（{target}）",
        "the path leads outside submissions/ ({target})",
        "不要在 submissions/ 中放符号链接；复制文件本身",
        "do not put links in submissions/; copy the file itself",
    ),
    "ignored-file": Text(
        "已忽略非 YAML 文件",
        "ignored a file that is not YAML",
        "submissions/ 只放 .yaml 报送文件；附件请另行发送",
        "submissions/ holds .yaml files only; send attachments separately",
    ),
    "task-missing": Text(
        "本单位负责的任务 {tasks} 没有填报",
        "your unit's tasks {tasks} are not reported",
        "每项负责的任务都要填报，{this}未开展的填 status: not_started 并说明原因",
        "report every task you own; one not started {this} gets status not_started and why",
    ),
    "no-tasks": Text(
        "没有填报任何任务",
        "no task is reported",
        "在 tasks 下至少填写一项本单位负责的任务",
        "report at least one of your unit's tasks under tasks",
    ),
    # --- sign-off and closed quarters --------------------------------------------------
    "no-approver": Text(
        "没有审核人（approved_by），这份报送还不是正式报送",
        "no approver (approved_by): this submission is not final yet",
        "单位负责人审核后，在文件末尾加一行 approved_by: {{name: 姓名, post: 职务}}",
        "once the unit's head has approved it, "
        "add approved_by: {{name: ..., post: ...}} at the end",
    ),
    "no-filler": Text(
        "没有填报人（filled_by）",
        "no one is named as having filled it in (filled_by)",
        "在文件末尾加一行 filled_by: {{name: 姓名, post: 职务}}",
        "add filled_by: {{name: ..., post: ...}} at the end of the file",
    ),
    "frozen-unrecorded-change": Text(
        "{quarter} 的报告已于 {frozen_on} 生成，{this}已封存；"
        "这个文件此后被改动，但没有新增更正记录",
        "{quarter} ({this}) was closed when its report was generated on {frozen_on}; this"
        " file changed since, without a new amendment record",
        "在文件末尾的 amendments 下加一条：- {{date: 更正日期, by: 更正人, reason: 更正原因}}；"
        "或撤回这次改动",
        "add an entry under amendments: - {{date: ..., by: ..., reason: ...}}, or undo the change",
    ),
    "frozen-late-file": Text(
        "{quarter} 的报告已于 {frozen_on} 生成，{this}已封存；这个文件是此后新增的，但没有更正记录",
        "{quarter} ({this}) was closed when its report was generated on {frozen_on}; this"
        " file was added since, without an amendment record",
        "在文件末尾加上 amendments: [{{date: 报送日期, by: 报送人, reason: 补报原因}}]",
        "add amendments: [{{date: ..., by: ..., reason: why it comes late}}] at the end",
    ),
    "amendment-before-freeze": Text(
        "更正日期 {date} 早于{this}封存日期 {frozen_on}",
        "amendment dated {date}, before {this} was closed on {frozen_on}",
        "更正记录只用于报告生成之后的改动；写实际更正的日期",
        "amendments record changes after the report; give the day of the change",
    ),
    "amendment-future": Text(
        "更正日期 {date} 晚于今天（{today}）",
        "amendment dated {date}, after today ({today})",
        "写实际更正的日期",
        "give the day the change was made",
    ),
    # --- other obligations (plan/obligations.yaml) -------------------------------------
    "unknown-obligation-folder": Text(
        "submissions/{folder}/ 既不是{kind}文件夹，也不是方案规定的材料（{allowed}）",
        "submissions/{folder}/ is neither a {kind} nor a document the plan asks for ({allowed})",
        "{kind}报送放在 submissions/{example}/ 这样的文件夹；工作方案等材料放在对应的文件夹",
        "the reports for each {kind} go in folders like submissions/{example}/; documents in"
        " their own folder",
    ),
    "kind-mismatch": Text(
        "kind 写的是 {kind}，但文件在 submissions/{folder}/ 下",
        "kind says {kind} but the file is under submissions/{folder}/",
        "把 kind 改为 {folder}，或把文件移到 submissions/{kind}/",
        "set kind to {folder}, or move the file to submissions/{kind}/",
    ),
    "attachment-missing": Text(
        "附件 {attachment} 不在仓库中",
        "attachment {attachment} is not in the repository",
        "把附件（如 Word、PDF）放到这个路径后一起提交，或改正路径（相对仓库根目录）",
        "commit the attachment at this path, or correct the path (relative to the repository)",
    ),
    # --- pull requests (validate --changed-since) ------------------------------------
    "pr-multiple-units": Text(
        "本次改动涉及多个单位的报送文件（{units}）",
        "this change touches several units' submissions ({units})",
        "每个单位单独提交拉取请求，只改本单位的文件",
        "open one pull request per unit, with that unit's files only",
    ),
    "pr-mixed-plan": Text(
        "方案（plan/）的修改和报送文件混在同一次改动中",
        "a change to plan/ is mixed with submissions",
        "方案修改单独提交，由领导小组办公室审核",
        "send plan changes in a pull request of their own",
    ),
    "pr-moved-or-deleted": Text(
        "报送文件被{status}（{new}）",
        "a submission was {status} ({new})",
        "已报送的文件不能删除或移动；需要更正请直接修改文件内容",
        "never delete or move a submission; correct it in place",
    ),
    "pr-correction": Text(
        "{quarter} 的截止日期 {due} 已过，这是对已报送内容的更正",
        "{quarter} was due {due}: this corrects a submitted report",
        "可以合并，但请在拉取请求中说明更正的原因",
        "allowed; say in the pull request why it is corrected",
    ),
    "pr-late-submission": Text(
        "{quarter} 的截止日期 {due} 已过，将记为逾期报送",
        "{quarter} was due {due}: this submission is late",
        "尽快合并；逾期天数按合并日期计算",
        "merge it soon; lateness counts to the day it is merged",
    ),
    "pr-unrecorded-change": Text(
        "{quarter} 已封存（报告已生成），本次改动修改了这个文件，但没有新增更正记录",
        "{quarter} is closed (its report was generated); this change edits the file without "
        "adding an amendment record",
        "在文件末尾的 amendments 下为本次改动加一条："
        "- {{date: 更正日期, by: 更正人, reason: 更正原因}}",
        "add an entry under amendments for this change: - {{date: ..., by: ..., reason: ...}}",
    ),
    "pr-mixed-office": Text(
        "{kind}的修改和报送文件混在同一次改动中",
        "a change to {kind} is mixed with submissions",
        "报送文件的拉取请求只能包含本单位的报送文件；{kind}的修改单独提交，由领导小组办公室审核",
        "a unit's pull request holds its submission files only; send the change to {kind} "
        "on its own for the office's review",
    ),
    "pr-office-change": Text(
        "本次改动修改了{kind}：这是领导小组办公室的修改，CI 只检查数据，须由办公室审核",
        "this change edits {kind}: an office change, which CI cannot judge; the office "
        "must review it",
        "审核时逐行看差异：模板会在生成报告时执行，代码和工作流决定 CI 怎样检查",
        "read the diff: templates run when reports are made, code and workflow decide the checks",
    ),
    "pr-cache-file": Text(
        "zzgzn 的缓存（.zzgzn_cache/）不能提交到仓库",
        "zzgzn's cache (.zzgzn_cache/) must never be committed",
        "git rm -r --cached .zzgzn_cache 后重新提交；缓存只在本机有效，校验从不采信提交来的缓存",
        "run git rm -r --cached .zzgzn_cache and commit again; a committed cache is never trusted",
    ),
    "pr-not-a-file": Text(
        "这里是{what}，不是普通文件",
        "this is a {what}, not a plain file",
        "仓库中只放普通文件：删除{what}，把内容直接写进文件",
        "keep plain files only: replace the {what} by the file's content",
    ),
    "pr-bad-name": Text(
        "路径的大小写不对，应为 {expected}",
        "the path's case is wrong: it must be {expected}",
        "改为 {expected}：Windows、macOS 上两者是同一个文件，审核规则（CODEOWNERS）和 CI 的校验"
        "却只认小写的这个",
        "rename it {expected}: on Windows and macOS both are one file, but review rules "
        "(CODEOWNERS) and CI's checks know only this one",
    ),
    "pr-not-sender": Text(
        "{actor} 不能修改{unit}的报送文件（可以修改的账号：{users}）",
        "{actor} may not change the files of {unit} (allowed: {users})",
        "由本单位登记的账号提交；需要增加账号请在 plan/units.yaml 的 github_users 中登记",
        "send it from an account the unit lists; add accounts under github_users in units.yaml",
    ),
    "pr-frozen-reopened": Text(
        "本次改动删除或改写了封存记录，会重新打开已封存的{kind}：{quarters}",
        "this change deletes or rewrites the record of each closed {kind}, reopening: {quarters}",
        "封存记录只由 zzgzn report 写入：撤销对 plan/frozen.yaml 的修改；"
        "更正已封存的报送请加更正记录",
        "only zzgzn report writes it: revert the change; correct closed files with amendments",
    ),
    # --- the plan itself --------------------------------------------------------------
    "plan-missing": Text(
        "找不到方案文件 {name}",
        "plan file {name} is missing",
        "plan/ 需要 plan.yaml、units.yaml、schedule.yaml 和 sections/*.yaml",
        "plan/ needs plan.yaml, units.yaml, schedule.yaml and sections/*.yaml",
    ),
    "duplicate-id": Text(
        "编号“{id}”重复（第一次在 {first}）",
        'id "{id}" is used twice (first at {first})',
        "每个编号只能使用一次",
        "each id must be unique",
    ),
    "bad-github": Text(
        "GitHub 账号“{value}”不是一个用户（@名称）或团队（@组织/团队）",
        'GitHub handle "{value}" is not one user (@name) or team (@org/team)',
        "只写一个账号，例如 @example-user 或 @example-org/team；账号只含字母、数字和连字符",
        "write one handle, e.g. @example-user or @example-org/team (letters, digits, hyphens)",
    ),
    "bad-github-user": Text(
        "GitHub 用户名“{value}”格式不对",
        'GitHub login "{value}" is not valid',
        "只含字母、数字和单个连字符，最长 39 个字符，例如 example-user",
        "letters, digits and single hyphens, at most 39 characters, e.g. example-user",
    ),
    "bad-id": Text(
        "单位代码“{id}”只能由小写字母、数字和连字符组成",
        'unit id "{id}" may hold only lowercase letters, digits and hyphens',
        "例如 abc 或 abc-def2；代码会用作文件名",
        "e.g. abc or abc-def2; it becomes a file name",
    ),
    "bad-slug": Text(
        "代码“{id}”只能由小写字母、数字和连字符组成",
        'id "{id}" may hold only lowercase letters, digits and hyphens',
        "例如 evaluation 或 work-plan",
        "e.g. evaluation or work-plan",
    ),
    "due-rule": Text(
        "报送规则要写明一种截止办法，而且只写一种（现在：{given}）",
        "the reporting rule needs exactly one due rule (given: {given})",
        "三选一：due_working_days: 5（结束后第5个工作日）、due_day_of_next_month: 5（次月5日）、"
        "due_day_of_final_month: 25（最后一个月25日）",
        "one of: due_working_days: 5 (5th working day after the period), due_day_of_next_month:"
        " 5 (the 5th of the next month), due_day_of_final_month: 25 (the 25th of its last month)",
    ),
    "due-rest-day": Text(
        "on_rest_day 只用于按日期的截止（due_day_of_next_month、due_day_of_final_month）",
        "on_rest_day applies to a calendar-day rule only",
        "按工作日计算的截止本来就是工作日：删除 on_rest_day",
        "a deadline counted in working days is always one: remove on_rest_day",
    ),
    "task-numbering": Text(
        "任务编号 {id} 与所在部分 {section} 不符",
        "task id {id} does not belong to section {section}",
        "任务编号写成“部分.序号”，如 2.5",
        "number tasks section.position, e.g. 2.5",
    ),
    "phase-outside-activity": Text(
        "阶段“{name}”超出活动期间",
        'phase "{name}" falls outside the activity',
        "核对 schedule.yaml 中的日期",
        "check the dates in schedule.yaml",
    ),
    "date-order": Text(
        "结束日期 {end} 早于开始日期 {start}",
        "end {end} is before start {start}",
        "核对日期",
        "check the dates",
    ),
    "obligation-due": Text(
        "截止时间要写 date（日期）或 phase（阶段）之一",
        "a due time needs exactly one of date or phase",
        "例如 due: {{date: 2020-03-31}}，"
        "或 due: {{phase: mobilization, edge: end, working_days: 5}}",
        "e.g. due: {{date: 2020-03-31}} "
        "or due: {{phase: mobilization, edge: end, working_days: 5}}",
    ),
    "unknown-phase": Text(
        "没有阶段“{phase}”",
        'there is no phase "{phase}"',
        "可选：{allowed}（见 schedule.yaml 的 phases）",
        "choose one of {allowed} (phases in schedule.yaml)",
    ),
    "obligation-fulfilment": Text(
        "fulfilled_by 要写 registry、document、cases 中的一项",
        "fulfilled_by needs exactly one of registry, document or cases",
        "例如 fulfilled_by: {{document: work-plan}}",
        "e.g. fulfilled_by: {{document: work-plan}}",
    ),
    # --- workbooks (zzgzn import): cells that cannot be read -------------------------------
    "cell-formula": Text(
        "这一格是公式（{formula}），不是填写的值",
        "this cell holds a formula ({formula}), not an entered value",
        "把公式换成它的结果：复制这一格，再“选择性粘贴 → 数值”",
        "replace the formula by its result: copy the cell, then paste special → values",
    ),
    "cell-error": Text(
        "这一格显示错误值 {value}",
        "this cell shows the error value {value}",
        "删除这一格的内容后重新填写",
        "clear the cell and enter the value again",
    ),
    "cell-boolean": Text(
        "这一格是逻辑值 {value}，不是文字或数字",
        "this cell holds the logical value {value}, not text or a number",
        "删除后重新填写",
        "clear the cell and enter the value again",
    ),
    "cell-not-number": Text(
        "数值“{value}”不是数字",
        'the value "{value}" is not a number',
        "这一格只填数字（半角，如 126），单位写在右边一格",
        "enter digits only (e.g. 126); the unit goes in the cell to the right",
    ),
    "cell-fullwidth": Text(
        "“{value}”中有全角字符",
        '"{value}" holds full-width characters',
        "改为半角：{suggestion}",
        "use half-width characters: {suggestion}",
    ),
    "cell-date-serial": Text(
        "日期格子里是数字 {value}（Excel 的日期序号），不是日期",
        "the date cell holds the number {value} (an Excel date serial), not a date",
        "把单元格格式设为“日期”，或直接输入日期，如 {suggestion}",
        "format the cell as a date, or type the date, e.g. {suggestion}",
    ),
    "cell-not-date": Text(
        "“{value}”不是日期",
        '"{value}" is not a date',
        "输入 年-月-日 形式的日期，如 {suggestion}",
        "type the date as year-month-day, e.g. {suggestion}",
    ),
    "cell-not-text": Text(
        "这一格是 {value}，不是文字",
        "this cell holds {value}, not text",
        "删除后重新输入文字",
        "clear the cell and type the text again",
    ),
    "cell-merged": Text(
        "{range} 是合并单元格",
        "{range} is a merged cell",
        "取消合并（开始 → 合并居中 → 取消合并），每格只填一项",
        "unmerge the cells; each cell holds one value",
    ),
    "row-missing": Text(
        "找不到“{label}”这一行（行被删除了？）",
        'the row "{label}" is missing (deleted?)',
        "撤销删除；或用 zzgzn export 重新生成工作簿后再填写。工作表有保护，不要取消保护后删行",
        "undo the deletion, or make a new workbook with zzgzn export; do not unprotect sheets",
    ),
    "row-gap": Text(
        "“{label}”这一行不见了（行被删除了？），其中如有内容请重新填写",
        'the row "{label}" is gone (deleted?); enter again anything it held',
        "工作表有保护，不要取消保护后删行；不用的行留空即可",
        "leave unused rows empty instead of deleting them",
    ),
    "row-unlabelled": Text(
        "第 {row} 行有内容，但不属于任何栏目（插入的行？），没有导入",
        "row {row} holds values but belongs to no field (an inserted row?); not imported",
        "把内容移到对应栏目的空行里，再删除这一行",
        "move the values into an empty row of the right field, then delete this row",
    ),
    "row-duplicated": Text(
        "“{label}”出现了两次（复制的行？）",
        'the row "{label}" appears twice (a copied row?)',
        "只保留一行",
        "keep a single row",
    ),
    "sheet-no-task": Text(
        "这张工作表没有任务编号",
        "this sheet has no task number",
        "不要改动 zzgzn 生成的锁定格子；用 zzgzn export 重新生成工作簿",
        "leave the locked cells as zzgzn wrote them; make a new workbook with zzgzn export",
    ),
    "workbook-no-unit": Text(
        "找不到单位代码或{kind}",
        "the unit id or the {kind} is missing",
        "用 zzgzn new {kind} --unit 单位代码 --format xlsx 生成的工作簿填写",
        "fill in a workbook made by zzgzn new <{kind}> --unit UNIT --format xlsx",
    ),
    "workbook-unknown-unit": Text(
        "单位代码“{unit}”不在单位名录中",
        'unit id "{unit}" is not in the registry',
        "用 zzgzn new {kind} --unit 单位代码 --format xlsx 重新生成本单位的工作簿",
        "make this unit's workbook again with zzgzn new <{kind}> --unit UNIT --format xlsx",
    ),
    "workbook-bad-quarter": Text(
        "{kind}“{quarter}”写法不对",
        'the {kind} "{quarter}" is not valid',
        "用 zzgzn new {kind} --unit 单位代码 --format xlsx 重新生成工作簿",
        "make the workbook again with zzgzn new <{kind}> --unit UNIT --format xlsx",
    ),
    "no-reporters": Text(
        "按报送规则没有任何单位需要报送",
        "the reporting rule leaves no unit to report",
        "检查 schedule.yaml 中 reporting.reporters",
        "check reporting.reporters in schedule.yaml",
    ),
    # --- zzgzn forward: the plan's parent: block against the parent's plan ------------------
    "forward-unknown-metric": Text(
        "任务 {tasks} 的统计口径中没有“{name}”",
        'the declared metrics of task {tasks} have no "{name}"',
        "写本活动统计口径中的名称，可选：{allowed}",
        "name one of this campaign's declared metrics: {allowed}",
    ),
    "forward-wrong-campaign": Text(
        "parent 写的上级活动是“{campaign}”，但所给上级方案是“{found}”",
        'parent names campaign "{campaign}", but the parent plan given is "{found}"',
        "核对 --parent 的路径，或改正 parent.campaign",
        "check the --parent path, or correct parent.campaign",
    ),
    "forward-parent-version": Text(
        "对应关系是按上级方案 {version} 写的，上级方案现为 {current}",
        "the mapping was written for parent plan {version}; the parent plan is now {current}",
        "核对上级的任务和统计口径是否有变化，再把 parent.plan_version 改为 {current}",
        "check the parent's tasks and metrics, then set parent.plan_version to {current}",
    ),
    "forward-unknown-unit": Text(
        "单位“{unit}”不在上级活动（{campaign}）的单位名录中",
        'unit "{unit}" is not in the registry of the parent campaign ({campaign})',
        "写本单位在上级 plan/units.yaml 中的代码",
        "write this office's id from the parent's plan/units.yaml",
    ),
    "forward-unknown-parent-task": Text(
        "上级方案中没有任务“{task}”",
        'the parent plan has no task "{task}"',
        "上级的任务编号见上级仓库中的 zzgzn plan",
        "run `zzgzn plan` in the parent's repository for its task numbers",
    ),
    "forward-task-not-owned": Text(
        "在上级方案中，{unit_name}不是任务 {task}（{title}）的责任单位",
        "in the parent plan, {unit_name} is not responsible for task {task} ({title})",
        "只对应本单位在上级方案中负责的任务",
        "map only onto tasks this office is responsible for in the parent plan",
    ),
    "forward-unknown-parent-metric": Text(
        "上级任务 {task} 的统计口径中没有“{name}”",
        'parent task {task} declares no metric "{name}"',
        "写上级统计口径中的名称，可选：{allowed}",
        "name one of the parent task's declared metrics: {allowed}",
    ),
    "forward-metric-unit": Text(
        "“{name}”的计量单位是“{unit}”，上级任务 {task} 的“{to}”是“{parent_unit}”",
        '"{name}" is counted in "{unit}", parent task {task}\'s "{to}" in "{parent_unit}"',
        "计量单位不同的数不能相加：对应到计量单位相同的指标，或先统一两级的统计口径",
        "figures in different units never add up: map onto a metric in the same unit",
    ),
    "forward-metric-aggregate": Text(
        "“{name}”的汇总方式是 {rule}，上级的“{to}”是 {parent_rule}",
        '"{name}" aggregates by {rule}, the parent\'s "{to}" by {parent_rule}',
        "汇总方式不同的数不能对应（如求和与取最大值）",
        "metrics that aggregate differently (sum, max) cannot be mapped onto each other",
    ),
    "forward-no-liaison": Text(
        "{unit}没有登记联络员，转报给上级的文件须写明联络员",
        "{unit} has no liaison registered; the file forwarded to the parent names one",
        "在 plan/units.yaml 中为本单位填写 liaison: {{name: 姓名, phone: 电话}}",
        "add liaison: {{name: ..., phone: ...}} to this office in plan/units.yaml",
    ),
    "forward-parent-is-self": Text(
        "parent 写的上级活动“{campaign}”就是本活动：转报给自己，每运行一次数字就重复计入一次",
        'parent names this campaign itself ("{campaign}"): forwarding to itself would count'
        " its figures again on every run",
        "parent.campaign 写上级活动的代码（上级 plan/plan.yaml 的 id），--parent 给上级仓库的路径",
        "write the parent campaign's id (its plan/plan.yaml id) and give --parent its repository",
    ),
    "forward-cycle": Text(
        "{this}汇总的 {path} 是由上级活动 {campaign} 转报来的：再转报给它，它自己的数会被重复计入",
        "{path}, consolidated here, was forwarded {this} from the parent campaign {campaign}:"
        " forwarding back to it would count its own figures twice",
        "上下级活动不能成环：核对 parent.campaign、--parent，以及 {path} 为何在本活动中",
        "campaigns form a chain, not a loop: check parent.campaign, --parent"
        " and why {path} is here",
    ),
    # --- a forwarded file's provenance, checked in the parent (checking/provenance.py) -------
    "provenance-bad-file": Text(
        "来源中的文件“{file}”不是下级仓库中的报送文件路径",
        'the provenance file "{file}" is not a submission path in the child repository',
        "zzgzn forward 写的是 submissions/季度/单位代码.yaml："
        "不要手改 provenance，在下级重新运行 zzgzn forward",
        "zzgzn forward writes submissions/PERIOD/UNIT.yaml: do not edit provenance by hand,"
        " run zzgzn forward again below",
    ),
    "provenance-duplicate-file": Text(
        "来源中的文件“{file}”列了两次",
        'the provenance lists the file "{file}" twice',
        "不要手改 provenance：在下级重新运行 zzgzn forward",
        "do not edit provenance by hand: run zzgzn forward again below",
    ),
    "provenance-units": Text(
        "来源说汇总了{units}个单位，但只列出{files}个文件",
        "the provenance says it consolidates {units} unit(s) but lists {files} file(s)",
        "汇总的单位数就是所列文件数：不要手改 provenance，在下级重新运行 zzgzn forward",
        "the count is the number of files listed: do not edit provenance by hand,"
        " run zzgzn forward again below",
    ),
    "provenance-unknown-figure": Text(
        "来源说明了任务 {task}“{name}”的来源，但本文件该任务没有这项数据",
        'the provenance sources task {task} "{name}", which this file does not report',
        "不要手改 provenance：在下级重新运行 zzgzn forward",
        "do not edit provenance by hand: run zzgzn forward again below",
    ),
    "provenance-source-file": Text(
        "数据来源“{file}”不在来源所列的文件中",
        'the figure\'s source "{file}" is not among the files the provenance lists',
        "不要手改 provenance：在下级重新运行 zzgzn forward",
        "do not edit provenance by hand: run zzgzn forward again below",
    ),
    "provenance-sum": Text(
        "任务 {task}“{name}”写的是 {value}，但来源中下级各单位的数合计为 {total}",
        'task {task} "{name}" says {value}, but its sources below add up to {total}',
        "转报的数必须等于来源中各数之和："
        "不要手改数据或 provenance，在下级更正后重新运行 zzgzn forward",
        "a forwarded figure is the sum of its sources: correct it below and run zzgzn forward"
        " again",
    ),
    "provenance-unsourced": Text(
        "任务 {task}“{name}”没有来源：由 zzgzn forward 转报的文件，每项数据都注明由下级哪些数相加",
        'task {task} "{name}" has no source: a forwarded file says where each figure comes from',
        "不要在转报文件中手工添加数据：在下级报送、汇总后重新运行 zzgzn forward",
        "do not add figures to a forwarded file by hand: report them below and forward again",
    ),
}


# Words a message is made of that the finding chooses (a type's name, a guess, a reading), in
# both languages. A parameter whose value is phrase(key) stands for one of them, filled from
# the finding's other parameters, in the language of the message.
PHRASES: dict[str, tuple[str, str]] = {
    # the campaign's kind of period (its cadence), and "each such period"
    "period-monthly": ("月份", "month"),
    "period-quarterly": ("季度", "quarter"),
    "period-half-yearly": ("半年", "half-year"),
    "period-yearly": ("年度", "year"),
    "each-monthly": ("每月", "month"),
    "each-quarterly": ("每季度", "quarter"),
    "each-half-yearly": ("每半年", "half-year"),
    "each-yearly": ("每年", "year"),
    # the current period in prose: 本季度 / this quarter, 本月 / this month …
    "this-monthly": ("本月", "this month"),
    "this-quarterly": ("本季度", "this quarter"),
    "this-half-yearly": ("本期", "this half-year"),
    "this-yearly": ("本年度", "this year"),
    # what a changed path is (workflow/pathkinds.py)
    "kind-submission": ("报送文件", "a submission"),
    "kind-attachment": ("报送附件", "a submission's attachment"),
    "kind-frozen": ("封存记录（plan/frozen.yaml）", "the record of closed periods"),
    "kind-plan": ("方案（plan/）", "the plan"),
    "kind-templates": (
        "报告模板（templates/，生成报告时执行）",
        "report templates (run by report)",
    ),
    "kind-code": ("程序代码", "program code"),
    "kind-workflow": ("CI 工作流和检查配置", "the CI workflow and hooks"),
    "kind-settings": ("仓库设置（.gitattributes、CODEOWNERS 等）", "repository settings"),
    "kind-cache": ("zzgzn 的缓存（.zzgzn_cache/）", "zzgzn's cache"),
    "kind-other": ("其他文件", "another file"),
    "object-symlink": ("符号链接", "symlink"),
    "object-submodule": ("子模块", "submodule"),
    "type-string": ("文字", "text"),
    "type-string-hint": (
        "直接写文字；以数字或符号开头时加引号",
        "write text; quote it if it starts with a digit or symbol",
    ),
    "type-int": ("整数", "a whole number"),
    "type-int-hint": ("只写数字，不带单位", "write the number only, without a unit"),
    "type-float": ("数字", "a number"),
    "type-float-hint": (
        "只写数字，不带单位（单位写在 unit）",
        "write the number only; the unit goes in unit",
    ),
    "type-bool": ("true 或 false", "true or false"),
    "type-bool-hint": ("写 true 或 false", "write true or false"),
    "type-list": ("列表（每项以“- ”开头）", 'a list (items start with "- ")'),
    "type-list-hint": ("每一项另起一行，以“- ”开头", 'start each item on its own line with "- "'),
    "type-dict": ("“字段: 值”的映射", "a mapping of keys"),
    "type-dict-hint": (
        "在下一行缩进两个空格，写“字段: 值”",
        "indent the next lines by two spaces as key: value",
    ),
    "type-model": ("“字段: 值”的映射", "a mapping of keys"),
    "type-model-hint": (
        "在下一行缩进两个空格，写“字段: 值”",
        "indent the next lines by two spaces as key: value",
    ),
    "type-date": ("日期", "a date"),
    "type-date-hint": ("写成 2020-07-06", "write 2020-07-06"),
    "type-other": ("正确的值", "a valid value"),
    "type-other-hint": ("{detail}", "{detail}"),
    "value-mapping": ("映射", "a mapping"),
    "value-list": ("列表", "a list"),
    "value-single": ("单个值", "a single value"),
    "value-bool": ("布尔值 {shown}", "boolean {shown}"),
    "value-number": ("数字 {shown}", "number {shown}"),
    "value-text": ("“{shown}”", '"{shown}"'),
    "did-you-mean-key": ("，是不是想写“{guess}”？", '; did you mean "{guess}"?'),
    "did-you-mean-case": ("，是不是“{guess}”？", '; did you mean "{guess}"?'),
    "did-you-mean-unit": (
        "，是不是 {guess}（{guess_name}）？",
        "; did you mean {guess} ({guess_name})?",
    ),
    "reading-bool": ("是/否（布尔值）", "true/false"),
    "reading-base60": ("六十进制数", "a base-60 number"),
    "reading-octal": ("八进制数", "an octal number"),
    "too-large-submission": (
        "一个单位一次的报送不应这么大；请删去粘贴进来的附件或图片内容",
        "a unit's submission is never this big; remove pasted attachments or images",
    ),
    "too-large-plan": (
        "方案文件不应这么大：多半粘贴进了附件或图片内容，请删去；"
        "任务多时可分到 sections/ 下的多个文件",
        "a plan file is never this big: remove pasted attachments or images; many tasks can be"
        " split over several files in sections/",
    ),
    "change-deleted": ("删除", "deleted"),
    "change-moved": ("移动或改名", "moved or renamed"),
}
PHRASE = "\u00a7"  # §: no parameter a person writes starts with it


def phrase(key: str) -> str:
    """A parameter value that stands for PHRASES[key] in the message's language."""
    assert key in PHRASES, key
    return PHRASE + key


def _resolved(params: dict[str, str], lang: str) -> dict[str, str]:
    if not any(v.startswith(PHRASE) for v in params.values()):
        return params
    resolved = dict(params)
    for key, value in params.items():
        if value.startswith(PHRASE) and value[1:] in PHRASES:
            zh, en = PHRASES[value[1:]]
            resolved[key] = fill(en if lang == "en" else zh, params)
    return resolved


def _text(code: str) -> Text:
    try:
        return CATALOG[code]
    except KeyError:  # a missing entry is a bug, but must not hide the finding itself
        return Text(code, code, "", "")


def render_message(code: str, params: dict[str, str], lang: str) -> str:
    text = _text(code)
    params = _resolved(params, lang)
    message = _fill(text.en if lang == "en" else text.zh, params)
    task = params.get("in_task")
    if task:  # findings inside one task entry say which task, since liaisons think in tasks
        message = (f"task {task}: " if lang == "en" else f"任务 {task}：") + message
    return message


def render_hint(code: str, params: dict[str, str], lang: str) -> str:
    text = _text(code)
    return _fill(text.hint_en if lang == "en" else text.hint_zh, _resolved(params, lang))


class _Lenient(dict[str, str]):
    def __missing__(self, key: str) -> str:
        if os.environ.get(STRICT_VAR):  # under tests: a forgotten parameter is a failure
            raise KeyError(f"message parameter {key!r} is missing")
        return ""  # for a user: the finding with a blank beats no finding at all


# Set by the test suite (tests/conftest.py): a template's placeholder without a value raises.
STRICT_VAR = "ZZGZN_STRICT_MESSAGES"


def fill(template: str, params: Mapping[str, str]) -> str:
    """A catalogue template with its {placeholders} filled."""
    return template.format_map(_Lenient(params))


_fill = fill
