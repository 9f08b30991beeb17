"""The text query language: parsing, errors that point at the bad token, equivalence with the API."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplan import QuerySyntaxError
from govplan.query import FIELDS, parse
from tests.query.sample import sample_graph


def ids(q: object) -> list[str]:
    return [o.id for o in q]  # type: ignore[attr-defined]


def test_terms_values_negation_and_quotes() -> None:
    q = parse('lead:区发改局,区商务局  -due:none 　"营商 环境" text：“夜间, 经济” sort:-deadline limit:5')
    assert [(t.field, t.values, t.negated) for t in q.terms] == [
        ("lead", ("区发改局", "区商务局"), False), ("due", ("none",), True),
        ("text", ("营商 环境",), False), ("text", ("夜间, 经济",), False)]
    assert q.kind == "tasks" and q.order == ("-deadline",) and q.limit == 5
    assert parse("").terms == () and parse("   ").kind == "tasks"
    assert parse("牵头:区发改局 时限:2024-12").terms[1].field == "due"  # Chinese field names
    assert parse("find:目标 指标:社会消费品零售总额").kind == "targets"
    assert parse("FIND:taskforces").kind == "taskforces"


def test_positions_are_kept_for_every_term() -> None:
    text = "lead:区发改局 due:2024-12"
    q = parse(text)
    assert [t.position for t in q.terms] == [0, text.index("due")]
    assert q.terms[1].value_positions == (text.index("2024"),)


@pytest.mark.parametrize(("text", "message", "at"), [
    ("leed:区发改局", "unknown field 'leed' (did you mean lead?)", 0),
    ("lead:区发改局 colour:red", "unknown field 'colour'", 10),
    ("lead:", "lead: needs a value", 5),
    ("lead: 区发改局", "lead: needs a value", 5),
    ("due:2024-13", "due: '2024-13' is not a period", 4),
    ("lead:区发改局 before:明年", "before: '明年' is not a period", 17),
    ('text:"未完', "unterminated quote", 5),
    ('lead:a ""', "empty quotes", 7),
    ("lead:区发改局,", "a value must follow ','", 10),
    ("lead:a,,b", "empty value", 7),
    ("- lead:a", "'-' must be followed by a term", 0),
    (":区发改局", "a field name must come before ':'", 0),
    ('lead:a"b"', "expected a space after the value", 6),
    ("metric:消费", "metric: applies to targets, not tasks", 0),
    ("find:targets lead:区发改局", "lead: applies to tasks, not targets", 13),
    ("find:people", "find: is one of tasks, targets, taskforces", 5),
    ("find:tasks find:targets", "find: given twice", 11),
    ("limit:ten", "limit: takes a whole number", 6),
    ("-sort:deadline", "sort: cannot be negated", 0),
    ("sort:colour", "sort: tasks sort by source, deadline", 5),
    ("has:wings", "has: is one of targets", 4),
])
def test_errors_point_at_the_bad_token(text: str, message: str, at: int) -> None:
    with pytest.raises(QuerySyntaxError) as err:
        parse(text)
    assert message in str(err.value)
    assert err.value.position == at
    assert err.value.query == text


QUERIES = {
    "lead:区发改局 due:2024-12": lambda g: g.tasks().led_by("区发改局").due("2024-12"),
    "unit:区财政局 action:项目攻坚": lambda g: g.tasks().involving("区财政局").in_action("项目攻坚"),
    "support:区财政局,区发改局": lambda g: g.tasks().supported_by("区财政局", "区发改局"),
    "place:青山区 -due:none -due:ongoing": lambda g: g.tasks().in_jurisdiction("青山区").with_deadline(),
    "due:2024-06,2024-03": lambda g: g.tasks().due("2024-06") | g.tasks().due("2024-03"),
    "before:2024-07 sort:-deadline": lambda g: g.tasks().due_before("2024-07").order_by("-deadline"),
    "after:2024 overdue:2026-01-01": lambda g: g.tasks().due_after("2024").overdue("2026-01-01"),
    "by:2024-06 doc:青政办发〔2024〕3号": lambda g: g.tasks().due_by("2024-06").in_document("青政办发〔2024〕3号"),
    "项目 has:targets": lambda g: g.tasks().with_text("项目").with_targets(),
    "-has:parent plan:消费提振 limit:2": lambda g: g.tasks().in_plan("消费提振").top_level().limit(2),
    "due:any": lambda g: g.tasks().with_deadline(),
    "find:targets metric:社会消费品零售总额 place:白云县": lambda g: g.targets().metric("社会消费品零售总额").in_jurisdiction("白云县"),
    "find:targets due:2024-12 sort:-value": lambda g: g.targets().due("2024-12").order_by("-value"),
    "find:taskforces member:区财政局 office:区发改局": lambda g: g.taskforces().involving("区财政局", role="member")
    .involving("区发改局", role="office"),
    "find:taskforces unit:区商务局 消费": lambda g: g.taskforces().involving("区商务局").named("消费"),
}


@pytest.mark.parametrize("text", sorted(QUERIES))
def test_text_queries_equal_the_api(text: str) -> None:
    g = sample_graph()
    got, want = g.query(text), QUERIES[text](g)
    assert ids(got) == ids(want)
    assert got.kind is want.kind


def test_every_field_is_documented_and_parses(tmp_path: Path) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "query.md"
    text = docs.read_text(encoding="utf-8")
    for field in FIELDS:
        assert f"`{field.name}:`" in text, field.name
        kind = field.kinds[0]
        example = field.example if field.name in ("find", "sort", "limit") or kind == "tasks" else \
            f"find:{kind} {field.example}"
        parse(example)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list('lead:due,-"“”：， 　区发改局2024-12findtargets sort') + ["\n", "x"]), max_size=40))
def test_any_text_parses_or_raises_a_query_syntax_error(text: str) -> None:
    g = sample_graph()
    try:
        q = g.query(text)
    except QuerySyntaxError as exc:
        assert 0 <= exc.position <= len(text)
    else:
        assert len(q) >= 0


def test_parsing_is_linear_in_the_input() -> None:
    long_word = "区" * 1_000_000
    start = time.perf_counter()
    parse(f"text:{long_word} lead:{long_word}")
    with pytest.raises(QuerySyntaxError):
        parse('text:"' + long_word)
    parse(" ".join(["lead:区发改局"] * 50_000))
    with pytest.raises(QuerySyntaxError):
        parse('"' * 100_000)
    g = sample_graph()
    assert len(g.query(" ".join(["lead:区发改局", "-due:none"] * 5_000))) == 2  # applied once, not term by term
    assert time.perf_counter() - start < 5
