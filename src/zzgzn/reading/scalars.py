"""What a plain (unquoted) YAML scalar means: the one place zzgzn decides it, for both readers.

zzgzn reads YAML 1.2 (core schema): `no`, `on` and `yes` are text, `1:30` is text, `010` is
ten. YAML 1.1 readers (PyYAML's resolver, many editors) read those differently, so such values
are flagged as ambiguous rather than guessed. The patterns are ruamel.yaml's YAML 1.2 implicit
resolvers, tried in its order; the careful reader (yamlbuild) and the fast one (fastload) both
call resolve(), so they cannot disagree on what a scalar means.
"""

from __future__ import annotations

import re
from typing import Any

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_FLOAT = re.compile(
    r"""^(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_INT = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)$""",
    re.X,
)
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_NUMBER_START = frozenset("-+0123456789.")

# What a YAML 1.1 reader takes for something other than text.
_YAML11_BOOL = re.compile(r"^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")
_OCTAL11 = re.compile(r"^[-+]?0[0-7_]+$")


class RawFloat(float):
    """A float that remembers how it was written: task "1.10" must not become 1.1."""

    raw: str

    def __new__(cls, number: str, raw: str) -> RawFloat:
        obj = super().__new__(cls, number)
        obj.raw = raw
        return obj

    def __reduce__(self) -> tuple[type[RawFloat], tuple[str, str]]:
        return (RawFloat, (repr(float(self)), self.raw))  # workers send data back pickled


class RawInt(int):
    """An int that remembers how it was written ("010", "1_000")."""

    raw: str

    def __new__(cls, digits: str, base: int = 10, raw: str = "") -> RawInt:
        obj = super().__new__(cls, digits, base)
        obj.raw = raw
        return obj

    def __reduce__(self) -> tuple[type[RawInt], tuple[str, int, str]]:
        return (RawInt, (str(int(self)), 10, self.raw))


def raw_text(value: object) -> str:
    """The text a scalar was written as, for fields that are text even when they look numeric."""
    return getattr(value, "raw", None) or str(value)


def resolve(value: str) -> Any:
    """A plain scalar as YAML 1.2 reads it; dates stay text for the models to check."""
    first = value[:1]
    if first in "tTfF" and first and _BOOL.match(value):
        return value.lower() == "true"
    if first in _NUMBER_START:
        if _FLOAT.match(value):
            return to_number(value, float_=True)
        if first != "." and _INT.match(value):
            return to_number(value, float_=False)
        return value
    if (not first or first in "~nN") and _NULL.match(value):
        return None
    return value


def to_number(value: str, *, float_: bool) -> Any:
    try:
        if float_:
            lowered = value.lower()
            if lowered.endswith((".inf", ".nan")):
                return RawFloat(lowered.replace(".", ""), value)
            return RawFloat(value.replace("_", ""), value)
        digits = value.replace("_", "")
        base = 0 if digits.lower().lstrip("+-").startswith(("0x", "0o")) else 10
        return RawInt(digits, base, raw=value)
    except ValueError:
        return value


def yaml11_reading(value: str) -> str | None:
    """How a YAML 1.1 reader (PyYAML, many editors) would misread a plain scalar: the
    catalogue's phrase for it (diagnostics.messages.PHRASES "reading-…")."""
    if _YAML11_BOOL.match(value):
        return "reading-bool"
    if _SEXAGESIMAL.match(value):
        return "reading-base60"
    if _OCTAL11.match(value) and value.lstrip("+-") != "0":
        return "reading-octal"
    return None
