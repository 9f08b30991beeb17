"""Quantitative goals in goal-section paragraphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govplan import ChangeKind, Direction, Quantity
from govplan.reading.targets import TargetDraft, extract_targets

GOALS = (
    "——**产业发展提质增效**。聚焦先进制造，推动产业升级。力争2024年，农林牧渔业增加值增长4%；"
    "农产品加工业产值增长 8%以上；规模工业增加值增长9.5%，工业投资稳步提高。"
)


def rows(text: str, year: int | None = 2024) -> list[tuple[object, ...]]:
    return [
        (t.metric, t.change, q.value, q.unit, t.qualifier, None if t.deadline is None else str(t.deadline))
        for t in extract_targets(text, year)
        if (q := t.quantity) is not None
    ]


def test_governing_strive_and_year() -> None:
    assert rows(GOALS) == [
        ("农林牧渔业增加值", ChangeKind.GROWTH, 4, "%", "力争", "2024"),
        ("农产品加工业产值", ChangeKind.GROWTH, 8, "%", "以上", "2024"),
        ("规模工业增加值", ChangeKind.GROWTH, 9.5, "%", "力争", "2024"),
    ]


def test_text_and_offsets() -> None:
    for t in extract_targets(GOALS, 2024):
        assert GOALS[t.start : t.end] == t.text
    assert [t.text for t in extract_targets(GOALS)][1] == "农产品加工业产值增长 8%以上"


def test_counts_with_year_end_and_spaces() -> None:
    text = (
        "到 2024 年末，市场活力持续增强，实有经营主体达到 3.2 万户以上，其中企业达到 6100 户以上；"
        "规模以上服务业企业达 12 户、“个转企”新增 30 户，外贸实绩企业突破 15 户。"
    )
    assert rows(text) == [
        ("实有经营主体", ChangeKind.COUNT, 3.2, "万户", "以上", "2024-12"),
        ("企业", ChangeKind.COUNT, 6100, "户", "以上", "2024-12"),
        ("规模以上服务业企业", ChangeKind.COUNT, 12, "户", None, "2024-12"),
        ("“个转企”", ChangeKind.COUNT, 30, "户", None, "2024-12"),
        ("外贸实绩企业", ChangeKind.COUNT, 15, "户", "突破", "2024-12"),
    ]


def test_share_level_and_rates() -> None:
    text = (
        "力争全社会研发经费投入增长10%以上，每万人发明专利拥有量达3.1件以上；技术合同交易额达20亿元，"
        "数字经济核心产业增加值占GDP比重达25%以上。确保水质优良率达到90%以上，黑臭水体治理率达到80%。"
    )
    got = rows(text)
    assert got == [
        ("全社会研发经费投入", ChangeKind.GROWTH, 10, "%", "以上", None),
        ("每万人发明专利拥有量", ChangeKind.LEVEL, 3.1, "件", "以上", None),
        ("技术合同交易额", ChangeKind.LEVEL, 20, "亿元", "力争", None),
        ("数字经济核心产业增加值占GDP比重", ChangeKind.SHARE, 25, "%", "以上", None),
        ("水质优良率", ChangeKind.LEVEL, 90, "%", "以上", None),
        ("黑臭水体治理率", ChangeKind.LEVEL, 80, "%", None, None),
    ]


def test_range_reduction_and_cap() -> None:
    text = "培育跨境电商企业 1~2 家，单位能耗下降 3%，物价涨幅控制在3%左右，城镇化率提高 1 个百分点左右。"
    ts = extract_targets(text)
    assert ts[0].quantity is not None and (ts[0].quantity.value, ts[0].quantity.upper) == (1, 2)
    assert ts[0].change is ChangeKind.COUNT
    assert (ts[1].change, ts[1].direction) == (ChangeKind.REDUCTION, Direction.DOWN)
    assert (ts[2].change, ts[2].direction, ts[2].qualifier) == (ChangeKind.LEVEL, Direction.DOWN, "左右")
    assert (ts[3].change, ts[3].quantity.unit if ts[3].quantity else None) == (ChangeKind.GROWTH, "个百分点")


def test_names_with_numbers_are_not_targets() -> None:
    text = "围绕“4×4”现代化产业体系和“3+4+5”改革事项，PM2.5浓度持续下降，5G基站实现全覆盖，办好第3届博览会。"
    assert extract_targets(text) == []


def test_scale_names_keep_their_bound_words() -> None:
    (t,) = extract_targets("规模以上工业企业新增 20 户。")
    assert (t.metric, t.qualifier) == ("规模以上工业企业", None)


def test_baseline() -> None:
    (t,) = extract_targets("力争全社会研发投入较2023年增长15%。")
    assert t.baseline is not None and t.baseline.year == 2023
    assert t.metric == "全社会研发投入"


def test_number_at_either_end_of_the_text() -> None:
    assert [t.quantity for t in extract_targets("8家企业入规，固定资产投资增长10%")] == [
        Quantity(8, "家"),
        Quantity(10, "%"),
    ]


def test_metric_after_number() -> None:
    (t,) = extract_targets("力争全年新建 5 个以上亿元项目。")
    assert t.metric == "新建亿元项目" and t.qualifier == "以上"


def test_qualitative_on_request() -> None:
    text = "重污染天气同比下降，技术合同交易额达20亿元。"
    assert len(extract_targets(text)) == 1
    ts = extract_targets(text, qualitative=True)
    assert [t.change for t in ts] == [ChangeKind.QUALITATIVE, ChangeKind.LEVEL]
    assert ts[0].quantity is None and ts[0].direction is Direction.DOWN


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("增长达到新增户家%亿元以上左右力争2024年0.15，。；、“”（）PM 底")), max_size=60))
def test_never_raises_and_offsets_hold(text: str) -> None:
    for t in extract_targets(text, 2024, qualitative=True):
        assert isinstance(t, TargetDraft)
        assert text[t.start : t.end] == t.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80), st.one_of(st.none(), st.integers(1, 9999)))
def test_arbitrary_text_never_raises(text: str, year: int | None) -> None:
    for t in extract_targets(text, year, qualitative=True):
        assert text[t.start : t.end] == t.text


def test_absurd_numbers_are_skipped() -> None:
    assert extract_targets("增长" + "9" * 400 + "%，新增企业3家。")[0].quantity == Quantity(3, "家")


def drafts(text: str, year: int | None = 2024) -> list[TargetDraft]:
    return [t for t in extract_targets(text, year) if t.quantity is not None]


def test_forms_from_other_places() -> None:
    text = (
        "单位GDP能耗下降3%，城镇调查失业率控制在5.5%以内，粮食产量稳定在12.5万吨以上，"
        "城镇居民人均可支配收入增速高于全市平均水平，进出口总额突破100亿元，耕地保有量不低于50万亩。"
    )
    got = [(t.metric, t.change, t.quantity.value, t.quantity.unit, t.qualifier, t.direction) for t in drafts(text)]
    assert got == [
        ("单位GDP能耗", ChangeKind.REDUCTION, 3, "%", None, Direction.DOWN),
        ("城镇调查失业率", ChangeKind.LEVEL, 5.5, "%", "以内", Direction.DOWN),
        ("粮食产量", ChangeKind.LEVEL, 12.5, "万吨", "以上", Direction.HOLD),
        ("进出口总额", ChangeKind.LEVEL, 100, "亿元", "突破", Direction.UP),
        ("耕地保有量", ChangeKind.LEVEL, 50, "万亩", "不低于", Direction.UP),
    ]
    (q,) = [t for t in extract_targets(text, 2024, qualitative=True) if t.quantity is None]
    assert (q.metric, q.change, q.direction) == ("城镇居民人均可支配收入", ChangeKind.QUALITATIVE, Direction.UP)


def test_second_values_of_one_goal() -> None:
    got = drafts("城乡居民人均可支配收入分别增长6%和7%，一般公共预算收入增长5%、力争7%。")
    assert [(t.metric, t.change, t.quantity.value, t.qualifier) for t in got] == [
        ("城乡居民人均可支配收入", ChangeKind.GROWTH, 6, None),
        ("城乡居民人均可支配收入", ChangeKind.GROWTH, 7, None),
        ("一般公共预算收入", ChangeKind.GROWTH, 5, None),
        ("一般公共预算收入", ChangeKind.GROWTH, 7, "力争"),
    ]
    assert [t.text for t in got][1:] == ["7%", "一般公共预算收入增长5%", "力争7%"]


def test_number_before_its_noun_keeps_the_noun_in_text() -> None:
    (t,) = drafts("全力办好8件县级民生实事。")
    assert (t.metric, t.text, t.change) == ("办好县级民生实事", "全力办好8件县级民生实事", ChangeKind.COUNT)


def test_rate_metrics_livestock_and_relative_goals() -> None:
    got = drafts("规上工业增加值增速达到8%，高于全省平均水平1个百分点；生猪出栏36万头，新增产能20万吨。")
    assert [(t.metric, t.change, t.quantity.unit) for t in got] == [
        ("规上工业增加值增速", ChangeKind.GROWTH, "%"),
        ("规上工业增加值增速", ChangeKind.GROWTH, "个百分点"),
        ("生猪出栏", ChangeKind.COUNT, "万头"),
        ("新增产能", ChangeKind.LEVEL, "万吨"),
    ]
    assert got[1].baseline is not None and got[1].baseline.text == "高于全省平均水平"


def test_numbers_inside_names_are_not_goals() -> None:
    text = "打造“15分钟便民生活圈”10个，实施“1个总体方案+6个专项方案”，“个转企”新增30户。"
    assert [(t.quantity.value, t.quantity.unit) for t in drafts(text)] == [(10, "个"), (30, "户")]


def test_a_bounded_number_before_de_and_a_noun_is_part_of_the_metric() -> None:
    # the threshold (10万元以上的村, 1亿元以上的企业) names whom the goal counts; the goal follows
    got = drafts("到2025年，集体经济年收入10万元以上的村占比达到80%，营业收入1亿元以上的企业达到20家。")
    assert [(t.metric, t.quantity.value, t.quantity.unit) for t in got] == [
        ("集体经济年收入10万元以上的村占比", 80, "%"),
        ("营业收入1亿元以上的企业", 20, "家"),
    ]


def test_a_bounded_goal_before_de_is_still_a_goal() -> None:
    # 增长6%以上的目标: a change word leads to the number; 建成3个以上的示范村: no number follows
    got = drafts("实现地区生产总值增长6%以上的目标，建成3个以上的示范村。")
    assert [(t.metric, t.quantity.value, t.qualifier) for t in got] == [
        ("地区生产总值", 6, "以上"),
        ("建成示范村", 3, "以上"),
    ]
