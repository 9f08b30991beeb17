"""What a table cell prints besides its text: group and task headings, and measure labels.

A task cell may hold the group (``（三）以服务优环境``) and the task heading (``12. 推进数据共享。``)
in either order; a measure cell may hold several measures, each opened by ``(38)``, ``①`` or ``3.``.
"""

from __future__ import annotations

import bisect
import re

import attrs

from govplan.reading.tables.cells import clean_cell, find_group_label, find_task_labels, squeeze

__all__ = ["CIRCLE", "DOT", "PAREN", "Heading", "parse_heading", "split_measures"]

PAREN = re.compile(r"(?:^|(?<=[\s。；;：:>]))[（(]\s{0,2}(\d{1,3})\s{0,2}[)）]")
CIRCLE = re.compile(r"[①-⑳]")
DOT = re.compile(r"(?:^|(?<=[\s。；;]))(\d{1,3})\s{0,2}[.．、](?![\d.．])")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@attrs.define
class Heading:
    """The labels that open a measure cell: group （一）, task numbers and titles, and the rest."""

    group: str | None = None  # numeral of （一）
    group_text: str | None = None
    tasks: list[tuple[int, str, str]] = attrs.Factory(list)  # (number, label, heading text)
    unnumbered: str | None = None  # a task title printed without its number
    rest: str = ""  # text that is neither group nor task heading



def parse_heading(text: str) -> Heading:
    """Group and task headings printed in a cell, in either order.

    >>> h = parse_heading("(三) 以服务 优环境 12. 推进 数据共享。")
    >>> h.group, h.group_text, h.tasks
    ('三', '以服务 优环境', [(12, '12.', '推进 数据共享。')])
    >>> parse_heading("(二) 提升通关效率。以开放促发展").unnumbered
    '提升通关效率。'
    """
    h = Heading()
    text = clean_cell(text)
    g = find_group_label(text)
    labels = find_task_labels(text)
    if g is not None:
        labels = [m for m in labels if not (g[1] <= m.start() < g[2])]
    cuts = sorted([m.start() for m in labels] + ([g[1]] if g else []) + [len(text)])

    def until_next(pos: int) -> str:
        return text[pos : cuts[bisect.bisect_left(cuts, pos)]].strip()

    first_cut = cuts[0]
    h.rest = text[:first_cut].strip()
    if g is not None:
        h.group = g[0]
        name = until_next(g[2])
        if not labels and "。" in name[:-1]:
            # a task title fused with the group name: the part ending in 。 is the task
            k = name.index("。") + 1
            head, tail = name[:k].strip(), name[k:].strip()
            if not labels:
                h.unnumbered = head
            name = tail
        h.group_text = name or None
    for m in labels:
        body = until_next(m.end())
        stop = body.find("。")
        if 0 <= stop < len(body) - 1 and m is labels[-1]:
            h.rest = (h.rest + " " + body[stop + 1 :]).strip()
            body = body[: stop + 1]
        h.tasks.append((int(m.group(1)), squeeze(m.group(0)), body))
    return h


def split_measures(text: str, style: str | None) -> tuple[str, list[tuple[str | None, str]]]:
    """The text before the first measure label, and the labelled measures of a cell.

    Labels after the first must count on by one, so that ``(2)`` quoted inside a measure
    does not cut it.

    >>> split_measures("2. 抓好工作。 (4) 继续开展。 (5) 发挥作用。", "paren")
    ('2. 抓好工作。', [('(4)', '继续开展。'), ('(5)', '发挥作用。')])
    """
    text = clean_cell(text)
    if style is None or not text:
        return "", ([(None, text)] if text else [])
    if style == "circle":
        found = [(m.start(), m.end(), _CIRCLED.index(m.group(0)) + 1) for m in CIRCLE.finditer(text)]
    else:
        rx = PAREN if style == "paren" else DOT
        found = [(m.start(), m.end(), int(m.group(1))) for m in rx.finditer(text)]
    kept: list[tuple[int, int, int]] = []
    for start, end, num in found:
        if not kept or num == kept[-1][2] + 1:
            kept.append((start, end, num))
    if not kept:
        return text, []
    prefix = text[: kept[0][0]].strip()
    measures: list[tuple[str | None, str]] = []
    for k, (start, end, _num) in enumerate(kept):
        stop = kept[k + 1][0] if k + 1 < len(kept) else len(text)
        measures.append((squeeze(text[start:end]), text[end:stop].strip()))
    return prefix, measures
