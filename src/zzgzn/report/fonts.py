"""A font that draws Chinese in the charts, on any machine.

In order: a CJK font matplotlib already knows (its font list is cached in
~/.cache/matplotlib/fontlist-*.json); a CJK font installed on the system after that cache was
built (the cache is never refreshed by itself, so the disk is looked at again); and last the
Noto Sans CJK that `zzgzn[office]` installs from PyPI (package noto-cjk-sans-otc, SIL Open
Font License). Charts never fall back to boxes: without any of them zzgzn says what to install.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from matplotlib import font_manager

from zzgzn.errors import MissingExtra

# Preferred first: what Windows, Linux distributions and macOS ship, then the packaged one.
CJK_FONTS = (
    "Microsoft YaHei",
    "SimHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "PingFang SC",
    "Heiti SC",
    # older matplotlib reads only the first face of a .ttc: Japanese, with every Chinese glyph
    "Noto Sans CJK JP",
)


@dataclass(frozen=True)
class CjkFont:
    name: str
    path: str
    source: str  # "cache" (known to matplotlib), "system" (found on disk) or "package"


def find_cjk_font() -> CjkFont:
    manager = font_manager.fontManager
    known = _best(manager.ttflist)
    if known is not None:
        return CjkFont(known.name, known.fname, "cache")
    seen = {f.fname for f in manager.ttflist}
    for path in font_manager.findSystemFonts():
        if path not in seen:
            with contextlib.suppress(Exception):  # a broken font file is not ours to report
                manager.addfont(path)
    found = _best(manager.ttflist)
    if found is not None:
        _remember(manager)
        return CjkFont(found.name, found.fname, "system")
    path = packaged_font()
    manager.addfont(path)
    packaged = _best([f for f in manager.ttflist if f.fname == path])
    if packaged is None:  # the package's file is not what its name says
        raise MissingExtra("font-unusable", path=path)
    return CjkFont(packaged.name, packaged.fname, "package")


def _remember(manager: font_manager.FontManager) -> None:
    """Write the list with the newly found fonts where matplotlib keeps it, as matplotlib
    itself would on a rebuild: the next run finds them without looking at the disk (0.4–0.8 s
    here). A cache that cannot be written only costs that time again."""
    import matplotlib

    path = (
        Path(matplotlib.get_cachedir()) / f"fontlist-v{font_manager.FontManager.__version__}.json"
    )
    with contextlib.suppress(Exception):
        font_manager.json_dump(manager, path)


def cjk_font() -> str:
    """The family name to give matplotlib."""
    return find_cjk_font().name


def packaged_font() -> str:
    """The .ttc file of the noto-cjk-sans-otc package (part of zzgzn[office])."""
    try:
        import noto_cjk_sans_otc
    except ModuleNotFoundError:
        raise MissingExtra("no-cjk-font") from None
    path = os.fspath(str(noto_cjk_sans_otc.FONT_PATH))
    if not os.path.isfile(path):
        raise MissingExtra("no-cjk-font")
    return path


def _best(fonts: list[font_manager.FontEntry]) -> font_manager.FontEntry | None:
    """The most preferred CJK family present, in its regular weight where there is one."""
    by_name: dict[str, list[font_manager.FontEntry]] = {}
    for entry in fonts:
        by_name.setdefault(entry.name, []).append(entry)
    for name in CJK_FONTS:
        if name in by_name:
            return min(by_name[name], key=lambda f: abs(_weight(f.weight) - 400))
    return None


def _weight(weight: int | str) -> int:
    return weight if isinstance(weight, int) else font_manager.weight_dict.get(weight, 400)
