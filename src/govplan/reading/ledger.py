"""The coverage ledger: what became of every non-blank line of a file.

While reading, each line is marked as part of an object (a task, target, task force,
document header, table row), as recognised boilerplate (signature, page residue,
headings, preamble, mechanism prose…), or as the subject of a diagnostic.  What is
left unmarked is unexplained: content the reader saw but did not place.

>>> from govplan.reading.lines import Line
>>> led = Ledger("p.txt", [Line(1, "一、目标"), Line(2, ""), Line(3, "1. 任务。[区发改局牵头]"), Line(4, "残句")])
>>> led.boilerplate(1, why="heading"); led.object(3, 3)
>>> c = led.coverage()
>>> (c.nonblank, c.in_objects, c.boilerplate, c.unexplained)
(3, 1, 1, (4,))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from govplan.model import FileCoverage
from govplan.reading.lines import Line

__all__ = ["Ledger"]

_OBJECT, _DIAGNOSED, _BOILER = 3, 2, 1


class Ledger:
    """Marks per line; the strongest mark wins (object > diagnostic > boilerplate)."""

    def __init__(self, path: str, lines: Sequence[Line]) -> None:
        self.path = path
        self._nonblank = {ln.number for ln in lines if ln.text.strip(" \t\u3000\r\n\xa0")}
        self._mark: dict[int, int] = {}
        self.reasons: dict[int, str] = {}

    def _set(self, first: int, last: int, level: int, why: str = "") -> None:
        for n in range(first, max(first, last) + 1):
            if n in self._nonblank and self._mark.get(n, 0) < level:
                self._mark[n] = level
                if why:
                    self.reasons[n] = why

    def object(self, first: int, last: int | None = None) -> None:
        """Lines *first*..*last* are part of an object read from the file."""
        self._set(first, last if last is not None else first, _OBJECT, "object")

    def diagnosed(self, line: int) -> None:
        """*line* is the subject of a diagnostic."""
        self._set(line, line, _DIAGNOSED, "diagnostic")

    def boilerplate(self, first: int, last: int | None = None, *, why: str = "boilerplate") -> None:
        """Lines *first*..*last* are recognised text that holds no object."""
        self._set(first, last if last is not None else first, _BOILER, why)

    def boilerplate_lines(self, lines: Iterable[int], *, why: str = "boilerplate") -> None:
        """Each of *lines* is recognised text that holds no object."""
        for n in lines:
            self._set(n, n, _BOILER, why)

    def is_marked(self, line: int) -> bool:
        """Whether *line* is accounted for already."""
        return line in self._mark

    def unexplained(self) -> tuple[int, ...]:
        """The non-blank lines nothing accounts for, in order."""
        return tuple(sorted(n for n in self._nonblank if n not in self._mark))

    def coverage(self) -> FileCoverage:
        """The file's :class:`~govplan.FileCoverage` record."""
        counts = {_OBJECT: 0, _DIAGNOSED: 0, _BOILER: 0}
        for n in self._nonblank:
            level = self._mark.get(n)
            if level:
                counts[level] += 1
        unexplained: Any = self.unexplained()  # FileCoverage converts with tuple()
        return FileCoverage(self.path, len(self._nonblank), counts[_OBJECT], counts[_BOILER],
                            counts[_DIAGNOSED], unexplained)
