"""Resolving the printed names of one invented document to units."""

from __future__ import annotations

from govplan.model import Document, Plan, Role, Task, Unit, UnitKind
from govplan.graph import PlanGraph
from govplan.units import UnitResolver


def _resolve(lists: list[list[str]], jurisdiction: str = "青山区") -> dict[str, Unit]:
    r = UnitResolver(jurisdiction)
    for names in lists:
        r.add_list(names)
    return r.resolve()


def test_written_forms_are_one_unit() -> None:
    units = _resolve([["区发展改革局", "区财政局"], ["区发改委", "区工业和信息化局"], ["区发展改革局"]])
    unit = units["区发改委"]
    assert unit is units["区发展改革局"]
    assert unit.name == "区发展改革局"  # the most printed form
    assert "区发改委" in unit.aliases and "区发改局" in unit.aliases  # printed + standard short form
    assert unit.id == "unit:青山区:区|发改局"
    assert unit.jurisdiction == "青山区"
    assert units["区工业和信息化局"] is not unit
    assert "区工信局" in units["区工业和信息化局"].aliases


def test_levels_are_different_units() -> None:
    units = _resolve([["区公安分局", "市公安局", "市公安局青山分局", "市生态环境局青山分局", "区生态环境局"]])
    assert len({u.id for u in units.values()}) == 5


def test_damaged_names_are_repaired() -> None:
    units = _resolve(
        [
            ["区住房城乡建设局", "区城管执法局"],
            ["区住房城乡建设设局", "区教育局局"],  # a line break repeated a character
            ["区域管执法局", "区教育局"],  # a one-character typo
            ["区城管执法局"],
            ["区 财政局", "区住房和城乡建设局建设局"],
        ]
    )
    assert units["区住房城乡建设设局"] is units["区住房城乡建设局"]
    assert units["区住房和城乡建设局建设局"] is units["区住房城乡建设局"]
    assert units["区域管执法局"] is units["区城管执法局"]
    assert units["区教育局局"] is units["区教育局"]
    assert units["区 财政局"].name == "区财政局"
    # the printed damaged forms stay findable
    assert "区域管执法局" in units["区城管执法局"].aliases


def test_typos_are_not_guessed_between_real_units() -> None:
    units = _resolve([["区民政局", "区财政局"], ["区委宣传部", "区委组织部"], ["区科技局", "区科协"],
                      ["区安委会"], ["区安委会"], ["区管委会"], ["区农机服务中心"], ["区农技服务中心"]])
    assert len({u.id for u in units.values()}) == 10


def test_merged_bureau_broken_by_a_space() -> None:
    units = _resolve([["区发改局 财政局", "区科技 工信局"], ["区发改财政局", "区委宣传统战部（工商联）"],
                      ["区委宣传部 统战部 (工商联)"]])
    assert units["区发改局 财政局"].name == "区发改财政局"
    assert units["区科技 工信局"].name == "区科技工信局"
    assert units["区委宣传部 统战部 (工商联)"].name == "区委宣传统战部（工商联）"


def test_part_of_a_merged_bureau_is_the_merged_bureau() -> None:
    units = _resolve([["区发改财政局", "区民政人社局"], ["区发改局"], ["区民政局", "区交通局"]])
    assert units["区发改局"] is units["区发改财政局"]
    assert units["区民政局"] is units["区民政人社局"]
    assert "区人社局" in units["区民政人社局"].aliases  # a part's short form a user would type


def test_part_printed_beside_the_merged_bureau_stays_apart() -> None:
    units = _resolve([["区发改财政局", "区发改局"]])
    assert units["区发改局"] is not units["区发改财政局"]


def test_sub_office_printed_alone() -> None:
    units = _resolve([["区发改财政局（金融办）", "区交通局"], ["区金融办"], ["区发改财政局", "区发改财政局金融办"]])
    assert units["区金融办"] is units["区发改财政局（金融办）"] is units["区发改财政局金融办"]
    assert units["区发改财政局"] is not units["区金融办"]


def test_name_without_prefix() -> None:
    units = _resolve([["区审计局", "市场监督管理局"], ["区市场监管局", "审计局"], ["文旅集团"], ["区文旅集团"]])
    assert units["审计局"] is units["区审计局"]
    assert units["市场监督管理局"] is units["区市场监管局"]
    assert units["文旅集团"] is units["区文旅集团"]


def test_name_without_prefix_and_two_candidates_stays_alone() -> None:
    units = _resolve([["区审计局", "市审计局"], ["审计局"]])
    assert units["审计局"] is not units["区审计局"]
    assert units["审计局"] is not units["市审计局"]


def test_collectives_are_never_merged() -> None:
    units = _resolve([["各镇", "各乡镇", "区直相关单位", "区直各相关单位"]])
    assert len({u.id for u in units.values()}) == 4
    assert all(u.kind is UnitKind.COLLECTIVE for u in units.values())


def test_cleaned_names_are_keys_too() -> None:
    units = _resolve([[" 区委宣传部 (工商联) "]])
    assert units["区委宣传部（工商联）"] is units[" 区委宣传部 (工商联) "]


def test_empty_and_junk() -> None:
    r = UnitResolver()
    r.add("")
    r.add("   ")
    r.add_list(["", "（", "区"])
    units = r.resolve()
    assert "" not in units
    assert units["（"].id.startswith("unit::")


def test_roles_are_accepted() -> None:
    r = UnitResolver("青山区")
    r.add_list(["区财政局"], Role.LEAD)
    r.add("区财政局", Role.SUPPORT)
    assert r.resolve()["区财政局"].name == "区财政局"


def test_graph_finds_units_by_any_written_form() -> None:
    """A query by a name the document never prints (区工信局) finds the unit through its key."""
    units = _resolve([["区工业和信息化局", "区科技局"], ["区发展改革委"]])
    doc = Document("d", "某某通知")
    plan = Plan("p", "d", "某某方案")
    task = Task("t", "p", "推进某某工作", lead=(units["区工业和信息化局"],), support=(units["区发展改革委"],))
    g = PlanGraph([doc, plan, task])
    for name in ("区工信局", "区工业和信息化局", "区工业信息化局", "青山区工信局"):
        assert [t.id for t in g.tasks(led_by=name)] == ["t"], name
    for name in ("区发改局", "区发展和改革局", "区发改委"):
        assert [t.id for t in g.tasks(supported_by=name)] == ["t"], name
    assert list(g.tasks(led_by="区科技局")) == []


def test_graph_finds_short_forms_of_the_second_round() -> None:
    """Short forms a user types for names printed in full: initials, 政数局, a national body."""
    units = _resolve(
        [["区文化和广电旅游体育局", "市政务服务和数据管理局"], ["人民银行青山支行", "区政务服务和公共资源交易中心"]]
    )
    doc, plan = Document("d", "某某通知"), Plan("p", "d", "某某方案")
    tasks = [
        Task(f"t{i}", "p", "推进某某工作", lead=(units[name],))
        for i, name in enumerate(["区文化和广电旅游体育局", "市政务服务和数据管理局", "人民银行青山支行",
                                  "区政务服务和公共资源交易中心"])
    ]
    g = PlanGraph([doc, plan, *tasks])
    for name, task in [("区文广旅体局", "t0"), ("区文旅广体局", "t0"), ("市政数局", "t1"), ("人行青山支行", "t2"),
                       ("中国人民银行青山支行", "t2"), ("区政务服务中心", "t3"), ("区公共资源交易中心", "t3")]:
        assert [t.id for t in g.tasks(led_by=name)] == [task], name
    assert units["人民银行青山支行"].kind is UnitKind.GOVERNMENT


def test_national_body_and_zone_fall_together_with_their_prefixed_forms() -> None:
    units = _resolve([["人民银行青山支行", "区财政局"], ["区人民银行"], ["青山经开区", "区交通局"], ["青山经开区管委会"]])
    assert units["人民银行青山支行"] is units["区人民银行"]
    assert units["青山经开区"] is units["青山经开区管委会"]
    assert units["青山经开区"].kind is UnitKind.GOVERNMENT


def test_a_huge_damaged_name_is_linear() -> None:
    """A 300 000-character "name" (a broken conversion) is no unit name: no typo search on it."""
    import time

    big = "区" + "某" * 300_000 + "局"
    start = time.process_time()
    units = _resolve([[big, "区财政局"], [big + " 区审计局"]])
    assert time.process_time() - start < 2.0
    assert units[big].name == big
