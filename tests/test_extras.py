"""The core install (`pip install zzgzn`) runs what liaisons and CI need; a command that needs
`zzgzn[office]` says exactly what to install, in one line, never a traceback.

Each case runs in a fresh interpreter where the office packages cannot be imported, as on a
machine that installed the core only.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from zzgzn.errors import OFFICE_MODULES

from .conftest import copy_campaign

DRIVER = """
import json, sys
sys.modules.update(dict.fromkeys({blocked!r}))  # as if never installed
from zzgzn.cli import app
codes = []
for args in {commands!r}:
    try:
        app(args, prog_name="zzgzn")
    except SystemExit as exc:
        codes.append(exc.code or 0)
print(json.dumps(codes))
"""

CORE = [
    ["validate"],
    ["fix", "--check", "submissions"],
    ["new", "Q3", "--unit", "jizhou"],  # no 2020Q3 file yet
    ["schema", "--check"],
    ["codeowners", "--check"],
    ["status", "Q2"],
    ["remind", "Q2"],
    ["report", "Q2", "-f", "md"],  # Markdown needs only the core's jinja2
]
OFFICE = [["report", "Q2", "-f", "docx"], ["summary"], ["summary", "-f", "xlsx"]]


def _run(root: Path, commands: list[list[str]], blocked: list[str]) -> tuple[list[int], str, str]:
    """Exit codes, standard output (less the codes) and standard error."""
    script = DRIVER.format(blocked=blocked, commands=commands)
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=root,
        capture_output=True,
        text=True,
        env={"ZZGZN_TODAY": "2021-06-30", "ZZGZN_LANG": "zh", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    printed, _, codes = done.stdout.rstrip("\n").rpartition("\n")
    return json.loads(codes), printed, done.stderr


def test_the_core_commands_need_no_office_package(tmp_path: Path) -> None:
    root = copy_campaign(tmp_path / "repo", frozen=True)
    for name in ("schemas", ".github"):
        src = Path(__file__).resolve().parents[1] / name
        subprocess.run(["cp", "-r", str(src), str(root / name)], check=True)
    codes, printed, errors = _run(root, CORE, sorted(OFFICE_MODULES))
    assert codes == [0] * len(CORE), printed + errors
    assert "Traceback" not in errors


@pytest.mark.parametrize("args", OFFICE, ids=" ".join)
def test_an_office_command_without_the_extra_says_what_to_install(
    tmp_path: Path, args: list[str]
) -> None:
    root = copy_campaign(tmp_path / "repo", frozen=True)
    codes, _, errors = _run(root, [args], sorted(OFFICE_MODULES))
    assert codes == [1], errors
    assert "Traceback" not in errors and "内部错误" not in errors
    lines = [line for line in errors.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("错误：此命令需要 zzgzn 的办公文档组件"), errors
    assert lines[0].endswith("pip install 'zzgzn[office]'")


def test_the_message_follows_the_language_switch(tmp_path: Path) -> None:
    root = copy_campaign(tmp_path / "repo", frozen=True)
    codes, _, errors = _run(root, [["--lang", "en", "summary"]], ["matplotlib"])
    assert codes == [1], errors
    assert errors.startswith("error: this command needs zzgzn's office extra"), errors
    assert "(Word, Excel, charts; matplotlib is missing)" in errors
