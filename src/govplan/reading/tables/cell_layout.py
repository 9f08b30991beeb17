"""Tables with one cell per line: a leading tab (or nothing) before each cell, rows
separated by blank lines; the header tells how many cells a row has.

A cell may run over several lines (several units, one per line), a trailing cell may be
missing, a second header row may split a merged header cell, and rows may follow each
other without blank lines (then a serial number starts each row). The table runs on past
page numbers, its header printed again, and group rows (``一、扩大内需`` on a line of its
own) that give the rows below their group, as long as a row follows.
"""

from __future__ import annotations

from collections.abc import Sequence

from govplan.model import Severity
from govplan.reading.lines import Line
from govplan.reading.tables.cells import (
    is_blank,
    is_unit_name,
    looks_like_deadline,
    looks_like_serial,
    looks_like_units,
    squeeze,
)
from govplan.reading.tables.header import column_roles, is_header_cell, looks_like_header
from govplan.reading.tables.layout import (
    BREAK,
    PAGE_RESIDUE,
    Grid,
    GridRow,
    diag,
    fit_cells,
    group_cells,
    join_breaks,
    lead_empty,
)
from govplan.reading.tables.model import Column, Role

__all__ = ["header_run", "read_cell_table"]

_MAX_HEADER_LINES = 30  # a one-cell-per-line header longer than this is not a header


def _single_cell(text: str) -> str | None:
    """The one cell of a line (``\\t序号`` or ``序号``), or None if the line holds several."""
    cells = [c for c in text.split("\t") if c.strip()]
    if len(cells) != 1:
        return None
    return cells[0].strip()


def header_run(lines: Sequence[Line], i: int) -> tuple[tuple[str, ...], int]:
    """A one-cell-per-line header starting at ``i``: its cells and the lines it takes.

    With leading tabs, a line without a tab finishes the header word above it
    (``\\t牵头`` / ``单位``). Returns ``((), 0)`` when there is no header here.
    """
    none: tuple[tuple[str, ...], int] = ((), 0)
    first = _single_cell(lines[i].text)
    if first is None or not is_header_cell(first):
        return none
    tabbed = lines[i].text.startswith("\t")
    k = i
    cells: list[str] = []
    while k < len(lines) and k - i < _MAX_HEADER_LINES:
        text = lines[k].text
        cell = _single_cell(text)
        if cell is None:
            break
        if tabbed and cells and not text.startswith("\t") and len(squeeze(cells[-1] + cell)) <= 12 \
                and is_header_cell(cells[-1] + cell):
            cells[-1] += cell
            k += 1
            continue
        if not is_header_cell(cell) or text.startswith("\t") != tabbed:
            break
        cells.append(cell)
        k += 1
    if len(cells) < 3 or not looks_like_header(cells):
        return none
    if not tabbed:
        # bare lines need more evidence: a unit or serial column, and a blank line after
        roles = {c.role for c in column_roles(cells)}
        if not roles & {Role.LEAD, Role.SUPPORT, Role.SERIAL}:
            return none
        if k < len(lines) and lines[k].text.strip():
            return none
    return tuple(cells), k - i


def _is_gap(text: str) -> bool:
    """A line between records: empty. A lone tab is an empty cell, not a gap."""
    return not text.strip() and "\t" not in text


def _records(lines: Sequence[Line], j: int) -> tuple[list[Line], int]:
    """The next blank-separated record from ``j``: its lines and the index after it."""
    while j < len(lines) and _is_gap(lines[j].text):
        j += 1
    rec: list[Line] = []
    while j < len(lines) and not _is_gap(lines[j].text):
        rec.append(lines[j])
        j += 1
    return rec, j


# A cell of the one-cell layout: its line parts and the line it starts on.
_Cell = tuple[list[str], int]


def _record_cells(rec: Sequence[Line], tabbed: bool) -> list[_Cell] | None:
    if not tabbed:
        return [([ln.text.strip()], ln.number) for ln in rec]
    if not rec[0].text.startswith("\t"):
        return None
    cells: list[_Cell] = []
    for ln in rec:
        if ln.text.startswith("\t"):
            cells.extend(([c.strip()], ln.number) for c in ln.text.split("\t")[1:])
        else:
            cells[-1][0].append(ln.text.strip())
    return cells


def _chunks(columns: Sequence[Column], cells: list[_Cell]) -> list[list[_Cell]]:
    """A record holding several rows (no blank lines between rows) cut into rows.

    A new row starts at a serial number once a row's worth of cells is taken, or every
    ``len(columns)`` cells when there is no serial column.
    """
    n = len(columns)
    if len(cells) < 2 * n:
        return [cells]
    serial_first = columns[0].role is Role.SERIAL
    out: list[list[_Cell]] = [[]]
    for cell in cells:
        row = out[-1]
        if serial_first:
            starts = len(row) >= n - 1 and looks_like_serial(BREAK.join(cell[0]))
        else:
            starts = len(row) >= n
        if row and starts:
            out.append([])
        out[-1].append(cell)
    return out


def _merge_surplus_lines(columns: Sequence[Column], cells: list[str]) -> tuple[list[str], bool]:
    """Join cells that continue a cell (untabbed lines, or a tabbed cell per line) until the
    count fits the header."""
    n = len(columns)
    if len(cells) <= n:
        return cells, False
    out: list[str] = []
    k = 0
    for c, col in enumerate(columns):
        if k >= len(cells):
            break
        parts = [cells[k]]
        k += 1
        cols_left = n - c - 1
        # a lead column usually names one unit; a list one unit per line is the support's
        support_follows = any(x.role is Role.SUPPORT for x in columns[c + 1 :])
        while len(cells) - k > cols_left:
            nxt = cells[k]
            if col.role is Role.SUPPORT and is_unit_name(nxt):
                pass
            elif col.role is Role.LEAD and is_unit_name(nxt) and not support_follows:
                pass
            elif col.role in (Role.TEXT, Role.LABEL) and not (looks_like_units(nxt) or looks_like_deadline(nxt)):
                pass
            elif col.role is Role.OTHER and len(squeeze(nxt)) <= 4:
                pass
            else:
                break
            parts.append(nxt)
            k += 1
        out.append(BREAK.join(parts))
    if k < len(cells):
        out[-1] = BREAK.join([out[-1], *cells[k:]])
    return out, True


def _subheader(columns: tuple[Column, ...], cells: Sequence[str]) -> tuple[Column, ...] | None:
    """Columns widened by a second header row (a merged header cell split in two), or None.

    The second row leaves the cells of single-row header columns empty and names the parts
    of the spanning column(s); the parts take their parent's role (a part of ``责任人`` is a
    person even when it reads ``牵头单位``).
    """
    lead = lead_empty(cells)
    named = list(cells[lead:])
    if lead == 0 or lead >= len(columns) or not named or any(is_blank(c) for c in named):
        return None
    if any(not is_header_cell(c) and len(squeeze(c)) > 8 for c in named):
        return None
    parents = columns[lead:]
    out = list(columns[:lead])
    if len(named) == len(parents):
        out.extend(Column(p.name + "/" + squeeze(c), p.role) for p, c in zip(parents, named))
    else:
        # the last parent spans the surplus parts
        for k, c in enumerate(named):
            p = parents[k] if k < len(parents) - 1 else parents[-1]
            out.append(Column(p.name + "/" + squeeze(c), p.role))
    return tuple(out)


def read_cell_table(
    lines: Sequence[Line], start: int, header: tuple[str, ...], run: int, path: str
) -> tuple[Grid | None, int]:
    """The one-cell-per-line table whose *header* (taking *run* lines) starts at ``lines[start]``,
    and the index of the first line after it; the grid is None when no row follows."""
    tabbed = lines[start].text.startswith("\t")
    columns = column_roles(header)
    key = tuple(squeeze(h) for h in header)
    end = start + run - 1
    grid = Grid(start_line=lines[start].number, end_line=lines[end].number, header=header, columns=columns)
    j = start + run
    page = 0
    first_record = True
    done = False
    while j < len(lines) and not done:
        rec, after = _records(lines, j)
        if not rec:
            break
        if len(rec) == 1 and PAGE_RESIDUE.fullmatch(rec[0].text.strip()) and not looks_like_serial(rec[0].text):
            j = after  # a page number or 续表 between pages
            continue
        heading = _group_row(columns, rec)
        if heading is not None:
            if not _goes_on(lines, after, columns, key, tabbed):
                break
            # 一、扩大内需 spanning the table between rows: the group of the rows below
            grid.rows.append(GridRow(join_breaks(columns, heading), rec[0].number, rec[-1].number, page))
            first_record = False
            end, j = after - 1, after
            continue
        record = _record_cells(rec, tabbed)
        if record is None:
            break
        texts = [BREAK.join(p) for p, _ in record]
        if tuple(squeeze(c) for c in texts) == key:
            page += 1
            end, j = after - 1, after
            continue
        if first_record:
            first_record = False
            wider = _subheader(columns, texts)
            if wider is not None:
                columns = grid.columns = wider
                end, j = after - 1, after
                continue
        n = len(columns)
        taken = 0
        for chunk in _chunks(columns, record):
            cells = [BREAK.join(p) for p, _ in chunk]
            if not _is_row(columns, cells, tabbed):
                done = True
                break
            note = None
            # more cells than columns: a cell ran over several lines (one unit per line)
            cells, merged = _merge_surplus_lines(columns, cells)
            if merged:
                note = "cell lines joined by content"
            placed, fit_note = fit_cells(columns, cells, prefer_left=True)
            note = fit_note or note
            first_line = chunk[0][1]
            last_line = chunk[-1][1] + len(chunk[-1][0]) - 1
            if note:
                grid.diagnostics.append(
                    diag(path, first_line, "table-row-shape", note, Severity.INFO, " | ".join(c[:40] for c in cells))
                )
            grid.rows.append(GridRow(join_breaks(columns, placed), first_line, last_line, page))
            taken += 1
        if taken:
            end = _index_of(lines, grid.rows[-1].end_line, j)
        if done:
            break
        j = after
    if not grid.rows:
        return None, start + 1
    grid.end_line = lines[end].number
    return grid, end + 1


def _group_row(columns: Sequence[Column], rec: Sequence[Line]) -> tuple[str, ...] | None:
    """The cells of a record that is a group heading spanning the table, or None."""
    if len(rec) > 2:
        return None
    parts = [c for ln in rec for c in ln.text.split("\t") if c.strip()]
    return group_cells(columns, parts) if len(parts) <= 2 else None


_LOOK_AHEAD = 6  # records (page furniture, more group headings) looked past for the next row


def _goes_on(lines: Sequence[Line], j: int, columns: Sequence[Column], key: tuple[str, ...], tabbed: bool) -> bool:
    """Whether the table goes on after a group heading: the next record (past page
    furniture and further headings) is a row of the table or its header printed again.

    A section heading after the last row is followed by prose instead, and ends the table.
    """
    for _ in range(_LOOK_AHEAD):
        rec, j = _records(lines, j)
        if not rec:
            return False
        if len(rec) == 1 and PAGE_RESIDUE.fullmatch(rec[0].text.strip()) and not looks_like_serial(rec[0].text):
            continue
        if _group_row(columns, rec) is not None:
            continue
        record = _record_cells(rec, tabbed)
        if record is None:
            return False
        texts = [BREAK.join(p) for p, _ in record]
        if tuple(squeeze(c) for c in texts) == key:
            return True
        first = _chunks(columns, record)[0]
        return _is_row(columns, [BREAK.join(p) for p, _ in first], tabbed)
    return False


def _is_row(columns: Sequence[Column], cells: Sequence[str], tabbed: bool) -> bool:
    """Whether a record reads as a row of this table rather than the text after it.

    It must fill at least half the columns and start with a serial number when the table
    has a serial column; bare lines (no tabs) must also name units where the table has
    unit columns, since a wrapped paragraph is otherwise indistinguishable from a row.
    """
    n = len(columns)
    if sum(1 for c in cells if not is_blank(c)) < max(2, n // 2):
        return False
    if columns[0].role is Role.SERIAL and not (is_blank(cells[0]) or looks_like_serial(cells[0])):
        return False
    if not tabbed and any(c.role in (Role.LEAD, Role.SUPPORT) for c in columns):
        return any(looks_like_units(c.replace(BREAK, "、")) for c in cells)
    return True


def _index_of(lines: Sequence[Line], number: int, near: int) -> int:
    """Index of the line numbered ``number``, searching forward from ``near``."""
    k = near
    while k + 1 < len(lines) and lines[k].number < number:
        k += 1
    return k


