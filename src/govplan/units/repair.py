"""Repairing unit names damaged by PDF conversion or typing.

Three kinds of damage, each repaired only when the repaired form is what the document means:

* a stray space: ``区 发改局`` (split word), ``区发改局 财政局`` (a merged bureau whose table cell
  broke: 区发改财政局), ``区委宣传部 统战部 (工商联)`` (区委宣传统战部（工商联）);
* a repeated character or chunk where a line broke: ``区住房城乡建设设局``, ``区教育局局``,
  ``区住房和城乡建设局建设局``;
* a one-character typo of a unit printed elsewhere: ``区域管执法局`` for ``区城管执法局``.

The functions here propose candidates; :class:`~govplan.units.UnitResolver` decides with what
the whole document prints.
"""

from __future__ import annotations

from collections.abc import Callable

from govplan.units.abbreviations import parse_name
from govplan.units.knowledge import BUREAU, PARTY, knowledge
from govplan.units.names import clean_name

__all__ = ["join_spaced", "one_edit_apart", "quality", "repeat_candidates"]

_SPACE = frozenset(" \t\u3000\xa0\r\n")


def quality(name: str) -> int:
    """How well the data knows a cleaned name: 2 a known department alone, 1 a known department
    with sub-offices after it, 0 unknown.

    >>> quality("区发改局"), quality("区教育局局"), quality("区域管执法局")
    (2, 1, 0)
    """
    parsed = parse_name(name)
    if not parsed.recognized:
        return 0
    return 1 if parsed.tails else 2


def _ends_complete(name: str) -> bool:
    """Whether a cleaned piece ends a unit name (局, 部, 委, 中心 …) rather than mid-word or
    after a bare prefix (区委 + 宣传部 is one name)."""
    k = knowledge()
    rest = name.lstrip("".join(k.levels))
    if not rest or rest in dict(k.branches) or len(name) < 3:
        return False
    return name.endswith(tuple(k.lists["unit_ends"]))


def _drop_suffix(name: str) -> str:
    """``区发改局`` -> ``区发改``: the name without its department suffix."""
    for suffix, cls in knowledge().suffixes:
        # only bureaus and party departments merge by a broken space (区发改局 财政局)
        if cls in (BUREAU, PARTY) and name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _join_two(left: str, right: str, known: Callable[[str], bool]) -> str:
    plain = left + right
    if not right or right[0] in "（(" or not left:
        return plain
    if not _ends_complete(left):
        return plain  # a word broken by the space: 区 发改局, 区科技 工信局
    rparsed = parse_name(right.split("（", 1)[0])
    if rparsed.prefix:
        return plain
    merged = _drop_suffix(left) + right
    if known(merged):
        return merged
    if known(plain):
        return plain
    if right.split("（", 1)[0].endswith(knowledge().sub_office_suffixes):
        return plain  # 市公安局 青山分局: a sub-office of the unit on the left
    if quality(merged.split("（", 1)[0]) == 2:
        return merged  # the obvious merged bureau: 区发改局 财政局 -> 区发改财政局
    return plain


def join_spaced(raw: str, known: Callable[[str], bool] = lambda _: False) -> str:
    """The cleaned name a printed name with inner spaces stands for.

    *known* tells whether a cleaned name is printed elsewhere in the document.

    >>> join_spaced("区发改局 财政局")
    '区发改财政局'
    >>> join_spaced("区 发改局"), join_spaced("市公安局 青山分局")
    ('区发改局', '市公安局青山分局')
    >>> join_spaced("区委宣传部 统战部 (工商联)", known=lambda n: n == "区委宣传统战部（工商联）")
    '区委宣传统战部（工商联）'
    """
    pieces: list[str] = []
    cur: list[str] = []
    for ch in raw.strip():
        if ch in _SPACE:
            if cur:
                pieces.append("".join(cur))
                cur = []
        else:
            cur.append(ch)
    if cur:
        pieces.append("".join(cur))
    if not pieces:
        return ""
    name = clean_name(pieces[0])
    for piece in pieces[1:]:
        name = _join_two(name, clean_name(piece), known)
    return name


def repeat_candidates(name: str, longest: int = 4) -> list[str]:
    """*name* with one immediately repeated chunk (up to *longest* characters) written once.

    >>> repeat_candidates("区住房城乡建设设局")
    ['区住房城乡建设局']
    >>> repeat_candidates("区住房和城乡建设局建设局")
    ['区住房和城乡建设局']
    """
    out: list[str] = []
    n = len(name)
    if n > 60:
        return out
    for k in range(1, longest + 1):
        for i in range(0, n - 2 * k + 1):
            if name[i : i + k] == name[i + k : i + 2 * k]:
                cand = name[: i + k] + name[i + 2 * k :]
                if cand not in out:
                    out.append(cand)
    return out


def one_edit_apart(a: str, b: str) -> int | None:
    """Where *a* and *b* differ if one substitution, insertion or deletion turns one into the
    other (the index in the longer string), else None.

    >>> one_edit_apart("区域管执法局", "区城管执法局"), one_edit_apart("市文旅广局", "市文旅广电局")
    (1, 4)
    >>> one_edit_apart("区委宣传部", "区委组织部") is None
    True
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return i if a[i + 1 :] == b[i + 1 :] else None
    return i if a[i:] == b[i + 1 :] else None
