"""The package's folders are its layers: every import, lazy ones included, points down the list."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "zzgzn"

# Lowest first. A module may import its own layer and any layer before it, never one after.
LAYERS = [
    "",  # cross-cutting modules at the top of the package: errors, clock, files, git, ...
    "diagnostics",
    "reading",
    "models",
    "calendar",
    "rendering",
    "checking",
    "tracking",
    "report",
    "site",
    "workflow",
    "intake",
    "cli",
]


def _layer(module: str) -> str:
    """`zzgzn.checking.cache` → `checking`; `zzgzn.errors` or `zzgzn` → the cross-cutting layer."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else ""


def _module_of(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every zzgzn module the file imports, at module level or inside a function."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("zzgzn"):
            if node.module == "zzgzn":  # `from zzgzn import x`: x is a module or a name in zzgzn
                for alias in node.names:
                    sub = SRC / alias.name
                    name = f"zzgzn.{alias.name}"
                    found.append((node.lineno, name if sub.is_dir() else "zzgzn"))
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names if a.name.startswith("zzgzn"))
    return found


# `python -m zzgzn` starts the cli: the entry point stands above every layer.
MODULES = sorted(p for p in SRC.rglob("*.py") if p.name != "__main__.py")


def test_every_folder_is_a_known_layer() -> None:
    folders = {p.parent.name for p in MODULES if p.parent != SRC}
    assert folders <= set(LAYERS), folders - set(LAYERS)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_down_the_layers(path: Path) -> None:
    own = LAYERS.index(_layer(_module_of(path)))
    upward = [
        f"{path.relative_to(SRC)}:{line} imports {module}"
        for line, module in _imports(path)
        if LAYERS.index(_layer(module)) > own
    ]
    assert not upward


def test_the_check_sees_lazy_imports() -> None:
    """The cli imports the core inside its commands; a walk of the top level alone would miss it."""
    lazy = [m for _, m in _imports(SRC / "cli" / "checks.py") if m.startswith("zzgzn.checking")]
    assert lazy
