"""Task-list tables in both layouts, on small invented fixtures."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplan.model import Severity
from govplan.reading.lines import Line
from govplan.reading.tables import Role, Table, find_tables
from govplan.reading.tables.cells import first_sentence_title, looks_like_deadline, looks_like_units
from govplan.reading.tables.header import column_roles, looks_like_header


def lines_of(text: str, first: int = 1) -> list[Line]:
    return [Line(first + k, t) for k, t in enumerate(text.split("\n"))]


def one_table(text: str, first: int = 1) -> Table:
    tables = find_tables(lines_of(text, first), "plan.txt")
    assert len(tables) == 1
    return tables[0]


HEADER = "工作任务\t具体工作措施\t牵头单位\t责任单位\t完成时限"

TAB_TABLE = "\n".join(
    [
        "青山区优化营商环境重点任务清单",
        "",
        HEADER,
        "1. 深化改革。\t(1) 加强预算编制，规范资金管理。 (2) 推进分类监管。\t区财政局\t区发改局、区审计局\t2024年12月",
        "\t(3) 强化示范。组织开展典型评选活动。\t区委宣传部\t各街道\t2024年6月底前",
        "（一）以改革促发展\t2. 优化服务。 (4) 开展政策宣讲，编印服务手册。\t区工信局\t各街道、区科技局\t2024年12月",
        "",
        "工作任 务\t具体工作措施\t牵头单位\t责任单位\t完成时限",
        "\t<p>(5) 建立常态化沟通机制。</p> <p>(6) 畅通诉求渠道，限时办结。</p>\t区政务中心\t区直相关单位\t长期坚持",
        "3. 加强监管。\t(7) 规范涉企检查，减少多头执法，对首次轻微违法行为依法从",
        "轻处理并及时公示。\t区司法局\t区市场监管局\t2024年9月",
        "",
        "附件2",
    ]
)


class TestTabRows:
    def test_one_task_per_measure_on_its_row(self) -> None:
        table = one_table(TAB_TABLE)
        assert table.has_responsibility
        got = [(t.line, t.path[-1], t.text[:6]) for t in table.rows]
        assert got == [
            (4, "(1)", "加强预算编制"),
            (4, "(2)", "推进分类监管"),
            (5, "(3)", "强化示范。组"),
            (6, "(4)", "开展政策宣讲"),
            (9, "(5)", "建立常态化沟"),
            (9, "(6)", "畅通诉求渠道"),
            (10, "(7)", "规范涉企检查"),
        ]

    def test_two_measures_share_the_row_cells(self) -> None:
        first, second = one_table(TAB_TABLE).rows[:2]
        assert (first.lead, first.support, first.deadline) == ("区财政局", "区发改局、区审计局", "2024年12月")
        assert (second.lead, second.support, second.deadline) == (first.lead, first.support, first.deadline)

    def test_repeated_header_is_skipped_and_tags_removed(self) -> None:
        table = one_table(TAB_TABLE)
        assert all("工作任" not in t.text and "<p>" not in t.text and "</p>" not in t.text for t in table.rows)
        assert table.rows[4].text == "建立常态化沟通机制。"

    def test_empty_first_cell_continues_the_task_above(self) -> None:
        table = one_table(TAB_TABLE)
        assert table.rows[2].path[-2] != "3."
        assert table.rows[4].path[-2] == "2."  # row 9 has no task cell: still task 2.

    def test_cell_continued_on_the_next_line(self) -> None:
        last = one_table(TAB_TABLE).rows[-1]
        assert last.text.endswith("依法从轻处理并及时公示。")
        assert (last.line, last.end_line) == (10, 11)
        assert (last.lead, last.deadline) == ("区司法局", "2024年9月")

    def test_bounds_and_consumed_lines(self) -> None:
        table = one_table(TAB_TABLE)
        assert (table.start_line, table.end_line) == (3, 11)
        assert set(table.consumed) == set(range(3, 12))
        assert 1 not in table.consumed and 13 not in table.consumed

    def test_paths_and_titles(self) -> None:
        table = one_table(TAB_TABLE)
        assert table.rows[0].path == ("（一）", "1.", "(1)")  # group label centred below
        assert table.rows[3].path == ("（一）", "2.", "(4)")
        assert table.rows[2].title == "强化示范"
        assert table.rows[0].title is None  # first sentence is the whole measure text
        assert table.rows[3].task_label == "2. 优化服务。"
        assert table.rows[3].group == "（一）以改革促发展"

    def test_shifted_and_merged_rows(self) -> None:
        text = "\n".join(
            [
                HEADER,
                "1. 扩大开放。\t2. 引进外资。\t\t区商务局\t2024年12月",
                "\t(1) 开展外资招引，扩大项目储备。\t\t\t",
                "3. 便利通关。\t(2) 压缩货物通关时间。\t区商务局\t\t",
            ]
        )
        table = one_table(text)
        first, second = table.rows
        # heading row lends its cells; the lead cell was empty, so the unit is read as lead
        assert (first.line, first.lead, first.support, first.deadline) == (3, "区商务局", "", "2024年12月")
        assert first.path[-2:] == ("2.", "(1)")
        # a measure row with its own lead keeps its empty cells empty
        assert (second.lead, second.support, second.deadline) == ("区商务局", "", None)
        codes = {d.code for d in table.diagnostics}
        assert "table-row-shape" in codes
        assert all(d.path == "plan.txt" and d.line > 0 for d in table.diagnostics)

    def test_heading_row_with_full_cells_is_its_own_task(self) -> None:
        text = "\n".join(
            [
                HEADER,
                "5. 诚信建设。\t(1) 完善信用机制。\t区发改局\t各街道\t2024年12月",
                "（二）以法治护环境\t6. 加强执法监督。\t区司法局\t区直相关单位\t长期坚持",
                "\t<p>(2) 规范执法程序。</p> <p>(3) 落实三项制度。</p> <p>(4) 开展专项检查。</p>\t区司法局\t各街道\t长期坚持",
                "\t\t区城管局\t各街道\t长期坚持",
                "\t\t区市场监管局\t区商务局\t长期坚持",
            ]
        )
        table = one_table(text)
        heading = [t for t in table.rows if len(t.path) == 2]
        assert len(heading) == 1 and heading[0].line == 3 and heading[0].lead == "区司法局"
        measures = {t.path[-1]: t for t in table.rows}
        # three unit rows for three measures, in order
        assert [measures[k].lead for k in ("(2)", "(3)", "(4)")] == ["区司法局", "区城管局", "区市场监管局"]
        assert measures["(4)"].end_line == 6

    def test_surplus_measures_share_the_last_unit_row(self) -> None:
        text = "\n".join(
            [
                HEADER,
                "1. 清欠。\t(1) 建立台账。 (2) 开展督办。 (3) 公开通报。\t区法院\t各相关单位\t长期坚持",
                "\t\t区工信局\t各街道\t长期坚持",
            ]
        )
        table = one_table(text)
        assert [t.lead for t in table.rows] == ["区法院", "区工信局", "区工信局"]

    def test_quoted_number_does_not_cut_a_measure(self) -> None:
        text = HEADER + "\n1. 改革。\t(1) 落实方案 (3) 所列事项。 (2) 推进试点。\t区财政局\t各街道\t2024年12月"
        table = one_table(text)
        assert [t.path[-1] for t in table.rows] == ["(1)", "(2)"]
        assert table.rows[0].text == "落实方案 (3) 所列事项。"

    def test_row_broken_over_two_lines_with_tabs(self) -> None:
        text = HEADER + "\n1. 改革。\t(1) 推进数据共享，\n完善平台。\t区数据局\t各街道\t2024年12月"
        [task] = one_table(text).rows
        assert task.text == "推进数据共享，完善平台。"
        assert (task.lead, task.support, task.deadline) == ("区数据局", "各街道", "2024年12月")

    def test_row_with_fewer_cells_is_placed_by_content(self) -> None:
        text = HEADER + "\n1. 改革。\t(1) 推进数据共享。\n(2) 完善平台建设。\t区数据局\t2024年12月"
        table = one_table(text)
        assert [(t.text, t.lead, t.deadline) for t in table.rows][-1] == ("完善平台建设。", "区数据局", "2024年12月")
        assert any(d.code == "table-row-shape" for d in table.diagnostics)

    def test_stale_task_label_is_read_past(self) -> None:
        text = "\n".join(
            [
                HEADER,
                "7. 招商。\t(1) 开展招商。\t区商务局\t各街道\t2024年12月",
                "6. 减税降费。\t(2) 持续招商推介。\t区商务局\t各街道\t2024年12月",
            ]
        )
        assert [t.path for t in one_table(text).rows] == [("7.", "(1)"), ("7.", "(2)")]


ONE_CELL = "\n".join(
    [
        "某某区2024年重点工作任务分解",
        "\t序号",
        "\t工作任务",
        "\t牵头单位",
        "\t责任单位",
        "\t完成时限",
        "",
        "\t1",
        "\t新增规模工业企业5家以上。",
        "\t区工信局",
        "\t区发改局",
        "区财政局",
        "区统计局",
        "\t2024年12月",
        "",
        "\t2",
        "\t完成背街小巷改造5条，新建口袋公园",
        "6个。",
        "\t区住建局",
        "\t各街道",
        "",
        "\t3",
        "\t加快建设区级医院。",
        "\t区卫健局",
        "\t",
        "\t2024年6月",
        "",
        "注：以上任务按季度调度。",
    ]
)


class TestOneCellPerLine:
    def test_rows_cells_and_multiline_cells(self) -> None:
        table = one_table(ONE_CELL)
        assert table.header == ("序号", "工作任务", "牵头单位", "责任单位", "完成时限")
        rows = table.rows
        assert [(t.line, t.end_line, t.path) for t in rows] == [(8, 14, ("1",)), (16, 20, ("2",)), (22, 26, ("3",))]
        assert rows[0].support == "区发改局、区财政局、区统计局"
        assert rows[1].text == "完成背街小巷改造5条，新建口袋公园6个。"
        assert (rows[1].lead, rows[1].support, rows[1].deadline) == ("区住建局", "各街道", None)  # trailing cell missing
        assert (rows[2].support, rows[2].deadline) == ("", "2024年6月")

    def test_table_ends_before_a_note(self) -> None:
        table = one_table(ONE_CELL)
        assert (table.start_line, table.end_line) == (2, 26)
        assert 28 not in table.consumed

    def test_untabbed_cells(self) -> None:
        text = "\n".join(
            ["序号", "任务内容", "牵头部门", "配合部门", "", "1", "推进数据共享。", "区数据局", "区财政局",
             "区统计局", "", "2", "完善平台建设。", "区政务中心", "各街道"]
        )
        table = one_table(text)
        assert [(t.text, t.lead, t.support) for t in table.rows] == [
            ("推进数据共享。", "区数据局", "区财政局、区统计局"),
            ("完善平台建设。", "区政务中心", "各街道"),
        ]

    def test_second_header_row_splits_a_person_column(self) -> None:
        text = "\n".join(
            ["\t序号", "\t目标任务", "\t牵头领导", "\t牵头单位", "\t责任单位", "\t责任人", "",
             "\t", "\t", "\t", "\t", "\t", "\t区政府办", "\t牵头单位", "",
             "\t1", "\t推动2家企业挂牌上市。", "\t张  三", "\t区金融办", "\t各相关单位", "\t李四", "\t王五"]
        )
        table = one_table(text)
        [task] = table.rows
        assert (task.lead, task.support, task.text) == ("区金融办", "各相关单位", "推动2家企业挂牌上市。")
        assert [c.role for c in table.columns][-2:] == [Role.OTHER, Role.OTHER]


class TestNoResponsibility:
    def test_directory_table_holds_no_tasks_but_is_consumed(self) -> None:
        text = "\n".join(
            ["附件1", "赋予的区级管理权限事项目录", "\t序号", "\t赋权事项名称", "\t事项编码", "\t赋权单位", "",
             "\t1", "\t户外广告设置审批", "\t123456780001", "\t区自然资源局", "",
             "\t2", "\t临时占道审批", "\t123456780002", "\t区自然资源局", "", "附件2"]
        )
        table = one_table(text)
        assert not table.has_responsibility and table.rows == ()
        assert set(table.consumed) == set(range(3, 17))
        assert any(d.code == "table-no-responsibility" and d.severity is Severity.INFO for d in table.diagnostics)

    def test_tab_project_list(self) -> None:
        text = "序号\t项目名称\t建设内容\t总投资\n1\t青山大道\t道路改造\t2亿元"
        table = one_table(text)
        assert not table.has_responsibility and table.rows == () and set(table.consumed) == {1, 2}


class TestHeaderWords:
    def test_roles(self) -> None:
        roles = [c.role for c in column_roles(["序号", "任务名称", "任务内容", "主责单位", "协办单位", "时间节点", "备注"])]
        assert roles == [Role.SERIAL, Role.LABEL, Role.TEXT, Role.LEAD, Role.SUPPORT, Role.DEADLINE, Role.OTHER]

    def test_responsible_column_alone_is_support(self) -> None:
        roles = [c.role for c in column_roles(["序号", "工作内容", "责任单位", "完成时间"])]
        assert roles == [Role.SERIAL, Role.TEXT, Role.SUPPORT, Role.DEADLINE]

    def test_not_a_header(self) -> None:
        assert not looks_like_header(["区发改局", "区财政局", "2024年12月"])
        assert not looks_like_header(["加强领导。", "落实责任。", "强化督查。"])
        assert find_tables(lines_of("一、工作任务\n（一）加强领导。\t区发改局牵头"), "p.txt") == []


class TestCells:
    @pytest.mark.parametrize("cell", ["2024年12月", "长期坚持", "6月底前", "三季度末", "2024—2025年"])
    def test_deadlines(self, cell: str) -> None:
        assert looks_like_deadline(cell)

    @pytest.mark.parametrize("cell", ["区发改局", "区委宣传部（区文明办）", "各镇、区直相关单位", "驻区金融机构"])
    def test_units(self, cell: str) -> None:
        assert looks_like_units(cell) and not looks_like_deadline(cell)

    def test_title(self) -> None:
        assert first_sentence_title("畅通沟通渠道。建立机制。") == "畅通沟通渠道"
        assert first_sentence_title("畅通沟通渠道。") is None


class TestRobustness:
    def test_huge_line_is_linear(self) -> None:
        big = HEADER + "\n1. 改革。\t" + "(1) 推进（" * 50_000 + "\t区财政局\t各街道\t2024年12月\n" + "区" * 1_000_000
        start = time.perf_counter()
        find_tables(lines_of(big), "big.txt")
        assert time.perf_counter() - start < 5

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.text(alphabet="\t |序号工作任务牵头单位责任单位完成时限(1)（一）1.区局、。2024年月\n<p>", max_size=40), max_size=12))
    def test_any_input_reads_without_error(self, parts: list[str]) -> None:
        for head in (HEADER, "\t序号\n\t工作任务\n\t牵头单位\n\t责任单位\n", "| 序号 | 任务内容 | 牵头部门 | 配合部门 |"):
            self._check("\n".join([head, *parts]))

    @staticmethod
    def _check(text: str) -> None:
        for table in find_tables(lines_of(text), "fuzz.txt"):
            assert table.start_line <= table.end_line
            assert all(table.start_line <= t.line <= t.end_line <= table.end_line for t in table.rows)
            assert set(table.consumed) == set(range(table.start_line, table.end_line + 1))


class TestMoreLayouts:
    def test_markdown_pipe_table(self) -> None:
        text = "\n".join(
            [
                "| 序号 | 工作任务 | 牵头部门 | 配合部门 | 时间节点 |",
                "| --- | --- | --- | --- | --- |",
                "| 1 | 推进数据共享。 | 区数据局 | 区财政局、区统计局 | 2024年6月 |",
                "| 2 | 完善平台建设。 | 区政务中心 | 各街道 | 2024年12月 |",
            ]
        )
        table = one_table(text)
        assert [(t.line, t.path, t.lead, t.deadline) for t in table.rows] == [
            (3, ("1",), "区数据局", "2024年6月"),
            (4, ("2",), "区政务中心", "2024年12月"),
        ]

    def test_one_cell_rows_without_blank_lines(self) -> None:
        text = "\n".join(
            ["\t序号", "\t工作任务", "\t牵头单位", "\t责任单位", "",
             "\t1", "\t推进数据共享。", "\t区数据局", "\t区财政局",
             "\t2", "\t完善平台建设。", "\t区政务中心", "\t各街道",
             "\t3", "\t建设智慧园区。", "\t区工信局", "\t青山园区"]
        )
        table = one_table(text)
        assert [(t.line, t.end_line, t.text, t.lead) for t in table.rows] == [
            (6, 9, "推进数据共享。", "区数据局"),
            (10, 13, "完善平台建设。", "区政务中心"),
            (14, 17, "建设智慧园区。", "区工信局"),
        ]

    def test_paragraph_after_a_complete_row_is_not_swallowed(self) -> None:
        text = HEADER + "\n1. 改革。\t(1) 推进试点。\t区财政局\t各街道\t2024年12月\n三、保障措施\n各单位要加强组织领导，确保任务落实。"
        table = one_table(text)
        assert table.end_line == 2 and table.rows[0].deadline == "2024年12月"

    def test_short_tail_continues_the_last_cell(self) -> None:
        text = HEADER + "\n1. 改革。\t(1) 推进试点。\t区财政局\t各街道\t2024年\n12月底前"
        [task] = one_table(text).rows
        assert task.deadline == "2024年12月底前" and task.end_line == 3

    def test_two_tables_in_one_file(self) -> None:
        text = "\n".join([HEADER, "1. 改革。\t(1) 推进试点。\t区财政局\t各街道\t2024年12月", "", "附件2", "",
                          "序号\t任务内容\t责任单位", "1\t建设园区。\t区工信局"])
        first, second = find_tables(lines_of(text), "p.txt")
        assert (first.end_line, second.start_line) == (2, 6)
        assert second.rows[0].support == "区工信局" and second.rows[0].lead == ""

    def test_huge_cells_stay_linear(self) -> None:
        label = "1. 改革。" + " 2. 深化。" * 100_000
        units = "\n".join(["\t序号", "\t工作任务", "\t牵头单位", "\t责任单位", "", "\t1", "\t推进。", "\t区数据局", "\t区财政局"]
                          + ["区统计局"] * 20_000)
        start = time.perf_counter()
        find_tables(lines_of(HEADER + "\n" + label + "\t(1) 推进。\t区财政局\t各街道\t2024年12月"), "big.txt")
        [table] = find_tables(lines_of(units), "big.txt")
        assert time.perf_counter() - start < 5
        assert table.rows[0].support.count("、") == 20_000

    def test_unnumbered_task_names_in_the_task_column(self) -> None:
        text = "\n".join(
            [
                HEADER,
                "深化国企改革\t(1) 加强预算编制。\t区财政局\t区国资中心\t2024年12月",
                "\t(2) 推进分类监管。\t区财政局\t区国资中心\t2024年12月",
                "优化政务服务\t(3) 推行一网通办。\t区政务中心\t各街道\t2024年12月",
            ]
        )
        rows = one_table(text).rows
        assert [t.task_label for t in rows] == ["深化国企改革", "深化国企改革", "优化政务服务"]
        assert [t.path for t in rows] == [("(1)",), ("(2)",), ("(3)",)]

    def test_page_furniture_and_split_header_words(self) -> None:
        text = "\n".join(
            [
                "序号\t工作\t牵头\t责任\t完成",
                "\t任务\t单位\t单位\t时限",
                "1\t推进数据共享。\t区数据局\t区财政局\t2024年6月",
                "",
                "- 7 -",
                "续表",
                "序号\t工作\t牵头\t责任\t完成",
                "\t任务\t单位\t单位\t时限",
                "2\t完善平台建设。\t区政务中心\t各街道\t2024年12月",
            ]
        )
        table = one_table(text)
        assert [c.role for c in table.columns] == [Role.SERIAL, Role.TEXT, Role.LEAD, Role.SUPPORT, Role.DEADLINE]
        assert [(t.line, t.lead, t.deadline) for t in table.rows] == [(3, "区数据局", "2024年6月"), (9, "区政务中心", "2024年12月")]
        assert table.end_line == 9

    def test_one_cell_header_word_cut_over_two_lines(self) -> None:
        text = "\n".join(["\t序号", "\t工作任务", "\t牵头", "单位", "\t配合单位", "", "\t1", "\t推进数据共享。", "\t区数据局", "\t区财政局"])
        table = one_table(text)
        assert table.header == ("序号", "工作任务", "牵头单位", "配合单位")
        assert (table.rows[0].lead, table.rows[0].support) == ("区数据局", "区财政局")

    def test_group_rows_spanning_the_table(self) -> None:
        text = "\n".join(
            [
                "序号\t重点任务\t牵头单位\t配合单位\t完成时限",
                "一\t项目攻坚行动\t\t\t",
                "1\t新增规模工业企业10家。\t区工信局\t区统计局\t2024年12月",
                "2\t推进技改项目20个。\t区工信局\t区发改局\t2024年12月",
                "二\t项目攻坚行动\t\t\t",
                "3\t完成固定资产投资增长8%。\t区发改局\t各乡镇\t2024年12月",
            ]
        )
        rows = one_table(text).rows
        assert [(t.line, t.path) for t in rows] == [(3, ("（一）", "1")), (4, ("（一）", "2")), (6, ("（二）", "3"))]
        assert rows[2].group == "（二）项目攻坚行动"

    def test_dot_measures_beside_a_task_column(self) -> None:
        text = "\n".join(
            [
                "序号\t主要任务\t具体措施\t责任单位\t配合单位\t完成时间",
                "1\t扩大有效投资\t1.加快项目建设。2.强化要素保障。\t区发改局\t区财政局、区自然资源局\t2024年12月",
                "2\t\t3.做好专项债券申报。\t区财政局\t区发改局\t2024年6月",
            ]
        )
        rows = one_table(text).rows
        assert [(t.path[-1], t.text, t.lead, t.task_label) for t in rows] == [
            ("1.", "加快项目建设。", "区发改局", "扩大有效投资"),
            ("2.", "强化要素保障。", "区发改局", "扩大有效投资"),
            ("3.", "做好专项债券申报。", "区财政局", "扩大有效投资"),
        ]

    def test_bare_lines_table_stops_before_a_wrapped_paragraph(self) -> None:
        text = "\n".join(
            ["任务内容", "牵头部门", "配合部门", "", "推进数据共享。", "区数据局", "区财政局", "",
             "各单位要加强组织领导，明确责任分工，", "确保各项任务按期完成。"]
        )
        table = one_table(text)
        assert table.end_line == 7 and len(table.rows) == 1

    def test_repeated_unnumbered_heading_is_one_task(self) -> None:
        text = "\n".join(
            [
                HEADER,
                "1. 改革。\t(1) 推进试点。\t区财政局\t各街道\t2024年12月",
                "（一）深化改革\t优化营商环境。 (2) 推行一网通办。\t区政务中心\t各街道\t2024年12月",
                "\t优化营商环境。 (3) 推行一件事一次办。\t区政务中心\t各街道\t2024年12月",
            ]
        )
        rows = one_table(text).rows
        assert [t.path for t in rows] == [("（一）", "1.", "(1)"), ("（一）", "2.", "(2)"), ("（一）", "2.", "(3)")]
        assert rows[1].task_label == rows[2].task_label == "优化营商环境。"
