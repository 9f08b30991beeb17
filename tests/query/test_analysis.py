"""Questions across plans: one metric everywhere, busiest units, the plans implementing a document."""

from __future__ import annotations

import pytest

from govplan import Document, Plan, Reference, Role, Task
from govplan.query import compare_targets, implementing, rank_units
from tests.query.sample import CITY_NO, COM, DEV, sample_graph


def test_compare_one_metric_across_jurisdictions() -> None:
    g = sample_graph()
    rows = compare_targets(g, "社会消费品零售总额")
    assert [(r["jurisdiction"], r["value"], r["qualifier"]) for r in rows] == [("白云县", 7.5, None), ("青山区", 8, "以上")]
    assert rows[1]["document"] == "青政办发〔2024〕3号" and rows[1]["deadline"] == "2024"
    assert compare_targets(g, "消费品", exact=True) == []
    assert [r["id"] for r in compare_targets(g, "消费品")] == ["bg1", "g1"]


def test_rank_units_by_tasks_led_supported_or_either() -> None:
    g = sample_graph()
    lead = rank_units(g, "lead")
    assert [(u.name, n) for u, n in lead[:2]] == [("区发展改革局", 3), ("区商务局", 3)]
    assert rank_units(g, Role.SUPPORT, top=1) == [(g.unit("区财政局"), 4)]
    any_role = dict(rank_units(g, "any"))
    assert any_role[DEV] == len(g.tasks().involving(DEV)) == 5
    assert any_role[COM] == len(g.tasks().involving(COM))
    assert [u.jurisdiction for u, _ in rank_units(g, "lead", jurisdiction="白云县")] == ["白云县", "白云县"]
    with pytest.raises(ValueError):
        rank_units(g, "member")


def test_plans_implementing_a_document_by_number_title_or_object() -> None:
    g = sample_graph()
    assert [p.id for p in implementing(g, CITY_NO)] == ["plan:qs", "plan:by"]
    assert [p.id for p in implementing(g, g["doc:city"])] == ["plan:qs", "plan:by"]
    assert [p.id for p in implementing(g, "doc:city")] == ["plan:qs", "plan:by"]
    assert [p.id for p in implementing(g, "某市高质量发展总体方案")] == ["plan:qs", "plan:by"]  # words of the title
    assert implementing(g, "青政办发〔2024〕3号") == []
    # a document known only by its citation
    assert [p.id for p in implementing(g, "某政办发〔2024〕5号")] == ["plan:qs", "plan:by"]
    assert implementing(g, "省政办发〔2023〕1号") == []


def test_the_cascade_is_followed_when_asked() -> None:
    g = sample_graph()
    g.add_all([
        Document("doc:town", title="某镇落实方案", jurisdiction="青山区某镇"),
        Plan("plan:town", "doc:town", "某镇落实方案", implements=[Reference(doc_number="青政办发〔2024〕3号")]),
        Task("town1", "plan:town", text="落实区级任务"),
    ])
    assert [p.id for p in implementing(g, CITY_NO)] == ["plan:qs", "plan:by"]
    assert [p.id for p in implementing(g, CITY_NO, transitive=True)] == ["plan:qs", "plan:by", "plan:town"]
    # the plan's own title, cited instead of the document number, works too
    g.add_all([Document("doc:v"), Plan("plan:v", "doc:v", "某村方案",
                                       implements=[Reference(title="《青山区经济高质量发展行动方案》")])])
    assert [p.id for p in implementing(g, "doc:qs")] == ["plan:town", "plan:v"]
