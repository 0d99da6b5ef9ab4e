"""The command line (the only package that imports typer and rich).

Importing the command modules registers their commands on the app; `--help` shows them in
panels by who uses them (reports, tracking, checks, the liaison's tools).
"""

from zzgzn.cli import checks as _checks  # noqa: F401
from zzgzn.cli import liaison as _liaison  # noqa: F401
from zzgzn.cli import office as _office  # noqa: F401
from zzgzn.cli import reports as _reports  # noqa: F401
from zzgzn.cli.app import app, default_lang, main

__all__ = ["app", "default_lang", "main"]
