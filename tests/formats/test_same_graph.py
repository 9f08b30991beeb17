"""The same document read as .txt, .docx and .html gives the same graph (line numbers aside)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import govplan
from tests.formats.convert import lines_to_docx, lines_to_html, signature
from tests.robustness.docgen import GeneratedDocument, plan_documents

pytest.importorskip("docx")

NOTICE = """\
青政办发〔2024〕5号

青山区人民政府办公室
关于印发《青山区实施“两大行动”工作方案》的通知

各街道办事处，区直各单位：

《青山区实施“两大行动”工作方案》已经区政府研究同意，现印发给你们，请抓好贯彻落实。

青山区人民政府办公室

2024年2月8日

青山区实施“两大行动”工作方案

为推动全区经济平稳健康运行，制定本方案。

一、主要目标

力争2024年，地区生产总值增长6.5%以上，社会消费品零售总额增长9%，新增规模工业企业5家。

二、重点任务

（一）大力实施产业升级行动

1. 推进园区建设。完善园区配套设施，2024年9月底前完成标准厂房建设。（区工业和信息化局牵头，区自然资源局、区财政局按职责分工负责）

2. 优化营商环境。推行“一件事一次办”。[区行政审批局牵头，区直相关单位配合]

（二）大力实施民生保障行动（区民政局牵头）

1. 建设社区食堂。新建社区食堂3个，年底前投入运营。（牵头单位：区民政局；责任单位：各街道）

2. 促进就业创业。开展职业技能培训1000人次。（区人力资源社会保障局负责）

三、组织实施

成立产业升级行动工作专班，区政府分管副区长担任召集人，区工业和信息化局主要负责同志任副召集人，成员单位有区财政局、区自然资源局、区商务局等，专班办公室设在区工业和信息化局，承担专班日常工作。

附件

青山区2024年重点任务清单

工作任务\t具体工作措施\t牵头单位\t责任单位\t完成时限
1. 扩大有效投资。\t(1) 加快重点项目建设，强化要素保障。\t区发展改革局\t区财政局、区自然资源局\t2024年12月
\t(2) 做好项目谋划储备。\t区发展改革局\t区直相关单位\t长期坚持
2. 促进消费提质。\t(3) 开展促消费活动。\t区商务局\t各街道\t2024年6月
"""

LINES = NOTICE.split("\n")


def _read(tmp_path: Path, name: str, data: bytes) -> govplan.PlanGraph:
    path = tmp_path / name
    path.write_bytes(data)
    return govplan.load(path)


@pytest.fixture
def as_text(tmp_path: Path) -> govplan.PlanGraph:
    return _read(tmp_path, "plan.txt", NOTICE.encode("utf-8"))


def test_the_text_reads_as_intended(as_text: govplan.PlanGraph) -> None:
    # Guard against comparing three empty graphs: the fixture must mean something to the reader.
    sig = signature(as_text)
    assert [d[1] for d in sig["documents"]] == ["青政办发〔2024〕5号"]
    assert len(sig["tasks"]) >= 7 and len(sig["targets"]) >= 3 and len(sig["taskforces"]) == 1
    assert {t[3][:4] for t in sig["tasks"]} >= {"推进园区", "加快重点", "做好项目", "开展促消"}


def test_docx_gives_the_same_graph(tmp_path: Path, as_text: govplan.PlanGraph) -> None:
    assert signature(_read(tmp_path, "plan.docx", lines_to_docx(LINES))) == signature(as_text)


def test_html_gives_the_same_graph(tmp_path: Path, as_text: govplan.PlanGraph) -> None:
    page = lines_to_html(LINES)
    assert signature(_read(tmp_path, "plan.html", page.encode("utf-8"))) == signature(as_text)
    assert signature(_read(tmp_path, "plan-gbk.htm", page.replace("utf-8", "gb2312").encode("gbk"))) == \
        signature(as_text)


def test_text_in_other_encodings_and_line_ends_gives_the_same_graph(tmp_path: Path,
                                                                     as_text: govplan.PlanGraph) -> None:
    for name, data in [("bom.txt", b"\xef\xbb\xbf" + NOTICE.encode()),
                       ("gbk.txt", NOTICE.replace("\n", "\r\n").encode("gbk")),
                       ("utf16.txt", NOTICE.encode("utf-16"))]:
        assert signature(_read(tmp_path, name, data)) == signature(as_text), name


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(plan_documents())  # damaged: a line broken in the text is two paragraphs in the .docx and the page
def test_generated_documents_read_alike_in_every_format(tmp_path: Path, doc: GeneratedDocument) -> None:
    text = signature(_read(tmp_path, "gen.txt", doc.text.encode("utf-8")))
    assert signature(_read(tmp_path, "gen.docx", lines_to_docx(doc.lines))) == text
    assert signature(_read(tmp_path, "gen.html", lines_to_html(doc.lines).encode("utf-8"))) == text
