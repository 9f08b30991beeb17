"""Plans converted from Word to markdown whose items carry no numbers, only bold titles.

Such a plan opens each task with a bold title (``**稳定粮食生产。**全面落实…``) and groups
tasks under bold lines of their own (``**巩固拓展脱贫攻坚成果**``).  Cleaning the markup
would leave nothing to arrange them by, so :func:`number_bold_items` gives them the
numbering the genre would print: ``（一）`` for a group heading, ``1.`` for a titled item,
counted afresh under each section heading (``主要目标``, ``重点任务`` …).

>>> from govplan.reading.lines import Line
>>> rows = ["**重点任务**", "**稳定生产**", "**抓好春耕。**落实补贴。", "**稳定价格。**加强监测。"]
>>> number_bold_items([Line(i + 1, t) for i, t in enumerate(rows)])
{2: '（一）稳定生产', 3: '1. 抓好春耕。落实补贴。', 4: '2. 稳定价格。加强监测。'}
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govplan.reading.lines import Line
from govplan.reading.structure import parse_marker
from govplan.reading.text import clean_line

__all__ = ["number_bold_items"]

# a bold run opening the line (bounded: a title, never a paragraph)
_BOLD_LEAD = re.compile(r"^\*\*([^*]{2,40})\*\*")
_ANCHOR = re.compile(r"^\[\]\{[^{}]{0,120}\}")
_CN = "一二三四五六七八九"


def _cn(n: int) -> str:
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN[tens - 1] + "十")
    return head + (_CN[ones - 1] if ones else "")


def number_bold_items(lines: Sequence[Line]) -> dict[int, str]:
    """Cleaned text, with numbering added, for the bold-titled lines of an unnumbered plan.

    Empty unless at least two lines open with a bold title followed by text; lines that
    already carry numbering are left alone, and only lines after a section heading count.
    """
    found: list[tuple[int, str, str | None]] = []  # (line, kind, cleaned)
    leads = 0
    for ln in lines:
        if "**" not in ln.text[:200]:
            continue
        raw = ln.text.strip(" \t\u3000\xa0")
        raw = _ANCHOR.sub("", raw)
        m = _BOLD_LEAD.match(raw)
        if m is None:
            continue
        inner = clean_line(m.group(1))
        rest = clean_line(raw[m.end():])
        marker = parse_marker(inner) if inner else None
        if marker is not None:
            if marker.style == "cn" and marker.value is None and not rest:
                found.append((ln.number, "section", None))
            continue
        if not rest or rest in "。：:":
            found.append((ln.number, "heading", inner.rstrip("。：:")))
        elif inner.endswith(("。", "：", ":")) or rest[0] in "。：:":
            found.append((ln.number, "item", clean_line(raw)))
            leads += 1
    if leads < 2:
        return {}
    out: dict[int, str] = {}
    in_section = False
    heads = items = 0
    for number, kind, text in found:
        if kind == "section":
            in_section, heads, items = True, 0, 0
        elif not in_section or text is None:
            continue
        elif kind == "heading":
            heads, items = heads + 1, 0
            out[number] = f"（{_cn(heads)}）{text}"
        else:
            items += 1
            out[number] = f"{items}. {text}"
    return out
