"""PlanGraph: the store of every object read, with typed edges and indexes."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from govplan.errors import (
    AmbiguousUnitError,
    DanglingReferenceError,
    DuplicateObjectError,
    UnknownUnitError,
)
from govplan.graph.edges import Edge, EdgeKind, edges_of
from govplan.graph.indexes import Indexes, month_key
from govplan.model import (
    Action,
    Diagnostic,
    Document,
    DocumentKind,
    FileCoverage,
    Period,
    Plan,
    Precision,
    Reference,
    Role,
    Target,
    Task,
    TaskForce,
    Unit,
)
from govplan.units import clean_name

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["PlanGraph"]

Obj = TypeVar("Obj")
_KINDS: tuple[type, ...] = (Document, Plan, Action, Unit, Task, Target, TaskForce)


def _kind_name(obj: Any) -> str:
    return type(obj).__name__.lower()


class PlanGraph:
    """Every document, plan, action, task, target, unit and task force, linked.

    Objects are stored by id with indexes kept up to date as they are added;
    :attr:`nx` gives a networkx ``MultiDiGraph`` of the same content for networkx's
    own algorithms (each node's ``obj`` attribute is the object, edges carry ``kind``).

    >>> from govplan.model import Document, Plan, Task, Unit
    >>> g = PlanGraph()
    >>> unit = Unit("u:发改", "区发展改革局", aliases=("区发改局",))
    >>> g.add_all([Document("d"), Plan("p", "d", "某区实施方案"),
    ...            Task("t", "p", text="推进项目建设", lead=[unit])])
    >>> [t.id for t in g.tasks(led_by="区发改局")]
    ['t']
    >>> sorted(k for _, _, k in g.nx.edges(data="kind"))
    ['has_plan', 'has_task', 'lead']
    """

    def __init__(self, objects: Iterable[Any] = (), diagnostics: Iterable[Diagnostic] = ()) -> None:
        self._objects: dict[str, Any] = {}
        self._by_kind: dict[type, dict[str, Any]] = {kind: {} for kind in _KINDS}
        self._diagnostics: list[Diagnostic] = []
        self._coverage: dict[str, FileCoverage] = {}
        self._index = Indexes()
        self._version = 0
        self._nx_cache: tuple[int, Any] | None = None
        self.add_all(objects)
        self.add_diagnostics(diagnostics)

    # -- building -----------------------------------------------------------------------
    def add(self, obj: Obj) -> Obj:
        """Add *obj* (and the units it names); return the object the graph now holds.

        Adding an equal object again is a no-op; a different object under a taken id
        raises :class:`~govplan.DuplicateObjectError`; a reference to an id the graph
        does not hold raises :class:`~govplan.DanglingReferenceError`.  A document known
        only as cited is replaced by the real one when that is added.
        """
        kind = type(obj)
        if kind not in self._by_kind:
            raise TypeError(f"cannot add {kind.__name__} to a PlanGraph")
        existing = self._objects.get(obj.id)  # type: ignore[attr-defined]
        if existing is not None:
            if existing == obj:
                return existing  # type: ignore[no-any-return]
            if not (isinstance(existing, Document) and isinstance(obj, Document)
                    and DocumentKind.CITED in (existing.kind, obj.kind)):
                raise DuplicateObjectError(
                    f"id {obj.id!r} is taken by a different {_kind_name(existing)}"  # type: ignore[attr-defined]
                )
            if obj.kind is DocumentKind.CITED:
                return existing  # type: ignore[no-any-return]
        self._check_references(obj)
        for unit in self._units_named_by(obj):
            self._add_unit(unit)
        self._store(obj)
        return obj

    def add_all(self, objects: Iterable[Any]) -> None:
        """Add each object in turn (parents before children)."""
        for obj in objects:
            self.add(obj)

    def add_diagnostics(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Record what a reader could not place."""
        for d in diagnostics:
            if not isinstance(d, Diagnostic):
                raise TypeError(f"expected a Diagnostic, got {type(d).__name__}")
            self._diagnostics.append(d)
        self._version += 1

    def add_coverage(self, coverage: FileCoverage) -> None:
        """Record how completely a reader accounted for one file's lines."""
        if not isinstance(coverage, FileCoverage):
            raise TypeError(f"expected a FileCoverage, got {type(coverage).__name__}")
        self._coverage[coverage.path] = coverage
        self._version += 1

    def coverage(self) -> list[FileCoverage]:
        """Per file read: how many non-blank lines are accounted for, and which are not."""
        return list(self._coverage.values())

    def merge(self, other: PlanGraph) -> None:
        """Add every object, diagnostic and coverage record of *other* to this graph."""
        self.add_all(other._objects_in_order())
        self.add_diagnostics(other._diagnostics)
        for c in other._coverage.values():
            self.add_coverage(c)

    def _store(self, obj: Any) -> None:
        self._objects[obj.id] = obj
        self._by_kind[type(obj)][obj.id] = obj
        self._version += 1
        index = self._index
        if isinstance(obj, Task):
            index.add_task(obj)
        elif isinstance(obj, Target):
            index.add_target(obj)
        elif isinstance(obj, TaskForce):
            index.add_taskforce(obj)
        elif isinstance(obj, Plan):
            index.plans_by_document[obj.document_id].append(obj.id)
        elif isinstance(obj, Document) and obj.doc_number:
            index.documents_by_number[clean_name(obj.doc_number)] = obj.id

    def _add_unit(self, unit: Unit) -> None:
        existing = self._objects.get(unit.id)
        if existing is None:
            self._store(unit)
            self._index.add_unit(unit)
        elif existing != unit:
            raise DuplicateObjectError(f"unit id {unit.id!r} is taken by a different unit: {existing!r}")

    @staticmethod
    def _units_named_by(obj: Any) -> Iterator[Unit]:
        if isinstance(obj, Unit):
            yield obj
        elif isinstance(obj, Task):
            yield from obj.lead
            yield from obj.support
        elif isinstance(obj, TaskForce):
            yield from obj.units

    def _check_references(self, obj: Any) -> None:
        refs: list[tuple[str, str | None, type | tuple[type, ...]]] = []
        if isinstance(obj, Plan):
            refs = [("document_id", obj.document_id, Document), ("action_id", obj.action_id, Action),
                    ("parent_id", obj.parent_id, Plan)]
        elif isinstance(obj, Action):
            refs = [("document_id", obj.document_id, Document)]
        elif isinstance(obj, Task):
            refs = [("plan_id", obj.plan_id, Plan), ("parent_id", obj.parent_id, Task),
                    ("action_id", obj.action_id, Action)]
        elif isinstance(obj, Target):
            refs = [("plan_id", obj.plan_id, Plan), ("action_id", obj.action_id, Action),
                    ("task_id", obj.task_id, Task)]
        elif isinstance(obj, TaskForce):
            refs = [("plan_id", obj.plan_id, Plan), ("action_id", obj.action_id, Action)]
        for field, ref, kind in refs:
            if ref is None:
                continue
            target = self._objects.get(ref)
            if not isinstance(target, kind):
                raise DanglingReferenceError(
                    f"{_kind_name(obj)} {obj.id!r}: {field} {ref!r} is not a "
                    f"{kind.__name__ if isinstance(kind, type) else kind} in the graph"
                )

    # -- reading objects ----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._objects)

    def __contains__(self, obj_id: object) -> bool:
        return obj_id in self._objects

    def __getitem__(self, obj_id: str) -> Any:
        return self._objects[obj_id]

    def get(self, obj_id: str, default: Any = None) -> Any:
        """The object with id *obj_id*, or *default*."""
        return self._objects.get(obj_id, default)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PlanGraph):
            return NotImplemented
        return (self._objects_in_order() == other._objects_in_order()
                and self._diagnostics == other._diagnostics and self._coverage == other._coverage)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(v)} {k.__name__.lower()}s" for k, v in self._by_kind.items() if v)
        return f"<PlanGraph {counts or 'empty'}>"

    def _objects_in_order(self) -> list[Any]:
        """Every object, kinds in dependency order, each kind in insertion order."""
        order = (Document, Action, Plan, Unit, Task, Target, TaskForce)
        # Plans may name actions and actions documents only, so this order always re-adds cleanly,
        # except plans whose parent comes later - impossible, since parents are added first.
        out: list[Any] = []
        for kind in order:
            out.extend(self._by_kind[kind].values())
        return out

    def documents(self) -> list[Document]:
        """Every document, in the order read."""
        return list(self._by_kind[Document].values())

    def plans(self, document: str | Document | None = None) -> list[Plan]:
        """Every plan, or those of one *document* (object or id)."""
        if document is None:
            return list(self._by_kind[Plan].values())
        doc_id = document.id if isinstance(document, Document) else document
        return [self._objects[i] for i in self._index.plans_by_document.get(doc_id, ())]

    def actions(self) -> list[Action]:
        """Every action."""
        return list(self._by_kind[Action].values())

    def units(self) -> list[Unit]:
        """Every unit, collective names included."""
        return list(self._by_kind[Unit].values())

    def diagnostics(self) -> list[Diagnostic]:
        """What the readers saw but did not understand, with file and line."""
        return list(self._diagnostics)

    def unit(self, name: str, jurisdiction: str | None = None) -> Unit:
        """The unit *name* denotes (any written form, full or short).

        Raises :class:`~govplan.UnknownUnitError` with close matches when no unit has
        that name, :class:`~govplan.AmbiguousUnitError` when several jurisdictions do.
        """
        units = self.units_named(name, jurisdiction)
        if not units:
            known = {n: None for u in self._by_kind[Unit].values() for n in u.names}
            close = difflib.get_close_matches(clean_name(name), list(known), n=3, cutoff=0.5)
            raise UnknownUnitError(name, tuple(close))
        if len(units) > 1:
            raise AmbiguousUnitError(name, tuple(f"{u.name} ({u.jurisdiction or '?'})" for u in units))
        return units[0]

    def units_named(self, name: str, jurisdiction: str | None = None) -> list[Unit]:
        """Every unit that *name* denotes, optionally only in one *jurisdiction*."""
        units = [self._objects[i] for i in self._index.unit_ids(name)]
        if jurisdiction is not None:
            units = [u for u in units if u.jurisdiction == jurisdiction]
        return units

    def _unit_ids(self, unit: str | Unit) -> list[str]:
        if isinstance(unit, Unit):
            return [unit.id]
        return self._index.unit_ids(unit)

    def task_ids_for(self, unit: str | Unit, role: Role) -> list[str]:
        """Ids of the tasks in which *unit* (name, alias or Unit) has *role* (lead or support)."""
        index = self._index.tasks_by_unit[role]
        ids = self._unit_ids(unit)
        if len(ids) == 1:
            return list(index.get(ids[0], ()))
        merged: dict[str, None] = {}
        for unit_id in ids:
            merged.update(dict.fromkeys(index.get(unit_id, ())))
        return list(merged)

    def task_ids_due(self, period: str | Period) -> list[str]:
        """Ids of the tasks whose deadline ends within *period* (ongoing never does)."""
        return self._ids_due(period, self._index.tasks_by_month, Task)

    def _ids_due(self, period: str | Period, index: dict[Any, list[str]], kind: type) -> list[str]:
        if isinstance(period, str):
            period = Period.parse(period)
        if period.is_ongoing:
            return list(index.get("ongoing", ()))
        start, end = period.start, period.end
        assert start is not None and end is not None
        out: list[str] = []
        y, m = start.year, start.month
        while (y, m) <= (end.year, end.month):
            ids = index.get((y, m), ())
            if ids and period.precision is Precision.DAY:
                ids = [i for i in ids if self._objects[i].deadline.ends_within(period)]
            out.extend(ids)
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def tasks(self, led_by: str | Unit | None = None, supported_by: str | Unit | None = None,
              due: str | Period | None = None) -> list[Task]:
        """Tasks, optionally only those led by / supported by a unit or due within a period.

        ``due="2024-12"`` selects deadlines whose period ends within December 2024
        (``2024`` and ``2024-Q4`` do; ``ongoing`` never does).
        """
        candidates: list[str] | None = None
        for unit, role in ((led_by, Role.LEAD), (supported_by, Role.SUPPORT)):
            if unit is not None:
                ids = self.task_ids_for(unit, role)
                candidates = ids if candidates is None else [i for i in candidates if i in set(ids)]
        if due is not None:
            ids = self.task_ids_due(due)
            candidates = ids if candidates is None else [i for i in candidates if i in set(ids)]
        if candidates is None:
            return list(self._by_kind[Task].values())
        order = {tid: n for n, tid in enumerate(candidates)}
        return [self._objects[i] for i in sorted(order, key=self._order_of)] if len(order) > 1 else \
            [self._objects[i] for i in order]

    def _order_of(self, obj_id: str) -> int:
        # Insertion order of tasks: dicts keep it, so look it up lazily and cache.
        cache = getattr(self, "_order_cache", None)
        if cache is None or cache[0] != self._version:
            cache = (self._version, {tid: n for n, tid in enumerate(self._by_kind[Task])})
            self._order_cache = cache
        return cache[1].get(obj_id, -1)

    def targets(self, due: str | Period | None = None) -> list[Target]:
        """Targets, optionally only those due within *due*."""
        if due is None:
            return list(self._by_kind[Target].values())
        return [self._objects[i] for i in self._ids_due(due, self._index.targets_by_month, Target)]

    def taskforces(self, unit: str | Unit | None = None) -> list[TaskForce]:
        """Task forces, optionally only those in which *unit* has any role."""
        if unit is None:
            return list(self._by_kind[TaskForce].values())
        ids: dict[str, None] = {}
        for unit_id in self._unit_ids(unit):
            ids.update(dict.fromkeys(self._index.taskforces_by_unit.get(unit_id, ())))
        return [self._objects[i] for i in ids]

    def subtasks(self, task: str | Task) -> list[Task]:
        """The direct sub-tasks of *task*."""
        task_id = task.id if isinstance(task, Task) else task
        return [self._objects[i] for i in self._index.children.get(task_id, ())]

    # -- edges and networkx -------------------------------------------------------------
    def _resolve_reference(self, ref: Reference) -> str | None:
        if ref.doc_number:
            return self._index.documents_by_number.get(clean_name(ref.doc_number))
        return None

    def edges(self, kind: EdgeKind | None = None) -> Iterator[Edge]:
        """Every typed edge (or those of one *kind*), derived from the objects."""
        for obj in self._objects.values():
            for edge in edges_of(obj, self._resolve_reference):
                if kind is None or edge.kind is kind:
                    yield edge

    @property
    def nx(self) -> nx.MultiDiGraph:
        """A networkx ``MultiDiGraph`` of the graph, built on first use and cached.

        Nodes are object ids with attributes ``kind`` and ``obj``; edges carry ``kind``
        (an :class:`EdgeKind` value) and ``label``.  Treat it as read-only: it is
        rebuilt whenever the PlanGraph changes.
        """
        if self._nx_cache is not None and self._nx_cache[0] == self._version:
            return self._nx_cache[1]
        import networkx as nx

        graph = nx.MultiDiGraph()
        graph.add_nodes_from((oid, {"kind": _kind_name(obj), "obj": obj}) for oid, obj in self._objects.items())
        graph.add_edges_from(
            (e.source, e.target, e.kind.value, {"kind": e.kind.value, "label": e.label}) for e in self.edges()
        )
        self._nx_cache = (self._version, graph)
        return graph
