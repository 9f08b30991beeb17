"""Numbered items run together in one paragraph: ``（一）标题。1.甲（X牵头）；2.乙（Y负责）``.

Some plans print a whole group - its heading and its numbered items - as one paragraph,
the items kept apart only by ``；`` or ``。``.  Each item closes with its own annotation
and is a task of its own.  :func:`split_inline_items` cuts such a paragraph before every
inline number that follows ``；`` / ``。`` when the numbers run in sequence and every
piece carries an annotation; the pieces keep their source lines, so several tasks may
share one line.  An enumeration whose clauses share one annotation at the end
(``1.甲；2.乙。（X牵头）``) is left whole.

>>> from govplan.reading.text import Paragraph
>>> p = Paragraph.of([(5, "（一）盘活用地。1.摸清底数（区规划局牵头）；2.分类处置（区经信委负责）。")])
>>> [(q.text, q.first_line) for q in split_inline_items([p])]
[('（一）盘活用地。', 5), ('1.摸清底数（区规划局牵头）；', 5), ('2.分类处置（区经信委负责）。', 5)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from govplan.reading.annotations import find_annotations
from govplan.reading.text import Paragraph

__all__ = ["split_inline_items"]

# "；2." / "。3．" / "；（4）" - a number opening an item inside a paragraph (not "3.2%")
_INLINE = re.compile(r"(?<=[；;。])[ \t\u3000]{0,4}(?:(\d{1,3})[.．](?![\d.．])|[（(](\d{1,3})[)）])")
# the paragraph's own leading number, in the same styles
_LEADING = re.compile(r"^(?:(\d{1,3})[.．](?![\d.．])|[（(](\d{1,3})[)）])")


def _style(m: re.Match[str]) -> tuple[str, int]:
    return ("dot", int(m.group(1))) if m.group(1) else ("paren", int(m.group(2)))


def _slice(p: Paragraph, a: int, b: int) -> Paragraph:
    """The part ``text[a:b]`` of *p*, with the lines its characters came from."""
    i = max(0, bisect.bisect_right(p.starts, a) - 1)
    j = max(i + 1, bisect.bisect_left(p.starts, b))  # lines starting before b
    numbers = p.numbers[i:j]
    starts = (0, *(s - a for s in p.starts[i + 1:j]))
    return Paragraph(p.text[a:b], tuple(numbers), starts)


def _run(p: Paragraph, last: dict[str, int]) -> list[int]:
    """Offsets where *p* should be cut, or [] when its inline numbers are no run of items."""
    marks = list(_INLINE.finditer(p.text))
    if not marks:
        return []
    style, first = _style(marks[0])
    lead = _LEADING.match(p.text)
    if lead and _style(lead)[0] == style:
        expected = _style(lead)[1] + 1  # "1.甲（X牵头）；2.乙…": the paragraph is item 1
    else:
        lead = None
        expected = first
    cuts: list[int] = []
    for m in marks:
        s, n = _style(m)
        if s != style or n != expected:
            continue  # another list's numbers, or a number inside a sentence
        cuts.append(m.start(0) + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000")))
        expected += 1
    # one item alone only when it continues the numbering of the paragraph before
    if not cuts or (len(cuts) < 2 and lead is None and last.get(style) != first - 1):
        return []
    bounds = [*cuts, len(p.text)]
    items = [(bounds[k], bounds[k + 1]) for k in range(len(cuts))]
    if lead is not None:
        items.insert(0, (0, cuts[0]))
    if not all(find_annotations(p.text[a:b])[0] for a, b in items):
        return []
    last[style] = expected - 1
    return cuts


def split_inline_items(paras: Sequence[Paragraph]) -> list[Paragraph]:
    """*paras* with every paragraph of run-together numbered tasks cut into one per item."""
    out: list[Paragraph] = []
    last: dict[str, int] = {}
    for p in paras:
        if "；" not in p.text and ";" not in p.text and p.text.count("。") < 2:
            out.append(p)
            continue
        cuts = _run(p, last)
        if not cuts:
            out.append(p)
            continue
        bounds = [0, *cuts, len(p.text)]
        out.extend(_slice(p, bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)
                   if p.text[bounds[k]:bounds[k + 1]].strip())
    return out
