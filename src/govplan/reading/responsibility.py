"""What an annotation's content says: the units that lead, the units that support, and a time.

Two ways of writing it: role words after the units (``X牵头，Y、Z等按职责分工负责``,
``X负责``, ``Y配合``) and labels before them (``牵头单位：X；配合单位：Y；完成时限：…``).

>>> p = parse_responsibility("牵头部门：区商务局；配合部门：区公安分局、区税务局；时间节点：2024年6月底前")
>>> p.lead, p.support, p.deadline_text
(('区商务局',), ('区公安分局', '区税务局'), '2024年6月底前')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from govplan.reading.unitnames import TRIM, UNIT_END, depths, looks_like_unit, split_units

__all__ = ["FIRST_LEADS", "LABEL", "LEAD_LABELS", "ROLE_HINT", "SHORT_LABELS", "SUPPORT_LABELS", "Parsed", "acceptable",
           "cell_units", "lift_marked_leads", "names_and_time", "parse_labelled", "parse_responsibility"]

# Role words, longest first; the text before one names the units it applies to.
_ROLE = re.compile(
    r"(?:(?:按照?|依照?|根据)?(?:职责分工|职能分工|职责|职能|项目分工|分工)|各司其职)?\s*(?:分别|共同)?"
    r"(?P<role>牵头负责|牵头落实|牵头抓总|牵头|负总责|主责|负责落实|负责|配合落实|配合实施|配合|参与|协助|协办|落实|"
    r"具体实施|组织实施|支持)"
)
LABEL = re.compile(
    r"(?P<label>牵头单位|牵头部门|牵头科室|主责单位|主责部门|主办单位|责任单位|责任部门|责任科室|配合单位|配合部门|"
    r"协办单位|协助单位|参与单位|协同单位|完成时限|完成时间|完成期限|时间节点|时限要求|时间要求|时限|牵头领导|责任领导|"
    r"责任人|分管领导|联系人|牵头|主办|主责|配合|协办|责任|时间)\s*[:：]"
)
# the bare words (牵头：X；配合：Y) are labels only inside an annotation's brackets
SHORT_LABELS = ("牵头", "主办", "主责", "配合", "协办", "责任", "时间")
ROLE_HINT = re.compile(r"牵头|负责|配合|参与|协助|协办|落实|主责|单位|部门")
LEAD_LABELS = ("牵头单位", "牵头部门", "牵头科室", "主责单位", "主责部门", "主办单位", "牵头", "主办", "主责")
SUPPORT_LABELS = ("责任单位", "责任部门", "责任科室", "配合单位", "配合部门", "协办单位", "协助单位", "参与单位", "协同单位",
                  "配合", "协办", "责任")
_TIME_LABELS = ("完成时限", "完成时间", "完成期限", "时间节点", "时限要求", "时间要求", "时限", "时间")
# "列第一位者为牵头单位" - the first unit listed leads; "下同": so do the first units of the
# annotations that follow.
FIRST_LEADS = re.compile(
    r"[。；;，,]?\s*(?:其中)?[，,]?(?:列|排)(?:在|名)?(?:第一位|首位|第一|前面|第1位)(?:者|的|单位|部门|的单位|的部门)?"
    r"(?:为|是)牵头(?:单位|部门)(?P<carry>[，,；;]?\s*(?:下同|以下同|后同|以下各项同))?[。]?"
)


_BRACKETED_ROLE = re.compile(r"[（(]((?:按照?|依照?)?(?:职责|职能)?(?:分工)?(?:负责|配合|参与|落实))[)）]")
_BARE_DIVISION = re.compile(r"(?:按照?|依照?|根据)?(?:职责|职能|项目)分工$")


@attrs.frozen
class Parsed:
    """What one annotation says: lead and supporting units, a time, and names that read as no unit."""

    lead: tuple[str, ...]
    support: tuple[str, ...]
    deadline_text: str | None
    bad: tuple[str, ...]
    labelled: bool
    carries: bool = False  # "…下同": the first-listed rule holds for the annotations that follow
    # units under a label that gives no role (责任单位：X、Y) - a first-listed rule ranks them
    unranked: bool = False


def parse_responsibility(content: str) -> Parsed | None:
    """Lead and supporting units of an annotation's content, or None when it names no roles.

    >>> p = parse_responsibility("区安委会牵头，各有关行业主管部门及各乡镇（街道）配合")
    >>> p.lead, p.support
    (('区安委会',), ('各有关行业主管部门', '各乡镇（街道）'))
    >>> parse_responsibility("区教育局、区财政局负责。列第一位者为牵头单位").lead
    ('区教育局',)
    """
    text = content.strip(" \t\u3000")
    if text.startswith("由"):
        text = text[1:]
    if "（" in text or "(" in text:  # "X、Y（按职责分工负责）": the role in brackets of its own
        text = _BRACKETED_ROLE.sub(r"\1", text)
    if LABEL.search(text):
        return parse_labelled(text)
    first_leads = carries = False
    m = FIRST_LEADS.search(text)
    if m:
        first_leads = True
        carries = bool(m.group("carry"))
        text = (text[: m.start()] + text[m.end():]).strip()
    depth = depths(text)
    roles = [r for r in _ROLE.finditer(text) if depth[r.start()] == 0]
    if not roles:
        return None
    lead: list[str] = []
    support: list[str] = []
    bad: list[str] = []
    deadline: str | None = None
    pos = 0
    for r in roles:
        chunk = text[pos:r.start()]
        pos = r.end()
        names, time = names_and_time(chunk)
        deadline = time or deadline
        target = lead if "牵头" in r.group("role") or r.group("role") in ("负总责", "主责") else support
        for name in names:
            (target if looks_like_unit(name) else bad).append(name)
    # "…、区工商联等按职责分工" - the role word itself was left off
    tail = _BARE_DIVISION.sub("", text[pos:].strip(TRIM)).strip(TRIM)
    if tail:
        names, time = names_and_time(tail)
        deadline = time or deadline
        for name in names:
            (support if looks_like_unit(name) else bad).append(name)
    if first_leads and not lead and support:
        lead, support = support[:1], support[1:]
    marked, rest = lift_marked_leads(lead, support)
    return Parsed(marked, tuple(n for n in rest if n not in marked), deadline, tuple(bad), False, carries)


def names_and_time(chunk: str) -> tuple[list[str], str | None]:
    """Unit names in *chunk*; a clause that is a time (2024年6月底前完成) is returned apart."""
    time: str | None = None
    kept: list[str] = []
    chunk = chunk.replace("会同", "、")  # "区应急局会同区交通局、区公安分局负责": all of them
    for clause in re.split(r"[，,；;]", chunk):
        c = clause.strip(TRIM)
        if not c:
            continue
        if re.search(r"\d{4}\s*年|\d{1,2}\s*月|年底|年内|上半年|下半年|季度|长期坚持|持续推进", c) and not UNIT_END.search(c):
            time = c
            continue
        kept.append(clause)
    return split_units("，".join(kept)), time


def parse_labelled(text: str) -> Parsed:
    """Roles given by labels (``牵头单位：X；配合单位：Y；完成时限：…``), with any roles said in
    words before the first label.

    >>> parse_labelled("牵头单位：区商务局；配合单位：区财政局").support
    ('区财政局',)
    """
    lead: list[str] = []
    support: list[str] = []
    bad: list[str] = []
    deadline: str | None = None
    text, first_leads, carries = _first_listed_note(text)
    labels = list(LABEL.finditer(text))
    ranked = False  # a label that says a role (牵头单位, 配合单位) or roles said in words
    prefix = text[: labels[0].start()].strip(TRIM) if labels else ""
    if prefix:  # "区发改局牵头，完成时限：…": roles said in words before the first label
        said = parse_responsibility(prefix)
        if said is not None:
            lead.extend(said.lead)
            support.extend(said.support)
            bad.extend(said.bad)
            deadline = said.deadline_text
            ranked = True
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        value = _balanced(text[m.end():end].strip(TRIM))
        label = m.group("label")
        if label in _TIME_LABELS:
            deadline = value or deadline
            continue
        if label not in LEAD_LABELS and label not in SUPPORT_LABELS:
            continue
        target = lead if label in LEAD_LABELS else support
        if label not in _UNRANKED_LABELS:
            ranked = True
        elif _ROLE.search(value):  # "责任单位：X牵头，Y配合": the roles said in words
            said = parse_responsibility(value)
            if said is not None and said.lead and acceptable(said):
                lead.extend(said.lead)
                support.extend(said.support)
                deadline = deadline or said.deadline_text
                ranked = True
                continue
        names, time = names_and_time(value)  # 责任单位：区财政局，上半年完成
        deadline = deadline or time
        for name in names:
            (target if looks_like_unit(name) else bad).append(name)
    unranked = not lead and not ranked and bool(support)
    if first_leads and unranked:
        lead, support = support[:1], support[1:]
    marked, rest = lift_marked_leads(lead, support)
    return Parsed(marked, rest, deadline, tuple(bad), True, carries, unranked and not marked)


# labels that list the units responsible without saying who leads
_UNRANKED_LABELS = ("责任单位", "责任部门", "责任科室", "责任")
_EMPTY_BRACKETS = re.compile(r"[（(]\s*[)）]")


def _first_listed_note(text: str) -> tuple[str, bool, bool]:
    """*text* without a "列第一位的为牵头单位（，下同）" note, whether it had one, and whether
    the note holds for the annotations below.

    >>> _first_listed_note("责任单位：县财政局、县税务局（列第一位的为牵头单位，下同）")
    ('责任单位：县财政局、县税务局', True, True)
    """
    m = FIRST_LEADS.search(text)
    if m is None:
        return text, False, False
    rest = _EMPTY_BRACKETS.sub("", text[: m.start()] + text[m.end():]).strip(" \t\u3000")
    return rest, True, bool(m.group("carry"))


def cell_units(lead_cell: str | None, support_cell: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Lead and supporting units of a table row from its lead and supporting cells.

    A cell may say the roles itself (``X牵头，Y配合`` in a lone 责任单位 column) or mark the
    lead (``X（牵头）、Y``); otherwise its column says the role.

    >>> cell_units(None, "县文旅局牵头，县住建局配合"), cell_units("县发改局", "县财政局")
    ((('县文旅局',), ('县住建局',)), (('县发改局',), ('县财政局',)))
    """
    lead: list[str] = []
    support: list[str] = []
    for cell, target in ((lead_cell, lead), (support_cell, support)):
        if not cell:
            continue
        # a cell that says roles is short; a long one is prose or damage, read by its column
        parsed = parse_responsibility(cell) if len(cell) <= 400 and _ROLE.search(cell) else None
        if parsed is not None and acceptable(parsed):
            if parsed.lead:
                lead.extend(parsed.lead)
                support.extend(parsed.support)
            else:  # "各镇（街道）配合": no lead said, the column tells
                target.extend(parsed.support)
        else:
            target.extend(split_units(cell))
    return lift_marked_leads(lead, support)


_LEAD_MARK = re.compile(r"[（(]\s{0,2}(?:牵头|牵头单位|牵头部门|主责|主责单位|主办)\s{0,2}[)）]$")


def _unmarked(name: str) -> str:
    """*name* without a trailing ``（牵头）`` mark (only its tail is searched: names may be long)."""
    if not name.endswith(("）", ")")):
        return name
    m = _LEAD_MARK.search(name, max(0, len(name) - 12))
    return name[: m.start()].rstrip() if m else name


def lift_marked_leads(lead: Iterable[str], support: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Lead and supporting units, with a unit marked ``（牵头）`` in any list moved to the lead.

    >>> lift_marked_leads([], ["市工信局（牵头）", "市财政局"])
    (('市工信局',), ('市财政局',))
    """
    leads: list[str] = []
    others: list[str] = []
    for name in lead:
        leads.append(_unmarked(name))
    for name in support:
        bare = _unmarked(name)
        (leads if bare != name else others).append(bare)
    return _dedupe(n for n in leads if n), _dedupe(others)


def _balanced(value: str) -> str:
    """*value* without brackets left open or closed by the label run around it, keeping a
    name's own (``县财政局（县金融办）``).

    >>> _balanced("县财政局（县金融办）"), _balanced("区商务局）"), _balanced("（区商务局")
    ('县财政局（县金融办）', '区商务局', '区商务局')
    """
    while value and value[-1] in "）)" and value.count("（") + value.count("(") < value.count("）") + value.count(")"):
        value = value[:-1].rstrip(TRIM)
    while value and value[0] in "（(" and value.count("（") + value.count("(") > value.count("）") + value.count(")"):
        value = value[1:].lstrip(TRIM)
    return value


def _dedupe(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def acceptable(p: Parsed) -> bool:
    """Whether *p* names units, with few and short names that read as no unit (prose, damage)."""
    good = len(p.lead) + len(p.support)
    if good == 0:
        return False
    if not p.bad:
        return True
    return all(len(b) <= 10 for b in p.bad) and len(p.bad) * 3 <= good + len(p.bad)

