"""Read and check the office's editorial file for a quarter, editorial/<quarter>.yaml.

Checked like a submission: every finding with its line and column (the careful reader),
unknown keys with a did-you-mean, the quarter agreeing with the file name, every task a task
of the plan and noted once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zzgzn.calendar.periods import Period
from zzgzn.checking import modelerrors
from zzgzn.diagnostics.problems import Problem
from zzgzn.models.editorial import Editorial
from zzgzn.models.plan import Plan
from zzgzn.reading import loader
from zzgzn.reading.document import Document

EDITORIAL_DIR = "editorial"


def editorial_path(root: Path, quarter: Period | str) -> Path:
    return root / EDITORIAL_DIR / f"{quarter}.yaml"


def editorial_files(root: Path) -> list[Path]:
    folder = root / EDITORIAL_DIR
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


@dataclass
class EditorialFile:
    editorial: Editorial | None  # None when the file has errors
    doc: Document  # the file as read, with every finding and the positions of its values

    @property
    def problems(self) -> list[Problem]:
        return self.doc.problems


def check_editorial(root: Path, path: Path, plan: Plan) -> EditorialFile:
    """The file's content and every finding in it."""
    display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    doc = loader.load_path(path, display)
    if doc.data is None:
        if not doc.problems:
            doc.add((), "empty-file")
        return EditorialFile(None, doc)
    if not isinstance(doc.data, dict):
        doc.add((), "not-mapping", actual_zh="列表或单个值", actual_en="a list or a value")
        return EditorialFile(None, doc)
    editorial = modelerrors.validate(doc, Editorial)
    key = "period" if "period" in doc.data else "quarter"
    quarter = doc.data.get(key)
    if isinstance(quarter, int) and not isinstance(quarter, bool):
        quarter = loader.raw_text(quarter)  # period: 2024 in a yearly campaign
    if isinstance(quarter, str) and quarter.strip() != path.stem:
        doc.add((key,), "editorial-quarter-mismatch", name=path.stem, quarter=quarter.strip())
    seen: dict[str, int] = {}
    notes = doc.data.get("tasks")
    for i, note in enumerate(notes if isinstance(notes, list) else []):
        if not isinstance(note, dict) or note.get("task") is None:
            continue
        task_id = loader.raw_text(note["task"]).strip()
        where = ("tasks", i, "task")
        if task_id not in plan.tasks:
            doc.add(where, "unknown-task", task=task_id)
        elif task_id in seen:
            doc.add(where, "duplicate-task", task=task_id, first_line=seen[task_id])
        else:
            seen[task_id] = doc.pos(where)[0]
    if any(p.is_error for p in doc.problems):
        editorial = None
    return EditorialFile(editorial, doc)
