"""Building the site again: a page whose bytes did not change is the previous site's file,
linked rather than written (a national site is 3,000 pages), known by what the previous
build remembered in .zzgzn_cache/site.json (site/pages.py), never by reading the old page;
every other page is written; the result is byte for byte what a build into an empty folder
gives, and a build that fails leaves the previous site exactly as it was."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzgzn.checking.cache import _signed

from .conftest import edit, invoke

pytestmark = pytest.mark.skipif(os.name == "nt", reason="inode numbers: POSIX")

TODAY = ("--today", "2021-06-30")


def _build(runner: CliRunner, root: Path, *extra: str, today: str = TODAY[1]) -> Path:
    code, output = invoke(runner, "site", "--root", str(root), "--today", today, *extra)
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


def _manifest(root: Path) -> Path:
    return root / ".zzgzn_cache" / "site.json"


def test_an_unchanged_rebuild_writes_no_page(runner: CliRunner, repo: Path) -> None:
    site = _build(runner, repo)
    inodes = {p: _inode(p) for p in site.rglob("*.html")}
    _build(runner, repo)
    assert {p: _inode(p) for p in site.rglob("*.html")} == inodes


def test_a_page_changed_in_place_with_its_times_put_back_is_written_again(
    runner: CliRunner, repo: Path
) -> None:
    """Same size, same modification time: only the change time (which no program sets)
    tells; the page is written again, not linked."""
    site = _build(runner, repo)
    page = site / "units" / "hexi.html"
    good = page.read_bytes()
    info = page.stat()
    page.write_bytes(good.replace(b"<", b"[", 1))
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert page.stat().st_size == info.st_size and page.stat().st_mtime_ns == info.st_mtime_ns
    _build(runner, repo)
    assert page.read_bytes() == good
    assert _inode(page) != info.st_ino


def _remembered_as_today(repo: Path, site: Path) -> None:
    """A manifest that says every page of the site is what this build renders, with each
    file's true signature: what a forger would write."""
    pages = {}
    for p in site.rglob("*.html"):
        info = p.stat()
        name = p.relative_to(site).as_posix()
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
        pages[name] = [digest, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]
    body = {"format": 1, "target": str(site.resolve()), "pages": pages}
    _manifest(repo).write_bytes(json.dumps(body).encode())  # unsigned


def test_a_manifest_from_anyone_else_links_nothing(runner: CliRunner, repo: Path) -> None:
    """A pull request can carry .zzgzn_cache/ and a site/ with a page of its choosing: a
    manifest not signed with this user's key is no manifest."""
    site = _build(runner, repo)
    page = site / "units" / "hexi.html"
    good = page.read_bytes()
    page.write_bytes(good.replace("河西区".encode(), "某某区".encode()))
    _remembered_as_today(repo, site)
    # signed, but with another key: the same
    forged = json.loads(_manifest(repo).read_bytes())
    other = _signed(forged, b"k" * 32)
    for manifest in (None, other):
        if manifest is not None:
            page.write_bytes(good.replace("河西区".encode(), "某某区".encode()))
            _manifest(repo).write_bytes(manifest)
        before = _inode(page)
        _build(runner, repo)
        assert page.read_bytes() == good and _inode(page) != before


def test_no_cache_and_ci_neither_read_nor_write_the_manifest(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _build(runner, repo, "--no-cache")
    assert not _manifest(repo).exists()
    monkeypatch.setenv("CI", "true")
    _build(runner, repo)
    assert not _manifest(repo).exists()
    monkeypatch.delenv("CI")
    _build(runner, repo)
    assert _manifest(repo).exists()
    inodes = {p: _inode(p) for p in site.rglob("*.html")}
    _build(runner, repo, "--no-cache")
    assert all(_inode(p) != inodes[p] for p in site.rglob("*.html"))


@pytest.mark.parametrize("change", ["today", "plan", "other-target"])
def test_what_a_rebuild_gives_is_what_a_fresh_build_gives(
    runner: CliRunner, repo: Path, tmp_path: Path, change: str
) -> None:
    """Another day (states and days left move), an edited plan, or a manifest remembered
    for another folder: the pages that changed are written, and the site is byte for byte
    the site a build into an empty folder gives."""
    today = TODAY[1]
    site = _build(runner, repo)
    extra: tuple[str, ...] = ()
    if change == "today":
        today = "2021-09-30"
    elif change == "plan":
        edit(repo / "plan" / "units.yaml", "河西区", "河西新区", 1)
    else:
        other = tmp_path / "other"
        _build(runner, repo, "-o", str(other))  # the manifest now speaks of other/
        extra = ("-o", str(other))
    before = _files(site)
    _build(runner, repo, today=today)
    _build(runner, repo, *extra, today=today)
    fresh = tmp_path / "fresh"
    _build(runner, repo, "-o", str(fresh), "--no-cache", today=today)
    assert _files(site) == _files(fresh)
    if change != "other-target":
        assert before != _files(site)
