"""Indexed answers equal a plain scan of the graph, on random graphs, as objects are added."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from govplan import (
    Action,
    Document,
    Period,
    Plan,
    PlanGraph,
    PlanKind,
    Post,
    Target,
    Task,
    TaskForce,
    Unit,
)
from govplan.graph.indexes import end_date, month_key
from govplan.units import canonical_key, clean_name
from tests.strategies import periods

PLACES = ["青山区", "白云区", "清河县"]
DEPTS = [("发展改革局", ("发改局",)), ("财政局", ()), ("商务局", ()), ("工业和信息化局", ("工信局",))]
METRICS = ["社会消费品零售总额", "地区生产总值", "全社会消费品零售总额增速"]


def near_periods() -> st.SearchStrategy[Period]:
    """Periods of 2023-2025 (so that deadlines collide), ongoing included."""
    return periods(years=st.integers(2023, 2025))


def unit(place: str, dept: int) -> Unit:
    name, aliases = DEPTS[dept]
    prefix = place[-1]
    return Unit(f"unit:{place}:{name}", prefix + name, jurisdiction=place,
                aliases=tuple(prefix + a for a in aliases))


@st.composite
def corpora(draw: Any) -> list[Any]:
    """Objects of a few documents in a few places, in an order PlanGraph.add accepts."""
    objects: list[Any] = []
    tasks: list[str] = []
    for d in range(draw(st.integers(1, 3))):
        place = draw(st.sampled_from(PLACES + [None]))
        doc = Document(f"doc:{d}", jurisdiction=place, doc_number=f"某政发〔2024〕{d}号")
        action = Action(f"act:{d}", draw(st.sampled_from(["项目攻坚行动", "消费提振行动"])), document_id=doc.id)
        plans = [Plan(f"plan:{d}:0", doc.id, "实施方案"),
                 Plan(f"plan:{d}:1", doc.id, "行动方案", kind=PlanKind.IMPLEMENTATION, action_id=action.id)]
        objects += [doc, action, *plans]
        pool = [unit(place or "青山区", i) for i in range(len(DEPTS))]
        for n in range(draw(st.integers(0, 8))):
            tid = f"task:{d}:{n}"
            objects.append(Task(
                tid, draw(st.sampled_from(plans)).id, text=draw(st.sampled_from(["推进项目", "优化营商环境", "发放消费券"])),
                lead=draw(st.lists(st.sampled_from(pool), max_size=2)),
                support=draw(st.lists(st.sampled_from(pool), max_size=3)),
                deadline=draw(st.none() | near_periods()),
                parent_id=draw(st.none() | st.sampled_from(tasks)) if tasks else None,
                action_id=draw(st.none() | st.just(action.id)),
            ))
            tasks.append(tid)
        for n in range(draw(st.integers(0, 3))):
            objects.append(Target(f"target:{d}:{n}", plans[n % 2].id, metric=draw(st.sampled_from(METRICS)),
                                  deadline=draw(st.none() | near_periods()),
                                  task_id=draw(st.none() | st.sampled_from(tasks)) if tasks else None))
        if draw(st.booleans()):
            objects.append(TaskForce(
                f"tf:{d}", plans[1].id, "工作专班", convener=Post("分管副区长", draw(st.none() | st.sampled_from(pool))),
                deputies=[Post("主要负责人", u) for u in draw(st.lists(st.sampled_from(pool), max_size=2))],
                members=draw(st.lists(st.sampled_from(pool), max_size=3)),
                office=draw(st.none() | st.sampled_from(pool)),
                action_id=action.id))
    return objects


# -- the scans every indexed answer is checked against --------------------------------------------
def scan_unit_ids(g: PlanGraph, name: str, place: str | None = None) -> set[str]:
    units = [u for u in g.units() if place is None or u.jurisdiction == place]
    exact = {u.id for u in units if clean_name(name) in {clean_name(n) for n in u.names}}
    return exact or {u.id for u in units if canonical_key(name) in {canonical_key(n) for n in u.names}}


def ids(objects: Any) -> list[str]:
    return [o.id for o in objects]


def plan_of(g: PlanGraph, obj: Any) -> Plan:
    return g[obj.plan_id]  # type: ignore[no-any-return]


def ends(obj: Any) -> dt.date | None:
    return None if obj.deadline is None else obj.deadline.end


def scan(g: PlanGraph, kind: type, pred: Any) -> list[str]:
    source = {Task: g.tasks(), Target: g.targets(), TaskForce: g.taskforces()}[kind]
    return [o.id for o in source if pred(o)]


@settings(max_examples=60, deadline=None)
@given(corpora(), st.data())
def test_unit_and_scope_filters_equal_a_scan(objects: list[Any], data: Any) -> None:
    g = PlanGraph(objects)
    names = sorted({n for u in g.units() for n in u.names} | {"区发展和改革局", "县发改局", "不存在局"})
    name = data.draw(st.sampled_from(names))
    place = data.draw(st.none() | st.sampled_from(PLACES))
    want = scan_unit_ids(g, name, place)
    assert {u.id for u in g.units_named(name, place)} == want
    assert ids(g.tasks().led_by(name, jurisdiction=place)) == scan(g, Task, lambda t: want & {u.id for u in t.lead})
    assert ids(g.tasks(supported_by=name)) == scan(
        g, Task, lambda t: scan_unit_ids(g, name) & {u.id for u in t.support})
    assert ids(g.tasks().involving(name, jurisdiction=place)) == scan(
        g, Task, lambda t: want & {u.id for u in t.units})
    for u in g.units():
        assert ids(g.tasks(led_by=u)) == scan(g, Task, lambda t: u in t.lead)
        assert len(g.tasks().led_by(u)) == len(scan(g, Task, lambda t: u in t.lead))
        assert ids(g.taskforces().involving(u)) == scan(g, TaskForce, lambda f: u in f.units)
        assert ids(g.taskforces().involving(u, role="member")) == scan(
            g, TaskForce, lambda f: u in [m.unit for m in f.members])
        assert ids(g.taskforces().involving(u, role="office")) == scan(g, TaskForce, lambda f: f.office == u)
        assert ids(g.taskforces().involving(u, role="convener")) == scan(
            g, TaskForce, lambda f: f.convener is not None and f.convener.unit == u)
    for plan in g.plans():
        assert ids(g.tasks().in_plan(plan.id)) == scan(g, Task, lambda t: t.plan_id == plan.id)
        assert ids(g.targets().in_plan(plan)) == scan(g, Target, lambda t: t.plan_id == plan.id)
    for doc in g.documents():
        assert ids(g.tasks().in_document(doc.id)) == scan(g, Task, lambda t: plan_of(g, t).document_id == doc.id)
    for action in g.actions():
        def in_action(o: Any) -> bool:
            return o.action_id == action.id or plan_of(g, o).action_id == action.id
        assert ids(g.tasks().in_action(action)) == scan(g, Task, in_action)
        assert ids(g.taskforces().in_action(action.id)) == scan(g, TaskForce, in_action)
    for place in PLACES:
        assert ids(g.tasks().in_jurisdiction(place)) == scan(
            g, Task, lambda t: g[plan_of(g, t).document_id].jurisdiction == place)
    assert ids(g.tasks().with_targets()) == scan(g, Task, lambda t: any(x.task_id == t.id for x in g.targets()))
    assert ids(g.tasks().has("subtasks")) == scan(g, Task, lambda t: any(x.parent_id == t.id for x in g.tasks()))
    assert ids(g.tasks().top_level()) == scan(g, Task, lambda t: t.parent_id is None)
    for metric in METRICS:
        assert ids(g.targets().metric(metric)) == scan(g, Target, lambda t: metric in t.metric)
        assert ids(g.targets().metric(metric, exact=True)) == scan(g, Target, lambda t: metric == t.metric)


@settings(max_examples=80, deadline=None)
@given(corpora(), near_periods(), st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 31)))
def test_deadline_filters_equal_a_scan(objects: list[Any], period: Period, day: dt.date) -> None:
    g = PlanGraph(objects)
    for kind, q in ((Task, g.tasks()), (Target, g.targets())):
        if period.is_ongoing:
            want = scan(g, kind, lambda o: o.deadline is not None and o.deadline.is_ongoing)
        else:
            want = scan(g, kind, lambda o: o.deadline is not None and o.deadline.ends_within(period))
        assert ids(q.due(period)) == want
        assert ids(q.due(str(period))) == want
        assert len(q.due(period)) == len(want)
        assert ids(q.due(day)) == scan(g, kind, lambda o: ends(o) == day)
        if not period.is_ongoing:
            assert ids(q.due_before(period)) == scan(g, kind, lambda o: (ends(o) or dt.date.max) < period.start)
            assert ids(q.due_after(period)) == scan(g, kind, lambda o: (ends(o) or dt.date.min) > period.end)
            assert ids(q.due_by(period)) == scan(g, kind, lambda o: (ends(o) or dt.date.max) <= period.end)
            assert len(q.due_by(period)) == len(ids(q.due_by(period)))
        assert ids(q.overdue(day)) == scan(g, kind, lambda o: (ends(o) or dt.date.max) < day)
        assert ids(q.no_deadline()) == scan(g, kind, lambda o: o.deadline is None)
        assert ids(q.ongoing()) == scan(g, kind, lambda o: o.deadline is not None and o.deadline.is_ongoing)
        assert ids(q.with_deadline()) == scan(g, kind, lambda o: ends(o) is not None)
    assert ids(g.tasks().has("deadline")) == scan(g, Task, lambda t: t.deadline is not None)


FILTERS = {
    "lead:区发改局": (lambda q: q.led_by("区发改局"), lambda g, t: bool(scan_unit_ids(g, "区发改局") & {u.id for u in t.lead})),
    "unit:区财政局": (lambda q: q.involving("区财政局"),
                   lambda g, t: bool(scan_unit_ids(g, "区财政局") & {u.id for u in t.units})),
    "due:2024": (lambda q: q.due("2024"),
                 lambda g, t: t.deadline is not None and t.deadline.ends_within(Period.of_year(2024))),
    "before:2024-07": (lambda q: q.due_before("2024-07"), lambda g, t: (ends(t) or dt.date.max) < dt.date(2024, 7, 1)),
    "place:青山区": (lambda q: q.in_jurisdiction("青山区"), lambda g, t: g[plan_of(g, t).document_id].jurisdiction == "青山区"),
    "action:产业": (lambda q: q.in_action("产业"), lambda g, t: any(
        a.name.startswith("产业") and a.id in (t.action_id, plan_of(g, t).action_id) for a in g.actions())),
    "text:项目": (lambda q: q.with_text("项目"), lambda g, t: "项目" in t.text),
    "has:targets": (lambda q: q.with_targets(), lambda g, t: any(x.task_id == t.id for x in g.targets())),
    "no deadline": (lambda q: q.no_deadline(), lambda g, t: t.deadline is None),
}


@settings(max_examples=80, deadline=None)
@given(corpora(), st.lists(st.sampled_from(sorted(FILTERS)), min_size=1, max_size=4),
       st.sampled_from(sorted(FILTERS)))
def test_chained_filters_negation_and_union_equal_a_scan(objects: list[Any], chain: list[str], other: str) -> None:
    g = PlanGraph(objects)
    q = g.tasks()
    for key in chain:
        q = FILTERS[key][0](q)

    def pred(t: Task) -> bool:
        return all(FILTERS[k][1](g, t) for k in chain)

    assert ids(q) == scan(g, Task, pred)
    assert len(q) == len(scan(g, Task, pred))
    o = FILTERS[other][0](g.tasks())
    assert ids(q - o) == scan(g, Task, lambda t: pred(t) and not FILTERS[other][1](g, t))
    assert ids(q | o) == scan(g, Task, lambda t: pred(t) or FILTERS[other][1](g, t))
    assert ids(q & o) == scan(g, Task, lambda t: pred(t) and FILTERS[other][1](g, t))
    for t in g.tasks():
        assert (t in q) == pred(t)


@settings(max_examples=40, deadline=None)
@given(corpora(), st.integers(0, 30))
def test_indexes_stay_consistent_as_objects_are_added(objects: list[Any], cut: int) -> None:
    g = PlanGraph(objects[:cut])
    queries = [g.tasks(), g.tasks().led_by("区发改局"), g.tasks().due("2024"), g.targets().due("2024-12"),
               g.taskforces().involving("区财政局"), g.tasks().in_jurisdiction("青山区")]
    before = [ids(q) for q in queries]  # answered, and cached, before the rest arrives
    assert before == [ids(q) for q in queries]
    g.add_all(objects[cut:])
    fresh = PlanGraph(objects)
    again = [g.tasks(), g.tasks().led_by("区发改局"), g.tasks().due("2024"), g.targets().due("2024-12"),
             g.taskforces().involving("区财政局"), g.tasks().in_jurisdiction("青山区")]
    for old, new in zip(queries, again):
        assert ids(old) == ids(new)
    assert [ids(q) for q in again] == [ids(q) for q in (
        fresh.tasks(), fresh.tasks().led_by("区发改局"), fresh.tasks().due("2024"), fresh.targets().due("2024-12"),
        fresh.taskforces().involving("区财政局"), fresh.tasks().in_jurisdiction("青山区"))]


@given(periods())
def test_month_key_and_end_date_agree_with_period(period: Period) -> None:
    key = month_key(period)
    if period.is_ongoing:
        assert key == "ongoing" and end_date(period) is None
    else:
        assert key == period.end_month
        assert end_date(period) == period.end


def test_union_merges_postings_and_plain_lists_into_source_order() -> None:
    import pickle

    from govplan.graph.indexes import Posting, Table
    from govplan.query.filters import union

    table: Table[Task] = Table()
    tasks = [Task(f"t{n}", "p") for n in range(100)]
    for t in tasks:
        table.append(t)

    def posting(ns: list[int]) -> Posting:
        p = Posting()
        for n in ns:
            p.append(tasks[n])
            p.ordinals.append(n)
        return p

    small = [posting([5, 40]), [tasks[3], tasks[40]], posting([90])]  # a few: sorted through a dict
    assert [t.id for t in union(small, table)] == ["t3", "t5", "t40", "t90"]
    large = [posting(list(range(0, 100, 2))), [tasks[n] for n in range(1, 100, 3)], posting(list(range(0, 30)))]
    want = sorted(set(range(0, 100, 2)) | set(range(1, 100, 3)) | set(range(30)))
    assert [t.id for t in union(large, table)] == [f"t{n}" for n in want]  # many: placed in slots
    assert union([], table) == () and union([posting([]), posting([7])], table) == [tasks[7]]
    again = pickle.loads(pickle.dumps(posting([1, 2])))
    assert isinstance(again, Posting) and [t.id for t in again] == ["t1", "t2"] and list(again.ordinals) == [1, 2]
