"""Charts draw Chinese on any machine: the system's CJK font, one installed after matplotlib
built its font cache, or the Noto Sans CJK that zzgzn[office] installs from PyPI."""

from __future__ import annotations

import copy
import io
import shutil
import sys
import warnings
from pathlib import Path

import matplotlib
import pytest
from matplotlib import font_manager
from matplotlib import pyplot as plt
from typer.testing import CliRunner

from zzgzn.errors import MissingExtra
from zzgzn.report import fonts
from zzgzn.report.fonts import CJK_FONTS, find_cjk_font, packaged_font

from .conftest import copy_campaign, invoke


@pytest.fixture
def no_system_font(monkeypatch: pytest.MonkeyPatch) -> font_manager.FontManager:
    """A machine without any CJK font: matplotlib's list lacks them and the disk has none.

    This machine may have one (fonts-noto-cjk): hide it, whatever is installed.
    """
    manager = copy.copy(font_manager.fontManager)
    manager.ttflist = [
        f for f in manager.ttflist if "CJK" not in f.name and f.name not in CJK_FONTS
    ]
    monkeypatch.setattr(font_manager, "fontManager", manager)
    monkeypatch.setattr(font_manager, "findfont", manager.findfont)
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    return manager


def _draws_without_missing_glyphs(name: str) -> bool:
    with (
        warnings.catch_warnings(record=True) as caught,
        plt.rc_context({"font.family": "sans-serif", "font.sans-serif": [name]}),
    ):
        warnings.simplefilter("always")
        figure, axes = plt.subplots()
        axes.set_title("各季度报送情况：按时、逾期、报送有误")
        figure.savefig(io.BytesIO(), format="png")
        plt.close(figure)
    return not [w for w in caught if "missing from" in str(w.message)]


def test_the_packaged_font_draws_chinese_where_the_system_has_none(
    no_system_font: font_manager.FontManager,
) -> None:
    found = find_cjk_font()
    assert found.source == "package"
    assert found.path == packaged_font()
    assert Path(found.path).name == "NotoSansCJK-Regular.ttc"
    assert found.name in ("Noto Sans CJK SC", "Noto Sans CJK JP")
    assert _draws_without_missing_glyphs(found.name)


def test_without_the_packaged_font_it_draws_nothing_and_says_what_to_install(
    no_system_font: font_manager.FontManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "noto_cjk_sans_otc", None)  # the package is not installed
    with pytest.raises(MissingExtra) as caught:
        find_cjk_font()
    assert caught.value.code == "no-cjk-font"


def test_a_font_installed_after_the_cache_was_built_is_found(
    no_system_font: font_manager.FontManager, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """fonts-noto-cjk installed after matplotlib wrote ~/.cache/matplotlib/fontlist-*.json:
    the cached list (no_system_font) lacks it, the disk has it; it wins over the package."""
    installed = tmp_path / "usr-share-fonts" / "NotoSansCJK-Regular.ttc"
    installed.parent.mkdir()
    shutil.copyfile(packaged_font(), installed)
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [str(installed)])
    cache = tmp_path / "mplcache"
    cache.mkdir()
    monkeypatch.setattr(matplotlib, "get_cachedir", lambda: str(cache))
    found = find_cjk_font()
    assert (found.source, found.path) == ("system", str(installed))
    # matplotlib's own cache now lists it: a new process finds it without a scan
    (written,) = cache.glob("fontlist-v*.json")
    assert str(installed) in written.read_text("utf-8")
    reloaded = font_manager.json_load(written)
    assert any(f.fname == str(installed) for f in reloaded.ttflist)
    # and the next call answers from the list, without looking at the disk again
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    assert find_cjk_font().source == "cache"


def test_a_font_matplotlib_knows_is_used_as_it_is(
    no_system_font: font_manager.FontManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_system_font.addfont(packaged_font())
    monkeypatch.setattr(fonts, "packaged_font", lambda: pytest.fail("the package was consulted"))
    assert find_cjk_font().source == "cache"


def test_the_summary_charts_are_drawn_with_the_packaged_font(
    no_system_font: font_manager.FontManager, runner: CliRunner, tmp_path: Path
) -> None:
    root = copy_campaign(tmp_path / "repo")
    code, output = invoke(
        runner, "summary", "--root", str(root), "-f", "md", "-o", f"{tmp_path}/out/"
    )
    assert code == 0, output
    charts = sorted((tmp_path / "out" / "charts").glob("*.png"))
    assert len(charts) == 2 and all(c.stat().st_size > 10_000 for c in charts)
