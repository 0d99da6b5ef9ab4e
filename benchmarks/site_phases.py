"""Where `zzgzn site` spends its time, phase by phase, in one process: reading every file's
data (answered from the cache), the site's model (board, summary, pages' data), and rendering
the pages (each one dropped once rendered: nothing is written).

    python benchmarks/site_phases.py ROOT

Prints one JSON object: each phase's wall and CPU seconds, the pages and their megabytes.
run.py compares `zzgzn site` with `zzgzn status` plus the rendering measured here.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any


def main() -> None:
    root = Path(sys.argv[1])
    start = (time.perf_counter(), time.process_time())
    from zzgzn import clock
    from zzgzn.checking.runner import default_jobs
    from zzgzn.checking.validate import validate_repository
    from zzgzn.runtime import tune_gc
    from zzgzn.site.build import environment, rendered_pages
    from zzgzn.site.model import site_of

    tune_gc()  # as the command line does
    found: dict[str, Any] = {}

    def phase(name: str) -> None:
        nonlocal start
        now = (time.perf_counter(), time.process_time())
        found[name] = {"wall": now[0] - start[0], "cpu": now[1] - start[1]}
        start = now

    today = clock.today(None)
    phase("import")
    result = validate_repository(root, today, jobs=default_jobs(), use_cache=True)
    phase("read")
    site = site_of(root, result, today)
    phase("model")
    env = environment(root)
    pages, size, counting = 0, 0, [0.0, 0.0]
    for _, html in rendered_pages(env, site):
        pages += 1
        began = (time.perf_counter(), time.process_time())
        size += len(html.encode("utf-8"))  # the size, not part of rendering: its time is left out
        counting[0] += time.perf_counter() - began[0]
        counting[1] += time.process_time() - began[1]
    phase("render")
    found["render"]["wall"] -= counting[0]
    found["render"]["cpu"] -= counting[1]
    found["pages"], found["mb"] = pages, size / 1e6
    print(json.dumps(found))


if __name__ == "__main__":
    main()
