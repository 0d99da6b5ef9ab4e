"""Whatever bytes arrive, the loader and validator answer with findings, never a traceback."""

from __future__ import annotations

import datetime as dt
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zzgzn.checking.planload import load_plan
from zzgzn.checking.rules import check_file
from zzgzn.reading.loader import load_bytes

from .conftest import REPO
from .test_corpus import WHOLE_FILE_CODES

PLAN = load_plan(REPO).plan

# YAML-looking text: keys of the submission format, indentation, punctuation, Chinese
TOKENS = st.sampled_from(
    [
        "unit: ",
        "hexi",
        "quarter: ",
        "2020Q2",
        "tasks:",
        "\n",
        "  ",
        "- ",
        "task: ",
        "1.2",
        "１.２",
        "status: ",
        "in_progress",
        "推进中",
        "narrative: ",
        "|",
        ">",
        '"',
        "'",
        "&a ",
        "*a",
        "!!str ",
        "!!python/object:os.system",
        "[",
        "]",
        "{",
        "}",
        ",",
        ": ",
        "#",
        "---",
        "...",
        "%",
        "@",
        "\t",
        "2020年7月6日",
        "2020-02-30",
        "no",
        "1:30",
        "010",
        "~",
        "null",
        "? ",
        "<<: *a",
        "\r\n",
        "\ufeff",
        "submitted_on: ",
        "liaison:",
        "name: ",
        "phone: ",
        "metrics:",
        "value: ",
        "1e309",
        ".nan",
    ]
)
YAMLISH = st.lists(TOKENS, max_size=60).map("".join)


def _positioned(problems: list) -> bool:  # type: ignore[type-arg]
    return all((p.line >= 1 and p.column >= 1) or p.code in WHOLE_FILE_CODES for p in problems)


@given(st.binary(max_size=400))
@settings(max_examples=300, deadline=None)
def test_arbitrary_bytes(data: bytes) -> None:
    doc = load_bytes(data, "x.yaml")
    assert _positioned(doc.problems)


@given(YAMLISH)
@settings(max_examples=500, deadline=None)
def test_yaml_like_text(text: str) -> None:
    doc = load_bytes(text.encode("utf-8"), "x.yaml")
    assert _positioned(doc.problems)
    if doc.data is None:
        assert any(p.is_error for p in doc.problems) or text.strip() == ""


@given(YAMLISH)
@settings(max_examples=300, deadline=None)
def test_validator_on_yaml_like_text(text: str) -> None:
    assert PLAN is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "submissions" / "2020Q2" / "hexi.yaml"
        path.parent.mkdir(parents=True)
        path.write_bytes(text.encode("utf-8"))
        checked = check_file(path, "submissions/2020Q2/hexi.yaml", PLAN, dt.date(2021, 6, 30))
    assert _positioned(checked.problems)
    assert checked.valid == (
        checked.submission is not None and not any(p.is_error for p in checked.problems)
    )


def test_alias_bomb_is_refused_with_little_memory() -> None:
    levels = "".join(
        f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n" for i in range(1, 10)
    )
    bomb = ("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n" + levels).encode()
    tracemalloc.start()
    doc = load_bytes(bomb, "bomb.yaml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert doc.data is None and [p.code for p in doc.problems] == ["alias-limit"]
    assert peak < 20 * 1024 * 1024  # ten billion nodes if expanded; a few MB to refuse


@pytest.mark.parametrize("depth", [23, 5000])
def test_nesting_limit(depth: int) -> None:
    doc = load_bytes(("a: " + "[" * depth + "]" * depth).encode(), "deep.yaml")
    codes = [p.code for p in doc.problems]
    assert codes == ([] if depth < 24 else ["too-deep"])


def test_a_key_with_brackets_is_reported_not_crashed_on() -> None:
    # found by the property test above: pydantic's own loc parts look like "function-after[…]"
    assert PLAN is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "submissions" / "2020Q2" / "hexi.yaml"
        path.parent.mkdir(parents=True)
        path.write_text("hexi[unit: \n", "utf-8")
        checked = check_file(path, "submissions/2020Q2/hexi.yaml", PLAN, dt.date(2021, 6, 30))
    unknown = [p for p in checked.problems if p.code == "unknown-key"]
    assert [(p.line, p.column, dict(p.params)["key"]) for p in unknown] == [(1, 1, "hexi[unit")]
