"""How a built site's board behaves in Debian's chromium: seconds to load index.html and to
apply the filter (a keystroke until the rows are narrowed), and how many rows it has.

    python benchmarks/board_in_browser.py SITE_DIR

Prints one JSON object. Needs the playwright package and Debian's chromium, found and launched
as the tests of pages do (tests/browser.py); never Playwright's own browser download. Every
request but file:// is refused.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from playwright.sync_api import Route, sync_playwright

# the same browser and flags as the tests of pages
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.browser import ARGS, CHROMIUM

ROWS = "#board-table tbody tr"


def _local_only(route: Route) -> None:
    if route.request.url.startswith("file://"):
        route.continue_()
    else:
        route.abort()


def main() -> None:
    index = Path(sys.argv[1]).resolve() / "index.html"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("**/*", _local_only)
        start = time.perf_counter()
        page.goto(index.as_uri())
        page.wait_for_selector("#filter", state="visible")  # the script has set up
        loaded = time.perf_counter() - start
        rows = page.locator(ROWS).count()
        timings = []
        for word in ("区", "局", "0", ""):  # narrow, narrow again, a digit, then all rows back
            start = time.perf_counter()
            page.fill("#filter", word)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r)))")
            timings.append(time.perf_counter() - start)
        shown = page.locator(f"{ROWS}:not([hidden])").count()
        browser.close()
    print(json.dumps({"load": loaded, "filter": max(timings), "rows": rows, "shown": shown}))


if __name__ == "__main__":
    main()
