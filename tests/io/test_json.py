"""The versioned JSON form: lossless round trips and strict, clear errors."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

import govplan
from govplan import Document, PlanGraph, SchemaVersionError, SerializationError
from govplan.io import make_converter
from govplan.model import Quantity, Task
from tests.strategies import graphs


@settings(max_examples=80, deadline=None)
@given(graphs())
def test_round_trip_is_lossless(g: PlanGraph) -> None:
    text = govplan.dumps(g)
    back = govplan.loads(text)
    assert back == g
    assert govplan.dumps(back) == text


def test_version_is_written_and_checked() -> None:
    data = json.loads(govplan.dumps(PlanGraph([Document("d")])))
    assert data["format"] == "govplan" and data["version"] == 1
    data["version"] = 99
    with pytest.raises(SchemaVersionError, match="99"):
        govplan.loads(json.dumps(data))


@pytest.mark.parametrize(
    "text",
    ["", "not json", "[]", '{"format": "other", "version": 1}', '{"format": "govplan"}',
     '{"format": "govplan", "version": "1"}', "[" * 100000 + "]" * 100000,
     '{"format": "govplan", "version": 1, "documents": [{"id": "d", "date": NaN}]}'],
)
def test_malformed_input_raises_serialization_error(text: str) -> None:
    with pytest.raises(SerializationError):
        govplan.loads(text)


def _doc_with(**fields: object) -> str:
    base = json.loads(govplan.dumps(PlanGraph([Document("d")])))
    base["documents"][0].update(fields)
    return json.dumps(base)


@pytest.mark.parametrize(
    "fields",
    [{"title": None, "doc_number": ["b", "c"]}, {"title": 5}, {"id": None}, {"kind": "nonsense"},
     {"date": "2024-13-01"}, {"unexpected": 1}, {"source": {"path": "a", "line": "3", "end_line": 3}},
     {"source": {"path": "a", "line": True, "end_line": 3}}],
)
def test_wrong_types_are_rejected_not_coerced(fields: dict[str, object]) -> None:
    with pytest.raises(SerializationError):
        govplan.loads(_doc_with(**fields))


def test_unknown_unit_reference_is_rejected() -> None:
    data = json.loads(govplan.dumps(PlanGraph([Document("d"), govplan.Plan("p", "d", "方案")])))
    data["tasks"] = [{"id": "t", "plan_id": "p", "lead": ["unit:nowhere"]}]
    with pytest.raises(SerializationError, match="unit"):
        govplan.loads(json.dumps(data))


def test_inconsistent_graph_is_a_serialization_error() -> None:
    data = json.loads(govplan.dumps(PlanGraph([Document("d")])))
    data["tasks"] = [{"id": "t", "plan_id": "no-such-plan"}]
    with pytest.raises(SerializationError, match="no-such-plan"):
        govplan.loads(json.dumps(data))


def test_huge_numbers_are_rejected() -> None:
    data = json.loads(govplan.dumps(PlanGraph([Document("d")])))
    text = json.dumps(data).replace('"version": 1', '"version": 1' + "0" * 5000)
    with pytest.raises(SerializationError):
        govplan.loads(text)


def test_converter_is_strict_about_strings() -> None:
    conv = make_converter()
    with pytest.raises(Exception):
        conv.structure({"id": "t", "plan_id": "p", "text": None}, Task)
    with pytest.raises(Exception):
        conv.structure({"value": True, "unit": "%"}, Quantity)
    assert conv.structure({"value": 8, "unit": "%"}, Quantity) == Quantity(8, "%")
