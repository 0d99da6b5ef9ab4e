"""The pages rendered by two processes (site/split.py): the same bytes as one process gives,
and the same error, leaving the old site, when a page cannot be rendered; a child that fails
in any way has its share rendered again by the parent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzgzn.site import build, split
from zzgzn.site.pages import Pages

from .conftest import invoke

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork: POSIX")

TODAY = ("--today", "2021-06-30")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every site split, however small (the shipped one is below SPLIT_FROM)."""
    monkeypatch.setattr(split, "SPLIT_FROM", 1)
    monkeypatch.setattr(build, "default_jobs", lambda: 2)


def test_two_processes_write_what_one_writes(
    runner: CliRunner,
    shipped: Path,
    tmp_path: Path,
    two_cores: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for _ in range(2):  # the second a rebuild, its pages linked by both processes
        code, output = invoke(
            runner, "site", "--root", str(shipped), *TODAY, "-o", str(tmp_path / "two")
        )
        assert code == 0, output
    monkeypatch.setattr(build, "default_jobs", lambda: 1)
    code, output = invoke(
        runner, "site", "--root", str(shipped), *TODAY, "-o", str(tmp_path / "one")
    )
    assert code == 0, output
    assert _files(tmp_path / "two") == _files(tmp_path / "one")
    assert len(_files(tmp_path / "one")) > 50


def test_a_page_that_cannot_be_rendered_fails_the_build_as_in_one_process(
    runner: CliRunner, repo: Path, two_cores: None
) -> None:
    code, output = invoke(runner, "site", "--root", str(repo), *TODAY)
    assert code == 0, output
    before = _files(repo / "site")
    broken = repo / "templates" / "site" / "unit.html.j2"
    broken.parent.mkdir(parents=True)
    broken.write_text("{% extends '_base.html.j2' %}{% block main %}{{ nope.x }}{% endblock %}")
    code, output = invoke(runner, "site", "--root", str(repo), *TODAY)
    assert code == 1
    assert "网站模板有误" in output and "unit.html.j2" in output
    assert "Traceback" not in output
    assert _files(repo / "site") == before
    assert [p.name for p in repo.iterdir() if p.name.startswith(".site")] == []


@pytest.mark.parametrize("fails_after", [0, 3])
def test_a_child_that_fails_has_its_share_rendered_by_the_parent(
    tmp_path: Path, fails_after: int, two_cores: None
) -> None:
    """fails_after: pages the child writes before it fails (half-written, or linked to the old
    site: the parent never writes into them, it replaces them)."""
    old = tmp_path / "old"
    old.mkdir()
    folder = tmp_path / "new"
    folder.mkdir()
    jobs = [f"p{i}.html" for i in range(20)]
    for name in jobs:
        (old / name).write_text("old", "utf-8")
    parent = os.getpid()
    pages = Pages(old)
    done: list[str] = []

    def do(name: str) -> None:
        if os.getpid() != parent:
            if len(done) >= fails_after:
                raise RuntimeError("the child fails")
            os.link(old / name, folder / name)  # as a page linked from the old site
            done.append(name)
            return
        pages.write(folder, name, f"page {name}\n")

    split.in_two(jobs, str, do, pages, folder, cores=2)
    assert sorted(pages.written) == sorted(jobs)
    for name in jobs:
        assert (folder / name).read_text("utf-8") == f"page {name}\n"
        assert (old / name).read_text("utf-8") == "old"


def test_the_child_renders_every_other_page(tmp_path: Path, two_cores: None) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    jobs = [f"p{i}.html" for i in range(10)]
    pages = Pages(tmp_path / "old")

    def do(name: str) -> None:
        pages.write(folder, name, f"{os.getpid()}\n")

    split.in_two(jobs, str, do, pages, folder, cores=2)
    by = [(folder / name).read_text("utf-8") for name in jobs]
    assert set(by[0::2]) == {f"{os.getpid()}\n"}
    assert len(set(by[1::2])) == 1 and by[1] != by[0]
    assert sorted(pages.written) == sorted(jobs)
