"""Responsibility annotations in every form the genre uses (invented units)."""

from __future__ import annotations

import pytest

from govplan.reading.annotations import bracket_groups, find_annotations, looks_like_unit, parse_responsibility


def roles(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    found, _ = find_annotations(text)
    return [(a.lead, a.support) for a in found]


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("推进。[区工信局牵头，区科技局、区财政局等按职责分工负责]", ("区工信局",), ("区科技局", "区财政局")),
        ("推进。〔区科技局牵头，区人社局等按职责分工负责〕", ("区科技局",), ("区人社局",)),
        ("推进。（区商务局牵头，区交通局负责）", ("区商务局",), ("区交通局",)),
        ("推进。(区商务局牵头,区交通局负责)", ("区商务局",), ("区交通局",)),
        ("推进。【区妇联牵头】", ("区妇联",), ()),
        ("推进。（区工商联、区商务局牵头负责）", ("区工商联", "区商务局"), ()),
        ("推进。（市发改局、市商务局、市住建局分别牵头，市统计局等按职能分工负责）",
         ("市发改局", "市商务局", "市住建局"), ("市统计局",)),
        ("推进。（区水利局、区林业局按职责分工牵头，各镇（街道）配合）", ("区水利局", "区林业局"), ("各镇（街道）",)),
        ("推进。（区金融办、相关行业主管部门等负责）", (), ("区金融办", "相关行业主管部门")),
        ("推进。（区发改局牵头、区统计局、区税务局等按职责分工负责）", ("区发改局",), ("区统计局", "区税务局")),
        ("推进。（区民政局牵头，区税务局参与）", ("区民政局",), ("区税务局",)),
        ("推进。[区安委会牵头，各有关行业主管部门及各乡镇（街道、经开区）配合]",
         ("区安委会",), ("各有关行业主管部门", "各乡镇（街道、经开区）")),
        ("推进。（区委区政府督查室（区绩效办）牵头）", ("区委区政府督查室（区绩效办）",), ()),
        ("推进。（牵头单位：区商务局；配合单位：区财政局、区税务局）", ("区商务局",), ("区财政局", "区税务局")),
        ("推进。(牵头单位:区商务局;配合单位:区财政局)", ("区商务局",), ("区财政局",)),
        ("推进。（牵头部门：区教育局；配合部门：区财政局）", ("区教育局",), ("区财政局",)),
        ("推进。（主责单位：区水利局；协办单位：各镇）", ("区水利局",), ("各镇",)),
        ("推进。（责任单位：区发改局、区财政局，各街镇）", (), ("区发改局", "区财政局", "各街镇")),
        ("推进。（责任部门：区文旅局）", (), ("区文旅局",)),
        ("推进。（区财政局、区税务局、区人社局负责。列第一位者为牵头单位）", ("区财政局",), ("区税务局", "区人社局")),
    ],
)
def test_annotation_forms(text: str, lead: tuple[str, ...], support: tuple[str, ...]) -> None:
    assert roles(text) == [(lead, support)]


def test_several_annotations_each_read() -> None:
    text = "做好舆论引导。(区委宣传部负责)开展应急演练，提升防范能力。(区应急局、区防指相关成员单位负责)"
    assert roles(text) == [((), ("区委宣传部",)), ((), ("区应急局", "区防指相关成员单位"))]


def test_annotation_spanning_lines_and_a_repeated_character() -> None:
    first = "优化政务环境。[区发展改革局牵头，区住房城乡建设"
    text = first + "设局、区人社局等按职责分工负责]"
    found, _ = find_annotations(text, breaks=[len(first)])
    assert found[0].support == ("区住房城乡建设局", "区人社局")


@pytest.mark.parametrize(
    "text",
    [
        "某某省青山经济技术开发区（以下简称青山经开区）的部分权限。",
        "新建乡村道路安防设施56公里（含交通标线）。",
        "做好“一件事”（企业开办、不动产登记等）改革。",
        "各镇（街道）各部门要加强协作。",
        "对学校周边道路落实“两必设”措施（路段必设：限速标志、人行横道。路口必设：信号灯）。",
        "坚持“谁主管谁负责、谁审批谁监管”（谁签字谁担责）原则。",
        "由区政府牵头，各部门协同配合。",
    ],
)
def test_brackets_that_are_not_annotations(text: str) -> None:
    found, candidates = find_annotations(text)
    assert found == [] and candidates == []


def test_unit_list_without_role_is_a_candidate() -> None:
    found, candidates = find_annotations("完善基础设施。新建停车位500个。（区城管局、区住建局）")
    assert found == [] and [c.content for c in candidates] == ["区城管局、区住建局"]


def test_alias_in_brackets_is_no_candidate() -> None:
    _, candidates = find_annotations("由区委区政府督查室（区绩效办）会同相关单位督查。")
    assert candidates == []


def test_time_inside_an_annotation() -> None:
    [a], _ = find_annotations("推进。（区发改局牵头，区财政局配合，2024年6月底前完成）")
    assert a.lead == ("区发改局",) and a.support == ("区财政局",) and a.deadline_text == "2024年6月底前完成"
    [b], _ = find_annotations("推进。（牵头单位：区商务局；时间节点：长期坚持）")
    assert b.deadline_text == "长期坚持" and b.labelled


def test_unbracketed_labels_after_a_sentence() -> None:
    found, _ = find_annotations("扩大有效投资。牵头单位：县发改委；责任单位：县财政局、县统计局")
    assert [(a.lead, a.support) for a in found] == [(("县发改委",), ("县财政局", "县统计局"))]
    # a label in mid-sentence is prose
    assert find_annotations("明确责任单位：逐项落实")[0] == []


def test_bracket_groups_nest_and_survive_stray_brackets() -> None:
    assert bracket_groups("甲（乙（丙）丁）戊(己") == [(1, 7)]
    assert bracket_groups("甲）乙【丙)") == [(3, 5)]  # any closer matches any opener


def test_looks_like_unit() -> None:
    good = ["区工业和信息化局", "市生态环境局青山分局", "青山发展集团", "区妇联", "团区委", "各乡镇（街道）", "驻区金融机构",
            "区“一件事、一次办”改革工作专班成员单位", "国网某某供电公司", "区消防救援大队", "相关银行"]
    bad = ["谁主管谁", "街道", "2024年", "推进项目建设。完成", ""]
    assert all(looks_like_unit(n) for n in good)
    assert not any(looks_like_unit(n) for n in bad)


def test_parse_responsibility_none_without_role() -> None:
    assert parse_responsibility("区发改局、区财政局") is None


def test_long_line_is_linear() -> None:
    text = "（" * 50_000 + "区发改局牵头" + "）" * 50_000 + "推进。" * 100_000
    found, _ = find_annotations(text)
    assert len(found) <= 1


def test_label_lines_under_a_heading() -> None:
    heading = "（一）扩大有效投资"
    found, _ = find_annotations(heading + "责任单位：区发改局、区财政局", breaks=[len(heading)])
    assert [(a.lead, a.support) for a in found] == [((), ("区发改局", "区财政局"))]


def test_unbracketed_role_sentence_closing_an_item() -> None:
    text = "扩大有效投资。全年完成投资增长6%。区发改局牵头，区财政局、区统计局配合。"
    assert roles(text) == [(("区发改局",), ("区财政局", "区统计局"))]
    on_its_own_line = "促进消费。开展活动20场"
    found, _ = find_annotations(on_its_own_line + "区商务局负责", breaks=[len(on_its_own_line)])
    assert [(a.lead, a.support) for a in found] == [((), ("区商务局",))]


@pytest.mark.parametrize(
    "text",
    ["加强协调。完善区政府牵头、各部门协同配合的推进机制。", "由各专班牵头负责人统一调度。", "各部门要加强配合。"],
)
def test_prose_with_role_words_is_no_annotation(text: str) -> None:
    assert find_annotations(text) == ([], [])


def test_labelled_list_with_a_completion_time() -> None:
    [a], _ = find_annotations("开展专项检查。（责任单位：区财政局、区商务局，9月底前完成）")
    assert a.support == ("区财政局", "区商务局") and a.deadline_text == "9月底前完成"
