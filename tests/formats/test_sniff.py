"""Choosing the reader by content and suffix; clear errors for what govplan cannot read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import govplan
from govplan import DocumentReadError, UnsupportedFormatError
from govplan.reading.sniff import SourceText, read_source, read_source_bytes

PLAN = "一、工作目标\n\n（一）推进产业转型。（区发改局牵头，区财政局配合）\n"
PAGE = "<!DOCTYPE html><html><body><div id='zoom'><p>一、工作目标</p><p>（一）推进产业升级。</p></div></body></html>"


def _zip(**members: bytes | str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name.replace("__", "/"), data)
    return out.getvalue()


def texts(src: SourceText) -> list[str]:
    return [line.text for line in src.lines]


def test_text_in_any_encoding_and_line_end(tmp_path: Path) -> None:
    path = tmp_path / "方案.txt"
    path.write_bytes(PLAN.replace("\n", "\r\n").encode("gbk"))
    src = read_source(path)
    assert (src.path, src.format, src.encoding) == (str(path), "text", "gb18030")
    assert texts(src) == ["一、工作目标", "", "（一）推进产业转型。（区发改局牵头，区财政局配合）"]
    assert [line.number for line in src.lines] == [1, 2, 3]
    assert src.text == PLAN


def test_html_by_suffix_or_by_content() -> None:
    for name in ("page.html", "page.htm", "page.txt", "page", "download.doc"):
        src = read_source_bytes(PAGE.encode(), name)
        assert src.format == "html", name
        assert texts(src) == ["一、工作目标", "（一）推进产业升级。"]


def test_html_suffix_without_markup_is_text() -> None:
    assert read_source_bytes(PLAN.encode(), "plan.html").format == "text"


def test_stray_tags_in_a_text_file_stay_text() -> None:
    src = read_source_bytes("工作任务\t具体工作措施\n1.推进\t<p>(1)加强编制。</p>\n".encode(), "t.txt")
    assert src.format == "text" and "<p>" in src.lines[1].text


def test_docx_by_content_whatever_the_suffix() -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("一、工作目标")
    out = io.BytesIO()
    d.save(out)
    for name in ("plan.docx", "plan.bin", "plan"):
        src = read_source_bytes(out.getvalue(), name)
        assert (src.format, src.encoding, texts(src)) == ("docx", None, ["一、工作目标"])


def test_mht_web_archive_served_as_word() -> None:
    body = PAGE.replace("<html>", "<html><head><meta charset='gb2312'></head>").encode("gbk")
    import base64

    mht = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
           b"Content-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           + base64.encodebytes(body) + b"\r\n--B--\r\n")
    src = read_source_bytes(mht, "plan.doc")
    assert src.format == "html" and texts(src) == ["一、工作目标", "（一）推进产业升级。"]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "plan.pdf", r"plan\.pdf: a PDF file: convert it to text first"),
        (b"%PDF-1.4 binary", "plan.txt", r"plan\.txt: a PDF file"),  # content wins over the suffix
        (b"\x89PNG\r\n\x1a\n\x00\x00", "scan.png", "PNG image: a scanned page needs OCR"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "scan.jpg", "JPEG image"),
        (b"GIF89a\x01\x00", "x.gif", "GIF image"),
        (b"II*\x00\x08\x00", "x.tif", "TIFF image"),
        (b"BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00", "x.bmp", "an image"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "x.webp", "an image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "old.doc", r"old binary Word/WPS.*save it as \.docx"),
        (b"{\\rtf1\\ansi", "x.rtf", "RTF"),
        (b"\x1f\x8b\x08\x00", "x.gz", "gzip archive: unpack it"),
        (b"Rar!\x1a\x07\x00", "x.rar", "RAR archive"),
        (b"7z\xbc\xaf\x27\x1c\x00", "x.7z", "7-Zip"),
        (_zip(a__txt="方案"), "bundle.zip", "a zip archive: unpack it"),
        (_zip(xl__workbook_xml="<w/>"), "t.xlsx", "Excel workbook"),
        (_zip(ppt__presentation_xml="<p/>"), "t.pptx", "PowerPoint"),
        (_zip(mimetype="application/vnd.oasis.opendocument.text", content_xml="<x/>"), "t.odt", "OpenDocument"),
        (_zip(OFD_xml="<ofd/>"), "t.ofd", "OFD document"),
        (b"PK\x03\x04broken", "t.zip", "damaged zip"),
        (b"plain text that claims to be Word", "t.docx", r"t\.docx: not a Word \.docx package"),
        (bytes(range(256)) * 8, "blob.dat", "binary data, not text"),
    ],
)
def test_unsupported_formats_say_what_they_are_and_what_to_do(data: bytes, name: str, message: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=message) as info:
        read_source_bytes(data, name)
    assert info.value.path == name


def test_load_reports_unsupported_files_by_name(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.5\n")
    with pytest.raises(UnsupportedFormatError, match=str(path).replace("\\", r"\\")):
        govplan.load(path)


def test_empty_file_has_no_lines(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    src = read_source(path)
    assert src.lines == () and src.diagnostics == ()
    g = govplan.load(path)
    assert list(g.tasks()) == [] and len(g.documents()) == 0


def test_missing_file_and_wrong_argument() -> None:
    with pytest.raises(DocumentReadError, match="cannot open"):
        read_source("/nonexistent/plan.txt")
    with pytest.raises(DocumentReadError, match="expected bytes"):
        read_source_bytes("text", "x.txt")  # type: ignore[arg-type]


def test_damaged_bytes_become_a_diagnostic_on_their_line() -> None:
    data = "一、工作目标\n（一）推进".encode() + b"\xff" + "改革。\n".encode()
    src = read_source_bytes(data, "d.txt")
    assert src.lines[1].text == "（一）推进\ufffd改革。"
    [diag] = src.diagnostics
    assert (diag.path, diag.line, diag.code) == ("d.txt", 2, "undecodable-bytes")


def test_entity_residue_is_decoded_in_text_files_without_renumbering() -> None:
    src = read_source_bytes("区财政局&nbsp;牵头\n甲&nb\nsp;乙\n".encode(), "web.txt")
    assert texts(src) == ["区财政局 牵头", "甲 ", "乙"]


def test_damage_reaches_the_graph_and_strict_mode(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes("青山区2024年工作方案\n一、工作目标\n（一）推进".encode() + b"\xff" + "改革。（区财政局牵头）\n".encode())
    codes = [(d.code, d.line) for d in govplan.load(path).diagnostics()]
    assert ("undecodable-bytes", 3) in codes
    with pytest.raises(govplan.StrictModeError, match="undecodable-bytes|not valid utf-8"):
        govplan.load(path, strict=True)
