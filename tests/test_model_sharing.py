"""What the models share to stay small (models/fields.py): equal texts are one object, and
equal sets of given fields one set; nothing a model says changes, nor what a copy says."""

from __future__ import annotations

from pathlib import Path

from zzgzn.models.submission import Metric, Submission
from zzgzn.reading.fastload import load

SAMPLE = Path(__file__).resolve().parents[1] / "submissions/2020Q2/hexi.yaml"


def _submission() -> Submission:
    loaded = load(SAMPLE.read_bytes())
    assert loaded is not None
    return Submission.model_validate(loaded[0])


def test_equal_texts_are_one_object_from_python_and_from_json() -> None:
    one = _submission()
    two = Submission.model_validate_json(one.model_dump_json())
    assert two == one
    for a, b in zip(one.tasks, two.tasks, strict=True):
        assert a.task is b.task and a.narrative is b.narrative
        assert all(x is y for x, y in zip(a.next_steps, b.next_steps, strict=True))
        assert all(x.unit is y.unit for x, y in zip(a.metrics, b.metrics, strict=True))


def test_equal_given_fields_share_one_set_that_copies_do_not_change() -> None:
    a = Metric(name="走访", value=1, unit="人次")
    b = Metric.model_validate_json('{"name": "帮扶", "value": 2, "unit": "户"}')
    c = Metric(name="走访", value=3)  # unit left to its default
    assert a.model_fields_set is b.model_fields_set == {"name", "value", "unit"}
    assert c.model_fields_set == {"name", "value"}
    d = c.model_copy(update={"unit": "人"})
    assert d.model_fields_set == {"name", "value", "unit"}
    assert c.model_fields_set == {"name", "value"}  # the shared set is not the copy's
    assert Metric(name="x", value=4).model_fields_set == {"name", "value"}
    assert c.model_dump(exclude_unset=True) == {"name": "走访", "value": 3.0}
