"""Unit names as annotations print them: brackets, list splitting, and what reads as a unit.

An annotation's units are a list (``区发改局、区财政局及各乡镇（街道、经开区）等``) whose
separators do not split inside brackets or quotes; :func:`split_units` cuts it (with the
units module's splitter) and :func:`looks_like_unit` tells a unit or a
collective (``各乡镇（街道）``) from prose.
"""

from __future__ import annotations

import functools
import re

from govplan.units.lists import split_unit_list

__all__ = ["TRIM", "UNIT_END", "bracket_groups", "depths", "looks_like_unit", "split_units"]

_OPEN = "（([【〔［｛{"
_CLOSE = "）)]】〕］｝}"
_QUOTE_OPEN = "“‘《〈「『"
_QUOTE_CLOSE = "”’》〉」』"

UNIT_END = re.compile(
    r"(?:局|委|办|部|厅|院|会|中心|公司|集团|政府|镇|乡|街道|区|县|市|所|站|队|室|处|行|社|联|协|组|班|校|馆|场|台|团|营|"
    r"投|单位|部门|机构|企业|银行|办事处|指挥部|法院|检察院|海关|股|园|基地|医院|学校|村|社区|委员会|党组|党委|工委|"
    r"厂|矿|支部|小组|平台|分行|支行|专班|网格|中队|支队|大队|分局|支局|科|署|所|办公室)$"
)
_COLLECTIVE_START = re.compile(r"^(?:各|相关|有关|其他|其它|全区|全市|全县|驻区|驻市|驻县|市直|区直|县直|辖区)")
_NOT_UNIT = re.compile(r"[。！？]|^(?:街道|社区|村|镇|乡|园区|城区|全区|全市|全县)$|[0-9０-９]{3,}")
TRIM = " \t\u3000、，,；;：:。.等"
_TAIL_WORDS = re.compile(r"(?:等(?:相关|有关)?(?:单位|部门))$|等$")


_BRACKETS = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")
_NESTING = re.compile("[" + re.escape(_OPEN + _CLOSE + _QUOTE_OPEN + _QUOTE_CLOSE) + "]")


def depths(text: str) -> list[int]:
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

    >>> [looks_like_unit(n) for n in ("区工业和信息化局", "各乡镇（街道）", "经费保障", "街道")]
    [True, True, False, False]
    """
    s = name.strip(TRIM)
    if not (2 <= len(s) <= 40) or _NOT_UNIT.search(s):
        return False
    core = s
    while core.endswith(("）", ")")) and ("（" in core or "(" in core):
        cut = max(core.rfind("（"), core.rfind("("))
        if cut <= 0:
            break
        core = core[:cut]
    if UNIT_END.search(core):
        return True
    return bool(_COLLECTIVE_START.match(core)) and len(core) <= 24


def _local_split(text: str) -> list[str]:
    # Split at depth 0 on list separators and on 及/以及/和/与 between two whole names.
    depth = depths(text)
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
        piece = _TAIL_WORDS.sub("", piece.strip(TRIM)).strip(TRIM)
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
        out.extend(p.strip(TRIM) for p in parts if p.strip(TRIM))
    return out


@functools.lru_cache(maxsize=4096)
def _split_cached(text: str) -> tuple[str, ...]:
    try:
        names = split_unit_list(text)
    except Exception:  # noqa: BLE001 - a helper's bug must not stop the reading
        return tuple(_local_split(text))
    return tuple(re.sub(r"\s+", "", n) if not _keeps_space(n) else n for n in names)


def split_units(text: str) -> list[str]:
    """The unit names in a unit list (see :func:`govplan.units.split_unit_list`).

    >>> split_units("区发改局、区财政局及各乡镇（街道、经开区）等")
    ['区发改局', '区财政局', '各乡镇（街道、经开区）']
    """
    return list(_split_cached(text))


def _keeps_space(name: str) -> bool:
    # "区发改局 财政局" is a merged bureau broken by a cell; the resolver decides, so keep it.
    return bool(re.search(r"\S\s+\S", name)) and len(name) <= 20

