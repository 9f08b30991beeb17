"""What both table layouts share: the grid of cells, and fitting a row's cells to the columns."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from govplan.model import Diagnostic, Severity
from govplan.reading.tables.cells import (
    clean_cell,
    is_blank,
    is_unit_name,
    looks_like_deadline,
    looks_like_serial,
    looks_like_text,
    looks_like_units,
    squeeze,
)
from govplan.reading.tables.model import Column, Role

__all__ = [
    "BREAK",
    "PAGE_RESIDUE",
    "Grid",
    "GridRow",
    "diag",
    "fit_cells",
    "group_cells",
    "is_group_heading",
    "join_breaks",
    "lead_empty",
]

BREAK = "\n"  # marks a line break inside a cell until the column's role says how to join

# Page furniture between the pages of a table: "- 12 -", "第 3 页", "续表", "（续）"
PAGE_RESIDUE = re.compile(
    r"[-—–\s]{0,6}\d{1,4}[-—–\s]{0,6}|第\s{0,2}\d{1,4}\s{0,2}页(?:\s{0,2}共\s{0,2}\d{1,4}\s{0,2}页)?|"
    r"[（(]?续(?:上)?表?\d{0,3}[)）]?"
)


@attrs.frozen
class GridRow:
    """One row: a cell per column (line breaks kept as ``\\n``), its lines, its page."""

    cells: tuple[str, ...]
    line: int
    end_line: int
    page: int


@attrs.define
class Grid:
    """A table as rows of cells, before any reading of tasks."""

    start_line: int
    end_line: int
    header: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: list[GridRow] = attrs.Factory(list)
    diagnostics: list[Diagnostic] = attrs.Factory(list)


_MEASURE_START = re.compile(r"[（(]\s{0,2}\d{1,3}\s{0,2}[)）]|[①-⑳]")


def _fits(role: Role, cell: str) -> bool:
    """Whether a cell's content may stand in a column of this role."""
    if is_blank(cell):
        return True
    if role is Role.DEADLINE:
        return looks_like_deadline(cell)
    if role in (Role.LEAD, Role.SUPPORT):
        return looks_like_units(cell.replace(BREAK, "、")) and not looks_like_deadline(cell)
    if role is Role.LABEL and (_MEASURE_START.match(clean_cell(cell)) or len(cell) > 80):
        return False  # a measure, not the heading of a task
    if role in (Role.TEXT, Role.LABEL):
        return looks_like_text(cell) or not (looks_like_units(cell) or looks_like_deadline(cell))
    if role is Role.SERIAL:
        return looks_like_serial(cell)
    return True


def _all_fit(columns: Sequence[Column], cells: Sequence[str]) -> bool:
    return all(_fits(c.role, x) for c, x in zip(columns, cells))


def fit_cells(
    columns: Sequence[Column], cells: Sequence[str], prefer_left: bool = False
) -> tuple[tuple[str, ...], str | None]:
    """Cells placed under the columns, and a note when the placement was guessed.

    A row with as many cells as the header maps them by position, whatever they look like:
    its empty cells are merged or empty cells, and a unit name the cell rules do not know
    must not push the row out of line. The one exception is a row whose empty cells all
    come last and whose cells fit only as the last columns: the converter dropped a merged
    first cell and printed its tab at the end. A row with fewer cells than the header lost
    cells to merged (vertically spanning) cells or to an empty trailing cell: only then is
    the placement guessed. The remaining cells are placed at the right (tab rows) or the
    left (one cell per line) when their content fits there, else each cell goes to the next
    column whose kind it looks like (a deadline-looking cell is the deadline, a unit-looking
    cell a unit column). A row with more cells than the header had a cell split: the
    surplus is joined into the text column.

    >>> from govplan.reading.tables.header import column_roles
    >>> cols = column_roles(["工作任务", "具体工作措施", "牵头单位", "责任单位", "完成时限"])
    >>> fit_cells(cols, ["(2) 推进试点。", "区财政局", "2024年12月"])[0]
    ('', '(2) 推进试点。', '区财政局', '', '2024年12月')
    >>> fit_cells(cols, ["(2) 推进试点。", "区财政局", "区发改局", "2024年12月", ""])[0]
    ('', '(2) 推进试点。', '区财政局', '区发改局', '2024年12月')
    >>> fit_cells(cols, ["", "(3) 评选示范户。", "某某协作队伍", "", "2024年6月"])[0]
    ('', '(3) 评选示范户。', '某某协作队伍', '', '2024年6月')
    """
    n = len(columns)
    cells = list(cells)
    while len(cells) > n and is_blank(cells[-1]):
        cells.pop()
    if len(cells) == n:
        shifted = _flush_left(columns, cells)
        if shifted is not None:
            return shifted, "cells printed flush left with empty cells after them; read as the last columns"
        return tuple(cells), None
    if len(cells) > n:
        text_at = _text_index(columns)
        head, tail = text_at, n - text_at - 1
        middle = cells[head : len(cells) - tail]
        merged = cells[:head] + [" ".join(m for m in middle if not is_blank(m))] + cells[len(cells) - tail :]
        return tuple(merged), f"{len(cells)} cells for {n} columns; the surplus joined into the text column"
    placed = _place(columns, cells, prefer_left)
    assert placed is not None
    return placed[0], f"{len(cells)} cells for {n} columns; {placed[1]}"


def _flush_left(columns: Sequence[Column], cells: Sequence[str]) -> tuple[str, ...] | None:
    """A full row read as its filled cells moved to the right end, or None to keep it as printed."""
    k = len(cells)
    while k and is_blank(cells[k - 1]):
        k -= 1
    if k == len(cells) or k == 0 or any(is_blank(c) for c in cells[:k]) or _all_fit(columns, cells):
        return None  # an empty cell among the filled ones is a real (merged or empty) cell
    shifted = [""] * (len(cells) - k) + list(cells[:k])
    return tuple(shifted) if _all_fit(columns, shifted) else None


def _place(
    columns: Sequence[Column], cells: list[str], prefer_left: bool
) -> tuple[tuple[str, ...], str] | None:
    n = len(columns)
    if len(cells) > n:
        return None
    pad = [""] * (n - len(cells))
    tries = ((cells + pad, "first"), (pad + cells, "last"))
    for attempt, side in tries if prefer_left else tries[::-1]:
        if _all_fit(columns, attempt):
            return tuple(attempt), f"read as the {side} {len(cells)} columns"
    placed = [""] * n
    col = 0
    for k, cell in enumerate(cells):
        left = len(cells) - k - 1  # cells still to place after this one
        target = next((c for c in range(col, n - left) if _fits(columns[c].role, cell)), min(col, n - left - 1))
        placed[target] = cell
        col = target + 1
    return tuple(placed), "placed by content"


def _text_index(columns: Sequence[Column]) -> int:
    for k, c in enumerate(columns):
        if c.role is Role.TEXT:
            return k
    return 0


_GROUP_HEADING = re.compile(r"(?:[一二三四五六七八九十]{1,3}\s{0,2}、|[（(]\s{0,2}[一二三四五六七八九十]{1,3}\s{0,2}[)）])")
_CHINESE_NUMERAL = re.compile(r"[（(]?[一二三四五六七八九十]{1,3}[)）、.．]?")


def is_group_heading(text: str) -> bool:
    """A short group heading spanning a table (``一、全力稳增长``), not a sentence.

    >>> is_group_heading("（二）培育新动能"), is_group_heading("一、加强监管。推进试点。")
    (True, False)
    """
    s = text.strip()
    return len(s) <= 40 and bool(_GROUP_HEADING.match(s)) and "。" not in s[:-1] and "；" not in s


def group_cells(columns: Sequence[Column], parts: Sequence[str]) -> tuple[str, ...] | None:
    """The cells of a group row spanning the table, or None when ``parts`` are not one.

    A group row prints its heading alone (``一、扩大内需``) or its numeral in the serial
    column and its name beside it (``二`` | ``培育新动能``); the heading goes to the
    task (or text) column, the numeral to the serial column, the other cells stay empty.

    >>> from govplan.reading.tables.header import column_roles
    >>> cols = column_roles(["序号", "重点任务", "责任单位", "完成时间"])
    >>> group_cells(cols, ["一、扩大有效需求"])
    ('', '一、扩大有效需求', '', '')
    >>> group_cells(cols, ["二", "培育新动能"])
    ('二', '培育新动能', '', '')
    >>> group_cells(cols, ["3", "推进试点"]) is None
    True
    """
    parts = [p.strip() for p in parts if p.strip()]
    at = next((k for k, c in enumerate(columns) if c.role in (Role.LABEL, Role.TEXT)), None)
    if at is None or not parts:
        return None
    out = [""] * len(columns)
    if len(parts) == 1 and is_group_heading(parts[0]):
        out[at] = parts[0]
        return tuple(out)
    serial = next((k for k, c in enumerate(columns) if c.role is Role.SERIAL), None)
    if (
        len(parts) == 2
        and serial is not None
        and serial < at
        and _CHINESE_NUMERAL.fullmatch(squeeze(parts[0]))
        and len(parts[1]) <= 40
        and not looks_like_text(parts[1])
        and not looks_like_units(parts[1])
        and not looks_like_deadline(parts[1])
    ):
        out[serial], out[at] = parts
        return tuple(out)
    return None


def lead_empty(cells: Sequence[str]) -> int:
    """How many blank cells open a row."""
    k = 0
    while k < len(cells) and is_blank(cells[k]):
        k += 1
    return k



def join_breaks(columns: Sequence[Column], cells: Sequence[str]) -> tuple[str, ...]:
    """Cells with their line breaks resolved by column role.

    In a unit column, a line that ends a unit name starts the next unit (``、``); otherwise
    the break cut a word and the parts are joined directly.
    """
    out = []
    for col, cell in zip(columns, cells):
        if BREAK in cell:
            parts = [p.strip() for p in cell.split(BREAK) if p.strip()]
            if col.role in (Role.LEAD, Role.SUPPORT):
                pieces: list[str] = []
                tail = ""  # the unit being written, to tell a finished name from a cut one
                for p in parts:
                    if pieces and is_unit_name(tail) and not tail.endswith(("、", "，")):
                        pieces.append("、")
                        tail = ""
                    pieces.append(p)
                    tail = (tail + p).rsplit("、", 1)[-1][-60:]
                cell = "".join(pieces)
            elif col.role is Role.OTHER:
                cell = " ".join(parts)
            else:
                pieces = []
                for p in parts:
                    if pieces and pieces[-1][-1].isascii() and pieces[-1][-1].isalnum() and p[0].isascii():
                        pieces.append(" ")  # English words cut by the line end
                    pieces.append(p)
                cell = "".join(pieces)
        out.append(clean_cell(cell))
    return tuple(out)


def diag(
    path: str, line: int, code: str, message: str, severity: Severity = Severity.WARNING, text: str | None = None
) -> Diagnostic:
    """A table diagnostic, its quoted text cut to 200 characters."""
    return Diagnostic(path, line, code, message, severity, text[:200] if text else None)
