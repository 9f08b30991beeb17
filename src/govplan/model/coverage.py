"""How completely a reader accounted for the lines of a file."""

from __future__ import annotations

import attrs
from attrs import validators as v

__all__ = ["FileCoverage"]

_count = v.and_(v.instance_of(int), v.ge(0))


@attrs.frozen
class FileCoverage:
    """Every non-blank line of one file, accounted for.

    A line is part of an object (``in_objects``), recognised boilerplate such as
    addressees, signatures or page residue (``boilerplate``), reported as a
    diagnostic (``diagnosed``), or ``unexplained`` (listed by line number).

    >>> c = FileCoverage("plan.txt", 10, 7, 2, 0, (9,))
    >>> c.accounted, round(c.ratio, 2)
    (9, 0.9)
    """

    path: str = attrs.field(validator=v.instance_of(str))
    nonblank: int = attrs.field(validator=_count)
    in_objects: int = attrs.field(validator=_count)
    boilerplate: int = attrs.field(validator=_count)
    diagnosed: int = attrs.field(validator=_count)
    unexplained: tuple[int, ...] = attrs.field(
        default=(), converter=tuple, validator=v.deep_iterable(v.instance_of(int), v.instance_of(tuple))
    )

    @property
    def accounted(self) -> int:
        """Non-blank lines that are part of an object, boilerplate or a diagnostic."""
        return self.nonblank - len(self.unexplained)

    @property
    def ratio(self) -> float:
        """Share of non-blank lines accounted for (1.0 for a file with none)."""
        return 1.0 if not self.nonblank else self.accounted / self.nonblank
