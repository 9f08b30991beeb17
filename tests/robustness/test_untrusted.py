"""Saved-graph JSON and query strings from untrusted sources: clear GovplanErrors, never code execution."""

from __future__ import annotations

import builtins
import json
import pickle
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govplan
from govplan import (
    Document,
    GovplanError,
    Plan,
    PlanGraph,
    QuerySyntaxError,
    SchemaVersionError,
    SerializationError,
    Task,
    Unit,
)
from govplan.query import parse


def _graph() -> PlanGraph:
    unit = Unit("unit:青山区:区财政局", "区财政局", jurisdiction="青山区", aliases=("区财政",))
    return PlanGraph([
        Document("doc:1", title="关于印发《青山区工作方案》的通知", doc_number="青政办发〔2024〕1号"),
        Plan("plan:1", "doc:1", "青山区工作方案", year=2024),
        unit,
        Task("task:1", "plan:1", text="推进改革。", path=("二", "（一）"), lead=(unit,),
             deadline=govplan.Period.parse("2024年6月")),
    ])


VALID = json.loads(govplan.dumps(_graph()))


def _with(path: tuple[Any, ...], value: Any) -> str:
    data = json.loads(json.dumps(VALID))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("[]", SerializationError, "a saved graph is a JSON object"),
        ('"govplan"', SerializationError, "JSON object"),
        ("{", SerializationError, "not valid JSON"),
        ('{"format": "other", "version": 1}', SerializationError, "not a govplan graph"),
        (_with(("version",), 2), SchemaVersionError, "unsupported govplan JSON version 2"),
        (_with(("version",), "1"), SchemaVersionError, "'1'"),
        (_with(("version",), True), SchemaVersionError, "True"),
        (_with(("version",), None), SchemaVersionError, "None"),
        (_with(("version",), 1.0), SchemaVersionError, "1.0"),
        ('{"format": "govplan", "version": 1e999}', SchemaVersionError, "inf"),
        ('{"format": "govplan", "version": NaN}', SerializationError, "NaN is not allowed"),
        ('{"format": "govplan", "version": ' + "9" * 5000 + "}", SerializationError, "not valid JSON"),
        (_with(("tasks",), {}), SerializationError, "section 'tasks' must be a list"),
        (_with(("tasks", 0, "id"), 1), SerializationError, "wrong values"),
        (_with(("tasks", 0, "path"), "二三"), SerializationError, "wrong values"),
        (_with(("tasks", 0, "deadline"), "2024-13"), SerializationError, "wrong values"),
        (_with(("tasks", 0, "lead"), ["unit:nowhere"]), SerializationError, "not in the units section"),
        (_with(("tasks", 0, "plan_id"), "plan:nowhere"), SerializationError, None),
        (_with(("documents", 0, "date"), "2024-02-30"), SerializationError, "wrong values"),
        (_with(("units", 0, "kind"), "government; import os"), SerializationError, "wrong values"),
        (_with(("tasks", 0, "__class__"), "os.system"), SerializationError, None),
        (_with(("py/object",), "subprocess.Popen"), SerializationError, "unknown sections"),
        (_with(("documents", 0, "title"), {"__reduce__": ["os.system", ["echo hacked"]]}), SerializationError, None),
    ],
)
def test_hostile_saved_graphs_give_clear_errors(text: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        govplan.loads(text)


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    for depth in (1_000, 100_000):
        with pytest.raises(SerializationError):
            govplan.loads("[" * depth + "]" * depth)
        with pytest.raises(SerializationError):
            govplan.loads(_with(("documents", 0, "title"), json.loads("[" * 500 + "]" * 500)))


def test_huge_numbers_in_values() -> None:
    for value in ("1e999", "-1e999", "1" + "0" * 5000, "2024.0"):
        text = json.dumps(VALID).replace('"year": 2024', f'"year": {value}')
        assert text != json.dumps(VALID)
        with pytest.raises(SerializationError):
            govplan.loads(text)


def test_absurd_integers_are_refused() -> None:
    with pytest.raises(SerializationError):
        govplan.loads(json.dumps(VALID).replace('"year": 2024', '"year": ' + "1" + "0" * 400))


def test_long_inputs_load_in_linear_time() -> None:
    long_title = "关于印发" * 250_000  # a 1M-character string value is valid, and fast
    start = time.perf_counter()
    graph = govplan.loads(_with(("documents", 0, "title"), long_title))
    assert graph["doc:1"].title == long_title
    assert time.perf_counter() - start < 5
    with pytest.raises(SerializationError):
        govplan.loads(" " * 2_000_000 + "[")


def test_loading_never_executes_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """No text from the file ever reaches eval, exec or pickle (cattrs compiles only its own code)."""
    payloads = ["__import__('os').system('echo hacked')", "os.system", "subprocess.Popen"]
    executed: list[str] = []
    real_eval, real_exec = builtins.eval, builtins.exec

    def watch(real: Any) -> Any:
        def run(source: Any, *args: Any, **kwargs: Any) -> Any:
            executed.append(str(source))
            return real(source, *args, **kwargs)
        return run

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("loads() unpickled data")

    monkeypatch.setattr(builtins, "eval", watch(real_eval))
    monkeypatch.setattr(builtins, "exec", watch(real_exec))
    monkeypatch.setattr(pickle, "loads", forbidden)
    loaded = govplan.loads(_with(("documents", 0, "title"), payloads[0]))
    assert loaded["doc:1"].title == payloads[0]  # kept as text, nothing more
    for text in [_with(("tasks", 0, "text"), {"py/reduce": [{"py/function": "os.system"}, ["echo"]]}),
                 _with(("units", 0, "kind"), "!!python/object/apply:subprocess.Popen")]:
        with pytest.raises(SerializationError):
            govplan.loads(text)
    assert not [code for code in executed if any(p in code for p in payloads)]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=15,
)
_PATHS = [("version",), ("documents",), ("documents", 0), ("documents", 0, "title"), ("documents", 0, "kind"),
          ("plans", 0, "year"), ("plans", 0, "implements"), ("units", 0, "aliases"), ("units", 0, "jurisdiction"),
          ("tasks", 0), ("tasks", 0, "lead"), ("tasks", 0, "mentions"), ("tasks", 0, "deadline"),
          ("tasks", 0, "source"), ("diagnostics",), ("coverage",), ("targets",)]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_PATHS), json_values)
def test_any_value_anywhere_loads_or_raises_serialization_error(path: tuple[Any, ...], value: Any) -> None:
    try:
        graph = govplan.loads(_with(path, value))
    except SerializationError:
        return
    assert govplan.loads(govplan.dumps(graph)) == graph


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=500) | st.text(max_size=500).map(str.encode))
def test_any_bytes_load_or_raise_serialization_error(data: bytes) -> None:
    try:
        govplan.loads(data)
    except SerializationError:
        pass


# --- query strings --------------------------------------------------------------------------------

QUERY_PIECES = ["lead:", "support:", "unit:", "due:", "action:", "find:", "sort:", "limit:", "place:", "metric:",
                "-", ",", " ", "　", "：", ":", "\"", "“", "”", "「", "」", "区财政局", "2024-12", "2024-Q4", "none",
                "ongoing", "tasks", "targets", "deadline", "-deadline", "20", "99999999999999999999", "\\", "\n", "\t"]
queries = st.lists(st.sampled_from(QUERY_PIECES) | st.text(max_size=3), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(queries)
def test_any_query_parses_or_raises_query_syntax_error(text: str) -> None:
    graph = _graph()
    try:
        parsed = parse(text)
    except QuerySyntaxError as exc:
        assert 0 <= exc.position <= len(text)
        return
    try:
        list(parsed.apply(graph))
    except GovplanError:
        pass


@pytest.mark.parametrize("bad", [None, 12, b"lead:x", ["lead:x"]])
def test_queries_must_be_text(bad: Any) -> None:
    with pytest.raises(QuerySyntaxError):
        parse(bad)


@pytest.mark.parametrize("unit", [
    "lead:区财政局 ", "“", "lead:\"a", "-", "lead:a,", "x" * 1000 + " ", "：:",
    '"',
])
def test_long_queries_are_linear(unit: str) -> None:
    def cost(n: int) -> float:
        text = unit * (n // len(unit))
        start = time.perf_counter()
        try:
            list(parse(text).apply(_graph()))
        except GovplanError:
            pass
        return time.perf_counter() - start

    small, large = min(cost(20_000) for _ in range(2)), min(cost(80_000) for _ in range(2))
    assert large < 8 * small + 0.1, (unit, small, large)


def test_query_through_the_graph_reports_position() -> None:
    with pytest.raises(QuerySyntaxError) as info:
        _graph().query("lead:区财政局 leed:区财政局")
    assert info.value.position == len("lead:区财政局 ")
    assert [t.id for t in _graph().query("lead:区财政局")] == ["task:1"]
    assert _graph().tasks(led_by="区财政局").ids() == ["task:1"]
