"""Check many submission files: answers from the cache, the rest in worker processes or here.

Each file is checked on its own (rules.check_file), so files can be spread over
processes freely; what spans files (two files for one unit) is decided afterwards, here.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from zzgzn.checking import datacache
from zzgzn.checking.cache import Cache, Entry
from zzgzn.checking.checkedfile import CheckedFile, duplicate_submissions
from zzgzn.checking.discovery import folder_of
from zzgzn.progress import current as current_progress
from zzgzn.reading.document import Document
from zzgzn.runtime import tune_gc

if TYPE_CHECKING:
    from concurrent.futures import Future

    from zzgzn.models.plan import Plan

# Below this many files to read, starting worker processes costs more than it saves.
PARALLEL_FROM = 200
_CHUNKS_PER_JOB = 4
_CHUNK_MOST = 50  # files: small enough that no process waits long for the last ones
# chunks queued per worker: enough that none waits for the next while this process checks
# its own share (a worker idled a fifth of a national report with one chunk ahead)
_AHEAD = 8
_MAX_JOBS = 61  # Windows' process pool refuses more; -j 1000 must not be an error


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def check_files(
    files: Sequence[tuple[str, str]],
    plan_source: Callable[[], Plan],
    today: dt.date,
    *,
    jobs: int = 1,
    keep_data: bool = True,
    cache: Cache | None = None,
    fast: bool = True,
    trace_only: frozenset[str] = frozenset(),
) -> list[CheckedFile]:
    """Every file checked, in the order given, duplicates across files included.

    plan_source is called only if some file must really be checked: a run answered wholly
    from the cache never reads the plan (nor imports what checking needs). Files in the
    folders trace_only names keep only their trace (traces.py), not their whole submission.
    """
    results: list[CheckedFile | None] = [None] * len(files)
    keys: dict[int, str] = {}
    todo: list[int] = []
    for i, (path, display) in enumerate(files):
        if cache is not None and (key := cache.digest_of(path, display)) is not None:
            keys[i] = key
            results[i] = _cached(cache, key, path, display, today, keep_data, trace_only)
        if results[i] is None:
            todo.append(i)
    checked = (
        _check_all(
            [files[i] for i in todo], plan_source(), today, jobs, _Keep(keep_data, trace_only), fast
        )
        if todo
        else []
    )
    for i, one in zip(todo, checked, strict=True):
        results[i] = one
        if cache is not None and i in keys:
            _remember(cache, keys[i], one, today)
        one.dumped = None  # kept by the cache if at all: the model is the file's data
    done = [r for r in results if r is not None]

    def reread(one: CheckedFile) -> CheckedFile:
        from zzgzn.checking.rules import check_file

        assert one.source is not None
        return check_file(one.source, one.path, plan_source(), today, fast=False)

    duplicate_submissions(done, reread)
    return done


def _cached(
    cache: Cache,
    key: str,
    path: str,
    display: str,
    today: dt.date,
    keep_data: bool,
    trace_only: frozenset[str],
) -> CheckedFile | None:
    """The file as the cache knows it, or None where it must be read."""
    folder = folder_of(display)
    entry = cache.get(key, today.isoformat())
    if entry is None:
        return None
    hit = _from_entry(path, display, entry)
    if not keep_data:
        return hit
    # a file the schema refused keeps its raw data (which quarter it claims): the cache
    # has none, so such a file is read
    if hit.key is None:
        return None
    if folder in trace_only:
        hit.trace = cache.trace(folder or "", key)
        return hit if hit.trace is not None else None
    from zzgzn.models.filing import Filing  # data kept: pydantic is needed anyway
    from zzgzn.models.submission import Submission

    model = cache.model(folder or "", key)
    if isinstance(model, Submission) and (model.unit, model.quarter) == hit.key:
        hit.submission = model
    elif isinstance(model, Filing) and model.unit == hit.key[0]:
        hit.filing = model
    else:
        return None  # not kept, damaged, or not this file's: read it
    return hit


def _remember(cache: Cache, key: str, checked: CheckedFile, today: dt.date) -> None:
    if not checked.cacheable:
        return
    cache.put(key, _entry_of(checked, today))
    if checked.folder is None:
        return
    if checked.trace is not None:
        cache.put_trace(checked.folder, key, checked.trace)
    elif (model := checked.submission or checked.filing) is not None:
        cache.put_model(checked.folder, key, model, checked.dumped)


@dataclass(frozen=True)
class _Keep:
    """What a checked file keeps of its data."""

    data: bool
    trace_only: frozenset[str]

    def kept(self, checked: CheckedFile, *, detach: bool) -> CheckedFile:
        """detach: also drop positions (to send it from a worker process cheaply)."""
        trace = self.data and checked.folder in self.trace_only
        if detach or not self.data or (trace and checked.submission is not None):
            return checked.detached(keep_data=self.data, trace_only=trace)
        return checked


def _check_all(
    files: list[tuple[str, str]],
    plan: Plan,
    today: dt.date,
    jobs: int,
    keep: _Keep,
    fast: bool,
) -> list[CheckedFile]:
    progress = current_progress()
    progress.begin("checking", len(files))
    if jobs <= 1 or len(files) < PARALLEL_FROM:
        # many files in one process (one core): kept as the workers keep them, without their
        # raw data and positions (a national quarter's would be ~30 MB more)
        detach = len(files) >= PARALLEL_FROM
        done = []
        for path, display in files:
            done.append(keep.kept(_checked(path, display, plan, today, fast), detach=detach))
            progress.advance()
        progress.end()
        return done
    done = _shared(files, plan, today, min(jobs, _MAX_JOBS), keep, fast, progress.advance)
    progress.end()
    return done


def _shared(
    files: list[tuple[str, str]],
    plan: Plan,
    today: dt.date,
    jobs: int,
    keep: _Keep,
    fast: bool,
    advance: Callable[[int], None],
) -> list[CheckedFile]:
    """The files checked by jobs - 1 worker processes and this one.

    This process does its share instead of waiting, and takes the files whose whole data it
    keeps (a report's own quarter): from a worker those come as JSON to be parsed and
    validated again here, about half the cost of checking them. The workers take the rest
    (earlier quarters' traces, findings only) from the other end, so each side does what is
    cheapest for it, and whoever finishes first takes what is left.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    def whole(display: str) -> bool:
        return keep.data and folder_of(display) not in keep.trace_only

    order = sorted(range(len(files)), key=lambda i: whole(files[i][1]))  # stable
    size = max(1, min(_CHUNK_MOST, -(-len(files) // (jobs * _CHUNKS_PER_JOB))))
    pending = deque(order[i : i + size] for i in range(0, len(order), size))
    results: list[CheckedFile | None] = [None] * len(files)
    workers = jobs - 1
    # fork shares the plan with the workers for free; elsewhere it is pickled to each
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(plan, today, fast, keep)
    ) as pool:
        running: dict[Future[list[CheckedFile]], list[int]] = {}

        def collect(finished: set[Future[list[CheckedFile]]]) -> None:
            for future in finished:
                indexes = running.pop(future)
                for i, one in zip(indexes, future.result(), strict=True):
                    results[i] = _unpacked(one, plan, today, fast, keep)
                advance(len(indexes))

        def own(chunk: list[int]) -> None:
            for i in chunk:
                path, display = files[i]
                results[i] = keep.kept(_checked(path, display, plan, today, fast), detach=True)
            advance(len(chunk))

        while pending or running:
            while pending and len(running) < _AHEAD * workers:
                chunk = pending.popleft()
                running[pool.submit(_check_chunk, [files[i] for i in chunk])] = chunk
            collect({f for f in running if f.done()})
            if pending:  # this process's share, from the other end
                own(pending.pop())
            elif (queued := _unstarted(running)) is not None:
                # nothing left to hand out: take back what no worker has begun rather than
                # wait for the workers to get through their queues
                own(running.pop(queued))
            elif running:
                collect(wait(running, return_when=FIRST_COMPLETED).done)
    return [r for r in results if r is not None]


def _unstarted(
    running: dict[Future[list[CheckedFile]], list[int]],
) -> Future[list[CheckedFile]] | None:
    """The last chunk handed out that no worker has begun (cancelled, so none will), if any."""
    for future in reversed(running):
        if future.cancel():
            return future
    return None


def _checked(path: str, display: str, plan: Plan, today: dt.date, fast: bool) -> CheckedFile:
    from zzgzn.checking.rules import check_file

    return check_file(path, display, plan, today, fast=fast)


def _one(
    path: str, display: str, plan: Plan, today: dt.date, fast: bool, keep: _Keep
) -> CheckedFile:
    return keep.kept(_checked(path, display, plan, today, fast), detach=False)


_WORKER: tuple[Plan, dt.date, bool, _Keep] | None = None


def _start(plan: Plan, today: dt.date, fast: bool, keep: _Keep) -> None:
    global _WORKER
    _WORKER = (plan, today, fast, keep)
    tune_gc()  # inherited under fork, not under spawn (Windows, macOS)


def _check_chunk(chunk: list[tuple[str, str]]) -> list[CheckedFile]:
    assert _WORKER is not None
    plan, today, fast, keep = _WORKER
    return [
        _packed(keep.kept(_checked(path, display, plan, today, fast), detach=True))
        for path, display in chunk
    ]


def _packed(checked: CheckedFile) -> CheckedFile:
    """Its data as JSON, to send from a worker: a pickled pydantic model took as long to
    unpickle in the parent, one by one, as the worker took to check the file."""
    model = checked.submission or checked.filing
    if model is None:
        return checked
    return replace(checked, submission=None, filing=None, dumped=datacache.dumped(model))


def _unpacked(
    checked: CheckedFile, plan: Plan, today: dt.date, fast: bool, keep: _Keep
) -> CheckedFile:
    """The worker's file with its model again; checked here should the JSON not read back."""
    if checked.dumped is None:
        return checked
    from zzgzn.models.submission import Submission

    model = datacache.loaded(*checked.dumped)
    if model is None:  # never seen (a property test says so): the data is not lost for it
        assert checked.source is not None
        return keep.kept(_one(checked.source, checked.path, plan, today, fast, keep), detach=True)
    if isinstance(model, Submission):
        checked.submission = model
    else:
        checked.filing = model
    return checked


def _from_entry(path: str, display: str, entry: Entry) -> CheckedFile:
    name = display.rsplit("/", 1)[-1]
    return CheckedFile(
        display,
        folder_of(display),
        name.rsplit(".", 1)[0],  # the stem: discovery only passes *.yaml and *.yml
        Document(display),
        problems=list(entry.problems),
        source=path,
        key=entry.key,
        submitted_on=dt.date.fromisoformat(entry.submitted_on) if entry.submitted_on else None,
        positioned=False,
    )


def _entry_of(checked: CheckedFile, today: dt.date) -> Entry:
    submitted_on = checked.submitted_on
    return Entry(
        list(checked.problems),
        checked.key,
        submitted_on.isoformat() if submitted_on else None,
        today.isoformat(),
        sorted({day.isoformat() for day in checked.dated}),
    )
