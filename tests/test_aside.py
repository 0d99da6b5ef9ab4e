"""A result computed in a forked child (zzgzn.aside): the same result as here, shared objects
referred to rather than copied, and computed here whenever the child fails."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

from zzgzn.aside import Aside

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


@dataclass(frozen=True)
class Unit:
    id: str


@dataclass(frozen=True)
class Line:
    unit: Unit
    text: str


UNITS = [Unit("hexi"), Unit("nankai")]


def lines() -> list[Line]:
    # large enough to overfill a pipe: the parent must read before it waits
    return [Line(UNITS[i % 2], f"第{i}条：按期推进") for i in range(20_000)]


def test_the_childs_result_refers_to_the_shared_objects() -> None:
    here = os.getpid()
    with Aside(lambda: (os.getpid(), lines()), UNITS) as aside:
        pid, got = aside.result()
    assert pid != here  # computed in the child
    assert got == lines()
    assert got[0].unit is UNITS[0] and got[1].unit is UNITS[1]


def test_unshared_objects_come_back_as_copies() -> None:
    with Aside(lambda: [Line(UNITS[0], "x")]) as aside:
        (got,) = aside.result()
    assert got == Line(UNITS[0], "x") and got.unit is not UNITS[0]


def test_a_failing_child_is_computed_again_here() -> None:
    here = os.getpid()

    def compute() -> int:
        if os.getpid() != here:
            raise RuntimeError("only in the child")
        return os.getpid()

    with Aside(compute) as aside:
        assert aside.result() == here


def test_a_child_killed_midway_is_computed_again_here() -> None:
    here = os.getpid()

    def compute() -> int:
        if os.getpid() != here:
            os._exit(9)
        return 42

    with Aside(compute) as aside:
        assert aside.result() == 42


def test_an_error_everywhere_is_raised_here() -> None:
    def compute() -> int:
        raise ValueError("a bug")

    with Aside(compute) as aside, pytest.raises(ValueError, match="a bug"):
        aside.result()


def test_without_fork_it_is_computed_here_when_asked() -> None:
    calls: list[int] = []

    def compute() -> int:
        calls.append(os.getpid())
        return 7

    with Aside(compute, fork=False) as aside:
        assert calls == []
        assert aside.result() == 7
    assert calls == [os.getpid()]


def test_leaving_without_the_result_reaps_the_child() -> None:
    with Aside(lambda: lines()) as aside:
        pid = aside._pid
    assert pid is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_an_unshared_object_of_a_shared_type_is_copied() -> None:
    other = Unit("hedong")  # a Unit, but not one of the shared ones
    with Aside(lambda: [other, UNITS[1]], UNITS) as aside:
        got = aside.result()
    assert got == [other, UNITS[1]] and got[0] is not other and got[1] is UNITS[1]
