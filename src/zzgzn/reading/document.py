"""One parsed file: its data, where each key and value stood, and what was wrong with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from zzgzn.diagnostics.problems import Problem, Severity, problem

Loc = tuple[str | int, ...]
Pos = tuple[int, int]


@dataclass(slots=True)
class Document:
    """What one file held: data (or None), where each piece stood, and what was wrong."""

    path: str
    data: Any = None
    text: str | None = None
    positions: dict[Loc, Pos] = field(default_factory=dict)
    key_positions: dict[Loc, Pos] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def pos(self, loc: Loc, *, key: bool = False) -> Pos:
        """The position of loc, or of its nearest ancestor we know (an alias, a parent)."""
        table = self.key_positions if key else self.positions
        if loc in table:
            return table[loc]
        for cut in range(len(loc) - 1, -1, -1):
            prefix = loc[:cut]
            if prefix in self.positions:
                return self.positions[prefix]
        return (1, 1)

    def add_at(
        self, pos: Pos, code: str, severity: Severity = Severity.ERROR, /, **params: object
    ) -> None:
        """A problem at a position the reader knows (a parser event, a byte's line)."""
        self.problems.append(problem(self.path, pos, code, severity, **params))

    def add(
        self,
        loc: Loc,
        code: str,
        severity: Severity = Severity.ERROR,
        *,
        at_key: bool = False,
        **params: object,
    ) -> None:
        """A problem at a piece of the data: the value at loc, or its key with at_key."""
        self.add_at(self.pos(loc, key=at_key), code, severity, **params)
