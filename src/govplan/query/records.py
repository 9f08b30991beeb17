"""Plain records of model objects: what tables, CSV, JSON and DataFrames are made of.

A record holds only str, int, float, None and lists of str, so it goes straight to
``json.dumps`` or ``csv``; names replace ids where a reader wants names (units,
plans, actions), and the ids stay alongside for joining.

>>> from govplan import Document, Plan, PlanGraph, Task, Unit, Period
>>> g = PlanGraph([Document("d", jurisdiction="青山区"), Plan("p", "d", "某区方案"),
...     Task("t", "p", text="推进项目", path=("二", "（一）"), lead=[Unit("u", "区发改局")],
...          deadline=Period.parse("2024-06"))])
>>> r = record(g, g["t"])
>>> r["path"], r["lead"], r["deadline"], r["jurisdiction"]
('二/（一）', ['区发改局'], '2024-06', '青山区')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govplan.errors import InvalidArgumentError
from govplan.model import (
    Action,
    Diagnostic,
    Document,
    FileCoverage,
    Plan,
    Target,
    Task,
    TaskForce,
    Unit,
)

if TYPE_CHECKING:
    from govplan.graph import PlanGraph

__all__ = ["COLUMNS", "record"]

#: The columns of each kind's record, in order.
COLUMNS: dict[type, tuple[str, ...]] = {
    Task: ("id", "path", "title", "text", "lead", "support", "deadline", "deadline_text",
           "plan", "action", "document", "jurisdiction", "source"),
    Target: ("id", "metric", "change", "value", "upper", "unit", "qualifier", "direction", "deadline",
             "text", "plan", "action", "document", "jurisdiction", "task_id", "source"),
    TaskForce: ("id", "name", "convener", "convener_unit", "deputies", "members", "office",
                "plan", "action", "document", "jurisdiction", "source"),
    Unit: ("id", "name", "aliases", "jurisdiction", "kind"),
    Document: ("id", "doc_number", "title", "issuer", "date", "jurisdiction", "kind", "source"),
    Plan: ("id", "title", "kind", "year", "attachment", "document", "action", "parent_id", "source"),
    Action: ("id", "name", "document_id", "jurisdiction", "source"),
    Diagnostic: ("path", "line", "severity", "code", "message", "text"),
    FileCoverage: ("path", "nonblank", "in_objects", "boilerplate", "diagnosed", "unexplained_count",
                   "ratio", "unexplained"),
}


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _names(units: Any) -> list[str]:
    return [u.name for u in units]


def _where(graph: PlanGraph, obj: Any) -> dict[str, Any]:
    """Plan title, action name, document number (or title) and jurisdiction of *obj*."""
    plan = graph.get(obj.plan_id)
    document = graph.get(plan.document_id) if plan is not None else None
    action_id = obj.action_id or (plan.action_id if plan is not None else None)
    action = graph.get(action_id) if action_id else None
    return {
        "plan": plan.title if plan is not None else obj.plan_id,
        "action": action.name if isinstance(action, Action) else None,
        "document": (document.doc_number or document.title or document.id) if document is not None else None,
        "jurisdiction": document.jurisdiction if document is not None else None,
    }


def record(graph: PlanGraph, obj: Any) -> dict[str, Any]:
    """A plain record of *obj* (any model object in *graph*), keys as in :data:`COLUMNS`."""
    if isinstance(obj, Task):
        return {"id": obj.id, "path": "/".join(obj.path), "title": obj.title, "text": obj.text,
                "lead": _names(obj.lead), "support": _names(obj.support), "deadline": _str(obj.deadline),
                "deadline_text": obj.deadline_text, **_where(graph, obj), "source": _str(obj.source)}
    if isinstance(obj, Target):
        q = obj.quantity
        return {"id": obj.id, "metric": obj.metric, "change": obj.change.value,
                "value": None if q is None else q.value, "upper": None if q is None else q.upper,
                "unit": None if q is None else q.unit, "qualifier": obj.qualifier,
                "direction": obj.direction.value, "deadline": _str(obj.deadline), "text": obj.text,
                **_where(graph, obj), "task_id": obj.task_id, "source": _str(obj.source)}
    if isinstance(obj, TaskForce):
        convener = obj.convener
        return {"id": obj.id, "name": obj.name, "convener": convener.label if convener else None,
                "convener_unit": convener.unit.name if convener and convener.unit else None,
                "deputies": [p.label for p in obj.deputies], "members": _names(obj.members),
                "office": obj.office.name if obj.office else None, **_where(graph, obj),
                "source": _str(obj.source)}
    if isinstance(obj, Unit):
        return {"id": obj.id, "name": obj.name, "aliases": list(obj.aliases), "jurisdiction": obj.jurisdiction,
                "kind": obj.kind.value}
    if isinstance(obj, Document):
        return {"id": obj.id, "doc_number": obj.doc_number, "title": obj.title, "issuer": obj.issuer,
                "date": None if obj.date is None else obj.date.isoformat(), "jurisdiction": obj.jurisdiction,
                "kind": obj.kind.value, "source": _str(obj.source)}
    if isinstance(obj, Plan):
        document = graph.get(obj.document_id)
        action = graph.get(obj.action_id) if obj.action_id else None
        return {"id": obj.id, "title": obj.title, "kind": obj.kind.value, "year": obj.year,
                "attachment": obj.attachment,
                "document": (document.doc_number or document.title or document.id) if document else None,
                "action": action.name if isinstance(action, Action) else None, "parent_id": obj.parent_id,
                "source": _str(obj.source)}
    if isinstance(obj, Action):
        return {"id": obj.id, "name": obj.name, "document_id": obj.document_id, "jurisdiction": obj.jurisdiction,
                "source": _str(obj.source)}
    if isinstance(obj, Diagnostic):
        return {"path": obj.path, "line": obj.line, "severity": obj.severity.value, "code": obj.code,
                "message": obj.message, "text": obj.text}
    if isinstance(obj, FileCoverage):
        return {"path": obj.path, "nonblank": obj.nonblank, "in_objects": obj.in_objects,
                "boilerplate": obj.boilerplate, "diagnosed": obj.diagnosed,
                "unexplained_count": len(obj.unexplained), "ratio": round(obj.ratio, 4),
                "unexplained": [str(n) for n in obj.unexplained]}
    raise InvalidArgumentError(f"no record form for {type(obj).__name__}")
