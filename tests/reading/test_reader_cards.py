"""Layouts from held-out batch 2 (invented text): Word-to-markdown residue, task cards with
labelled field lines, issuer and title printed above the number, 共同负责, and an item whose
parts each carry a time."""

from __future__ import annotations

from pathlib import Path

import govplan
from govplan.model import DocumentKind
from govplan.reading.annotations import find_annotations
from govplan.reading.bold import number_bold_items
from govplan.reading.lines import Line
from govplan.reading.structure import parse_marker
from govplan.reading.text import clean_line, paragraphs


def _load(tmp_path: Path, text: str) -> govplan.PlanGraph:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return govplan.load(path)


def _tasks(g: govplan.PlanGraph) -> dict[int, tuple[list[str], list[str], str | None]]:
    return {t.source.line: ([u.name for u in t.lead], [u.name for u in t.support],
                            str(t.deadline) if t.deadline else None) for t in g.tasks()}


# -- pandoc residue -----------------------------------------------------------------------------

def test_clean_line_drops_pandoc_anchors_spans_and_hard_breaks() -> None:
    assert clean_line("[]{#_Toc99 .anchor}**工作任务**") == "工作任务"
    assert clean_line("（[区城管局]{.underline}牵头）") == "（区城管局牵头）"
    assert clean_line("完善设施，\\") == "完善设施，"
    assert clean_line("见{.mark}附表") == "见附表"
    # a long run of markup characters stays linear and harmless
    assert len(clean_line("[" * 200_000 + "]{.x" * 1000)) > 0


_BOLD = """青山区2025年城乡环境整治实施方案

为改善城乡人居环境，结合我区实际，制定本方案。

[]{#_Toc001 .anchor}**主要目标**

到2025年底，新建口袋公园6个。

[]{#_Toc002 .anchor}**重点任务**

**整治背街小巷**

**清理乱堆乱放。**开展背街小巷集中清理，\\
9月底前完成全部点位整治。（[区城管局]{.underline}牵头，各街道办事处配合）

**规范门前秩序。**落实门前三包责任制。（区市场监管局、区城管局按职责分工负责）
"""


def test_bold_titles_without_numbers_are_tasks(tmp_path: Path) -> None:
    tasks = _tasks(_load(tmp_path, _BOLD))
    assert tasks[13] == (["区城管局"], ["各街道办事处"], "2025-09")
    assert tasks[16] == ([], ["区市场监管局", "区城管局"], None)
    assert sorted(tasks) == [13, 16]  # the bold group heading is no task of its own


def test_bold_numbering_leaves_numbered_and_lone_bold_alone() -> None:
    numbered = ["**一、重点任务**", "**（一）抓好春耕。**落实补贴。", "**（二）稳定价格。**加强监测。"]
    assert number_bold_items([Line(i + 1, t) for i, t in enumerate(numbered)]) == {}
    lone = ["**重点任务**", "**抓好春耕。**落实补贴。", "稳定价格。加强监测。"]
    assert number_bold_items([Line(i + 1, t) for i, t in enumerate(lone)]) == {}


# -- task cards ---------------------------------------------------------------------------------

_CARDS = """某某区2025年便民服务提升任务清单

一、任务清单

【便民服务】

任务1：推行就近办理
工作内容：推动高频事项向社区延伸，实现家门口办理，
全面推开。
牵头单位：区政务服务中心
责任单位：
完成时间：2025年6月底前

【窗口服务】

任务2：优化窗口服务
工作内容：推行综合窗口改革。
牵头单位：区数据局
责任单位：区人社局、区医保局
完成时间：2025年3月底前完成方案，10月底前全面推开
"""


def test_card_fields_end_at_their_lines(tmp_path: Path) -> None:
    tasks = _tasks(_load(tmp_path, _CARDS))
    assert tasks == {
        7: (["区政务服务中心"], [], "2025-06"),
        16: (["区数据局"], ["区人社局", "区医保局"], "2025-10"),
    }


def test_group_label_is_a_heading_not_part_of_the_card_before(tmp_path: Path) -> None:
    ends = {t.source.line: t.source.end_line for t in _load(tmp_path, _CARDS).tasks()}
    assert ends[7] == 12
    assert parse_marker("【窗口服务】").style == "group"
    assert parse_marker("【区发改局牵头】") is None


def test_card_field_lines_join_with_a_separator() -> None:
    rows = ["牵头单位：区数据局", "责任单位：", "完成时间：2025年6月", "", "【下一组】"]
    paras = paragraphs([Line(i + 1, t) for i, t in enumerate(rows)])
    assert [p.text for p in paras] == ["牵头单位：区数据局；责任单位：；完成时间：2025年6月", "【下一组】"]


# -- issuer and title above the number ----------------------------------------------------------

_TWO_DOCS = """青山区人民政府办公室
关于公布2025年河长名单的公告
青政办发〔2025〕1号

　　现将名单公布如下。

青山区人民政府办公室
2025年2月1日

青山区人民政府办公室
关于转发区水利局《青山区2025年水环境治理工作要点》的通知
青政办函〔2025〕9号

各街道办事处，区直各有关单位：
　　现转发给你们，请认真贯彻执行。

青山区人民政府办公室
2025年3月1日

青山区2025年水环境治理工作要点

一、重点工作
　　1.开展河道清淤。完成河道清淤20公里。（区水利局牵头，各街道办事处配合）
"""


def test_title_above_the_number_belongs_to_the_next_document(tmp_path: Path) -> None:
    g = _load(tmp_path, _TWO_DOCS)
    docs = {d.doc_number: d for d in g.documents()}
    second = docs["青政办函〔2025〕9号"]
    assert second.title == "关于转发区水利局《青山区2025年水环境治理工作要点》的通知"
    assert second.issuer == "青山区人民政府办公室"
    assert second.kind is DocumentKind.PLAN_NOTICE
    assert docs["青政办发〔2025〕1号"].title == "关于公布2025年河长名单的公告"
    assert _tasks(g) == {23: (["区水利局"], ["各街道办事处"], None)}


# -- 共同负责 and several times in one item ------------------------------------------------------

def test_jointly_responsible_units_are_support() -> None:
    found, _ = find_annotations("落实资助政策。由区财政局、区教育局共同负责。")
    assert [(a.lead, a.support) for a in found] == [((), ("区财政局", "区教育局"))]


_TWO_TIMES = """某某区2025年产业提升实施方案

一、重点任务
　　1.培育新材料产业。建成中试基地一期。（责任单位：区科技局；完成时限：2025年9月底）推动企业扩能改造。（责任单位：区工信局；完成时限：2025年6月底）
"""


def test_item_with_two_timed_annotations_takes_the_latest(tmp_path: Path) -> None:
    assert _tasks(_load(tmp_path, _TWO_TIMES)) == {4: ([], ["区科技局", "区工信局"], "2025-09")}
