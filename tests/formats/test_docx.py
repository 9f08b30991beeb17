"""Word documents: paragraphs and tables in document order, built with python-docx in the tests."""

from __future__ import annotations

import builtins
import io
import zipfile
from typing import Any

import pytest

from govplan import DocumentReadError, UnsupportedFormatError
from govplan.reading.formats.docx import docx_lines, is_docx_package

docx = pytest.importorskip("docx")
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402


def _bytes(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _plan() -> Any:
    d = docx.Document()
    d.add_paragraph("青政办发〔2024〕3号")
    d.add_paragraph("青山区优化营商环境工作方案")
    d.add_paragraph("")
    d.add_paragraph("一、工作目标")
    p = d.add_paragraph("（一）推进产业升级。")
    p.add_run("加快传统产业改造。").bold = True
    p.add_run("（区发改局牵头，区财政局配合）")
    table = d.add_table(rows=3, cols=4)
    rows = [["工作任务", "牵头单位", "责任单位", "完成时限"],
            ["1.优化服务", "区行政审批局", "区直相关单位", "2024年6月底前"],
            ["", "区发改局", "各街道", "长期坚持"]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))
    d.add_paragraph("附件：1.青山区项目攻坚行动实施方案")
    return d


def test_paragraphs_and_tables_in_document_order() -> None:
    assert docx_lines(_bytes(_plan())) == [
        "青政办发〔2024〕3号",
        "青山区优化营商环境工作方案",
        "",
        "一、工作目标",
        "（一）推进产业升级。加快传统产业改造。（区发改局牵头，区财政局配合）",
        "工作任务\t牵头单位\t责任单位\t完成时限",
        "1.优化服务\t区行政审批局\t区直相关单位\t2024年6月底前",
        "\t区发改局\t各街道\t长期坚持",  # the vertical merge continues the task above
        "附件：1.青山区项目攻坚行动实施方案",
    ]


def test_horizontal_merge_keeps_the_columns() -> None:
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "工作任务"
    t.cell(0, 2).text = "牵头单位"
    t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "1.", "推进改革", "区财政局"
    assert docx_lines(_bytes(d)) == ["工作任务\t\t牵头单位", "1.\t推进改革\t区财政局"]


def test_cell_paragraphs_join_on_one_row() -> None:
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "(1)加强预算编制。"
    t.cell(0, 0).add_paragraph("(2)推进分类监管。")
    t.cell(0, 1).text = "区财政局"
    assert docx_lines(_bytes(d)) == ["(1)加强预算编制。 (2)推进分类监管。\t区财政局"]


def test_soft_breaks_hidden_and_deleted_text() -> None:
    d = docx.Document()
    p = d.add_paragraph("一、工作目标")
    p.add_run().add_break()
    p.add_run("（一）推进改革")
    p.add_run("隐藏").font.hidden = True
    deleted = OxmlElement("w:del")
    run = OxmlElement("w:r")
    text = OxmlElement("w:delText")
    text.text = "删除的文字"
    run.append(text)
    deleted.append(run)
    p._p.append(deleted)
    assert docx_lines(_bytes(d)) == ["一、工作目标", "（一）推进改革"]


def _numbered(d: Any, text: str, num_id: int, level: int) -> None:
    p = d.add_paragraph(text)
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", level), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(value))
        num_pr.append(el)
    p._p.get_or_add_pPr().append(num_pr)


def _add_chinese_numbering(d: Any) -> int:
    numbering = d.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level, (fmt, text) in enumerate([("chineseCounting", "%1、"), ("chineseCounting", "（%2）"),
                                         ("decimal", "%3."), ("decimalEnclosedCircle", "%4")]):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            lvl.append(el)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return 90


def test_automatic_numbering_is_printed_as_the_reader_expects() -> None:
    d = docx.Document()
    num = _add_chinese_numbering(d)
    for text, level in [("工作目标", 0), ("重点任务", 0), ("推进改革", 1), ("优化服务", 2), ("压减时限", 2),
                        ("细项", 3), ("扩大投资", 1), ("组织实施", 0)]:
        _numbered(d, text, num, level)
    d.add_paragraph("结束")
    assert docx_lines(_bytes(d)) == [
        "一、工作目标", "二、重点任务", "（一）推进改革", "1.优化服务", "2.压减时限", "①细项",
        "（二）扩大投资", "三、组织实施", "结束"]


def test_list_style_numbering() -> None:
    d = docx.Document()
    d.add_paragraph("第一项", style="List Number")
    d.add_paragraph("第二项", style="List Number")
    assert docx_lines(_bytes(d)) == ["1.第一项", "2.第二项"]


def test_missing_python_docx_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _bytes(_plan())
    real_import = builtins.__import__

    def no_docx(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "docx" or name.startswith("docx."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_docx)
    with pytest.raises(UnsupportedFormatError, match=r"plan\.docx: .*install govplan\[docx\]"):
        docx_lines(data, "plan.docx")


def test_damaged_packages_raise_document_read_errors() -> None:
    good = _bytes(_plan())
    with pytest.raises(DocumentReadError, match="damaged .docx"):
        docx_lines(good[: len(good) // 2], "half.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", "<not xml")
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(DocumentReadError, match=r"bad\.docx: damaged"):
        docx_lines(out.getvalue(), "bad.docx")
    assert is_docx_package(good) and not is_docx_package(b"PK\x03\x04junk")


def test_zip_bomb_is_refused_before_unpacking() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w/>")
        z.writestr("word/media/huge.bin", b"")
    data = bytearray(out.getvalue())
    # Forge the declared size of one entry, as a zip bomb would have it.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/media/huge.bin")
    header = data.find(b"PK\x01\x02", 0)
    while header >= 0:
        name_len = int.from_bytes(data[header + 28:header + 30], "little")
        if data[header + 46:header + 46 + name_len] == info.filename.encode():
            data[header + 24:header + 28] = (700 * 1024 * 1024).to_bytes(4, "little")
        header = data.find(b"PK\x01\x02", header + 4)
    with pytest.raises(DocumentReadError, match="512 MB"):
        docx_lines(bytes(data), "bomb.docx")
