"""The versioned JSON form of a whole :class:`~govplan.PlanGraph`, through a cattrs converter.

The converter is govplan's own (never cattrs' global one) and strict: a string field
takes only a string, an integer only an integer, and unknown keys are refused, so a
saved graph from an untrusted source either loads exactly or fails with a clear
:class:`~govplan.SerializationError`.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Callable
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from govplan.errors import GovplanError, InvalidArgumentError, SchemaVersionError, SerializationError
from govplan.graph import PlanGraph
from govplan.model import (
    Action,
    Diagnostic,
    Document,
    FileCoverage,
    Member,
    Period,
    Plan,
    Post,
    Target,
    Task,
    TaskForce,
    Unit,
)

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "dumps", "loads", "make_converter"]

FORMAT_NAME = "govplan"
FORMAT_VERSION = 1
MAX_INPUT_CHARS = 256 * 1024 * 1024
MAX_INT = 2**53

_SECTIONS: tuple[tuple[str, type], ...] = (
    ("documents", Document),
    ("actions", Action),
    ("plans", Plan),
    ("units", Unit),
    ("tasks", Task),
    ("targets", Target),
    ("taskforces", TaskForce),
)


def _strict(kind: type, name: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {name}, got {type(value).__name__} {value!r:.60}")
        return value

    return structure


def _is_tuple(cl: Any) -> bool:
    return getattr(cl, "__origin__", None) is tuple


def _structure_tuple(conv: cattrs.Converter, value: Any, cl: Any) -> tuple[Any, ...]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__} {value!r:.60}")
    args = cl.__args__
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(conv.structure(item, args[0]) for item in value)
    if len(args) != len(value):
        raise ValueError(f"expected {len(args)} items, got {len(value)}")
    return tuple(conv.structure(item, arg) for item, arg in zip(value, args))


def _structure_float(value: Any, _: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"expected a number, got {type(value).__name__} {value!r:.60}")
    if not math.isfinite(value):
        raise ValueError(f"expected a finite number, got {value!r}")
    return value


def _structure_date(value: Any, _: Any) -> _dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {type(value).__name__}")
    return _dt.date.fromisoformat(value)


def _structure_period(value: Any, _: Any) -> Period:
    if not isinstance(value, str):
        raise TypeError(f"expected a period string, got {type(value).__name__}")
    return Period.parse(value)


def make_converter(units: dict[str, Unit] | None = None) -> cattrs.Converter:
    """A strict converter for govplan's model classes.

    With *units* given, a :class:`~govplan.Unit` inside another object is written as
    its id and read back by looking the id up in *units*; without it, units are written
    in full.

    >>> from govplan.model import Quantity
    >>> c = make_converter()
    >>> c.unstructure(Quantity(8, "%"))
    {'value': 8, 'unit': '%', 'upper': None}
    >>> c.structure({"value": "8", "unit": "%"}, Quantity)
    Traceback (most recent call last):
    ...
    cattrs.errors.ClassValidationError: While structuring Quantity (1 sub-exception)
    """
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(bool, _strict(bool, "a boolean"))
    conv.register_structure_hook(float, _structure_float)

    def structure_int(value: Any, _: Any) -> int:
        if type(value) is not int:
            raise TypeError(f"expected an integer, got {type(value).__name__} {value!r:.60}")
        if not -MAX_INT <= value <= MAX_INT:
            raise ValueError(f"integer out of range: {str(value)[:20]}…")
        return value

    conv.register_structure_hook(int, structure_int)
    # cattrs would iterate a string into a tuple of its characters; a sequence must be a JSON list.
    conv.register_structure_hook_func(_is_tuple, lambda value, cl: _structure_tuple(conv, value, cl))
    conv.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(_dt.date, _structure_date)
    conv.register_unstructure_hook(Period, str)
    conv.register_structure_hook(Period, _structure_period)
    if units is not None:
        conv.register_unstructure_hook(Unit, lambda u: u.id)

        def structure_unit_ref(value: Any, _: Any) -> Unit:
            if not isinstance(value, str):
                raise TypeError(f"expected a unit id, got {type(value).__name__}")
            try:
                return units[value]
            except KeyError:
                raise ValueError(f"unit id {value!r} is not in the units section") from None

        conv.register_structure_hook(Unit, structure_unit_ref)
    for cls in (Member, Post, Task, TaskForce):
        conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv))
        conv.register_structure_hook(cls, make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True))
    return conv


def dumps(graph: PlanGraph, *, indent: int | None = None) -> str:
    """The versioned JSON form of *graph*.

    >>> from govplan.model import Document
    >>> text = dumps(PlanGraph([Document("d1", title="通知")]))
    >>> loads(text) == PlanGraph([Document("d1", title="通知")])
    True
    """
    if not isinstance(graph, PlanGraph):
        raise InvalidArgumentError(f"dumps() takes a PlanGraph, got {type(graph).__name__}")
    full = make_converter()
    by_ref = make_converter(units={})
    data: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    for section, kind in _SECTIONS:
        conv = full if kind in (Unit, Document, Action, Plan) else by_ref
        data[section] = [conv.unstructure(obj) for obj in graph._by_kind[kind].values()]
    data["diagnostics"] = [full.unstructure(d) for d in graph.diagnostics()]
    data["coverage"] = [full.unstructure(c) for c in graph.coverage()]
    return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)


def loads(text: str | bytes) -> PlanGraph:
    """Read a graph from its JSON form.

    Raises :class:`~govplan.SchemaVersionError` for a format version this govplan
    does not know and :class:`~govplan.SerializationError` for anything malformed.
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SerializationError(f"saved graph is not UTF-8: {exc}") from None
    if not isinstance(text, str):
        raise SerializationError(f"loads() takes a str or bytes, got {type(text).__name__}")
    if len(text) > MAX_INPUT_CHARS:
        raise SerializationError(f"saved graph is larger than {MAX_INPUT_CHARS} characters")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise SerializationError(f"not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise SerializationError("a saved graph is a JSON object")
    if data.get("format") != FORMAT_NAME:
        raise SerializationError(f"not a govplan graph (format is {data.get('format')!r})")
    version = data.get("version")
    if type(version) is not int or version != FORMAT_VERSION:
        raise SchemaVersionError(f"unsupported govplan JSON version {version!r}; this govplan reads {FORMAT_VERSION}")
    known = {"format", "version", "diagnostics", "coverage", *(s for s, _ in _SECTIONS)}
    extra = set(data) - known
    if extra:
        raise SerializationError(f"unknown sections in saved graph: {', '.join(sorted(extra))}")
    try:
        return _build(data)
    except GovplanError as exc:
        if isinstance(exc, SerializationError):
            raise
        raise SerializationError(f"saved graph is inconsistent: {exc}") from None
    except (cattrs.BaseValidationError, TypeError, ValueError, KeyError, RecursionError) as exc:
        raise SerializationError(f"saved graph holds wrong values: {_describe(exc)}") from None


def _build(data: dict[str, Any]) -> PlanGraph:
    full = make_converter()
    sections = {}
    for section, _ in _SECTIONS + (("diagnostics", Diagnostic), ("coverage", FileCoverage)):
        items = data.get(section, [])
        if not isinstance(items, list):
            raise SerializationError(f"section {section!r} must be a list")
        sections[section] = items
    units = {u.id: u for u in full.structure(sections["units"], list[Unit])}
    by_ref = make_converter(units=units)
    graph = PlanGraph()
    for section, kind in _SECTIONS:
        conv = full if kind in (Unit, Document, Action, Plan) else by_ref
        graph.add_all(conv.structure(sections[section], list[kind]))  # type: ignore[valid-type]
    graph.add_diagnostics(full.structure(sections["diagnostics"], list[Diagnostic]))
    for coverage in full.structure(sections["coverage"], list[FileCoverage]):
        graph.add_coverage(coverage)
    return graph


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in a saved graph")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, cattrs.BaseValidationError):
        notes = cattrs.transform_error(exc, format_exception=lambda e, _t: f"{type(e).__name__}: {e}")
        return "; ".join(notes[:3]) + (f" (and {len(notes) - 3} more)" if len(notes) > 3 else "")
    return str(exc)[:300]
