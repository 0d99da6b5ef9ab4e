"""Regenerate the README's "common mistakes" table from tests/corpus.

    python scripts/common_mistakes.py          # print the table
    python scripts/common_mistakes.py --write  # replace it in README.md

Each row is a corpus case: what happened (first line of the case's README.md), then the
message and hint zzgzn actually prints for it. tests/test_readme.py fails when the README's
table is out of date, so the documentation cannot drift from the program.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
START, END = "<!-- common-mistakes:start -->", "<!-- common-mistakes:end -->"
SKIP = {"valid"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from zzgzn.checking.validate import validate_repository

    rows = ["| 情形 | zzgzn 的提示 | 怎么改 |", "|---|---|---|"]
    for case in sorted(p for p in CORPUS.iterdir() if p.is_dir() and p.name not in SKIP):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            # as tests/test_corpus.py lays a case out: no closed quarters
            shutil.copytree(
                ROOT / "plan", root / "plan", ignore=shutil.ignore_patterns("frozen.yaml")
            )
            shutil.copytree(case / "submissions", root / "submissions")
            result = validate_repository(root, dt.date(2021, 6, 30))
        first = min(result.problems, key=lambda p: (p.severity.value != "error", p))
        title = (case / "README.md").read_text("utf-8").splitlines()[0]
        rows.append(
            f"| {_cell(title)} | `{first.code}` {_cell(first.message())} | {_cell(first.hint())} |"
        )
    return "\n".join(rows)


def replaced(readme: str, body: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{body}\n{END}{tail}"


if __name__ == "__main__":
    body = table()
    if "--write" in sys.argv:
        path = ROOT / "README.md"
        path.write_text(replaced(path.read_text("utf-8"), body), "utf-8")
    else:
        print(body)
