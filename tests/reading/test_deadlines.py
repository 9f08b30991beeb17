"""Deadline phrases in task text, completion-time fields and labels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplan.reading.deadlines import (
    DeadlineMatch,
    find_deadline,
    find_deadline_label,
    find_deadlines,
    parse_deadline_field,
)


def due(text: str, year: int | None = 2024) -> str | None:
    m = find_deadline(text, year)
    return None if m is None else str(m.period)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("在2024年4月1日前完成全区应急广播平台建设。", "2024-04-01"),
        ("新建项目在 6 月底前开工，其余项目有序推进。", "2024-06"),
        ("到 2024 年底，全区实现光网全覆盖。", "2024-12"),
        ("到2025年全区累计建成充电桩800个。", "2025"),
        ("力争2024年完成土地报批300亩。", "2024"),
        ("推动示范项目于年内完成中试。", "2024"),
        ("年底前实现规上企业诊断全覆盖。", "2024-12"),
        ("2024年6月底前，对排查出的隐患整改到位。", "2024-06"),
        ("上半年完成摸底，三季度末前完成验收。", "2024-Q3"),
        ("到“十四五”末，基本建成现代物流体系。", "2025"),
        ("至2026年，建成区域物流枢纽。", "2026"),
        ("2024年，全区新建改造老旧小区12个。", "2024"),
        ("整合资源。2024年计划改造安置小区3个。", "2024"),
        ("确保2025年9月30日前完工、11月30日前投入运营。", "2025-11-30"),
        ("确保六月底前完成，十二月底前全部验收。", "2024-12"),
        ("2024年上半年，完成全区规划编制。", "2024-H1"),
        ("截至2024年底，累计建成5G基站300个。", "2024-12"),
        ("青山区2025年完成2024年高标准农田建设任务并验收。", "2025"),
        ("某某区，2025年完成2024年高标准农田建设任务并验收。", "2025"),
    ],
)
def test_completion_phrases(text: str, want: str | None) -> None:
    assert due(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "全力抓好《2024年度某某区产业发展任务清单》的组织实施。",
        "完成青山区2024年度特色产业集群建设。",
        "2024年起，散居孤儿基本生活费提高到每人每月1500元。",
        "2024年9月夜校开始报名，每年开班两期。",
        "3月举办第三届樱花节，积极组织商家参展。",
        "各单位每月25日前报送工作进展。",
        "实行一季度一通报制度，分季度开展督导。",
        "与2022年相比，较2023年增长8%。",
        "全年实现旅游总收入45亿元，完成年度投资计划。",
        "两年内完成两个区域医疗次中心建设。",
        "持续推进返乡创业，长期坚持常态化服务。",
        "落实某某行动实施方案（2023-2025年）。",
        "开展 2024 年城区违建清理专项行动。",
        "计划本年度完成安防设施建设26公里。",
        "上半年举办招商推介会，实行一月一通报。",
        "前三季度完成投资40亿元。",
        "2021年3月1日以后出生的儿童纳入保障范围。",
        "第二届青山文化旅游节于9月举办，同步开展促销活动。",
        "全区招商大会定于10月在青山新区召开。",
        "某某博览会将于2024年11月开幕。",
    ],
)
def test_not_deadlines(text: str) -> None:
    assert find_deadline(text, 2024) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("力争于9月完成平台建设，并举办上线仪式。", "2024-09"),
        ("于10月底前举办第三届消费季活动。", "2024-10"),  # a limit, not the event's date
        ("力争于6月开展试点。", "2024-06"),
    ],
)
def test_events_do_not_hide_limits(text: str, want: str) -> None:
    assert due(text) == want


def test_latest_wins_and_partial_scope_counts() -> None:
    text = "2024年3月底前完成方案编制；一期工程6月底前开工，力争年内竣工。"
    assert [str(m.period) for m in find_deadlines(text, 2024)] == ["2024-03", "2024-06", "2024"]
    m = find_deadline(text, 2024)
    assert m is not None and str(m.period) == "2024"


def test_year_end_beats_bare_year_of_same_year() -> None:
    assert due("2024年，力争到2024年底完成全部改造。") == "2024-12"


def test_phrase_text_and_offsets() -> None:
    text = "进一步扩大覆盖，到 2024 年底，全区完成组网。"
    m = find_deadline(text, 2024)
    assert m is not None
    assert m.text == "到 2024 年底" and text[m.start : m.end] == m.text


def test_limit_suffix_is_part_of_the_phrase() -> None:
    m = find_deadline("在６月底前开工", 2024)  # full-width digits
    assert m is not None and m.text == "６月底前" and str(m.period) == "2024-06"


def test_yearless_phrase_without_plan_year_takes_year_from_text() -> None:
    assert due("2025年5月底前完成建设，12月31日前投入使用。", None) == "2025-12-31"
    assert due("6月底前完成。", None) is None


@pytest.mark.parametrize(
    ("cell", "want"),
    [
        ("2023年12月", "2023-12"),
        ("长期坚持", "ongoing"),
        ("持续推进", "ongoing"),
        ("常态化", "ongoing"),
        ("2024—2025年", "2025"),
        ("2024年6月底前", "2024-06"),
        ("年底前", "2024-12"),
        ("2024年6月、12月", "2024-12"),
        ("2024年度", "2024"),
        ("三季度", "2024-Q3"),
        ("2024.12", "2024-12"),
        ("2024/9/30", "2024-09-30"),
        ("全年", "2024"),
        ("", None),
        ("按要求", None),
    ],
)
def test_deadline_field(cell: str, want: str | None) -> None:
    m = parse_deadline_field(cell, 2024)
    assert (None if m is None else str(m.period)) == want


def test_deadline_label_in_annotation() -> None:
    text = "（牵头单位：区商务局；配合单位：区财政局；完成时限：2024年6月）"
    lab = find_deadline_label(text, 2024)
    assert lab is not None
    assert (lab.label, lab.value) == ("完成时限", "2024年6月")
    assert text[lab.start : lab.start + 4] == "完成时限"
    assert text[lab.value_start : lab.end] == "2024年6月"
    assert lab.match is not None and str(lab.match.period) == "2024-06"
    assert text[lab.match.start : lab.match.end] == "2024年6月"


def test_deadline_label_absent_or_not_a_time() -> None:
    assert find_deadline_label("（区商务局牵头）") is None
    lab = find_deadline_label("时间节点：按上级要求")
    assert lab is not None and lab.match is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("2024年0135月底前末内到至于度起每较上半季一三，。《》“”十四五 ")), max_size=60),
       st.one_of(st.none(), st.integers(1990, 2100)))
def test_never_raises_and_offsets_hold(text: str, year: int | None) -> None:
    for m in find_deadlines(text, year):
        assert isinstance(m, DeadlineMatch)
        assert text[m.start : m.end] == m.text
    f = parse_deadline_field(text, year)
    assert f is None or text[f.start : f.end] == f.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text_never_raises(text: str) -> None:
    find_deadline(text, 2024)
    parse_deadline_field(text, None)
    find_deadline_label(text)


# Other places write limits in other words; each fixture is a form the seeds do not show.
@pytest.mark.parametrize(
    ("text", "year", "want"),
    [
        ("到2025年底前，全县行政村实现5G网络全覆盖。", 2024, "2025-12"),
        ("截至2024年9月底，完成存量自建房安全隐患排查。", 2024, "2024-09"),
        ("第四季度完成全部项目竣工验收。", 2024, "2024-Q4"),
        ("2024年10月31日前完成问题整改并销号。", 2024, "2024-10-31"),
        ("二〇二四年底前完成老旧管网改造。", None, "2024-12"),
        ("二○二五年六月底前建成并投入运营。", None, "2025-06"),
        ("我县2024年计划完成农村户厕改造1200户。", 2024, "2024"),
        ("2024年力争建成区域冷链物流中心。", 2024, "2024"),
        ("2024—2025年完成全部老旧小区改造。", 2024, "2025"),
        ("按照节点推进，完成时间：2024年12月底。", 2024, "2024-12"),
    ],
)
def test_limits_written_elsewhere(text: str, year: int | None, want: str) -> None:
    assert due(text, year) == want


@pytest.mark.parametrize(
    "text",
    [
        "确保完成年度目标任务。",
        "其中2024年计划投入资金500万元。",
        "2024年至2026年，全面开展农村人居环境整治。",
        "从2024年起，三年内完成全部改造。",
    ],
)
def test_no_limit_in_scopes_budgets_and_starts(text: str) -> None:
    assert due(text) is None


def test_year_to_year_field_gives_its_end() -> None:
    m = parse_deadline_field("2024年至2025年", 2024)
    assert m is not None and str(m.period) == "2025" and m.text == "2024年至2025年"


def test_completion_time_label_in_running_text() -> None:
    text = "（牵头单位：县住建局；完成时间：2024年12月底）"
    lab = find_deadline_label(text, 2024)
    assert lab is not None and lab.label == "完成时间" and lab.match is not None
    assert str(lab.match.period) == "2024-12" and text[lab.match.start : lab.match.end] == "2024年12月底"


def test_chinese_year_keeps_offsets() -> None:
    text = "力争二〇二五年底前建成。"
    (m,) = find_deadlines(text)
    assert text[m.start : m.end] == m.text == "二〇二五年底前"
