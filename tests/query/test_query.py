"""The composable query API: filters, answers, ordering, grouping, immutability."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from govplan import GovplanError, InvalidArgumentError, Period, PeriodParseError, Task
from govplan.query import TargetQuery, TaskForceQuery, TaskQuery
from tests.query.sample import BY_DEV, COM, DEV, FIN, IND, sample_graph


def ids(q: object) -> list[str]:
    return [o.id for o in q]  # type: ignore[attr-defined]


def test_keyword_forms_agree_with_the_chained_forms() -> None:
    g = sample_graph()
    assert ids(g.tasks(led_by="区发改局")) == ids(g.tasks().led_by("区发改局")) == ["t1", "t1.1", "t5"]
    assert ids(g.tasks(supported_by="区财政局")) == ids(g.tasks().supported_by("区财政局")) == ["t1", "t1.1", "t2", "t3"]
    assert ids(g.tasks(due="2024-12")) == ["t1", "t2", "b1"]  # 2024-Q4 ends in December
    assert ids(g.tasks(led_by="区发改局", due="2024-12")) == ids(g.tasks().led_by("区发改局").due("2024-12")) == ["t1"]
    assert ids(g.targets(due="2024-12")) == ["g1", "g2", "g3", "bg1"]
    assert ids(g.taskforces(unit="区财政局")) == ["tf1", "tf2"]
    assert isinstance(g.tasks(), TaskQuery) and isinstance(g.targets(), TargetQuery)
    assert isinstance(g.taskforces(), TaskForceQuery)


def test_a_unit_is_found_by_every_written_form_id_and_object() -> None:
    g = sample_graph()
    want = ["t1", "t1.1", "t5"]
    for spec in ("区发改局", "区发展改革局", " 区发展改革局 ", DEV, DEV.id):
        assert ids(g.tasks().led_by(spec)) == want, spec
    assert ids(g.tasks().led_by("区工信局")) == ids(g.tasks().led_by(IND)) == ["t2"]
    assert ids(g.tasks().led_by("区发改局", "区商务局")) == ["t1", "t1.1", "t3", "t4", "t5", "t6"]
    assert ids(g.tasks().led_by("没有这个局")) == []
    assert ids(g.tasks().led_by("县发改局")) == ["b1"]
    assert ids(g.tasks().led_by(DEV, jurisdiction="白云县")) == []
    assert ids(g.tasks().involving("区发改局")) == ["t1", "t1.1", "t2", "t4", "t5"]
    assert ids(g.tasks().with_unit("区财政局", roles=["lead"])) == ["t5"]


def test_jurisdiction_document_plan_and_action_scopes() -> None:
    g = sample_graph()
    assert ids(g.tasks().in_jurisdiction("白云县")) == ["b1", "b2"]
    assert ids(g.tasks().in_jurisdiction("白云")) == ["b1", "b2"]  # words of the name
    assert ids(g.tasks().in_document("青政办发〔2024〕3号")) == ["t1", "t1.1", "t2", "t3", "t4", "t5", "t6"]
    assert ids(g.tasks().in_document("doc:by")) == ids(g.tasks().in_document(g["doc:by"])) == ["b1", "b2"]
    assert ids(g.tasks().in_plan("消费提振行动实施方案")) == ["t3", "t4", "t6"]
    assert ids(g.tasks().in_plan(g["plan:qs"])) == ["t5"]
    # in an action: in the plan written for it, or naming it
    assert ids(g.tasks().in_action("项目攻坚")) == ["t1", "t1.1", "t2"]
    assert ids(g.targets().in_action("项目攻坚")) == ["g3"]
    assert ids(g.taskforces().in_action("消费提振")) == ["tf2"]
    assert ids(g.targets().in_jurisdiction("青山区")) == ["g1", "g2", "g3"]


def test_deadline_filters() -> None:
    g = sample_graph()
    assert ids(g.tasks().due("2024")) == ["t1", "t1.1", "t2", "t3", "b1", "b2"]
    assert ids(g.tasks().due("2024-H1")) == ["t1.1", "t3", "b2"]
    assert ids(g.tasks().due(dt.date(2024, 3, 31))) == ["t3"]
    assert ids(g.tasks().due("2024年12月底前")) == ["t1", "t2", "b1"]
    assert ids(g.tasks().due_before("2024-07")) == ["t1.1", "t3", "b2"]
    assert ids(g.tasks().due_by("2024-06")) == ["t1.1", "t3", "b2"]
    assert ids(g.tasks().due_after("2024")) == ["t6"]
    assert ids(g.tasks().due_between("2024-04", "2024-12")) == ["t1", "t1.1", "t2", "b1", "b2"]
    assert ids(g.tasks().overdue("2024-07-01")) == ["t1.1", "t3", "b2"]
    assert ids(g.tasks().overdue(dt.date(2099, 1, 1))) == ["t1", "t1.1", "t2", "t3", "t6", "b1", "b2"]
    assert ids(g.tasks().ongoing()) == ids(g.tasks().due("ongoing")) == ["t4"]
    assert ids(g.tasks().no_deadline()) == ["t5"]
    assert len(g.tasks().with_deadline()) == 7
    with pytest.raises(PeriodParseError):
        g.tasks().due("二〇二四年的某天")
    with pytest.raises(PeriodParseError):
        g.tasks().due_before("ongoing")


def test_text_targets_and_structure_filters() -> None:
    g = sample_graph()
    assert ids(g.tasks().with_text("项目")) == ["t1", "t1.1", "b1"]
    assert ids(g.tasks().with_targets()) == ["t1"]
    assert ids(g.tasks().top_level()) == ["t1", "t2", "t3", "t4", "t5", "t6", "b1", "b2"]
    assert ids(g.tasks().has("subtasks")) == ["t1"]
    assert ids(g.tasks().has("parent")) == ["t1.1"]
    assert ids(g.tasks().where(lambda t: len(t.support) >= 2)) == ["t1", "t2"]
    assert ids(g.targets().metric("社会消费品零售总额")) == ["g1", "bg1"]
    assert ids(g.targets().metric("消费品", exact=True)) == []
    assert ids(g.targets().for_task("t1")) == ["g3"]
    assert ids(g.taskforces().involving("区发改局", role="office")) == ["tf1"]
    assert ids(g.taskforces().involving("区商务局", role="convener")) == ["tf2"]
    assert ids(g.taskforces().involving("区发改局", role="deputy")) == ["tf1"]
    assert ids(g.taskforces().involving(FIN, role="member")) == ["tf1", "tf2"]
    assert ids(g.taskforces().named("消费")) == ["tf2"]
    with pytest.raises(ValueError, match="unknown property"):
        g.tasks().has("wings")


def test_answers_count_first_ids_and_membership() -> None:
    g = sample_graph()
    q = g.tasks().led_by("区商务局")
    assert len(q) == q.count() == 3 and q.exists() and bool(q)
    assert q.first() is g["t3"]
    assert q.ids() == ["t3", "t4", "t6"]
    assert q.all() == [g["t3"], g["t4"], g["t6"]]
    assert q == [g["t3"], g["t4"], g["t6"]]  # a query equals the list it selects
    assert q[0] is g["t3"] and q[-1] is g["t6"] and q[1:] == [g["t4"], g["t6"]]
    assert g["t4"] in q and g["t1"] not in q and "t4" not in q
    empty = g.tasks().led_by("没有这个局")
    assert len(empty) == 0 and empty.first() is None and not empty and not empty.exists()
    assert all(isinstance(t, Task) for t in g.tasks())


def test_ordering_limit_and_source_order() -> None:
    g = sample_graph()
    assert ids(g.tasks()) == ["t1", "t1.1", "t2", "t3", "t4", "t5", "t6", "b1", "b2"]
    # by deadline: coarser periods ending the same day first, ongoing after dated, none last
    assert ids(g.tasks().order_by("deadline")) == ["t3", "t1.1", "b2", "t2", "t1", "b1", "t6", "t4", "t5"]
    assert ids(g.tasks().order_by("-deadline"))[:2] == ["t4", "t6"]
    assert ids(g.tasks().order_by("-deadline"))[-1] == "t5"
    assert ids(g.tasks().order_by("deadline").order_by("source")) == ids(g.tasks())
    assert ids(g.tasks().order_by("-source")) == list(reversed(ids(g.tasks())))
    assert ids(g.targets().order_by("-value")) == ["g3", "g1", "bg1", "g2"]
    q = g.tasks().order_by("deadline").limit(2)
    assert ids(q) == ["t3", "t1.1"] and len(q) == 2 and q.first() is g["t3"]
    assert len(g.tasks().limit(0)) == 0 and g.tasks().limit(0).first() is None
    with pytest.raises(ValueError, match="cannot order"):
        g.tasks().order_by("colour")
    with pytest.raises(ValueError):
        g.tasks().limit(-1)


def test_grouping_and_counting() -> None:
    g = sample_graph()
    by_lead = g.tasks().in_jurisdiction("青山区").group_by("lead")
    assert [(u.name, [t.id for t in ts]) for u, ts in by_lead.items()] == [
        ("区发展改革局", ["t1", "t1.1", "t5"]), ("区工业和信息化局", ["t2"]),
        ("区商务局", ["t3", "t4", "t6"]), ("区财政局", ["t5"])]
    counts = g.tasks().in_jurisdiction("青山区").count_by("lead")
    assert [(u.name, n) for u, n in counts] == [
        ("区发展改革局", 3), ("区商务局", 3), ("区工业和信息化局", 1), ("区财政局", 1)]
    assert dict(g.tasks().count_by("month")) == {
        "2024-12": 3, "2024-06": 2, "2024-03": 1, "ongoing": 1, "none": 1, "2025-03": 1}
    assert {k.name if k else None: len(v) for k, v in g.tasks().group_by("action").items()} == {
        "项目攻坚行动": 3, "消费提振行动": 3, None: 3}
    assert set(g.tasks().group_by("jurisdiction")) == {"青山区", "白云县"}
    assert {k: len(v) for k, v in g.targets().group_by("metric").items()}["社会消费品零售总额"] == 2
    assert list(g.tasks().led_by("区发改局").group_by("unit"))[:2] == [DEV, FIN]
    with pytest.raises(ValueError, match="cannot group"):
        g.tasks().group_by("colour")


def test_combining_queries() -> None:
    g = sample_graph()
    dev, com = g.tasks().led_by("区发改局"), g.tasks().led_by("区商务局")
    assert ids(dev | com) == ["t1", "t1.1", "t3", "t4", "t5", "t6"]
    assert ids(dev & g.tasks().due("2024")) == ["t1", "t1.1"]
    assert ids(dev - g.tasks().no_deadline()) == ids(dev.exclude(g.tasks().no_deadline())) == ["t1", "t1.1"]
    other = sample_graph()
    with pytest.raises(ValueError, match="same graph"):
        list(dev - other.tasks())
    with pytest.raises(ValueError, match="same graph"):
        list(dev | g.targets())  # type: ignore[operator]


def test_queries_are_immutable_lazy_and_follow_the_graph() -> None:
    g = sample_graph()
    base = g.tasks()
    refined = base.led_by("区发改局")
    assert len(base) == 9 and len(refined) == 3  # refining made a new query
    with pytest.raises(AttributeError):
        base.filters = ()  # type: ignore[misc]
    q = g.tasks().led_by("区商务局")
    assert len(q) == 3
    g.add(Task("t7", "plan:qs:2", text="举办消费季活动", lead=[COM], deadline=Period.parse("2024-05")))
    assert len(q) == 4 and q.ids()[-1] == "t7"  # the cached answer is dropped when the graph changes
    assert pickle.loads(pickle.dumps(q)).ids() == q.ids()
    assert "TaskQuery" in repr(q) and "4 tasks" in repr(q)


def test_answers_cannot_modify_the_graph_indexes() -> None:
    g = sample_graph()
    got = g.tasks().led_by(DEV).all()
    got.clear()
    listed = list(g.tasks().due("2024-12"))
    listed.append(g["t4"])
    assert ids(g.tasks().led_by(DEV)) == ["t1", "t1.1", "t5"]
    assert ids(g.tasks().due("2024-12")) == ["t1", "t2", "b1"]
    assert ids(g.tasks().led_by(BY_DEV)) == ["b1"]


def test_bad_arguments_are_refused() -> None:
    g = sample_graph()
    with pytest.raises(TypeError):
        g.tasks().led_by()
    with pytest.raises(TypeError):
        g.tasks().led_by(42)  # type: ignore[arg-type]


def test_bad_arguments_raise_govplan_errors() -> None:
    g = sample_graph()
    for bad in (lambda: g.tasks().led_by(42), lambda: g.tasks().order_by("colour"),  # type: ignore[arg-type]
                lambda: g.tasks().limit(-1), lambda: g.tasks().has("wings"), lambda: g.add(object())):
        with pytest.raises(InvalidArgumentError) as info:
            bad()
        assert isinstance(info.value, GovplanError) and isinstance(info.value, ValueError)
