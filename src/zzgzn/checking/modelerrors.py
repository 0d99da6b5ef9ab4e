"""Turn pydantic's validation errors into positioned, translated problems."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from zzgzn.diagnostics.messages import phrase
from zzgzn.diagnostics.problems import Severity
from zzgzn.models.submission import STATUS_LABELS, Status
from zzgzn.reading.loader import Document, Loc

M = TypeVar("M", bound=BaseModel)

# pydantic error types raised by models.fields, and the diagnostic codes they stand for
_CUSTOM = {
    "empty_value": "empty-value",
    "date_format": "date-format",
    "date_unreadable": "date-unreadable",
    "date_ambiguous": "date-ambiguous",
    "impossible_date": "impossible-date",
    "fullwidth": "fullwidth",
    "bad_version": "bad-version",
    "bad_id": "bad-id",
    "bad_slug": "bad-slug",
    "bad_github": "bad-github",
    "bad_github_user": "bad-github-user",
    "due_rule": "due-rule",
    "due_rest_day": "due-rest-day",
}
# expected types that have their own words in the catalogue (messages.PHRASES "type-…")
_TYPES = {"string", "int", "float", "bool", "list", "dict", "model", "date"}


def validate(
    doc: Document,
    model: type[M],
    *,
    context: typing.Callable[[Loc], str | None] | None = None,
    rename: typing.Mapping[str, str] | None = None,
) -> M | None:
    """Validate doc.data against model, adding one problem per error to doc; None if invalid.
    rename: a missing field's name as the file should spell it (an alias of the model's)."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        for error in exc.errors():
            if rename and error["type"] == "missing" and error["loc"][-1] in rename:
                error["loc"] = (*error["loc"][:-1], rename[str(error["loc"][-1])])
            _report(doc, model, error, context)
        return None


def _report(
    doc: Document,
    model: type[BaseModel],
    error: ErrorDetails,
    context: typing.Callable[[Loc], str | None] | None,
) -> None:
    loc = _data_loc(doc.data, tuple(error["loc"]))
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    extra: dict[str, object] = {}
    if context is not None and loc[-1:] != ("task",) and (task := context(loc)):
        extra["in_task"] = task
    field = _field_name(loc)
    value = error.get("input")

    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        key = str(loc[-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        _add(
            doc,
            loc,
            "unknown-key",
            True,
            **extra,
            **{
                "key": key,
                "allowed": ", ".join(allowed),
                "suggestion": phrase("did-you-mean-key") if close else "",
                "guess": close[0] if close else "",
            },
        )
    elif kind == "missing":
        _add(doc, loc[:-1], "missing-field", field=field, **extra)
    elif kind in _CUSTOM:
        _add(doc, loc, _CUSTOM[kind], field=field, **extra, **{k: str(v) for k, v in ctx.items()})
    elif kind == "bad_task_id":
        _add(doc, loc, "unknown-task", task=ctx.get("value", value), **extra)
    elif value is None or (isinstance(value, str) and not value.strip() and kind == "string_type"):
        # an empty value has no text of its own to point at: point at its key
        _add(doc, loc, "empty-value", loc in doc.key_positions, field=field, **extra)
    elif kind in ("enum", "literal_error"):
        _add(
            doc,
            loc,
            "invalid-value",
            field=field,
            value=_show(value),
            allowed=_allowed_values(str(ctx.get("expected", ""))),
            **extra,
        )
    elif kind in _BOUNDS and isinstance(value, int | float):
        _add(doc, loc, "out-of-range", field=field, value=value, **_bound(kind, ctx), **extra)
    elif kind == "too_short" and isinstance(value, list):
        _add(doc, loc, "too-few-items", field=field, min=ctx.get("min_length", 1), **extra)
    else:
        expected = _expected_of(kind)
        kind_of = expected if expected in _TYPES else "other"
        _add(
            doc,
            loc,
            "wrong-type",
            field=field,
            expected=phrase(f"type-{kind_of}"),
            type_hint=phrase(f"type-{kind_of}-hint"),
            detail=str(error["msg"]),
            **_describe(value),
            **extra,
        )


_BOUNDS = {
    "less_than_equal": ("≤", "le"),
    "less_than": ("<", "lt"),
    "greater_than_equal": ("≥", "ge"),
    "greater_than": (">", "gt"),
}


def _bound(kind: str, ctx: dict[str, Any]) -> dict[str, str]:
    """pydantic's bound of a number ("le": 31) as the text of a message: "≤ 31"."""
    sign, name = _BOUNDS[kind]
    return {"bound": f"{sign} {ctx.get(name, '')}"}


def _add(doc: Document, loc: Loc, code: str, at_key: bool = False, /, **params: object) -> None:
    doc.add_at(doc.pos(loc, key=at_key), code, Severity.ERROR, **params)


def _allowed_values(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" as a list, with each status's Chinese label beside its key."""
    values = [v.strip().strip("'") for v in expected.replace(" or ", ", ").split(",") if v.strip()]
    return "、".join(
        f"{STATUS_LABELS[Status(v)]}（{v}）" if v in _STATUS_KEYS else v for v in values
    )


_STATUS_KEYS = {s.value for s in Status}


_INTERNAL = re.compile(r"^[a-z][a-z-]*\[.*\]$")


def _data_loc(data: Any, loc: tuple[Any, ...]) -> Loc:
    """The error's place in the data: pydantic adds validator names such as
    "function-after[...]" to some locations, but a key may contain brackets too."""
    kept: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(part, str) and _INTERNAL.match(part):
            continue
        else:
            current = None
        kept.append(part)
    return tuple(kept)


def _field_name(loc: Loc) -> str:
    names = [str(p) for p in loc if isinstance(p, str)]
    return names[-1] if names else "(root)"


def _expected_of(kind: str) -> str:
    for prefix in ("string", "int", "float", "bool", "list", "dict", "model", "date"):
        if kind.startswith(prefix):
            return prefix
    return kind


def _describe(value: object) -> dict[str, str]:
    """The actual value, as a message names it (messages.PHRASES "value-…")."""
    if isinstance(value, dict):
        return {"actual": phrase("value-mapping")}
    if isinstance(value, list):
        return {"actual": phrase("value-list")}
    if isinstance(value, bool):
        return {"actual": phrase("value-bool"), "shown": str(value)}
    if isinstance(value, int | float):
        return {"actual": phrase("value-number"), "shown": str(value)}
    return {"actual": phrase("value-text"), "shown": _show(value)}


def _show(value: object, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _allowed_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    target = _model_at(model, loc)
    return list(target.model_fields) if target else []


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    annotation: Any = model
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(part, int):
            args = typing.get_args(annotation)
            annotation = args[0] if args else None
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            info = annotation.model_fields.get(part)
            annotation = info.annotation if info else None
        else:
            return None
    annotation = _unwrap(annotation)
    return (
        annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    )


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional so the model or list underneath shows."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = members[0] if len(members) == 1 else annotation
            if len(members) != 1:
                return annotation
        else:
            return annotation
