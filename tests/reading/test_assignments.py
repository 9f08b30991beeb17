"""A trailing division of labour (三、责任分工 / 第（N）项由X牵头，Y配合) gives the items above
their responsibility (invented text)."""

from __future__ import annotations

from pathlib import Path

import govplan
from govplan.reading.assignments import parse_assignment

_PLAN = """青山区2024年城市更新实施方案

一、工作目标
　　到2024年底，完成老旧小区改造12个。
二、重点任务
　　（一）改造老旧小区。完成老旧小区改造12个，6月底前全部开工。
　　（二）整治背街小巷。整治背街小巷30条，推动管线入地。
　　（三）增加停车泊位。新增公共停车泊位800个。
　　（四）提升绿化品质。建设口袋公园5个。
三、责任分工
　　第（一）、（二）项由区住建局牵头，区财政局配合；
　　（三）项由区城管局负责，2024年9月底前完成；
　　第5项由区林业局牵头。
四、保障措施
　　区住建局每季度通报进展。
"""


def _by_line(tmp_path: Path, text: str) -> govplan.PlanGraph:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return govplan.load(path)


def test_division_of_labour_lines_make_the_items_they_name_tasks(tmp_path: Path) -> None:
    g = _by_line(tmp_path, _PLAN)
    tasks = {t.source.line: t for t in g.tasks()}
    assert sorted(tasks) == [6, 7, 8]  # the items, not the 分工 lines; （四） is named by nobody
    assert [u.name for u in tasks[6].lead] == ["区住建局"]
    assert [u.name for u in tasks[7].support] == ["区财政局"]
    assert tasks[6].responsibility == "由区住建局牵头，区财政局配合"
    assert str(tasks[6].deadline) == "2024-06"  # the item's own text (rule 2)
    assert str(tasks[8].deadline) == "2024-09"  # a time in its 分工 line (rule 1)
    assert tasks[8].source.end_line == 8  # the item's own lines, not the 分工 section
    codes = {(d.line, d.code) for d in g.diagnostics()}
    assert (13, "assignment-without-item") in codes  # 第5项: there is no fifth item
    assert (12, "numbering-out-of-sequence") not in codes  # （三）项由… refers, it is no item
    assert (9, "item-without-annotation") in codes
    assert g.coverage()[0].unexplained == ()  # the 分工 lines are accounted for


def test_parse_assignment_reads_ranges_and_rejects_prose() -> None:
    a = parse_assignment("第（六）至（八）项由区民政局牵头，区残联配合。")
    assert a is not None and a.numbers == (6, 7, 8) and a.parsed.lead == ("区民政局",)
    assert parse_assignment("第一项任务已全面完成，成效明显。") is None
    assert parse_assignment("第" + "一" * 200 + "项由区民政局牵头") is None
