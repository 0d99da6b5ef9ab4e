"""A forwarded file's provenance: what the parent can check without the child's repository.

A file written by `zzgzn forward` says how many units it consolidates, which files, and which
figures below add up to each of its own. In the parent repository that block arrives in a pull
request like any other content, so it is checked as data: the count is the number of files
listed, each file is a submission path inside the child repository (never absolute, never
`..`), each figure names a metric of this file and its sources add up to it by the parent's
rule, and every figure's source is one of the listed files. A forger can still invent files
that do not exist below; what it can no longer do is make the report say （汇总N个单位） for
a number the block itself contradicts, or point `zzgzn trace` outside the child repository.
"""

from __future__ import annotations

import math
import re

from zzgzn.models.plan import Aggregate, Plan
from zzgzn.models.submission import Submission
from zzgzn.reading.document import Document

# what forward writes: submissions/<folder>/<unit>.yaml, relative, in the child repository
_FILE = re.compile(r"^submissions/[A-Za-z0-9][A-Za-z0-9_-]*/[a-z0-9][a-z0-9-]{0,39}\.yaml$")


def check_provenance(doc: Document, submission: Submission, plan: Plan) -> None:
    origin = submission.provenance
    if origin is None:
        return
    at = ("provenance",)
    seen: set[str] = set()
    for i, name in enumerate(origin.files):
        if not _FILE.match(name):
            doc.add((*at, "files", i), "provenance-bad-file", file=name)
        elif name in seen:
            doc.add((*at, "files", i), "provenance-duplicate-file", file=name)
        seen.add(name)
    if origin.units != len(origin.files):
        doc.add((*at, "units"), "provenance-units", units=origin.units, files=len(origin.files))
    metrics = {(t.task, m.name, m.unit): m.value for t in submission.tasks for m in t.metrics}
    sourced: set[tuple[str, str, str]] = set()
    for j, figure in enumerate(origin.figures):
        loc = (*at, "figures", j)
        key = (figure.task, figure.name, figure.unit)
        if key not in metrics:
            doc.add(loc, "provenance-unknown-figure", task=figure.task, name=figure.name)
            continue
        sourced.add(key)
        for k, source in enumerate(figure.sources):
            if source.file not in origin.files:
                doc.add((*loc, "from", k, "file"), "provenance-source-file", file=source.file)
        task = plan.tasks.get(figure.task)
        spec = task.declared_metric(figure.name) if task is not None else None
        values = [c.value for c in figure.sources]
        rule = spec.aggregate if spec is not None else Aggregate.SUM
        total = max(values, default=0.0) if rule is Aggregate.MAX else math.fsum(values)
        if rule is not Aggregate.NONE and not math.isclose(
            total, metrics[key], rel_tol=1e-9, abs_tol=1e-9
        ):
            doc.add(
                loc,
                "provenance-sum",
                task=figure.task,
                name=figure.name,
                value=_shown(metrics[key]),
                total=_shown(total),
            )
    for i, entry in enumerate(submission.tasks):
        for m, metric in enumerate(entry.metrics):
            if (entry.task, metric.name, metric.unit) not in sourced:
                doc.add(
                    ("tasks", i, "metrics", m),
                    "provenance-unsourced",
                    task=entry.task,
                    name=metric.name,
                )


def _shown(value: float) -> str:
    return f"{value:g}" if not float(value).is_integer() else str(int(value))
