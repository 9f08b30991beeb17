"""Deadlines with their precision: a year, half-year, quarter, month, day, or ongoing.

Parsing (:meth:`Period.parse`) is kept apart from the calendar arithmetic
(:attr:`Period.start`, :attr:`Period.end`), in the manner of python-dateutil.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from govplan.errors import PeriodParseError

__all__ = ["Period", "Precision"]


class Precision(enum.Enum):
    """How exactly a :class:`Period` is known, coarsest to finest; ongoing has no end."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    DAY = "day"
    ONGOING = "ongoing"


_MONTHS_IN = {Precision.HALF: 6, Precision.QUARTER: 3, Precision.MONTH: 1}
_NUMBER_RANGE = {Precision.HALF: 2, Precision.QUARTER: 4, Precision.MONTH: 12}


def _check_parts(instance: Period, attribute: Any, value: Any) -> None:
    p = instance.precision
    if p is Precision.ONGOING:
        if instance.year is not None or instance.number is not None or instance.day is not None:
            raise PeriodParseError("an ongoing period has no year, number or day")
        return
    if instance.year is None or not 1 <= instance.year <= 9999:
        raise PeriodParseError(f"a {p.value} period needs a year in 1..9999, got {instance.year!r}")
    if p is Precision.YEAR:
        if instance.number is not None or instance.day is not None:
            raise PeriodParseError("a year period has no number or day")
        return
    top = _NUMBER_RANGE.get(p, 12)
    if instance.number is None or not 1 <= instance.number <= top:
        raise PeriodParseError(f"a {p.value} period needs a number in 1..{top}, got {instance.number!r}")
    if p is Precision.DAY:
        try:
            _dt.date(instance.year, instance.number, instance.day or 0)
        except (TypeError, ValueError):
            raise PeriodParseError(
                f"no such day: {instance.year}-{instance.number}-{instance.day}"
            ) from None
    elif instance.day is not None:
        raise PeriodParseError(f"a {p.value} period has no day")


def _strict_int_or_none(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise PeriodParseError(f"expected an integer, got {value!r}")
    return value


@attrs.frozen(order=False, repr=False)
class Period:
    """A deadline as precise as the document states it.

    ``number`` is the half (1-2), quarter (1-4) or month (1-12); ``day`` is set
    only for day precision.  Periods order by their end, ongoing last.

    >>> p = Period.parse("2024年6月底前")
    >>> str(p), p.start.isoformat(), p.end.isoformat()
    ('2024-06', '2024-06-01', '2024-06-30')
    >>> str(Period.parse("年底前", year=2024)), str(Period.parse("三季度末", year=2024))
    ('2024-12', '2024-Q3')
    >>> Period.parse("2024-Q4") < Period.parse("2025-03") < Period.ongoing()
    True
    """

    precision: Precision = attrs.field(validator=attrs.validators.instance_of(Precision))
    year: int | None = attrs.field(default=None, converter=_strict_int_or_none)
    number: int | None = attrs.field(default=None, converter=_strict_int_or_none)
    day: int | None = attrs.field(default=None, converter=_strict_int_or_none, validator=_check_parts)

    # -- constructors -------------------------------------------------------------------
    @classmethod
    def of_year(cls, year: int) -> Period:
        """The whole of *year*."""
        return cls(Precision.YEAR, year)

    @classmethod
    def of_half(cls, year: int, half: int) -> Period:
        """Half-year *half* (1 or 2) of *year*."""
        return cls(Precision.HALF, year, half)

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> Period:
        """Quarter *quarter* (1-4) of *year*."""
        return cls(Precision.QUARTER, year, quarter)

    @classmethod
    def of_month(cls, year: int, month: int) -> Period:
        """Month *month* of *year*."""
        return cls(Precision.MONTH, year, month)

    @classmethod
    def of_day(cls, year: int, month: int, day: int) -> Period:
        """One calendar day."""
        return cls(Precision.DAY, year, month, day)

    @classmethod
    def ongoing(cls) -> Period:
        """A standing task with no end (长期坚持, 持续推进)."""
        return cls(Precision.ONGOING)

    @classmethod
    def parse(cls, text: str, year: int | None = None) -> Period:
        """Read a period from its ISO-like form or a Chinese completion-time phrase.

        *year* is the plan's year, used by forms that omit it (``年底前``, ``3月25日前``,
        ``上半年``).  Raises :class:`~govplan.PeriodParseError` when *text* is not a period
        or needs a year that was not given.

        >>> str(Period.parse("2024年12月")), str(Period.parse("3月25日前", year=2024))
        ('2024-12', '2024-03-25')
        >>> str(Period.parse("长期坚持")), str(Period.parse("2024年末"))
        ('ongoing', '2024-12')
        """
        from govplan.model._period_parse import parse_period

        return parse_period(cls, text, year)

    # -- arithmetic ---------------------------------------------------------------------
    @property
    def is_ongoing(self) -> bool:
        """True for a period with no end."""
        return self.precision is Precision.ONGOING

    @property
    def start(self) -> _dt.date | None:
        """First day of the period; None when ongoing."""
        if self.year is None:
            return None
        if self.precision is Precision.YEAR:
            return _dt.date(self.year, 1, 1)
        if self.precision is Precision.DAY:
            return _dt.date(self.year, self.number or 1, self.day or 1)
        span = _MONTHS_IN[self.precision]
        return _dt.date(self.year, ((self.number or 1) - 1) * span + 1, 1)

    @property
    def end(self) -> _dt.date | None:
        """Last day of the period; None when ongoing."""
        start = self.start
        if start is None:
            return None
        if self.precision is Precision.DAY:
            return start
        months = 12 if self.precision is Precision.YEAR else _MONTHS_IN[self.precision]
        end: _dt.date = start + relativedelta(months=months, days=-1)
        return end

    @property
    def end_month(self) -> tuple[int, int] | None:
        """(year, month) of the period's last day; None when ongoing."""
        end = self.end
        return None if end is None else (end.year, end.month)

    def ends_within(self, other: Period) -> bool:
        """True when this period's end falls inside *other* (ongoing never does).

        >>> Period.parse("2024-Q4").ends_within(Period.parse("2024-12"))
        True
        """
        end, lo, hi = self.end, other.start, other.end
        return end is not None and lo is not None and hi is not None and lo <= end <= hi

    def _key(self) -> tuple[int, _dt.date, int]:
        end = self.end
        if end is None:
            return (1, _dt.date.max, 0)
        # Coarser periods with the same end come first: 2024 before 2024-Q4 before 2024-12.
        return (0, end, list(Precision).index(self.precision))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        p = self.precision
        if p is Precision.ONGOING:
            return "ongoing"
        if p is Precision.YEAR:
            return f"{self.year:04d}"
        if p is Precision.HALF:
            return f"{self.year:04d}-H{self.number}"
        if p is Precision.QUARTER:
            return f"{self.year:04d}-Q{self.number}"
        if p is Precision.MONTH:
            return f"{self.year:04d}-{self.number:02d}"
        return f"{self.year:04d}-{self.number:02d}-{self.day:02d}"

    def __format__(self, spec: str) -> str:
        """Format as the string form, so ``f"{period:10}"`` pads like a string."""
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Period('{self}')"
