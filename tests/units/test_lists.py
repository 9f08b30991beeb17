"""Splitting annotation unit lists."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govplan.units import split_unit_list


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("区发改局、区财政局及各乡镇（街道、经开区）等按职责分工负责", ["区发改局", "区财政局", "各乡镇（街道、经开区）"]),
        ("青山区住建局，区城管局,区水利局以及区林业局等单位", ["青山区住建局", "区城管局", "区水利局", "区林业局"]),
        ("区城管局牵头，区财政局配合", ["区城管局", "区财政局"]),
        ("（区应急局负责）", ["区应急局"]),
        ("（区应急局牵头，区公安分局配合)", ["区应急局", "区公安分局"]),
        ("牵头单位：区商务局；责任单位：区财政局、各镇", ["区商务局", "区财政局", "各镇"]),
        ("牵头单位：；责任单位：区商务局", ["区商务局"]),
        ("区税务局、区医保局分别牵头负责", ["区税务局", "区医保局"]),
        ("区统计局等区直相关单位", ["区统计局", "区直相关单位"]),
        ("区统计局等相关单位", ["区统计局"]),
        ("区某某国有企业等有关部门", ["区某某国有企业"]),
        ("区中等职业学校负责", ["区中等职业学校"]),
        ("各区、县级市", ["各区、县级市"]),
        ("区“一网通办、一窗受理”工作专班负责", ["区“一网通办、一窗受理”工作专班"]),
        ('区"一网通办、一窗受理"工作专班、区财政局', ['区"一网通办、一窗受理"工作专班', "区财政局"]),
        ("区委宣传部（区文明办、区网信办）牵头", ["区委宣传部（区文明办、区网信办）"]),
        ("区安委会各成员单位及各镇", ["区安委会各成员单位", "各镇"]),
        ("", []),
        ("  ", []),
    ],
)
def test_examples(text: str, names: list[str]) -> None:
    assert split_unit_list(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 和 inside a department name never splits
        ("区住房和城乡建设局牵头", ["区住房和城乡建设局"]),
        ("区人力资源和社会保障局、区科技和工业信息化局", ["区人力资源和社会保障局", "区科技和工业信息化局"]),
        ("区教育和卫生健康局负责", ["区教育和卫生健康局"]),
        # 和 between two whole names does
        ("区林业局和青山经开区管委会", ["区林业局", "青山经开区管委会"]),
        ("各街道和东湖公务中心", ["各街道", "东湖公务中心"]),
        ("区住房和城乡建设局和区交通运输局", ["区住房和城乡建设局", "区交通运输局"]),
        ("区工商联与区妇联", ["区工商联", "区妇联"]),
    ],
)
def test_he_splits_only_between_whole_names(text: str, names: list[str]) -> None:
    assert split_unit_list(text) == names


def test_spaces_split_only_between_prefixed_whole_names() -> None:
    assert split_unit_list("区发改局 区财政局") == ["区发改局", "区财政局"]
    # other spaces are damage the resolver repairs: kept
    assert split_unit_list("区发改局 财政局、区 城管局") == ["区发改局 财政局", "区 城管局"]


def test_unbalanced_brackets_still_split() -> None:
    assert split_unit_list("区财政局（、区林业局") == ["区财政局（", "区林业局"]
    assert split_unit_list("区财政局）、区林业局") == ["区财政局）", "区林业局"]


def test_long_inputs_are_linear() -> None:
    import time

    start = time.process_time()
    split_unit_list("（" * 100_000 + "和" * 100_000 + "“" * 100_000)
    split_unit_list("区财政局" * 100_000)
    split_unit_list("区财政局和" * 50_000)
    assert time.process_time() - start < 5


# -- properties ------------------------------------------------------------------------------

_PREFIX = st.sampled_from(["区", "市", "县", "青山区", "区委"])
_BODY = st.sampled_from(
    ["财政局", "住房和城乡建设局", "发改局", "城管执法局", "农机事务中心", "宣传部", "科技和工业信息化局", "消防救援大队"]
)
_NAME = st.one_of(
    st.builds(lambda p, b: p + b, _PREFIX, _BODY),
    st.sampled_from(["各乡镇（街道）", "各镇（街道、园区）", "区直相关单位", "驻区金融机构", "东湖经开区"]),
)
_SEP = st.sampled_from(["、", "，", ",", "；", "及", "以及", "、\n"])
_ROLE = st.sampled_from(["", "牵头", "负责", "配合", "等按职责分工负责", "等单位", "等部门", "参与", "等按职能分工负责"])


@given(st.lists(_NAME, min_size=1, max_size=8), st.data())
def test_round_trip(names: list[str], data: st.DataObject) -> None:
    """Invented names joined by any separators, with role words after any of them, come back."""
    text = ""
    for i, name in enumerate(names):
        if i:
            text += data.draw(_SEP)
        text += name + data.draw(_ROLE)
    assert split_unit_list(text) == names


@given(st.text(max_size=60))
def test_never_invents_characters(text: str) -> None:
    """Every character of every name comes from the input (only words and separators go)."""
    for name in split_unit_list(text):
        assert name
        for ch in name:
            assert ch in text or ch == "、"
