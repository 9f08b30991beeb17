"""Units and the objects that hold them: resolving every printed name once the file is read.

:class:`UnitBook` collects the unit names each jurisdiction prints (list by list, so
that names printed side by side are known to be different units) and resolves them all
at once with the units module's resolver; :func:`build_tasks` and
:func:`build_taskforces` then make the tasks and task forces drafted while reading,
with their resolved units.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from govplan.model import Member, Period, Post, Role, Task, TaskForce, Unit, UnitKind, UnitMention
from govplan.reading.text import compact

if TYPE_CHECKING:
    from govplan.reading.reader import _FileReader

__all__ = ["PendingTask", "PendingTaskForce", "UnitBook", "build_taskforces", "build_tasks", "post_unit"]

_POST_TAIL = re.compile(
    r"(?:主要负责同志|主要负责人|分管负责人|相关负责人|负责人|主要领导|分管领导|党组书记|书记|局长|政委|"
    r"分管副主任|跟线副主任|协管副主任|常务副主任|副主任|主任|分管副区长|常务副区长|副区长|区长|分管副市长|"
    r"常务副市长|副市长|市长|分管副县长|副县长|县长|跟线负责人|分管营商环境党组成员|党组成员)+$"
)


class UnitBook:
    """Unit names per jurisdiction, resolved once the whole file is read."""

    def __init__(self) -> None:
        self._resolvers: dict[str | None, Any] = {}
        self._units: dict[str | None, dict[str, Unit]] = {}

    def _resolver(self, jurisdiction: str | None) -> Any:
        r = self._resolvers.get(jurisdiction)
        if r is None:
            try:
                from govplan.units.resolver import UnitResolver

                r = UnitResolver(jurisdiction)
            except ImportError:  # pragma: no cover - the units module is part of the package
                r = _LocalResolver(jurisdiction)
            self._resolvers[jurisdiction] = r
        return r

    def add_list(self, jurisdiction: str | None, names: Sequence[str], role: Role | None = None) -> None:
        if names:
            self._resolver(jurisdiction).add_list(list(names), role)

    def unit(self, jurisdiction: str | None, name: str) -> Unit:
        units = self._units.get(jurisdiction)
        if units is None:
            units = self._resolver(jurisdiction).resolve()
            self._units[jurisdiction] = units
        found = units.get(name) or units.get(compact(name))
        if found is None:  # a name added after resolution; resolve it alone
            found = _LocalResolver(jurisdiction).unit(name)
            units[name] = found
        return found


class _LocalResolver:
    """One unit per cleaned name: used when the units module offers no resolver."""

    def __init__(self, jurisdiction: str | None) -> None:
        self.jurisdiction = jurisdiction
        self.names: dict[str, None] = {}

    def add_list(self, names: Sequence[str], role: Role | None = None) -> None:
        self.names.update(dict.fromkeys(names))

    def unit(self, name: str) -> Unit:
        clean = compact(name)
        kind = UnitKind.COLLECTIVE if clean.startswith(("各", "相关", "有关", "其他")) else UnitKind.GOVERNMENT
        return Unit(f"unit:{self.jurisdiction or ''}:{clean}", clean, jurisdiction=self.jurisdiction, kind=kind)

    def resolve(self) -> dict[str, Unit]:
        return {n: self.unit(n) for n in self.names}


@attrs.define
class PendingTask:
    """A task waiting for its units: from text (``draft``) or from a table row (``row``)."""

    id: str
    plan_id: str
    action_id: str | None
    parent_id: str | None
    jurisdiction: str | None
    line: int
    end_line: int
    text: str
    title: str | None
    path: tuple[str, ...]
    lead: tuple[str, ...]
    support: tuple[str, ...]
    responsibility: str | None
    deadline: Period | None
    deadline_text: str | None


@attrs.define
class PendingTaskForce:
    id: str
    plan_id: str
    action_id: str | None
    jurisdiction: str | None
    draft: Any
    line: int
    end_line: int


def post_unit(label: str) -> str | None:
    """The unit a post belongs to: 区发展改革局 in 区发展改革局主要负责人 (None for a bare post).

    >>> post_unit("区发展改革局主要负责人"), post_unit("常务副区长")
    ('区发展改革局', None)
    """
    try:
        from govplan.units.posts import split_post
    except ImportError:  # pragma: no cover - the units module is part of the package
        name = _POST_TAIL.sub("", compact(label))
        return name if len(name) >= 2 and name != compact(label) else None
    unit, _ = split_post(compact(label))
    return unit or None


def build_tasks(reader: _FileReader) -> list[Task]:
    """Task objects for every pending task, with resolved units."""
    out: list[Task] = []
    book = reader.units
    for p in reader.pending_tasks:
        lead = _units(book, p.jurisdiction, p.lead)
        support = _units(book, p.jurisdiction, p.support)
        mentions = [UnitMention(n, Role.LEAD, book.unit(p.jurisdiction, n).id) for n in p.lead]
        mentions += [UnitMention(n, Role.SUPPORT, book.unit(p.jurisdiction, n).id) for n in p.support]
        out.append(Task(
            id=p.id, plan_id=p.plan_id, text=p.text, title=p.title, path=p.path, lead=lead, support=support,
            mentions=mentions, responsibility=p.responsibility, deadline=p.deadline, deadline_text=p.deadline_text,
            parent_id=p.parent_id, action_id=p.action_id, source=reader.span(p.line, p.end_line)))
    return out


def _units(book: UnitBook, jurisdiction: str | None, names: Sequence[str]) -> tuple[Unit, ...]:
    seen: dict[str, Unit] = {}
    for n in names:
        u = book.unit(jurisdiction, n)
        seen.setdefault(u.id, u)
    return tuple(seen.values())


def build_taskforces(reader: _FileReader) -> list[TaskForce]:
    out: list[TaskForce] = []
    book = reader.units
    for p in reader.pending_taskforces:
        d = p.draft

        def post(label: str | None) -> Post | None:
            if not label:
                return None
            unit_name = post_unit(label)
            return Post(label, book.unit(p.jurisdiction, unit_name) if unit_name else None)

        # each member as printed in the list, beside the unit it resolves to
        members = tuple(Member(compact(m), book.unit(p.jurisdiction, m)) for m in dict.fromkeys(d.members) if m)
        office = book.unit(p.jurisdiction, d.office) if d.office else None
        out.append(TaskForce(
            id=p.id, plan_id=p.plan_id, name=d.name, convener=post(d.convener),
            deputies=tuple(x for x in (post(q) for q in d.deputies) if x is not None), members=members,
            office=office, action_id=p.action_id, source=reader.span(p.line, p.end_line)))
    return out
