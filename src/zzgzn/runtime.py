"""Process-wide settings for a command-line run (never for a library caller's process)."""

from __future__ import annotations

import gc

# CPython's default first threshold (700 allocations) makes the cyclic collector walk every
# live object again and again while thousands of parsed submissions are built or unpickled:
# at 3,000 files that was a third of a report's time. The data holds no reference cycles,
# so collecting rarely costs no memory. mypy, which builds large object graphs too, does
# the same.
GC_THRESHOLDS = (200_000, 30, 30)


def tune_gc() -> None:
    gc.set_threshold(*GC_THRESHOLDS)
