"""Composable, immutable queries over a :class:`~govplan.PlanGraph`.

Each refining method returns a new query; nothing is computed until the query is
iterated, counted or exported, and the answer is cached until the graph changes.

>>> from govplan import Document, Plan, PlanGraph, Task, Unit, Period
>>> fgj = Unit("u:1", "区发展改革局", aliases=("区发改局",))
>>> czj = Unit("u:2", "区财政局")
>>> g = PlanGraph([Document("d"), Plan("p", "d", "某区实施方案"),
...     Task("t1", "p", text="推进项目", lead=[fgj], support=[czj], deadline=Period.parse("2024-12")),
...     Task("t2", "p", text="兑现政策", lead=[czj], deadline=Period.parse("2024-Q2"))])
>>> q = g.tasks().led_by("区发改局").due("2024-12")
>>> [t.id for t in q], len(g.tasks().involving("区财政局"))
(['t1'], 2)
>>> g.tasks().order_by("deadline").ids()
['t2', 't1']
"""

from __future__ import annotations

import bisect
import datetime as _dt
import io
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, overload

from govplan.errors import InvalidArgumentError
from govplan.graph.indexes import TASKFORCE_ROLES, end_date, month_key
from govplan.model import Action, Document, Period, Plan, Precision, Role, Target, Task, TaskForce, Unit
from govplan.query import filters as f

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, unused-ignore]

    from govplan.graph import PlanGraph

__all__ = ["Query", "TargetQuery", "TaskForceQuery", "TaskQuery"]

T = TypeVar("T")
Q = TypeVar("Q", bound="Query[Any]")
UnitSpec = str | Unit
When = str | Period | _dt.date


def _role(value: Role | str) -> Role:
    return value if isinstance(value, Role) else Role(value)


class Query(Generic[T]):
    """A selection of one kind of object in a graph: filters, an ordering and a limit.

    Immutable: every refining method returns a new query.  Iterating gives model
    objects, in source order unless :meth:`order_by` says otherwise.
    """

    __slots__ = ("_graph", "_filters", "_ordering", "_limit", "_cache")

    kind: ClassVar[type] = object
    noun: ClassVar[str] = "objects"
    #: Keys :meth:`order_by` accepts besides ``source``.
    order_keys: ClassVar[tuple[str, ...]] = ()
    #: Keys :meth:`group_by` accepts.
    group_keys: ClassVar[tuple[str, ...]] = ("plan", "document", "jurisdiction", "action")

    def __init__(self, graph: PlanGraph, filters: tuple[f.Filter, ...] = (), ordering: tuple[str, ...] = (),
                 limit: int | None = None) -> None:
        # A query is built on every call in hot loops: plain slots, read-only from outside.
        self._graph = graph
        self._filters = filters
        self._ordering = ordering
        self._limit = limit
        self._cache: list[Any] = [None, None]

    @property
    def graph(self) -> PlanGraph:
        """The graph queried."""
        return self._graph

    @property
    def filters(self) -> tuple[f.Filter, ...]:
        """The filters, in the order given."""
        return self._filters

    @property
    def ordering(self) -> tuple[str, ...]:
        """The sort keys given to :meth:`order_by`."""
        return self._ordering

    @property
    def limit_(self) -> int | None:
        """The limit given to :meth:`limit`, or None."""
        return self._limit

    # -- building -------------------------------------------------------------------------------
    def _with(self: Q, *more: f.Filter) -> Q:
        return type(self)(self._graph, self._filters + more, self._ordering, self._limit)

    def __reduce__(self) -> Any:
        return (type(self), (self._graph, self._filters, self._ordering, self._limit))

    def where(self: Q, predicate: Callable[[T], bool], label: str = "") -> Q:
        """Only objects for which *predicate* is true (tested on what the other filters leave)."""
        return self._with(f.Where(predicate, label))

    def with_text(self: Q, needle: str) -> Q:
        """Only objects whose text contains *needle* (for tasks: text or title)."""
        return self._with(f.Text(needle))

    def in_jurisdiction(self: Q, name: str) -> Q:
        """Only objects of documents issued for *name* (exact, else any jurisdiction containing it)."""
        return self._with(f.Scope("jurisdiction", name))

    def in_document(self: Q, document: str | Document) -> Q:
        """Only objects of one document: a Document, its id, its 文号, or words of its title."""
        return self._with(f.Scope("document", document))

    def in_plan(self: Q, plan: str | Plan) -> Q:
        """Only objects of one plan: a Plan, its id, or words of its title."""
        return self._with(f.Scope("plan", plan))

    def in_action(self: Q, action: str | Action) -> Q:
        """Only objects of an action: an Action, its id, or words of its name (``项目攻坚``).

        Objects count when they name the action or sit in a plan written for it.
        """
        return self._with(f.Scope("action", action))

    def exclude(self: Q, other: Query[T]) -> Q:
        """Objects of this query that *other* does not select."""
        return self._with(f.Exclude(other))

    def __and__(self: Q, other: Query[T]) -> Q:
        f.check_same(self._graph, self.kind, other)
        return type(self)(self._graph, self._filters + other.filters, self._ordering, self._limit)

    def __or__(self: Q, other: Query[T]) -> Q:
        return type(self)(self._graph, (f.Either((self._bare(), other._bare())),), self._ordering)

    def __sub__(self: Q, other: Query[T]) -> Q:
        return self.exclude(other)

    def _bare(self: Q) -> Q:
        return type(self)(self._graph, self._filters)

    def order_by(self: Q, *keys: str) -> Q:
        """Sort by *keys* (``source``, ``deadline``, … ; ``-key`` descending); the default is source order."""
        for key in keys:
            name = key.lstrip("-")
            if name != "source" and name not in self.order_keys:
                known = ", ".join(("source", *self.order_keys))
                raise InvalidArgumentError(f"cannot order {self.noun} by {name!r}; use one of {known}")
        return type(self)(self._graph, self._filters, tuple(keys), self._limit)

    def limit(self: Q, n: int) -> Q:
        """At most *n* objects."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise InvalidArgumentError(f"limit must be a non-negative integer, got {n!r}")
        return type(self)(self._graph, self._filters, self._ordering, n)

    # -- evaluating -----------------------------------------------------------------------------
    def _result(self) -> Sequence[T]:
        """The selected objects in source order, before ordering and limit.

        May be one of the graph's own index lists: callers copy before handing it out.
        """
        cache = self._cache
        if cache[0] == self._graph._version:
            return cache[1]  # type: ignore[no-any-return]
        return self._evaluate(count_only=False)  # type: ignore[return-value]

    def _evaluate(self, count_only: bool) -> Sequence[T] | int:
        graph = self._graph
        kind, filters = self.kind, self._filters
        table = graph._index.tables[kind]
        result: Sequence[T]
        if not filters:
            result = table.objects
        else:
            # The filter whose index lists hold the fewest objects drives; only its lists
            # are merged, and the other filters test its members one by one.
            driver: int | None = None
            parts: f.Parts = []
            size = -1
            for i, flt in enumerate(filters):
                selected = flt.select(graph, kind)
                if selected is None:
                    continue
                n = len(selected[0]) if len(selected) == 1 else sum(map(len, selected))
                if driver is None or n < size:
                    driver, parts, size = i, selected, n
                    if not n:
                        break
            if count_only and len(filters) == 1 and len(parts) > 1 and filters[0].is_disjoint():
                return size  # lists that share nothing: no need to merge them to count
            candidates: Sequence[T]
            if driver is None:
                candidates = table.objects
            elif len(parts) == 1:
                candidates = parts[0]
            else:
                candidates = f.union(parts, table)
            tests = [flt.test(graph, kind) for i, flt in enumerate(filters) if i != driver] if candidates else []
            if not tests:
                result = candidates
            elif len(tests) == 1:
                result = list(filter(tests[0], candidates))
            else:
                result = [o for o in candidates if all(t(o) for t in tests)]
        cache = self._cache
        cache[0], cache[1] = graph._version, result
        return len(result) if count_only else result

    def _selected(self) -> list[T]:
        """A fresh list of the answer: ordered and limited."""
        items = list(self._result())
        if self._ordering:
            items = self._sort(items)
        return items if self._limit is None else items[: self._limit]

    def _sort(self, items: list[T]) -> list[T]:
        # Sort by the last key first: Python's sort is stable, so earlier keys win.
        ordinal = self._graph._index.tables[self.kind].ordinal
        for key in reversed(self._ordering):
            name, reverse = key.lstrip("-"), key.startswith("-")
            if name == "source":
                items.sort(key=lambda o: ordinal[o.id], reverse=reverse)  # type: ignore[attr-defined]
            else:
                keyed = [(self._sort_value(o, name), o) for o in items]
                present = [kv for kv in keyed if kv[0] is not None]
                present.sort(key=operator.itemgetter(0), reverse=reverse)
                items = [o for _, o in present] + [o for v, o in keyed if v is None]  # missing last
        return items

    def _sort_value(self, obj: Any, name: str) -> Any:
        if name == "deadline":
            return _deadline_key(obj.deadline)
        return getattr(obj, name, None)

    def __iter__(self) -> Iterator[T]:
        if self._ordering or self._limit is not None:
            return iter(self._selected())
        return iter(self._result())

    def __len__(self) -> int:
        n = self._count()
        return n if self._limit is None else min(n, self._limit)

    def _count(self) -> int:
        cache = self._cache
        if cache[0] == self._graph._version:
            return len(cache[1])
        return self._evaluate(count_only=True)  # type: ignore[return-value]

    def __contains__(self, obj: object) -> bool:
        if self._limit is not None:
            return obj in self._selected()
        stored = self._graph._objects.get(getattr(obj, "id", None))  # type: ignore[arg-type]
        if stored is None or type(stored) is not self.kind or stored != obj:
            return False
        ordinal = self._graph._index.tables[self.kind].ordinal
        result = self._result()
        at = bisect.bisect_left(result, ordinal[stored.id], key=lambda o: ordinal[o.id])  # type: ignore[attr-defined]
        return at < len(result) and result[at] is stored

    def __bool__(self) -> bool:
        return len(self) > 0

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        return self._selected()[index]

    def __eq__(self, other: object) -> bool:
        # A query equals another with the same graph and spec, and a list of the objects it selects.
        if isinstance(other, Query):
            return (type(self) is type(other) and self._graph is other.graph and self._filters == other.filters
                    and self._ordering == other.ordering and self._limit == other.limit_)
        if isinstance(other, (list, tuple)):
            return self._selected() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def count(self) -> int:
        """How many objects the query selects."""
        return len(self)

    def exists(self) -> bool:
        """True when the query selects anything."""
        return len(self) > 0

    def first(self) -> T | None:
        """The first object (in the query's order), or None."""
        if not self._ordering:
            result = self._result()
            return result[0] if result and self._limit != 0 else None
        items = self._selected()
        return items[0] if items else None

    def ids(self) -> list[str]:
        """The ids of the selected objects."""
        return [o.id for o in self._selected()]  # type: ignore[attr-defined]

    def all(self) -> list[T]:
        """The selected objects as a list."""
        return self._selected()

    # -- grouping ----------------------------------------------------------------------------------
    def _group_values(self, obj: Any, by: str) -> Iterable[Any]:
        graph = self._graph
        if by == "plan":
            return (graph.get(obj.plan_id),)
        if by == "document":
            plan = graph.get(obj.plan_id)
            return (graph.get(plan.document_id),)
        if by == "jurisdiction":
            plan = graph.get(obj.plan_id)
            return (graph.get(plan.document_id).jurisdiction,)
        if by == "action":
            action_id = obj.action_id or graph.get(obj.plan_id).action_id
            return (graph.get(action_id) if action_id else None,)
        raise InvalidArgumentError(f"cannot group {self.noun} by {by!r}; use one of {', '.join(self.group_keys)}")

    def group_by(self, by: str) -> dict[Any, list[T]]:
        """The selected objects grouped by *by*, groups in order of first appearance.

        An object falls in every group it belongs to (a task with two lead units in both);
        the key is the model object (Unit, Plan, Action, Document), a string, or None.
        """
        if by not in self.group_keys:
            raise InvalidArgumentError(f"cannot group {self.noun} by {by!r}; use one of {', '.join(self.group_keys)}")
        groups: dict[Any, list[T]] = {}
        for obj in self._selected():
            for key in self._group_values(obj, by):
                groups.setdefault(key, []).append(obj)
        return groups

    def count_by(self, by: str) -> list[tuple[Any, int]]:
        """``(key, count)`` for each group of :meth:`group_by`, largest first (ties: first seen)."""
        counts = [(key, len(items)) for key, items in self.group_by(by).items()]
        counts.sort(key=lambda kv: -kv[1])
        return counts

    # -- exporting ---------------------------------------------------------------------------------
    def records(self) -> list[dict[str, Any]]:
        """Plain records (str, int, float, None and lists of str), one per selected object."""
        from govplan.query.records import record

        return [record(self._graph, obj) for obj in self._selected()]

    def to_csv(self, path: Any = None) -> str | None:
        """Write the records as CSV to *path* (a path or a text file); without one, return the text."""
        from govplan.query.render import write_csv

        if path is None:
            buffer = io.StringIO()
            write_csv(self.records(), buffer)
            return buffer.getvalue()
        if hasattr(path, "write"):
            write_csv(self.records(), path)
        else:
            with open(path, "w", encoding="utf-8", newline="") as fh:
                write_csv(self.records(), fh)
        return None

    def to_dataframe(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame (needs the optional ``pandas`` extra)."""
        from govplan.query.render import to_dataframe

        return to_dataframe(self.records(), self.kind)

    def _repr_html_(self) -> str:
        from govplan.query.render import html_table

        rows = self.limit(min(self._limit if self._limit is not None else 50, 50)).records()
        return html_table(rows, total=len(self), noun=self.noun, title=self._describe_filters())

    def _describe_filters(self) -> str:
        parts = [flt.describe() for flt in self._filters]
        if self._ordering:
            parts.append("order_by(" + ", ".join(repr(k) for k in self._ordering) + ")")
        if self._limit is not None:
            parts.append(f"limit({self._limit})")
        return ".".join(parts) or "all"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._describe_filters()}: {len(self)} {self.noun}>"


def _deadline_key(period: Period | None) -> tuple[int, Any, int] | None:
    if period is None:
        return None
    day = end_date(period)
    if day is None:
        return (1, _dt.date.max, 0)
    return (0, day, _PRECISION_RANK[period.precision])


_PRECISION_RANK = {p: i for i, p in enumerate(Precision)}


class _Deadlines(Query[T]):
    """Deadline filters shared by tasks and targets."""

    __slots__ = ()

    def due(self: Q, period: When) -> Q:
        """Only objects whose deadline ends within *period* (``2024-12``, ``2024-Q4``, ``2024``,
        a date, or ``ongoing``).  A deadline of ``2024`` ends in ``2024-12``, so matches it."""
        p = f.as_period(period)
        if p.is_ongoing:
            return self._with(f.DeadlineState("ongoing"))
        return self._with(f.Deadline(p.start, p.end, f"due({str(p)!r})"))

    def due_before(self: Q, when: When) -> Q:
        """Only objects whose deadline ends before *when* starts (``2024-07``: by 30 June)."""
        first = f.as_date_bound(when, end=False)
        return self._with(f.Deadline(None, first - _dt.timedelta(days=1), f"due_before({str(when)!r})"))

    def due_by(self: Q, when: When) -> Q:
        """Only objects whose deadline ends by the end of *when* (``2024-06``: by 30 June)."""
        last = f.as_date_bound(when, end=True)
        return self._with(f.Deadline(None, last, f"due_by({str(when)!r})"))

    def due_after(self: Q, when: When) -> Q:
        """Only objects whose deadline ends after *when* ends (``2024-06``: from 1 July)."""
        last = f.as_date_bound(when, end=True)
        return self._with(f.Deadline(last + _dt.timedelta(days=1), None, f"due_after({str(when)!r})"))

    def due_between(self: Q, start: When, end: When) -> Q:
        """Only objects whose deadline ends between the start of *start* and the end of *end*."""
        lo, hi = f.as_date_bound(start, end=False), f.as_date_bound(end, end=True)
        return self._with(f.Deadline(lo, hi, f"due_between({str(start)!r}, {str(end)!r})"))

    def overdue(self: Q, as_of: When | None = None) -> Q:
        """Only objects whose deadline ended before *as_of* (a date or period; default today).

        The documents say nothing of completion, so overdue means: the deadline has passed.
        """
        when = as_of if as_of is not None else _dt.date.today()
        first = f.as_date_bound(when, end=False)
        return self._with(f.Deadline(None, first - _dt.timedelta(days=1), f"overdue({str(when)!r})"))

    def ongoing(self: Q) -> Q:
        """Only standing tasks (长期坚持, 持续推进)."""
        return self._with(f.DeadlineState("ongoing"))

    def no_deadline(self: Q) -> Q:
        """Only objects with no deadline at all."""
        return self._with(f.DeadlineState("none"))

    def with_deadline(self: Q) -> Q:
        """Only objects with a dated deadline (not ongoing, not missing)."""
        return self._with(f.DeadlineState("dated"))

    def _group_values(self, obj: Any, by: str) -> Iterable[Any]:
        if by == "month":
            key = month_key(obj.deadline)
            return (key if isinstance(key, str) else f"{key[0]:04d}-{key[1]:02d}",)
        if by == "deadline":
            return (None if obj.deadline is None else str(obj.deadline),)
        return super()._group_values(obj, by)


class TaskQuery(_Deadlines[Task]):
    """A query over tasks.  See :mod:`govplan.query` for every method."""

    __slots__ = ()

    kind = Task
    noun = "tasks"
    order_keys = ("deadline", "id", "text", "plan_id")
    group_keys = ("lead", "support", "unit", "month", "deadline", "action", "plan", "document", "jurisdiction")

    def led_by(self, *units: UnitSpec, jurisdiction: str | None = None) -> TaskQuery:
        """Only tasks led by any of *units* (a name in any written form, an id, or a Unit)."""
        return self._with(f.UnitRole(_units(units), (Role.LEAD,), jurisdiction))

    def supported_by(self, *units: UnitSpec, jurisdiction: str | None = None) -> TaskQuery:
        """Only tasks that any of *units* supports."""
        return self._with(f.UnitRole(_units(units), (Role.SUPPORT,), jurisdiction))

    def involving(self, *units: UnitSpec, jurisdiction: str | None = None) -> TaskQuery:
        """Only tasks in which any of *units* leads or supports."""
        return self._with(f.UnitRole(_units(units), (Role.LEAD, Role.SUPPORT), jurisdiction))

    def with_unit(self, *units: UnitSpec, roles: Iterable[Role | str] = (Role.LEAD, Role.SUPPORT),
                  jurisdiction: str | None = None) -> TaskQuery:
        """Only tasks in which any of *units* has any of *roles*."""
        return self._with(f.UnitRole(_units(units), tuple(_role(r) for r in roles), jurisdiction))

    def with_targets(self) -> TaskQuery:
        """Only tasks that have targets attached."""
        return self._with(f.Has("targets"))

    def has(self, what: str) -> TaskQuery:
        """Only tasks that have *what*: targets, lead, support, deadline, subtasks or parent."""
        if what not in f.HAS_WHAT:
            raise InvalidArgumentError(f"unknown property {what!r}; one of {', '.join(f.HAS_WHAT)}")
        return self._with(f.Has(what))

    def top_level(self) -> TaskQuery:
        """Only tasks that are not sub-tasks of another."""
        return self._with(f.TopLevel())

    def _group_values(self, obj: Any, by: str) -> Iterable[Any]:
        if by == "lead":
            return obj.lead or (None,)  # type: ignore[no-any-return, unused-ignore]
        if by == "support":
            return obj.support or (None,)  # type: ignore[no-any-return, unused-ignore]
        if by == "unit":
            return tuple({u.id: u for u in obj.units}.values()) or (None,)
        return super()._group_values(obj, by)


class TargetQuery(_Deadlines[Target]):
    """A query over targets."""

    __slots__ = ()

    kind = Target
    noun = "targets"
    order_keys = ("deadline", "id", "metric", "value")
    group_keys = ("metric", "month", "deadline", "action", "plan", "document", "jurisdiction")

    def metric(self, name: str, exact: bool = False) -> TargetQuery:
        """Only targets whose metric contains *name* (or is exactly it, with *exact*)."""
        return self._with(f.Metric(name, exact))

    def for_task(self, task: str | Task) -> TargetQuery:
        """Only the targets attached to *task*."""
        task_id = task.id if isinstance(task, Task) else task
        return self.where(lambda t: t.task_id == task_id, f"for_task({task_id!r})")

    def _group_values(self, obj: Any, by: str) -> Iterable[Any]:
        if by == "metric":
            return (obj.metric,)
        return super()._group_values(obj, by)


class TaskForceQuery(Query[TaskForce]):
    """A query over task forces (工作专班, 领导小组)."""

    __slots__ = ()

    kind = TaskForce
    noun = "task forces"
    order_keys = ("id", "name")
    group_keys = ("action", "plan", "document", "jurisdiction")

    def involving(self, *units: UnitSpec, role: Role | str | None = None,
                  jurisdiction: str | None = None) -> TaskForceQuery:
        """Only task forces in which any of *units* is convener's unit, deputy's unit, member or
        office (or holds just *role*: ``convener``, ``deputy``, ``member``, ``office``)."""
        roles = TASKFORCE_ROLES if role is None else (_role(role),)
        return self._with(f.UnitRole(_units(units), roles, jurisdiction))

    def named(self, needle: str) -> TaskForceQuery:
        """Only task forces whose name contains *needle*."""
        return self._with(f.Text(needle))


def _units(units: tuple[UnitSpec, ...]) -> tuple[UnitSpec, ...]:
    if not units:
        raise InvalidArgumentError("name at least one unit")
    for u in units:
        if not isinstance(u, (str, Unit)):
            raise InvalidArgumentError(f"a unit is a name, an id or a Unit, got {type(u).__name__}")
    return units
