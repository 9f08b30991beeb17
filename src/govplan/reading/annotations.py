"""Responsibility annotations: who leads and who supports an item.

An annotation names units and says what they do, in brackets of any kind after the
item's text (or one of its sentences): ``[区工信局牵头，区科技局等按职责分工负责]``,
``（牵头单位：区商务局；配合单位：区财政局）``, ``（区财政局、区税务局负责。列第一位者为牵头单位）``.
Brackets that are not annotations - ``（以下简称…）``, lists of examples, ``（街道）`` -
say nothing about roles, or name no units, and are left alone.

>>> [(a.lead, a.support) for a in find_annotations("推进建设。[区工信局牵头，区科技局、区财政局等按职责分工负责]")[0]]
[(('区工信局',), ('区科技局', '区财政局'))]
>>> [(a.lead, a.support) for a in find_annotations("（牵头单位：区商务局；配合单位：区财政局、区税务局）")[0]]
[(('区商务局',), ('区财政局', '区税务局'))]
>>> find_annotations("加强农村公路建设（含标志标牌），推进“四好农村路”建设。")
([], [])
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from govplan.reading.responsibility import (
    FIRST_LEADS,
    LABEL,
    LEAD_LABELS,
    ROLE_HINT,
    SHORT_LABELS,
    SUPPORT_LABELS,
    acceptable,
    names_and_time,
    parse_labelled,
    parse_responsibility,
)
from govplan.reading.unitnames import bracket_groups, depths, looks_like_unit, split_units

__all__ = ["Annotation", "Candidate", "bracket_groups", "find_annotations", "looks_like_unit",
           "parse_responsibility", "split_units"]


@attrs.frozen
class Annotation:
    """A responsibility annotation: offsets of the bracket (or label run) in the text, the
    content as printed, the units named as lead and as support, and a time if it gives one."""

    start: int
    end: int
    content: str
    lead: tuple[str, ...]
    support: tuple[str, ...]
    deadline_text: str | None = None
    labelled: bool = False
    carries: bool = False  # says the first unit listed leads here and in the annotations below
    unranked: bool = False  # lists units under a label that names no lead (责任单位：X、Y)


@attrs.frozen
class Candidate:
    """A bracket that names units but says nothing of their role (reported, not read)."""

    start: int
    end: int
    content: str
    reason: str


_NOT_ANNOTATION = re.compile(r"^(?:以下简称|下称|简称|含|包括|如|例如|即|其中|详见|见附件|共\d|第[一二三四五六七八九十\d])")


def _repair_breaks(content: str, offset: int, breaks: Sequence[int]) -> str:
    """Drop a character a page break repeated inside the annotation (住房城乡建设|设局)."""
    cut = [b - offset for b in breaks if offset < b < offset + len(content)]
    for b in sorted(cut, reverse=True):
        if 0 < b < len(content) and content[b - 1] == content[b] and "\u4e00" <= content[b] <= "\u9fff":
            content = content[:b] + content[b + 1:]
    return content


def find_annotations(text: str, breaks: Sequence[int] = ()) -> tuple[list[Annotation], list[Candidate]]:
    """Every responsibility annotation in an item's text, and brackets that only name units.

    *breaks* are offsets where one source line ends and the next begins; a character a
    page break repeated inside an annotation is dropped before its names are read.
    """
    found: list[Annotation] = []
    candidates: list[Candidate] = []
    if "】" in text or "]" in text or "〕" in text:
        text = _BRACKETED_LABEL.sub(_as_colon_label, text)
    groups = bracket_groups(text)
    for a, b in groups:
        raw = text[a + 1:b]
        content = _repair_breaks(raw, a + 1, breaks).strip()
        if not content or len(content) > 400 or _NOT_ANNOTATION.match(content):
            continue
        parsed = parse_responsibility(content) if ROLE_HINT.search(content) else None
        if parsed is not None and acceptable(parsed) and (parsed.labelled or not _sentence_inside(content)):
            found.append(Annotation(a, b + 1, raw.strip(), parsed.lead, parsed.support,
                                    parsed.deadline_text, parsed.labelled, parsed.carries, parsed.unranked))
            continue
        if parsed is None and _stands_alone(text, a, b, breaks) and _names_only(content):
            candidates.append(Candidate(a, b + 1, raw, "bracket names units but no role"))
    if LABEL.search(text):
        found.extend(_unbracketed_labels(text, groups, breaks))
    if not found:
        found.extend(_unbracketed_roles(text, groups, breaks))
    if not found:
        found.extend(_unit_first(text))
    found.sort(key=lambda x: x.start)
    return found, candidates


# "【牵头单位】区商务局【配合单位】区财政局": labels in brackets instead of before a colon
_BRACKETED_LABEL = re.compile(
    r"[【\[［〔]\s{0,2}(牵头单位|牵头部门|主责单位|责任单位|责任部门|配合单位|配合部门|协办单位|完成时限|完成时间|时间节点)"
    r"\s{0,2}[】\]］〕]"
)


def _as_colon_label(m: re.Match[str]) -> str:
    # the same length, so that offsets into the text stay true
    return (m.group(1) + "：").ljust(len(m.group(0)))


def _sentence_inside(content: str) -> bool:
    # An annotation is a list, not prose: a full stop inside means a sentence (apart from the
    # "列第一位者为牵头单位" note and a trailing stop).
    body = FIRST_LEADS.sub("", content).rstrip("。.")
    return "。" in body


def _names_only(content: str) -> bool:
    names, _ = names_and_time(content)  # (区发改局、区财政局；2024年12月): a time may close the list
    return bool(names) and all(looks_like_unit(n) for n in names) and len(content) >= 4


def _stands_alone(text: str, a: int, b: int, breaks: Sequence[int] = ()) -> bool:
    # An alias in brackets (区政府办公室（区金融办）会同…) hangs on the word before it;
    # an annotation closes its sentence: end of text, a stop or the end of its line follows.
    after = text[b + 1:b + 2]
    return after in ("", "。", "；", ";", "\n") or (b + 1) in breaks


_VERB_FIRST = re.compile(r"^(?:由|请|要)?(?:牵头|负责|配合|参与|协助|协办|落实|主责)")


def _unbracketed_roles(text: str, groups: list[tuple[int, int]], breaks: Sequence[int]) -> list[Annotation]:
    """``区发改局牵头，区财政局配合。`` written without brackets as the item's last sentence.

    Only a whole sentence that is nothing but units and role words counts, and only when it
    opens a line or follows a full stop, so that prose (区政府牵头，各部门协同配合) is left alone.
    """
    end = len(text.rstrip(" \t\u3000。.；;"))
    if end == 0 or (groups and groups[-1][1] >= end - 1):
        return []
    start = max(text.rfind("。", 0, end), text.rfind("；", 0, end)) + 1
    line_start = max((b for b in breaks if b <= end), default=0)
    if line_start > start:
        start = line_start
    if start <= 0 or end - start > 160:
        return []
    sentence = text[start:end].strip()
    if not sentence or not ROLE_HINT.search(sentence) or _VERB_FIRST.match(sentence):
        return []  # "落实统一管护机构": a verb then its object, not units then their role
    parsed = parse_responsibility(sentence)
    if parsed is None or parsed.bad or not (parsed.lead or parsed.support):
        return []
    return [Annotation(start, len(text), sentence, parsed.lead, parsed.support, parsed.deadline_text)]


# an item's number, then a unit and a colon: "1.县工信局：牵头推进…"
_UNIT_OPENING = re.compile(
    r"^[ \t\u3000]{0,8}(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)?"
    r"[ \t\u3000]{0,4}(?P<unit>[^：:，,。；;（()）]{2,30})[：:]"
)
_SUPPORT_CLAUSE = re.compile(r"(?:配合|协助|协办|参与)(?:落实|实施)?$")


def _unit_first(text: str) -> list[Annotation]:
    """``1.县工信局：牵头推进…，县移动公司配合。``: the unit that opens the item, then what it does.

    The opening unit leads when the item says it 牵头 (else it is responsible, as under a
    责任单位 label); units in a clause ending with 配合 support.  The annotation has no
    width: the unit stays in the task's text.

    >>> [(a.lead, a.support) for a in _unit_first("2.区商务局：牵头建设市场，区财政局配合。")]
    [(('区商务局',), ('区财政局',))]
    """
    m = _UNIT_OPENING.match(text[:60])
    if m is None or not looks_like_unit(m.group("unit").strip()):
        return []
    unit = m.group("unit").strip()
    rest = text[m.end():m.end() + 2000]
    if not re.search(r"牵头|负责|配合", rest):
        return []
    said = rest.lstrip(" \t\u3000")[:4]
    lead = (unit,) if said.startswith(("牵头", "负责牵头")) else ()
    support: list[str] = [] if lead else [unit]
    for clause in re.split(r"[，,。；;]", rest):
        c = clause.strip(" \t\u3000")
        if not _SUPPORT_CLAUSE.search(c) or len(c) > 80:
            continue
        parsed = parse_responsibility(c)
        if parsed is not None and not parsed.bad and not parsed.lead:
            support.extend(n for n in parsed.support if n not in support and n not in lead)
    raw = unit + "：" + ("牵头…" if lead else "…")
    a = m.start("unit")
    return [Annotation(a, a, raw, lead, tuple(support))]


def _unbracketed_labels(text: str, groups: list[tuple[int, int]], breaks: Sequence[int]) -> list[Annotation]:
    """``牵头单位：X；责任单位：Y`` written without brackets, opening a sentence."""
    out: list[Annotation] = []
    line_starts = set(breaks)
    depth = depths(text)
    inside = [False] * (len(text) + 1)
    for a, b in groups:
        for i in range(a, b + 1):
            inside[i] = True
    for m in LABEL.finditer(text):
        if inside[m.start()] or depth[m.start()] != 0:
            continue
        if m.group("label") not in LEAD_LABELS + SUPPORT_LABELS or m.group("label") in SHORT_LABELS:
            continue
        before = text[:m.start()].rstrip(" \t\u3000")
        at_line_start = m.start() in line_starts
        if before and before[-1] not in "。；;！!？?：:" and not at_line_start:
            continue
        end = len(text)
        content = _repair_breaks(text[m.start():end], m.start(), breaks)
        parsed = parse_labelled(content.rstrip("。"))
        if acceptable(parsed):
            out.append(Annotation(m.start(), end, text[m.start():end].strip(), parsed.lead, parsed.support,
                                  parsed.deadline_text, True, parsed.carries, parsed.unranked))
        break
    return out

