"""Canonical forms: every written form of one department of one level falls together."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govplan.units import canonical_key, parse_name
from govplan.units.abbreviations import recognise_body
from govplan.units.knowledge import knowledge

SAME = [
    ["区发展和改革局", "区发展改革局", "区发改局", "区发改委", "区发展和改革委员会", "青山区发改局", "某某市青山区发展改革委"],
    ["区工业和信息化局", "区工业信息化局", "区工信局"],
    ["区住房和城乡建设局", "区住房城乡建设局", "区住建局"],
    ["区市场监督管理局", "区市场监管局"],
    ["区应急管理局", "区应急局"],
    ["区卫生健康局", "区卫生和健康局", "区卫健局", "区卫健委"],
    ["区人力资源和社会保障局", "区人力资源社会保障局", "区人社局"],
    ["区交通运输局", "区交通局"],
    ["区城市管理综合执法局", "区城管执法局", "区城管局"],
    ["区退役军人事务局", "区退役军人局"],
    ["区医疗保障局", "区医保局"],
    ["区政务服务中心", "区政务中心"],
    ["区人民法院", "区法院"],
    ["区委统一战线工作部", "区委统战部"],
    ["区科技和工业信息化局", "区科技工信局", "区科工信局", "区科学技术和工业信息化局"],
    ["区文化旅游广电体育局", "区文旅广体局", "区文化和旅游广电体育局"],
    ["区教育和卫生健康局", "区教育卫生健康局"],
    ["区商务粮食局", "区商粮局"],
    ["区政府办公室", "区政府办", "区人民政府办公室"],
    ["市公安局青山分局", "某某市公安局青山分局"],
    ["区发改财政局（金融办）", "区发改财政局金融办", "区发改财政局(金融办)"],
    ["区委区管委会办公室（区绩效办）", "区委区管委会办公室绩效办"],
    ["区安全生产委员会", "区安委会"],
    ["区供电公司", "区电力公司", "区供电分公司"],
    ["城投", "城投公司"],
    ["东湖街道", "东湖街道办事处"],
    ["金山镇", "金山镇人民政府", "金山镇政府"],
    ["区政府", "区人民政府"],
    # short forms of the second round: initials, Guangdong 政数局, national bodies, zones
    ["区文化和广电旅游体育局", "区文广旅体局", "区文旅广体局", "区文化旅游广电体育局", "区文体广旅局"],
    ["县文化广电和旅游局", "县文广旅局", "县文旅广电局", "县文化旅游广电局"],
    ["市政务服务和数据管理局", "市政务服务数据管理局", "市政数局"],
    ["县政务服务和公共资源交易中心", "县公共资源交易和政务服务中心"],
    ["人民银行青山支行", "人行青山支行", "中国人民银行青山支行"],
    ["人行青山县支行", "县人民银行", "中国人民银行某某县支行", "县人行"],
    ["国家金融监督管理总局临江监管分局", "临江金融监管分局", "临江银保监分局"],
    ["国网临江供电公司", "临江供电公司"],
    ["国网青山县供电公司", "县供电公司", "国家电网青山县供电公司"],
    ["团县委", "县团委", "共青团某某县委员会", "共青团县委"],
    ["青山经开区", "青山经开区管委会", "青山经济开发区管理委员会", "青山县经济技术开发区管委会"],
    ["县经济信息化和科学技术局", "县经信科技局", "县科工信局", "县科技和工业信息化局"],
    ["区资规分局", "区自然资源和规划局", "区自规局", "区自然资源局"],
    ["县城市管理和综合执法局", "县综合行政执法局", "县城管局"],
    ["县行政审批服务局", "县审批局"],
    ["县教委", "县教育局"],
    ["市中区发改局", "区发展和改革局"],
    ["区公安分局", "区公安局"],
    ["县林业和草原局", "县林业局", "县林草局"],
    ["县粮食和物资储备局", "县粮储局", "县粮食局"],
    ["区直机关工委", "区直属机关工作委员会", "区机关工委"],
    ["区交通运输和城乡建设局", "区交通住建局"],
]

DIFFERENT = [
    "区发改局", "市发改局", "区发改财政局", "区财政局", "区发改财政局（金融办）", "区金融办", "区政府金融办",
    "区委宣传部", "区委组织部", "区委宣传统战部", "区科技局", "区科协", "区工信局", "区科技工信局",
    "区公安分局", "市公安局", "市公安局青山分局", "市生态环境局青山分局", "区生态环境局",
    "区安委会", "区安委办", "区减灾委", "市委督查室", "市政府督查室", "区政府办", "区政府办优化办",
    "区行政审批服务局", "区政务服务中心", "区民政局", "区财政局", "区教育局", "区卫健局", "区教育卫生健康局",
    "青山高新区", "青山经开区管委会", "东市街道", "西市街道", "区自然资源局", "区林业局", "区水利局", "区水务局",
    "各镇", "各乡镇（街道）", "区直相关单位", "区委区管委会办公室", "区委区管委会办公室（区营商办）",
    "区数据局", "区大数据中心", "区政数局", "区公共资源交易中心", "区工商局", "区市场监管局", "区金融局",
    "区金融监管分局", "区金融监管支局", "区人民银行", "区团委", "区总工会", "区水文局", "区机关事务局",
    "区机关事务服务中心", "区退役军人事务局", "区退役军人服务中心", "区工信局", "区文旅局", "区文广旅体局",
    "区供电公司", "区电信公司", "区人武部", "区委党校", "县直机关工委", "区直机关工委",
]


@pytest.mark.parametrize("names", SAME, ids=lambda names: names[0])
def test_written_forms_fall_together(names: list[str]) -> None:
    keys = {canonical_key(n) for n in names}
    assert len(keys) == 1, {n: canonical_key(n) for n in names}


def test_different_units_stay_apart() -> None:
    keys = {n: canonical_key(n) for n in DIFFERENT}
    clashes = [(a, b) for a in keys for b in keys if a < b and keys[a] == keys[b]]
    assert clashes == []


@pytest.mark.parametrize(
    ("name", "prefix", "head", "tails"),
    [
        ("某某市青山区发展和改革局", "区", "发改局", ()),
        ("区委宣传部", "区委", "宣传部", ()),
        ("区政府督查室", "区政府", "督查室", ()),
        ("市市场监管局", "市", "市场监管局", ()),
        ("市场监管局", "", "市场监管局", ()),
        ("市公安局青山分局", "市", "公安局", ("青山分局",)),
        ("青山经开区管委会", "青山经开区", "管委会", ()),
        ("区教育局局", "区", "教育局", ("局",)),
    ],
)
def test_parse(name: str, prefix: str, head: str, tails: tuple[str, ...]) -> None:
    p = parse_name(name)
    assert (p.prefix, p.head, p.tails) == (prefix, head, tails)


def test_merged_bureau_parts() -> None:
    assert parse_name("区发改财政局").parts == ("发改", "财政")
    assert set(parse_name("区农业农村水利局").parts) == {"农业农村", "水利"}
    assert parse_name("区发改局").parts == ("发改",)
    assert parse_name("区某某局").recognized is False


def test_bare_department() -> None:
    assert canonical_key("自然资源") == canonical_key("自然资源局")
    assert parse_name("自然资源").bare


def test_damaged_input_never_raises() -> None:
    for name in ["", "（", "）", "区", "区委", "（区）", "区（", "x" * 1000, "区" * 100, "局局局局"]:
        assert isinstance(canonical_key(name), str)


# -- properties (the data's own: tests/units/test_knowledge.py) ------------------------------


@given(st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=1, max_size=12))
def test_key_is_a_function_of_the_cleaned_name(name: str) -> None:
    assert canonical_key(name) == canonical_key(" " + name + " ")


def test_fast_enough() -> None:
    """Keys for 20 000 distinct names (the graph indexes every name of every unit)."""
    import random

    rng = random.Random(7)
    bodies = list(knowledge().bodies)
    names = {f"{chr(rng.randint(0x4E00, 0x4FFF))}{chr(rng.randint(0x4E00, 0x4FFF))}区{rng.choice(bodies)}"
             for _ in range(20_000)}
    start = time.process_time()
    for name in names:
        canonical_key(name)
    assert time.process_time() - start < 2.0


def test_short_forms_belong_to_their_key() -> None:
    for key, forms in knowledge().short_forms.items():
        for form in forms:
            body = recognise_body(form)
            assert body is not None and body.key == key, (key, form)
