"""A trailing division of labour: ``第（N）项由X牵头，Y配合；`` lines for items printed above.

Some plans print their tasks without annotations and give the responsibility in a section
of its own (``三、责任分工``), one line per item or group of items: ``第（一）项由区民政局
牵头，区财政局配合；``, ``第2项…``, ``（三）项…``, ``第（四）、（五）项…``, ``第（六）至（八）
项…``.  Each such line refers to items by their numbers; the responsibility after the
reference is theirs.

>>> a = parse_assignment("第（一）、（三）项由区民政局牵头，区财政局配合；")
>>> a.numbers, a.parens, a.chinese, a.content
((1, 3), True, True, '由区民政局牵头，区财政局配合')
>>> parse_assignment("第6至8条：牵头单位：区商务局").numbers
(6, 7, 8)
>>> parse_assignment("第一项工作已经完成。") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from govplan.reading.responsibility import ROLE_HINT, Parsed, acceptable, parse_responsibility
from govplan.reading.structure import Item, cn_value

__all__ = ["Assignment", "AssignmentSection", "find_assignment_section", "parse_assignment", "referenced_items"]

# The reference: numbers with their brackets and separators, then 项 / 条.  Bounded and
# over one class, so a long line costs at most a few dozen steps here.
_REFERENCE = re.compile(r"^\s*(?P<ref>第?[（(）)一二三四五六七八九十\d、，,和及与至到—\-~～\s第]{1,40}?)[项条]")
_NUMBER = re.compile(r"[一二三四五六七八九十]{1,3}|\d{1,3}")
_RANGE = re.compile(r"[至到—\-~～]")
_LEAD_IN = re.compile(r"^(?:任务|工作|内容)?\s*[：:，,]?\s*")


@attrs.frozen
class Assignment:
    """One division-of-labour line: the item numbers it names and the responsibility it gives."""

    numbers: tuple[int, ...]
    parens: bool  # printed as （N）
    chinese: bool  # printed in Chinese numerals
    content: str  # the responsibility as printed, after the reference
    parsed: Parsed


def parse_assignment(text: str) -> Assignment | None:
    """The assignment *text* states, or None when it is no ``第N项由…`` line."""
    m = _REFERENCE.match(text)
    if m is None:
        return None
    ref = m.group("ref")
    tokens = list(_NUMBER.finditer(ref))
    if not tokens:
        return None
    numbers: list[int] = []
    for k, tok in enumerate(tokens):
        value = cn_value(tok.group()) if not tok.group().isdigit() else int(tok.group())
        if value is None:
            return None
        between = ref[tokens[k - 1].end():tok.start()] if k else ""
        if k and _RANGE.search(between) and numbers and numbers[-1] < value <= numbers[-1] + 50:
            numbers.extend(range(numbers[-1] + 1, value + 1))
        else:
            numbers.append(value)
    content = _LEAD_IN.sub("", text[m.end():], count=1).strip(" \t\u3000；;。.")
    if not content or len(content) > 300 or not ROLE_HINT.search(content):
        return None
    parsed = parse_responsibility(content)
    if parsed is None or not acceptable(parsed) or not (parsed.lead or parsed.support):
        return None
    digits = tokens[0].group().isdigit()
    return Assignment(tuple(dict.fromkeys(numbers)), "（" in ref or "(" in ref, not digits, content, parsed)


@attrs.frozen
class AssignmentSection:
    """A section made of assignment lines: the section item, its lines, and each assignment
    with the line it is printed on."""

    item: Item
    assignments: tuple[tuple[int, Assignment], ...]
    lines: tuple[int, ...]


def find_assignment_section(item: Item) -> AssignmentSection | None:
    """*item* as a division-of-labour section, when most of what is printed under its
    heading (its own paragraphs and its sub-items, ``（一）项由…`` being parsed as one)
    are assignment lines."""
    if item.marker is None or len(compact_heading(item)) > 20:
        return None
    paras = [*item.paragraphs[1:], *(p for sub in item.walk() for p in sub.paragraphs)]
    if not paras:
        return None
    found = [(p.first_line, a) for p in paras for a in [parse_assignment(p.text)] if a is not None]
    if not found or 2 * len(found) < len(paras):
        return None
    lines = tuple(n for p in paras for n in p.numbers)
    return AssignmentSection(item, tuple(found), tuple(sorted({item.first_line, *item.paragraphs[0].numbers,
                                                               *lines})))


def compact_heading(item: Item) -> str:
    """The section's heading without blanks and a closing stop or colon."""
    return re.sub(r"[\s\u3000]+", "", item.heading).rstrip("。：:")


_NOT_TASKS = ("goals", "mechanism", "other")
_STYLES = {(True, True): ("pcn",), (True, False): ("pnum",),
           (False, True): ("pcn", "cn", "ord"), (False, False): ("num", "pnum", "rnum")}


def referenced_items(section: AssignmentSection) -> dict[int, Item]:
    """The items the section's lines refer to, by number.

    They are looked for before the section: among its earlier siblings, or under one of
    them (``二、主要任务`` holding ``（一）…（八）``), then likewise a level up, in the
    numbering style the lines use and outside goal and mechanism sections; the group
    holding most of the numbers wins, the nearest on a tie.
    """
    groups: list[Sequence[Item]] = []
    node: Item | None = section.item
    while node is not None and node.parent is not None:
        siblings = node.parent.children
        before = [s for s in siblings[:siblings.index(node)] if s.section not in _NOT_TASKS]
        groups.append(before)
        groups.extend([s, *s.walk()] for s in reversed(before))
        node = node.parent
    wanted = {n for _, a in section.assignments for n in a.numbers}
    first = section.assignments[0][1]
    styles = _STYLES[(first.parens, first.chinese)]
    best: dict[int, Item] = {}
    for group in groups:
        for style in styles:
            by_number: dict[int, Item] = {}
            for it in group:
                if it.marker is not None and it.marker.style == style and it.marker.value is not None \
                        and it.section not in _NOT_TASKS:
                    by_number.setdefault(it.marker.value, it)
            hits = {n: by_number[n] for n in wanted if n in by_number}
            if len(hits) > len(best):
                best = hits
        if len(best) == len(wanted):
            break
    return best
