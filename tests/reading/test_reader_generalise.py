"""Layouts and wordings the seed documents do not show, read end to end (invented text)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import govplan
from govplan.reading.annotations import find_annotations
from govplan.reading.blocks import jurisdiction_of
from govplan.reading.responsibility import cell_units, parse_responsibility


def _load(tmp_path: Path, text: str, name: str = "doc.txt") -> govplan.PlanGraph:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return govplan.load(path)


def _tasks(g: govplan.PlanGraph) -> dict[int, tuple[list[str], list[str], str | None]]:
    return {t.source.line: ([u.name for u in t.lead], [u.name for u in t.support],
                            str(t.deadline) if t.deadline else None) for t in g.tasks()}


@pytest.mark.parametrize(
    ("annotation", "lead", "support", "deadline"),
    [
        ("（牵头单位：区商务局。配合单位：区财政局）", ("区商务局",), ("区财政局",), None),
        ("【牵头单位】区商务局【配合单位】区财政局、区税务局", ("区商务局",), ("区财政局", "区税务局"), None),
        ("[牵头单位] 区商务局 [完成时限] 2024年10月", ("区商务局",), (), "2024年10月"),
        ("（区发改局牵头，完成时限：2024年6月底）", ("区发改局",), (), "2024年6月底"),
        ("（牵头：区发改局；配合：区财政局）", ("区发改局",), ("区财政局",), None),
        ("（主办：区发改局；协办：区财政局）", ("区发改局",), ("区财政局",), None),
        ("（责任单位：市工信局（牵头）、市财政局）", ("市工信局",), ("市财政局",), None),
        ("（牵头单位：县财政局（县金融办）；配合单位：人行某某县支行）", ("县财政局（县金融办）",), ("人行某某县支行",), None),
        ("(区文旅局牵头,区委宣传部、区工商联等按职责分工)", ("区文旅局",), ("区委宣传部", "区工商联"), None),
        ("（区发改局、区财政局（按职责分工负责））", (), ("区发改局", "区财政局"), None),
        ("（区住建局牵头，各镇（街道）具体实施）", ("区住建局",), ("各镇（街道）",), None),
        ("（由区应急局会同区交通局、区公安分局负责）", (), ("区应急局", "区交通局", "区公安分局"), None),
        ("（区人社局牵头，区财政局支持）", ("区人社局",), ("区财政局",), None),
    ],
)
def test_annotation_wordings(annotation: str, lead: tuple[str, ...], support: tuple[str, ...],
                             deadline: str | None) -> None:
    found, _ = find_annotations("推进项目建设。" + annotation)
    assert len(found) == 1
    assert (found[0].lead, found[0].support, found[0].deadline_text) == (lead, support, deadline)


def test_a_bare_label_word_outside_brackets_is_prose() -> None:
    assert find_annotations("压实责任：各单位要加强组织领导。") == ([], [])
    assert find_annotations("推进建设。（区财政局给予资金支持）")[0] == []
    assert find_annotations("健全管护机制。落实统一管护机构。")[0] == []


def test_first_listed_rule_said_once_holds_below(tmp_path: Path) -> None:
    g = _load(tmp_path, """某某市2024年工作方案

一、重点任务

1. 推进设备更新。实施改造项目。（市工信局、市财政局负责。列第一位者为牵头单位，下同）

2. 推进数字化转型。建设智能工厂。（市工信局、市数据局负责）

3. 培育企业。建立培育库。（配合单位：市市场监管局、市工信局）

4. 扩大消费。举办促销活动。（责任单位：市商务局、市工信局）
""")
    tasks = _tasks(g)
    assert tasks[5][:2] == (["市工信局"], ["市财政局"])
    assert tasks[7][:2] == (["市工信局"], ["市数据局"])
    assert tasks[9][:2] == ([], ["市市场监管局", "市工信局"])  # 配合单位 says the role itself
    assert tasks[11][:2] == (["市商务局"], ["市工信局"])  # 责任单位 names no lead: the rule ranks it


def test_first_listed_rule_in_a_note(tmp_path: Path) -> None:
    g = _load(tmp_path, """某某区2024年工作方案

为推进工作，制定本方案（各项任务责任单位中列第一位的为牵头单位）。

一、重点任务

1. 推进项目建设。完善配套设施。（区发改局、区财政局负责）
""")
    assert _tasks(g)[7][:2] == (["区发改局"], ["区财政局"])


def test_ordinal_items_with_labels_on_their_own_lines(tmp_path: Path) -> None:
    g = _load(tmp_path, """某某区2024年促消费工作方案

一、重点任务

（一）扩大商品消费
一是促进汽车消费。开展汽车促销活动。
牵头部门：区商务局；配合部门：区税务局
二是提振家居消费。9月底前出台支持措施。
责任部门：区商务局、区市场监管局
""")
    tasks = {t.source.line: t for t in g.tasks()}
    assert sorted(tasks) == [6, 8]
    assert tasks[6].path == ("一", "（一）", "一是") and tasks[6].source.end_line == 7
    assert [u.name for u in tasks[8].support] == ["区商务局", "区市场监管局"] and not tasks[8].lead
    assert str(tasks[8].deadline) == "2024-09"


def test_plan_title_with_its_period_on_the_next_line(tmp_path: Path) -> None:
    g = _load(tmp_path, """某某区消费提质三年行动方案
（2024—2026年）

为推动消费提质，制定本方案。

一、重点任务

1. 培育消费新业态。发展夜间经济。（区商务局牵头）
""")
    [plan] = g.plans()
    assert plan.title == "某某区消费提质三年行动方案（2024—2026年）"
    assert len(g.tasks()) == 1


def test_goals_under_a_general_requirements_section(tmp_path: Path) -> None:
    g = _load(tmp_path, """某某县2024年招商引资行动方案

一、总体要求

（一）指导思想。坚持稳中求进工作总基调。

（二）主要目标。到2024年底，全县新签约项目50个以上，实际到位资金增长15%。

二、重点任务

（一）开展精准招商。全年举办推介活动10场。（县商务局牵头，县发展改革局配合）

附件一

某某县2024年招商引资重点项目清单

序号\t项目名称\t牵头单位\t完成时限
1\t某某新材料项目\t县商务局\t2024年12月
""")
    assert sorted(t.value for t in g.targets()) == [15, 50]
    assert [d.kind for d in g.documents()] == [govplan.DocumentKind.PLAN]
    assert sorted((p.attachment or "") for p in g.plans()) == ["", "附件1"]
    assert {t.source.line for t in g.tasks()} == {11, 18}


def test_table_group_rows_and_role_words_in_cells(tmp_path: Path) -> None:
    g = _load(tmp_path, """某某区2024年重点工作任务分解

序号\t任务内容\t责任单位\t时间节点
一、稳增长
1\t完成固定资产投资300亿元。\t区发改局牵头，区财政局配合\t2024年12月底
2\t新增规模工业企业10家。\t区工信局\t2024年11月
二、惠民生
3\t新增城镇就业2000人。\t区人社局（牵头）、各街道\t长期坚持
""")
    tasks = {t.source.line: t for t in g.tasks()}
    assert sorted(tasks) == [5, 6, 8]
    assert tasks[5].path[0] == "（一）" and tasks[8].path[0] == "（二）"
    assert _tasks(g)[5] == (["区发改局"], ["区财政局"], "2024-12")
    assert _tasks(g)[6] == ([], ["区工信局"], "2024-11")  # a lone 责任单位 column marks no lead
    assert _tasks(g)[8] == (["区人社局"], ["各街道"], "ongoing")


def test_cell_per_line_table_with_a_unit_cell_over_two_lines(tmp_path: Path) -> None:
    g = _load(tmp_path, "某某区2024年安全生产工作方案\n\n一、重点任务\n\n" + "\n".join([
        "\t序号", "\t工作任务", "\t牵头单位", "\t配合单位", "\t完成时限", "",
        "\t1", "\t开展燃气安全专项整治", "\t区住建局", "\t区市场监管局", "\t各街道", "\t2024年10月底前", "",
        "\t2", "\t开展消防安全专项整治", "\t区消防救援大队", "\t各街道", "\t2024年11月底前",
    ]) + "\n")
    tasks = _tasks(g)
    assert tasks[11] == (["区住建局"], ["区市场监管局", "各街道"], "2024-10")
    assert tasks[18] == (["区消防救援大队"], ["各街道"], "2024-11")


def test_numbered_item_without_annotation_among_tasks_is_reported(tmp_path: Path) -> None:
    g = _load(tmp_path, """某某区2024年工作方案

一、重点任务

1. 推进项目建设。（区发改局牵头）

2. 加强日常监管。各部门要结合实际加强监管。

3. 优化服务。（区行政审批局牵头）
""")
    assert sorted(t.source.line for t in g.tasks()) == [5, 9]
    [cov] = g.coverage()
    assert cov.unexplained == ()
    assert [d.line for d in g.diagnostics() if d.code == "item-without-annotation"] == [7]


@pytest.mark.parametrize(
    ("name", "place"),
    [("广州市人民政府办公厅", "广州市"), ("梅州湾市人民政府", "梅州湾市"), ("黔东南州凯里市人民政府", "凯里市"),
     ("济南市市中区人民政府办公室", "市中区"), ("某某市青山区人民政府办公室", "青山区")],
)
def test_jurisdiction_of_places_with_zhou(name: str, place: str) -> None:
    assert jurisdiction_of(name) == place


def test_cell_units() -> None:
    assert cell_units("区发改局", "区财政局、区税务局") == (("区发改局",), ("区财政局", "区税务局"))
    assert cell_units(None, "各街道配合") == ((), ("各街道",))


def test_long_lines_stay_linear() -> None:
    # role words, labels and marks repeated in one very long line or cell
    for text in ("牵头" + " " * 200_000 + "单位：", "（牵头）" * 40_000, "一是" + "、" * 200_000,
                 "【牵头单位】" * 30_000):
        start = time.perf_counter()
        find_annotations(text)
        parse_responsibility(text[:400])
        cell_units(text, text)
        assert time.perf_counter() - start < 2.0


def test_long_file_of_odd_lines_reads_quickly(tmp_path: Path) -> None:
    lines = ["某某区2024年工作方案", "（2024—2026年）", "一、重点任务"]
    lines += [f"{k}. 推进工作{k}。（区发改局、区财政局负责。列第一位者为牵头单位，下同）" for k in range(1, 600)]
    lines += ["附件一", "序号\t任务内容\t责任单位\t时间节点", "一、稳增长"]
    lines += [f"{k}\t任务{k}。\t区发改局牵头，区财政局配合\t2024年12月" for k in range(1, 600)]
    start = time.perf_counter()
    g = _load(tmp_path, "\n".join(lines) + "\n")
    assert time.perf_counter() - start < 5.0
    assert len(g.tasks()) == 2 * 599


def test_a_notice_that_lists_its_own_tasks(tmp_path: Path) -> None:
    g = _load(tmp_path, """某某县人民政府办公室
关于开展2024年环境卫生专项整治行动的通知

某政办发﹝2024﹞15号

各乡镇人民政府，县直有关单位：
现将有关事项通知如下：

一、整治任务

（一）清理城乡垃圾。8月底前完成集中清理。（牵头单位：县城管局；配合单位：各乡镇人民政府）

（二）整治农贸市场。完善排水设施。（牵头单位：县市场监管局）

某某县人民政府办公室
2024年7月10日
""")
    [doc] = g.documents()
    assert doc.doc_number == "某政办发﹝2024﹞15号" and doc.kind is govplan.DocumentKind.NOTICE
    [plan] = g.plans()
    assert plan.title == "开展2024年环境卫生专项整治行动"
    assert _tasks(g) == {11: (["县城管局"], ["各乡镇人民政府"], "2024-08"), 13: (["县市场监管局"], [], None)}


def test_a_notice_without_tasks_stays_a_notice(tmp_path: Path) -> None:
    g = _load(tmp_path, """某政办函〔2024〕2号

某某区人民政府办公室
关于调整部分农村供水水源保护范围的通知

各镇人民政府，区直有关单位：
经研究，决定调整某某水厂水源保护范围（区水利局已完成评估）。特此通知。

某某区人民政府办公室
2024年4月8日
""")
    assert len(g.documents()) == 1 and not g.plans() and not g.tasks()


def test_an_opinion_with_bare_unit_lists_and_a_first_listed_note(tmp_path: Path) -> None:
    g = _load(tmp_path, """某某县人民政府
关于加快发展特色产业的实施意见

某政发〔2025〕4号

各乡镇人民政府，县政府各部门：
现提出如下实施意见。

一、总体要求

坚持市场主导，到2027年，全县特色产业综合产值突破150亿元。

二、重点任务

（一）做强茶叶产业。新建茶园2万亩。（县农业农村局、县商务局）

（二）做优竹木产业。2026年底前建成竹产业园。（县林业局、县工业和信息化局）

（三）完善联农带农机制。带动农户增收。（县农业农村局、各乡镇人民政府）

注：各项任务责任单位中，排在第一位的为牵头单位。

某某县人民政府
2025年2月20日
""")
    tasks = {t.source.line: t for t in g.tasks()}
    assert sorted(tasks) == [15, 17, 19]
    assert [u.name for u in tasks[17].lead] == ["县林业局"] and str(tasks[17].deadline) == "2026-12"
    assert "注" not in tasks[19].text
    assert [t.value for t in g.targets()] == [150]


def test_an_annotation_after_the_sub_items_belongs_to_their_item(tmp_path: Path) -> None:
    g = _load(tmp_path, """某某县2024年供水保障方案

一、攻坚任务

1.实施供水工程建设。新建水厂1座。牵头单位：县水利局；责任单位：县财政局。

2.健全运行管护机制。落实统一管护机构。
（1）完善水价形成机制。
（2）加强水质检测。
牵头单位：县水利局；责任单位：县卫生健康局。
""")
    tasks = {t.source.line: t for t in g.tasks()}
    assert sorted(tasks) == [5, 7]
    assert tasks[7].path == ("一", "2.") and tasks[7].source.end_line == 10
    assert [u.name for u in tasks[7].support] == ["县卫生健康局"]


def test_bare_one_cell_per_line_table_whose_unit_cells_say_roles(tmp_path: Path) -> None:
    rows = ["1", "新建养老服务中心3个", "区民政局牵头，各街道办事处配合", "2025年10月底前", "",
            "2", "新增幼儿园学位600个", "区教育局", "2025年8月底前"]
    g = _load(tmp_path, "某某区2025年民生实事实施方案\n\n一、项目清单\n\n序号\n项目名称\n责任单位\n完成时限\n\n"
              + "\n".join(rows) + "\n")
    assert _tasks(g) == {10: (["区民政局"], ["各街道办事处"], "2025-10"), 15: ([], ["区教育局"], "2025-08")}


def test_a_plan_named_by_the_notice_whatever_its_ending(tmp_path: Path) -> None:
    notice = """某某市人民政府办公室关于印发《某某市制造业数字化转型三年行动（2024—2026年）》的通知

某府办〔2024〕7号

各县（市、区）人民政府：
现印发给你们，请抓好落实。

某某市人民政府办公室
2024年2月20日

{title}

一、重点任务

（一）推进企业上云。新增上云企业300家。（市工业和信息化局牵头，市财政局配合）
"""
    g = _load(tmp_path, notice.format(title="某某市制造业数字化转型三年行动\n（2024—2026年）"))
    [plan] = g.plans()
    assert plan.title == "某某市制造业数字化转型三年行动（2024—2026年）" and len(g.tasks()) == 1
    lost = _load(tmp_path, notice.format(title="第一部分"), "lost.txt")
    assert not lost.plans() and [d.code for d in lost.diagnostics() if d.code == "plan-not-found"]


def test_a_plan_numbered_in_arabic_from_the_top(tmp_path: Path) -> None:
    g = _load(tmp_path, """某某镇2024年人居环境整治工作方案

1．工作目标

到2024年底，全镇农村卫生厕所普及率达到90%。

2．工作任务

（1）推进农村改厕。新改建卫生厕所300户。【牵头单位：镇农业服务中心】

（2）推进垃圾分类。建设分类收集点20个。【责任单位：镇城建办、各村委会】
""")
    assert _tasks(g) == {9: (["镇农业服务中心"], [], None), 11: ([], ["镇城建办", "各村委会"], None)}
    assert [t.value for t in g.targets()] == [90]
