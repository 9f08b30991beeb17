"""Units and the objects that hold them: resolving every printed name once the file is read.

:class:`UnitBook` collects the unit names each jurisdiction prints (list by list, so
that names printed side by side are known to be different units) and resolves them all
at once with the units module's resolver; :func:`build_tasks` and
:func:`build_taskforces` then make the tasks and task forces drafted while reading,
with their resolved units.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from govplan.model import Member, Period, Post, Role, Task, TaskForce, Unit, UnitKind, UnitMention
from govplan.reading.text import compact
from govplan.units import UnitResolver, split_post

if TYPE_CHECKING:
    from govplan.reading.reader import _FileReader

__all__ = ["PendingTask", "PendingTaskForce", "UnitBook", "build_taskforces", "build_tasks", "post_unit"]

class UnitBook:
    """Unit names per jurisdiction, resolved once the whole file is read."""

    def __init__(self) -> None:
        self._resolvers: dict[str | None, UnitResolver] = {}
        self._units: dict[str | None, dict[str, Unit]] = {}

    def _resolver(self, jurisdiction: str | None) -> UnitResolver:
        r = self._resolvers.get(jurisdiction)
        if r is None:
            r = self._resolvers[jurisdiction] = UnitResolver(jurisdiction)
        return r

    def add_list(self, jurisdiction: str | None, names: Sequence[str], role: Role | None = None) -> None:
        """Record the names of one printed list in *jurisdiction*: they denote different units."""
        if names:
            self._resolver(jurisdiction).add_list(list(names), role)

    def unit(self, jurisdiction: str | None, name: str) -> Unit:
        """The unit *name* denotes in *jurisdiction*; the first call resolves all its names."""
        units = self._units.get(jurisdiction)
        if units is None:
            units = self._resolver(jurisdiction).resolve()
            self._units[jurisdiction] = units
        found = units.get(name) or units.get(compact(name))
        if found is None:  # a name added after resolution: a unit of its own
            found = _lone_unit(jurisdiction, name)
            units[name] = found
        return found


def _lone_unit(jurisdiction: str | None, name: str) -> Unit:
    clean = compact(name)
    kind = UnitKind.COLLECTIVE if clean.startswith(("各", "相关", "有关", "其他")) else UnitKind.GOVERNMENT
    return Unit(f"unit:{jurisdiction or ''}:{clean}", clean, jurisdiction=jurisdiction, kind=kind)


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
    """A task force waiting for its units: the drafted roles (``draft``) and where it was read."""

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
    """TaskForce objects for every pending task force, with resolved units."""
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
