"""What a task-list table yields: the table with its columns, and one record per measure."""

from __future__ import annotations

import enum

import attrs

from govplan.model import Diagnostic

__all__ = ["Column", "Role", "Table", "TableTask"]


class Role(enum.Enum):
    """What a column holds, decided from its header word."""

    SERIAL = "serial"  # 序号
    LABEL = "label"  # 工作任务 / 任务名称: the task a measure belongs to
    TEXT = "text"  # 具体工作措施 / 任务内容 / 目标任务: the measure itself
    LEAD = "lead"  # 牵头单位 / 牵头部门 / 主责单位
    SUPPORT = "support"  # 责任单位 (beside a lead column) / 配合单位 / 协办单位
    DEADLINE = "deadline"  # 完成时限 / 时间节点 / 完成时间
    OTHER = "other"  # 牵头领导 / 责任人 / 备注 / 事项编码 …: read past


@attrs.frozen
class Column:
    """One header cell as printed and the role given to it."""

    name: str
    role: Role


@attrs.frozen
class TableTask:
    """One measure of a task-list table, with the cells of its row as printed.

    ``line`` is the line where the measure starts, ``end_line`` the last line of its row.
    ``path`` holds the group label (``（一）``), task label (``1.``) and measure label
    (``(1)``) as far as the table prints them. ``text`` is the measure without its label
    (title included); ``title`` is its first sentence when that is short and more follows.
    ``lead``, ``support`` and ``deadline`` are the cells as printed, joined over line breaks
    (lines of a unit cell are joined with ``、``). ``group`` and ``task_label`` are the group
    and task headings as printed (``（一）以改革促发展``, ``1. 深化改革。``).
    """

    line: int
    end_line: int
    path: tuple[str, ...]
    title: str | None
    text: str
    lead: str
    support: str
    deadline: str | None
    group: str | None
    task_label: str | None


@attrs.frozen
class Table:
    """A task-list table found in a file.

    ``has_responsibility`` is False for tables without a lead or support column (project
    lists, 赋权事项目录): they hold no tasks, but ``consumed`` still lists their lines so
    that nothing reads them as text tasks.
    """

    start_line: int
    end_line: int
    header: tuple[str, ...]
    has_responsibility: bool
    rows: tuple[TableTask, ...]
    diagnostics: tuple[Diagnostic, ...]
    consumed: frozenset[int]
    columns: tuple[Column, ...] = ()
