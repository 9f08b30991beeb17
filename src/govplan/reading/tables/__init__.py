"""Task-list tables: finding them in a file and reading one task per measure.

Plans often list their tasks as a table converted from PDF or a web page::

    工作任务	具体工作措施	牵头单位	责任单位	完成时限
    1. 优化服务。	(1) 加强预算编制。 (2) 推进分类监管。	区财政局	区发改局	2024年12月

:func:`find_tables` finds every such table (tab rows, or one cell per line), gives each
column a role from its header word and returns one :class:`TableTask` per measure, with the
unit and deadline cells as printed. Tables without a lead or supporting column hold no tasks
but their lines are still reported as consumed.

>>> from govplan.reading.lines import Line
>>> rows = ["工作任务\\t具体工作措施\\t牵头单位\\t配合单位\\t完成时限",
...         "1. 优化服务。\\t(1) 加强预算编制。 (2) 推进分类监管。\\t区财政局\\t区发改局\\t2024年12月"]
>>> [table] = find_tables([Line(k + 1, t) for k, t in enumerate(rows)], "plan.txt")
>>> [(t.line, t.path, t.text, t.lead, t.deadline) for t in table.rows]
[(2, ('1.', '(1)'), '加强预算编制。', '区财政局', '2024年12月'), (2, ('1.', '(2)'), '推进分类监管。', '区财政局', '2024年12月')]
"""

from __future__ import annotations

from collections.abc import Sequence

from govplan.model import Diagnostic, Severity
from govplan.reading.lines import Line
from govplan.reading.tables.grid import Grid, scan
from govplan.reading.tables.model import Column, Role, Table, TableTask
from govplan.reading.tables.rows import read_tasks

__all__ = ["Column", "Role", "Table", "TableTask", "find_tables"]


def find_tables(lines: Sequence[Line], path: str, year: int | None = None) -> list[Table]:
    """Every table in ``lines`` (in file order) with the tasks it holds.

    ``year`` is the plan year; cells are returned as printed, so it is not needed to read
    them and is accepted for symmetry with the other readers.
    """
    return [_table(grid, path) for grid in scan(lines, path)]


def _table(grid: Grid, path: str) -> Table:
    has_responsibility = any(c.role in (Role.LEAD, Role.SUPPORT) for c in grid.columns)
    diagnostics = list(grid.diagnostics)
    tasks: list[TableTask] = []
    if has_responsibility:
        tasks, more = read_tasks(grid, path)
        diagnostics.extend(more)
        if not tasks:  # a task list whose rows could not be read must not pass unnoticed
            diagnostics.append(
                Diagnostic(path, grid.start_line, "table-no-rows",
                           f"header with responsibility columns ({' | '.join(grid.header)}) but no task row "
                           "could be read", Severity.WARNING, " | ".join(grid.header)[:200])
            )
    elif grid.rows:
        diagnostics.append(
            Diagnostic(path, grid.start_line, "table-no-responsibility",
                       f"table of {len(grid.rows)} rows without lead or supporting column: no tasks",
                       Severity.INFO)
        )
    consumed = frozenset(range(grid.start_line, grid.end_line + 1))
    return Table(
        start_line=grid.start_line,
        end_line=grid.end_line,
        header=grid.header,
        has_responsibility=has_responsibility,
        rows=tuple(tasks),
        diagnostics=tuple(diagnostics),
        consumed=consumed,
        columns=grid.columns,
    )
