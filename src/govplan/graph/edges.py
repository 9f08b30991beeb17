"""The typed edges of a plan graph, derived from the references objects hold."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any

import attrs

from govplan.model import Plan, Target, Task, TaskForce

__all__ = ["Edge", "EdgeKind", "edges_of"]


class EdgeKind(enum.Enum):
    """What an edge means; the value is the ``kind`` attribute in networkx."""

    HAS_PLAN = "has_plan"  #: document -> plan
    SERVES = "serves"  #: plan -> action it implements
    HAS_TASK = "has_task"  #: plan or action -> task
    HAS_SUBTASK = "has_subtask"  #: task -> sub-task
    LEAD = "lead"  #: task -> unit
    SUPPORT = "support"  #: task -> unit
    TARGET_OF = "target_of"  #: target -> plan, action or task
    FOR_ACTION = "for_action"  #: task force -> action
    CONVENER = "convener"  #: task force -> unit
    DEPUTY = "deputy"  #: task force -> unit
    MEMBER = "member"  #: task force -> unit
    OFFICE = "office"  #: task force -> unit
    IMPLEMENTS = "implements"  #: plan -> plan or cited document it implements
    PART_OF = "part_of"  #: task force -> plan


@attrs.frozen
class Edge:
    """A typed relation from one object id to another; ``label`` keeps a printed post."""

    source: str
    target: str
    kind: EdgeKind
    label: str | None = None


def edges_of(obj: Any, resolve_document: Any = None) -> Iterator[Edge]:
    """The edges that *obj* starts (plus document -> plan for plans).

    *resolve_document* maps a cited document number to a document id, or None.
    """
    if isinstance(obj, Task):
        yield Edge(obj.parent_id or obj.plan_id, obj.id,
                   EdgeKind.HAS_SUBTASK if obj.parent_id else EdgeKind.HAS_TASK)
        if obj.action_id:
            yield Edge(obj.action_id, obj.id, EdgeKind.HAS_TASK)
        for unit in obj.lead:
            yield Edge(obj.id, unit.id, EdgeKind.LEAD)
        for unit in obj.support:
            yield Edge(obj.id, unit.id, EdgeKind.SUPPORT)
    elif isinstance(obj, Plan):
        yield Edge(obj.document_id, obj.id, EdgeKind.HAS_PLAN)
        if obj.action_id:
            yield Edge(obj.id, obj.action_id, EdgeKind.SERVES)
        if obj.parent_id:
            yield Edge(obj.id, obj.parent_id, EdgeKind.IMPLEMENTS)
        if resolve_document is not None:
            for ref in obj.implements:
                doc_id = resolve_document(ref)
                if doc_id is not None and doc_id != obj.document_id:
                    yield Edge(obj.id, doc_id, EdgeKind.IMPLEMENTS, ref.title)
    elif isinstance(obj, Target):
        yield Edge(obj.id, obj.task_id or obj.action_id or obj.plan_id, EdgeKind.TARGET_OF)
    elif isinstance(obj, TaskForce):
        yield Edge(obj.id, obj.plan_id, EdgeKind.PART_OF)
        if obj.action_id:
            yield Edge(obj.id, obj.action_id, EdgeKind.FOR_ACTION)
        if obj.convener is not None and obj.convener.unit is not None:
            yield Edge(obj.id, obj.convener.unit.id, EdgeKind.CONVENER, obj.convener.label)
        for post in obj.deputies:
            if post.unit is not None:
                yield Edge(obj.id, post.unit.id, EdgeKind.DEPUTY, post.label)
        for member in obj.members:
            yield Edge(obj.id, member.unit.id, EdgeKind.MEMBER, member.name)
        if obj.office is not None:
            yield Edge(obj.id, obj.office.id, EdgeKind.OFFICE)
