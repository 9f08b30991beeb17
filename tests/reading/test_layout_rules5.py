"""Layouts from the fifth blind batch, in invented documents of the same style."""

from __future__ import annotations

from govplan.reading.documents import split_documents
from govplan.reading.lines import Line
from govplan.reading.reader import read_lines


def _lines(text: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(text.split("\n"))]


def _read(text: str):
    return read_lines(_lines(text), "t.txt")


NOTICE_PLAN = """青山区人民政府办公室文件

青山区人民政府办公室
关于开展2024年市容市貌
集中整治行动的通知
青政办函〔2024〕7号

各街道办事处，区直各单位：
　　经区政府研究，决定开展集中整治行动。现将有关事项通知如下：

一、重点任务
（一）占道整治。集中整治占道经营，7月底前完成。（责任单位：区城管局牵头，各街道办事处配合）
（二）道路修复。完成主干道修复。（责任单位：区住建局、区城管局）
"""


def test_wrapped_title_above_number_builds_the_notice_plan():
    [doc] = split_documents(_lines(NOTICE_PLAN))
    assert doc.title == "关于开展2024年市容市貌集中整治行动的通知"
    assert 5 in doc.header_lines
    graph = _read(NOTICE_PLAN)
    tasks = sorted(graph.tasks(), key=lambda t: t.source.line)
    assert len(tasks) == 2
    # a 责任单位 label whose units say their roles in words: the 牵头 unit leads
    assert [u.name for u in tasks[0].lead] == ["区城管局"]
    assert [u.name for u in tasks[0].support] == ["各街道办事处"]
    assert tasks[1].lead == ()


def test_annotated_items_without_a_plan_are_diagnosed():
    # the title never ends (no 通知/方案…), so no plan is built around the items
    text = NOTICE_PLAN.replace("集中整治行动的通知", "集中整治行动的若干事项")
    graph = _read(text)
    assert not list(graph.tasks())
    [d] = [d for d in graph.diagnostics() if d.code == "tasks-without-plan"]
    assert d.line == 12 and "2 numbered" in d.message


UNIT_FIRST = """白沙县2024年智慧城市建设实施方案

一、重点任务
　　1.县数据局：牵头建设城市运行平台，6月底前上线，县公安局、县城管局配合。
　　2.县住建局：负责推进老旧小区光纤改造。
"""


def test_unit_first_items_are_tasks():
    tasks = sorted(_read(UNIT_FIRST).tasks(), key=lambda t: t.source.line)
    assert [([u.name for u in t.lead], [u.name for u in t.support]) for t in tasks] == [
        (["县数据局"], ["县公安局", "县城管局"]),
        ([], ["县住建局"]),
    ]
    assert tasks[0].text.startswith("县数据局：牵头")
    assert tasks[0].deadline_text == "6月底前"


BARE_NUMBER = """白沙县人民政府办公室关于印发白沙县智慧城市
建设实施方案的通知
白政办〔2024〕12

各乡镇人民政府：
　　现印发给你们，请认真贯彻落实。

白沙县人民政府办公室
2024年3月5日

白沙县智慧城市建设实施方案
一、重点任务
（一）建设平台。建成城市运行平台。（牵头单位：县数据局）
"""


def test_document_number_without_hao_is_kept_as_printed():
    [doc] = split_documents(_lines(BARE_NUMBER))
    assert doc.doc_number == "白政办〔2024〕12"
    assert doc.kind == "plan_notice"
    assert [p.title for p in doc.plans] == ["白沙县智慧城市建设实施方案"]
