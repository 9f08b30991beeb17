"""The filters a query applies.

A filter does two things: :meth:`Filter.select` names the index lists it can take
its objects from (or None when no index helps), and :meth:`Filter.test` gives a
predicate for one object.
A query takes the smallest indexed selection and tests its members against the
other filters, so no filter ever has to scan the graph unless nothing else narrows
it down.  Both answers of a filter must agree; the test suite checks that they do.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Callable, Iterable, Sequence
from array import array
from collections import deque
from itertools import chain
from typing import TYPE_CHECKING, Any

import attrs

from govplan.errors import InvalidArgumentError, PeriodParseError
from govplan.graph.indexes import NO_DEADLINE, ONGOING, TASKFORCE_ROLES, Posting, Table, end_date
from govplan.model import Action, Document, Period, Plan, Precision, Role, Target, Task, TaskForce, Unit
from govplan.units import clean_name

if TYPE_CHECKING:
    from govplan.graph import PlanGraph
    from govplan.query.core import Query

__all__ = [
    "Deadline",
    "DeadlineState",
    "Either",
    "Exclude",
    "Filter",
    "Has",
    "Metric",
    "Scope",
    "Text",
    "TopLevel",
    "UnitRole",
    "Where",
    "as_date_bound",
    "as_period",
    "union",
]

Test = Callable[[Any], bool]
#: Index lists (each in source order) whose union is a filter's selection.
Parts = list[Sequence[Any]]


def union(parts: Iterable[Sequence[Any]], table: Table[Any]) -> Sequence[Any]:
    """Objects found in any of *parts* (each in source order), once each, in source order.

    Postings bring their ordinals; other lists are looked up in *table*.

    >>> t = Table(); _ = [t.append(Task(i, "p")) for i in ("a", "b", "c")]
    >>> [o.id for o in union([[t.objects[0], t.objects[2]], [t.objects[1], t.objects[2]]], t)]
    ['a', 'b', 'c']
    """
    parts = [p for p in parts if p]
    if not parts:
        return ()
    if len(parts) == 1:
        return parts[0]
    objects = list(chain.from_iterable(parts))
    ordinals = array("i")
    for part in parts:
        if isinstance(part, Posting):
            ordinals.extend(part.ordinals)
        else:
            ordinals.extend(table.ordinal[o.id] for o in part)
    size = len(table)
    if len(objects) * 8 >= size and _TRUTHY:
        # A large share of the table: drop each object into its slot, then read the slots in order.
        slots: list[Any] = [None] * size
        deque(map(slots.__setitem__, ordinals, objects), maxlen=0)
        return list(filter(None, slots))
    by_ordinal = dict(zip(ordinals, objects))
    return list(map(by_ordinal.__getitem__, sorted(by_ordinal)))


# union() reads occupied slots with filter(None, …): the objects must all be true.
_TRUTHY = not any(hasattr(k, "__bool__") or hasattr(k, "__len__") for k in (Task, Target, TaskForce))


class Filter:
    """Base of every filter: select from an index if possible, and test one object.

    ``select`` returns the index lists whose union is the selection (each in source
    order; None when no index helps, and the query then tests every object); ``test``
    returns a predicate that agrees with it.  A query merges the lists of the filter
    that selects fewest objects only, and calls ``test`` on the others.
    """

    def select(self, graph: PlanGraph, kind: type) -> Parts | None:
        """The index lists holding the selection, or None when no index helps."""
        return None

    def is_disjoint(self) -> bool:
        """True when the lists ``select`` returns never share an object, so their lengths add up."""
        return False

    def test(self, graph: PlanGraph, kind: type) -> Test:
        """A predicate on one object of *kind* that agrees with :meth:`select`."""
        raise NotImplementedError

    def describe(self) -> str:
        """The filter as the query method call that makes it (for ``repr``)."""
        raise NotImplementedError


def _spec(value: Any) -> str:
    if isinstance(value, (Unit, Document, Plan, Action)):
        return repr(value.id)
    return repr(value)


# -- units --------------------------------------------------------------------------------------
_TASK_ROLES = (Role.LEAD, Role.SUPPORT)


def _units_in_role(obj: Any, role: Role) -> Iterable[Unit]:
    if role is Role.LEAD:
        return obj.lead  # type: ignore[no-any-return]
    if role is Role.SUPPORT:
        return obj.support  # type: ignore[no-any-return]
    if role is Role.CONVENER:
        return (obj.convener.unit,) if obj.convener is not None and obj.convener.unit is not None else ()
    if role is Role.DEPUTY:
        return tuple(p.unit for p in obj.deputies if p.unit is not None)
    if role is Role.MEMBER:
        return tuple(m.unit for m in obj.members)
    return (obj.office,) if obj.office is not None else ()


@attrs.frozen
class UnitRole(Filter):
    """Objects in which any of *units* holds any of *roles*.

    A unit is given as a Unit, its id, or any written form (full name, alias, or a
    form that falls under the same canonical key); with *jurisdiction*, only units of
    that jurisdiction count.
    """

    units: tuple[str | Unit, ...]
    roles: tuple[Role, ...]
    jurisdiction: str | None = None

    def unit_ids(self, graph: PlanGraph) -> list[str]:
        if len(self.units) == 1:
            return graph._unit_ids(self.units[0], self.jurisdiction)
        ids: dict[str, None] = {}
        for spec in self.units:
            ids.update(dict.fromkeys(graph._unit_ids(spec, self.jurisdiction)))
        return list(ids)

    def is_disjoint(self) -> bool:
        # One unit in one role: a single list.  Several may list one object twice.
        return len(self.units) == 1 and isinstance(self.units[0], Unit) and len(self.roles) == 1

    def _tables(self, graph: PlanGraph, kind: type) -> list[Any]:
        by_role: dict[Role, Any]
        if kind is Task:
            by_role = graph._index.tasks_by_unit
        elif kind is TaskForce:
            by_role = graph._index.taskforces_by_unit
        else:
            raise InvalidArgumentError(f"{kind.__name__} has no units")
        return [by_role[r] for r in self.roles if r in by_role]

    def select(self, graph: PlanGraph, kind: type) -> Parts | None:
        units, roles = self.units, self.roles
        if len(units) == 1 and len(roles) == 1 and kind is Task and roles[0] in _TASK_ROLES:
            # The common case, kept short: it runs in microseconds at national scale.
            table = graph._index.tasks_by_unit[roles[0]]
            unit = units[0]
            if isinstance(unit, Unit) and self.jurisdiction is None:
                return [table.get(unit.id, ())]
            return [table[uid] for uid in graph._unit_ids(unit, self.jurisdiction) if uid in table]
        ids = self.unit_ids(graph)
        return [objs for table in self._tables(graph, kind) for uid in ids if (objs := table.get(uid))]

    def test(self, graph: PlanGraph, kind: type) -> Test:
        self._tables(graph, kind)
        idset = frozenset(self.unit_ids(graph))
        roles = self.roles
        if roles == (Role.LEAD,):
            return lambda t: any(u.id in idset for u in t.lead)
        return lambda t: any(u.id in idset for r in roles for u in _units_in_role(t, r))

    def describe(self) -> str:
        names = ", ".join(_spec(u) for u in self.units)
        roles = "|".join(r.value for r in self.roles)
        place = f", jurisdiction={self.jurisdiction!r}" if self.jurisdiction else ""
        return f"unit({names}, role={roles}{place})"


# -- deadlines ----------------------------------------------------------------------------------
def as_period(value: str | Period | _dt.date) -> Period:
    """A period from its text (``2024-06``, ``2024年6月底前``), a Period or a date."""
    if isinstance(value, Period):
        return value
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return Period.of_day(value.year, value.month, value.day)
    if isinstance(value, str):
        return Period.parse(value)
    raise PeriodParseError(f"expected a period, a date or its text, got {type(value).__name__}")


def as_date_bound(value: str | Period | _dt.date, end: bool) -> _dt.date:
    """The first (or, with *end*, the last) day of the period *value* denotes."""
    period = as_period(value)
    day = period.end if end else period.start
    if day is None:
        raise PeriodParseError("an ongoing period has no start or end to compare with")
    return day


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _months(lo: tuple[int, int], hi: tuple[int, int]) -> Iterable[tuple[int, int]]:
    year, month = lo
    while (year, month) <= hi:
        yield (year, month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


@attrs.frozen
class Deadline(Filter):
    """Objects whose deadline ends on a day in ``[first, last]`` (either end open).

    Ongoing deadlines and missing ones never match.  Whole months of the window come
    straight from the month index; only a month cut by the window is tested day by day.
    """

    first: _dt.date | None
    last: _dt.date | None
    label: str = attrs.field(default="", eq=False)

    def is_disjoint(self) -> bool:  # one list per month
        return True

    def select(self, graph: PlanGraph, kind: type) -> Parts | None:
        index = graph._index.by_month.get(kind)
        if index is None:
            raise InvalidArgumentError(f"{kind.__name__} has no deadline")
        first, last = self.first, self.last
        # A month is taken whole unless the window starts or ends inside it.
        lo = (first.year, first.month) if first is not None else None
        hi = (last.year, last.month) if last is not None else None
        lo_cut = first is not None and first.day != 1
        hi_cut = last is not None and last.day != _month_end(last.year, last.month)
        if lo is not None and hi is not None and (hi[0] - lo[0]) * 12 + hi[1] - lo[1] < len(index):
            keys: Iterable[Any] = _months(lo, hi)  # a short window: look its months up
        else:
            keys = sorted(k for k in index if not isinstance(k, str))
        parts: Parts = []
        test = self._test
        for key in keys:
            if (lo is not None and key < lo) or (hi is not None and key > hi):
                continue
            posting = index.get(key)
            if not posting:
                continue
            if (lo_cut and key == lo) or (hi_cut and key == hi):
                kept = Posting()
                for obj, n in zip(posting, posting.ordinals):
                    if test(obj):
                        kept.append(obj)
                        kept.ordinals.append(n)
                posting = kept
            parts.append(posting)
        return parts

    def test(self, graph: PlanGraph, kind: type) -> Test:
        return self._test

    def _test(self, obj: Any) -> bool:
        period = obj.deadline
        if period is None or period.precision is Precision.ONGOING:
            return False
        day = end_date(period)
        return day is not None and (self.first is None or self.first <= day) and (
            self.last is None or day <= self.last)

    def describe(self) -> str:
        return self.label or f"deadline({self.first}..{self.last})"


@attrs.frozen
class DeadlineState(Filter):
    """Objects with no deadline (``"none"``), an ongoing one, or any dated one (``"dated"``)."""

    state: str

    def is_disjoint(self) -> bool:
        return True

    def select(self, graph: PlanGraph, kind: type) -> Parts | None:
        index = graph._index.by_month.get(kind)
        if index is None:
            raise InvalidArgumentError(f"{kind.__name__} has no deadline")
        if self.state == "dated":
            return [v for k, v in index.items() if not isinstance(k, str)]
        return [index.get(NO_DEADLINE if self.state == "none" else ONGOING, ())]

    def test(self, graph: PlanGraph, kind: type) -> Test:
        return self._test

    def _test(self, obj: Any) -> bool:
        period = obj.deadline
        if self.state == "none":
            return period is None
        if period is None:
            return False
        return period.is_ongoing is (self.state == "ongoing")

    def describe(self) -> str:
        return {"none": "no_deadline()", "ongoing": "ongoing()", "dated": "with_deadline()"}[self.state]


# -- where in the corpus ------------------------------------------------------------------------
def _title_matches(title: str | None, needle: str) -> bool:
    return bool(title) and needle in clean_name(title or "")


def _resolve(graph: PlanGraph, spec: Any, kind: type[Any], candidates: Callable[[], Iterable[Any]],
             title: Callable[[Any], str | None], by_number: dict[str, str] | None = None) -> list[str]:
    """Ids of the *kind* objects *spec* names: the object, its id, a number in *by_number*, or
    words of its *title*."""
    if isinstance(spec, kind):
        return [spec.id]
    if isinstance(graph.get(spec), kind):
        return [spec]
    needle = clean_name(spec)
    numbered = by_number.get(needle) if by_number is not None else None
    if numbered:
        return [numbered]
    return [obj.id for obj in candidates() if _title_matches(title(obj), needle)]


def resolve_documents(graph: PlanGraph, spec: str | Document) -> list[str]:
    """Ids of the documents *spec* names: a Document, an id, a 文号, or words of the title."""
    return _resolve(graph, spec, Document, graph.documents, lambda d: d.title, graph._index.documents_by_number)


def resolve_plans(graph: PlanGraph, spec: str | Plan) -> list[str]:
    """Ids of the plans *spec* names: a Plan, an id, or words of the title."""
    return _resolve(graph, spec, Plan, graph.plans, lambda p: p.title)


def resolve_actions(graph: PlanGraph, spec: str | Action) -> list[str]:
    """Ids of the actions *spec* names: an Action, an id, or words of the name (``项目攻坚``)."""
    return _resolve(graph, spec, Action, graph.actions, lambda a: a.name)


def resolve_jurisdictions(graph: PlanGraph, name: str) -> list[str]:
    """The jurisdictions (as indexed) *name* denotes: the exact name, else those containing it."""
    index = graph._index.documents_by_jurisdiction
    needle = clean_name(name)
    if index.get(needle):
        return [needle]
    return [place for place, docs in index.items() if docs and needle and needle in place]


@attrs.frozen
class Scope(Filter):
    """Objects in a jurisdiction, document, plan or action (``what``), named by *spec*.

    An object is in an action when it names the action itself or belongs to a plan
    written for it (an attachment plan); in a document or jurisdiction through its plan.
    """

    what: str
    spec: Any

    def is_disjoint(self) -> bool:
        # Plans never share objects; an action's own list may repeat its plans' objects.
        return self.what != "action"

    def _plans_and_actions(self, graph: PlanGraph) -> tuple[list[str], list[str]]:
        index = graph._index
        if self.what == "plan":
            return resolve_plans(graph, self.spec), []
        if self.what == "action":
            actions = resolve_actions(graph, self.spec)
            return [p for a in actions for p in index.plans_by_action.get(a, ())], actions
        if self.what == "document":
            docs = resolve_documents(graph, self.spec)
        elif self.what == "jurisdiction":
            docs = [d for place in resolve_jurisdictions(graph, self.spec)
                    for d in index.documents_by_jurisdiction.get(place, ())]
        else:
            raise InvalidArgumentError(f"unknown scope {self.what!r}")
        return [p for d in docs for p in index.plans_by_document.get(d, ())], []

    def select(self, graph: PlanGraph, kind: type) -> Parts | None:
        plans, actions = self._plans_and_actions(graph)
        by_plan, by_action = graph._index.by_plan[kind], graph._index.by_action[kind]
        found: list[Sequence[Any]] = [objs for p in plans if (objs := by_plan.get(p))]
        return found + [objs for a in actions if (objs := by_action.get(a))]

    def test(self, graph: PlanGraph, kind: type) -> Test:
        plans, actions = self._plans_and_actions(graph)
        plan_set, action_set = frozenset(plans), frozenset(actions)
        return lambda obj: obj.plan_id in plan_set or (obj.action_id is not None and obj.action_id in action_set)

    def describe(self) -> str:
        return f"in_{self.what}({_spec(self.spec)})"


# -- text and other properties ------------------------------------------------------------------
def _texts(obj: Any) -> tuple[str | None, ...]:
    if isinstance(obj, Task):
        return (obj.text, obj.title)
    if isinstance(obj, Target):
        return (obj.text, obj.metric)
    if isinstance(obj, TaskForce):
        return (obj.name,)
    return ()


@attrs.frozen
class Text(Filter):
    """Objects whose text contains *needle* (task text or title, target text or metric,
    task-force name).  Not indexed: it tests the candidates other filters leave."""

    needle: str

    def test(self, graph: PlanGraph, kind: type) -> Test:
        needle = self.needle
        return lambda obj: any(needle in t for t in _texts(obj) if t)

    def describe(self) -> str:
        return f"with_text({self.needle!r})"


@attrs.frozen
class Metric(Filter):
    """Targets whose metric is *name* (after cleaning), or contains it unless *exact*."""

    name: str
    exact: bool = False

    def is_disjoint(self) -> bool:  # one list per metric
        return True

    def select(self, graph: PlanGraph, kind: type) -> Parts | None:
        index = graph._index.targets_by_metric
        needle = clean_name(self.name)
        if self.exact:
            return [index.get(needle, ())]
        return [objs for key, objs in index.items() if needle in key]

    def test(self, graph: PlanGraph, kind: type) -> Test:
        needle, exact = clean_name(self.name), self.exact
        return lambda obj: (clean_name(obj.metric) == needle) if exact else (needle in clean_name(obj.metric))

    def describe(self) -> str:
        return f"metric({self.name!r}{', exact=True' if self.exact else ''})"


#: What ``Has`` can ask of a task.
HAS_WHAT = ("targets", "lead", "support", "deadline", "subtasks", "parent")


@attrs.frozen
class Has(Filter):
    """Tasks that have targets, lead units, supporting units, a deadline, sub-tasks or a parent."""

    what: str

    def is_disjoint(self) -> bool:
        return True

    def select(self, graph: PlanGraph, kind: type) -> Parts | None:
        index = graph._index
        if self.what in ("targets", "subtasks"):
            keyed = index.targets_by_task if self.what == "targets" else index.children
            ordinal = index.tables[Task].ordinal
            owners = sorted((t for t, objs in keyed.items() if objs), key=ordinal.__getitem__)
            return [[graph._objects[t] for t in owners]]
        if self.what == "deadline":
            months = index.by_month[Task]
            return [v for k, v in months.items() if k != NO_DEADLINE]
        if self.what not in HAS_WHAT:
            raise InvalidArgumentError(f"unknown property {self.what!r}; one of {', '.join(HAS_WHAT)}")
        return None

    def test(self, graph: PlanGraph, kind: type) -> Test:
        index = graph._index
        what = self.what
        if what in ("targets", "subtasks"):
            keyed = index.targets_by_task if what == "targets" else index.children
            return lambda t: bool(keyed.get(t.id))
        if what == "deadline":
            return lambda t: t.deadline is not None
        if what == "lead":
            return lambda t: bool(t.lead)
        if what == "support":
            return lambda t: bool(t.support)
        if what == "parent":
            return lambda t: t.parent_id is not None
        raise InvalidArgumentError(f"unknown property {what!r}; one of {', '.join(HAS_WHAT)}")

    def describe(self) -> str:
        return f"has({self.what!r})"


@attrs.frozen
class TopLevel(Filter):
    """Tasks that are not sub-tasks of another task."""

    def test(self, graph: PlanGraph, kind: type) -> Test:
        return lambda t: t.parent_id is None

    def describe(self) -> str:
        return "top_level()"


@attrs.frozen
class Where(Filter):
    """Objects for which a Python *predicate* is true (not indexed)."""

    predicate: Callable[[Any], bool]
    label: str = attrs.field(default="", eq=False)

    def test(self, graph: PlanGraph, kind: type) -> Test:
        predicate = self.predicate
        return lambda obj: bool(predicate(obj))

    def describe(self) -> str:
        return self.label or f"where({getattr(self.predicate, '__name__', 'predicate')})"


# -- combining queries --------------------------------------------------------------------------
@attrs.frozen
class Exclude(Filter):
    """Objects that *other* (a query over the same graph and kind) does not select."""

    other: Query[Any]

    def test(self, graph: PlanGraph, kind: type) -> Test:
        check_same(graph, kind, self.other)
        drop = frozenset(map(id, self.other._result()))
        return lambda obj: id(obj) not in drop

    def describe(self) -> str:
        return f"exclude({self.other._describe_filters()})"


@attrs.frozen
class Either(Filter):
    """Objects that any of *queries* selects (each over the same graph and kind)."""

    queries: tuple[Query[Any], ...]

    def select(self, graph: PlanGraph, kind: type) -> Parts | None:
        for q in self.queries:
            check_same(graph, kind, q)
        return [q._result() for q in self.queries]

    def test(self, graph: PlanGraph, kind: type) -> Test:
        keep = frozenset(id(o) for part in self.select(graph, kind) or () for o in part)
        return lambda obj: id(obj) in keep

    def describe(self) -> str:
        return "either(" + ", ".join(q._describe_filters() for q in self.queries) + ")"


def check_same(graph: PlanGraph, kind: type, query: Query[Any]) -> None:
    """Refuse to combine *query* with one over another graph or kind of object."""
    if query.graph is not graph or query.kind is not kind:
        raise InvalidArgumentError("queries can only be combined over the same graph and kind of object")
