"""`zzgzn init DIR [--from 方案.docx]`: a new campaign repository, ready to validate.

The repository is built in a folder beside DIR and moved into place when complete, so a
failed run leaves nothing half-written. Its plan/ is drafted from the document (plandraft),
or from a small generic example when there is none; every guess carries a "待核对" comment.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from zzgzn import __version__
from zzgzn.calendar.deadlines import describe_rule
from zzgzn.calendar.periods import Period
from zzgzn.checking.planload import load_plan
from zzgzn.diagnostics.problems import Problem
from zzgzn.diagnostics.ui import said
from zzgzn.errors import UsageError, ZzgznError
from zzgzn.models.plan import Cadence, ReportingRule
from zzgzn.workflow.plandraft import Draft, draft_plan
from zzgzn.workflow.schemaexport import render as render_schemas

_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "init"
_SCHEMA_OF = {
    "plan.yaml": "plan",
    "units.yaml": "units",
    "schedule.yaml": "schedule",
}
_CALENDAR = """\
# yaml-language-server: $schema=../schemas/calendar.schema.json
# 工作日日历：法定节假日和调休上班日来自 chinesecalendar 库；这里写的日子优先于库，
# 用于库里还没有的年份（国务院办公厅每年年底公布次年安排）或本地的安排。
holidays: []    # 例如 - {date: 2027-01-01, note: 国务院办公厅通知 元旦}
workdays: []    # 例如 - {date: 2027-02-20, note: 春节调休上班}
complete_years: []
"""


@dataclass
class Initialised:
    root: Path
    draft: Draft
    problems: list[Problem]  # what validate says of the drafted plan


def init_campaign(
    target: Path,
    source: Path | None = None,
    *,
    issuer: str = "",
    cadence: Cadence | None = None,
) -> Initialised:
    """Write the campaign repository at target (which must not exist or be empty); cadence,
    when the office chooses it, replaces the one drafted from the text."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError("init-not-empty", path=target)
    text = read_document(source) if source else (_TEMPLATES / "example.txt").read_text("utf-8")
    draft = draft_plan(text, issuer=issuer)
    if cadence is not None:
        reporting = draft.files["schedule.yaml"]["reporting"]
        if reporting["cadence"] != cadence.value and source is not None:
            draft.notes.append(
                said("draft-cadence-chosen", drafted=reporting["cadence"], chosen=cadence.value)
            )
        reporting["cadence"] = cadence.value
    if "sections/1.yaml" not in draft.files:
        raise ZzgznError("init-no-tasks", path=source or "")
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        _write(building, draft, source)
        loaded = load_plan(building)
        if loaded.plan is not None:
            for name, schema in render_schemas(loaded.plan).items():
                (building / "schemas" / name).write_text(schema, "utf-8")
        if target.exists():
            target.rmdir()
        building.rename(target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return Initialised(target, draft, load_plan(target).problems)


def _rule_text(rule: dict[str, Any]) -> str:
    try:
        return describe_rule(ReportingRule.model_validate(dict(rule)))
    except ValidationError:  # validate reports the drafted rule's mistake with its position
        return "见 plan/schedule.yaml"


def read_document(source: Path) -> str:
    """The text of a .docx (its paragraphs) or a text file in UTF-8, GBK or UTF-16 (BOM)."""
    try:
        if source.suffix.lower() == ".docx":
            import docx  # the office extra

            with source.open("rb") as file:  # a missing file is the OSError below
                begins_as_zip = file.read(4) == b"PK\x03\x04"
            if not begins_as_zip:  # a .docx is a zip package; .doc, .wps and PDF are not
                raise ZzgznError("init-not-docx", path=source)
            try:
                document = docx.Document(str(source))
            except Exception:  # cut short, parts missing, another package: many kinds
                raise ZzgznError("init-docx-broken", path=source) from None
            return "\n".join(p.text for p in document.paragraphs)
        raw = source.read_bytes()
    except OSError as exc:
        raise ZzgznError("init-unreadable", path=source, reason=exc.strerror or exc) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode": UTF-16 with its BOM
        codecs: tuple[str, ...] = ("utf-16",)
    else:
        codecs = ("utf-8-sig", "gb18030")
    for codec in codecs:
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    raise ZzgznError("init-encoding", path=source)


def _write(root: Path, draft: Draft, source: Path | None) -> None:
    (root / "plan" / "sections").mkdir(parents=True)
    (root / "submissions").mkdir()
    (root / "schemas").mkdir()
    (root / ".github" / "workflows").mkdir(parents=True)
    origin = f"《{source.name}》" if source else "一个通用示例（请换成本活动的方案）"
    for name, data in draft.files.items():
        schema = _SCHEMA_OF.get(name, "section")
        depth = "../../" if name.startswith("sections/") else "../"
        header = [
            f"# yaml-language-server: $schema={depth}schemas/{schema}.schema.json",
            f"# 由 zzgzn init 根据{origin}起草。标有“待核对”的值是推断出来的：核对后删去注释。",
        ]
        guesses = [(path, why) for file, path, why in draft.guesses if file == name]
        (root / "plan" / name).write_text("\n".join(header) + "\n" + _dump(data, guesses), "utf-8")
    (root / "plan" / "calendar.yaml").write_text(_CALENDAR, "utf-8")
    meta = draft.files["plan.yaml"]
    schedule = draft.files["schedule.yaml"]
    units = {u["id"]: u["name"] for u in draft.files["units.yaml"]["units"]}
    rule = schedule["reporting"]
    cadence = Cadence(rule["cadence"])
    first = Period.of(cadence, schedule["activity"]["start"])
    context = {
        "version": __version__,
        "title": meta["title"],
        "recipient": units.get(rule["recipient"], rule["recipient"]),
        "rule": _rule_text(rule),
        "period_word": first.word,
        "this_period": first.this,
        "each_period": first.each,
        "review": [note.message("zh") for note in draft.notes],  # the office's README
        "example_quarter": str(first),
        "example_unit": next(iter(units), "unit"),
    }
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    for template, target in (
        ("README.md.j2", "README.md"),
        ("submissions-README.md.j2", "submissions/README.md"),
        ("gitattributes.j2", ".gitattributes"),
        ("pre-commit-config.yaml.j2", ".pre-commit-config.yaml"),
        ("validate.yml.j2", ".github/workflows/validate.yml"),
        ("zzgzn-requirements.txt.j2", ".github/zzgzn-requirements.txt"),
    ):
        (root / target).write_text(env.get_template(template).render(**context), "utf-8")


def _dump(data: dict[str, Any], guesses: list[tuple[tuple[str | int, ...], str]]) -> str:
    tree = _commented(data)
    for path, why in guesses:
        parent: Any = tree
        for step in path[:-1]:
            parent = parent[step]
        parent.yaml_add_eol_comment(f"待核对：{why}", path[-1])
    yaml = YAML()
    yaml.width = 4096  # one line per text: the plan's prose is never folded mid-sentence
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def _commented(value: Any) -> Any:
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = _commented(item)
        return node
    if isinstance(value, list):
        return CommentedSeq(_commented(item) for item in value)
    return value
