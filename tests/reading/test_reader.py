"""End-to-end reading of small documents written in the genre's style (invented units and places)."""

from __future__ import annotations

from pathlib import Path

import pytest

import govplan
from govplan import DocumentKind, PlanKind

NOTICE = """\


某政办发〔2024〕8号

**某某市青山区人民政府办公室
关于印发《青山区实施“三大行动”总体方案》的
通 知**

各街道办事处，区直各单位：

《青山区实施“三大行动”总体方案》已经区政府研究同意，现印发给你们，请结合实际认真组织实施。

某某市青山区人民政府办公室

2024年2月26日

（此件主动公开）

青山区实施“三大行动”总体方案

为全面落实《某某市实施“三大行动”总体方案》（某政办发〔2024〕2号）部署，特制定本方案。

一、主要目标

——**产业提质增效**。力争2024年，规上工业增加值增长8%以上，新增入规企业5家。

二、重点任务

（一）大力实施产业升级行动，推动产业提质增效。加快培育新兴产业。

（二）大力实施民生保障行动，持续增进民生福祉。办好民生实事。

三、组织实施

加强组织领导，每个行动建立工作专班。

- 附件：1. 产业升级行动实施方案
2. 民生保障行动实施方案

附件 1

产业升级行动实施方案

为加快产业升级，制定本方案。

一、工作目标

新增高新技术企业10家以上。

二、工作任务

（一）推动传统产业升级

1. **装备制造产业。**推进智能化改造，支持企业开展技术攻关，加快打造装备制造产业集群，提升
产业链配套水平。[区工业和信息化局牵头，区科技局、区财政局等按职责分工负责]

2. 食品加工产业。推进标准化厂房建设。〔区工业和信息化局牵头，区农业农村局负责〕

（二）防范化解风险（区发展改革局牵头）

1. 规范项目立项。严格项目审批。（区发展改革局、区财政局等负责）

2. 化解存量风险。落实偿还责任，2024年6月底前完成清理。（区财政局负责）

三、推进机制

成立产业升级行动工作专班，区政府分管副区长担任召集人，区发展改革局局长任副召集人，成员单位有区科技局、区财政局、区商务局等，办公室设在区发展改革局，承担日常工作。

民生保障行动实施方案

为办好群众身边实事，特制定本方案。

一、工作目标

城镇新增就业3000人以上。

二、工作任务

（一）办好民生实事

1. 完善养老服务体系

（1）建设老年助餐点5个。完善居家养老服务网络。（区民政局牵头）

(2) 实施适老化改造100户。（区民政局、区残联牵头）

2. 稳定和扩大就业

城镇新增就业3000人，开展职业技能培训（含线上培训）1000人次。【区人力资源社会保障局牵头】

3. 加强教育帮扶。推进结对帮扶（区教育局（区教体局）、区卫生健康局）。

三、推进机制

成立民生保障行动工作专班，分管副区长任召集人，成员单位包括区民政局、区教育局等。
"""


@pytest.fixture
def notice(tmp_path: Path) -> govplan.PlanGraph:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    return govplan.load(path)


def _task(g: govplan.PlanGraph, line: int) -> govplan.Task:
    found = [t for t in g.tasks() if t.source.line == line]
    assert len(found) == 1, [(t.source.line, t.text) for t in g.tasks()]
    return found[0]


def _line_of(text: str) -> int:
    return next(n for n, t in enumerate(NOTICE.splitlines(), start=1) if text in t)


def test_document_header(notice: govplan.PlanGraph) -> None:
    [doc] = notice.documents()
    assert doc.doc_number == "某政办发〔2024〕8号"
    assert doc.title == "关于印发《青山区实施“三大行动”总体方案》的通知"
    assert doc.issuer == "某某市青山区人民政府办公室"
    assert str(doc.date) == "2024-02-26"
    assert doc.jurisdiction == "青山区"
    assert doc.kind is DocumentKind.PLAN_NOTICE
    assert doc.id == "doc:某政办发〔2024〕8号"
    assert doc.source is not None and doc.source.line == 3


def test_plans_attachments_and_actions(notice: govplan.PlanGraph) -> None:
    plans = notice.plans()
    assert [(p.title, p.kind, p.attachment) for p in plans] == [
        ("青山区实施“三大行动”总体方案", PlanKind.OVERALL, None),
        ("产业升级行动实施方案", PlanKind.IMPLEMENTATION, "附件1"),
        ("民生保障行动实施方案", PlanKind.IMPLEMENTATION, "附件2"),  # no 附件 header: from the list
    ]
    assert all(p.year == 2024 for p in plans)
    assert [a.name for a in notice.actions()] == ["产业升级行动", "民生保障行动"]
    overall = plans[0]
    assert plans[1].parent_id == overall.id and plans[1].action_id == notice.actions()[0].id
    assert [r.doc_number for r in overall.implements] == ["某政办发〔2024〕2号"]
    cited = [d for d in notice.documents(cited=True) if d.kind is DocumentKind.CITED]
    assert [d.id for d in cited] == ["doc:某政办发〔2024〕2号"]


def test_page_broken_item_keeps_lines(notice: govplan.PlanGraph) -> None:
    line = _line_of("1. **装备制造产业")
    t = _task(notice, line)
    assert t.source.end_line == line + 1
    assert t.title == "装备制造产业"
    assert t.text.startswith("装备制造产业。推进智能化改造") and "提升产业链配套水平" in t.text
    assert "**" not in t.text and "牵头" not in t.text
    assert t.path == ("二", "（一）", "1.")
    assert [u.name for u in t.lead] == ["区工业和信息化局"]
    assert [u.name for u in t.support] == ["区科技局", "区财政局"]
    assert t.responsibility == "区工业和信息化局牵头，区科技局、区财政局等按职责分工负责"
    assert [m.text for m in t.mentions] == ["区工业和信息化局", "区科技局", "区财政局"]


def test_heading_annotation_and_items_below(notice: govplan.PlanGraph) -> None:
    head = _task(notice, _line_of("（二）防范化解风险"))
    assert head.title == "防范化解风险" and [u.name for u in head.lead] == ["区发展改革局"]
    child = _task(notice, _line_of("1. 规范项目立项"))
    assert child.parent_id == head.id
    assert child.lead == () and [u.name for u in child.support] == ["区发展改革局", "区财政局"]
    due = _task(notice, _line_of("2. 化解存量风险"))
    assert str(due.deadline) == "2024-06" and due.deadline_text == "2024年6月底前"
    assert [t.id for t in notice.tasks(due="2024-06")] == [due.id]


def test_heading_with_body_paragraph(notice: govplan.PlanGraph) -> None:
    t = _task(notice, _line_of("2. 稳定和扩大就业"))
    assert t.title == "稳定和扩大就业"
    assert "城镇新增就业3000人" in t.text and "（含线上培训）" in t.text  # not an annotation
    assert t.source.end_line == _line_of("城镇新增就业3000人，")
    assert t.path == ("二", "（一）", "2.")


def test_fourth_level_items_in_both_widths(notice: govplan.PlanGraph) -> None:
    a = _task(notice, _line_of("（1）建设老年助餐"))
    b = _task(notice, _line_of("(2) 实施适老化改造"))
    assert a.path == ("二", "（一）", "1.", "（1）") and b.path == ("二", "（一）", "1.", "(2)")
    assert [u.name for u in b.lead] == ["区民政局", "区残联"] and b.support == ()


def test_queries_by_unit(notice: govplan.PlanGraph) -> None:
    led = {t.source.line for t in notice.tasks(led_by="区工业和信息化局")}
    assert led == {_line_of("1. **装备制造产业"), _line_of("2. 食品加工产业")}
    assert {t.source.line for t in notice.tasks(supported_by="区农业农村局")} == {_line_of("2. 食品加工产业")}


def test_unit_list_without_role_is_a_diagnostic(notice: govplan.PlanGraph) -> None:
    line = _line_of("3. 加强教育帮扶")
    assert not [t for t in notice.tasks() if t.source.line == line]
    [d] = [d for d in notice.diagnostics() if d.code == "unread-annotation"]
    assert d.line == line and "区卫生健康局" in d.message


def test_targets_only_in_goal_sections(notice: govplan.PlanGraph) -> None:
    values = sorted((t.source.line, t.value) for t in notice.targets())
    goal = _line_of("——**产业提质增效")
    assert (goal, 8) in values and (goal, 5) in values
    assert {line for line, _ in values} == {goal, _line_of("新增高新技术企业10家以上"), _line_of("城镇新增就业3000人以上")}
    assert [str(t.deadline) for t in notice.targets() if t.source.line == goal] == ["2024", "2024"]


def test_taskforces_in_mechanism_sections(notice: govplan.PlanGraph) -> None:
    forces = notice.taskforces()
    assert [f.name for f in forces] == ["产业升级行动工作专班", "民生保障行动工作专班"]
    first = forces[0]
    assert first.office is not None and first.office.name == "区发展改革局"
    assert [m.name for m in first.members] == ["区科技局", "区财政局", "区商务局"]
    assert first.action_id == notice.actions()[0].id


def test_ids_are_unique_and_stable(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    a, b = govplan.load(path), govplan.load(path)
    ids = [t.id for t in a.tasks()]
    assert len(ids) == len(set(ids)) and ids == [t.id for t in b.tasks()]
    assert all(i.startswith("task:notice:") for i in ids)


def test_coverage_accounts_for_every_line(notice: govplan.PlanGraph) -> None:
    [cov] = notice.coverage()
    assert cov.nonblank == sum(1 for t in NOTICE.splitlines() if t.strip())
    assert cov.in_objects > 0 and cov.boilerplate > 0
    assert cov.unexplained == ()  # the one unread bracket is diagnosed, not lost
    assert cov.diagnosed == 1


def test_strict_mode_raises_on_diagnostics(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    with pytest.raises(govplan.StrictModeError) as info:
        govplan.load(path, strict=True)
    assert info.value.diagnostics and info.value.path == str(path)


def test_plan_without_notice_and_labelled_pairs(tmp_path: Path) -> None:
    text = """青山区2024年优化营商环境工作方案

一、工作目标
到2024年底，新增经营主体1.2万户以上。

二、主要任务
（一）提升政务服务效能
1.推行“一网通办”。推进事项网上办理。（牵头单位：区政务服务中心；配合单位：区各有关单位；完成时限：2024年6月底前）
2.保障项目用地。统筹建设用地。（责任单位：区自然资源局、区发展改革局，各街镇）
3.加强融资服务。开展银企对接。（区金融工作局、区财政局负责。列第一位者为牵头单位）
"""
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    g = govplan.load(path)
    [doc] = g.documents()
    assert doc.kind is DocumentKind.PLAN and doc.doc_number is None and doc.id == "doc:plan:1"
    assert doc.jurisdiction == "青山区"
    [plan] = g.plans()
    assert plan.kind is PlanKind.OVERALL and plan.year == 2024
    t1, t2, t3 = g.tasks()
    assert [u.name for u in t1.lead] == ["区政务服务中心"] and str(t1.deadline) == "2024-06"
    assert t2.lead == () and [u.name for u in t2.support][-1] == "各街镇"
    assert [u.name for u in t3.lead] == ["区金融工作局"] and [u.name for u in t3.support] == ["区财政局"]


def test_unbracketed_label_lines(tmp_path: Path) -> None:
    text = """青山县2024年重点工作任务分工方案

一、稳增长
1．扩大有效投资，全年完成固定资产投资增长6%。
牵头部门：县发改委
配合部门：县财政局、县自然资源和规划局
完成时间：2024年12月底

2．促进消费扩容提质。
牵头部门：县商务局
"""
    path = tmp_path / "split.txt"
    path.write_text(text, encoding="utf-8")
    g = govplan.load(path)
    a, b = g.tasks()
    assert (a.source.line, a.source.end_line) == (4, 7)
    assert [u.name for u in a.lead] == ["县发改委"] and len(a.support) == 2
    assert str(a.deadline) == "2024-12" and "牵头部门" not in a.text
    assert [u.name for u in b.lead] == ["县商务局"] and b.path == ("一", "2．")


def test_several_documents_in_one_file(tmp_path: Path) -> None:
    text = """ 某政通〔2024〕1号

青山区人民政府
关于青山工业园实行封闭管理的通告

根据有关规定，现将有关事项通告如下：
一、封闭范围
东至青山路，西至河西路。

青山区人民政府
2024年3月1日

某政办发〔2024〕9号

青山区人民政府办公室
关于印发《青山区2024年安全生产工作要点》的通知

各街道：
现印发给你们，请遵照执行。

青山区人民政府办公室
2024年3月2日

青山区2024年安全生产工作要点

一、重点任务
（一）开展隐患排查。每月开展一次排查（区应急局牵头，区公安分局配合）。
"""
    path = tmp_path / "two.txt"
    path.write_text(text, encoding="utf-8")
    g = govplan.load(path)
    docs = g.documents()
    assert [(d.doc_number, d.kind) for d in docs] == [
        ("某政通〔2024〕1号", DocumentKind.NOTICE),
        ("某政办发〔2024〕9号", DocumentKind.PLAN_NOTICE),
    ]
    [plan] = g.plans()
    assert plan.document_id == docs[1].id
    [task] = g.tasks()
    assert [u.name for u in task.lead] == ["区应急局"] and [u.name for u in task.support] == ["区公安分局"]
    assert "东至青山路" not in task.text


def test_enumerated_clauses_share_the_closing_annotation(tmp_path: Path) -> None:
    text = """青山区2024年城市更新工作方案

一、工作任务
1．推进老旧小区改造。完成改造12个小区。
①完成东片区改造，6月底前完工；
②完成西片区改造，年底前完工。（区住建局牵头，各街道配合）
"""
    path = tmp_path / "enum.txt"
    path.write_text(text, encoding="utf-8")
    [t] = govplan.load(path).tasks()
    assert (t.source.line, t.source.end_line) == (4, 6) and t.path == ("一", "1．")
    assert str(t.deadline) == "2024-12" and "东片区" in t.text


def test_empty_file_gives_an_empty_graph_with_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n\n  \n", encoding="utf-8")
    g = govplan.load(path)
    assert len(g) == 0 and [d.code for d in g.diagnostics()] == ["empty-document"]


def test_binary_and_missing_files_raise_clear_errors(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(govplan.DocumentReadError) as info:
        govplan.load(path)
    assert "blob.txt" in str(info.value)
    with pytest.raises(govplan.DocumentReadError):
        govplan.load(tmp_path / "missing.txt")


def test_gb18030_input(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(NOTICE.encode("gb18030"))
    g = govplan.load(path)
    assert len(g.tasks()) == 8 and g.documents()[0].doc_number == "某政办发〔2024〕8号"


def test_text_that_is_no_plan(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text("今天天气很好。\n我们去公园散步，看见很多人（大人和小孩）在放风筝。\n", encoding="utf-8")
    g = govplan.load(path)
    assert g.tasks() == [] and g.documents() == []
    assert "no-document" in {d.code for d in g.diagnostics()}


def _load_text(tmp_path: Path, name: str, text: str) -> govplan.PlanGraph:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return govplan.load(path)


def test_dash_bullets_and_unnumbered_paragraphs_with_their_own_annotations(tmp_path: Path) -> None:
    g = _load_text(tmp_path, "rural.txt", """青山区2024年乡村振兴工作方案

一、工作目标
——粮食生产稳定。粮食播种面积稳定在10万亩以上。

二、重点任务
（一）推进产业发展
加快园区建设。新建标准化基地2个。（区农业农村局牵头，区财政局配合）
培育龙头企业。新增市级以上龙头企业3家。（区农业农村局、区商务局负责）
（二）改善人居环境
——推进厕所革命。完成改厕500户。【区农业农村局牵头】
——推进污水治理。建成处理设施3处。【区生态环境分局牵头，各镇配合】
""")
    tasks = g.tasks()
    assert [t.source.line for t in tasks] == [8, 9, 11, 12]
    assert [t.path for t in tasks] == [("二", "（一）")] * 2 + [("二", "（二）")] * 2
    assert [t.title for t in tasks] == ["加快园区建设", "培育龙头企业", "推进厕所革命", "推进污水治理"]
    assert [u.name for u in tasks[3].support] == ["各镇"]
    assert [t.value for t in g.targets()] == [10]


def test_bare_unit_lists_used_throughout_a_plan(tmp_path: Path) -> None:
    g = _load_text(tmp_path, "bare.txt", """青山区2024年城市管理工作方案

一、工作任务
1. 推进道路改造。完成10条道路改造。（区住建局、区城管局）
2. 整治市容环境。开展专项整治行动。（区城管局）
3. 完善停车设施。新建停车位500个。（区城管局、区交警大队）
""")
    assert [([u.name for u in t.lead], [u.name for u in t.support]) for t in g.tasks()] == [
        ([], ["区住建局", "区城管局"]), ([], ["区城管局"]), ([], ["区城管局", "区交警大队"])]
    [note] = g.diagnostics()
    assert note.code == "bare-unit-lists" and note.severity is govplan.Severity.INFO
    assert govplan.load(tmp_path / "bare.txt", strict=True).tasks()  # an informational note is no failure


def test_attachment_list_in_the_notice_body(tmp_path: Path) -> None:
    g = _load_text(tmp_path, "list.txt", """青政办发〔2024〕12号

青山县人民政府办公室关于印发青山县2024年重点工作任务分工方案的通知

各乡镇人民政府，县直各单位：
现将《青山县2024年重点工作任务分工方案》印发给你们，请认真贯彻执行。

附件：青山县2024年重点工作任务分工方案

青山县人民政府办公室
2024年2月5日

附件

青山县2024年重点工作任务分工方案

一、稳增长
1．扩大有效投资。（县发改委牵头，县财政局配合）
""")
    [doc] = g.documents()
    assert doc.issuer == "青山县人民政府办公室" and doc.jurisdiction == "青山县"
    [plan] = g.plans()
    assert plan.title == "青山县2024年重点工作任务分工方案" and plan.kind is PlanKind.OVERALL
    [task] = g.tasks()
    assert task.path == ("一", "1．") and [u.name for u in task.lead] == ["县发改委"]
    assert g.coverage()[0].unexplained == ()


def test_overall_plan_headings_name_the_actions(tmp_path: Path) -> None:
    g = _load_text(tmp_path, "actions.txt", """某办发〔2023〕2号

某某区委办公室 关于印发《某某区打好“发展两仗”实施方案》的通知

各单位：
现印发给你们。

某某区委办公室
2023年3月8日

某某区打好“发展两仗”实施方案

一、重点任务
(一)打好招商引资主动仗，推动招商工作提质增效。扩大招商。（区商务局牵头）
（二）打好项目建设攻坚仗，推动重大项目加快落地。加快项目建设。（区发改局牵头）

附件：1. 打好招商引资主动仗工作方案
2. 打好项目建设攻坚战工作方案

附件1

打好招商引资主动仗工作方案

一、工作任务
1. 引进企业。[区商务局牵头]

附件1-1

招商引资重点任务清单

一、工作任务
1. 扩大投资。[区发改局牵头]

附件2

打好项目建设攻坚战工作方案

一、工作任务
1. 加快项目建设。[区发改局牵头]
""")
    growth, science = g.actions()
    assert (growth.name, science.name) == ("打好招商引资主动仗", "打好项目建设攻坚战")
    by_line = {t.source.line: t for t in g.tasks()}
    assert by_line[14].action_id == growth.id
    assert by_line[15].action_id == science.id  # 攻坚仗 in the heading, 攻坚战 in the title
    task_list = [p for p in g.plans() if p.kind is PlanKind.TASK_LIST]
    assert [(p.attachment, p.action_id) for p in task_list] == [("附件1-1", growth.id)]
    assert task_list[0].parent_id == g.plans()[1].id
