"""Markdown from jinja2 templates, with every value escaped unless the template says otherwise.

Escaping is the environment's `finalize` hook, so a template author cannot forget it: a
narrative holding `|`, `#`, `*`, `<` or `{{ }}` prints as those characters and can neither
break a table or heading nor run as template code (values are data, never templates).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from zzgzn.calendar.deadlines import describe_rule
from zzgzn.errors import UsageError, ZzgznError
from zzgzn.files import write_atomic
from zzgzn.reading.loader import CONTROL_CHARS

TEMPLATE_DIR = "templates"
PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_ALWAYS = re.compile(r"([\\`*_\[\]<>|~&#])")
# Only what would start a list, a thematic break or a setext underline at the start of a line.
_LINE_START = re.compile(r"^([-+=])(?=\s|$|[-+=])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
# Anything escape_md could change: without it a value is returned as it is (the usual case).
_MAY_NEED_ESCAPE = re.compile(
    r"[\\`*_\[\]<>|~&#\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff]"
    r"|^[\s\-+=]|^\d{1,9}[.)](?:\s|$)|\s$"
)


class Md(str):
    """Text that is already Markdown: finalize leaves it alone."""

    __slots__ = ()


def escape_md(value: object) -> Md:
    """One line of plain text as inline Markdown that renders back to exactly that text."""
    if isinstance(value, Md):
        return value
    text = _plain(value)
    if not _MAY_NEED_ESCAPE.search(text):
        return Md(text)  # most Chinese prose: nothing to escape, nothing to strip
    text = CONTROL_CHARS.sub("", text)
    text = " ".join(part.strip() for part in text.splitlines() if part.strip())
    text = text.replace("\t", " ").strip()
    text = _ALWAYS.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\\\1", text)
    text = _ORDERED.sub(r"\1\\\2", text)
    return Md(text)


def paragraphs(value: object) -> list[Md]:
    """Text as its non-blank lines, each escaped: one paragraph per line the writer typed."""
    text = CONTROL_CHARS.sub("", _plain(value))
    return [escape_md(line) for line in text.splitlines() if line.strip()]


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return cn_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def cn_date(day: dt.date) -> str:
    """The official form: Arabic numerals without zero padding, 2020年7月6日."""
    return f"{day.year}年{day.month}月{day.day}日"


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一: numbering of （一） headings."""
    digits = "零一二三四五六七八九"
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else digits[tens] + "十")
    return head + (digits[ones] if ones else "")


def unit_names(units: Iterable[Any], limit: int = 3, noun: str = "个单位") -> str:
    """Names, shortened past limit: 甲区、乙区等9个单位 (items with .name, or strings)."""
    names = [getattr(u, "name", u) for u in units]
    if len(names) <= limit:
        return "、".join(str(n) for n in names)
    return f"{'、'.join(str(n) for n in names[: max(limit - 1, 1)])}等{len(names)}{noun}"


def task_list(tasks: Iterable[Any], limit: int = 4) -> str:
    """任务1.2、4.3 — or 涉及19项任务 past limit (items with .id, or strings)."""
    ids = [str(getattr(t, "id", t)) for t in tasks]
    return f"任务{'、'.join(ids)}" if len(ids) <= limit else f"涉及{len(ids)}项任务"


def figure(value: float) -> str:
    """A figure as official reports print it: 1,234 and 12.5 (no .0, at most two decimals)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _finalize(value: Any) -> Any:
    # the usual value, plain prose with nothing to escape, goes out as it is (no copy into
    # an Md): a national report prints over half a million values
    if type(value) is str and not _MAY_NEED_ESCAPE.search(value):
        return value
    return escape_md(value)


def environment(
    root: Path | None, *, markdown: bool = True, lang: str = "zh"
) -> jinja2.Environment:
    """The campaign's templates/ first, then the defaults shipped with zzgzn.

    Templates in templates/ come from the repository, so from whoever last edited it: when it
    holds any, every template renders in jinja's sandbox, where nothing reaches past the values
    given (no `__globals__`, no os). The sandbox checks each attribute and call, which doubles
    the time to render (0.47 → 0.85–0.94 s of CPU for 1,000 units' quarterly report): the
    built-in templates alone, part of the installed program like its code, render without it.

    For Markdown every value is escaped; for plain text (markdown=False) values print as-is.
    lang: the document's language (the plan's meta.language): in English the wording, labels,
    dates and lists come from diagnostics/docwords.py; Chinese is what the templates always said.
    """
    loaders: list[jinja2.BaseLoader] = []
    campaign = campaign_templates(root / TEMPLATE_DIR if root is not None else None)
    if campaign:
        assert root is not None
        loaders.append(jinja2.FileSystemLoader(root / TEMPLATE_DIR))
    loaders.append(jinja2.FileSystemLoader(PACKAGE_TEMPLATES))
    kind = SandboxedEnvironment if campaign else jinja2.Environment
    env = kind(
        loader=jinja2.ChoiceLoader(loaders),
        finalize=_finalize if markdown else _plain,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["md"] = Md  # mark template-built text as Markdown already
    env.filters["paragraphs"] = paragraphs
    env.filters["cn_date"] = lambda d: cn_date(d)
    env.filters["due_rule"] = describe_rule  # 每季度结束后5个工作日内, 每月结束后次月5日前 …
    env.filters["cn_join"] = lambda items, sep="、": sep.join(str(i) for i in items)
    env.filters["number"] = _plain
    env.filters["count"] = _plain  # 1234 (English: 1,234)
    env.filters["cn_number"] = cn_number
    env.filters["unit_names"] = unit_names
    env.filters["figure"] = figure
    env.filters["task_list"] = task_list
    env.filters["measure"] = lambda value, unit: Md(escape_md(figure(value)) + escape_md(unit))
    env.filters["label"] = lambda obj: obj.label
    env.filters["word"] = lambda period: period.word  # 季度, 月份 …
    for which in ("this", "last", "coming"):  # 本季度 / this quarter, 上月 / last month …
        env.filters[which] = functools.partial(_prose, which=which, lang=lang)
    env.globals["lang"] = lang
    env.globals["w"] = functools.partial(words, lang, escape_md if markdown else _plain)
    if lang == "en":
        english(env, markdown)
    return env


# numbers in the wording that are not counts: no thousands separator (line 1234, 2025)
_NOT_COUNTS = frozenset({"line", "year", "number"})


# wording without values ("。", "；", headings' labels), the same every time it is asked for:
# a national compilation asks ~100,000 times
_CONSTANT: dict[tuple[str, str], Md] = {}


def words(lang: str, escape: Any, key: str, /, **params: object) -> Md:
    """The document catalogue's wording for key, each value escaped (the wording is ours);
    escape: escape_md for Markdown, _plain for plain text (a notice pasted into a message)."""
    if not params and (known := _CONSTANT.get((lang, key))) is not None:
        return known
    docwords = _docwords()
    if lang == "en":
        params = {
            k: docwords.en_date(v)
            if isinstance(v, dt.date)
            else v
            if k in _NOT_COUNTS
            else docwords.en_count(v)
            for k, v in params.items()
        }
    said = Md(docwords.doc_say(key, lang, **{k: escape(v) for k, v in params.items()}))
    if not params:
        _CONSTANT[(lang, key)] = said
    return said


@functools.cache
def _docwords() -> Any:
    """The catalogue, imported when first needed (it brings the terminal's modules along)."""
    from zzgzn.diagnostics import docwords

    return docwords


def _prose(period: Any, which: str, lang: str) -> str:
    from zzgzn.diagnostics.docwords import prose

    return prose(period, which, lang)


def english(env: jinja2.Environment, markdown: bool) -> None:
    """Dates, numbering, lists of names and labels as an English document writes them."""
    from zzgzn.diagnostics.docwords import (
        doc_label,
        en_count,
        en_date,
        en_measure,
        en_task_list,
        en_unit_names,
        period_word,
    )

    def plain(value: Any) -> str:
        if isinstance(value, Md):
            return value
        return en_date(value) if isinstance(value, dt.date) else _plain(value)

    env.finalize = (lambda v: escape_md(plain(v))) if markdown else plain
    env.filters["cn_date"] = en_date
    env.filters["cn_number"] = str
    env.filters["cn_join"] = lambda items, sep=", ": ", ".join(str(i) for i in items)
    env.filters["unit_names"] = en_unit_names
    env.filters["task_list"] = en_task_list
    env.filters["count"] = lambda n: _plain(en_count(n))
    env.filters["measure"] = lambda value, unit: Md(
        en_measure(escape_md(figure(value)), escape_md(unit))
    )
    env.filters["label"] = doc_label
    env.filters["word"] = lambda period: period_word(period, "en")
    env.filters["due_rule"] = lambda rule: describe_rule(rule, "en")


def campaign_templates(folder: Path | None) -> bool:
    """Whether a folder of the repository (templates/, templates/site/) holds a template: any
    name ending .j2, any case (Windows and macOS would load REPORT.MD.J2 for report.md.j2)."""
    if folder is None:
        return False
    try:
        return any(p.name.lower().endswith(".j2") for p in folder.iterdir())
    except OSError:  # no templates/ (or not a folder): the built-in templates only
        return False


def list_templates(root: Path) -> list[tuple[str, str]]:
    """Each template name and where it comes from: "campaign" (templates/) or "builtin"."""
    names = sorted(p.name for p in PACKAGE_TEMPLATES.glob("*.j2"))
    return [(n, "campaign" if (root / TEMPLATE_DIR / n).is_file() else "builtin") for n in names]


def copy_template(root: Path, name: str) -> Path:
    """Copy a built-in template into the campaign's templates/ folder, never over an edit."""
    source = PACKAGE_TEMPLATES / name
    if "/" in name or "\\" in name or not source.is_file():
        choices = "、".join(n for n, _ in list_templates(root))
        raise UsageError("template-unknown", name=name, choices=choices)
    target = root / TEMPLATE_DIR / name
    if target.exists():
        raise UsageError("template-exists", path=target)
    write_atomic(target, source.read_bytes())
    return target


def render(
    template: str, root: Path | None, *, markdown: bool = True, lang: str = "zh", **context: Any
) -> str:
    return "".join(render_chunks(template, root, markdown=markdown, lang=lang, **context))


def render_chunks(
    template: str, root: Path | None, *, markdown: bool = True, lang: str = "zh", **context: Any
) -> Iterator[str]:
    """render's text in pieces of about 64 KB, as the template makes it: a national report
    is a million small strings, which jinja's render() keeps all at once (50 MB at 3,000
    units) before joining them."""
    try:
        env = environment(root, markdown=markdown, lang=lang)
        pieces = env.get_template(template).generate(**context)
        yield from tidy(pieces)
    except jinja2.TemplateError as exc:
        raise template_error(exc, template) from None


def template_error(
    exc: jinja2.TemplateError,
    template: str,
    broken: str = "template-broken",
    unsafe: str = "template-unsafe",
) -> ZzgznError:
    """The error naming the template file and line: jinja puts the template's own frames
    (file and line) into the traceback of an error met while rendering."""
    name, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if line is None:
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename.endswith(".j2"):
                name, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
            tb = tb.tb_next
    where = f"{name or template}:{line if line is not None else '?'}"
    if name and Path(name).name != template:  # met in an included or extended template
        where = f"{template} → {where}"
    if isinstance(exc, SecurityError):
        return ZzgznError(unsafe, where=where, detail=exc)
    return ZzgznError(broken, where=where, detail=exc)


def blocks(chunks: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """The Markdown of chunks again, in pieces of about size characters that each end just
    before a heading: every block (paragraph, list, table) closes inside its piece, so the
    pieces can be parsed one by one (pulldown-cmark holds all events of what it parses)."""
    held = ""
    for chunk in chunks:
        held += chunk
        if len(held) < size:
            continue
        at = held.rfind("\n\n#")
        if at > 0:
            yield held[: at + 2]
            held = held[at + 2 :]
    if held:
        yield held


_BLANK_LINES = re.compile(r"\n{3,}")
_CHUNK = 1 << 16


def tidy(pieces: Iterable[str], chunk: int = _CHUNK) -> Iterator[str]:
    """The text of pieces with runs of blank lines made one, and no blank start or end: what
    re.sub(r"\\n{3,}", "\\n\\n", text).strip() + "\\n" gives, made piece by piece.

    Whitespace at the end of a chunk is held back and put before the next one, so that a run
    of newlines is always seen whole (and the last one is dropped).
    """
    held = ""
    started = False
    batch: list[str] = []
    size = 0

    def flush() -> Iterator[str]:
        nonlocal held, started
        text = held + "".join(batch)
        batch.clear()
        if not started:
            text = text.lstrip()
            started = bool(text)
        body = text.rstrip()
        held = text[len(body) :]
        if body:
            yield _BLANK_LINES.sub("\n\n", body)

    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size >= chunk:
            yield from flush()
            size = 0
    yield from flush()
    yield "\n"
