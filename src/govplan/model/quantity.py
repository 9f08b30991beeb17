"""Quantities as the documents print them: a number with its unit, and a baseline."""

from __future__ import annotations

import math
from typing import Any

import attrs

__all__ = ["Baseline", "Quantity"]


def _finite_number(instance: Any, attribute: attrs.Attribute[float], value: Any) -> None:
    if value is None and attribute.name == "upper":
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{attribute.name} must be a finite number, got {value!r}")


@attrs.frozen
class Quantity:
    """A number with its unit as printed (``%``, ``亿元``, ``万户``, ``个百分点``).

    ``upper`` is set for ranges such as ``1~2家`` (value 1, upper 2).

    >>> str(Quantity(8, "%")), str(Quantity(1, "家", upper=2))
    ('8%', '1~2家')
    """

    value: float = attrs.field(validator=_finite_number)
    unit: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    upper: float | None = attrs.field(default=None, validator=_finite_number)

    def __str__(self) -> str:
        def fmt(v: float) -> str:
            return f"{v:g}" if float(v).is_integer() or abs(v) < 1e15 else repr(v)

        if self.upper is None:
            return f"{fmt(self.value)}{self.unit}"
        return f"{fmt(self.value)}~{fmt(self.upper)}{self.unit}"


@attrs.frozen
class Baseline:
    """What a target is measured against: ``较2022年增长8%`` has year 2022."""

    year: int | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.and_(
            attrs.validators.instance_of(int), attrs.validators.ge(1), attrs.validators.le(9999))),
    )
    quantity: Quantity | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Quantity))
    )
    text: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )
