"""Which reader a file needs, decided by its content first and its suffix second.

:func:`read_source` turns any file a user may hold into numbered lines of text:
plain text in any common Chinese encoding, Word ``.docx``, web pages (``.html``, and
the ``.mht`` / HTML-inside-``.doc`` files government sites offer as "Word" downloads).
Formats govplan cannot read — PDF, images, old binary ``.doc`` / ``.wps``, OFD,
archives, other binary data — raise :class:`~govplan.UnsupportedFormatError` naming
the file and saying what to do.  An empty file is not an error: it has no lines.

>>> src = read_source_bytes("一、目标\\r\\n（一）任务\\r\\n".encode("gb18030"), "plan.txt")
>>> src.format, src.encoding, [line.text for line in src.lines]
('text', 'gb18030', ['一、目标', '（一）任务'])
>>> read_source_bytes(b"%PDF-1.7 ...", "plan.pdf")
Traceback (most recent call last):
...
govplan.errors.UnsupportedFormatError: plan.pdf: a PDF file: convert it to text first ...
"""

from __future__ import annotations

import email
import email.policy
import os
import re
from collections.abc import Iterable

import attrs

from govplan.errors import DocumentReadError, UnsupportedFormatError
from govplan.model import Diagnostic, Severity
from govplan.reading.decode import normalize_text
from govplan.reading.formats.docx import docx_lines
from govplan.reading.formats.entities import fix_entity_residue
from govplan.reading.formats.html import decode_html, html_lines, looks_like_html
from govplan.reading.lines import Line

__all__ = ["FORMATS", "MAX_BYTES", "SourceText", "read_source", "read_source_bytes"]

FORMATS = ("text", "html", "docx")
MAX_BYTES = 256 * 1024 * 1024

_CONVERT = "save it as .docx or .txt"
# (magic bytes, what the file is, what to do) — checked before anything else.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF file", "convert it to text first (for example `pdftotext -layout FILE.pdf`), or open it in Word or WPS and "
     + _CONVERT),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old binary Word/WPS/Excel file (.doc, .wps, .xls)",
     "open it in Word or WPS and " + _CONVERT),
    (b"{\\rtf", "an RTF file", "open it in Word or WPS and " + _CONVERT),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "a scanned page needs OCR first; load the recognised text as .txt"),
    (b"\xff\xd8\xff", "a JPEG image", "a scanned page needs OCR first; load the recognised text as .txt"),
    (b"GIF87a", "a GIF image", "a scanned page needs OCR first; load the recognised text as .txt"),
    (b"GIF89a", "a GIF image", "a scanned page needs OCR first; load the recognised text as .txt"),
    (b"II*\x00", "a TIFF image", "a scanned page needs OCR first; load the recognised text as .txt"),
    (b"MM\x00*", "a TIFF image", "a scanned page needs OCR first; load the recognised text as .txt"),
    (b"\x1f\x8b", "a gzip archive", "unpack it and load the documents inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it and load the documents inside"),
    (b"Rar!\x1a\x07", "a RAR archive", "unpack it and load the documents inside"),
)
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".jsp", ".asp", ".aspx", ".php")
_HTML_TAG = re.compile(r"<(?:p|div|br|table|span|html|body|td|tr|h[1-6]|font|center)[\s>/]", re.IGNORECASE)


def _lines(lines: Iterable[Line]) -> tuple[Line, ...]:
    return tuple(lines)


def _diagnostics(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(diagnostics)


@attrs.frozen
class SourceText:
    """A file as numbered lines of text, whatever its format.

    ``format`` is ``"text"``, ``"html"`` or ``"docx"``; ``encoding`` the character
    encoding detected (None for .docx).  For .docx and web pages, ``lines`` are the
    extracted lines (a paragraph or table row each) and their numbers count those.
    ``diagnostics`` say what was damaged on the way (undecodable bytes).
    """

    path: str
    lines: tuple[Line, ...] = attrs.field(converter=_lines)
    format: str = "text"
    encoding: str | None = None
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics)

    @property
    def text(self) -> str:
        """The lines joined by newlines: what govplan read, for inspection or saving as .txt."""
        return "".join(line.text + "\n" for line in self.lines)


def read_source(path: str | os.PathLike[str]) -> SourceText:
    """Read the file at *path* as numbered lines, choosing the reader by content and suffix.

    Raises :class:`~govplan.DocumentReadError` when the file cannot be opened and
    :class:`~govplan.UnsupportedFormatError` for formats govplan does not read.
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DocumentReadError(f"cannot open: {exc.strerror or exc}", name) from None
    return read_source_bytes(data, name)


def read_source_bytes(data: bytes, path: str = "<input>") -> SourceText:
    """Read the bytes of a file named *path* (the name gives the suffix and appears in messages)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise DocumentReadError(f"expected bytes, got {type(data).__name__}", path)
    data = bytes(data)
    if len(data) > MAX_BYTES:
        raise DocumentReadError(f"larger than {MAX_BYTES // (1024 * 1024)} MB: not a plan document", path)
    if not data:
        return SourceText(path, ())
    suffix = os.path.splitext(path)[1].lower()
    for magic, what, todo in _MAGIC:
        if data.startswith(magic):
            raise UnsupportedFormatError(f"{what}: {todo}", path)
    if _is_image(data):
        raise UnsupportedFormatError("an image: a scanned page needs OCR first; load the recognised text as .txt",
                                     path)
    if data.startswith(_ZIP):
        return _read_zip(data, path)
    if _is_mime_html(data):
        return _read_mime_html(data, path)
    if suffix in (".docx", ".docm", ".dotx"):
        raise UnsupportedFormatError("not a Word .docx package (it is not a zip): " + _CONVERT, path)
    decoded = decode_html(data, path)  # a <meta charset> only counts in bytes that are not UTF-8
    head = decoded.text[:65536]
    if looks_like_html(head) or (suffix in _HTML_SUFFIXES and _HTML_TAG.search(head)):
        return _source(path, html_lines(decoded.text), "html", decoded.encoding, decoded.replaced)
    lines = fix_entity_residue(decoded.text.split("\n"))
    if lines and lines[-1] == "":
        lines.pop()
    return _source(path, lines, "text", decoded.encoding, decoded.replaced)


def _source(path: str, texts: list[str], fmt: str, encoding: str | None, replaced: int = 0) -> SourceText:
    # Entity residue may leave U+00A0 or a control: normalise again, splitting nothing (line numbers stay).
    lines = tuple(Line(n, normalize_text(t).replace("\n", " ")) for n, t in enumerate(texts, 1))
    diagnostics = []
    if replaced:
        first = next((line.number for line in lines if "\ufffd" in line.text), 1)
        diagnostics.append(Diagnostic(
            path, first, "undecodable-bytes",
            f"{replaced} byte(s) were not valid {encoding} and read as U+FFFD; the file may be damaged",
            Severity.WARNING))
    return SourceText(path, lines, fmt, encoding, diagnostics)


def _is_image(data: bytes) -> bool:
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return True
    return data.startswith(b"BM") and len(data) >= 14 and data[6:10] == b"\x00\x00\x00\x00"


def _read_zip(data: bytes, path: str) -> SourceText:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError, KeyError) as exc:
        raise UnsupportedFormatError(f"a damaged zip archive ({exc}): unpack it and load the documents inside",
                                     path) from None
    if "word/document.xml" in names:
        return _source(path, docx_lines(data, path), "docx", None)
    if any(n.startswith("xl/") for n in names):
        what = "an Excel workbook (.xlsx): save the sheet as tab-separated text (.txt)"
    elif any(n.startswith("ppt/") for n in names):
        what = "a PowerPoint file (.pptx): " + _CONVERT
    elif mimetype.startswith(b"application/vnd.oasis.opendocument"):
        what = "an OpenDocument file (.odt/.ods): " + _CONVERT
    elif any(n.lower() in ("ofd.xml", "ofd/ofd.xml") for n in names) or path.lower().endswith(".ofd"):
        what = "an OFD document: export it as .docx or text from an OFD reader"
    else:
        what = "a zip archive: unpack it and load the documents inside"
    raise UnsupportedFormatError(what, path)


_HEADER_LINE = re.compile(rb"[A-Za-z][A-Za-z0-9-]{0,40}:")


def _is_mime_html(data: bytes) -> bool:
    """A "single file web page" (.mht), which sites also serve as a Word .doc download."""
    head = data[:8192].lstrip()
    if not _HEADER_LINE.match(head):
        return False
    headers = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0].lower()
    return b"mime-version:" in headers and (b"multipart/related" in head.lower() or b"text/html" in head.lower())


def _read_mime_html(data: bytes, path: str) -> SourceText:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        for part in message.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True)
                if not isinstance(payload, bytes):
                    payload = b""
                charset = part.get_content_charset()
                if charset:
                    try:
                        decoded_text = normalize_text(payload.decode({"gb2312": "gb18030", "gbk": "gb18030"}.get(
                            charset.lower(), charset)))
                        return _source(path, html_lines(decoded_text), "html", charset.lower())
                    except (LookupError, UnicodeDecodeError):
                        pass
                decoded = decode_html(payload, path)
                return _source(path, html_lines(decoded.text), "html", decoded.encoding, decoded.replaced)
    except (ValueError, LookupError, TypeError, AttributeError, IndexError) as exc:
        raise DocumentReadError(f"damaged web archive (.mht): {str(exc)[:200]}", path) from None
    raise UnsupportedFormatError("a MIME file with no web page inside: " + _CONVERT, path)
