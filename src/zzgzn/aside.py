"""A result computed in a forked child while this process does other work.

On two cores, what a later step needs but the next one does not (a national report's changes
since the last quarter, while the report itself is built) can be computed beside it: fork
shares every object for free. The child sends its result back pickled, with the objects this
process already holds (the plan's units and tasks) named rather than copied, so the result
refers to the very objects it would in one process and reads back cheaply.

Nothing depends on the child: if it fails in any way (no fork on this platform, an exception,
killed), the result is computed here when asked for, raising what one process would.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import pickle
import signal
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Aside(Generic[T]):
    """compute() in a forked child if fork is true and possible, else here on result().

    Used as a context: leaving it without asking for the result stops and reaps the child.
    """

    def __init__(
        self, compute: Callable[[], T], shared: Sequence[object] = (), *, fork: bool = True
    ) -> None:
        self._compute = compute
        self._shared = list(shared)
        self._pid: int | None = None
        self._read = -1
        if fork and hasattr(os, "fork"):
            self._start()

    def _start(self) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: the result down the pipe, then gone without cleaning up
            code = 1
            try:
                os.close(read)
                gc.freeze()  # a collection would touch every shared object: a copy of each page
                result = self._compute()
                with os.fdopen(write, "wb") as stream:
                    _Named(stream, self._shared).dump(result)
                code = 0
            except BaseException:  # whatever it was, the parent computes it again
                pass
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> T:
        """The child's result, or computed here if there is no child or it failed."""
        if self._pid is None:
            return self._compute()
        pid, self._pid = self._pid, None
        with os.fdopen(self._read, "rb") as stream:
            raw = stream.read()  # to the end before waiting: a result may overfill the pipe
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) == 0:
            with contextlib.suppress(Exception):
                loaded: T = _Unnamed(io.BytesIO(raw), self._shared).load()
                return loaded
        return self._compute()

    def __enter__(self) -> Aside[T]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pid is None:
            return
        pid, self._pid = self._pid, None
        os.close(self._read)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


class _Named(pickle.Pickler):
    """Pickles shared objects as their place in the list (the same objects in both processes:
    the child is a fork)."""

    def __init__(self, stream: Any, shared: list[object]) -> None:
        super().__init__(stream, protocol=pickle.HIGHEST_PROTOCOL)
        places = {id(o): i for i, o in enumerate(shared)}

        def named(obj: Any) -> Any:
            place = places.get(id(obj))
            if place is None or shared[place] is not obj:
                return obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
            return (_shared_object, (place,))

        # by type, not persistent_id: that is a call back into Python for every object
        self.dispatch_table = dict.fromkeys({type(o) for o in shared}, named)


_LOADING: list[object] = []  # the shared objects of the result being read back


def _shared_object(place: int) -> object:
    return _LOADING[place]


class _Unnamed(pickle.Unpickler):
    def __init__(self, stream: Any, shared: list[object]) -> None:
        super().__init__(stream)
        self._shared = shared

    def load(self) -> Any:
        _LOADING[:] = self._shared
        try:
            return super().load()
        finally:
            _LOADING.clear()
