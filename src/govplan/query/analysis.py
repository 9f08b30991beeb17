"""Questions across plans: one metric in every jurisdiction, busiest units, the plan cascade.

>>> from govplan import Document, Plan, PlanGraph, Reference, Target, Task, Unit, Quantity
>>> g = PlanGraph([
...     Document("city", doc_number="某政办发〔2024〕5号", jurisdiction="某市"),
...     Plan("p0", "city", "某市总体方案"),
...     Document("d1", jurisdiction="青山区"),
...     Plan("p1", "d1", "青山区实施方案", implements=[Reference(doc_number="某政办发〔2024〕5号")]),
...     Target("t1", "p1", metric="社会消费品零售总额", quantity=Quantity(8, "%")),
...     Task("k1", "p1", lead=[Unit("u1", "区商务局", jurisdiction="青山区")])])
>>> [(r["jurisdiction"], r["value"]) for r in compare_targets(g, "社会消费品零售总额")]
[('青山区', 8)]
>>> [p.id for p in implementing(g, "某政办发〔2024〕5号")]
['p1']
>>> [(u.name, n) for u, n in rank_units(g, "lead")]
[('区商务局', 1)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govplan.errors import InvalidArgumentError
from govplan.graph.indexes import reference_keys
from govplan.model import Document, Plan, Role, Unit
from govplan.query.filters import resolve_documents
from govplan.units import clean_name

if TYPE_CHECKING:
    from govplan.graph import PlanGraph

__all__ = ["compare_targets", "implementing", "rank_units"]

COMPARE_COLUMNS = ("jurisdiction", "metric", "change", "value", "upper", "unit", "qualifier", "deadline",
                   "plan", "document", "text", "id")


def compare_targets(graph: PlanGraph, metric: str, exact: bool = False) -> list[dict[str, Any]]:
    """One record per target on *metric*, across every jurisdiction, sorted by jurisdiction.

    Records hold :data:`COMPARE_COLUMNS`; *metric* matches as in
    :meth:`TargetQuery.metric <govplan.query.TargetQuery.metric>`.
    """
    rows = graph.targets().metric(metric, exact=exact).records()
    out = [{c: r.get(c) for c in COMPARE_COLUMNS} for r in rows]
    out.sort(key=lambda r: (r["jurisdiction"] is None, r["jurisdiction"] or ""))
    return out


def rank_units(graph: PlanGraph, role: Role | str = Role.LEAD, jurisdiction: str | None = None,
               top: int | None = None) -> list[tuple[Unit, int]]:
    """Units by how many tasks they *role* (``lead``, ``support`` or ``any``), most first.

    Counts come from the unit index (no task is visited); ties keep the order units
    were added.  With *jurisdiction*, only that jurisdiction's units.
    """
    index = graph._index.tasks_by_unit
    name = role.value if isinstance(role, Role) else role
    if name not in ("lead", "support", "any"):
        raise InvalidArgumentError(f"role must be lead, support or any, got {role!r}")
    place = clean_name(jurisdiction) if jurisdiction is not None else None
    lead, support = index[Role.LEAD], index[Role.SUPPORT]
    counts: list[tuple[Unit, int]] = []
    for unit in graph.units():
        if place is not None and clean_name(unit.jurisdiction or "") != place:
            continue
        led, supported = lead.get(unit.id, ()), support.get(unit.id, ())
        if name == "lead":
            n = len(led)
        elif name == "support":
            n = len(supported)
        else:
            n = len(set(led) | set(supported)) if led and supported else len(led) + len(supported)
        if n:
            counts.append((unit, n))
    counts.sort(key=lambda un: -un[1])
    return counts if top is None else counts[:top]


def _keys_of(graph: PlanGraph, doc_id: str) -> list[str]:
    # A citation names the document by its number, its title, or the title of the plan it issues.
    doc = graph[doc_id]
    keys = reference_keys(doc.doc_number, doc.title)
    for plan in graph.plans(doc_id):
        keys += reference_keys(None, plan.title)
    return keys


def implementing(graph: PlanGraph, document: str | Document, transitive: bool = False) -> list[Plan]:
    """The plans that cite *document* as the plan they implement (根据《…》（文号）).

    *document* is a Document, its id, its 文号, or words of its title; a 文号 or title
    of a document the graph holds only as cited works too.  With *transitive*, the
    plans implementing those plans' documents follow, down the whole cascade.
    """
    index = graph._index
    docs = resolve_documents(graph, document)
    keys = [k for d in docs for k in _keys_of(graph, d)]
    if not docs and isinstance(document, str):
        keys = reference_keys(document, document)
    found: dict[str, None] = {}
    seen_docs = set(docs)
    while keys:
        fresh = [p for k in keys for p in index.plans_by_reference.get(k, ())
                 if p not in found and graph[p].document_id not in seen_docs]
        found.update(dict.fromkeys(fresh))
        if not transitive:
            break
        new_docs = {graph[p].document_id for p in fresh} - seen_docs
        seen_docs |= new_docs
        keys = [k for d in new_docs for k in _keys_of(graph, d)]
    return [graph[p] for p in found]
