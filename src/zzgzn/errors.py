"""The one exception family the CLI turns into a message and an exit code."""


class ZzgznError(Exception):
    """A failure the user can act on: bad arguments, an unreadable plan, a calendar gap."""

    exit_code = 1


class UsageError(ZzgznError):
    """The command line itself is wrong (exit 2, like click's own usage errors)."""

    exit_code = 2


class CalendarError(ZzgznError):
    """The working-day calendar cannot answer for a date: never guess a deadline."""
