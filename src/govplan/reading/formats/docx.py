"""Word documents: paragraphs as lines and tables as tab-separated rows, in document order.

Needs the optional extra ``govplan[docx]`` (python-docx, which opens the package and
parses its XML safely).  The body is walked directly so that nothing python-docx's
paragraph API skips is lost: content controls, tracked insertions, hyperlinks, field
results and text boxes are read; deleted text, field codes and the duplicate fallback
copies of drawings are not.  Automatic numbering (a heading numbered by Word, not
typed) is rendered as printed — ``一、``, ``（一）``, ``1.`` — because the numbering is
how a reader finds the structure of a plan.

A cell spanning columns or continuing a vertical merge leaves an empty cell, the way
a converted task-list table shows a task continued from the row above.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from govplan.errors import DocumentReadError, UnsupportedFormatError

__all__ = ["docx_lines", "is_docx_package"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIPPED = frozenset({W + "del", W + "delText", W + "instrText", W + "fldData", W + "rPr", W + "pPr",
                      W + "tcPr", W + "tblPr", W + "trPr", W + "sectPr", W + "moveFrom", _MC_FALLBACK})
_MAX_UNPACKED = 512 * 1024 * 1024  # a zip that inflates beyond this is a zip bomb, not a plan
_MAX_ENTRIES = 20_000


def is_docx_package(data: bytes) -> bool:
    """True when *data* is a zip holding ``word/document.xml`` (.docx, .docm, .dotx)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError):
        return False


def docx_lines(data: bytes, path: str | None = None) -> list[str]:
    """The text of a .docx as lines: one per paragraph (soft breaks start new lines),
    one per table row with cells joined by tabs.  Empty paragraphs give empty lines."""
    try:
        import docx  # noqa: F401  (python-docx)
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
    except ImportError:
        raise UnsupportedFormatError(
            "reading .docx needs python-docx: install govplan[docx] (pip install 'govplan[docx]'),"
            " or save the document as .txt", path) from None
    _check_package(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        numbering = _Numbering(_related_element(document.part, RT.NUMBERING), _related_element(document.part, RT.STYLES))
        return list(_body_lines(body, numbering))
    except (DocumentReadError, RecursionError, MemoryError):
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged package
        raise DocumentReadError(f"damaged .docx ({type(exc).__name__}: {str(exc)[:200]}); open it in Word or WPS"
                                " and save it again, or save it as .txt", path) from None


def _check_package(data: bytes, path: str | None) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise DocumentReadError(f"damaged .docx (not a readable zip: {exc})", path) from None
    if len(infos) > _MAX_ENTRIES or sum(i.file_size for i in infos) > _MAX_UNPACKED:
        raise DocumentReadError(".docx unpacks to more than 512 MB or 20,000 parts: refusing to read it", path)
    if "word/document.xml" not in {i.filename for i in infos}:
        raise UnsupportedFormatError("a zip without word/document.xml is not a Word document", path)


def _related_element(part: Any, reltype: str) -> Any:
    try:
        return part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


def _local(el: Any) -> str:
    tag = el.tag
    return tag if isinstance(tag, str) else ""


# --- body, paragraphs, tables --------------------------------------------------------------------


def _body_lines(container: Any, numbering: _Numbering) -> Iterator[str]:
    for child in container.iterchildren():
        tag = _local(child)
        if tag == W + "p":
            yield from _paragraph_text(child, numbering).split("\n")
        elif tag == W + "tbl":
            yield from _table_rows(child, numbering)
        elif tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "smartTag"):
            yield from _body_lines(child, numbering)


def _paragraph_text(p: Any, numbering: _Numbering | None) -> str:
    pieces = [numbering.label(p)] if numbering is not None else []
    stack = list(reversed(list(p.iterchildren())))
    while stack:  # iterative: a hostile file may nest deeply
        el = stack.pop()
        tag = _local(el)
        if tag in _SKIPPED or (tag == W + "r" and _hidden(el)):
            continue
        if tag == W + "t":
            pieces.append(el.text or "")
        elif tag in (W + "tab", W + "ptab"):
            pieces.append("\t")
        elif tag in (W + "br", W + "cr"):
            pieces.append("\n")
        elif tag == W + "noBreakHyphen":
            pieces.append("-")
        elif tag == W + "p":  # a paragraph inside a text box: its own line
            pieces.append("\n")
            pieces.append(_paragraph_text(el, None))
            pieces.append("\n")
        else:
            stack.extend(reversed(list(el.iterchildren())))
    return "".join(pieces)


def _hidden(run: Any) -> bool:
    props = run.find(W + "rPr")
    if props is None:
        return False
    vanish = props.find(W + "vanish")
    return vanish is not None and vanish.get(W + "val", "true") not in ("0", "false", "off")


def _table_rows(tbl: Any, numbering: _Numbering) -> Iterator[str]:
    for tr in tbl.iterchildren(W + "tr"):
        cells: list[str] = []
        for tc in _row_cells(tr):
            props = tc.find(W + "tcPr")
            span, continued = 1, False
            if props is not None:
                grid = props.find(W + "gridSpan")
                if grid is not None:
                    value = (grid.get(W + "val") or "1")[:4]
                    span = max(1, min(int(value), 200)) if value.isdigit() else 1
                merge = props.find(W + "vMerge")
                continued = merge is not None and merge.get(W + "val", "continue") != "restart"
            cells.append("" if continued else _cell_text(tc, numbering))
            cells.extend([""] * (span - 1))
        if any(cells):
            yield "\t".join(cells)


def _row_cells(tr: Any) -> Iterator[Any]:
    for child in tr.iterchildren():
        tag = _local(child)
        if tag == W + "tc":
            yield child
        elif tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            yield from _row_cells(child)


def _cell_text(tc: Any, numbering: _Numbering) -> str:
    parts = [line.replace("\t", " ").strip() for line in _body_lines(tc, numbering)]
    return " ".join(p for p in parts if p)


# --- automatic numbering -------------------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """一 … 九十九 as written in headings; larger numbers in digits."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if not tens:
        return _CN_DIGITS[ones]
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def _letters(n: int, upper: bool) -> str:
    base = ord("A" if upper else "a")
    return chr(base + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int, upper: bool) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    text = "".join(out)
    return text if upper else text.lower()


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
               "ideographDigital", "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting"):
        return _chinese(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n, fmt == "upperRoman")
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Numbering:
    """Counters for Word's automatic list numbering, advanced paragraph by paragraph.

    Only what plans use is modelled: numbering set on the paragraph or its style,
    per-level start values, formats and level text (``%1、``, ``（%2）``), restart of
    deeper levels.  Bullets print nothing.
    """

    def __init__(self, numbering: Any, styles: Any) -> None:
        self._abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        self._num_to_abstract: dict[str, str] = {}
        self._overrides: dict[str, dict[int, int]] = {}
        self._style_num: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._seen: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, numbering: Any) -> None:
        for abstract in numbering.iterchildren(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iterchildren(W + "lvl"):
                ilvl = _int(lvl.get(W + "ilvl"), 0)
                start = _int(_val(lvl, "start"), 1)
                levels[ilvl] = (start, _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "")
            self._abstract[abstract.get(W + "abstractNumId") or ""] = levels
        for num in numbering.iterchildren(W + "num"):
            num_id = num.get(W + "numId") or ""
            self._num_to_abstract[num_id] = _val(num, "abstractNumId") or ""
            for override in num.iterchildren(W + "lvlOverride"):
                restart = _val(override, "startOverride")
                if restart is not None:
                    self._overrides.setdefault(num_id, {})[_int(override.get(W + "ilvl"), 0)] = _int(restart, 1)

    def _read_styles(self, styles: Any) -> None:
        based_on: dict[str, str] = {}
        for style in styles.iterchildren(W + "style"):
            style_id = style.get(W + "styleId") or ""
            parent = _val(style, "basedOn")
            if parent:
                based_on[style_id] = parent
            ppr = style.find(W + "pPr")
            num_pr = ppr.find(W + "numPr") if ppr is not None else None
            if num_pr is not None:
                num_id = _val(num_pr, "numId")
                if num_id:
                    self._style_num[style_id] = (num_id, _int(_val(num_pr, "ilvl"), 0))
        for style_id in list(based_on):  # inherit numbering through basedOn chains (bounded walk)
            seen, current = set(), style_id
            while current not in self._style_num and current in based_on and current not in seen:
                seen.add(current)
                current = based_on[current]
            if current in self._style_num and style_id not in self._style_num:
                self._style_num[style_id] = self._style_num[current]

    def label(self, p: Any) -> str:
        """The number Word would print before paragraph *p* (advancing the counters), or ''."""
        ppr = p.find(W + "pPr")
        if ppr is None:
            return ""
        num_id, ilvl = None, 0
        style = ppr.find(W + "pStyle")
        if style is not None and style.get(W + "val") in self._style_num:
            num_id, ilvl = self._style_num[style.get(W + "val")]
        num_pr = ppr.find(W + "numPr")
        if num_pr is not None:
            num_id = _val(num_pr, "numId") or num_id
            ilvl = _int(_val(num_pr, "ilvl"), ilvl)
        if not num_id or num_id == "0" or num_id not in self._num_to_abstract:
            return ""
        levels = self._abstract.get(self._num_to_abstract[num_id], {})
        if ilvl not in levels:
            return ""
        abstract_id = self._num_to_abstract[num_id]
        # Lists sharing an abstract definition continue one count, unless a list restarts it.
        counters = self._counters.setdefault(abstract_id, {})
        starts = self._overrides.get(num_id, {})
        if num_id not in self._seen:
            self._seen.add(num_id)
            for level in starts:
                counters.pop(level, None)

        def start_of(level: int) -> int:
            return starts.get(level, levels.get(level, (1, "", ""))[0])

        counters[ilvl] = counters.get(ilvl, start_of(ilvl) - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        _, fmt, text = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""
        for level in range(ilvl, -1, -1):
            if f"%{level + 1}" in text:
                value = counters.get(level, start_of(level))
                text = text.replace(f"%{level + 1}", _format_number(value, levels.get(level, (1, fmt, ""))[1]))
        return text


def _val(el: Any, child: str) -> str | None:
    found = el.find(W + child)
    return None if found is None else found.get(W + "val")


def _int(value: str | None, default: int) -> int:
    if value is None:
        return default
    value = value.strip()[:6]
    return int(value) if value.lstrip("-").isdigit() else default
