"""Task forces in 推进机制 / 组织实施 paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplan.reading.taskforces import TaskForceDraft, find_taskforces, post_unit

STANDARD = (
    "（一）加强组织领导。成立青山区实施招商引资行动工作专班，由区政府办分管副主任任召集人，"
    "区商务局、区发展改革局主要负责人任副召集人，成员单位包括区财政局、区自然资源局、"
    "区委宣传部（区文明办、区政府新闻办）、各乡镇人民政府（街道办事处）、青山发展集团等，"
    "专班办公室设在区商务局，负责日常协调和调度工作；成员单位要明确分管领导。"
)


def test_standard_paragraph() -> None:
    (tf,) = find_taskforces(STANDARD)
    assert tf.name == "招商引资行动工作专班"
    assert tf.convener == "区政府办分管副主任"
    assert tf.deputies == ("区商务局主要负责人", "区发展改革局主要负责人")
    assert tf.members == (
        "区财政局",
        "区自然资源局",
        "区委宣传部（区文明办、区政府新闻办）",
        "各乡镇人民政府（街道办事处）",
        "青山发展集团",
    )
    assert tf.office == "区商务局"
    assert STANDARD[tf.start : tf.start + 2] == "成立"


def test_members_before_role_and_bare_office() -> None:
    text = (
        "成立落实民生保障行动工作专班，由区政府办分管副主任为召集人，区人社局主要负责人为副召集人，"
        "区教育局、区民政局、区城管局和区残联等为成员单位，办公室设区人社局，负责日常调度。"
    )
    (tf,) = find_taskforces(text)
    assert tf.name == "民生保障行动工作专班"
    assert tf.members == ("区教育局", "区民政局", "区城管局", "区残联")
    assert tf.office == "区人社局"


def test_line_breaks_inside_names() -> None:
    text = "成立产业升级攻坚工作专班，由市政府分管副市长任召\n\n集人，市工信局主要\n负责人任副召集人，成员单位包括市财政局、市科\n技局等。"
    (tf,) = find_taskforces(text)
    assert tf.convener == "市政府分管副市长"
    assert tf.deputies == ("市工信局主要负责人",)
    assert tf.members == ("市财政局", "市科技局")
    assert text[tf.start : tf.start + 2] == "成立" and text[tf.end : tf.end + 1] == "。"


def test_overall_task_force_with_commander_and_dispatcher() -> None:
    text = (
        "(一)强化组织领导。建立某某区实施\"六大行动\"总专班,由区委书记,区委副书记、区长任总指挥,"
        "区委常委、常务副区长任总调度,总专班办公室设在区政府办,区政府相关副主任任专班办公室主任。"
        "6个行动分别建立工作专班,区政府分管副区长任召集人,专班办公室设在区直牵头部门。"
    )
    (tf,) = find_taskforces(text)
    assert tf.name.endswith("总专班")
    assert tf.convener == "区委书记，区委副书记、区长"
    assert tf.deputies == ("区委常委、常务副区长",)
    assert tf.office == "区政府办"


def test_coordinating_group_and_joint_meeting() -> None:
    text = (
        "由市政府常务副市长总牵头，成立市实施“五大攻坚”综合协调组，由市政府办主任任组长，"
        "“五大攻坚”分别建立工作专班，由市政府分管副市长任召集人，相关责任单位为成员。"
    )
    (tf,) = find_taskforces(text)
    assert (tf.name, tf.convener, tf.members) == ("市实施“五大攻坚”综合协调组", "市政府办主任", ())
    (jm,) = find_taskforces("区级层面成立由区管委会常务副区长总牵头的联席会议，每个仗均建立工作专班。")
    assert (jm.name, jm.convener) == ("联席会议", "区管委会常务副区长")


def test_members_as_their_leaders_and_split_deputy_groups() -> None:
    text = (
        "成立区实施安全发展行动工作专班，由区政府分管副区长任召集人，区政府办跟线副主任，区应急局、"
        "区财政局主要负责人，公安分局政委担任副召集人，区发改局、区科工局相关负责人为专班成员。"
    )
    (tf,) = find_taskforces(text)
    assert tf.deputies == ("区政府办跟线副主任", "区应急局主要负责人", "区财政局主要负责人", "公安分局政委")
    assert tf.members == ("区发改局", "区科工局")


def test_named_only_bodies_are_not_task_forces() -> None:
    text = (
        "建立“链主+专班”推进机制。配合区防范非法集资领导小组开展工作。各牵头单位相应成立工作专班，"
        "明确具体牵头负责人。组建专班实行全流程服务。"
    )
    assert find_taskforces(text) == []


def test_generic_name_takes_the_action() -> None:
    (tf,) = find_taskforces("成立工作专班，由区政府分管副区长任召集人，成员单位包括区财政局、区商务局。", action="消费提振行动")
    assert tf.name == "消费提振行动工作专班"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("成立工作专班由区局任召集人副成员单位包括为办公室设在、，。（）“”等 \n")), max_size=80))
def test_never_raises_and_offsets_hold(text: str) -> None:
    for tf in find_taskforces(text, action="某某行动"):
        assert isinstance(tf, TaskForceDraft)
        assert 0 <= tf.start < tf.end <= len(text)
        assert tf.name and (tf.convener or tf.members)


def test_roles_written_before_the_name() -> None:
    text = (
        "成立由区长任组长，常务副区长、分管副区长任副组长，区发改局、区财政局、区商务局主要负责人为成员的"
        "某某区优化营商环境工作领导小组，领导小组办公室设在区发改局。"
    )
    (tf,) = find_taskforces(text)
    assert tf.name == "某某区优化营商环境工作领导小组"
    assert (tf.convener, tf.deputies) == ("区长", ("常务副区长", "分管副区长"))
    assert tf.members == ("区发改局", "区财政局", "区商务局")
    assert tf.office == "区发改局"


def test_passive_roles_and_office_director() -> None:
    text = (
        "区政府成立城市更新工作领导小组，组长由区长担任，副组长由分管副区长担任，成员为区住建局、区财政局、"
        "区城管局。领导小组下设办公室，办公室设在区住建局，办公室主任由区住建局局长兼任。"
    )
    (tf,) = find_taskforces(text)
    assert (tf.name, tf.convener, tf.deputies) == ("城市更新工作领导小组", "区长", ("分管副区长",))
    assert tf.members == ("区住建局", "区财政局", "区城管局")
    assert tf.office == "区住建局"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text_never_raises(text: str) -> None:
    for tf in find_taskforces(text):
        assert 0 <= tf.start < tf.end <= len(text)


def test_leading_group_with_labelled_roles() -> None:
    text = (
        "（一）加强组织领导。成立青山县乡村振兴工作领导小组。组长：县委副书记、县长；副组长：县委常委、副县长，"
        "分管副县长；成员：县农业农村局、县财政局、县水利局主要负责人。领导小组办公室设在县农业农村局。"
    )
    (tf,) = find_taskforces(text)
    assert tf.name == "青山县乡村振兴工作领导小组"
    assert tf.convener == "县委副书记、县长"
    assert tf.deputies == ("县委常委、副县长", "分管副县长")
    assert tf.members == ("县农业农村局", "县财政局", "县水利局")
    assert tf.office == "县农业农村局"


def test_headquarters_with_commander() -> None:
    text = (
        "成立某某区城市更新项目建设指挥部，由区委副书记、区长任指挥长，区委常委、常务副区长任常务副指挥长，"
        "区住建局党组书记、局长任副指挥长，成员单位：区住建局、区自然资源局、区城管局。指挥部办公室设在区住建局。"
    )
    (tf,) = find_taskforces(text)
    assert (tf.name, tf.convener) == ("某某区城市更新项目建设指挥部", "区委副书记、区长")
    assert tf.deputies == ("区委常委、常务副区长", "区住建局党组书记、局长")
    assert tf.members == ("区住建局", "区自然资源局", "区城管局")


def test_members_composed_by_and_head_of_task_force() -> None:
    text = "组建招商引资工作专班，专班由区商务局、区发改局、区财政局等单位组成，区商务局局长任专班负责人。"
    (tf,) = find_taskforces(text)
    assert tf.members == ("区商务局", "区发改局", "区财政局")
    assert tf.convener == "区商务局局长"


def test_office_director_is_not_the_convener() -> None:
    text = (
        "成立优化营商环境工作领导小组，区长任组长，成员由区发展改革局、区行政审批局主要负责同志组成。"
        "领导小组办公室设在区发展改革局，区发展改革局主要负责同志兼任办公室主任。"
    )
    (tf,) = find_taskforces(text)
    assert (tf.convener, tf.office) == ("区长", "区发展改革局")
    assert tf.members == ("区发展改革局", "区行政审批局")


def test_deputies_split_into_persons() -> None:
    text = (
        "成立工作专班，由区政府分管副区长任召集人，区发改局主要负责人、分管副区长，"
        "区政府办协管副主任及区科工信局党组书记、局长任副召集人，成员单位包括区财政局、区商务局。"
    )
    (tf,) = find_taskforces(text)
    assert tf.name == "工作专班"  # described, so kept even with no action to name it
    assert tf.deputies == ("区发改局主要负责人", "分管副区长", "区政府办协管副主任", "区科工信局党组书记、局长")


def test_instruction_to_others_is_not_a_body() -> None:
    assert find_taskforces("相关单位要成立工作专班，主要负责同志任组长，抓好落实。") == []


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("区科工信局党组书记、局长", "区科工信局"),
        ("区委书记，区委副书记、区长", "区委"),
        ("区委常委、常务副区长", "区委"),
        ("区政府相关副主任", "区政府"),
        ("区委办公室（区优化办）主任", "区委办公室（区优化办）"),
        ("区人民法院院长", "区人民法院"),
        ("常务副区长", None),
        ("", None),
    ],
)
def test_post_unit(label: str, unit: str | None) -> None:
    assert post_unit(label) == unit


@pytest.mark.parametrize("joint", ["\n", ""])
def test_one_role_per_line(joint: str) -> None:
    # Labelled lines, with their line breaks or joined as a paragraph without them.
    lines = [
        "成立青山县营商环境攻坚领导小组。",
        "组长：县委副书记、县长",
        "副组长：县委常委、常务副县长，分管副县长",
        "成员：县发改局、县财政局、县市场监管局主要负责人",
        "领导小组办公室设在县发改局，县发改局主要负责同志兼任办公室主任。",
    ]
    text = joint.join(lines)
    (tf,) = find_taskforces(text)
    assert tf.convener == "县委副书记、县长"
    assert tf.deputies == ("县委常委、常务副县长", "分管副县长")
    assert tf.members == ("县发改局", "县财政局", "县市场监管局")
    assert tf.office == "县发改局"
    assert text[tf.start : tf.start + 2] == "成立" and tf.end > text.index("办公室设在")


def test_party_group_member_is_a_post_not_a_composition() -> None:
    text = "成立工作专班，由区政府办分管营商环境党组成员任召集人，成员单位包括区财政局、区商务局。"
    (tf,) = find_taskforces(text)
    assert tf.convener == "区政府办分管营商环境党组成员"
    assert tf.members == ("区财政局", "区商务局")
