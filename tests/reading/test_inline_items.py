"""Three layouts (invented text): numbered tasks run together in one paragraph, markdown
heading hashes, and a merged time cell in a continuation row of a task table."""

from __future__ import annotations

from pathlib import Path

import govplan
from govplan.reading.inline import split_inline_items
from govplan.reading.lines import Line
from govplan.reading.tables import find_tables
from govplan.reading.text import Paragraph


def _load(tmp_path: Path, text: str) -> govplan.PlanGraph:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return govplan.load(path)


# -- 1. "（一）标题。1.甲（X牵头）；2.乙（Y负责）；3.丙…" in one paragraph ---------------------------

_INLINE = """青山区2024年城市更新行动方案

一、工作目标
到2024年底，完成老旧小区改造30个。

二、重点任务
（一）推进老旧小区改造。1.开展摸底调查，建立改造项目库，6月底前完成（区住建局牵头，各街道配合）；2.完善配套设施，\
加装电梯50部（区城管局、区住建局按职责分工负责）；3.建立长效管护机制（区民政局负责，持续推进）。
（二）提升公共空间品质。4.建设口袋公园10个，年底前建成（区园林局牵头，区规划分局配合）；5.整治背街小巷（区城管局负责）。
"""


def test_inline_items_become_one_task_each(tmp_path: Path) -> None:
    g = _load(tmp_path, _INLINE)
    tasks = sorted(g.tasks(), key=lambda t: t.path)
    assert [t.path[-1] for t in tasks] == ["1.", "2.", "3.", "4.", "5."]
    assert {t.source.line for t in tasks[:3]} == {7} and {t.source.line for t in tasks[3:]} == {8}
    assert len({t.id for t in tasks}) == 5  # tasks sharing a line still have ids of their own
    by = {t.path[-1]: t for t in tasks}
    assert [u.name for u in by["1."].lead] == ["区住建局"] and [u.name for u in by["1."].support] == ["各街道"]
    assert [u.name for u in by["4."].lead] == ["区园林局"]
    # each item its own deadline only
    assert str(by["1."].deadline) == "2024-06" and by["2."].deadline is None
    assert str(by["4."].deadline) == "2024-12" and by["5."].deadline is None


def test_shared_annotation_enumeration_stays_whole() -> None:
    # clauses without annotations of their own: one task, not three
    p = Paragraph.of([(3, "（一）推进改造。1.摸清底数；2.分类处置；3.建立机制。（区住建局牵头）")])
    assert split_inline_items([p]) == [p]
    # numbers out of sequence are not a run of items
    q = Paragraph.of([(4, "（二）完善设施。3.加装电梯（区城管局负责）；7.建设公园（区园林局负责）。")])
    assert split_inline_items([q]) == [q]


def test_split_keeps_source_lines() -> None:
    p = Paragraph.of([(5, "（一）盘活用地。1.摸清底数（区规划局牵头）；2.分类处置，"), (6, "加快转型（区经信委负责）。")])
    parts = split_inline_items([p])
    assert [x.text[:2] for x in parts] == ["（一", "1.", "2."]
    assert (parts[2].first_line, parts[2].last_line) == (5, 6)
    assert parts[2].line_at(parts[2].text.index("区经信委")) == 6


# -- 2. markdown headings ------------------------------------------------------------------------

_MARKDOWN = """某某县2025年招商引资攻坚行动方案

# 一、攻坚目标

力争全年引进亿元以上项目20个，实际到位资金增长10%以上。

# 二、攻坚任务

## （一）强化项目招引

1.开展精准招商，全年举办推介活动6场（县商务局牵头，县投资促进中心配合）。
"""


def test_markdown_heading_hashes_are_not_structure(tmp_path: Path) -> None:
    g = _load(tmp_path, _MARKDOWN)
    assert len(list(g.targets())) == 2  # the goal section is found under "# 一、攻坚目标"
    [task] = g.tasks()
    assert task.path == ("二", "（一）", "1.")
    assert [u.name for u in task.lead] == ["县商务局"]


# -- 3. an empty time cell in a continuation row --------------------------------------------------

_TABLE = """| 序号 | 攻坚任务 | 工作措施 | 责任单位 | 完成时限 |
|---|---|---|---|---|
| 1 | 用地保障 | 统筹新增建设用地计划，优先保障重点项目。 | 县自然资源局（牵头）、县林业局 | 2025年9月 |
|  |  | 盘活闲置土地800亩。 | 县自然资源局（牵头）、县开发区管委会 |  |
| 2 | 审批提速 | 推行承诺即开工审批模式。 | 县行政审批局（牵头） |  |
"""


def test_continuation_row_inherits_merged_time_cell() -> None:
    [table] = find_tables([Line(k + 1, t) for k, t in enumerate(_TABLE.split("\n"))], "plan.txt")
    rows = {r.line: r for r in table.rows}
    assert rows[3].deadline == "2025年9月"
    assert rows[4].deadline == "2025年9月"  # the vertically merged cell
    assert not rows[5].deadline  # a numbered row of its own inherits nothing
