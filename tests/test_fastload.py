"""The fast paths give exactly the answers of the careful one, on any input, valid or not.

Three layers, each checked against the one it stands in for:
- scalars.resolve() against ruamel.yaml's YAML 1.2 resolver (the semantics zzgzn documents);
- the careful reader fed by libyaml's events against the same reader fed by ruamel.yaml's;
- fastload against the careful reader (data and every position), and check_file with and
  without it (the findings and where they stand).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from zzgzn.checking.planload import load_plan
from zzgzn.checking.rules import check_file
from zzgzn.reading import fastload
from zzgzn.reading import libyaml as libyaml_module
from zzgzn.reading.loader import load_bytes
from zzgzn.reading.scalars import RawFloat, RawInt, resolve

from .conftest import REPO
from .test_corpus import CASES, CORPUS
from .test_loader_properties import TOKENS

PLAN = load_plan(REPO).plan
TODAY = dt.date(2021, 6, 30)
SAMPLES = sorted((REPO / "submissions").glob("*/*.yaml"))

# What liaisons write, plus YAML's corner cases: both readers must agree on every mixture.
MORE_TOKENS = st.sampled_from(
    [
        "\\",
        '"\\a"',
        '"\\/"',
        '"\\x41"',
        '"\\u4e2d"',
        '"\\N"',
        "\x85",
        "\u2028",
        "\x07",
        " #注释",
        "０",
        "- - ",
        "key: value",
        "  - a\n  - b\n",
        "? a\n: b\n",
        "!!int ",
        "!!map ",
        "!x ",
        "0x1F",
        "0o17",
        "+.inf",
        "-.nan",
        "1_000",
        "true",
        "False",
        "Yes",
        "y",
        "2020-07-06",
        "%YAML 1.2\n---\n",
        "%YAML 1.1\n---\n",
        "|-\n  x\n",
        ">+\n  a\n\n  b\n",
        "'it''s'",
        '"a\nb"',
        "\n\n",
        "    ",
        "：",
    ]
)
YAMLISH = st.lists(st.one_of(TOKENS, MORE_TOKENS), max_size=60).map("".join)


def _same(a: Any, b: Any) -> bool:
    """Equal as data, type for type, including how numbers were written."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, RawFloat | RawInt):
        same_number = a == b or (isinstance(a, float) and math.isnan(a) and math.isnan(b))
        return same_number and a.raw == b.raw
    return bool(a == b)


# --- scalars: zzgzn's YAML 1.2 reading is ruamel.yaml's ------------------------------------
_RUAMEL = VersionedResolver(version=(1, 2))
SCALARS = st.one_of(
    st.text(max_size=12),
    st.text(alphabet="0123456789_.+-eExXoObB:aAfFinINtTrRuUlLsS~", max_size=10),
)


@given(SCALARS)
@settings(max_examples=2000, deadline=None)
@example("")
@example("~")
@example("0o17")
@example("0b101")
@example("1_0")
@example(".5")
@example("-.inf")
@example("-.nan")
@example("1e5")
@example("TRUE")
@example("2020-07-06")
@example("<<")
def test_plain_scalars_mean_what_ruamel_yaml_1_2_says(value: str) -> None:
    tag = str(_RUAMEL.resolve(ScalarNode, value, (True, False))).rsplit(":", 1)[-1]
    ours = resolve(value)
    if tag == "null":
        assert ours is None
    elif tag == "bool":
        assert ours is (value.lower() == "true")
    elif tag in ("int", "float"):
        # a pattern that matches but does not convert (0b101 read in base 10) stays text
        assert isinstance(ours, RawInt if tag == "int" else RawFloat) or ours == value
    else:
        assert ours == value and type(ours) is str


# --- the careful reader: libyaml's events give what ruamel.yaml's give ----------------------
def _careful(raw: bytes, *, libyaml: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as patch:
        if not libyaml:
            patch.setattr(libyaml_module, "libyaml_events", None)
        return load_bytes(raw, "x.yaml")


@given(YAMLISH)
@example("|\n#")  # a document that is a block scalar: "#" at column 0 is content, not comment
@settings(max_examples=600, deadline=None)
def test_libyaml_events_build_what_ruamel_events_build(text: str) -> None:
    """Where ruamel.yaml can read a text, libyaml's events give the same data and findings.

    The careful reader takes libyaml's events whenever libyaml can parse, and ruamel.yaml's
    only when it cannot, so answers never mix the two. They differ, harmlessly, where
    ruamel.yaml is stricter (a tab after `key:` is legal YAML) and in where some nodes are
    placed: ruamel.yaml puts an empty value (`b:` at a line's end) where the next token
    starts, often on the next line, libyaml right after the colon, where the writer must
    type; a tagged or anchored node starts at its tag for libyaml.
    """
    raw = text.encode("utf-8")
    with pytest.MonkeyPatch.context() as patch:
        fast = _careful(raw, libyaml=True, monkeypatch=patch)
        slow = _careful(raw, libyaml=False, monkeypatch=patch)
    assume(slow.data is not None)
    assert [(p.code, p.severity) for p in fast.problems] == [
        (p.code, p.severity) for p in slow.problems
    ]
    assert _same(fast.data, slow.data)
    assert fast.positions.keys() == slow.positions.keys()
    assert fast.key_positions.keys() == slow.key_positions.keys()


# --- fastload: what it accepts, the careful reader accepts without a word -------------------
def _agrees(raw: bytes) -> bool:
    """Whatever fastload accepts, the careful reader reads alike and without a word.

    Returns whether fastload accepted it, so that a property can show it tested something.
    """
    loaded = fastload.read(raw, "x.yaml")
    if loaded is None:
        assert fastload.load(raw) is None
        return False
    careful = load_bytes(raw, "x.yaml")
    assert careful.problems == [] and loaded.problems == []
    assert _same(loaded.data, careful.data)
    # where each value and key stands: what a finding of the rules is placed by
    assert loaded.positions == careful.positions
    assert loaded.key_positions == careful.key_positions
    again = fastload.load(raw)
    assert again is not None and _same(again[0], careful.data)
    return True


@given(YAMLISH)
@settings(max_examples=800, deadline=None)
def test_fastload_agrees_on_yaml_like_text(text: str) -> None:
    _agrees(text.encode("utf-8"))


# Submission-shaped data as a liaison's editor would save it; then, sometimes, bytes spliced
# in anywhere (a stray GBK byte, a NUL, half a character). Random bytes alone are rejected
# almost always, so a property over them would compare nothing.
_SCALARS = st.one_of(
    st.text(max_size=12),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.dates(),
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def _saved_files(draw: st.DrawFn) -> bytes:
    import yaml  # PyYAML's dumper writes what editors and people write: block style, quoting

    data = draw(st.dictionaries(st.text(min_size=1, max_size=8), _DATA, min_size=1, max_size=5))
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=3)) + raw[at:]
    return raw


def test_fastload_agrees_on_saved_and_damaged_files() -> None:
    accepted: list[bool] = []

    @given(_saved_files())
    @settings(max_examples=300, deadline=None)
    def check(raw: bytes) -> None:
        accepted.append(_agrees(raw))

    check()
    # both sides of the fast path were exercised, or the property proved nothing
    assert sum(accepted) >= 30 and accepted.count(False) >= 30, sum(accepted)


@pytest.mark.parametrize("path", SAMPLES[::7], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fastload_reads_the_samples_as_the_careful_reader_does(path: Path) -> None:
    raw = path.read_bytes()
    loaded = fastload.load(raw)
    assert loaded is not None  # the shipped samples are clean: they must take the fast path
    _agrees(raw)


# --- check_file: the same findings, in the same places, with or without the fast path -------
def _findings(path: Path, display: str, *, fast: bool) -> list[Any]:
    assert PLAN is not None
    return check_file(path, display, PLAN, TODAY, fast=fast).problems


@pytest.mark.parametrize("case", CASES)
def test_corpus_findings_do_not_depend_on_the_fast_path(case: str) -> None:
    for path in sorted((CORPUS / case).rglob("*.y*ml")):
        display = path.relative_to(CORPUS / case).as_posix()
        assert _findings(path, display, fast=True) == _findings(path, display, fast=False)


@given(YAMLISH)
@settings(max_examples=300, deadline=None)
def test_check_file_does_not_depend_on_the_fast_path(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hexi.yaml"
        path.write_bytes(text.encode("utf-8"))
        display = "submissions/2020Q2/hexi.yaml"
        assert _findings(path, display, fast=True) == _findings(path, display, fast=False)


@given(st.sampled_from(SAMPLES), st.integers(0, 5000), st.sampled_from(TOKENS.elements))
@settings(max_examples=300, deadline=None)
def test_one_edit_to_a_real_file_gives_the_same_findings(path: Path, at: int, token: str) -> None:
    """A real submission with one token inserted: mostly still YAML, often still valid."""
    import tempfile

    text = path.read_text("utf-8")
    at %= len(text)
    with tempfile.TemporaryDirectory() as folder:
        edited = Path(folder) / path.name
        edited.write_bytes((text[:at] + token + text[at:]).encode("utf-8"))
        display = f"submissions/{path.parent.name}/{path.name}"
        assert _findings(edited, display, fast=True) == _findings(edited, display, fast=False)


@given(st.sampled_from(["010", "1_000", "0x1F", "-7", "1.10", "1e3", ".inf", "-.inf", ".nan"]))
def test_numbers_keep_how_they_were_written_across_processes(text: str) -> None:
    """Worker processes send data back pickled: 1.10 must come back as written."""
    import pickle

    value = resolve(text)
    again = pickle.loads(pickle.dumps(value))
    assert _same(value, again)


def test_a_key_spelt_like_the_readers_old_sentinel_is_kept() -> None:
    """Found by the property above: the careful reader marked complex keys with the string
    "\\0complex" and so dropped a real key of that spelling without a word."""
    raw = b'"\\0complex": null\n'
    assert load_bytes(raw, "x.yaml").data == {"\0complex": None}
    assert _agrees(raw)


# --- findings of the rules on fast-read files: placed exactly where the careful reader puts them
def _with_warnings(draw: st.DrawFn) -> tuple[bytes, str]:
    """A real submission rewritten as a liaison might: a declared metric under a near-variant
    name or another unit of measure, a sign-off missing, saved with PyYAML's choices of
    layout (indentation, width, flow style) so that every finding moves about the file."""
    import yaml

    path = draw(st.sampled_from(SAMPLES))
    data = yaml.safe_load(path.read_text("utf-8"))
    assert PLAN is not None
    for entry in data.get("tasks") or []:
        task = PLAN.tasks.get(str(entry.get("task")))
        declared = task.metrics if task is not None else []
        metrics = entry.get("metrics") or []
        if declared and draw(st.booleans()):  # one more figure, as the plan names it
            spec = draw(st.sampled_from(declared))
            value = draw(st.integers(0, 999))
            metrics.append({"name": spec.name, "value": value, "unit": spec.unit})
            entry["metrics"] = metrics
        for item in metrics:
            change = draw(st.sampled_from(["keep", "keep", "name", "unit", "no-unit"]))
            if change == "name" and len(item["name"]) > 3:
                cut = draw(st.sampled_from(["first", "last", "prefix"]))
                item["name"] = {
                    "first": item["name"][1:],
                    "last": item["name"][:-1],
                    "prefix": "全年" + item["name"],
                }[cut]
            elif change == "unit":
                item["unit"] = draw(st.sampled_from(["人", "户", "次", "场次", "个"]))
            elif change == "no-unit":
                item.pop("unit", None)
    if draw(st.booleans()):
        data.pop("approved_by", None)
    raw = yaml.safe_dump(
        data,
        allow_unicode=True,
        sort_keys=False,
        indent=draw(st.sampled_from([2, 3, 4])),
        width=draw(st.sampled_from([40, 80, 1000])),
        default_flow_style=draw(st.sampled_from([False, None])),
    )
    if draw(st.booleans()):  # comments and blank lines move every line below them
        lines = raw.split("\n")
        at = draw(st.integers(0, len(lines)))
        lines[at:at] = ["# 注释", ""]
        raw = "\n".join(lines)
    return raw.encode("utf-8"), f"submissions/{path.parent.name}/{path.name}"


def test_warnings_on_fast_read_files_stand_where_the_careful_reader_puts_them() -> None:
    """A file the fast reader takes with only warnings (a third of the national benchmark's
    files: metric-name, metric-unit) is not read again: its findings must be the careful
    reader's to the column."""
    from zzgzn.checking.rules import check_bytes

    seen: list[tuple[bool, frozenset[str]]] = []

    @given(st.composite(_with_warnings)())
    @settings(max_examples=150, deadline=None)
    def check(case: tuple[bytes, str]) -> None:
        assert PLAN is not None
        raw, display = case
        fast = check_bytes(raw, display, display, PLAN, TODAY, fast=True)
        careful = check_bytes(raw, display, display, PLAN, TODAY, fast=False)
        assert fast.problems == careful.problems
        assert fast.positioned and careful.positioned
        accepted = fastload.read(raw, display) is not None
        seen.append((accepted, frozenset(p.code for p in fast.problems)))

    check()
    # the interesting case occurred: files the fast reader took, with the rules' warnings
    warned = [codes for accepted, codes in seen if accepted and codes]
    assert sum("metric-name" in c for c in warned) >= 20, len(warned)
    assert sum("metric-unit" in c for c in warned) >= 20, len(warned)
    assert sum("no-approver" in c for c in warned) >= 20, len(warned)


def test_short_texts_are_one_object_across_files() -> None:
    """What keeps 3,000 validated submissions ~17 MB smaller: a metric's unit or name written
    in many files is one string (as pydantic's JSON parser makes it), a long text is not
    looked up at all."""
    long = "甲" * (fastload._SHORT_MOST + 1)
    first = fastload.load(f"unit: 人次\nname: 走访退役军人\nnarrative: {long}\n".encode())
    second = fastload.load(f"unit: 人次\nname: 走访退役军人\nnarrative: {long}\n".encode())
    assert first is not None and second is not None
    a, b = first[0], second[0]
    assert a == b
    assert a["unit"] is b["unit"] and a["name"] is b["name"]
    assert a["narrative"] is not b["narrative"]
