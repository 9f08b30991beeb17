"""Web pages: the article's text as lines, tables as tab-separated rows.

Government sites wrap a plan in navigation, breadcrumbs, share buttons and footers.
:func:`html_lines` keeps the article: scripts, styles, navigation and hidden elements
are dropped; when one element marked as content (``<article>``, ``<main>``,
``class="content"``, ``id="zoom"``, ``TRS_Editor`` …) holds most of the page's text,
only it is read: the outermost such element, and the last heading before it (sites print
the notice title just above the body).  Block elements end lines; a data table becomes one line per row,
its cells joined by tabs, so the task-list-table reader sees the same rows it sees
in a converted text file.

>>> html_lines("<div class='nav'>首页 &gt; 政策</div><div id='zoom'><p>一、目标</p>"
...            "<table><tr><td>工作任务</td><td>牵头单位</td></tr>"
...            "<tr><td>1.推进改革</td><td>区发改局</td></tr></table></div>")
['一、目标', '工作任务\\t牵头单位', '1.推进改革\\t区发改局']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from govplan.reading.decode import DecodedText, decode, normalize_text
from govplan.reading.formats._tokens import tokens

__all__ = ["decode_html", "html_lines", "looks_like_html"]

_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split())
_BLOCK = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu
    nav ol p pre section summary table tbody td tfoot th thead tr ul""".split())
_DROPPED = frozenset(
    """head script style noscript template svg math canvas iframe object embed select option button
    input textarea nav aside map audio video""".split())
_NAV_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar"})
_NAV_TOKENS = frozenset(
    """nav navbar navigation menu breadcrumb breadcrumbs crumb crumbs footer share sharing sidebar pagination
    pager toolbar topbar copyright skip position location related friendlink""".split())
_CONTENT_TOKENS = frozenset(
    """article content contents main zoom detail details text trs_editor editor zhengwen neirong
    artibody post entry""".split())
_TOKEN_SPLIT = re.compile(r"[\s\-_]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_MAX_DEPTH = 200  # deeper nesting is flattened into its ancestor: no page needs more, recursion stays bounded
_MAX_SPAN = {"colspan": 64, "rowspan": 1000}  # wider or longer spans are page errors (or attacks), not layout
_CONTENT_SHARE = 0.7  # a content element must hold this share of the page's text to be read alone


class _Node:
    __slots__ = ("tag", "attrs", "children", "size", "has_table")

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []
        self.size = 0  # visible characters inside, filled in by _measure
        self.has_table = False  # a table somewhere inside, filled in by _measure


def looks_like_html(head: str) -> bool:
    """True when text begins like a web page (doctype, ``<html>``, ``<head>``, ``<body>``, ``<meta>``).

    >>> looks_like_html("  <!DOCTYPE html><html>"), looks_like_html("一、目标 <p>")
    (True, False)
    """
    start = head.lstrip("\ufeff \t\r\n")[:1024].lower()
    if start.startswith(("<!doctype html", "<html", "<head", "<body", "<meta")):
        return True
    if start.startswith(("<?xml", "<!--", "<!doctype")):
        return "<html" in start
    return False


_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.IGNORECASE)
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
                    "cp936": "gb18030", "utf8": "utf-8"}


def decode_html(data: bytes, path: str | None = None) -> DecodedText:
    """Decode a web page: by its byte-order mark; else as UTF-8 when the bytes are valid UTF-8
    (pages often declare gb2312 and are UTF-8); else by its ``<meta charset>`` when the bytes
    agree with it; else by detection as for plain text.

    >>> decode_html('<meta charset="gbk"><p>方案</p>'.encode("gbk")).encoding
    'gb18030'
    >>> decode_html('<meta charset="gb2312"><p>方案</p>'.encode("utf-8")).encoding
    'utf-8'
    """
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x84\x31\x95\x33")) and not _is_utf8(data):
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            encoding = _CHARSET_ALIASES.get(declared, declared)
            try:
                text = data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                pass
            else:
                if "\x00" not in text:
                    return DecodedText(normalize_text(text), encoding)
    return decode(data, path)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def html_lines(text: str) -> list[str]:
    """The article text of the page *text* as lines (no blank lines; tables as tab-separated rows)."""
    root = _build(text)
    _measure(root)
    article = _article(root)
    out = _Lines()
    _render(article if article is not None else root, out, pre=False)
    out.end_line()
    if article is not None:
        title = _title_before(root, article)
        if title and title not in out.lines[:5]:
            out.lines.insert(0, title)
    return out.lines


# --- building a tree -----------------------------------------------------------------------------


def _build(text: str) -> _Node:
    """A forgiving tree: end tags close the nearest open element of their name, cells and rows
    close the open cell or row of their table, and nesting is capped at _MAX_DEPTH."""
    root = _Node("#root", {})
    stack = [root]
    open_count: Counter[str] = Counter()
    frames: list[Counter[str]] = [Counter()]  # open elements per table level, for implied cell/row ends

    def pop() -> None:
        node = stack.pop()
        if node.tag == "table":
            frames.pop()
        open_count[node.tag] -= 1
        frames[-1][node.tag] -= 1

    def pop_to(*tags: str) -> None:
        while stack[-1].tag not in tags:
            pop()
        pop()

    for token in tokens(text):
        kind, name = token[0], token[1]
        if kind == "text":
            children = stack[-1].children
            if children and isinstance(children[-1], str):
                children[-1] += name
            else:
                children.append(name)
        elif kind == "start":
            frame = frames[-1]
            if name in ("td", "th") and frame["td"] + frame["th"] > 0:
                pop_to("td", "th")
            elif name == "tr":
                if frame["td"] + frame["th"] > 0:
                    pop_to("td", "th")
                if frames[-1]["tr"] > 0:
                    pop_to("tr")
            elif name == "li" and stack[-1].tag == "li":
                pop()
            elif name == "p" and stack[-1].tag == "p":
                pop()
            node = _Node(name, token[2])  # type: ignore[misc]
            stack[-1].children.append(node)
            if name in _VOID or len(stack) >= _MAX_DEPTH:
                continue
            stack.append(node)
            open_count[name] += 1
            frames[-1][name] += 1
            if name == "table":
                frames.append(Counter())
        elif open_count[name] > 0:
            pop_to(name)
        elif name in ("br", "p"):  # browsers read a stray </br> or </p> as a line break
            stack[-1].children.append(_Node("br", {}))
    return root


def _measure(node: _Node) -> int:
    """Fill in ``size`` and ``has_table`` bottom-up (depth is capped, so recursion is bounded)."""
    size = 0
    for child in node.children:
        if isinstance(child, str):
            size += len(child) - child.count(" ") - child.count("\n")
        elif not _is_dropped(child):
            size += _measure(child)
            node.has_table = node.has_table or child.has_table or child.tag == "table"
    node.size = size
    return size


def _tokens_of(node: _Node) -> set[str]:
    words = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}".lower()
    return {w for w in _TOKEN_SPLIT.split(words) if w} | {w.strip() for w in words.split() if w.strip()}


def _is_dropped(node: _Node) -> bool:
    if node.tag in _DROPPED:
        return True
    attrs = node.attrs
    if not attrs:
        return False
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    if attrs.get("role", "").lower() in _NAV_ROLES:
        return True
    if "style" in attrs and _HIDDEN_STYLE.search(attrs["style"]):
        return True
    words = _tokens_of(node)
    return bool(words & _NAV_TOKENS) and not words & _CONTENT_TOKENS


def _is_content(node: _Node) -> bool:
    if node.tag in ("article", "main") or node.attrs.get("role", "").lower() == "main":
        return True
    return bool(_tokens_of(node) & _CONTENT_TOKENS)


def _article(root: _Node) -> _Node | None:
    """The outermost content-marked element holding most of the page's text, if any.

    Outermost, not deepest: sites put the title (``<h1>``) and date just outside the
    ``#zoom`` body, and a notice without its title would lose the most telling line.
    """
    total = root.size
    if not total:
        return None
    todo = [root]
    while todo:
        node = todo.pop()
        for child in node.children:
            if isinstance(child, _Node) and not _is_dropped(child) and child.size >= _CONTENT_SHARE * total:
                if _is_content(child):
                    return child
                todo.append(child)  # at most one child holds most of the text: one path is walked
    return None


_HEADINGS = frozenset({"h1", "h2", "h3"})


def _title_before(root: _Node, article: _Node) -> str | None:
    """The text of the last heading (``<h1>``–``<h3>``, or an element whose class or id says
    title) before *article* in document order: the notice title sites print above the body."""
    found: str | None = None
    todo: list[_Node | str] = [root]
    while todo:
        node = todo.pop()
        if isinstance(node, str) or _is_dropped(node):
            continue
        if node is article:
            return found
        if node.tag in _HEADINGS or {"title", "biaoti"} & _tokens_of(node):
            text = _cell_text(node)
            if text:
                found = text
            continue
        todo.extend(reversed(node.children))
    return found


# --- rendering lines -----------------------------------------------------------------------------

_WHITESPACE = re.compile(r"[ \t\r\n\f]+")
_RUNS = re.compile(r"[ \n]+")


def _segment_break(m: re.Match[str]) -> str:
    """Whitespace between two East Asian wide characters that holds a newline vanishes (CSS Text 3
    segment-break rule), so ``产业\\n升级`` in the page source reads 产业升级, not 产业 升级."""
    run = m.group()
    if "\n" not in run:
        return " "
    s, start, end = m.string, m.start(), m.end()
    if start > 0 and end < len(s) and _wide(s[start - 1]) and _wide(s[end]):
        return ""
    return " "


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F", "H") and not "\uac00" <= ch <= "\ud7a3"


class _Lines:
    """Collects text into lines: whitespace collapsed as a browser would, empty lines skipped."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._pieces: list[str] = []

    def text(self, data: str) -> None:
        self._pieces.append(_WHITESPACE.sub(lambda m: "\n" if "\n" in m.group() or "\r" in m.group() else " ", data))

    def end_line(self) -> None:
        if not self._pieces:
            return
        line = _RUNS.sub(_segment_break, "".join(self._pieces))
        self._pieces = []
        line = line.replace("\xa0", " ").replace("\t", " ").strip()
        if line:
            self.lines.append(line)


def _render(node: _Node, out: _Lines, *, pre: bool) -> None:
    for child in node.children:
        if isinstance(child, str):
            if pre:  # preformatted text keeps its line breaks
                first, *rest = child.split("\n")
                out.text(first)
                for part in rest:
                    out.end_line()
                    out.text(part)
            else:
                out.text(child)
            continue
        if _is_dropped(child):
            continue
        tag = child.tag
        if tag == "br":
            out.end_line()
        elif tag == "table" and _is_data_table(child):
            out.end_line()
            for row in _table_rows(child):
                out.lines.append(row)
        elif tag in _BLOCK:
            out.end_line()
            _render(child, out, pre=pre or tag in ("pre", "listing"))
            out.end_line()
        else:
            _render(child, out, pre=pre)


# --- tables --------------------------------------------------------------------------------------


def _rows(table: _Node) -> Iterable[_Node]:
    """The table's own rows (in thead/tbody/tfoot or directly under it), not those of nested tables."""
    for child in table.children:
        if isinstance(child, _Node):
            if child.tag == "tr":
                yield child
            elif child.tag in ("thead", "tbody", "tfoot"):
                yield from (r for r in child.children if isinstance(r, _Node) and r.tag == "tr")


def _cells(row: _Node) -> list[_Node]:
    return [c for c in row.children if isinstance(c, _Node) and c.tag in ("td", "th")]


def _is_data_table(table: _Node) -> bool:
    """A table of data, not of page layout: no nested tables, and some row with two filled cells."""
    if table.has_table:
        return False
    return any(sum(1 for cell in _cells(row) if cell.size) >= 2 for row in _rows(table))


def _span(cell: _Node, name: str) -> int:
    value = cell.attrs.get(name, "1").strip()[:6]
    return min(int(value), _MAX_SPAN[name]) if value.isdigit() and int(value) > 0 else 1


def _cell_text(cell: _Node) -> str:
    out = _Lines()
    _render(cell, out, pre=False)
    out.end_line()
    return " ".join(out.lines)


def _table_rows(table: _Node) -> list[str]:
    """Rows as tab-separated lines; a cell spanning rows or columns leaves empty cells where it
    extends, the way a converted task-list table shows a task continued from the row above."""
    lines = []
    caption = next((c for c in table.children if isinstance(c, _Node) and c.tag == "caption"), None)
    if caption is not None:
        text = _cell_text(caption)
        if text:
            lines.append(text)
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for row in _rows(table):
        cells: list[str] = []
        column = 0

        def fill_spanned() -> None:
            nonlocal column
            while pending.get(column, 0) > 0:
                pending[column] -= 1
                cells.append("")
                column += 1

        for cell in _cells(row):
            fill_spanned()
            width, height = _span(cell, "colspan"), _span(cell, "rowspan")
            cells.append(_cell_text(cell))
            cells.extend([""] * (width - 1))
            for c in range(column, column + width):
                if height > 1:
                    pending[c] = height - 1
            column += width
        fill_spanned()
        if any(cells):
            lines.append("\t".join(cells))
    return lines
