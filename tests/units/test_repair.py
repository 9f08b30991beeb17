"""Repairing damaged unit names."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govplan.units import join_spaced
from govplan.units.repair import one_edit_apart, quality, repeat_candidates


def test_join_a_word_broken_by_a_space() -> None:
    assert join_spaced("区 城管局") == "区城管局"
    assert join_spaced("区科技 工信局") == "区科技工信局"
    assert join_spaced("区住房城乡建设 设局") == "区住房城乡建设设局"  # the repeat is repaired later


def test_join_a_merged_bureau_broken_in_a_table_cell() -> None:
    assert join_spaced("区发改局 财政局") == "区发改财政局"
    assert join_spaced("区民政局 人社局") == "区民政人社局"


def test_join_prefers_what_the_document_prints() -> None:
    printed = {"区委宣传统战部（工商联）"}
    assert join_spaced("区委宣传部 统战部 (工商联)", printed.__contains__) == "区委宣传统战部（工商联）"
    printed = {"区林业局财政股"}
    assert join_spaced("区林业局 财政股", printed.__contains__) == "区林业局财政股"


def test_join_keeps_a_sub_office_after_its_unit() -> None:
    assert join_spaced("市公安局 青山分局") == "市公安局青山分局"
    assert join_spaced("区发改财政局 (金融办)") == "区发改财政局（金融办）"


def test_join_a_prefix_alone() -> None:
    assert join_spaced("区委 宣传部") == "区委宣传部"
    assert join_spaced("  ") == ""


def test_repeat_candidates() -> None:
    assert "区住房城乡建设局" in repeat_candidates("区住房城乡建设设局")
    assert "区教育局" in repeat_candidates("区教育局局")
    assert "区委宣传统战部" in repeat_candidates("区委宣传传统战部")
    assert "区住房和城乡建设局" in repeat_candidates("区住房和城乡建设局建设局")
    assert repeat_candidates("区财政局") == []


def test_quality() -> None:
    assert quality("区财政局") == 2
    assert quality("市公安局青山分局") == 1
    assert quality("区某某事务中心") == 0


def test_one_edit_apart() -> None:
    assert one_edit_apart("区域管执法局", "区城管执法局") == 1
    assert one_edit_apart("市文旅广局", "市文旅广电局") == 4
    assert one_edit_apart("市文旅广电局", "市文旅广局") == 4
    assert one_edit_apart("区委宣传部", "区委组织部") is None
    assert one_edit_apart("区财政局", "区财政局") is None


@given(st.text(max_size=10), st.text(max_size=10))
def test_one_edit_apart_agrees_with_edit_distance(a: str, b: str) -> None:
    def distance(x: str, y: str) -> int:
        row = list(range(len(y) + 1))
        for i, cx in enumerate(x, 1):
            prev, row[0] = row[0], i
            for j, cy in enumerate(y, 1):
                prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (cx != cy))
        return row[-1]

    assert (one_edit_apart(a, b) is not None) == (distance(a, b) == 1)
