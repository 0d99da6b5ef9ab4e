"""Every command, registered on the shared app by importing its module."""

from zzgzn.cli import campaign as _campaign  # noqa: F401
from zzgzn.cli import chain as _chain  # noqa: F401
from zzgzn.cli import checks as _checks  # noqa: F401
from zzgzn.cli import intake as _intake  # noqa: F401
from zzgzn.cli import liaison as _liaison  # noqa: F401
from zzgzn.cli import office as _office  # noqa: F401
from zzgzn.cli import reports as _reports  # noqa: F401
from zzgzn.cli import site as _site  # noqa: F401
from zzgzn.cli.base import app, default_lang, main

__all__ = ["app", "default_lang", "main"]
