"""Building the site again: a page whose bytes did not change is the previous site's file,
linked rather than written (a national site is 3,000 pages); every other page is written;
the result is byte for byte what a build into an empty folder gives, and a build that fails
leaves the previous site exactly as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from .conftest import edit, invoke

pytestmark = pytest.mark.skipif(os.name == "nt", reason="inode numbers: POSIX")

TODAY = ("--today", "2021-06-30")


def _build(runner: CliRunner, root: Path, *extra: str) -> Path:
    code, output = invoke(runner, "site", "--root", str(root), *TODAY, *extra)
    assert code == 0, output
    return root / "site"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _inode(path: Path) -> int:
    return path.stat().st_ino


def test_unchanged_pages_are_the_old_files_and_the_site_is_what_a_fresh_build_gives(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    site = _build(runner, repo)
    before = {name: _inode(site / name) for name in ("units/hedong.html", "units/hexi.html")}
    edit(repo / "submissions" / "2020Q2" / "hexi.yaml", "4月起落实“六必访”", "4月起落实“七必访”", 1)
    _build(runner, repo)
    # hexi's page changed and was written; hedong's did not and is the same file as before
    assert "七必访" in (site / "units" / "hexi.html").read_text("utf-8")
    assert _inode(site / "units" / "hexi.html") != before["units/hexi.html"]
    assert _inode(site / "units" / "hedong.html") == before["units/hedong.html"]
    # the old folder is gone, so each page has one name again (and can be linked next time)
    assert all(p.stat().st_nlink == 1 for p in site.rglob("*.html"))
    assert [p.name for p in repo.iterdir() if p.name.startswith(".site")] == []
    fresh = tmp_path / "fresh"
    _build(runner, repo, "-o", str(fresh))
    assert _files(site) == _files(fresh)


def test_a_page_edited_by_hand_or_with_another_name_elsewhere_is_written_again(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    """Only a plain file of the site's own with exactly the new bytes is kept: a page edited
    by hand is written again; a symlink, or a file hard-linked from outside the site, has the
    right bytes but is not the site's alone, so the new site gets its own file and the outside
    one is untouched."""
    site = _build(runner, repo)
    edited = site / "units" / "heping.html"
    good = edited.read_bytes()
    edited.write_bytes(good.replace("和平区".encode(), "某某区".encode()))
    outside = tmp_path / "kept.html"
    os.link(site / "units" / "hedong.html", outside)
    elsewhere = tmp_path / "elsewhere.html"
    elsewhere.write_bytes((site / "units" / "hexi.html").read_bytes())
    (site / "units" / "hexi.html").unlink()
    (site / "units" / "hexi.html").symlink_to(elsewhere)
    kept, copied = outside.read_bytes(), elsewhere.read_bytes()
    _build(runner, repo)
    assert edited.read_bytes() == good
    assert _inode(site / "units" / "hedong.html") != _inode(outside)
    assert not (site / "units" / "hexi.html").is_symlink()
    assert (site / "units" / "hexi.html").read_bytes() == copied
    assert outside.read_bytes() == kept and elsewhere.read_bytes() == copied


def test_a_rebuild_that_fails_after_linking_pages_leaves_the_old_site(
    runner: CliRunner, repo: Path
) -> None:
    site = _build(runner, repo)
    before = _files(site)
    inodes = {p: _inode(p) for p in site.rglob("*.html")}
    # task pages are rendered after the unit pages, which are linked by then
    broken = repo / "templates" / "site" / "task.html.j2"
    broken.parent.mkdir(parents=True)
    broken.write_text("{% extends '_base.html.j2' %}{% block main %}{{ nope.x }}{% endblock %}")
    code, output = invoke(runner, "site", "--root", str(repo), *TODAY)
    assert code == 1 and "task.html.j2" in output
    assert _files(site) == before
    assert {p: _inode(p) for p in site.rglob("*.html")} == inodes
    assert all(p.stat().st_nlink == 1 for p in site.rglob("*.html"))
    assert [p.name for p in repo.iterdir() if p.name.startswith(".site")] == []
