"""Tables that run across group rows, page furniture and repeated headers, and full rows
read by position; small invented fixtures."""

from __future__ import annotations

from govplan.reading.lines import Line
from govplan.reading.tables import Table, find_tables
from govplan.reading.tables.header import column_roles
from govplan.reading.tables.layout import fit_cells, group_cells, is_group_heading


def lines_of(text: str, first: int = 1) -> list[Line]:
    return [Line(first + k, t) for k, t in enumerate(text.split("\n"))]


def one_table(text: str) -> Table:
    tables = find_tables(lines_of(text), "plan.txt")
    assert len(tables) == 1
    return tables[0]


HEADER_LINES = ["序号", "重点任务", "责任单位", "完成时间"]

# One cell per line, no leading tab; group rows, a page footer and the header printed again.
GROUPED = "\n".join(
    [
        "青山区2025年重点任务清单",  # 1
        "",
        *HEADER_LINES,  # 3-6
        "",
        "一、稳住经济大盘",  # 8
        "",
        "1",  # 10
        "实施重点项目攻坚，全年开工项目50个。",
        "区发改局（牵头）、区财政局",
        "2025年12月底前",
        "",
        "2",  # 15
        "开展促消费活动，发放消费券。",
        "区商务局（牵头）、区财政局",
        "2025年6月底前",
        "",
        "二、培育新兴产业",  # 20
        "",
        "3",  # 22
        "新认定高新技术企业30家。",
        "区科技局（牵头）、区工信局",
        "2025年11月底前",
        "",
        "— 3 —",  # 27
        "",
        *HEADER_LINES,  # 29-32
        "",
        "4",  # 34
        "建设中试平台2个。",
        "区科技局（牵头）、青山高新区管委会",
        "持续推进",
        "",
        "三、保障措施",  # 39: a section of the plan after the table, not a group
        "",
        "各单位要加强组织领导，压实工作责任，确保各项任务按期完成。",  # 41
    ]
)


class TestGroupRowsInOneCellTables:
    def test_every_row_is_read_across_group_rows_and_pages(self) -> None:
        table = one_table(GROUPED)
        assert [t.line for t in table.rows] == [10, 15, 22, 34]
        assert [t.path[-1] for t in table.rows] == ["1", "2", "3", "4"]

    def test_group_row_is_the_group_of_the_rows_below(self) -> None:
        table = one_table(GROUPED)
        assert [t.path[0] for t in table.rows] == ["（一）", "（一）", "（二）", "（二）"]
        assert table.rows[0].group == "（一）稳住经济大盘"
        assert table.rows[3].group == "（二）培育新兴产业"

    def test_cells_stay_in_their_columns(self) -> None:
        last = one_table(GROUPED).rows[-1]
        assert last.support == "区科技局（牵头）、青山高新区管委会"
        assert last.deadline == "持续推进"
        assert last.text == "建设中试平台2个。"

    def test_a_heading_followed_by_prose_ends_the_table(self) -> None:
        table = one_table(GROUPED)
        assert (table.start_line, table.end_line) == (3, 37)
        assert 39 not in table.consumed and 41 not in table.consumed

    def test_numeral_and_name_as_a_group_row(self) -> None:
        text = "\n".join(
            [*HEADER_LINES, "", "一", "稳住经济大盘", "", "1", "实施重点项目攻坚。", "区发改局", "2025年12月",
             "", "二", "培育新兴产业", "", "2", "新认定高新技术企业。", "区科技局", "2025年11月"]
        )
        table = one_table(text)
        assert [(t.line, t.path[0], t.support) for t in table.rows] == [
            (9, "（一）", "区发改局"), (17, "（二）", "区科技局")
        ]

    def test_group_row_right_under_the_header_with_tabs(self) -> None:
        text = "\n".join(
            ["\t序号", "\t工作任务", "\t牵头单位", "\t完成时限", "", "（一）优化服务", "",
             "\t1", "\t推行一网通办。", "\t区政务服务中心", "\t2025年6月"]
        )
        [row] = one_table(text).rows
        assert (row.line, row.path[0], row.lead, row.deadline) == (8, "（一）", "区政务服务中心", "2025年6月")


class TestFullRowsByPosition:
    HEADER = "序号\t工作任务\t具体措施\t责任领导\t牵头单位\t配合单位\t完成时限"

    def test_an_unfamiliar_unit_name_does_not_shift_the_row(self) -> None:
        text = "\n".join(
            [
                self.HEADER,
                "1\t庭院整治\t开展美丽庭院评选。\t李某某\t镇妇联\t各村（社区）\t2025年6月底前",
                "2\t\t组织志愿服务进村。\t李某某\t镇青年志愿者服务队伍\t各村（社区）\t2025年9月底前",
            ]
        )
        first, second = one_table(text).rows
        assert (first.text, first.lead, first.support) == ("开展美丽庭院评选。", "镇妇联", "各村（社区）")
        assert (second.text, second.lead, second.deadline) == ("组织志愿服务进村。", "镇青年志愿者服务队伍", "2025年9月底前")

    def test_fit_cells_maps_a_full_row_by_position(self) -> None:
        cols = column_roles(self.HEADER.split("\t"))
        cells = ["3", "", "推进绿化。", "王某某", "某某协作队伍", "", "长期坚持"]
        placed, note = fit_cells(cols, cells)
        assert placed == tuple(cells) and note is None

    def test_a_row_printed_flush_left_with_its_tabs_at_the_end(self) -> None:
        # the merged task cell was dropped and its tab printed after the last cell instead
        cols = column_roles(["工作任务", "具体工作措施", "牵头单位", "责任单位", "完成时限"])
        placed, note = fit_cells(cols, ["(4) 开展专项检查。", "区城管局", "各街道", "2025年3月", ""])
        assert placed == ("", "(4) 开展专项检查。", "区城管局", "各街道", "2025年3月")
        assert note is not None
        # an empty cell among the filled ones is a real cell: kept where it was printed
        cells = ["(4) 开展专项检查。", "", "区城管局", "2025年3月", ""]
        assert fit_cells(cols, cells) == (tuple(cells), None)

    def test_a_short_row_is_still_placed_by_content(self) -> None:
        cols = column_roles(["工作任务", "具体工作措施", "牵头单位", "责任单位", "完成时限"])
        placed, note = fit_cells(cols, ["(2) 推进试点。", "区财政局", "2024年12月"])
        assert placed == ("", "(2) 推进试点。", "区财政局", "", "2024年12月")
        assert note is not None


class TestGroupHeadings:
    def test_headings_and_sentences(self) -> None:
        assert is_group_heading("一、稳住经济大盘")
        assert is_group_heading("(三) 保障民生")
        assert not is_group_heading("1. 推进试点")
        assert not is_group_heading("一、加强领导。各单位要压实责任，确保按期完成。")

    def test_group_cells_need_a_task_column(self) -> None:
        cols = column_roles(["序号", "牵头单位", "配合单位", "完成时限"])
        assert group_cells(cols, ["一、稳住经济大盘"]) is None
        cols = column_roles(HEADER_LINES)
        assert group_cells(cols, ["一", "区发改局"]) is None  # a unit, not a group name
