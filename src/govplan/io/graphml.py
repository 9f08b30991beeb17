"""GraphML export, for Gephi, yEd and Cytoscape.

GraphML attributes are scalars, so every node carries its ``kind`` (task, unit, …),
a readable ``label`` and its record fields (lists joined with 、, missing values
left out; a record's own ``kind``, such as a unit's, becomes ``category``); every
edge its ``kind`` and, for task-force posts, the post as printed.

>>> from govplan import Document, Plan, PlanGraph, Task, Unit
>>> g = PlanGraph([Document("d"), Plan("p", "d", "某区方案"),
...                Task("t", "p", text="推进项目", lead=[Unit("u", "区发改局")])])
>>> h = graphml_graph(g)
>>> h.nodes["t"]["label"], h.nodes["u"]["kind"], sorted(k for _, _, k in h.edges(data="kind"))
('推进项目', 'unit', ['has_plan', 'has_task', 'lead'])
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING, Any

from govplan.graph import PlanGraph
from govplan.model import Action, Document, Plan, Target, Task, TaskForce, Unit

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["graphml_graph", "write_graphml"]

_LABEL_WIDTH = 40
_FLOATS = frozenset({"value", "upper", "ratio"})


def _label(obj: Any) -> str:
    if isinstance(obj, Unit):
        return obj.name
    if isinstance(obj, Task):
        text = obj.title or obj.text or obj.id
        return text if len(text) <= _LABEL_WIDTH else text[: _LABEL_WIDTH - 1] + "…"
    if isinstance(obj, Target):
        return obj.text or obj.metric or obj.id
    if isinstance(obj, (TaskForce, Action)):
        return obj.name
    if isinstance(obj, Plan):
        return obj.title or obj.id
    if isinstance(obj, Document):
        return obj.doc_number or obj.title or obj.id
    return str(getattr(obj, "id", obj))


def _scalar(value: Any) -> str | int | float | bool | None:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value) if value else None
    return str(value)


def graphml_graph(graph: PlanGraph) -> nx.MultiDiGraph[Any, dict[str, Any], dict[str, Any]]:
    """A copy of ``graph.nx`` whose node and edge attributes GraphML can hold."""
    import networkx as nx

    from govplan.query.records import record

    out: nx.MultiDiGraph[Any, dict[str, Any], dict[str, Any]] = nx.MultiDiGraph()
    for node, data in graph.nx.nodes(data=True):
        obj = data["obj"]
        attrs: dict[str, Any] = {"kind": data["kind"], "label": _label(obj)}
        for key, value in record(graph, obj).items():
            if key == "id":
                continue
            if key in _FLOATS and isinstance(value, int):
                value = float(value)  # one GraphML type per attribute, though quantities print as 8 or 6.5
            scalar = _scalar(value)
            if scalar is not None:
                attrs["category" if key == "kind" else key] = scalar
        out.add_node(node, **attrs)
    for source, target, key, data in graph.nx.edges(keys=True, data=True):
        out.add_edge(source, target, key=key,
                     **{k: v for k, v in (("kind", data.get("kind")), ("label", data.get("label"))) if v is not None})
    return out


def write_graphml(graph: PlanGraph, path: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write *graph* as GraphML (UTF-8) to *path* (a path or a binary file)."""
    import networkx as nx

    nx.write_graphml(graphml_graph(graph), path, encoding="utf-8", prettyprint=True)
