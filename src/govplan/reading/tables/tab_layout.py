"""Tables as tab rows: the header on one line, one row per line, cells between tabs.

A cell may continue on the next line without a tab, a row may be broken over two lines,
the header may be repeated on every page (with page numbers or 续表 between), and a
header word may be cut over two lines. Markdown pipe tables read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govplan.model import Severity
from govplan.reading.lines import Line
from govplan.reading.tables.cells import is_blank, looks_like_text, squeeze
from govplan.reading.tables.header import column_roles, looks_like_header
from govplan.reading.tables.layout import (
    BREAK,
    PAGE_RESIDUE,
    Grid,
    GridRow,
    diag,
    fit_cells,
    is_group_heading,
    join_breaks,
    lead_empty,
)
from govplan.reading.tables.model import Role

__all__ = ["read_tab_table", "split_cells", "splitter"]

_PIPE_RULE = re.compile(r"\|?\s{0,3}:?-{3,}:?\s{0,3}(?:\|\s{0,3}:?-{1,}:?\s{0,3}){0,200}\|?")
_SECTION = re.compile(r"(?:附件\s{0,2}\d|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[章条部分])")


def splitter(text: str) -> str | None:
    """How a line separates its cells: by tabs, by pipes (a Markdown table), or not at all."""
    if "\t" in text:
        return "\t"
    stripped = text.strip()
    if len(stripped) > 2 and stripped[0] == "|" and stripped[-1] == "|" and stripped.count("|") >= 4:
        return "|"
    return None


def split_cells(text: str, sep: str) -> list[str]:
    """The cells of a row separated by *sep* (a Markdown row loses its outer pipes)."""
    if sep == "|":
        return text.strip()[1:-1].split("|")
    return text.split(sep)


def read_tab_table(lines: Sequence[Line], start: int, path: str) -> tuple[Grid, int]:
    """The tab (or pipe) table whose header is ``lines[start]``, and the index of the line after it."""
    sep = splitter(lines[start].text) or "\t"
    header_cells = split_cells(lines[start].text, sep)
    j = start + 1
    second = split_cells(lines[j].text, sep) if j < len(lines) and splitter(lines[j].text) == sep else []
    if len(second) == len(header_cells) and looks_like_header(second):
        # header words cut over two lines: 牵头 / 单位 under each other
        header_cells = [a.strip() + b.strip() for a, b in zip(header_cells, second)]
        j += 1
    offset = lead_empty(header_cells)
    header = tuple(c.strip() for c in header_cells[offset:])
    while header and not header[-1]:
        header = header[:-1]
    columns = column_roles(header)
    key = tuple(k for k in (squeeze(h) for h in header) if k)
    grid = Grid(start_line=lines[start].number, end_line=lines[j - 1].number, header=header, columns=columns)
    n = len(columns)
    unit_last = columns[-1].role is not Role.TEXT if columns else False

    # physical rows: cells as lists of line parts, first line, last line, page
    rows: list[tuple[list[list[str]], int, int, int]] = []
    group_rows: set[int] = set()  # first lines of group headings spanning the table
    page = 0
    last_kind = "header"  # header | row | blank
    end = j - 1
    while j < len(lines):
        text = lines[j].text
        num = lines[j].number
        if not text.strip() or PAGE_RESIDUE.fullmatch(text.strip()):
            last_kind = "blank" if last_kind != "header" else "header"
            j += 1
            continue
        line_sep = splitter(text)
        if sep == "|" and line_sep == "|" and _PIPE_RULE.fullmatch(text.strip()):
            end = j  # the |---|---| rule under a Markdown header
            j += 1
            continue
        if line_sep != sep:
            if is_group_heading(text) and _table_goes_on(lines, j + 1, sep):
                # 一、稳增长: a group spanning the table, read as a row with only its heading cell
                at = next((k for k, c in enumerate(columns) if c.role in (Role.LABEL, Role.TEXT)), 0)
                rows.append(([[text.strip()] if k == at else [""] for k in range(n)], num, num, page))
                group_rows.add(num)
                last_kind = "header"
                end = j
                j += 1
                continue
            if last_kind == "row" and rows and _continues(text, rows[-1][0], n, lines, j, sep, unit_last):
                cells_parts = rows[-1][0]
                cells_parts[-1].append(text.strip())
                rows[-1] = (cells_parts, rows[-1][1], num, rows[-1][3])
                end = j
                j += 1
                continue
            break
        cells = split_cells(text, sep)
        if looks_like_header(cells):
            words = tuple(k for k in (squeeze(c) for c in cells) if k)
            if words != key and j + 1 < len(lines) and splitter(lines[j + 1].text) == sep:
                below = split_cells(lines[j + 1].text, sep)
                if len(below) == len(cells) and looks_like_header(below):
                    words = tuple(k for k in (squeeze(a + b) for a, b in zip(cells, below)) if k)
                    if words == key:
                        j += 1
            if words != key:
                break  # another table starts here
            page += 1
            last_kind = "header"
            end = j
            j += 1
            continue
        if offset and len(cells) >= n + offset and all(is_blank(c) for c in cells[:offset]):
            cells = cells[offset:]
        if last_kind == "blank" and sum(1 for c in cells if not is_blank(c)) < 2 and len(cells) < max(2, n - 2):
            break
        if (
            last_kind == "row"
            and rows
            and len(rows[-1][0]) < n
            and len(cells) < n
            and len(rows[-1][0]) + len(cells) - 1 <= n
        ):
            # a row broken over two lines: the cut cell continues at the start of this line
            prev = rows[-1][0]
            prev[-1].append(cells[0])
            prev.extend([c] for c in cells[1:])
            rows[-1] = (prev, rows[-1][1], num, rows[-1][3])
            grid.diagnostics.append(
                diag(path, num, "table-row-shape", "row continued from the line above", Severity.INFO)
            )
        else:
            rows.append(([[c] for c in cells], num, num, page))
        last_kind = "row"
        end = j
        j += 1

    grid.end_line = lines[end].number
    for parts, first, last, pg in rows:
        cells = [BREAK.join(p) for p in parts]
        placed, note = (tuple(cells), None) if first in group_rows else fit_cells(columns, cells)
        if note:
            grid.diagnostics.append(
                diag(path, first, "table-row-shape", note, Severity.INFO, " | ".join(c[:40] for c in cells))
            )
        grid.rows.append(GridRow(join_breaks(columns, placed), first, last, pg))
    return grid, end + 1


def _table_goes_on(lines: Sequence[Line], j: int, sep: str) -> bool:
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    return j < len(lines) and splitter(lines[j].text) == sep


def _continues(
    text: str, row: Sequence[Sequence[str]], n: int, lines: Sequence[Line], j: int, sep: str, unit_last: bool
) -> bool:
    """Whether a line without cell separators continues the last cell of the row above.

    It does when the row is still short of cells, when the table goes on right after it,
    or when it is a short tail (a unit or date cut by the line end); a section heading or a
    paragraph after a complete row ends the table instead.
    """
    stripped = text.strip()
    if _SECTION.match(stripped):
        return False
    if len(row) < n:
        return True
    if j + 1 < len(lines) and splitter(lines[j + 1].text) == sep:
        return True
    return unit_last and len(stripped) <= 30 and not looks_like_text(stripped)


