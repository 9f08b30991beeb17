"""The domain objects: documents, plans, actions, tasks, targets, units and task forces.

Every object is a frozen attrs class with a stable string ``id``.  Objects refer to
each other by id (``plan_id``, ``parent_id``, …) or, for units, hold the resolved
:class:`Unit` values themselves; :class:`~govplan.PlanGraph` turns those references
into typed edges.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any

import attrs
from attrs import validators as v

from govplan.model.period import Period
from govplan.model.quantity import Baseline, Quantity
from govplan.model.source import SourceSpan

__all__ = [
    "Action",
    "ChangeKind",
    "Direction",
    "Document",
    "DocumentKind",
    "Member",
    "Plan",
    "PlanKind",
    "Post",
    "Reference",
    "Role",
    "Target",
    "Task",
    "TaskForce",
    "Unit",
    "UnitKind",
    "UnitMention",
]

_str = v.instance_of(str)
_opt_str = v.optional(_str)
_opt_year = v.optional(v.and_(v.instance_of(int), v.not_(v.instance_of(bool)), v.ge(1), v.le(9999)))
_opt_period = v.optional(v.instance_of(Period))
_opt_source = v.optional(v.instance_of(SourceSpan))


def _nonempty(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be a non-empty string")


def _tuple_of(kind: type) -> Any:
    return v.deep_iterable(v.instance_of(kind), v.instance_of(tuple))


def _as_tuple(value: Any) -> tuple[Any, ...]:
    if isinstance(value, tuple):
        return value
    if isinstance(value, (str, bytes)):
        raise TypeError(f"expected a sequence, got a string {value!r}")
    return tuple(value)


class DocumentKind(enum.Enum):
    """What an issued document is."""

    PLAN_NOTICE = "plan_notice"  #: a notice that issues one or more plans
    NOTICE = "notice"  #: a notice or announcement with no plan
    PLAN = "plan"  #: a plan published without a covering notice
    CITED = "cited"  #: known only because another plan cites it
    OTHER = "other"


class PlanKind(enum.Enum):
    """The overall plan, an attachment plan for one action, or a task-list table."""

    OVERALL = "overall"
    IMPLEMENTATION = "implementation"
    TASK_LIST = "task_list"


class Role(enum.Enum):
    """A unit's role on a task or in a task force."""

    LEAD = "lead"
    SUPPORT = "support"
    CONVENER = "convener"
    DEPUTY = "deputy"
    MEMBER = "member"
    OFFICE = "office"


class UnitKind(enum.Enum):
    """What sort of body a unit is; collective names (各乡镇) are kept, marked as such."""

    GOVERNMENT = "government"
    PARTY = "party"
    COMMITTEE = "committee"
    ENTERPRISE = "enterprise"
    COLLECTIVE = "collective"
    OTHER = "other"


class ChangeKind(enum.Enum):
    """How a target's number is meant."""

    GROWTH = "growth"
    LEVEL = "level"
    SHARE = "share"
    COUNT = "count"
    REDUCTION = "reduction"
    QUALITATIVE = "qualitative"


class Direction(enum.Enum):
    """Which way a target improves: most rise, a 下降 target improves downward."""

    UP = "up"
    DOWN = "down"
    HOLD = "hold"


@attrs.frozen
class Reference:
    """A document cited by a plan (``根据《…》（某政办发〔2023〕2号）``)."""

    title: str | None = attrs.field(default=None, validator=_opt_str)
    doc_number: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen
class Document:
    """An issued document: 文号, issuer, date, title, jurisdiction.

    >>> Document("doc:1", title="关于印发《某区实施方案》的通知", doc_number="某政办发〔2024〕1号").doc_number
    '某政办发〔2024〕1号'
    """

    id: str = attrs.field(validator=_nonempty)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    doc_number: str | None = attrs.field(default=None, validator=_opt_str)
    issuer: str | None = attrs.field(default=None, validator=_opt_str)
    date: _dt.date | None = attrs.field(default=None, validator=v.optional(v.instance_of(_dt.date)))
    jurisdiction: str | None = attrs.field(default=None, validator=_opt_str)
    kind: DocumentKind = attrs.field(default=DocumentKind.PLAN_NOTICE, validator=v.instance_of(DocumentKind))
    source: SourceSpan | None = attrs.field(default=None, validator=_opt_source)


@attrs.frozen
class Plan:
    """The overall plan, an attachment plan, or a task list, inside a document."""

    id: str = attrs.field(validator=_nonempty)
    document_id: str = attrs.field(validator=_nonempty)
    title: str = attrs.field(validator=_str)
    kind: PlanKind = attrs.field(default=PlanKind.OVERALL, validator=v.instance_of(PlanKind))
    year: int | None = attrs.field(default=None, validator=_opt_year)
    attachment: str | None = attrs.field(default=None, validator=_opt_str)
    action_id: str | None = attrs.field(default=None, validator=_opt_str)
    parent_id: str | None = attrs.field(default=None, validator=_opt_str)
    implements: tuple[Reference, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Reference)
    )
    source: SourceSpan | None = attrs.field(default=None, validator=_opt_source)


@attrs.frozen
class Action:
    """A named action or campaign (项目攻坚行动, 消费提振攻坚, 打好…攻坚战)."""

    id: str = attrs.field(validator=_nonempty)
    name: str = attrs.field(validator=_nonempty)
    document_id: str | None = attrs.field(default=None, validator=_opt_str)
    jurisdiction: str | None = attrs.field(default=None, validator=_opt_str)
    source: SourceSpan | None = attrs.field(default=None, validator=_opt_source)


@attrs.frozen
class Unit:
    """A government unit, party office, committee, enterprise or collective name.

    ``name`` is the form the unit is known by; ``aliases`` hold every other written
    form that denotes it (full and short forms, damaged prints).

    >>> u = Unit("unit:某区:区发展改革局", "区发展改革局", jurisdiction="某区", aliases=("区发改局",))
    >>> u.names
    ('区发展改革局', '区发改局')
    """

    id: str = attrs.field(validator=_nonempty)
    name: str = attrs.field(validator=_nonempty)
    jurisdiction: str | None = attrs.field(default=None, validator=_opt_str)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple, validator=_tuple_of(str))
    kind: UnitKind = attrs.field(default=UnitKind.GOVERNMENT, validator=v.instance_of(UnitKind))

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


@attrs.frozen
class UnitMention:
    """A unit as printed in one annotation, with its role and the unit it resolved to."""

    text: str = attrs.field(validator=_nonempty)
    role: Role = attrs.field(validator=v.instance_of(Role))
    unit_id: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen
class Task:
    """A numbered work item with the units responsible for it.

    ``path`` is the numbering chain as printed (``("二", "（一）", "1.")``); ``lead`` and
    ``support`` hold resolved units, ``mentions`` the names as printed with their roles,
    ``responsibility`` the annotation text itself.
    """

    id: str = attrs.field(validator=_nonempty)
    plan_id: str = attrs.field(validator=_nonempty)
    text: str = attrs.field(default="", validator=_str)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    path: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple, validator=_tuple_of(str))
    lead: tuple[Unit, ...] = attrs.field(default=(), converter=_as_tuple, validator=_tuple_of(Unit))
    support: tuple[Unit, ...] = attrs.field(default=(), converter=_as_tuple, validator=_tuple_of(Unit))
    mentions: tuple[UnitMention, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(UnitMention)
    )
    responsibility: str | None = attrs.field(default=None, validator=_opt_str)
    deadline: Period | None = attrs.field(default=None, validator=_opt_period)
    deadline_text: str | None = attrs.field(default=None, validator=_opt_str)
    parent_id: str | None = attrs.field(default=None, validator=_opt_str)
    action_id: str | None = attrs.field(default=None, validator=_opt_str)
    source: SourceSpan | None = attrs.field(default=None, validator=_opt_source)

    @property
    def units(self) -> tuple[Unit, ...]:
        """Lead units, then supporting ones."""
        return self.lead + self.support


@attrs.frozen
class Target:
    """A quantitative goal: ``社会消费品零售总额增长9%以上``.

    ``quantity`` is None for a goal without a number (营商环境明显改善).

    >>> t = Target("t1", "p1", metric="社会消费品零售总额", change=ChangeKind.GROWTH,
    ...            quantity=Quantity(9, "%"), qualifier="以上")
    >>> t.value, t.unit
    (9, '%')
    """

    id: str = attrs.field(validator=_nonempty)
    plan_id: str = attrs.field(validator=_nonempty)
    metric: str = attrs.field(default="", validator=_str)
    change: ChangeKind = attrs.field(default=ChangeKind.LEVEL, validator=v.instance_of(ChangeKind))
    quantity: Quantity | None = attrs.field(default=None, validator=v.optional(v.instance_of(Quantity)))
    qualifier: str | None = attrs.field(default=None, validator=_opt_str)
    direction: Direction = attrs.field(default=Direction.UP, validator=v.instance_of(Direction))
    baseline: Baseline | None = attrs.field(default=None, validator=v.optional(v.instance_of(Baseline)))
    deadline: Period | None = attrs.field(default=None, validator=_opt_period)
    text: str = attrs.field(default="", validator=_str)
    action_id: str | None = attrs.field(default=None, validator=_opt_str)
    task_id: str | None = attrs.field(default=None, validator=_opt_str)
    source: SourceSpan | None = attrs.field(default=None, validator=_opt_source)

    @property
    def value(self) -> float | None:
        """The number, or None for a qualitative goal."""
        return None if self.quantity is None else self.quantity.value

    @property
    def unit(self) -> str | None:
        """The unit as printed (``%``, ``亿元``), or None for a qualitative goal."""
        return None if self.quantity is None else self.quantity.unit


@attrs.frozen
class Post:
    """A post as printed (``区政府办分管副主任``) and the unit it belongs to, if known."""

    label: str = attrs.field(validator=_nonempty)
    unit: Unit | None = attrs.field(default=None, validator=v.optional(v.instance_of(Unit)))


@attrs.frozen
class Member:
    """A unit's membership as printed in a member list: ``name`` as printed, ``unit`` resolved.

    >>> fin = Unit("unit:甲区:区财政局", "区财政局")
    >>> m = Member("财政局", fin)
    >>> m.name, m.id
    ('财政局', 'unit:甲区:区财政局')
    """

    name: str = attrs.field(validator=_nonempty)
    unit: Unit = attrs.field(validator=v.instance_of(Unit))

    @property
    def id(self) -> str:
        """The resolved unit's id."""
        return self.unit.id


def _as_members(value: Any) -> tuple[Member, ...]:
    # A bare Unit is a member printed under the unit's own name.
    return tuple(Member(m.name, m) if isinstance(m, Unit) else m for m in _as_tuple(value))


@attrs.frozen
class TaskForce:
    """A 工作专班 / 领导小组: convener, deputies, member units and office.

    ``members`` keep each name as printed in the member list beside the resolved unit
    (a bare :class:`Unit` given here becomes ``Member(unit.name, unit)``).
    """

    id: str = attrs.field(validator=_nonempty)
    plan_id: str = attrs.field(validator=_nonempty)
    name: str = attrs.field(validator=_nonempty)
    convener: Post | None = attrs.field(default=None, validator=v.optional(v.instance_of(Post)))
    deputies: tuple[Post, ...] = attrs.field(default=(), converter=_as_tuple, validator=_tuple_of(Post))
    members: tuple[Member, ...] = attrs.field(default=(), converter=_as_members, validator=_tuple_of(Member))
    office: Unit | None = attrs.field(default=None, validator=v.optional(v.instance_of(Unit)))
    action_id: str | None = attrs.field(default=None, validator=_opt_str)
    source: SourceSpan | None = attrs.field(default=None, validator=_opt_source)

    @property
    def units(self) -> tuple[Unit, ...]:
        """Every unit with a role in the task force, without repeats."""
        seen: dict[str, Unit] = {}
        posts = [p.unit for p in (self.convener, *self.deputies) if p is not None and p.unit]
        for u in (*posts, *(m.unit for m in self.members), *((self.office,) if self.office else ())):
            if u is not None:
                seen.setdefault(u.id, u)
        return tuple(seen.values())
