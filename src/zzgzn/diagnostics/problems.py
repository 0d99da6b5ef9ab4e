"""The problem record every check produces, and the ordering reporters rely on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from zzgzn.diagnostics.messages import render_hint, render_message


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding at one place in one file; line and column are 1-based (0 = whole file)."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity = field(default=Severity.ERROR, compare=False)
    params: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def message(self, lang: str = "zh") -> str:
        return render_message(self.code, self._params(), lang)

    def hint(self, lang: str = "zh") -> str:
        return render_hint(self.code, self._params(), lang)

    def _params(self) -> dict[str, str]:
        return {"path": self.path, **dict(self.params)}

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def problem(
    path: str,
    pos: tuple[int, int],
    code: str,
    severity: Severity = Severity.ERROR,
    /,
    **params: object,
) -> Problem:
    """Build a problem; params become strings so records stay hashable and serialisable."""
    return Problem(
        path,
        pos[0],
        pos[1],
        code,
        severity,
        tuple(sorted((k, str(v)) for k, v in params.items())),
    )


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)
