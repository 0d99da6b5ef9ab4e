"""The command line (the only package that imports typer and rich).

Importing zzgzn.cli.commands registers every command on the app; `--help` shows them in
panels by who uses them (reports, tracking, checks, the liaison's tools). Nothing heavy is
imported before a command runs, and `zzgzn --version` imports nothing at all.
"""

from __future__ import annotations

import sys
from typing import Any

from zzgzn import __version__

__all__ = ["app", "default_lang", "main"]


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"zzgzn {__version__}\n")
        return
    from zzgzn.cli.commands import main as run
    from zzgzn.runtime import tune_gc

    tune_gc()
    run()


def __getattr__(name: str) -> Any:
    if name in ("app", "default_lang"):
        from zzgzn.cli import commands

        return getattr(commands, name)
    raise AttributeError(name)
