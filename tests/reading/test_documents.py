"""Document headers, attachment lists and where each plan sits (invented documents)."""

from __future__ import annotations

import datetime as dt

import pytest

from govplan.reading.documents import DOC_NUMBER, jurisdiction_of, parse_date, split_documents
from govplan.reading.lines import Line


def lines(text: str) -> list[Line]:
    return [Line(n, t) for n, t in enumerate(text.splitlines(), start=1)]


@pytest.mark.parametrize(
    "number",
    ["某政办发〔2024〕6号", "青办发〔2023〕2号", "临云政通〔2024〕1号", "某政办函〔2024〕4号", "某政发[2024]3号",
     "某府办发（2024）12号", "某发【2024】1号", "某政办发〔2024〕第6号"],
)
def test_document_numbers(number: str) -> None:
    assert DOC_NUMBER.match(number)


@pytest.mark.parametrize("text", ["根据《某方案》（某政办发〔2023〕2号）精神", "2024年3月22日", "某政办发〔2024〕"])
def test_not_document_numbers(text: str) -> None:
    assert not DOC_NUMBER.match(text)


@pytest.mark.parametrize(
    ("issuer", "place"),
    [("临江市某阳区人民政府办公室", "某阳区"), ("中共青湖区委青湖区管委会办公室", "青湖区"), ("某罗市人民政府办公室", "某罗市"),
     ("临湖市某溪区人民政府", "某溪区"), ("某山县人民政府", "某山县"), (None, None), ("办公室", None)],
)
def test_jurisdiction_of(issuer: str | None, place: str | None) -> None:
    assert jurisdiction_of(issuer) == place


def test_jurisdiction_of_plan_titles() -> None:
    assert jurisdiction_of("青山区2024年优化营商环境工作方案") == "青山区"
    assert jurisdiction_of("中心城区2024年建设方案") is None
    assert jurisdiction_of("城市更新行动方案") is None


def test_parse_date() -> None:
    assert parse_date("2024年3月22日") == dt.date(2024, 3, 22)
    assert parse_date("2025年3月17日印发") == dt.date(2025, 3, 17)
    assert parse_date("二〇二四年十二月三十一日") == dt.date(2024, 12, 31)
    assert parse_date("2024年2月30日") is None and parse_date("2024年起") is None


NOTICE = """某政办发〔2024〕6号

某某区人民政府办公室 关于印发《某某区实施“两大行动”总体方案》的 通    知

各镇人民政府，区直各单位：

《某某区实施“两大行动”总体方案》已经区政府同意，现印发给你们。

某某区人民政府办公室
2024年3月12日

某某区实施“两大行动”总体方案

为加快发展，制定本方案。

一、主要目标

新增企业5家。

附件：1.产业提质行动实施方案
2.民生改善行动
工作方案

抄送：区委办公室。

某某区人民政府办公室 2024年3月12日印发

附件 1

产业提质行动实施方案

一、工作目标

新增企业3家。

民生改善行动实施方案

为改善民生，制定本方案。

一、工作任务

1. 办好实事。[区民政局牵头]

附件2-1

民生实事任务清单

一、工作任务
"""


def at(text: str, after: int = 0) -> int:
    return next(n for n, t in enumerate(NOTICE.splitlines(), start=1) if n > after and t.startswith(text))


def test_notice_with_attachments() -> None:
    [doc] = split_documents(lines(NOTICE))
    assert doc.doc_number == "某政办发〔2024〕6号" and doc.number_line == 1
    assert doc.title == "关于印发《某某区实施“两大行动”总体方案》的通知"
    assert doc.issuer == "某某区人民政府办公室" and doc.jurisdiction == "某某区"
    assert doc.date == dt.date(2024, 3, 12) and doc.kind == "plan_notice" and doc.year == 2024
    assert [(a.label, a.title) for a in doc.attachments] == [("附件1", "产业提质行动实施方案"), ("附件2", "民生改善行动工作方案")]
    got = [(p.title_line, p.title, p.attachment, p.kind) for p in doc.plans]
    assert got == [
        (at("某某区实施“两大行动”总体方案", 10), "某某区实施“两大行动”总体方案", None, "overall"),
        (at("产业提质行动实施方案", 25), "产业提质行动实施方案", "附件1", "implementation"),
        (at("民生改善行动实施方案"), "民生改善行动实施方案", "附件2", "implementation"),  # title differs from the list's
        (at("民生实事任务清单"), "民生实事任务清单", "附件2-1", "task_list"),
    ]
    assert doc.plans[0].body_end < at("附件 1") and doc.plans[1].body_end == at("民生改善行动实施方案") - 1
    assert doc.plans[2].body_end == at("附件2-1") - 1
    assert {at("抄送"), at("某某区人民政府办公室 2024")} <= doc.boilerplate  # copy-to and printing lines
    assert {1, 3, at("各镇人民政府"), at("2024年3月12日")} <= doc.header_lines


def test_red_header_title_before_number_and_chinese_date() -> None:
    text = """当前位置：首页 > 政策文件
某某区人民政府办公室关于印发某某区稳进提质若干措施的通知
某某区人民政府办公室文件
某政办发〔2024〕3号
各镇人民政府：
现将《某某区稳进提质若干措施》印发给你们。
某某区人民政府办公室
二〇二四年二月二十八日
某某区稳进提质若干措施
一、扩大需求
（一）加快项目建设。（区发改局牵头）
"""
    [doc] = split_documents(lines(text))
    assert doc.start == 1 and doc.title == "关于印发某某区稳进提质若干措施的通知"
    assert doc.issuer == "某某区人民政府办公室" and doc.date == dt.date(2024, 2, 28)
    assert [p.title for p in doc.plans] == ["某某区稳进提质若干措施"]


def test_plans_without_notice_are_documents_of_their_own() -> None:
    text = """某某镇2024年人居环境整治工作方案

一、工作任务
1、推进厕所革命。【镇农业服务中心牵头】

某某镇2024年安全生产工作要点

一、主要任务
（一）开展隐患排查。（镇应急办牵头）
"""
    docs = split_documents(lines(text))
    assert [(d.kind, [p.title for p in d.plans], d.jurisdiction) for d in docs] == [
        ("plan", ["某某镇2024年人居环境整治工作方案"], "某某镇"),
        ("plan", ["某某镇2024年安全生产工作要点"], "某某镇"),
    ]
    assert all(p.kind == "overall" and p.attachment is None for d in docs for p in d.plans)


def test_notice_without_plan() -> None:
    text = """ 某政办函〔2024〕2号

某某区人民政府办公室
关于调整部分农村供水水源保护范围的通知

某某镇人民政府：
经区人民政府同意，现调整某水库水源保护范围。
特此通知。

某某区人民政府办公室
2024年4月8日
"""
    [doc] = split_documents(lines(text))
    assert doc.kind == "notice" and doc.plans == [] and doc.notice_body == (7, 9)


def test_title_above_a_task_table() -> None:
    text = """某政办发〔2024〕2号
某某区人民政府办公室
关于印发2024年《重点民生实事》任务分解的通知
各单位：
现印发给你们。
某某区人民政府办公室
2024年2月2日
2024年《重点民生实事》任务分解
\t序号
"""
    [doc] = split_documents(lines(text), frozenset({9}), frozenset({9}))
    assert [(p.title, p.kind) for p in doc.plans] == [("2024年《重点民生实事》任务分解", "task_list")]
    assert doc.kind == "plan_notice"


def test_number_with_signer_and_cited_numbers() -> None:
    text = """某政发〔2024〕5号          签发人：张某某

某某区人民政府关于某某事项的请示

市人民政府：
根据《某某通知》（某政办发〔2023〕2号）要求，现请示如下。

某某区人民政府
2024年5月6日
"""
    [doc] = split_documents(lines(text))
    assert doc.doc_number == "某政发〔2024〕5号" and doc.title == "关于某某事项的请示"
