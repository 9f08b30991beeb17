"""Indexes a plan graph keeps as objects are added, so queries never scan the graph.

Every index of tasks, targets and task forces maps a key to a :class:`Posting`: the
objects themselves, in the order they were added (source order), with each one's
*ordinal* (its position in that order) alongside in a compact array.  A query whose
answer is one posting returns it with a single copy, touching nothing else: at a
million tasks the cost of an answer is memory traffic, and looking each object up
by id would triple it.  The ordinals let a query merge several postings back into
source order without looking anything up.
"""

from __future__ import annotations

import bisect

import calendar
import datetime as _dt
from array import array
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, Generic, TypeVar

from govplan.model import Document, Period, Plan, Precision, Role, Target, Task, TaskForce, Unit
from govplan.units import canonical_key, clean_name

__all__ = ["Indexes", "Posting", "Table", "end_date", "month_key"]

T = TypeVar("T")

NO_DEADLINE = "none"
ONGOING = "ongoing"
MonthKey = tuple[int, int] | str

#: The roles a unit can hold in a task force, in the order they are printed.
TASKFORCE_ROLES = (Role.CONVENER, Role.DEPUTY, Role.MEMBER, Role.OFFICE)


def month_key(period: Period | None) -> MonthKey:
    """The index key of a deadline: its end ``(year, month)``, ``"ongoing"`` or ``"none"``.

    Equal to ``period.end_month`` but computed without calendar arithmetic, because it
    runs once per task added.

    >>> month_key(Period.parse("2024-Q3")), month_key(Period.parse("2024")), month_key(None)
    ((2024, 9), (2024, 12), 'none')
    """
    if period is None:
        return NO_DEADLINE
    p = period.precision
    year = period.year
    number = period.number
    if p is Precision.ONGOING or year is None:
        return ONGOING
    if p is Precision.YEAR:
        return (year, 12)
    if p is Precision.HALF:
        return (year, 6 * (number or 1))
    if p is Precision.QUARTER:
        return (year, 3 * (number or 1))
    return (year, number or 1)


def end_date(period: Period) -> _dt.date | None:
    """The last day of *period* (None when ongoing), like ``period.end`` but cheaper.

    >>> end_date(Period.parse("2024-H1")), end_date(Period.parse("2024-02"))
    (datetime.date(2024, 6, 30), datetime.date(2024, 2, 29))
    """
    if period.precision is Precision.DAY:
        return _dt.date(period.year or 1, period.number or 1, period.day or 1)
    key = month_key(period)
    if isinstance(key, str):
        return None
    year, month = key
    return _dt.date(year, month, calendar.monthrange(year, month)[1])


class Table(Generic[T]):
    """Objects of one kind in the order added, and each one's ordinal by id."""

    __slots__ = ("objects", "ordinal")

    def __init__(self) -> None:
        self.objects: list[T] = []
        self.ordinal: dict[str, int] = {}

    def append(self, obj: T) -> int:
        """Add *obj* and return its ordinal (its position in source order)."""
        n = len(self.objects)
        self.ordinal[obj.id] = n  # type: ignore[attr-defined]
        self.objects.append(obj)
        return n

    def __len__(self) -> int:
        return len(self.objects)


class Posting(list):  # type: ignore[type-arg]
    """The objects under one index key, in source order, with their ordinals in ``ordinals``.

    A list, so an answer that is one posting is a copy of it; callers that append
    must append the ordinal too.

    >>> p = Posting(); p.append("task"); p.ordinals.append(7)
    >>> list(p), list(p.ordinals)
    (['task'], [7])
    """

    __slots__ = ("ordinals",)

    def __init__(self) -> None:
        super().__init__()
        self.ordinals = array("i")

    def __reduce__(self) -> Any:
        return (_posting, (list(self), self.ordinals))


def _posting(objects: list[Any], ordinals: array[int]) -> Posting:
    p = Posting()
    p.extend(objects)
    p.ordinals = ordinals
    return p


def _lists() -> defaultdict[Any, Posting]:
    return defaultdict(Posting)


class Indexes:
    """Postings per key, each in the order added (source order), kept as objects are added.

    Keys: unit id per role (tasks and task forces), deadline end month (tasks and
    targets), plan and action ids, parent task, target metric, task a target is for.
    Documents, plans and units are few; their indexes hold ids.
    """

    def __init__(self) -> None:
        self.tables: dict[type, Table[Any]] = {Task: Table(), Target: Table(), TaskForce: Table()}
        self.tasks_by_unit: dict[Role, defaultdict[str, Posting]] = {Role.LEAD: _lists(), Role.SUPPORT: _lists()}
        self.taskforces_by_unit: dict[Role, defaultdict[str, Posting]] = {r: _lists() for r in TASKFORCE_ROLES}
        self.by_month: dict[type, defaultdict[MonthKey, Posting]] = {Task: _lists(), Target: _lists()}
        self.by_plan: dict[type, defaultdict[str, Posting]] = {k: _lists() for k in self.tables}
        self.by_action: dict[type, defaultdict[str, Posting]] = {k: _lists() for k in self.tables}
        self.children: defaultdict[str, Posting] = _lists()
        self.targets_by_task: defaultdict[str, Posting] = _lists()
        self.targets_by_metric: defaultdict[str, Posting] = _lists()
        self.plans_by_document: defaultdict[str, list[str]] = defaultdict(list)
        self.plans_by_action: defaultdict[str, list[str]] = defaultdict(list)
        self.plans_by_reference: defaultdict[str, dict[str, None]] = defaultdict(dict)
        self.documents_by_number: dict[str, str] = {}
        self.documents_by_jurisdiction: defaultdict[str, list[str]] = defaultdict(list)
        self.document_jurisdiction: dict[str, str | None] = {}
        # Unit ids per written form, as ordered sets (dicts): one short form may name a unit
        # in each of thousands of jurisdictions, so membership must not be a list scan.
        self.units_by_name: defaultdict[str, dict[str, None]] = defaultdict(dict)
        self.units_by_key: defaultdict[str, dict[str, None]] = defaultdict(dict)
        # Merged bureaus (区发改财政局: 发改 + 财政) by the shape of their key, for queries by one part.
        self.merged_units: defaultdict[tuple[str, str, str], list[tuple[str, frozenset[str], str]]] = defaultdict(list)
        # Within one jurisdiction a written form names one unit or very few: tuples are enough.
        self.units_by_place_name: dict[tuple[str, str], tuple[str, ...]] = {}
        self.units_by_place_key: dict[tuple[str, str], tuple[str, ...]] = {}

    # -- adding ---------------------------------------------------------------------------
    def add_task(self, task: Task) -> None:
        """Index *task* by unit and role, month, plan, action and parent."""
        n = self.tables[Task].append(task)
        lead = self.tasks_by_unit[Role.LEAD]
        for unit in task.lead:
            listed = lead[unit.id]
            if not listed or listed[-1] is not task:  # a unit printed twice counts once
                listed.append(task)
                listed.ordinals.append(n)
        support = self.tasks_by_unit[Role.SUPPORT]
        for unit in task.support:
            listed = support[unit.id]
            if not listed or listed[-1] is not task:
                listed.append(task)
                listed.ordinals.append(n)
        # Inlined rather than calling _add: this runs once per task, a million times.
        listed = self.by_month[Task][month_key(task.deadline)]
        listed.append(task)
        listed.ordinals.append(n)
        listed = self.by_plan[Task][task.plan_id]
        listed.append(task)
        listed.ordinals.append(n)
        if task.action_id:
            listed = self.by_action[Task][task.action_id]
            listed.append(task)
            listed.ordinals.append(n)
        if task.parent_id:
            _add(self.children[task.parent_id], task, n)

    def add_target(self, target: Target) -> None:
        """Index *target* by month, plan, action, task and metric."""
        n = self.tables[Target].append(target)
        _add(self.by_month[Target][month_key(target.deadline)], target, n)
        _add(self.by_plan[Target][target.plan_id], target, n)
        if target.action_id:
            _add(self.by_action[Target][target.action_id], target, n)
        if target.task_id:
            _add(self.targets_by_task[target.task_id], target, n)
        _add(self.targets_by_metric[clean_name(target.metric)], target, n)

    def add_taskforce(self, taskforce: TaskForce) -> None:
        """Index *taskforce* by plan, action and the units in each of its roles."""
        n = self.tables[TaskForce].append(taskforce)
        _add(self.by_plan[TaskForce][taskforce.plan_id], taskforce, n)
        if taskforce.action_id:
            _add(self.by_action[TaskForce][taskforce.action_id], taskforce, n)
        by_unit = self.taskforces_by_unit
        if taskforce.convener is not None and taskforce.convener.unit is not None:
            _add_once(by_unit[Role.CONVENER][taskforce.convener.unit.id], taskforce, n)
        for post in taskforce.deputies:
            if post.unit is not None:
                _add_once(by_unit[Role.DEPUTY][post.unit.id], taskforce, n)
        for member in taskforce.members:
            _add_once(by_unit[Role.MEMBER][member.unit.id], taskforce, n)
        if taskforce.office is not None:
            _add_once(by_unit[Role.OFFICE][taskforce.office.id], taskforce, n)

    def replace(self, old: Task | TaskForce, new: Task | TaskForce) -> None:
        """Put *new* wherever *old* stands; both must have the same id and index keys."""
        table = self.tables[type(old)]
        n = table.ordinal[old.id]
        table.objects[n] = new
        for posting in self._postings_of(old):
            at = bisect.bisect_left(posting.ordinals, n)
            if at < len(posting) and posting.ordinals[at] == n:
                posting[at] = new

    def _postings_of(self, obj: Task | TaskForce) -> Iterator[Posting]:
        kind = type(obj)
        yield self.by_plan[kind][obj.plan_id]
        if obj.action_id:
            yield self.by_action[kind][obj.action_id]
        if isinstance(obj, Task):
            for role, units in ((Role.LEAD, obj.lead), (Role.SUPPORT, obj.support)):
                for unit_id in dict.fromkeys(u.id for u in units):
                    yield self.tasks_by_unit[role][unit_id]
            yield self.by_month[Task][month_key(obj.deadline)]
            if obj.parent_id:
                yield self.children[obj.parent_id]
        else:
            posts = [(Role.CONVENER, obj.convener)] + [(Role.DEPUTY, p) for p in obj.deputies]
            for role, post in posts:
                if post is not None and post.unit is not None:
                    yield self.taskforces_by_unit[role][post.unit.id]
            for member in obj.members:
                yield self.taskforces_by_unit[Role.MEMBER][member.unit.id]
            if obj.office is not None:
                yield self.taskforces_by_unit[Role.OFFICE][obj.office.id]

    def add_plan(self, plan: Plan) -> None:
        """Index *plan* by document, action and the documents it implements."""
        self.plans_by_document[plan.document_id].append(plan.id)
        if plan.action_id:
            self.plans_by_action[plan.action_id].append(plan.id)
        for ref in plan.implements:
            for key in reference_keys(ref.doc_number, ref.title):
                self.plans_by_reference[key][plan.id] = None

    def add_document(self, document: Document) -> None:
        """Index *document*, which may replace one known only as cited under the same id."""
        if document.id in self.document_jurisdiction:
            old = self.document_jurisdiction[document.id]
            if old is not None:
                self.documents_by_jurisdiction[old].remove(document.id)
        place = clean_name(document.jurisdiction) if document.jurisdiction else None
        self.document_jurisdiction[document.id] = place
        if place:
            self.documents_by_jurisdiction[place].append(document.id)
        if document.doc_number:
            self.documents_by_number[clean_name(document.doc_number)] = document.id

    def add_unit(self, unit: Unit) -> None:
        """Index *unit* under each of its written names and their canonical keys, with and without place."""
        place = clean_name(unit.jurisdiction) if unit.jurisdiction else ""
        for name in unit.names:
            cleaned, key = clean_name(name), canonical_key(name)
            self.units_by_name[cleaned][unit.id] = None
            self.units_by_key[key][unit.id] = None
            shape = key_shape(key)
            if shape is not None and len(shape[3]) > 1:
                entry = (place, shape[3], unit.id)
                bucket = self.merged_units[shape[:3]]
                if entry not in bucket:
                    bucket.append(entry)
            for table, k in ((self.units_by_place_name, (place, cleaned)), (self.units_by_place_key, (place, key))):
                ids = table.get(k, ())
                if unit.id not in ids:
                    table[k] = (*ids, unit.id)

    # -- looking up -----------------------------------------------------------------------
    def unit_ids(self, name: str, jurisdiction: str | None = None) -> list[str]:
        """Ids of the units *name* denotes: exact written forms first, then canonical forms.

        With *jurisdiction*, only units of that jurisdiction.
        """
        cleaned = clean_name(name)
        key = canonical_key(name)
        if jurisdiction is None:
            exact = self.units_by_name.get(cleaned)
            if exact:
                return list(exact)
            by_key = self.units_by_key.get(key)
            return list(by_key) if by_key else self._merged_holding(key, None)
        place = clean_name(jurisdiction)
        in_place = self.units_by_place_name.get((place, cleaned)) or self.units_by_place_key.get((place, key))
        return list(in_place) if in_place else self._merged_holding(key, place)

    def _merged_holding(self, key: str, place: str | None) -> list[str]:
        """Per jurisdiction, the one merged bureau that holds the department *key* names, if only one does.

        A plan of a place with a 发改财政局 and no 发改局 means the merged bureau by 发改局; where two
        merged bureaus hold the part, the name is ambiguous there and finds neither.
        """
        shape = key_shape(key)
        if shape is None:
            return []
        wanted = shape[3]
        holders: dict[str, dict[str, None]] = defaultdict(dict)
        for unit_place, stems, unit_id in self.merged_units.get(shape[:3], ()):
            if (place is None or unit_place == place) and wanted < stems:
                holders[unit_place][unit_id] = None
        return [unit_id for ids in holders.values() if len(ids) == 1 for unit_id in ids]


_KEY_SUFFIXES = ("中心", "公司", "局", "委", "部", "办", "厅", "院", "所", "站", "队", "会", "社")


def key_shape(key: str) -> tuple[str, str, str, frozenset[str]] | None:
    """A canonical key as (level, suffix, sub-office, department stems), or None.

    >>> level, suffix, tail, stems = key_shape("区|发改+财政局")
    >>> level, suffix, tail, sorted(stems)
    ('区', '局', '', ['发改', '财政'])
    """
    level, sep, rest = key.partition("|")
    if not sep:
        return None
    head, _, tail = rest.partition("/")
    parts = head.split("+")
    last = parts[-1]
    for suffix in _KEY_SUFFIXES:
        if last.endswith(suffix) and len(last) > len(suffix):
            parts[-1] = last[: -len(suffix)]
            return level, suffix, tail, frozenset(parts)
    return None


def _add(posting: Posting, obj: Any, n: int) -> None:
    posting.append(obj)
    posting.ordinals.append(n)


def _add_once(posting: Posting, obj: Any, n: int) -> None:
    if not posting or posting[-1] is not obj:
        posting.append(obj)
        posting.ordinals.append(n)


def reference_keys(doc_number: str | None, title: str | None) -> list[str]:
    """Keys under which a citation (or the document it cites) is found: number, then title."""
    keys = []
    if doc_number:
        keys.append("no:" + clean_name(doc_number))
    if title:
        keys.append("title:" + _bare_title(title))
    return keys


def _bare_title(title: str) -> str:
    # Citations print titles with or without 《》 and with either kind of inner quotes.
    return clean_name(title).strip("《》〈〉<>").replace("〈", "《").replace("〉", "》")
