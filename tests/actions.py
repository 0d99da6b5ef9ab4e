"""Run .github/workflows/validate.yml the way GitHub Actions does, on a real git checkout.

Each `run:` step is executed by bash exactly as written (GitHub runs `bash -e {0}` with
pipefail), after substituting its `${{ ... }}` expressions from the event's context, with the
step's `env:`; `if:` conditions are evaluated; a failing step skips the steps that follow
unless their condition asks to run anyway (`!cancelled()`, `always()`). `uses:` steps are the
two GitHub provides: the checkout is the workspace the test prepared, and setup-python is the
Python running the tests.

`pip install` installs for real, from the directory the step names, into a folder of its own
(PIP_TARGET, no index, no dependencies: they are the test environment's), which is put first
on PATH and PYTHONPATH: the zzgzn the later steps run is the one the workflow installed, not
the one running the tests.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_COMPARE = re.compile(r"^([a-z_.]+)\s*(==|!=)\s*'([^']*)'$")


@dataclass
class Step:
    name: str
    ran: bool
    code: int = 0
    output: str = ""


@dataclass
class Run:
    steps: list[Step] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(s.code == 0 for s in self.steps if s.ran)

    @property
    def output(self) -> str:
        return "\n".join(s.output for s in self.steps if s.ran)

    def annotations(self, level: str = "error") -> list[dict[str, str]]:
        """GitHub's workflow commands in the output (::error file=...,title=...::message)."""
        found = []
        for line in self.output.splitlines():
            match = re.match(rf"^::{level} (?P<props>[^:]*)::(?P<body>.*)$", line)
            if match:
                props = dict(p.split("=", 1) for p in match["props"].split(",") if "=" in p)
                found.append({**props, "message": match["body"]})
        return found

    def codes(self, level: str = "error") -> set[tuple[str, str]]:
        return {(a.get("file", ""), a.get("title", "")) for a in self.annotations(level)}


def _value(expr: str, context: dict[str, str]) -> str:
    if expr not in context:
        raise AssertionError(f"the workflow uses ${{{{ {expr} }}}}, which the test does not know")
    return context[expr]


def _condition(text: str, context: dict[str, str], failed: bool) -> bool:
    """GitHub's `if:`: without a status function, a step runs only if none failed before."""
    text = _EXPR.sub(lambda m: m.group(1), str(text)).strip()
    status_checked = False
    result = True
    for term in (t.strip() for t in text.split("&&")):
        if term in ("!cancelled()", "always()"):
            status_checked = True
        elif term == "success()":
            status_checked, result = True, result and not failed
        elif term == "failure()":
            status_checked, result = True, result and failed
        elif match := _COMPARE.match(term):
            equal = _value(match[1], context) == match[3]
            result = result and (equal if match[2] == "==" else not equal)
        else:
            raise AssertionError(f"the test cannot evaluate the condition {term!r}")
    return result and (status_checked or not failed)


def run_workflow(
    workflow: Path,
    workspace: Path,
    context: dict[str, str],
    runner_temp: Path,
    env: dict[str, str] | None = None,
    job: str = "validate",
) -> Run:
    data: Any = YAML(typ="safe").load(workflow.read_text("utf-8"))
    site = runner_temp / "site"
    base_env = {
        **os.environ,
        **(env or {}),
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "RUNNER_TEMP": str(runner_temp),
        "GITHUB_WORKSPACE": str(workspace),
        # pip installs what the step names, alone: the libraries are the test environment's
        "PIP_TARGET": str(site),
        "PIP_NO_INDEX": "1",
        "PIP_NO_DEPS": "1",
        "PIP_NO_BUILD_ISOLATION": "0",  # pip's inverted spelling: build without isolation
        "PIP_QUIET": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PYTHONPATH": str(site),
        "PATH": os.pathsep.join(
            [str(site / "bin"), str(Path(sys.executable).parent), os.environ.get("PATH", "")]
        ),
    }
    for name in ("VIRTUAL_ENV", "PYTHONHOME"):
        base_env.pop(name, None)
    run, failed = Run(), False
    for index, step in enumerate(data["jobs"][job]["steps"]):
        name = str(step.get("name") or step.get("uses") or f"step {index + 1}")
        if "if" in step and not _condition(step["if"], context, failed):
            run.steps.append(Step(name, ran=False))
            continue
        if "if" not in step and failed:
            run.steps.append(Step(name, ran=False))
            continue
        if "uses" in step:
            action = str(step["uses"]).split("@")[0]
            assert action in ("actions/checkout", "actions/setup-python"), action
            run.steps.append(Step(name, ran=True))
            continue
        script = _EXPR.sub(lambda m: _value(m.group(1), context), str(step["run"]))
        step_env = {
            k: _EXPR.sub(lambda m: _value(m.group(1), context), str(v))
            for k, v in (step.get("env") or {}).items()
        }
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=workspace,
            env={**base_env, **step_env},
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=600,
            check=False,
        )
        run.steps.append(Step(name, True, done.returncode, done.stdout + done.stderr))
        failed = failed or done.returncode != 0
    return run
