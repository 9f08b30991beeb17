"""PlanGraph: the store of every object read, with typed edges and indexes."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from govplan.errors import (
    AmbiguousUnitError,
    DanglingReferenceError,
    DuplicateObjectError,
    InvalidArgumentError,
    UnknownUnitError,
)
from govplan.graph.edges import Edge, EdgeKind, edges_of
from govplan.graph.indexes import Indexes
from govplan.model import (
    Action,
    Diagnostic,
    Document,
    DocumentKind,
    FileCoverage,
    Period,
    Plan,
    Post,
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

    from govplan.query import Query, TargetQuery, TaskForceQuery, TaskQuery

__all__ = ["PlanGraph"]

Obj = TypeVar("Obj")
_KINDS: tuple[type, ...] = (Document, Plan, Action, Unit, Task, Target, TaskForce)


def _query_module() -> Any:
    # The query layer depends on the graph, never the other way round at import time;
    # import it on first use and keep it, since tasks() is called in hot loops.
    global _QUERY
    if _QUERY is None:
        import govplan.query.core as _QUERY
    return _QUERY


_QUERY: Any = None


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
        only as cited is replaced by the real one when that is added.  Units are one
        node per id: a unit added again under its id with other written forms (read
        from another file of the same jurisdiction) gains those forms as aliases, and
        every object naming it holds the merged unit.
        """
        kind = type(obj)
        if kind not in self._by_kind:
            raise InvalidArgumentError(f"cannot add {kind.__name__} to a PlanGraph")
        if isinstance(obj, Unit):
            stored: Obj = self._add_unit(obj)  # type: ignore[assignment]
            return stored
        self._check_references(obj)
        obj = self._with_stored_units(obj)
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
                return cast(Obj, existing)
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
                raise InvalidArgumentError(f"expected a Diagnostic, got {type(d).__name__}")
            self._diagnostics.append(d)
        self._version += 1

    def add_coverage(self, coverage: FileCoverage) -> None:
        """Record how completely a reader accounted for one file's lines."""
        if not isinstance(coverage, FileCoverage):
            raise InvalidArgumentError(f"expected a FileCoverage, got {type(coverage).__name__}")
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
            index.add_plan(obj)
        elif isinstance(obj, Document):
            index.add_document(obj)

    def _add_unit(self, unit: Unit) -> Unit:
        existing = self._objects.get(unit.id)
        if existing is None:
            self._store(unit)
            self._index.add_unit(unit)
            return unit
        if existing is unit or existing == unit:  # identity first: one Unit is named by many tasks
            return existing  # type: ignore[no-any-return]
        if not isinstance(existing, Unit) or (
                existing.jurisdiction and unit.jurisdiction and existing.jurisdiction != unit.jurisdiction):
            raise DuplicateObjectError(f"unit id {unit.id!r} is taken by a different object: {existing!r}")
        names = dict.fromkeys(existing.aliases)
        names.update(dict.fromkeys(n for n in unit.names if n != existing.name))
        merged = attrs.evolve(existing, aliases=tuple(names), jurisdiction=existing.jurisdiction or unit.jurisdiction)
        if merged == existing:
            return existing
        self._objects[unit.id] = merged
        self._by_kind[Unit][unit.id] = merged
        self._index.add_unit(merged)
        self._version += 1
        self._replace_unit(existing, merged)
        return merged

    def _with_stored_units(self, obj: Obj) -> Obj:
        """*obj* naming the graph's own unit values (adding or merging the units it names)."""
        if isinstance(obj, Task):
            objects = self._objects
            if all(objects.get(u.id) is u for u in obj.lead) and all(objects.get(u.id) is u for u in obj.support):
                return obj  # the common case: the reader shares one Unit value per unit
            lead = tuple(self._add_unit(u) for u in obj.lead)
            support = tuple(self._add_unit(u) for u in obj.support)
            if any(a is not b for a, b in zip(lead + support, obj.lead + obj.support)):
                return attrs.evolve(obj, lead=lead, support=support)
        elif isinstance(obj, TaskForce):
            for unit in obj.units:
                self._add_unit(unit)
            return self._taskforce_with(obj, lambda u: self._objects[u.id])  # type: ignore[return-value]
        return obj

    @staticmethod
    def _taskforce_with(tf: TaskForce, swap: Any) -> TaskForce:
        def post(p: Post | None) -> Post | None:
            return p if p is None or p.unit is None else attrs.evolve(p, unit=swap(p.unit))

        new = attrs.evolve(
            tf,
            convener=post(tf.convener),
            deputies=tuple(post(p) for p in tf.deputies),
            members=tuple(attrs.evolve(m, unit=swap(m.unit)) for m in tf.members),
            office=None if tf.office is None else swap(tf.office),
        )
        return tf if new == tf and all(a.unit is b.unit for a, b in zip(new.members, tf.members)) else new

    def _replace_unit(self, old: Unit, new: Unit) -> None:
        # Rare (a unit met again in another file): rewrite the objects that hold the old value.
        def swap(u: Unit) -> Unit:
            return new if u.id == old.id else u

        for task_id, task in list(self._by_kind[Task].items()):
            if any(u.id == old.id for u in task.lead + task.support):
                fresh = attrs.evolve(task, lead=tuple(map(swap, task.lead)), support=tuple(map(swap, task.support)))
                self._objects[task_id] = self._by_kind[Task][task_id] = fresh
                self._index.replace(task, fresh)
        for tf_id, tf in list(self._by_kind[TaskForce].items()):
            if any(u.id == old.id for u in tf.units):
                fresh_tf = self._taskforce_with(tf, swap)
                self._objects[tf_id] = self._by_kind[TaskForce][tf_id] = fresh_tf
                self._index.replace(tf, fresh_tf)

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

    def documents(self, *, cited: bool = False) -> list[Document]:
        """Every document read, in order; with *cited*, also those known only as cited."""
        docs = self._by_kind[Document].values()
        return [d for d in docs if cited or d.kind is not DocumentKind.CITED]

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

    def units_named(self, name: str | Unit, jurisdiction: str | None = None) -> list[Unit]:
        """Every unit that *name* denotes (a written form, a unit id or a Unit), optionally in one *jurisdiction*."""
        return [self._objects[i] for i in self._unit_ids(name, jurisdiction)]

    def _unit_ids(self, unit: str | Unit, jurisdiction: str | None = None) -> list[str]:
        if isinstance(unit, Unit):
            return [unit.id] if jurisdiction is None or unit.jurisdiction == jurisdiction else []
        obj = self._objects.get(unit)
        if isinstance(obj, Unit):  # an id: names never look like ids (unit:…)
            return [unit] if jurisdiction is None or obj.jurisdiction == jurisdiction else []
        return self._index.unit_ids(unit, jurisdiction)

    def task_ids_for(self, unit: str | Unit, role: Role) -> list[str]:
        """Ids of the tasks in which *unit* (name, alias, id or Unit) has *role* (lead or support)."""
        return [t.id for t in self.tasks().with_unit(unit, roles=(role,))]

    def task_ids_due(self, period: str | Period) -> list[str]:
        """Ids of the tasks whose deadline ends within *period* (ongoing never does)."""
        return [t.id for t in self.tasks().due(period)]

    def tasks(self, led_by: str | Unit | None = None, supported_by: str | Unit | None = None,
              due: str | Period | None = None) -> TaskQuery:
        """A query over the tasks, optionally only those led by / supported by a unit or due within a period.

        The answer is a lazy, immutable :class:`~govplan.query.TaskQuery`: iterate it (source
        order), take ``len()``, or refine it (``.due_before("2024-07")``, ``.in_action("产业")``).
        ``due="2024-12"`` selects deadlines whose period ends within December 2024
        (``2024`` and ``2024-Q4`` do; ``ongoing`` never does).
        """
        query: TaskQuery = _query_module().TaskQuery(self)
        if led_by is not None:
            query = query.led_by(led_by)
        if supported_by is not None:
            query = query.supported_by(supported_by)
        if due is not None:
            query = query.due(due)
        return query

    def targets(self, due: str | Period | None = None) -> TargetQuery:
        """A query over the targets, optionally only those due within *due*."""
        query: TargetQuery = _query_module().TargetQuery(self)
        return query if due is None else query.due(due)

    def taskforces(self, unit: str | Unit | None = None) -> TaskForceQuery:
        """A query over the task forces, optionally only those in which *unit* has any role."""
        query: TaskForceQuery = _query_module().TaskForceQuery(self)
        return query if unit is None else query.involving(unit)

    def query(self, text: str) -> Query[Any]:
        """The query written in govplan's text query language (``lead:区发改局 due:2024-12``).

        Raises :class:`~govplan.QuerySyntaxError` pointing at the token it cannot read.
        """
        from govplan.query import parse

        return parse(text).apply(self)

    def subtasks(self, task: str | Task) -> list[Task]:
        """The direct sub-tasks of *task*."""
        task_id = task.id if isinstance(task, Task) else task
        return list(self._index.children.get(task_id, ()))

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
    def nx(self) -> nx.MultiDiGraph[str]:
        """A networkx ``MultiDiGraph`` of the graph, built on first use and cached.

        Nodes are object ids with attributes ``kind`` and ``obj``; edges carry ``kind``
        (an :class:`EdgeKind` value) and ``label``.  Treat it as read-only: it is
        rebuilt whenever the PlanGraph changes.
        """
        if self._nx_cache is not None and self._nx_cache[0] == self._version:
            return cast("nx.MultiDiGraph[str]", self._nx_cache[1])
        import networkx as nx

        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        graph.add_nodes_from((oid, {"kind": _kind_name(obj), "obj": obj}) for oid, obj in self._objects.items())
        graph.add_edges_from(  # (u, v, key, data) tuples, which the stubs do not describe
            (e.source, e.target, e.kind.value, {"kind": e.kind.value, "label": e.label})  # type: ignore[misc]
            for e in self.edges()
        )
        self._nx_cache = (self._version, graph)
        return graph
