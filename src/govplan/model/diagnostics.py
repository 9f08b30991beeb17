"""Diagnostics: what a reader saw but did not understand, with file and line."""

from __future__ import annotations

import enum

import attrs

__all__ = ["Diagnostic", "Severity"]


class Severity(enum.Enum):
    """How much a diagnostic matters: ``ERROR`` content was lost, ``WARNING`` it may be wrong."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@attrs.frozen
class Diagnostic:
    """One thing a reader could not place.

    >>> str(Diagnostic("plan.txt", 40, "unread-annotation", "bracket names units but no role"))
    'plan.txt:40: warning unread-annotation: bracket names units but no role'
    """

    path: str = attrs.field(validator=attrs.validators.instance_of(str))
    line: int = attrs.field(validator=attrs.validators.instance_of(int))
    code: str = attrs.field(validator=attrs.validators.instance_of(str))
    message: str = attrs.field(validator=attrs.validators.instance_of(str))
    severity: Severity = attrs.field(default=Severity.WARNING, validator=attrs.validators.instance_of(Severity))
    text: str | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str)))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity.value} {self.code}: {self.message}"
