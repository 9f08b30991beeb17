"""Tables laid out with spaces: a PDF converted in layout mode.

Cells are separated by runs of spaces (two or more, or full-width spaces) and keep their
horizontal position from line to line.  A cell too long for its column wraps onto the next
lines at the same position, and rows follow one another without blank lines: a row starts
at the line that holds its serial number (序号), or, in a table without one, at a line
that fills (nearly) every column.  A segment belongs to the first column whose header ends
after the segment starts, so that headers centred over their column and cells aligned left
both fall in place.  Positions are display columns (a Chinese character is two wide), or
characters when the converter counted them so: the measure that lines the rows up under the
header wins.

>>> from govplan.reading.lines import Line
>>> rows = ["序号  工作任务          牵头单位    配合单位      完成时限",
...         "1     推进项目建设      区发改局    区财政局、区  2024年6月",
...         "                                    住建局",
...         "2     优化营商环境      区政务办    区市场监管局  持续推进"]
>>> grid, nxt = read_space_table([Line(k + 1, t) for k, t in enumerate(rows)], 0, "p.txt")
>>> [(r.line, r.end_line, r.cells[2], r.cells[3]) for r in grid.rows]
[(2, 3, '区发改局', '区财政局、区住建局'), (4, 4, '区政务办', '区市场监管局')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import attrs

from govplan.model import Severity
from govplan.reading.lines import Line
from govplan.reading.tables.cells import is_unit_name, looks_like_serial, squeeze
from govplan.reading.tables.header import column_roles, is_header_cell, looks_like_header
from govplan.reading.tables.layout import BREAK, PAGE_RESIDUE, Grid, GridRow, diag, join_breaks
from govplan.reading.tables.model import Role

__all__ = ["read_space_table", "space_header"]

# A cell: words joined by single spaces; two spaces, a tab or a full-width space end it.
_SEGMENT = re.compile(r"[^\s\u3000]+(?:[ \xa0][^\s\u3000]+)*")
_MAX_LINE = 600  # a table line is short; a longer one is prose and ends the table
_MAX_GAP = 4  # blank lines and page furniture a table may run across
_SECTION = re.compile(r"(?:附件\s{0,2}\d|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[章条部分])")
_GROUP = re.compile(r"(?:[一二三四五六七八九十]{1,3}\s{0,2}、|[（(]\s{0,2}[一二三四五六七八九十]{1,3}\s{0,2}[)）])")


@attrs.frozen
class _Seg:
    text: str
    start: int  # display column
    end: int
    cstart: int  # character column
    cend: int


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _segments(text: str) -> list[_Seg]:
    out: list[_Seg] = []
    col = 0
    pos = 0
    for m in _SEGMENT.finditer(text):
        col += sum(_width(ch) for ch in text[pos:m.start()])
        w = sum(_width(ch) for ch in m.group())
        out.append(_Seg(m.group(), col, col + w, m.start(), m.end()))
        col += w
        pos = m.end()
    return out


def space_header(text: str) -> list[str] | None:
    """The header cells of a line laid out with spaces, or None when it is no such header.

    >>> space_header("序号   重点任务      牵头单位     配合单位   完成时限")
    ['序号', '重点任务', '牵头单位', '配合单位', '完成时限']
    >>> space_header("序号\\t重点任务\\t牵头单位") is None, space_header("一、工作目标") is None
    (True, True)
    """
    if "\t" in text or len(text) > _MAX_LINE or not ("  " in text or "\u3000" in text.strip()):
        return None
    words = [s.text for s in _segments(text)]
    if len(words) < 3 or not looks_like_header(words):
        return None
    return words


@attrs.define
class _Row:
    parts: list[list[_Seg]]
    line: int
    end_line: int
    page: int


class _Columns:
    """Where each column sits, in one measure (display or character columns)."""

    def __init__(self, header: Sequence[_Seg], chars: bool) -> None:
        self.chars = chars
        self.ends = [self._end(s) for s in header]

    def _start(self, s: _Seg) -> int:
        return s.cstart if self.chars else s.start

    def _end(self, s: _Seg) -> int:
        return s.cend if self.chars else s.end

    def index(self, s: _Seg) -> int:
        """The first column whose header ends after the segment starts."""
        start = self._start(s)
        for k, end in enumerate(self.ends):
            if end > start:
                return k
        return len(self.ends) - 1

    def fits(self, s: _Seg) -> bool:
        """Whether the segment stays inside its column: it does not reach past the end of
        the next column's header (a paragraph of prose runs across the page)."""
        k = self.index(s)
        return k + 1 >= len(self.ends) or self._end(s) <= self.ends[k + 1]

    def width(self, s: _Seg) -> int:
        return self._end(s) - self._start(s)


def _lines_up(cols: _Columns, lines: Sequence[list[_Seg]]) -> int:
    # lines whose segments each fall in a column of their own, inside it
    good = 0
    for segs in lines:
        idx = [cols.index(s) for s in segs]
        good += len(set(idx)) == len(idx) and all(cols.fits(s) for s in segs)
    return good


def _choose(header: Sequence[_Seg], sample: Sequence[list[_Seg]]) -> _Columns:
    display, chars = _Columns(header, False), _Columns(header, True)
    return chars if _lines_up(chars, sample) > _lines_up(display, sample) else display


def read_space_table(lines: Sequence[Line], start: int, path: str) -> tuple[Grid, int]:
    """The table laid out with spaces whose header is ``lines[start]``, and the index of the
    line after it."""
    head = _segments(lines[start].text)
    j = start + 1
    header_words = [s.text for s in head]
    # a header word cut over two lines (牵头 / 单位 under each other)
    if j < len(lines) and space_header(lines[j].text) is None:
        below = _segments(lines[j].text) if len(lines[j].text) <= _MAX_LINE else []
        if below and all(is_header_cell(s.text) and not looks_like_serial(s.text) for s in below):
            probe = _Columns(head, False)
            for s in below:
                k = probe.index(s)
                header_words[k] += s.text
            j += 1
    columns = column_roles(header_words)
    n = len(columns)
    key = tuple(squeeze(w) for w in header_words)
    grid = Grid(start_line=lines[start].number, end_line=lines[j - 1].number,
                header=tuple(header_words), columns=columns)
    sample = [_segments(ln.text) for ln in lines[j:j + 12] if ln.text.strip() and len(ln.text) <= _MAX_LINE]
    cols = _choose(head, sample)
    serial = next((k for k, c in enumerate(columns) if c.role is Role.SERIAL), None)

    rows: list[_Row] = []
    group_rows: set[int] = set()
    page = 0
    gap = 0
    end = j - 1
    while j < len(lines):
        text = lines[j].text
        stripped = text.strip()
        if not stripped or PAGE_RESIDUE.fullmatch(stripped):
            gap += 1
            if gap > _MAX_GAP:
                break
            j += 1
            continue
        if len(text) > _MAX_LINE:
            break
        segs = _segments(text)
        if tuple(squeeze(s.text) for s in segs) == key:  # the header again, on a new page
            page += 1
            gap = 0
            end = j
            j += 1
            continue
        if not all(cols.fits(s) for s in segs):
            break
        idx = [cols.index(s) for s in segs]
        starts = _starts_row(segs, idx, serial, n, gap, bool(rows))
        if starts is None:
            break
        if starts == "group":
            at = next((k for k, c in enumerate(columns) if c.role in (Role.LABEL, Role.TEXT)), 0)
            rows.append(_Row([[_Seg(stripped, 0, 0, 0, 0)] if k == at else [] for k in range(n)],
                             lines[j].number, lines[j].number, page))
            group_rows.add(lines[j].number)
        elif starts == "row" or not rows:
            rows.append(_Row([[] for _ in range(n)], lines[j].number, lines[j].number, page))
        if starts != "group":
            row = rows[-1]
            for s, k in zip(segs, idx):
                row.parts[k].append(s)
            row.end_line = lines[j].number
        gap = 0
        end = j
        j += 1

    grid.end_line = lines[end].number
    full = _full_widths(cols, rows, n)
    for row in rows:
        cells = tuple(_cell(cols, columns[k].role, parts, full[k]) for k, parts in enumerate(row.parts))
        if row.line not in group_rows:
            cells = join_breaks(columns, cells)
        grid.rows.append(GridRow(cells, row.line, row.end_line, row.page))
    if rows:
        grid.diagnostics.append(diag(path, grid.start_line, "table-space-layout",
                                     f"table laid out with spaces: {len(rows)} rows read by column position",
                                     Severity.INFO))
    return grid, end + 1


def _starts_row(segs: Sequence[_Seg], idx: Sequence[int], serial: int | None, n: int, gap: int,
                open_row: bool) -> str | None:
    """``"row"`` when the line opens a row, ``"more"`` when it continues the row above,
    ``"group"`` for a group heading across the table, None when the table has ended."""
    first = segs[0]
    if len(segs) == 1 and idx[0] == 0 and _GROUP.match(first.text) and len(first.text) <= 40:
        return "group" if "。" not in first.text else None
    if len(segs) == 1 and _SECTION.match(first.text):
        return None  # 附件2 / 三、保障措施: the text after the table
    if serial is not None:
        if serial in idx:
            cell = segs[idx.index(serial)].text
            return "row" if looks_like_serial(cell) else None
        return "more" if open_row and (gap == 0 or len(segs) > 1) else None
    if not open_row or gap > 0 or len(set(idx)) >= max(3, n - 1):
        return "row"
    return "more"


def _full_widths(cols: _Columns, rows: Sequence[_Row], n: int) -> list[int]:
    # the widest line of each column: a line as wide wrapped at the column's edge
    full = [0] * n
    for row in rows:
        for k, parts in enumerate(row.parts):
            for s in parts:
                full[k] = max(full[k], cols.width(s))
    return full


def _cell(cols: _Columns, role: Role, parts: Sequence[_Seg], full: int) -> str:
    """A cell's lines joined: a unit list breaks where a line wrapped at the column's edge
    (the name goes on) or after a name that ends short of it (the next name starts)."""
    if not parts:
        return ""
    if role not in (Role.LEAD, Role.SUPPORT):
        return BREAK.join(s.text for s in parts)
    out = parts[0].text
    for prev, s in zip(parts, parts[1:]):
        wrapped = cols.width(prev) >= full - 2
        tail = out.rsplit("、", 1)[-1]
        if not wrapped and not out.endswith(("、", "，")) and is_unit_name(tail):
            out += "、"
        out += s.text
    return out
