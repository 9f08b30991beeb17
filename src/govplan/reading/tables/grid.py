"""Finding tables in the lines of a file and cutting them into rows of cells.

Three layouts come out of PDF and web conversions (see :mod:`.tab_layout`,
:mod:`.cell_layout` and :mod:`.space_layout`). The result is a :class:`~.layout.Grid` per table: its columns and
rows with one cell per column, plus diagnostics for every row whose shape had to be guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from govplan.reading.lines import Line
from govplan.reading.tables.cell_layout import header_run, read_cell_table
from govplan.reading.tables.header import looks_like_header
from govplan.reading.tables.layout import Grid, GridRow
from govplan.reading.tables.space_layout import read_space_table, space_header
from govplan.reading.tables.tab_layout import read_tab_table, split_cells, splitter

__all__ = ["Grid", "GridRow", "scan"]


def scan(lines: Sequence[Line], path: str) -> list[Grid]:
    """Every table in ``lines``, in order."""
    grids: list[Grid] = []
    i = 0
    n = len(lines)
    while i < n:
        text = lines[i].text
        grid: Grid | None = None
        nxt = i + 1
        sep = splitter(text)
        if sep is not None and looks_like_header(split_cells(text, sep)):
            grid, nxt = read_tab_table(lines, i, path)
        elif sep is None and space_header(text) is not None:
            grid, nxt = read_space_table(lines, i, path)
        else:
            header, run = header_run(lines, i)
            if run:
                grid, nxt = read_cell_table(lines, i, header, run, path)
        if grid is not None:
            grids.append(grid)
            i = max(nxt, i + 1)
        else:
            i += 1
    return grids


