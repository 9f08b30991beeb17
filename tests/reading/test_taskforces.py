"""Task forces in 推进机制 / 组织实施 paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplan.reading.taskforces import TaskForceDraft, find_taskforces, post_unit

STANDARD = (
    "（一）加强组织领导。成立青山区实施招商引资行动工作专班，由区政府办协管副主任担任召集人，"
    "区商务局、区发改局主要负责同志任副召集人，成员单位有区财政局、区自然资源局、"
    "区委宣传部（区文明办、区政府新闻办）、各乡镇人民政府（街道办事处）、青山发展集团等，"
    "专班办公室设在区商务局，承担日常联络工作；成员单位要明确分管领导。"
)


def test_standard_paragraph() -> None:
    (tf,) = find_taskforces(STANDARD)
    assert tf.name == "招商引资行动工作专班"
    assert tf.convener == "区政府办协管副主任"
    assert tf.deputies == ("区商务局主要负责同志", "区发改局主要负责同志")
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
        "成立落实民生保障行动工作专班，由区政府办协管副主任为召集人，区人社局主要负责人为副召集人，"
        "区教育局、区民政局、区城管局和区残联等为成员单位，办公室设区人社局，负责日常调度。"
    )
    (tf,) = find_taskforces(text)
    assert tf.name == "民生保障行动工作专班"
    assert tf.members == ("区教育局", "区民政局", "区城管局", "区残联")
    assert tf.office == "区人社局"


def test_line_breaks_inside_names() -> None:
    text = "成立产业升级攻坚工作专班，由分管副市长任召\n\n集人，市工信局主要\n负责人任副召集人，成员单位有市财政局、市科\n技局等。"
    (tf,) = find_taskforces(text)
    assert tf.convener == "分管副市长"
    assert tf.deputies == ("市工信局主要负责人",)
    assert tf.members == ("市财政局", "市科技局")
    assert text[tf.start : tf.start + 2] == "成立" and text[tf.end : tf.end + 1] == "。"


def test_overall_task_force_with_commander_and_dispatcher() -> None:
    text = (
        "(一)健全工作机制。组建某某区推进\"五项工程\"总专班，由区委书记,区委副书记、区长担任总指挥,"
        "区委常委、常务副区长担任总调度,总专班办公室设于区政府办,区政府办分管副主任兼任专班办公室主任。"
        "5项工程各自组建工作专班,分管副区长任召集人,办公室设在区直牵头单位。"
    )
    (tf,) = find_taskforces(text)
    assert tf.name.endswith("总专班")
    assert tf.convener == "区委书记，区委副书记、区长"
    assert tf.deputies == ("区委常委、常务副区长",)
    assert tf.office == "区政府办"


def test_coordinating_group_and_joint_meeting() -> None:
    text = (
        "市政府常务副市长统筹，组建市推进“四大会战”综合协调组，由市政府办主要负责同志任组长，"
        "“四大会战”各自成立工作专班，市政府分管副市长任召集人，相关责任单位为成员。"
    )
    (tf,) = find_taskforces(text)
    assert (tf.name, tf.convener, tf.members) == ("市推进“四大会战”综合协调组", "市政府办主要负责同志", ())
    (jm,) = find_taskforces("县级层面组建由县管委会常务副县长总牵头的联席会议，每条战线均建立工作专班。")
    assert (jm.name, jm.convener) == ("联席会议", "县管委会常务副县长")


def test_members_as_their_leaders_and_split_deputy_groups() -> None:
    text = (
        "成立区推进平安建设行动工作专班，由分管副区长任召集人，区政府办联系副主任，区司法局、"
        "区民政局主要负责人，交警大队政委担任副召集人，区住建局、区交通局相关负责人为专班成员。"
    )
    (tf,) = find_taskforces(text)
    assert tf.deputies == ("区政府办联系副主任", "区司法局主要负责人", "区民政局主要负责人", "交警大队政委")
    assert tf.members == ("区住建局", "区交通局")


def test_named_only_bodies_are_not_task_forces() -> None:
    text = (
        "建立“链主+专班”推进机制。配合区防范非法集资领导小组开展工作。各责任单位相应成立工作专班，"
        "明确具体牵头负责人。组建专班实行全流程服务。"
    )
    assert find_taskforces(text) == []


def test_generic_name_takes_the_action() -> None:
    (tf,) = find_taskforces("成立工作专班，由常务副区长任召集人，成员单位包括区财政局、区商务局。", action="消费提振行动")
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
        "成立工作专班，由区政府常务副区长任召集人，区发改局主要负责人、分管副区长，"
        "区政府办协管副主任及区文旅广体局党组书记、局长任副召集人，成员单位包括区财政局、区商务局。"
    )
    (tf,) = find_taskforces(text)
    assert tf.name == "工作专班"  # described, so kept even with no action to name it
    assert tf.deputies == ("区发改局主要负责人", "分管副区长", "区政府办协管副主任", "区文旅广体局党组书记、局长")


def test_instruction_to_others_is_not_a_body() -> None:
    assert find_taskforces("相关单位要成立工作专班，主要负责同志任组长，抓好落实。") == []


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("区文旅广体局党组书记、局长", "区文旅广体局"),
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
    text = "成立工作专班，由区政府办分管政务服务党组成员任召集人，成员单位包括区财政局、区商务局。"
    (tf,) = find_taskforces(text)
    assert tf.convener == "区政府办分管政务服务党组成员"
    assert tf.members == ("区财政局", "区商务局")


def test_body_named_earlier_described_by_its_bare_noun() -> None:
    # No 成立: the body is mentioned (发挥…作用), then described with 领导小组 as subject.
    text = (
        "（一）强化组织领导。充分发挥青山区乡村振兴领导小组统筹作用，领导小组由区长任组长，"
        "常务副区长、分管副区长任副组长，区农业农村局、区财政局、各镇（街道）为成员单位，"
        "领导小组办公室设在区农业农村局。"
    )
    (tf,) = find_taskforces(text)
    assert tf.name == "青山区乡村振兴领导小组"
    assert (tf.convener, tf.deputies) == ("区长", ("常务副区长", "分管副区长"))
    assert tf.members == ("区农业农村局", "区财政局", "各镇（街道）")
    assert tf.office == "区农业农村局"
    assert text[tf.start : tf.start + 3] == "青山区"


def test_bare_noun_without_a_name_takes_the_action() -> None:
    (tf,) = find_taskforces("专班由区商务局局长任召集人，成员单位包括区财政局、区税务局。", action="消费提振行动")
    assert (tf.name, tf.convener, tf.members) == ("消费提振行动工作专班", "区商务局局长", ("区财政局", "区税务局"))
    # A bare noun after a distributive (各专班) or inside a name is not a subject.
    assert find_taskforces("各专班由分管副区长任召集人，成员单位包括区财政局。") == []


def test_convener_leads_and_the_list_shares_the_by() -> None:
    text = (
        "建立青山区文旅消费工作专班，专班由区政府分管副区长牵头，区文旅局、区商务局、区财政局和各街道办事处组成，"
        "专班办公室设在区文旅局。"
    )
    (tf,) = find_taskforces(text)
    assert (tf.name, tf.convener, tf.deputies) == ("青山区文旅消费工作专班", "区政府分管副区长", ())
    assert tf.members == ("区文旅局", "区商务局", "区财政局", "各街道办事处")
    assert tf.office == "区文旅局"


def test_led_by_alone_is_the_convener() -> None:
    (tf,) = find_taskforces("成立招商引资工作专班，由区政府常务副区长牵头，成员单位包括区商务局、区发改局。")
    assert tf.convener == "区政府常务副区长"
    assert tf.members == ("区商务局", "区发改局")


@pytest.mark.parametrize("trailer", ["分管负责同志", "主要负责同志", "相关负责人", "分管领导", "主要负责人"])
def test_member_post_trailers_are_dropped(trailer: str) -> None:
    text = f"成立工作专班，由县政府分管副县长任组长，成员由县应急局、县公安局、县自然资源局{trailer}组成。"
    (tf,) = find_taskforces(text)
    assert tf.members == ("县应急局", "县公安局", "县自然资源局")


def test_members_printed_as_posts_are_their_units() -> None:
    text = "成立工作专班，由分管副县长任组长，县统计局局长、县委组织部副部长、县城投公司副总经理为成员。"
    (tf,) = find_taskforces(text)
    assert tf.members == ("县统计局", "县委组织部", "县城投公司")


ROSTER = [
    "成立青山县优化营商环境工作领导小组，组成人员如下：",
    "组　长：周某某　县委副书记、县长",
    "副组长：吴某　县委常委、常务副县长",
    "　　　　欧阳某某　副县长",
    "成　员：郑某某　县政府办公室主任",
    "　　　　王某　县发展改革局局长",
    "　　　　冯某某　县委组织部副部长",
    "　　　　褚某某　县城投公司董事长",
    "领导小组办公室设在县发展改革局，王某同志兼任办公室主任，负责日常工作。",
]


@pytest.mark.parametrize("joint", ["\n", "", "\n　　"])
def test_roster_of_named_persons(joint: str) -> None:
    # One person a line, name then post; the reader may join the lines without a break.
    text = joint.join(ROSTER)
    (tf,) = find_taskforces(text)
    assert tf.name == "青山县优化营商环境工作领导小组"
    assert tf.convener == "县委副书记、县长"
    assert tf.deputies == ("县委常委、常务副县长", "副县长")
    assert tf.members == ("县政府办公室", "县发展改革局", "县委组织部", "县城投公司")
    assert tf.office == "县发展改革局"
    assert text[tf.start : tf.start + 2] == "成立" and tf.end > text.index("办公室设在")


def test_spaced_units_and_bare_posts_are_not_names() -> None:
    # 2-4 characters before a gap are a person's name only when they are neither a unit nor a post.
    (tf,) = find_taskforces("成立工作专班。组　长：区长　统筹调度；成　员：区财政局　区商务局、区发改局。")
    assert tf.convener is not None and tf.convener.startswith("区长")  # nothing dropped
    assert "".join(tf.members).startswith("区财政局区商务局") and tf.members[-1] == "区发改局"


def test_long_roster_line_is_fast() -> None:
    import time

    text = "成立工作专班。成员：" + "王某某　区财政局局长" * 20000 + "。"
    t0 = time.perf_counter()
    (tf,) = find_taskforces(text)
    assert time.perf_counter() - t0 < 5
    assert tf.members == ("区财政局",)


def test_a_post_after_a_collective_member_gives_the_collective() -> None:
    text = (
        "（一）加强组织领导。成立白石镇环境整治工作领导小组，由镇党委书记任组长，镇长任常务副组长，"
        "成员由镇党政综合办公室、镇经济发展办公室、镇财政所负责人及各村（社区）党组织书记组成。"
    )
    (tf,) = find_taskforces(text)
    assert tf.members == ("镇党政综合办公室", "镇经济发展办公室", "镇财政所", "各村（社区）")


@pytest.mark.parametrize(
    ("noun", "members_intro"),
    [("工作推进组", "成员单位为"), ("推进组", "成员单位包括"), ("专项小组", "成员单位："), ("工作专组", "成员单位为")],
)
def test_other_body_nouns_with_leader_and_members(noun: str, members_intro: str) -> None:
    # 推进组 / 小组 / 专组 bodies read like a 专班: 组长, 副组长, members, office.
    text = (
        f"（一）强化组织领导。成立青山区物流降本{noun}，由区政府分管副区长任组长，"
        f"区交通局局长、区商务局局长任副组长，{members_intro}区交通局、区商务局、区财政局。"
        f"{noun}办公室设在区交通局，负责日常调度。"
    )
    (tf,) = find_taskforces(text)
    assert tf.name == f"青山区物流降本{noun}"
    assert tf.convener == "区政府分管副区长"
    assert tf.deputies == ("区交通局局长", "区商务局局长")
    assert tf.members == ("区交通局", "区商务局", "区财政局")
    assert tf.office == "区交通局"


def test_promotion_group_only_named_is_not_a_taskforce() -> None:
    assert find_taskforces("各街道要相应成立工作推进组，抓好落实。") == []
