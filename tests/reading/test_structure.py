"""Numbering, levels and sections of a plan's items; paragraphs joined across page breaks."""

from __future__ import annotations

import pytest

from govplan.reading.lines import Line
from govplan.reading.structure import build_items, classify_section, cn_value, parse_marker
from govplan.reading.text import Paragraph, clean_line, is_page_residue, paragraphs


def paras(*texts: str) -> list[Paragraph]:
    return [Paragraph.of([(n, t)]) for n, t in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    ("text", "style", "printed", "value"),
    [
        ("一、主要目标", "cn", "一", 1),
        ("十二、其他", "cn", "十二", 12),
        ("（一）改造提升传统产业", "pcn", "（一）", 1),
        ("(二) 巩固延伸优势产业", "pcn", "(二)", 2),
        ("1. 装备制造产业。", "num", "1.", 1),
        ("10.完善城乡公共服务设施", "num", "10.", 10),
        ("2．培育链主企业", "num", "2．", 2),
        ("２．全角数字", "num", "２．", 2),
        ("3、 封闭卡口功能设置", "num", "3、", 3),
        ("（1）满足优质教育需求", "pnum", "（1）", 1),
        ("(21) 实施农村电网工程", "pnum", "(21)", 21),
        ("1）建立台账", "rnum", "1）", 1),
        ("②完成西片区改造", "circ", "②", 2),
        ("第二部分 重点任务", "named", "第二部分", None),
        ("二是提振家居消费。", "ord", "二是", 2),
    ],
)
def test_markers(text: str, style: str, printed: str, value: int | None) -> None:
    m = parse_marker(text)
    assert m is not None and (m.style, m.printed, m.value) == (style, printed, value)


@pytest.mark.parametrize("text", ["2024年计划完成改造", "5G基站建设", "是否加强领导", "（含标志标牌）", "二〇二四年"])
def test_not_markers(text: str) -> None:
    assert parse_marker(text) is None


def test_unnumbered_section_heading() -> None:
    m = parse_marker("工作任务")
    assert m is not None and m.style == "cn" and m.value is None and m.printed == ""


def test_levels_by_style_with_missing_level_and_run_on_numbers() -> None:
    tree = build_items(paras("一、工作任务", "（一）第一组", "1. 甲", "2. 乙", "（二）第二组", "3. 丙",
                             "（1）细项", "二、推进机制", "1. 机制"))
    got = [(i.path, i.section) for i in tree.walk()]
    assert got == [
        (("一",), "tasks"),
        (("一", "（一）"), "tasks"),
        (("一", "（一）", "1."), "tasks"),
        (("一", "（一）", "2."), "tasks"),
        (("一", "（二）"), "tasks"),
        (("一", "（二）", "3."), "tasks"),  # numbering runs on across groups
        (("一", "（二）", "3.", "（1）"), "tasks"),
        (("二",), "mechanism"),
        (("二", "1."), "mechanism"),  # a missing level: 1. directly under 二、
    ]
    assert tree.out_of_sequence == []


def test_arabic_with_comma_continues_the_top_level() -> None:
    tree = build_items(paras("一、封闭范围", "东至某路。", "二、实施时间", "自发布之日起。", "3、 卡口设置", "4、管理要求"))
    assert [i.path for i in tree.root.children] == [("一",), ("二",), ("3、",), ("4、",)]


def test_unnumbered_paragraphs_belong_to_the_open_item_and_preamble() -> None:
    tree = build_items(paras("为加快发展，制定本方案。", "一、工作目标", "新增企业5家。", "——产业加快发展。"))
    assert [p.text for p in tree.preamble] == ["为加快发展，制定本方案。"]
    [goal] = tree.root.children
    assert [p.text for p in goal.paragraphs] == ["一、工作目标", "新增企业5家。"]
    [dash] = goal.children  # a dash bullet is an item, invisible in paths
    assert dash.marker is not None and dash.marker.style == "dash" and dash.path == ("一",)
    assert dash.section == "goals"


def test_decimal_numbers_are_items_only_in_sequence() -> None:
    tree = build_items(paras("二、工作任务", "12.新增充电枪10根。", "13.8家医疗机构建设门诊。", "1.47万亩农田完成改造。"))
    items = list(tree.walk())
    assert [i.path for i in items] == [("二",), ("二", "12."), ("二", "13.")]
    assert items[-1].paragraphs[-1].text.startswith("1.47万亩")


def test_out_of_sequence_is_reported() -> None:
    tree = build_items(paras("一、目标", "二、任务", "（一）甲", "（三）丙"))
    assert [line for line, _ in tree.out_of_sequence] == [4]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [("主要目标", "goals"), ("攻坚目标", "goals"), ("重点任务", "tasks"), ("工作举措", "tasks"), ("攻坚重点", "tasks"),
     ("推进机制", "mechanism"), ("组织实施", "mechanism"), ("保障措施", "mechanism"), ("指导思想", "other"),
     ("大力实施项目攻坚行动，加快补齐基础设施短板", None)],
)
def test_sections(heading: str, kind: str | None) -> None:
    assert classify_section(heading) == kind


def test_cn_value() -> None:
    assert [cn_value(s) for s in ("一", "十", "十一", "二十", "二十三", "甲")] == [1, 10, 11, 20, 23, None]


def lines(*texts: str) -> list[Line]:
    return [Line(n, t) for n, t in enumerate(texts, start=1)]


def test_page_break_in_mid_sentence_is_joined() -> None:
    ps = paragraphs(lines("1. 加快推进项目建设，着力培育一批数字化示范车间和企业，支持", "", "企业技术改造。[区工信局牵头]", "",
                          "2. 下一项。"))
    assert [(p.first_line, p.last_line) for p in ps] == [(1, 3), (5, 5)]
    assert ps[0].line_at(ps[0].text.index("区工信局")) == 3


def test_titles_and_headings_are_not_joined() -> None:
    ps = paragraphs(lines("青山区实施方案", "", "为加快发展，制定本方案。", "（一）改造提升传统产业", "1. 装备制造。",
                          "5. 促进高质量充分就业", "城镇新增就业3800人。"))
    assert [p.text for p in ps] == ["青山区实施方案", "为加快发展，制定本方案。", "（一）改造提升传统产业", "1. 装备制造。",
                                    "5. 促进高质量充分就业", "城镇新增就业3800人。"]


def test_markup_and_residue() -> None:
    assert clean_line("1. **装备制造产业。**以龙头企业为引领") == "1. 装备制造产业。以龙头企业为引领"
    assert clean_line("[bookmark: _Hlk1593]8.实施工程。") == "8.实施工程。"
    assert clean_line("<p>(52) 探索设立机制。</p>") == "(52) 探索设立机制。"
    assert clean_line("&n") == "" and clean_line("sp;14.全面开展整顿。") == "14.全面开展整顿。"
    assert all(is_page_residue(t) for t in ("— 3 —", "- 12 -", "当前位置:首页 > 政策", "相关阅读:", "来源: 某区政府"))
    assert not is_page_residue("（三）来源可追溯。")
