"""Four more things plans do (invented text): a first-listed rule said on a labelled list,
web-page metadata blocks, task tables laid out with spaces, and goal lists under a lead-in."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import govplan
from govplan.model import Severity
from govplan.reading.goals import lead_in
from govplan.reading.headers import field_number
from govplan.reading.lines import Line
from govplan.reading.metadata import read_fields
from govplan.reading.responsibility import parse_labelled
from govplan.reading.tables import find_tables


def _load(tmp_path: Path, text: str, name: str = "doc.txt") -> govplan.PlanGraph:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return govplan.load(path)


def _tasks(g: govplan.PlanGraph) -> dict[int, tuple[list[str], list[str], str | None]]:
    return {t.source.line: ([u.name for u in t.lead], [u.name for u in t.support],
                            str(t.deadline) if t.deadline else None) for t in g.tasks()}


# -- 1. "责任单位：X、Y（列第一位的为牵头单位，下同）" -------------------------------------------------

_RANKED = """青山区2024年优化营商环境行动方案

一、重点任务
　　1.推行集成办理。围绕企业全生命周期，推出一批集成服务事项，推动线上一网通办、线下一窗
综办。
　　责任单位：区政务服务中心、区市场监管局、区人社局（列第一位的为牵头单位，下同）
　　2.压缩审批时间。推行告知承诺制，简易低风险项目审批时间压缩至10个工作日以内。
　　责任单位：区住建局、区自然资源局、区发展
改革局
　　3.加强要素保障。强化用地用能保障。
　　配合单位：区财政局、区税务局
"""


def test_first_listed_note_on_a_labelled_list_ranks_it_and_those_below(tmp_path: Path) -> None:
    tasks = _tasks(_load(tmp_path, _RANKED))
    assert tasks[4][:2] == (["区政务服务中心"], ["区市场监管局", "区人社局"])
    assert tasks[7][:2] == (["区住建局"], ["区自然资源局", "区发展改革局"])
    assert tasks[10][:2] == ([], ["区财政局", "区税务局"])  # 配合单位 says the role itself


def test_the_note_is_not_part_of_the_last_unit() -> None:
    p = parse_labelled("责任单位：县财政局、县税务局（排名第一的为牵头单位）")
    assert (p.lead, p.support, p.carries) == (("县财政局",), ("县税务局",), False)
    plain = parse_labelled("责任单位：县财政局、县税务局")
    assert (plain.lead, plain.support, plain.unranked) == ((), ("县财政局", "县税务局"), True)


def test_without_xiatong_the_note_holds_for_its_own_list_only(tmp_path: Path) -> None:
    text = _RANKED.replace("，下同）", "）")
    tasks = _tasks(_load(tmp_path, text))
    assert tasks[4][:2] == (["区政务服务中心"], ["区市场监管局", "区人社局"])
    assert tasks[7][:2] == ([], ["区住建局", "区自然资源局", "区发展改革局"])


# -- 2. a web page's metadata block --------------------------------------------------------------

_WEB = """首页 > 政务公开 > 政府信息公开 > 计划规划

索引号：	001122334/2024-00017
发布机构：	青山区人民政府办公室
成文日期：	2024-04-08
发布日期：	2024-04-12
文　　号：	青政办发〔2024〕21号
有 效 性：	有效

青山区人民政府办公室关于印发青山区2024年消费提振行动方案的通知

来源：青山区人民政府办公室　　发布时间：2024-04-12 09:30　　浏览次数：88

【字体：大 中 小】　　打印本页

各街道办事处，区政府各部门：
　　《青山区2024年消费提振行动方案》已经区政府同意，现印发给你们，请认真贯彻执行。

青山区人民政府办公室

（此件公开发布）

青山区2024年消费提振行动方案

一、重点任务
1.举办促消费活动。全年举办主题促消费活动20场以上。（牵头单位：区商务局；配合单位：区财政局）
"""


def test_doc_number_issuer_and_date_from_the_metadata_block(tmp_path: Path) -> None:
    g = _load(tmp_path, _WEB)
    [doc] = g.documents()
    assert doc.doc_number == "青政办发〔2024〕21号"
    assert doc.issuer == "青山区人民政府办公室"
    assert str(doc.date) == "2024-04-08"  # 成文日期, not the page's 发布日期
    assert doc.title == "关于印发青山区2024年消费提振行动方案的通知"
    [plan] = g.plans()
    assert plan.title == "青山区2024年消费提振行动方案"  # （此件公开发布） is not glued to it
    assert len(g.tasks()) == 1
    assert not g.coverage()[0].unexplained


def test_fields_several_to_a_line_and_the_strongest_issuer() -> None:
    line = "索 引 号：001/2024-3　　发文机关：某某县人民政府　　发布机构：某某县人民政府办公室"
    assert [(f.key, f.value) for f in read_fields(line)] == [
        ("other", "001/2024-3"), ("issuer", "某某县人民政府"), ("issuer", "某某县人民政府办公室")]
    assert field_number("发文字号：某政发〔2024〕3号　　成文日期：2024年3月1日") == "某政发〔2024〕3号"
    assert field_number("根据文号：某政发〔2024〕3号的要求") is None  # prose, not a field line


def test_a_disclosure_note_never_opens_a_plan_title(tmp_path: Path) -> None:
    # no metadata, no number: the notice is found by its title line, and the plan title stands alone
    text = "\n".join(ln for ln in _WEB.splitlines()
                     if not ln.startswith(("索引号", "发布机构", "成文日期", "发布日期", "文　　号", "有 效 性")))
    g = _load(tmp_path, text)
    [plan] = g.plans()
    assert plan.title == "青山区2024年消费提振行动方案"
    [doc] = g.documents()
    assert doc.issuer == "青山区人民政府办公室" and doc.doc_number is None


# -- 3. a task table laid out with spaces (PDF layout mode) ----------------------------------------

def _w(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _layout(rows: list[list[str]], widths: list[int]) -> str:
    """Lines of cells padded to display *widths*, the way a layout-mode conversion prints them."""
    out = []
    for cells in rows:
        line = ""
        for cell, width in zip(cells, widths):
            line += cell + " " * (width - _w(cell))
        out.append(" " + line.rstrip())
    return "\n".join(out)


_WIDTHS = [6, 22, 34, 18, 22, 14]
_TABLE = _layout([
    ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"],
    ["1", "开展燃气隐患专项", "建立隐患排查整改台账，实行闭", "区应急局", "区市场监管局、各", "2024年6月底前"],
    ["", "排查", "环管理", "", "街道办事处", ""],
    ["2", "加强道路交通整治", "整治重点车辆违法违规行为", "区公安分局、区交", "各街道办事处", "长期坚持"],
    ["", "", "", "通运输局", "", ""],
    ["3", "提升全民安全素质", "开展安全宣传进企业、进社区", "区委宣传部", "区教育局", "持续推进"],
], _WIDTHS)


def test_a_space_laid_table_is_read_by_column_position(tmp_path: Path) -> None:
    text = f"某某区2024年安全生产攻坚任务清单\n\n{_TABLE}\n"
    g = _load(tmp_path, text)
    tasks = {t.source.line: t for t in g.tasks()}
    assert sorted(tasks) == [4, 6, 8]
    first = tasks[4]
    assert first.title == "开展燃气隐患专项排查"
    assert first.text == "建立隐患排查整改台账，实行闭环管理"
    assert [u.name for u in first.lead] == ["区应急局"]
    assert [u.name for u in first.support] == ["区市场监管局", "各街道办事处"]  # wrapped name joined
    assert str(first.deadline) == "2024-06"
    assert [u.name for u in tasks[6].lead] == ["区公安分局", "区交通运输局"]
    assert str(tasks[8].deadline) == "ongoing"


def test_a_space_laid_table_without_serials(tmp_path: Path) -> None:
    table = _layout([
        ["工作任务", "牵头单位", "配合单位", "完成时限"],
        ["推进老旧小区改造", "区住建局", "区财政局", "2024年9月底前"],
        ["完善社区养老设施", "区民政局", "区卫健局、区", "2024年12月底前"],
        ["", "", "财政局", ""],
    ], [24, 14, 16, 16])
    [table_read] = find_tables([Line(k + 1, t) for k, t in enumerate(table.splitlines())], "t.txt")
    assert [(r.line, r.lead, r.support, r.deadline) for r in table_read.rows] == [
        (2, "区住建局", "区财政局", "2024年9月底前"), (3, "区民政局", "区卫健局、区财政局", "2024年12月底前")]


def test_a_recognised_task_header_without_readable_rows_is_reported() -> None:
    lines = [" 序号   工作任务          牵头单位      配合单位      完成时限",
             "为推动各项任务落地见效，各牵头单位要细化工作举措，明确时间节点，按时报送工作进展情况和存在问题。"]
    [table] = find_tables([Line(k + 1, t) for k, t in enumerate(lines)], "t.txt")
    assert table.rows == ()
    [d] = [d for d in table.diagnostics if d.code == "table-no-rows"]
    assert d.severity is Severity.WARNING and d.line == 1


# -- 4. goal lists under a lead-in ---------------------------------------------------------------

_GOALS = """青山区2024年稳增长工作方案

一、发展目标
　　到2024年末，全区主要经济指标稳中有进，力争实现以下目标：
　　1.地区生产总值增长6%左右；
　　2.固定资产投资增长8%以上；
　　3.上半年新增市场主体3000户。
二、重点任务
　　1.扩大有效投资。谋划储备一批重大项目。（牵头单位：区发改局）
"""


def test_a_lead_in_governs_the_numbered_targets_below_it(tmp_path: Path) -> None:
    g = _load(tmp_path, _GOALS)
    got = {t.source.line: (t.metric, str(t.deadline), t.qualifier) for t in g.targets()}
    assert got[5] == ("地区生产总值", "2024-12", "左右")  # the list number is no part of the metric
    assert got[6] == ("固定资产投资", "2024-12", "以上")
    assert got[7][1] == "2024-H1"  # a time of its own wins
    assert got[7][2] == "力争"


def test_a_lead_in_governs_unnumbered_lines_in_its_own_item(tmp_path: Path) -> None:
    text = """青山区2025年文旅发展工作方案

一、工作目标：到2025年底，确保实现以下目标：
接待游客增长10%；
旅游收入达到50亿元。
二、重点任务
1.培育文旅品牌。（牵头单位：区文旅局）
"""
    got = sorted((t.metric, str(t.deadline), t.qualifier) for t in _load(tmp_path, text).targets())
    assert got == [("接待游客", "2025-12", "确保"), ("旅游收入", "2025-12", "确保")]


def test_lead_in_needs_a_sentence_that_introduces_a_list() -> None:
    assert lead_in("地区生产总值增长6%左右；", 2024) is None
    assert lead_in("到2026年，主要目标如下：", 2024).deadline is not None  # type: ignore[union-attr]
    assert lead_in("工作目标：", 2024) is None  # says neither a time nor a firmness
