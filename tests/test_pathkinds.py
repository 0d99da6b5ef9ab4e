"""Every changed path is one kind, decided case-insensitively; git's raw diff read exactly."""

from __future__ import annotations

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from zzgzn.workflow.pathkinds import Kind, classify, parse_raw

UNITS = frozenset({"hexi", "mishuchu", "fuwu-zhongxin"})


@pytest.mark.parametrize(
    ("path", "kind", "unit", "expected"),
    [
        ("submissions/2020Q2/hexi.yaml", Kind.SUBMISSION, "hexi", None),
        ("submissions/2020Q2/hexi.yml", Kind.SUBMISSION, "hexi", None),
        (
            "submissions/2020Q2/mishuchu.YAML",
            Kind.SUBMISSION,
            "mishuchu",
            "submissions/2020Q2/mishuchu.yaml",
        ),
        ("submissions/2020Q2/HEXI.yaml", Kind.SUBMISSION, "hexi", "submissions/2020Q2/hexi.yaml"),
        ("Submissions/2020Q2/hexi.yaml", Kind.SUBMISSION, "hexi", "submissions/2020Q2/hexi.yaml"),
        ("submissions/2020q2/hexi.yaml", Kind.SUBMISSION, "hexi", "submissions/2020Q2/hexi.yaml"),
        (
            "submissions/Work-Plan/hexi.yaml",
            Kind.SUBMISSION,
            "hexi",
            "submissions/work-plan/hexi.yaml",
        ),
        ("submissions/work-plan/fuwu-zhongxin.pdf", Kind.ATTACHMENT, "fuwu-zhongxin", None),
        ("submissions/2020Q2/notes.txt", Kind.OTHER, None, None),
        ("submissions/README.md", Kind.OTHER, None, None),
        ("plan/frozen.yaml", Kind.FROZEN, None, None),
        ("Plan/Frozen.yaml", Kind.FROZEN, None, "plan/frozen.yaml"),
        ("plan/units.yaml", Kind.PLAN, None, None),
        ("PLAN/units.yaml", Kind.PLAN, None, "plan/units.yaml"),
        ("templates/report.md.j2", Kind.TEMPLATES, None, None),
        ("src/zzgzn/checking/validate.py", Kind.CODE, None, None),
        ("pyproject.toml", Kind.CODE, None, None),
        ("sitecustomize.py", Kind.CODE, None, None),
        (".github/zzgzn-requirements.txt", Kind.CODE, None, None),
        (".github/workflows/validate.yml", Kind.WORKFLOW, None, None),
        (".ci/run", Kind.WORKFLOW, None, None),
        (".pre-commit-config.yaml", Kind.WORKFLOW, None, None),
        (".github/CODEOWNERS", Kind.SETTINGS, None, None),
        ("docs/CODEOWNERS", Kind.SETTINGS, None, None),
        (".gitattributes", Kind.SETTINGS, None, None),
        ("submissions/.gitattributes", Kind.SETTINGS, None, None),
        (".github/dependabot.yml", Kind.SETTINGS, None, None),
        (".zzgzn_cache/validate.json", Kind.CACHE, None, None),
        (".ZZGZN_CACHE/traces/2020Q1.json", Kind.CACHE, None, None),
        ("README.md", Kind.OTHER, None, None),
        ("schemas/units.schema.json", Kind.OTHER, None, None),
    ],
)
def test_every_path_is_one_kind(
    path: str, kind: Kind, unit: str | None, expected: str | None
) -> None:
    found = classify(path, UNITS)
    assert (found.kind, found.unit, found.expected) == (kind, unit, expected)


def test_raw_diff_keeps_modes_renames_and_odd_names() -> None:
    zero, sha = "0" * 40, "a" * 40
    raw = (
        f":100644 120000 {sha} {sha} T\0submissions/2020Q2/hexi.yaml\0"
        f":000000 160000 {zero} {sha} A\0vendor/lib\0"
        f":100644 100644 {sha} {sha} R087\0plan/old.yaml\0plan/new\tname\n.yaml\0"
        f":100644 000000 {sha} {zero} D\0plan/frozen.yaml\0"
    )
    changes = parse_raw(raw)
    assert [(c.status, c.path, c.old_path, c.object_kind) for c in changes] == [
        ("T", "submissions/2020Q2/hexi.yaml", None, "symlink"),
        ("A", "vendor/lib", None, "submodule"),
        ("R", "plan/new\tname\n.yaml", "plan/old.yaml", "file"),
        ("D", "plan/frozen.yaml", None, "none"),
    ]


CANONICAL = [
    "submissions/2020Q2/hexi.yaml",
    "submissions/work-plan/fuwu-zhongxin.yml",
    "plan/units.yaml",
    "plan/frozen.yaml",
    "templates/report.md.j2",
]


@st.composite
def case_variants(draw: st.DrawFn) -> tuple[str, str]:
    path = draw(st.sampled_from(CANONICAL))
    flips = draw(st.lists(st.booleans(), min_size=len(path), max_size=len(path)))
    return path, "".join(c.swapcase() if f else c for c, f in zip(path, flips, strict=True))


@given(case_variants())
@settings(max_examples=300, deadline=None)
def test_a_case_variant_is_the_same_file_and_is_named_so(pair: tuple[str, str]) -> None:
    """What a Windows or macOS checkout makes one file, the check treats as one, and says so."""
    canonical, variant = pair
    want, got = classify(canonical, UNITS), classify(variant, UNITS)
    assert (got.kind, got.unit) == (want.kind, want.unit)
    if got.kind in (Kind.SUBMISSION, Kind.FROZEN):
        assert (got.expected is None) == (variant == canonical)
        assert got.expected in (None, canonical)


def test_the_interesting_variant_occurs() -> None:
    """The strategy really makes submissions that differ in case only (not just canonical ones)."""
    canonical, variant = find(
        case_variants(),
        lambda p: p[0] != p[1] and classify(p[1], UNITS).kind is Kind.SUBMISSION,
    )
    assert classify(variant, UNITS).expected == canonical
