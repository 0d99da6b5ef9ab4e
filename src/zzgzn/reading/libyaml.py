"""libyaml's C parser, through PyYAML's binding: events ~10× faster than pure Python.

Used for events only — PyYAML's resolver and constructors (YAML 1.1) never run, so what a
scalar means is still decided by scalars.py. Without the binding (a platform with no wheel)
both readers fall back to ruamel.yaml and nothing changes but speed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Any

from yaml.error import YAMLError
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

_binding: Any
try:
    _binding = importlib.import_module("yaml._yaml")
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml on every platform we use
    _binding = None


class LibyamlError(Exception):
    """libyaml could not parse the text; the careful reader will say why."""


def parser(source: str | bytes) -> tuple[Callable[[], Any], Callable[[], None]] | None:
    """(next_event, dispose) for source, or None without libyaml."""
    if _binding is None:
        return None
    cparser = _binding.CParser(source)
    return cparser.get_event, cparser.dispose


def _events(text: str) -> Iterator[Any]:
    made = parser(text)
    assert made is not None
    next_event, dispose = made
    try:
        while True:
            try:
                event = next_event()
            except (YAMLError, ValueError) as exc:
                raise LibyamlError(str(exc)) from exc
            yield event
            if type(event) is StreamEndEvent:
                return
    finally:
        dispose()


libyaml_events: Callable[[str], Iterator[Any]] | None = _events if _binding is not None else None

__all__ = [
    "AliasEvent",
    "DocumentStartEvent",
    "LibyamlError",
    "MappingEndEvent",
    "MappingStartEvent",
    "ScalarEvent",
    "SequenceEndEvent",
    "SequenceStartEvent",
    "StreamEndEvent",
    "YAMLError",
    "libyaml_events",
    "parser",
]
