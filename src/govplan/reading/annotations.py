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

import functools
import re
from collections.abc import Iterable, Sequence

import attrs

__all__ = ["Annotation", "Candidate", "find_annotations", "looks_like_unit", "parse_responsibility", "split_units"]

_OPEN = "（([【〔［｛{"
_CLOSE = "）)]】〕］｝}"
_QUOTE_OPEN = "“‘《〈「『"
_QUOTE_CLOSE = "”’》〉」』"


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


@attrs.frozen
class Candidate:
    """A bracket that names units but says nothing of their role (reported, not read)."""

    start: int
    end: int
    content: str
    reason: str


# Role words, longest first; the text before one names the units it applies to.
_ROLE = re.compile(
    r"(?:(?:按照?|依照?|根据)?(?:职责分工|职能分工|职责|职能|项目分工|分工)|各司其职)?\s*(?:分别)?"
    r"(?P<role>牵头负责|牵头落实|牵头抓总|牵头|负总责|主责|负责落实|负责|配合落实|配合|参与|协助|协办|落实)"
)
_LABEL = re.compile(
    r"(?P<label>牵头单位|牵头部门|牵头科室|主责单位|主责部门|主办单位|责任单位|责任部门|责任科室|配合单位|配合部门|"
    r"协办单位|协助单位|参与单位|协同单位|完成时限|完成时间|完成期限|时间节点|时限要求|时间要求|时限|牵头领导|责任领导|"
    r"责任人|分管领导)\s*[:：]"
)
_ROLE_HINT = re.compile(r"牵头|负责|配合|参与|协助|协办|落实|主责|单位|部门")
_LEAD_LABELS = ("牵头单位", "牵头部门", "牵头科室", "主责单位", "主责部门", "主办单位")
_SUPPORT_LABELS = ("责任单位", "责任部门", "责任科室", "配合单位", "配合部门", "协办单位", "协助单位", "参与单位", "协同单位")
_TIME_LABELS = ("完成时限", "完成时间", "完成期限", "时间节点", "时限要求", "时间要求", "时限")
_FIRST_LEADS = re.compile(r"[。；;，,]?\s*(?:其中)?[，,]?(?:列|排)(?:在|名)?(?:第一位|首位|第一|前面|第1位)(?:者|的|单位)?(?:为|是)牵头(?:单位|部门)[。]?")
_NOT_ANNOTATION = re.compile(r"^(?:以下简称|下称|简称|含|包括|如|例如|即|其中|详见|见附件|共\d|第[一二三四五六七八九十\d])")
_UNIT_END = re.compile(
    r"(?:局|委|办|部|厅|院|会|中心|公司|集团|政府|镇|乡|街道|区|县|市|所|站|队|室|处|行|社|联|协|组|班|校|馆|场|台|团|营|"
    r"投|单位|部门|机构|企业|银行|办事处|指挥部|法院|检察院|海关|股|园|基地|医院|学校|村|社区|委员会|党组|党委|工委|"
    r"厂|矿|支部|小组|平台|分行|支行|专班|网格|中队|支队|大队|分局|支局|科|署|所|办公室)$"
)
_COLLECTIVE_START = re.compile(r"^(?:各|相关|有关|其他|其它|全区|全市|全县|驻区|驻市|驻县|市直|区直|县直|辖区)")
_NOT_UNIT = re.compile(r"[。！？]|^(?:街道|社区|村|镇|乡|园区|城区|全区|全市|全县)$|[0-9０-９]{3,}")
_TRIM = " \t\u3000、，,；;：:。.等"
_TAIL_WORDS = re.compile(r"(?:等(?:相关|有关)?(?:单位|部门))$|等$")


_BRACKETS = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")
_NESTING = re.compile("[" + re.escape(_OPEN + _CLOSE + _QUOTE_OPEN + _QUOTE_CLOSE) + "]")


def _depths(text: str) -> list[int]:
    """Nesting depth (brackets and quotes) at each character; unmatched closers are ignored."""
    out = [0] * len(text)
    depth = 0
    pos = 0
    for m in _NESTING.finditer(text):
        i = m.start()
        if depth:
            out[pos:i] = [depth] * (i - pos)
        ch = text[i]
        if ch in _OPEN or ch in _QUOTE_OPEN:
            out[i] = depth
            depth += 1
        elif depth > 0:
            depth -= 1
            out[i] = depth
        pos = i + 1
    if depth:
        out[pos:] = [depth] * (len(text) - pos)
    return out


def bracket_groups(text: str) -> list[tuple[int, int]]:
    """Top-level bracket pairs ``(open offset, close offset)``; any closer matches any opener.

    >>> bracket_groups("甲（乙（丙）丁）戊(己")
    [(1, 7)]
    """
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for m in _BRACKETS.finditer(text):
        i = m.start()
        if text[i] in _OPEN:
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack:
                pairs.append((start, i))
    return pairs


def looks_like_unit(name: str) -> bool:
    """Whether *name* reads as a unit or a collective of units.

    >>> [looks_like_unit(n) for n in ("区工业和信息化局", "各乡镇（街道）", "谁的资质谁", "街道")]
    [True, True, False, False]
    """
    s = name.strip(_TRIM)
    if not (2 <= len(s) <= 40) or _NOT_UNIT.search(s):
        return False
    core = s
    while core.endswith(("）", ")")) and ("（" in core or "(" in core):
        cut = max(core.rfind("（"), core.rfind("("))
        if cut <= 0:
            break
        core = core[:cut]
    if _UNIT_END.search(core):
        return True
    return bool(_COLLECTIVE_START.match(core)) and len(core) <= 24


def _local_split(text: str) -> list[str]:
    # Split at depth 0 on list separators and on 及/以及/和/与 between two whole names.
    depth = _depths(text)
    pieces: list[str] = []
    buf: list[str] = []
    for ch, d in zip(text, depth):
        if d == 0 and ch in "、，,；;":
            pieces.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    pieces.append("".join(buf))
    out: list[str] = []
    for piece in pieces:
        piece = _TAIL_WORDS.sub("", piece.strip(_TRIM)).strip(_TRIM)
        if not piece:
            continue
        parts = [piece]
        for word in ("以及", "及", "和", "与"):
            nxt: list[str] = []
            for part in parts:
                k = part.find(word)
                if k > 0 and looks_like_unit(part[:k]) and looks_like_unit(part[k + len(word):]):
                    nxt.extend([part[:k], part[k + len(word):]])
                else:
                    nxt.append(part)
            parts = nxt
        out.extend(p.strip(_TRIM) for p in parts if p.strip(_TRIM))
    return out


@functools.lru_cache(maxsize=4096)
def _split_cached(text: str) -> tuple[str, ...]:
    try:
        from govplan.units.lists import split_unit_list
    except ImportError:  # pragma: no cover - the units module is part of the package
        return tuple(_local_split(text))
    try:
        names = split_unit_list(text)
    except Exception:  # noqa: BLE001 - a helper's bug must not stop the reading
        return tuple(_local_split(text))
    return tuple(re.sub(r"\s+", "", n) if not _keeps_space(n) else n for n in names)


def split_units(text: str) -> list[str]:
    """The unit names in a unit list (the units module's splitter when available).

    >>> split_units("区发改局、区财政局及各乡镇（街道、经开区）等")
    ['区发改局', '区财政局', '各乡镇（街道、经开区）']
    """
    return list(_split_cached(text))


def _keeps_space(name: str) -> bool:
    # "区发改局 财政局" is a merged bureau broken by a cell; the resolver decides, so keep it.
    return bool(re.search(r"\S\s+\S", name)) and len(name) <= 20


@attrs.frozen
class _Parsed:
    lead: tuple[str, ...]
    support: tuple[str, ...]
    deadline_text: str | None
    bad: tuple[str, ...]
    labelled: bool


def parse_responsibility(content: str) -> _Parsed | None:
    """Lead and supporting units of an annotation's content, or None when it names no roles.

    >>> p = parse_responsibility("区安委会牵头，各负有监管职责行业部门及各乡镇（街道）配合")
    >>> p.lead, p.support
    (('区安委会',), ('各负有监管职责行业部门', '各乡镇（街道）'))
    >>> parse_responsibility("区教育局、区财政局负责。列第一位者为牵头单位").lead
    ('区教育局',)
    """
    text = content.strip(" \t\u3000")
    if text.startswith("由"):
        text = text[1:]
    if _LABEL.search(text):
        return _parse_labelled(text)
    first_leads = False
    m = _FIRST_LEADS.search(text)
    if m:
        first_leads = True
        text = (text[: m.start()] + text[m.end():]).strip()
    depth = _depths(text)
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
        names, time = _names_and_time(chunk)
        deadline = time or deadline
        target = lead if "牵头" in r.group("role") or r.group("role") in ("负总责", "主责") else support
        for name in names:
            (target if looks_like_unit(name) else bad).append(name)
    tail = text[pos:].strip(_TRIM)
    if tail:
        names, time = _names_and_time(tail)
        deadline = time or deadline
        for name in names:
            (support if looks_like_unit(name) else bad).append(name)
    if first_leads and not lead and support:
        lead, support = support[:1], support[1:]
    return _Parsed(_dedupe(lead), _dedupe(n for n in support if n not in lead), deadline, tuple(bad), False)


def _names_and_time(chunk: str) -> tuple[list[str], str | None]:
    """Unit names in *chunk*; a clause that is a time (2024年6月底前完成) is returned apart."""
    time: str | None = None
    kept: list[str] = []
    for clause in re.split(r"[，,；;]", chunk):
        c = clause.strip(_TRIM)
        if not c:
            continue
        if re.search(r"\d{4}\s*年|\d{1,2}\s*月|年底|年内|上半年|下半年|季度|长期坚持|持续推进", c) and not _UNIT_END.search(c):
            time = c
            continue
        kept.append(clause)
    return split_units("，".join(kept)), time


def _parse_labelled(text: str) -> _Parsed:
    lead: list[str] = []
    support: list[str] = []
    bad: list[str] = []
    deadline: str | None = None
    labels = list(_LABEL.finditer(text))
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        value = text[m.end():end].strip(_TRIM + "（）()")
        label = m.group("label")
        if label in _TIME_LABELS:
            deadline = value or deadline
            continue
        if label not in _LEAD_LABELS and label not in _SUPPORT_LABELS:
            continue
        target = lead if label in _LEAD_LABELS else support
        names, time = _names_and_time(value)  # 责任单位：区财政局，上半年完成
        deadline = deadline or time
        for name in names:
            (target if looks_like_unit(name) else bad).append(name)
    return _Parsed(_dedupe(lead), _dedupe(support), deadline, tuple(bad), True)


def _dedupe(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _acceptable(p: _Parsed) -> bool:
    good = len(p.lead) + len(p.support)
    if good == 0:
        return False
    if not p.bad:
        return True
    return all(len(b) <= 10 for b in p.bad) and len(p.bad) * 3 <= good + len(p.bad)


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
    groups = bracket_groups(text)
    for a, b in groups:
        raw = text[a + 1:b]
        content = _repair_breaks(raw, a + 1, breaks).strip()
        if not content or len(content) > 400 or _NOT_ANNOTATION.match(content):
            continue
        parsed = parse_responsibility(content) if _ROLE_HINT.search(content) else None
        if parsed is not None and _acceptable(parsed) and not _sentence_inside(content):
            found.append(Annotation(a, b + 1, raw.strip(), parsed.lead, parsed.support,
                                    parsed.deadline_text, parsed.labelled))
            continue
        if parsed is None and _stands_alone(text, a, b) and _names_only(content):
            candidates.append(Candidate(a, b + 1, raw, "bracket names units but no role"))
    if _LABEL.search(text):
        found.extend(_unbracketed_labels(text, groups, breaks))
    if not found:
        found.extend(_unbracketed_roles(text, groups, breaks))
    found.sort(key=lambda x: x.start)
    return found, candidates


def _sentence_inside(content: str) -> bool:
    # An annotation is a list, not prose: a full stop inside means a sentence (apart from the
    # "列第一位者为牵头单位" note and a trailing stop).
    body = _FIRST_LEADS.sub("", content).rstrip("。.")
    return "。" in body


def _names_only(content: str) -> bool:
    names = split_units(content)
    return bool(names) and all(looks_like_unit(n) for n in names) and len(content) >= 4


def _stands_alone(text: str, a: int, b: int) -> bool:
    # An alias in brackets (区委区管委会办公室（区优办）会同…) hangs on the word before it;
    # an annotation closes its sentence: end of text or a stop follows.
    after = text[b + 1:b + 2]
    return after in ("", "。", "；", ";", "\n")


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
    if not sentence or not _ROLE_HINT.search(sentence):
        return []
    parsed = parse_responsibility(sentence)
    if parsed is None or parsed.bad or not (parsed.lead or parsed.support):
        return []
    return [Annotation(start, len(text), sentence, parsed.lead, parsed.support, parsed.deadline_text)]


def _unbracketed_labels(text: str, groups: list[tuple[int, int]], breaks: Sequence[int]) -> list[Annotation]:
    """``牵头单位：X；责任单位：Y`` written without brackets, opening a sentence."""
    out: list[Annotation] = []
    line_starts = set(breaks)
    depth = _depths(text)
    inside = [False] * (len(text) + 1)
    for a, b in groups:
        for i in range(a, b + 1):
            inside[i] = True
    for m in _LABEL.finditer(text):
        if inside[m.start()] or depth[m.start()] != 0:
            continue
        if m.group("label") not in _LEAD_LABELS + _SUPPORT_LABELS:
            continue
        before = text[:m.start()].rstrip(" \t\u3000")
        at_line_start = m.start() in line_starts
        if before and before[-1] not in "。；;！!？?：:" and not at_line_start:
            continue
        end = len(text)
        content = _repair_breaks(text[m.start():end], m.start(), breaks)
        parsed = _parse_labelled(content.rstrip("。"))
        if _acceptable(parsed):
            out.append(Annotation(m.start(), end, text[m.start():end].strip(), parsed.lead, parsed.support,
                                  parsed.deadline_text, True))
        break
    return out
