"""Debian's chromium driven by Playwright, for the tests of pages (the site, the fill-in form).

Playwright's own browser download is unreachable here and not needed: /usr/bin/chromium
(`apt-get install chromium`), or $ZZGZN_CHROMIUM. Without it the tests skip with the reason,
unless ZZGZN_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("ZZGZN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# no background connections: this machine's closed network refuses them, noisily
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REQUIRED = os.environ.get("ZZGZN_REQUIRE_BROWSER") == "1"


def why_not() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not Path(CHROMIUM).is_file():
        return f"no chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def need_browser() -> None:
    """Skip (or, where a browser is required, fail) the calling test without one."""
    reason = why_not()
    if reason:
        if REQUIRED:
            pytest.fail(f"ZZGZN_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(f"browser tests need chromium: {reason}")
