"""govplan's text query language, for the command line and services.

A query is terms separated by spaces, all of which must hold::

    lead:区发改局 due:2024-12 action:项目攻坚
    find:targets metric:社会消费品零售总额 place:青山区
    unit:区财政局,区税务局 -due:none sort:deadline limit:20

``field:value`` filters (``：`` works as well as ``:``); ``a,b`` means either value;
a leading ``-`` negates a term; a word without a field searches the text; quotes
(``"…"``, ``“…”``, ``「…」``) keep spaces and commas in a value.  Fields are listed in
:data:`FIELDS` and in ``docs/query.md``.  The parser is a hand-written scanner: it
never evaluates anything, runs in linear time, and reports the first bad token as a
:class:`~govplan.QuerySyntaxError` with its position.

>>> q = parse("lead:区发改局 due:2024-12 action:项目攻坚")
>>> [(t.field, t.values) for t in q.terms]
[('lead', ('区发改局',)), ('due', ('2024-12',)), ('action', ('项目攻坚',))]
>>> parse("leed:区发改局")
Traceback (most recent call last):
...
govplan.errors.QuerySyntaxError: unknown field 'leed' (did you mean lead?)
  leed:区发改局
  ^
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

import attrs

from govplan.errors import GovplanError, QuerySyntaxError
from govplan.query.filters import HAS_WHAT, Either, Exclude, Filter, as_date_bound, as_period

if TYPE_CHECKING:
    from govplan.graph import PlanGraph
    from govplan.query.core import Query

__all__ = ["FIELDS", "KINDS", "Field", "ParsedQuery", "Term", "parse"]

KINDS = ("tasks", "targets", "taskforces")
_T, _G, _F = "tasks", "targets", "taskforces"


@attrs.frozen
class Field:
    """One field of the language: its name, other spellings, the kinds it applies to, help."""

    name: str
    aliases: tuple[str, ...]
    kinds: tuple[str, ...]
    help: str
    example: str


#: Every field of the language.
FIELDS: tuple[Field, ...] = (
    Field("find", ("kind", "查"), KINDS, "what to find: tasks (the default), targets or taskforces; "
          "任务, 目标, 专班 work too", "find:targets"),
    Field("lead", ("led_by", "牵头"), (_T,), "tasks led by a unit (any written form)", "lead:区发改局"),
    Field("support", ("supported_by", "配合"), (_T,), "tasks a unit supports", "support:区财政局"),
    Field("unit", ("单位",), (_T, _F), "tasks or task forces in which a unit has any role", "unit:区财政局"),
    Field("convener", ("召集人",), (_F,), "task forces whose convener belongs to a unit", "convener:区政府办"),
    Field("deputy", ("副召集人",), (_F,), "task forces with a deputy from a unit", "deputy:区商务局"),
    Field("member", ("成员",), (_F,), "task forces a unit is a member of", "member:区商务局"),
    Field("office", ("办公室",), (_F,), "task forces whose office is in a unit", "office:区发改局"),
    Field("place", ("jurisdiction", "地区"), KINDS, "objects of documents issued for a jurisdiction "
          "(exact name, else any containing the words)", "place:青山区"),
    Field("doc", ("document", "文件"), KINDS, "objects of one document: id, 文号, or words of the title",
          "doc:某政办发〔2024〕3号"),
    Field("plan", ("方案",), KINDS, "objects of one plan: id or words of the title", "plan:实施方案"),
    Field("action", ("行动",), KINDS, "objects of an action: id or words of its name", "action:项目攻坚"),
    Field("due", ("时限",), (_T, _G), "deadline ends within a period (2024-12, 2024-Q4, 2024, 2024-06-30); "
          "due:ongoing, due:none (no deadline), due:any (any dated deadline)", "due:2024-12"),
    Field("before", ("due_before",), (_T, _G), "deadline ends before the period starts", "before:2024-07"),
    Field("by", ("due_by",), (_T, _G), "deadline ends by the end of the period", "by:2024-06"),
    Field("after", ("due_after",), (_T, _G), "deadline ends after the period ends", "after:2024-06"),
    Field("overdue", ("逾期",), (_T, _G), "deadline ended before a date or period (overdue:today)",
          "overdue:2024-07-01"),
    Field("text", ("文本",), KINDS, "text contains words (a bare word does the same)", "text:营商环境"),
    Field("metric", ("指标",), (_G,), "targets whose metric contains the words", "metric:社会消费品零售总额"),
    Field("has", ("有",), (_T,), "tasks that have " + ", ".join(HAS_WHAT) + " (-has:parent: top level)",
          "has:targets"),
    Field("sort", ("order", "排序"), KINDS, "order by source (default), deadline, id, …; -key descending",
          "sort:deadline"),
    Field("limit", ("前",), KINDS, "at most this many results", "limit:20"),
)

_BY_NAME: dict[str, Field] = {}
for _field in FIELDS:
    for _n in (_field.name, *_field.aliases):
        _BY_NAME[_n] = _field

_KIND_WORDS = {"tasks": _T, "task": _T, "任务": _T, "targets": _G, "target": _G, "目标": _G, "指标": _G,
               "taskforces": _F, "taskforce": _F, "专班": _F, "工作专班": _F}
_DEADLINE_WORDS = {"none": "none", "无": "none", "ongoing": "ongoing", "长期": "ongoing", "any": "dated"}
_QUOTES = {'"': '"', "'": "'", "“": "”", "「": "」", "『": "』"}
_COLONS = ":："
_COMMAS = ",，"
_META = ("find", "sort", "limit")


def _is_space(ch: str) -> bool:
    return ch.isspace()


@attrs.frozen
class Term:
    """One ``[-]field:value[,value…]`` term; ``field`` is the canonical name (``text`` for bare words)."""

    field: str
    values: tuple[str, ...]
    negated: bool = False
    position: int = 0
    value_positions: tuple[int, ...] = ()


@attrs.frozen
class ParsedQuery:
    """A parsed query: what to find, the terms, the order and the limit."""

    text: str
    kind: str
    terms: tuple[Term, ...]
    order: tuple[str, ...] = ()
    limit: int | None = None

    def apply(self, graph: PlanGraph) -> Query[Any]:
        """The query over *graph* this text describes."""
        filters: list[Filter] = []
        for term in self.terms:  # collected, then applied once: a long query stays linear
            one = _term_query(graph, self.kind, term)
            if term.negated:
                filters.append(Exclude(one))
            else:
                filters.extend(one.filters)
        query: Query[Any] = _base(graph, self.kind)._with(*filters)
        if self.order:
            query = query.order_by(*self.order)
        if self.limit is not None:
            query = query.limit(self.limit)
        return query

    def unit_names(self) -> list[str]:
        """The unit names the query mentions (so a caller can warn about unknown ones)."""
        fields = ("lead", "support", "unit", "convener", "deputy", "member", "office")
        return [v for t in self.terms if t.field in fields for v in t.values]


def _base(graph: PlanGraph, kind: str) -> Query[Any]:
    if kind == _G:
        return graph.targets()
    if kind == _F:
        return graph.taskforces()
    return graph.tasks()


def _term_query(graph: PlanGraph, kind: str, term: Term) -> Query[Any]:
    base = _base(graph, kind)
    field, values = term.field, term.values
    if field in ("lead", "support", "unit"):
        if kind == _F:
            return base.involving(*values)  # type: ignore[attr-defined, no-any-return]
        method = {"lead": "led_by", "support": "supported_by", "unit": "involving"}[field]
        return getattr(base, method)(*values)  # type: ignore[no-any-return]
    if field in ("convener", "deputy", "member", "office"):
        return base.involving(*values, role=field)  # type: ignore[attr-defined, no-any-return]
    parts = [_one_value(base, field, v) for v in values]
    if len(parts) == 1:
        return parts[0]
    return base._with(Either(tuple(parts)))


# The query method each one-value field calls with its value.
_VALUE_METHODS = {
    "place": "in_jurisdiction", "doc": "in_document", "plan": "in_plan", "action": "in_action",
    "text": "with_text", "metric": "metric", "has": "has",
    "before": "due_before", "after": "due_after", "by": "due_by",
}
# due:none / due:ongoing / due:dated ask for a deadline state, not a period.
_STATE_METHODS = {"none": "no_deadline", "ongoing": "ongoing", "dated": "with_deadline"}


def _one_value(base: Query[Any], field: str, value: str) -> Query[Any]:
    if field == "due":
        state = _DEADLINE_WORDS.get(value.lower())
        if state is not None:
            return getattr(base, _STATE_METHODS[state])()  # type: ignore[no-any-return]
        return base.due(value)  # type: ignore[attr-defined, no-any-return]
    if field == "overdue":
        return base.overdue(None if value.lower() in ("today", "今天") else value)  # type: ignore[attr-defined, no-any-return]
    return getattr(base, _VALUE_METHODS[field])(value)  # type: ignore[no-any-return]


# -- scanning ------------------------------------------------------------------------------------
class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def error(self, message: str, position: int | None = None) -> QuerySyntaxError:
        return QuerySyntaxError(message, self.text, self.pos if position is None else position)

    def skip_space(self) -> None:
        text, n = self.text, len(self.text)
        while self.pos < n and _is_space(text[self.pos]):
            self.pos += 1

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def word(self, stops: str) -> str:
        """Characters up to a space, a quote, or one of *stops*."""
        text, n, start = self.text, len(self.text), self.pos
        while self.pos < n:
            ch = text[self.pos]
            if _is_space(ch) or ch in stops or ch in _QUOTES:
                break
            self.pos += 1
        return text[start:self.pos]

    def quoted(self) -> str:
        opening = self.text[self.pos]
        closing = _QUOTES[opening]
        start = self.pos
        end = self.text.find(closing, start + 1)
        if end < 0:
            raise self.error(f"unterminated quote {opening}", start)
        self.pos = end + 1
        return self.text[start + 1:end]

    def value(self) -> tuple[str, int]:
        start = self.pos
        if not self.at_end() and self.text[self.pos] in _QUOTES:
            value = self.quoted()
        else:
            value = self.word(_COMMAS)
        if not value.strip():
            raise self.error("empty value", start)
        return value.strip(), start

    def term(self) -> Term:
        start = self.pos
        negated = self.text[self.pos] == "-"
        if negated:
            self.pos += 1
            if self.at_end() or _is_space(self.text[self.pos]):
                raise self.error("'-' must be followed by a term", start)
        head = self.pos
        if self.text[self.pos] in _QUOTES:
            words = self.quoted().strip()
            if not words:
                raise self.error("empty quotes", head)
            return Term("text", (words,), negated, start, (head,))
        name = self.word(_COLONS)
        if self.at_end() or self.text[self.pos] not in _COLONS:
            if not self.at_end() and self.text[self.pos] in _QUOTES:
                raise self.error("a quote must start a value", self.pos)
            return Term("text", (name,), negated, start, (head,))
        if not name:
            raise self.error("a field name must come before ':'", head)
        self.pos += 1  # the colon
        field = _BY_NAME.get(name) or _BY_NAME.get(name.lower())
        if field is None:
            close = list(dict.fromkeys(
                _BY_NAME[c].name for c in difflib.get_close_matches(name.lower(), list(_BY_NAME), n=3, cutoff=0.6)))
            fields = ", ".join(f.name for f in FIELDS)
            hint = f" (did you mean {' or '.join(close)}?)" if close else f"; fields are {fields}"
            raise self.error(f"unknown field {name!r}{hint}", head)
        if self.at_end() or _is_space(self.text[self.pos]):
            raise self.error(f"{field.name}: needs a value, e.g. {field.example}", self.pos)
        values, positions = [], []
        while True:
            value, at = self.value()
            values.append(value)
            positions.append(at)
            if not self.at_end() and self.text[self.pos] in _COMMAS:
                self.pos += 1
                if self.at_end() or _is_space(self.text[self.pos]):
                    raise self.error("a value must follow ','", self.pos)
                continue
            break
        if not self.at_end() and not _is_space(self.text[self.pos]):
            raise self.error("expected a space after the value", self.pos)
        return Term(field.name, tuple(values), negated, start, tuple(positions))


def parse(text: str) -> ParsedQuery:
    """Parse a text query; raise :class:`~govplan.QuerySyntaxError` at the first bad token.

    >>> q = parse("find:targets metric:社会消费品零售总额 sort:-deadline limit:5")
    >>> q.kind, q.order, q.limit
    ('targets', ('-deadline',), 5)
    >>> parse("due:2024-13").terms
    Traceback (most recent call last):
    ...
    govplan.errors.QuerySyntaxError: due: '2024-13' is not a period (2024-12, 2024-Q4, 2024, 2024-06-30, ongoing, none)
      due:2024-13
          ^
    """
    if not isinstance(text, str):
        raise QuerySyntaxError(f"a query is text, got {type(text).__name__}", repr(text), 0)
    scanner = _Scanner(text)
    terms: list[Term] = []
    while True:
        scanner.skip_space()
        if scanner.at_end():
            break
        terms.append(scanner.term())
    kind = _T
    kind_term: Term | None = None
    order: tuple[str, ...] = ()
    limit: int | None = None
    rest: list[Term] = []
    for term in terms:
        if term.field in _META and term.negated:
            raise scanner.error(f"{term.field}: cannot be negated", term.position)
        if term.field == "find":
            found = _KIND_WORDS.get(term.values[0].lower())
            if found is None or len(term.values) > 1:
                raise scanner.error(f"find: is one of {', '.join(KINDS)}", term.value_positions[0])
            if kind_term is not None and found != kind:
                raise scanner.error("find: given twice", term.position)
            kind, kind_term = found, term
        elif term.field == "limit":
            value = term.values[0]
            if len(term.values) > 1 or not value.isascii() or not value.isdigit():
                raise scanner.error("limit: takes a whole number", term.value_positions[0])
            limit = int(value)
        elif term.field == "sort":
            order = term.values
        else:
            rest.append(term)
    for term in rest:
        _check_term(scanner, kind, term)
    if order:
        _check_order(scanner, kind, order, next(t for t in terms if t.field == "sort"))
    return ParsedQuery(text, kind, tuple(rest), order, limit)


def _check_term(scanner: _Scanner, kind: str, term: Term) -> None:
    field = _BY_NAME[term.field]
    if kind not in field.kinds:
        where = ", ".join(field.kinds)
        raise scanner.error(f"{term.field}: applies to {where}, not {kind}", term.position)
    for value, at in zip(term.values, term.value_positions):
        try:
            if term.field == "due" and value.lower() not in _DEADLINE_WORDS:
                as_period(value)
            elif term.field in ("before", "after", "by"):
                as_date_bound(value, end=False)
            elif term.field == "overdue" and value.lower() not in ("today", "今天"):
                as_date_bound(value, end=False)
        except GovplanError:
            raise scanner.error(
                f"{term.field}: {value!r} is not a period (2024-12, 2024-Q4, 2024, 2024-06-30"
                + (", ongoing, none)" if term.field == "due" else ")"), at) from None
        if term.field == "has" and value not in HAS_WHAT:
            raise scanner.error(f"has: is one of {', '.join(HAS_WHAT)}", at)


def _check_order(scanner: _Scanner, kind: str, order: tuple[str, ...], term: Term) -> None:
    from govplan.query.core import TargetQuery, TaskForceQuery, TaskQuery

    classes: dict[str, type[Query[Any]]] = {_T: TaskQuery, _G: TargetQuery, _F: TaskForceQuery}
    cls = classes[kind]
    for key, at in zip(order, term.value_positions):
        if key.lstrip("-") not in ("source", *cls.order_keys):
            raise scanner.error(f"sort: {kind} sort by {', '.join(('source', *cls.order_keys))}", at)
