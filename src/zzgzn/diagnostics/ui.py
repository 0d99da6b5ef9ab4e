"""The wording of everything the command line says besides diagnostics: errors, summaries,
table headers, prompts. Chinese is the default; `--lang en`, $ZZGZN_LANG or an English locale
switch all of it at once (diagnostics follow the same switch, see messages.py).

Keys are stable names; a template's {placeholders} must all be given (tests make a missing one
fail, see messages.STRICT_VAR).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from zzgzn.diagnostics.messages import fill


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
    "init-done": Say("已建立活动仓库 {path}", "created the campaign repository {path}"),
    "init-review": Say("请核对：", "to review:"),
    "init-next": Say(
        "下一步：核对 plan/ 中标有“待核对”的值，然后 cd {path} && git init && zzgzn validate",
        "next: review the values marked 待核对 in plan/, then cd {path} && git init && "
        "zzgzn validate",
    ),
}


def say(key: str, lang: str = "zh", /, **params: object) -> str:
    """One line of the CLI's wording in the language asked for."""
    return render(key, {k: str(v) for k, v in params.items()}, lang)


def render(key: str, params: Mapping[str, str], lang: str) -> str:
    text = UI.get(key)
    if text is None:  # free text from before the catalogue, or a bug: show it, never hide it
        return key
    return fill(text.en if lang == "en" else text.zh, params)
