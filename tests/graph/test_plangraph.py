"""PlanGraph: consistency as objects are added, queries, and the networkx view."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings

from govplan import (
    DanglingReferenceError,
    Document,
    DocumentKind,
    DuplicateObjectError,
    EdgeKind,
    Period,
    Plan,
    PlanGraph,
    Reference,
    Task,
    Unit,
    UnknownUnitError,
)
from tests.strategies import graphs

FIN = Unit("u:fin", "区财政局", jurisdiction="甲区")
DEV = Unit("u:dev", "区发展改革局", jurisdiction="甲区", aliases=("区发展改革委",))


def small_graph() -> PlanGraph:
    g = PlanGraph()
    g.add(Document("doc:1", doc_number="甲政办发〔2024〕1号"))
    g.add(Plan("p1", "doc:1", "甲区实施方案", year=2024))
    g.add(Task("t1", "p1", text="推进项目", lead=[DEV], support=[FIN], deadline=Period.parse("2024-Q4")))
    g.add(Task("t2", "p1", text="筹措资金", lead=[FIN], deadline=Period.parse("2024-06")))
    g.add(Task("t3", "p1", text="长期任务", support=[DEV], deadline=Period.ongoing(), parent_id="t1"))
    return g


def test_dangling_reference_is_refused() -> None:
    g = PlanGraph()
    with pytest.raises(DanglingReferenceError, match="plan_id"):
        g.add(Task("t", "missing-plan"))
    assert len(g) == 0


def test_one_node_per_identity() -> None:
    g = small_graph()
    before = len(g)
    g.add(Task("t2", "p1", text="筹措资金", lead=[FIN], deadline=Period.parse("2024-06")))
    assert len(g) == before
    with pytest.raises(DuplicateObjectError):
        g.add(Task("t2", "p1", text="另一个任务"))
    with pytest.raises(DuplicateObjectError):
        g.add(Unit("u:fin", "区财政局", jurisdiction="乙县"))


def test_a_unit_met_again_gains_its_other_written_forms() -> None:
    g = small_graph()
    merged = g.add(Unit("u:fin", "财政局", jurisdiction="甲区", aliases=("区财政局",)))
    assert merged.name == "区财政局" and merged.aliases == ("财政局",)
    assert g.unit("财政局") is merged
    # Every object naming the unit now holds the merged value, so the graph stays one node per id.
    assert all(u is merged for t in g.tasks() for u in t.units if u.id == "u:fin")
    g.add(Task("t9", "p1", text="新任务", lead=[Unit("u:fin", "区财政局", jurisdiction="甲区")]))
    assert g["t9"].lead[0] is merged


def test_cited_document_is_upgraded_by_the_real_one() -> None:
    g = PlanGraph([Document("doc:x", doc_number="某政办发〔2023〕2号", kind=DocumentKind.CITED)])
    real = Document("doc:x", doc_number="某政办发〔2023〕2号", title="通知", kind=DocumentKind.PLAN_NOTICE)
    g.add(real)
    assert g["doc:x"] is real
    g.add(Document("doc:x", doc_number="某政办发〔2023〕2号", kind=DocumentKind.CITED))
    assert g["doc:x"] is real


def test_units_are_added_with_tasks_and_found_by_alias() -> None:
    g = small_graph()
    assert {u.name for u in g.units()} == {"区财政局", "区发展改革局"}
    assert [t.id for t in g.tasks(led_by="区发展改革委")] == ["t1"]
    assert [t.id for t in g.tasks(supported_by="区发展改革局")] == ["t3"]
    assert g.unit("区发展改革委") == DEV


def test_unknown_unit_suggests_close_names() -> None:
    g = small_graph()
    with pytest.raises(UnknownUnitError) as err:
        g.unit("区财攻局")
    assert "区财政局" in err.value.suggestions


def test_due_selects_periods_ending_in_the_month() -> None:
    g = small_graph()
    assert [t.id for t in g.tasks(due="2024-12")] == ["t1"]
    assert [t.id for t in g.tasks(due="2024")] == ["t2", "t1"] or [t.id for t in g.tasks(due="2024")] == ["t1", "t2"]
    assert [t.id for t in g.tasks(due="2024-H1")] == ["t2"]
    assert [t.id for t in g.tasks(due="ongoing")] == ["t3"]
    assert [t.id for t in g.tasks(led_by="区财政局", due="2024-12")] == []


def test_edges_are_typed_and_networkx_sees_them() -> None:
    g = small_graph()
    kinds = {(e.source, e.target): e.kind for e in g.edges()}
    assert kinds[("doc:1", "p1")] is EdgeKind.HAS_PLAN
    assert kinds[("t1", "t3")] is EdgeKind.HAS_SUBTASK
    assert kinds[("t1", "u:dev")] is EdgeKind.LEAD
    G = g.nx
    assert isinstance(G, nx.MultiDiGraph)
    assert nx.has_path(G, "doc:1", "u:fin")
    assert G.nodes["t1"]["obj"].text == "推进项目"
    assert G is g.nx  # cached while unchanged
    g.add(Task("t4", "p1", text="新任务", lead=[FIN]))
    assert "t4" in g.nx


def test_plan_implements_a_cited_document_once_it_is_known() -> None:
    g = PlanGraph([Document("doc:city", doc_number="市政办发〔2024〕5号", kind=DocumentKind.CITED),
                   Document("doc:district"),
                   Plan("p", "doc:district", "区方案", implements=[Reference("《市方案》", "市政办发〔2024〕5号")])])
    assert [(e.source, e.target) for e in g.edges(EdgeKind.IMPLEMENTS)] == [("p", "doc:city")]


@settings(max_examples=60, deadline=None)
@given(graphs())
def test_generated_graphs_are_consistent(g: PlanGraph) -> None:
    G = g.nx
    assert G.number_of_nodes() == len(g)
    for source, target in G.edges():
        assert source in g and target in g
    for task in g.tasks():
        for unit in task.lead:
            assert task in g.tasks(led_by=unit)
        if task.deadline is not None and not task.deadline.is_ongoing:
            assert task in g.tasks(due=task.deadline)


def _graph_with_units(*units: Unit) -> PlanGraph:
    g = PlanGraph([Document("d"), Plan("p", "d", "方案")])
    for n, unit in enumerate(units):
        g.add(Task(f"t{n}", "p", text="任务", lead=[unit]))
    return g


def test_a_part_of_a_merged_bureau_finds_the_bureau() -> None:
    merged = Unit("unit:甲区:区|发改+财政局", "区发改财政局", jurisdiction="甲区")
    g = _graph_with_units(merged)
    assert [t.id for t in g.tasks(led_by="区发改局")] == ["t0"]
    assert [t.id for t in g.tasks(led_by="区财政局")] == ["t0"]
    assert g.tasks(led_by="区教育局").ids() == []


def test_an_exact_unit_wins_over_a_merged_bureau() -> None:
    merged = Unit("unit:甲区:m", "区发改财政局", jurisdiction="甲区")
    finance = Unit("unit:甲区:f", "区财政局", jurisdiction="甲区")
    g = _graph_with_units(merged, finance)
    assert [t.id for t in g.tasks(led_by="区财政局")] == ["t1"]


def test_a_part_held_by_two_merged_bureaus_is_ambiguous() -> None:
    a = Unit("unit:甲区:a", "区文化旅游局", jurisdiction="甲区")
    b = Unit("unit:甲区:b", "区文化体育局", jurisdiction="甲区")
    other_place = Unit("unit:乙县:c", "县文化旅游局", jurisdiction="乙县")
    g = _graph_with_units(a, b, other_place)
    assert g.tasks(led_by="区文化局").ids() == []
    assert g.tasks(led_by="区旅游局").ids() == ["t0"]
