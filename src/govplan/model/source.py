"""Provenance: where in which file an object was read."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["SourceSpan"]


def _positive(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{attribute.name} must be a positive line number, got {value!r}")


def _not_before_line(instance: SourceSpan, attribute: attrs.Attribute[int], value: int) -> None:
    _positive(instance, attribute, value)
    if value < instance.line:
        raise ValueError(f"end_line {value} is before line {instance.line}")


@attrs.frozen
class SourceSpan:
    """Lines *line* .. *end_line* (1-based, inclusive) of the file at *path*.

    >>> s = SourceSpan("plan.txt", 12, 14)
    >>> str(s), s.covers(13)
    ('plan.txt:12-14', True)
    """

    path: str = attrs.field(validator=attrs.validators.instance_of(str))
    line: int = attrs.field(validator=_positive)
    end_line: int = attrs.field(validator=_not_before_line)

    @end_line.default
    def _end_default(self) -> int:
        return self.line

    def covers(self, line: int) -> bool:
        """True when *line* lies within the span."""
        return self.line <= line <= self.end_line

    def __str__(self) -> str:
        if self.end_line == self.line:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}-{self.end_line}"
