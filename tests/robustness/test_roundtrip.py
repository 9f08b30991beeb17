"""Plans generated from random model objects, damaged like real files, read back into those objects."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

import govplan
from govplan.reading.reader import read_lines
from govplan.reading.sniff import read_source_bytes
from tests.robustness.docgen import GeneratedDocument, mismatches, plan_documents


def read(doc: GeneratedDocument, name: str = "gen.txt") -> govplan.PlanGraph:
    source = read_source_bytes(doc.text.encode("utf-8"), name)
    return read_lines(source.lines, name)


def _check(doc: GeneratedDocument) -> None:
    graph = read(doc)
    problems = mismatches(graph, doc)
    assert not problems, "\n".join([*problems, "--- document ---", doc.text])
    coverage = graph.coverage()
    assert len(coverage) == 1 and coverage[0].nonblank == sum(1 for line in doc.lines if line.strip())
    # Every generated line is part of an object or boilerplate: nothing is left unexplained.
    assert coverage[0].unexplained == (), [doc.lines[n - 1] for n in coverage[0].unexplained]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_documents(damage=False))
def test_clean_documents_read_back(doc: GeneratedDocument) -> None:
    _check(doc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_documents())
def test_damaged_documents_read_back(doc: GeneratedDocument) -> None:
    """Broken lines, split names, mixed bracket widths and tab tables change nothing that was read."""
    _check(doc)


LABELLED_DEADLINES = """\
青山区2024年优化营商环境工作方案

一、工作目标

到2024年底，各项重点任务取得明显成效。

二、重点任务

（一）推进项目建设。开展专项检查。（责任单位：区财政局，上半年完成）

（二）加快配套设施。开展专项检查。（责任单位：区财政局、区商务局，9月底前完成）

（三）完善要素保障。开展专项检查。（牵头单位：区财政局；责任单位：区商务局，2024年6月底前完成）
"""


def test_completion_time_after_a_labelled_list() -> None:
    """Once missed by the reader (no task at all with one unit): kept as a regression test."""
    source = read_source_bytes(LABELLED_DEADLINES.encode(), "labelled.txt")
    graph = read_lines(source.lines, "labelled.txt")
    got = [(t.title, [u.name for u in t.lead], [u.name for u in t.support], str(t.deadline)) for t in graph.tasks()]
    assert got == [
        ("推进项目建设", [], ["区财政局"], "2024-H1"),
        ("加快配套设施", [], ["区财政局", "区商务局"], "2024-09"),
        ("完善要素保障", ["区财政局"], ["区商务局"], "2024-06"),
    ]
