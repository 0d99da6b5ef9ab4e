"""The one exception family the CLI turns into a message and an exit code.

An error carries a stable code and its parameters, not finished text: the wording lives in the
catalogue (`zzgzn.diagnostics.messages.UI`), and the CLI renders it in the user's language.
"""

from __future__ import annotations

from collections.abc import Sequence


class ZzgznError(Exception):
    """A failure the user can act on: bad arguments, an unreadable plan, a calendar gap."""

    exit_code = 1

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = {key: str(value) for key, value in params.items()}
        super().__init__(code, self.params)

    def __str__(self) -> str:
        shown = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.code}({shown})" if shown else self.code


class UsageError(ZzgznError):
    """The command line itself is wrong (exit 2, like click's own usage errors)."""

    exit_code = 2


class CalendarError(ZzgznError):
    """The working-day calendar cannot answer for a date: never guess a deadline."""


class PlanInvalid(ZzgznError):
    """plan/ does not pass validation: nothing can rest on it. Carries the problems, for the
    CLI to list in the user's language."""

    def __init__(self, problems: Sequence[object]) -> None:
        super().__init__("plan-invalid", count=len(problems))
        self.problems = tuple(problems)


class MissingExtra(ZzgznError):
    """A command needs the office extra (Word, Excel, charts), which is not installed."""


# The packages of `zzgzn[office]`: importing one of them fails only where the extra is missing.
OFFICE_MODULES = frozenset(
    {"docx", "pyromark", "openpyxl", "matplotlib", "noto_cjk_sans_otc", "pypinyin"}
)


def missing_extra(exc: ImportError) -> MissingExtra | None:
    """The office extra's error for a failed import of one of its packages, else None."""
    name = (exc.name or "").partition(".")[0]
    return MissingExtra("office-extra-missing", module=name) if name in OFFICE_MODULES else None
