"""Field types shared by the plan and submission models.

Each validator raises PydanticCustomError with a type that names a diagnostic code, so that
checking/modelerrors.py can turn the error into a precise, translated message with a repair hint.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict
from pydantic_core import PydanticCustomError

from zzgzn.datetext import ISO_DATE, US_DATE, halfwidth, parse_date_text
from zzgzn.reading.scalars import raw_text


class Strict(BaseModel):
    """Unknown keys are errors (a typo must never drop data silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def model_post_init(self, context: Any, /) -> None:
        # pydantic gives each instance its own set of the fields it was given (~390 bytes; a
        # national quarter's 3,000 submissions are 62,000 models: 24 MB); equal ones are
        # shared instead. Nothing changes them: the models are frozen, and model_copy
        # copies the set before adding to it.
        given = self.__pydantic_fields_set__
        object.__setattr__(
            self, "__pydantic_fields_set__", _FIELDS_GIVEN.setdefault(frozenset(given), given)
        )


_FIELDS_GIVEN: dict[frozenset[str], set[str]] = {}


def _shared(value: Any) -> Any:
    """One object for equal texts: units repeat the same measures, problems, next steps
    and units of measure thousands of times (a national quarter's models: 16 MB less)."""
    return sys.intern(value) if type(value) is str else value


_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_TASK_ID = re.compile(r"^[0-9]{1,2}\.[0-9]{1,2}$")
_SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:[-+][0-9A-Za-z.-]+)?$")


def _text_of(value: Any) -> Any:
    return (
        raw_text(value) if isinstance(value, int | float) and not isinstance(value, bool) else value
    )


def _nonempty(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty_value", "empty")
    shared: str = _shared(value)
    return shared


def _unit_id(value: Any) -> Any:
    if isinstance(value, str) and not _SLUG.match(value):
        raise PydanticCustomError("bad_id", "bad unit id", {"id": value})
    return value


def _slug(value: Any) -> Any:
    if isinstance(value, str) and not _SLUG.match(value):
        raise PydanticCustomError("bad_slug", "bad id", {"id": value})
    return value


def _task_id(value: Any) -> Any:
    value = _text_of(value)
    if not isinstance(value, str):
        return value
    stripped = value.strip()
    if _TASK_ID.match(stripped):
        return _shared(stripped)
    converted = halfwidth(stripped)
    if converted != stripped and _TASK_ID.match(converted):
        raise PydanticCustomError(
            "fullwidth", "full-width", {"value": value, "suggestion": converted}
        )
    raise PydanticCustomError("bad_task_id", "bad task id", {"value": value})


def _version(value: Any) -> Any:
    value = _text_of(value)
    if isinstance(value, str) and not _SEMVER.match(value.strip()):
        raise PydanticCustomError("bad_version", "bad version", {"value": value})
    return value.strip() if isinstance(value, str) else value


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date) or not isinstance(value, str):
        return value
    text = value.strip()
    try:
        parsed = parse_date_text(text)
    except ValueError:
        raise PydanticCustomError("impossible_date", "impossible", {"value": value}) from None
    if parsed is None:
        if US_DATE.match(halfwidth(text)):
            raise PydanticCustomError("date_ambiguous", "ambiguous", {"value": value})
        # not a date zzgzn can read, so not one `zzgzn fix` can repair: promise no fix
        raise PydanticCustomError("date_unreadable", "unreadable", {"value": value})
    canonical = parsed.isoformat()
    if not ISO_DATE.match(text) or text != canonical:
        code = (
            "fullwidth"
            if halfwidth(text) != text and ISO_DATE.match(halfwidth(text))
            else "date_format"
        )
        raise PydanticCustomError(code, "format", {"value": value, "suggestion": canonical})
    return parsed


# GitHub's character sets: a login is 1-39 letters, digits and single inner hyphens; a team
# slug (org/team) letters, digits, "-" and "_". One handle, nothing else: a value with a
# space or a line break would become a CODEOWNERS rule of its own (issue 17).
_GITHUB_LOGIN = r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}"
GITHUB_LOGIN = re.compile(rf"^{_GITHUB_LOGIN}$")
GITHUB_HANDLE = re.compile(rf"^@{_GITHUB_LOGIN}(?:/[A-Za-z0-9][A-Za-z0-9_-]{{0,99}})?$")


def _github_handle(value: Any) -> Any:
    value = _none_to_empty(value)
    if isinstance(value, str) and value and not GITHUB_HANDLE.match(value):
        raise PydanticCustomError("bad_github", "bad handle", {"value": value})
    return value


def _github_login(value: Any) -> Any:
    value = _text_of(value)
    if isinstance(value, str) and not GITHUB_LOGIN.match(value.removeprefix("@")):
        raise PydanticCustomError("bad_github_user", "bad login", {"value": value})
    return value.removeprefix("@") if isinstance(value, str) else value


def _none_to_empty(value: Any) -> Any:
    return "" if value is None else _shared(_text_of(value))


Text = Annotated[str, BeforeValidator(_text_of), AfterValidator(_nonempty)]
"""Text a person must write: numbers are kept as written, blank is an error."""
OptionalText = Annotated[str, BeforeValidator(_none_to_empty)]
UnitId = Annotated[str, BeforeValidator(_unit_id)]
# The id of anything else the plan names and files are named after: a phase, deliverable,
# obligation, document folder, the campaign itself. Same spelling rule, its own message.
Slug = Annotated[str, BeforeValidator(_slug)]
TaskId = Annotated[str, BeforeValidator(_task_id)]
Version = Annotated[str, BeforeValidator(_version)]
Date = Annotated[dt.date, BeforeValidator(_date)]
GithubHandle = Annotated[str, BeforeValidator(_github_handle)]
"""One GitHub user (@name) or team (@org/team), or blank."""
GithubLogin = Annotated[str, BeforeValidator(_github_login)]
"""A GitHub user's login, with or without its @."""
