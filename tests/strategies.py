"""Hypothesis strategies shared by the test suite: valid model objects and whole graphs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from govplan import (
    Action,
    Baseline,
    ChangeKind,
    Diagnostic,
    Direction,
    Document,
    DocumentKind,
    FileCoverage,
    Member,
    Period,
    Plan,
    PlanGraph,
    PlanKind,
    Post,
    Quantity,
    Reference,
    Role,
    Severity,
    SourceSpan,
    Target,
    Task,
    TaskForce,
    Unit,
    UnitKind,
    UnitMention,
)

# Text in the documents' alphabet, plus awkward characters a JSON round trip must keep.
cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
awkward = st.sampled_from(list("（）()〔〕【】[]“”\"\\/、，。：；% \t\n\u3000"))
text = st.text(st.one_of(cjk, awkward, st.characters(codec="utf-8")), max_size=30)
names = st.text(cjk, min_size=2, max_size=8)
ids = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=12)
years = st.integers(1990, 2100)


@st.composite
def periods(draw: Any, years: st.SearchStrategy[int] = years) -> Period:
    """Any valid period, ongoing included; *years* narrows the years drawn."""
    year = draw(years)
    kind = draw(st.sampled_from(["year", "half", "quarter", "month", "day", "ongoing"]))
    if kind == "year":
        return Period.of_year(year)
    if kind == "half":
        return Period.of_half(year, draw(st.integers(1, 2)))
    if kind == "quarter":
        return Period.of_quarter(year, draw(st.integers(1, 4)))
    if kind == "month":
        return Period.of_month(year, draw(st.integers(1, 12)))
    if kind == "day":
        day = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        return Period.of_day(day.year, day.month, day.day)
    return Period.ongoing()


@st.composite
def spans(draw: Any) -> SourceSpan:
    line = draw(st.integers(1, 5000))
    return SourceSpan(draw(st.sampled_from(["a.txt", "路径/方案.txt"])), line, line + draw(st.integers(0, 8)))


optional_spans = st.none() | spans()
quantities = st.builds(
    Quantity,
    value=st.one_of(st.integers(-10**6, 10**6), st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False)),
    unit=st.sampled_from(["%", "亿元", "万户", "家", "个百分点", ""]),
    upper=st.none() | st.integers(0, 100),
)


def units(jurisdiction: str | None = None) -> st.SearchStrategy[Unit]:
    return st.builds(
        lambda n, j, aliases, kind: Unit(f"unit:{j}:{n}", n, jurisdiction=j, aliases=aliases, kind=kind),
        names,
        st.just(jurisdiction) if jurisdiction else st.sampled_from(["甲区", "乙县", "丙市"]),
        st.lists(names, max_size=3).map(tuple),
        st.sampled_from(list(UnitKind)),
    )


@st.composite
def graphs(draw: Any, max_tasks: int = 12) -> PlanGraph:
    """A consistent graph: documents, plans, actions, units, tasks with sub-tasks, targets, task forces."""
    g = PlanGraph()
    unit_pool = draw(st.lists(units(), min_size=1, max_size=8, unique_by=lambda u: u.id))
    doc = Document(
        "doc:1",
        title=draw(st.none() | text),
        doc_number=draw(st.none() | st.just("某政办发〔2024〕1号")),
        issuer=draw(st.none() | names),
        date=draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))),
        jurisdiction=draw(st.none() | names),
        kind=draw(st.sampled_from([k for k in DocumentKind if k is not DocumentKind.CITED])),
        source=draw(optional_spans),
    )
    g.add(doc)
    action = Action("action:1", draw(names), document_id=doc.id, source=draw(optional_spans))
    g.add(action)
    overall = Plan("plan:1", doc.id, draw(text), kind=PlanKind.OVERALL, year=draw(st.none() | years),
                   implements=draw(st.lists(st.builds(Reference, st.none() | text, st.none() | text), max_size=2)))
    g.add(overall)
    attachment = Plan("plan:2", doc.id, draw(text), kind=draw(st.sampled_from(list(PlanKind))),
                      attachment="附件1", action_id=action.id, parent_id=overall.id, source=draw(optional_spans))
    g.add(attachment)
    plan_ids = [overall.id, attachment.id]
    task_ids: list[str] = []
    for n in range(draw(st.integers(0, max_tasks))):
        lead = draw(st.lists(st.sampled_from(unit_pool), max_size=2, unique=True))
        support = draw(st.lists(st.sampled_from(unit_pool), max_size=3, unique=True))
        task = Task(
            f"task:{n}",
            draw(st.sampled_from(plan_ids)),
            text=draw(text),
            title=draw(st.none() | text),
            path=tuple(draw(st.lists(st.sampled_from(["一", "（一）", "1.", "(2)"]), max_size=3))),
            lead=lead,
            support=support,
            mentions=[UnitMention(u.name, Role.LEAD, u.id) for u in lead],
            responsibility=draw(st.none() | text),
            deadline=draw(st.none() | periods()),
            deadline_text=draw(st.none() | text),
            parent_id=draw(st.none() | st.sampled_from(task_ids)) if task_ids else None,
            action_id=draw(st.none() | st.just(action.id)),
            source=draw(optional_spans),
        )
        g.add(task)
        task_ids.append(task.id)
    for n in range(draw(st.integers(0, 4))):
        g.add(Target(
            f"target:{n}", draw(st.sampled_from(plan_ids)), metric=draw(names),
            change=draw(st.sampled_from(list(ChangeKind))), quantity=draw(st.none() | quantities),
            qualifier=draw(st.none() | st.sampled_from(["以上", "左右", "力争"])),
            direction=draw(st.sampled_from(list(Direction))),
            baseline=draw(st.none() | st.builds(Baseline, st.none() | years, st.none() | quantities, st.none() | text)),
            deadline=draw(st.none() | periods()), text=draw(text),
            task_id=draw(st.none() | st.sampled_from(task_ids)) if task_ids else None,
            source=draw(optional_spans),
        ))
    if draw(st.booleans()):
        g.add(TaskForce(
            "tf:1", attachment.id, draw(names) + "工作专班",
            convener=draw(st.none() | st.builds(Post, names, st.none() | st.sampled_from(unit_pool))),
            deputies=draw(st.lists(st.builds(Post, names, st.none() | st.sampled_from(unit_pool)), max_size=2)),
            members=[Member(draw(st.sampled_from(u.names)), u)
                     for u in draw(st.lists(st.sampled_from(unit_pool), max_size=4, unique=True))],
            office=draw(st.none() | st.sampled_from(unit_pool)),
            action_id=action.id, source=draw(optional_spans),
        ))
    g.add_diagnostics(draw(st.lists(st.builds(
        Diagnostic, st.just("a.txt"), st.integers(1, 99), st.sampled_from(["unread-annotation", "table-row-shape"]),
        text, st.sampled_from(list(Severity)), st.none() | text), max_size=3)))
    if draw(st.booleans()):
        g.add_coverage(FileCoverage("a.txt", 10, 6, 2, 1, (7,)))
    return g
