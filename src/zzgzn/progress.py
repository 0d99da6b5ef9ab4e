"""How far long work has got, for whoever wants to show it: the core reports, never prints.

The core calls `current().begin(...)`/`advance(...)`; by default nothing listens. The command
line installs a listener (a rich progress bar on stderr) with `reporting()`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Protocol


class Progress(Protocol):
    def begin(self, stage: str, total: int) -> None:
        """A stage (a stable name such as "checking") of total steps starts."""

    def advance(self, steps: int = 1) -> None: ...

    def end(self) -> None: ...


class _Nobody:
    def begin(self, stage: str, total: int) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass

    def end(self) -> None:
        pass


_LISTENERS: list[Progress] = [_Nobody()]


def current() -> Progress:
    return _LISTENERS[-1]


@contextlib.contextmanager
def reporting(listener: Progress) -> Iterator[None]:
    _LISTENERS.append(listener)
    try:
        yield
    finally:
        _LISTENERS.pop()
        listener.end()
