"""The gate holds (issue 17): each way a pull request once got past CI, tried again on a real
git repository by running .github/workflows/validate.yml's own steps (tests/actions.py).

The campaign repository holds zzgzn's source, as this one does: the workflow installs the
base branch's zzgzn (from a worktree of origin/main) and checks the pull request's data with it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from .actions import Run, run_workflow
from .conftest import REPO, copy_campaign, edit, invoke
from .gitrepo import git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

HEXI = "submissions/2020Q2/hexi.yaml"
TODAY = "2021-06-30"


_SOURCE = ("pyproject.toml", "README.md", ".gitattributes", ".gitignore")
_SOURCE_DIRS = ("src", ".github", "schemas", "templates")


def _campaign(root: Path) -> None:
    """The shipped campaign with zzgzn's source, as this repository is."""
    copy_campaign(root)
    for name in _SOURCE:
        shutil.copy2(REPO / name, root / name)
    for name in _SOURCE_DIRS:
        shutil.copytree(
            REPO / name,
            root / name,
            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"),
        )


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The office's repository on GitHub (a bare one): the campaign on main, committed once."""
    work = tmp_path_factory.mktemp("office") / "campaign"
    _campaign(work)
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, "commit", "-qm", "campaign")
    bare = work.parent / "origin.git"
    git(work.parent, "clone", "-q", "--bare", str(work), str(bare))
    return bare


@pytest.fixture
def pr(origin: Path, tmp_path: Path) -> Path:
    """A liaison's clone (what actions/checkout gives, with full history), on a new branch."""
    bare = tmp_path / "origin.git"
    shutil.copytree(origin, bare)
    workspace = tmp_path / "workspace"
    git(tmp_path, "clone", "-q", str(bare), str(workspace))
    git(workspace, "checkout", "-q", "-b", "pr")
    return workspace


def office_commit(workspace: Path, message: str) -> None:
    """Something the office merged into main before the pull request branched off."""
    git(workspace, "checkout", "-q", "main")
    git(workspace, "add", "-A")
    git(workspace, "commit", "-qm", message)
    git(workspace, "push", "-q", "origin", "main")
    git(workspace, "checkout", "-q", "-B", "pr")


def commit(workspace: Path, message: str = "pull request") -> None:
    git(workspace, "add", "-A")
    git(workspace, "commit", "-qm", message)


def gate(
    workspace: Path,
    tmp_path: Path,
    *,
    actor: str = "example-liaison",
    today: str = TODAY,
    event: str = "pull_request",
) -> Run:
    """The workflow, as GitHub runs it for a pull request from branch pr into main (or for a
    push to main: no base_ref then)."""
    pull = event == "pull_request"
    context = {
        "github.event_name": event,
        "github.base_ref": "main" if pull else "",
        "github.head_ref": "pr" if pull else "",
        "github.actor": actor,
    }
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir()
    env = {"ZZGZN_TODAY": today, "XDG_CACHE_HOME": str(tmp_path / "runner-cache")}
    return run_workflow(
        workspace / ".github" / "workflows" / "validate.yml",
        workspace,
        {**context},
        runner_temp,
        env,
    )


def break_hexi(workspace: Path) -> None:
    """Twelve things wrong in one file (the issue's broken hexi.yaml)."""
    path = workspace / HEXI
    edit(path, "status: in_progress", "status: maybe")
    edit(path, "unit: hexi", "unit: hexi\nstaus: done")


# --- a good pull request passes ----------------------------------------------------------


def test_a_units_correction_passes_the_gate(pr: Path, tmp_path: Path) -> None:
    edit(pr / HEXI, "稳步推进", "扎实推进", count=1)
    commit(pr)
    run = gate(pr, tmp_path)
    assert run.ok, run.output
    assert all(s.ran for s in run.steps)
    assert ("submissions/2020Q2/hexi.yaml", "pr-correction") in run.codes("warning")


def test_a_push_to_main_is_checked_by_what_main_holds(pr: Path, tmp_path: Path) -> None:
    edit(pr / HEXI, "稳步推进", "扎实推进", count=1)
    office_commit(pr, "the office corrects a typo")
    git(pr, "checkout", "-q", "main")
    run = gate(pr, tmp_path, event="push")
    assert run.ok, run.output
    assert [s.ran for s in run.steps].count(False) == 1  # only the pull request's own check


# --- 1. a forged cache ----------------------------------------------------------------


def forge_cache(workspace: Path, tmp_path: Path) -> Path:
    """Build .zzgzn_cache/validate.json exactly as zzgzn builds one (with the forger's own key,
    the only one a forger has), saying the broken hexi.yaml has no problems."""
    import datetime as dt

    from zzgzn.checking import cache as cache_module
    from zzgzn.checking.validate import validate_repository

    good = tmp_path / "forger"
    shutil.copytree(workspace, good, ignore=shutil.ignore_patterns(".git"))
    edit(good / HEXI, "status: maybe", "status: in_progress")  # undo the breakage
    edit(good / HEXI, "unit: hexi\nstaus: done", "unit: hexi")
    validate_repository(good, dt.date(2021, 6, 30), use_cache=True, keep_data=False)
    stored = json.loads((good / ".zzgzn_cache" / "validate.json").read_bytes())
    stored.pop("mac")
    clean = cache_module.digest(HEXI, (good / HEXI).read_bytes())
    broken = cache_module.digest(HEXI, (workspace / HEXI).read_bytes())
    stored["entries"][broken] = stored["entries"][clean]
    stored["stats"] = {}
    key = cache_module.cache_key()
    target = workspace / ".zzgzn_cache" / "validate.json"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(cache_module._signed(stored, key))
    return target


def test_1_a_forged_cache_changes_no_verdict(pr: Path, tmp_path: Path) -> None:
    break_hexi(pr)
    forge_cache(pr, tmp_path)
    git(pr, "add", "-f", ".zzgzn_cache/validate.json")
    commit(pr, "hexi 2020Q2")
    run = gate(pr, tmp_path)
    assert not run.ok
    codes = run.codes()
    assert (".zzgzn_cache/validate.json", "pr-cache-file") in codes
    hexi = [a for a in run.annotations() if a["file"] == HEXI]
    assert {a["title"] for a in hexi} >= {"unknown-key", "invalid-value"}, run.output


def test_1_the_office_machine_ignores_a_forged_cache_too(
    pr: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Merged by mistake and run on a desk (not CI): another key's cache is a miss."""
    break_hexi(pr)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "forger-cache"))
    forge_cache(pr, tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "office-cache"))
    code, output = invoke(runner, "validate", "--root", str(pr), "-f", "json")
    assert code == 1
    assert {p["code"] for p in json.loads(output) if p["path"] == HEXI} >= {
        "unknown-key",
        "invalid-value",
    }


# --- 2. an upper-case suffix ------------------------------------------------------------


def test_2_an_upper_case_suffix_is_still_a_units_file(pr: Path, tmp_path: Path) -> None:
    mishuchu = pr / "submissions" / "2020Q2" / "mishuchu.yaml"
    text = mishuchu.read_text("utf-8")
    mishuchu.unlink()
    office_commit(pr, "mishuchu's 2020Q2 report is missing")
    (pr / "submissions" / "2020Q2" / "mishuchu.YAML").write_text(text, "utf-8")
    edit(pr / HEXI, "稳步推进", "扎实推进", count=1)
    commit(pr)
    run = gate(pr, tmp_path)
    assert not run.ok
    assert run.codes() >= {
        ("submissions/2020Q2/mishuchu.YAML", "pr-multiple-units"),
        ("submissions/2020Q2/mishuchu.YAML", "pr-bad-name"),
        (HEXI, "pr-multiple-units"),
    }
    codeowners = (pr / ".github" / "CODEOWNERS").read_text("utf-8")
    assert "/submissions/*/mishuchu.* @example-veterans/mishuchu" in codeowners


# --- 3. templates that execute ------------------------------------------------------------


BUILTIN_REPORT = REPO / "src" / "zzgzn" / "templates" / "report.md.j2"


def payload(marker: Path) -> str:
    return f"{{% set _ = cycler.__init__.__globals__.os.system('touch {marker}') %}}\n"


def test_3_a_template_never_rides_with_a_submission(pr: Path, tmp_path: Path) -> None:
    template = pr / "templates" / "report.md.j2"
    template.write_text(
        payload(tmp_path / "PWNED")
        + (REPO / "src/zzgzn/templates/report.md.j2").read_text("utf-8"),
        "utf-8",
    )
    edit(pr / HEXI, "稳步推进", "扎实推进", count=1)
    commit(pr)
    run = gate(pr, tmp_path)
    assert not run.ok
    assert ("templates/report.md.j2", "pr-mixed-office") in run.codes()
    message = next(a["message"] for a in run.annotations() if a["title"] == "pr-mixed-office")
    assert "报告模板" in message


def test_3_a_template_runs_in_the_sandbox(pr: Path, runner: CliRunner, tmp_path: Path) -> None:
    """Merged anyway (an office-only change nobody read): report refuses it, runs nothing."""
    template = pr / "templates" / "report.md.j2"
    marker = tmp_path / "PWNED"
    template.write_text(
        "# 报告\n\n"
        + payload(marker)
        + (REPO / "src/zzgzn/templates/report.md.j2").read_text("utf-8"),
        "utf-8",
    )
    code, output = invoke(
        runner, "report", "2020Q2", "-f", "md", "--root", str(pr), "--today", "2020-07-01"
    )
    assert code == 1
    assert "report.md.j2:3" in output and "__init__" in output, output
    assert not marker.exists()


# --- 4. the pull request's own code ----------------------------------------------------------


def test_4_the_pull_requests_code_does_not_judge_it(pr: Path, tmp_path: Path) -> None:
    validate = pr / "src" / "zzgzn" / "checking" / "validate.py"
    edit(validate, "    result.problems.sort()\n", "    result.problems = []\n")
    break_hexi(pr)
    commit(pr)
    run = gate(pr, tmp_path)
    assert not run.ok
    assert ("src/zzgzn/checking/validate.py", "pr-mixed-office") in run.codes()
    assert {a["title"] for a in run.annotations() if a["file"] == HEXI} >= {"unknown-key"}


# --- 5. a symlink swapped in, in a closed quarter --------------------------------------------


def close_2020q2(pr: Path, runner: CliRunner) -> None:
    code, output = invoke(
        runner, "report", "2020Q2", "-f", "md", "--root", str(pr), "--today", "2020-07-20"
    )
    assert code == 0 and (pr / "plan" / "frozen.yaml").is_file(), output
    office_commit(pr, "2020Q2 closed")


def test_5_a_symlink_swap_is_refused(pr: Path, tmp_path: Path, runner: CliRunner) -> None:
    close_2020q2(pr, runner)
    hexi = pr / HEXI
    notes = pr / "submissions" / "2020Q2" / "notes.txt"
    notes.write_text(hexi.read_text("utf-8").replace("稳步推进", "扎实推进", 1), "utf-8")
    hexi.unlink()
    hexi.symlink_to("notes.txt")
    commit(pr)
    run = gate(pr, tmp_path)
    assert not run.ok
    assert run.codes() >= {(HEXI, "pr-not-a-file"), (HEXI, "pr-unrecorded-change")}


# --- 6. deleting the record of closed quarters ----------------------------------------------


def test_6_deleting_frozen_yaml_reopens_nothing(
    pr: Path, tmp_path: Path, runner: CliRunner
) -> None:
    close_2020q2(pr, runner)
    git(pr, "rm", "-q", "plan/frozen.yaml")
    commit(pr)
    run = gate(pr, tmp_path)
    assert not run.ok
    found = [a for a in run.annotations() if a["title"] == "pr-frozen-reopened"]
    assert [a["file"] for a in found] == ["plan/frozen.yaml"]
    assert "2020Q2" in found[0]["message"]


def test_6_once_a_deletion_is_merged_the_gate_knows_no_closed_quarter(
    pr: Path, tmp_path: Path, runner: CliRunner
) -> None:
    close_2020q2(pr, runner)
    git(pr, "rm", "-q", "plan/frozen.yaml")
    commit(pr, "office: unfreeze")
    git(pr, "push", "-q", "origin", "HEAD:main")  # merged by mistake
    edit(pr / HEXI, "稳步推进", "扎实推进", count=1)
    commit(pr)
    run = gate(pr, tmp_path)
    # What the README says: the gate refuses the deletion; merged over that refusal, main no
    # longer records a closed quarter, and later edits need no amendment.
    assert (HEXI, "pr-unrecorded-change") not in run.codes()
    assert run.ok, run.output


# --- 7. CODEOWNERS injection -----------------------------------------------------------------


def test_7_an_owner_handle_is_one_user_or_team(pr: Path, tmp_path: Path) -> None:
    units = pr / "plan" / "units.yaml"
    edit(units, '"@example-veterans/hexi"', '"@x\\n/plan/ @evil-user"')
    commit(pr)
    run = gate(pr, tmp_path)
    assert not run.ok
    found = [a for a in run.annotations() if a["title"] == "bad-github"]
    assert found and found[0]["file"] == "plan/units.yaml" and found[0].get("line"), run.output
    assert "/plan/ @evil-user" not in (pr / ".github" / "CODEOWNERS").read_text("utf-8")


# --- 8. accepted, then unusable ---------------------------------------------------------------


def test_8_a_very_late_file_is_usable_everywhere(
    pr: Path, tmp_path: Path, runner: CliRunner
) -> None:
    path = pr / "submissions" / "2020Q2" / "heping.yaml"
    text = path.read_text("utf-8")
    path.unlink()
    office_commit(pr, "heping has not reported")
    path.write_text(text.replace("submitted_on: 2020-07-0", "submitted_on: 2023-11-0"), "utf-8")
    commit(pr)
    run = gate(pr, tmp_path, today="2023-12-01")
    assert run.ok, run.output
    assert (str(path.relative_to(pr)), "pr-late-submission") in run.codes("warning")
    for command in (["status", "2020Q2"], ["remind", "2020Q2"], ["summary", "-f", "xlsx"]):
        code, output = invoke(runner, *command, "--root", str(pr), "--today", "2023-12-01")
        assert code == 0, (command, output)


def test_8_a_date_the_calendar_cannot_count_is_refused_where_it_is_written(
    repo: Path, runner: CliRunner
) -> None:
    path = repo / "submissions" / "2020Q2" / "heping.yaml"
    edit(path, "submitted_on: 2020-07-03", "submitted_on: 2035-07-03")
    code, output = invoke(
        runner, "validate", str(path), "--root", str(repo), "-f", "json", "--today", "2035-08-01"
    )
    assert code == 1
    found = [p for p in json.loads(output) if p["code"] == "calendar-gap"]
    assert [(p["path"], p["line"]) for p in found] == [("submissions/2020Q2/heping.yaml", 6)]
    assert "2035" in found[0]["message"] and "plan/calendar.yaml" in found[0]["hint"]


# --- who may send a unit's files -----------------------------------------------------------


def list_hexi_senders(pr: Path) -> None:
    units = pr / "plan" / "units.yaml"
    edit(
        units,
        'github: "@example-veterans/hexi"',
        'github: "@example-veterans/hexi"\n    github_users: [example-hexi-liaison]',
    )
    office_commit(pr, "hexi's liaison account")


def test_another_units_liaison_cannot_edit_hexis_file(pr: Path, tmp_path: Path) -> None:
    list_hexi_senders(pr)
    edit(pr / HEXI, "稳步推进", "扎实推进", count=1)
    commit(pr)
    run = gate(pr, tmp_path, actor="example-hedong-liaison")
    assert not run.ok
    found = [a for a in run.annotations() if a["title"] == "pr-not-sender"]
    assert [a["file"] for a in found] == [HEXI]
    assert "example-hedong-liaison" in found[0]["message"]
    assert "@example-hexi-liaison" in found[0]["message"]


def test_hexis_own_liaison_may(pr: Path, tmp_path: Path) -> None:
    list_hexi_senders(pr)
    edit(pr / HEXI, "稳步推进", "扎实推进", count=1)
    commit(pr)
    assert gate(pr, tmp_path, actor="Example-Hexi-Liaison").ok  # GitHub ignores case


def test_any_campaign_template_puts_every_template_in_the_sandbox(tmp_path: Path) -> None:
    from jinja2.sandbox import SandboxedEnvironment

    from zzgzn.rendering.markdown import environment

    assert not isinstance(environment(tmp_path), SandboxedEnvironment)  # built-ins: the program
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "README.md").write_text("说明", "utf-8")
    assert not isinstance(environment(tmp_path), SandboxedEnvironment)
    (tmp_path / "templates" / "_Changes.MD.J2").write_text("x", "utf-8")
    assert isinstance(environment(tmp_path), SandboxedEnvironment)


def test_a_site_template_puts_every_site_page_in_the_sandbox(tmp_path: Path) -> None:
    """As for the reports: the built-in site templates render as the program, any campaign
    template in templates/site/ puts every page in the sandbox."""
    from jinja2.sandbox import SandboxedEnvironment

    from zzgzn.site.build import environment

    assert not isinstance(environment(tmp_path), SandboxedEnvironment)
    (tmp_path / "templates" / "site").mkdir(parents=True)
    (tmp_path / "templates" / "report.md.j2").write_text("x", "utf-8")  # not the site's
    (tmp_path / "templates" / "site" / "style.css").write_text("p {}", "utf-8")  # an asset
    assert not isinstance(environment(tmp_path), SandboxedEnvironment)
    (tmp_path / "templates" / "site" / "Unit.HTML.j2").write_text("x", "utf-8")
    assert isinstance(environment(tmp_path), SandboxedEnvironment)


def test_a_new_campaign_gets_the_same_gate_pinned_to_this_release(
    runner: CliRunner, tmp_path: Path
) -> None:
    """zzgzn init writes this repository's workflow, and the release it installs in a file the
    workflow reads from the target branch (a pull request cannot choose its checker)."""
    from zzgzn import __version__

    target = tmp_path / "campaign"
    code, output = invoke(runner, "init", str(target))
    assert code == 0, output
    workflow = ".github/workflows/validate.yml"
    assert (target / workflow).read_text("utf-8") == (REPO / workflow).read_text("utf-8")
    pin = (target / ".github" / "zzgzn-requirements.txt").read_text("utf-8")
    assert pin.splitlines()[-1] == f"zzgzn=={__version__}"


def test_site_templates_run_in_the_sandbox_too(
    repo: Path, runner: CliRunner, tmp_path: Path
) -> None:
    """zzgzn site (run by site.yml on every push to main) renders templates/site/ sandboxed."""
    marker = tmp_path / "PWNED"
    folder = repo / "templates" / "site"
    folder.mkdir(parents=True)
    builtin = REPO / "src" / "zzgzn" / "templates" / "site" / "index.html.j2"
    (folder / "index.html.j2").write_text(payload(marker) + builtin.read_text("utf-8"), "utf-8")
    code, output = invoke(runner, "site", "--root", str(repo), "-o", str(tmp_path / "site"))
    assert code == 1 and "index.html.j2:1" in output, output
    assert not marker.exists()


# --- a forged provenance (issue 21: a file forwarded from a campaign below) -------------


def test_a_forged_provenance_does_not_pass_as_a_consolidation(pr: Path, tmp_path: Path) -> None:
    """hexi, which consolidates nobody, claims to stand for 9,999 units and points the
    figure's source outside any repository: the report would say （汇总9999个单位）."""
    with (pr / HEXI).open("a", encoding="utf-8") as out:
        out.write(
            "provenance:\n  campaign: hexi-sizheng-2020\n  plan_version: 1.0.0\n"
            "  quarter: 2020Q2\n  units: 9999\n  files: [/etc/passwd]\n  figures:\n"
            "    - task: '1.2'\n      name: 走访退役军人\n      unit: 人次\n      from:\n"
            "        - {file: ../../x.yaml, unit: x, task: '1.1', metric: m, value: 126}\n"
        )
    commit(pr)
    run = gate(pr, tmp_path)
    assert not run.ok
    codes = run.codes()
    for code in ("provenance-units", "provenance-bad-file", "provenance-source-file"):
        assert (HEXI, code) in codes, run.output
    assert (HEXI, "provenance-unsourced") in codes  # 悬挂光荣牌 and the rest have no source
