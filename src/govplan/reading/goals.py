"""Goal lists: a lead-in sentence whose time governs the targets listed under it.

A goal section often opens with one sentence that says when and how firmly -
``到2025年末，…力争实现以下目标：`` - and lists the targets below it, numbered or one
to a line, without repeating the time.  The lead-in's time is every listed target's
deadline, its 力争 / 确保 their qualifier, unless a target says its own.

>>> lead = lead_in("到2025年末，全县主要经济指标稳中有进，力争实现以下目标：", 2025)
>>> str(lead.deadline), lead.qualifier
('2025-12', '力争')
>>> lead_in("地区生产总值增长6%左右；", 2025) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from govplan.model import Period
from govplan.reading.structure import Item

__all__ = ["LeadIn", "apply_lead_in", "goal_paragraphs", "lead_in"]

_INTRODUCES = re.compile(r"[：:]\s*$|(?:以下|如下)(?:目标|指标)?[。.]?\s*$")
_FIRMNESS = re.compile(r"力争|确保")


@attrs.frozen
class LeadIn:
    """What a lead-in sentence says of the targets listed under it."""

    deadline: Period | None
    qualifier: str | None


def lead_in(text: str, year: int | None) -> LeadIn | None:
    """The time and firmness a sentence introducing a list of targets gives them, or None
    when *text* introduces no list or says neither."""
    from govplan.reading.deadlines import find_deadlines

    if not _INTRODUCES.search(text[-12:]):
        return None
    times = find_deadlines(text, year)
    firm = _FIRMNESS.search(text)
    if not times and firm is None:
        return None
    return LeadIn(times[0].period if times else None, firm.group() if firm else None)


def _merged(near: LeadIn | None, far: LeadIn | None) -> LeadIn | None:
    if near is None or far is None:
        return near or far
    return LeadIn(near.deadline or far.deadline, near.qualifier or far.qualifier)


def _inherited(item: Item, year: int | None) -> LeadIn | None:
    """The lead-in an item's goal list sits under: the last own paragraph of each ancestor
    in the goal section, nearest first."""
    found: LeadIn | None = None
    node = item.parent
    while node is not None and node.marker is not None and node.section == item.section:
        if node.paragraphs:
            found = _merged(found, lead_in(node.paragraphs[-1].text, year))
        node = node.parent
    return found


def goal_paragraphs(item: Item, year: int | None) -> Iterator[tuple[int, int, LeadIn | None]]:
    """Each own paragraph of a goal item as ``(index, offset where its goal text starts,
    lead-in governing it)``: the list number is cut from the numbered paragraph
    (``1.地区生产总值…`` is about 地区生产总值), and a paragraph that introduces a list
    governs the paragraphs after it as the ancestors' lead-ins govern the item."""
    governing = _inherited(item, year)
    for k, p in enumerate(item.paragraphs):
        cut = item.marker.end if (k == 0 and item.marker is not None) else 0
        yield k, cut, governing
        governing = _merged(lead_in(p.text, year), governing)


def apply_lead_in(drafts: Iterable[Any], lead: LeadIn | None) -> list[Any]:
    """*drafts* (:class:`~govplan.reading.targets.TargetDraft`) with the lead-in's deadline and
    qualifier where a draft has none of its own."""
    out = list(drafts)
    if lead is None:
        return out
    return [attrs.evolve(d, deadline=d.deadline or lead.deadline, qualifier=d.qualifier or lead.qualifier)
            for d in out]
