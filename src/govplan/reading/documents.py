"""Issued documents in a file: their headers, and the plans each one carries.

A file may hold several separately issued documents.  Each opens with a document
number (文号) on a line of its own, then the issuer, a title that may wrap over
lines, the addressees, a short body, the signature and the date.  A plan notice
then carries the overall plan and its attachment plans, listed after ``附件：``;
:mod:`govplan.reading.plans` finds where each plan sits.

>>> from govplan.reading.lines import Line
>>> rows = ["某政办发〔2024〕3号", "", "某某区人民政府办公室", "关于印发《某某区实施方案》的", "通 知",
...         "各镇人民政府：", "现印发给你们。", "某某区人民政府办公室", "2024年3月1日", "", "某某区实施方案",
...         "一、工作目标", "新增企业5家。"]
>>> [d] = split_documents([Line(i + 1, t) for i, t in enumerate(rows)])
>>> d.doc_number, d.title, d.issuer, d.jurisdiction, str(d.date)
('某政办发〔2024〕3号', '关于印发《某某区实施方案》的通知', '某某区人民政府办公室', '某某区', '2024-03-01')
>>> [(p.title, p.title_line, p.kind) for p in d.plans]
[('某某区实施方案', 11, 'overall')]
"""

from __future__ import annotations

from collections.abc import Sequence

from govplan.reading.blocks import AttachmentEntry, DocBlock, Lines, PlanBlock, jurisdiction_of
from govplan.reading.headers import DOC_NUMBER, block_start, field_number, number_of, parse_date, read_header
from govplan.reading.lines import Line
from govplan.reading.plans import find_plans

__all__ = ["DOC_NUMBER", "AttachmentEntry", "DocBlock", "PlanBlock", "jurisdiction_of", "parse_date", "split_documents"]


def split_documents(lines: Sequence[Line], skip: frozenset[int] = frozenset(),
                    task_tables: frozenset[int] = frozenset(), *, cleaned: bool = False) -> list[DocBlock]:
    """Every document in *lines*, each with its header read and its plans located.

    *skip* holds line numbers already read as tables; they are never titles.
    *task_tables* holds the first lines of tables that list tasks: a title right above
    one is a task list's title.  With *cleaned*, the lines' text is already cleaned.
    """
    if not lines:
        return []
    lx = Lines(lines, cleaned)
    first, last = lx.numbers[0], lx.numbers[-1]
    numbered: list[int] = []
    repeated: list[int] = []
    seen: set[str] = set()
    number_at: dict[int, str] = {}
    for n in lx.numbers:
        # on a line of its own, or in a web page's metadata block (文　　号：…)
        number = (number_of(lx.flat[n]) or field_number(lx.text[n])) if n not in skip else None
        if number:
            number_at[n] = number
        if number and number in seen:
            repeated.append(n)  # a number repeated in a page header starts nothing
        elif number:
            seen.add(number)
            numbered.append(n)
    blocks: list[DocBlock] = []
    starts = [block_start(lx, n, numbered[i - 1] if i else None) for i, n in enumerate(numbered)]
    if starts:
        starts[0] = first
    for i, n in enumerate(numbered):
        end = (starts[i + 1] - 1) if i + 1 < len(numbered) else last
        block = DocBlock(start=starts[i], end=end, doc_number=number_at[n], number_line=n)
        read_header(lx, block, skip)
        blocks.append(block)
    for n in repeated:
        for block in blocks:
            if block.start <= n <= block.end:
                block.boilerplate.add(n)
    if not blocks:
        block = DocBlock(start=first, end=last)
        read_header(lx, block, skip, unnumbered=True)
        blocks.append(block)
    for block in blocks:
        find_plans(lx, block, skip, task_tables)
    if len(blocks) == 1 and blocks[0].doc_number is None and blocks[0].title is None and len(blocks[0].plans) > 1:
        blocks = _one_per_plan(blocks[0])
    return blocks


def _one_per_plan(block: DocBlock) -> list[DocBlock]:
    """Plans published one after another without a notice: each is a document of its own,
    with the plans printed under an ``附件N`` header after it as its attachments."""
    out: list[DocBlock] = []
    for k, plan in enumerate(block.plans):
        if out and plan.header_line is not None:
            doc = out[-1]
            doc.end = plan.body_end
            doc.plans.append(plan)
            doc.header_lines |= {n for n in block.header_lines if plan.header_line <= n <= plan.body_end}
            doc.boilerplate |= {n for n in block.boilerplate if plan.header_line <= n <= plan.body_end}
            continue
        start = block.start if k == 0 else (plan.header_line or plan.title_lines[0])
        plan.kind = "task_list" if plan.kind == "task_list" else "overall"
        plan.attachment = None
        b = DocBlock(start=start, end=plan.body_end, kind="plan", plans=[plan],
                     jurisdiction=jurisdiction_of(plan.title) or block.jurisdiction)
        b.header_lines = {n for n in block.header_lines if start <= n <= plan.body_end}
        b.boilerplate = {n for n in block.boilerplate if start <= n <= plan.body_end}
        out.append(b)
    return out
