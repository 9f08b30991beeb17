"""Splitting the unit list of a responsibility annotation into unit names.

An annotation lists units with 、 ， , ； and the words 及 / 以及 / 和 / 与, then says what they do
(牵头, 按职责分工负责 …).  Separators inside brackets or quotes never split (各乡镇（街道、经开区）,
区“一件事、一次办”改革工作专班成员单位); 和 splits only between two whole names, because it is part of
many department names (住房和城乡建设局).  The vocabulary is in ``govplan/data/units.json``.
"""

from __future__ import annotations

import functools

import attrs

from govplan.units.kinds import is_collective
from govplan.units.knowledge import knowledge

__all__ = ["split_unit_list"]

_SPACES = frozenset(" \t\u3000\xa0\r\n")
_TRIM = " \t\u3000\xa0\r\n。.，,、；;：:"


@attrs.frozen
class _Vocab:
    """The list-splitting words of the data, ready for matching (longest words first)."""

    bracket_open: frozenset[str]
    bracket_close: frozenset[str]
    quotes: dict[str, str]
    separators: frozenset[str]
    always: tuple[str, ...]
    safe: tuple[str, ...]
    roles: tuple[str, ...]
    generic: frozenset[str]
    leading: tuple[str, ...]
    labels: tuple[str, ...]
    ends: tuple[str, ...]
    levels_after_each: frozenset[str]
    levels: frozenset[str]


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@functools.cache
def _vocab() -> _Vocab:
    lists = knowledge().lists
    return _Vocab(
        bracket_open=frozenset(lists["open_brackets"]),
        bracket_close=frozenset(lists["close_brackets"]),
        quotes={pair[0]: pair[1] for pair in lists["quote_pairs"]},
        separators=frozenset(lists["separators"]),
        always=_longest_first(lists["always_split_words"]),
        safe=tuple(lists["safe_split_words"]),
        roles=_longest_first(lists["role_words"] + lists["trailing_generic"]),
        generic=frozenset(lists["generic_after_deng"]),
        leading=_longest_first(lists["leading_words"]),
        labels=_longest_first(lists["label_words"]),
        ends=tuple(lists["unit_ends"]),
        levels_after_each=frozenset(lists["level_words_after_each"]),
        levels=knowledge().levels,
    )


def _outside(text: str) -> list[bool]:
    """For each character, whether it lies outside every matched bracket or quote pair.

    Any bracket closes any bracket (PDF text opens with （ and closes with ``)``); quotes close
    only their own kind.  Unmatched openers are plain characters, so a cut-off annotation still
    splits.
    """
    v = _vocab()
    brackets = v.bracket_open
    bracket_close = v.bracket_close
    quotes = v.quotes
    quote_close = frozenset(quotes.values())
    change = [0] * (len(text) + 1)  # difference array over the interiors of matched pairs
    stack: list[tuple[int, str]] = []  # (position, closer expected; "" for any bracket)

    def close(want: str, at: int) -> bool:
        # look a few levels down only: stray openers must not make this quadratic
        for depth in range(len(stack) - 1, max(-1, len(stack) - 9), -1):
            if stack[depth][1] == want:
                start = stack[depth][0]
                del stack[depth:]
                change[start + 1] += 1
                change[at] -= 1
                return True
        return False

    for i, ch in enumerate(text):
        if ch in bracket_close:
            close("", i)
        elif ch in quote_close and close(ch, i):
            pass
        elif ch == '"' and close('"', i):
            pass
        elif ch in brackets:
            stack.append((i, ""))
        elif ch in quotes:
            stack.append((i, quotes[ch]))
        elif ch == '"':
            stack.append((i, '"'))
    out = []
    level = 0
    for i in range(len(text)):
        level += change[i]
        out.append(level == 0)
    return out


def _cut(text: str, outside: list[bool]) -> list[tuple[str, list[bool]]]:
    """Split on separator characters and on 及/以及 outside brackets."""
    v = _vocab()
    seps = v.separators
    words = v.always
    pieces = []
    start = i = 0
    n = len(text)
    while i < n:
        if outside[i]:
            if text[i] in seps:
                pieces.append((text[start:i], outside[start:i]))
                start = i = i + 1
                continue
            word = next((w for w in words if text.startswith(w, i)), None)
            if word is not None and not text.startswith("及时", i):
                pieces.append((text[start:i], outside[start:i]))
                start = i = i + len(word)
                continue
        i += 1
    pieces.append((text[start:], outside[start:]))
    return pieces


def _ends_like_unit(text: str) -> bool:
    text = text[-12:].rstrip()  # only the end matters; never copy a long prefix
    ends = _vocab().ends
    return len(text) >= 2 and (text.endswith(ends) or text.endswith("）"))


def _safe_splits(text: str, outside: list[bool]) -> list[tuple[str, list[bool]]]:
    """Split on 和/与 where both sides are whole names (市林业局和高新区管委会, not 住房和城乡建设局)."""
    words = _vocab().safe
    pieces = []
    start = 0
    for i in range(1, len(text) - 2):
        if (
            outside[i]
            and text[i] in words
            and i > start
            and _ends_like_unit(text[max(start, i - 12) : i])
            and len(text[i + 1 : i + 4].strip()) >= 2
        ):
            pieces.append((text[start:i], outside[start:i]))
            start = i + 1
    pieces.append((text[start:], outside[start:]))
    return pieces


def _starts_like_unit(text: str) -> bool:
    v = _vocab()
    levels = v.levels
    return bool(text) and (text[0] in levels or text[0] == "各") and not text.startswith(knowledge().not_prefix_words)


def _space_splits(text: str, outside: list[bool]) -> list[str]:
    """Split on a space only between two whole prefixed names (区发改局 区财政局).

    Other spaces are kept for :mod:`govplan.units.repair`, which joins names a PDF broke
    (区 发改局, 区发改局 财政局).
    """
    spans: list[list[int]] = []  # [start, end) of the runs between spaces outside brackets
    start = None
    for i, (ch, out) in enumerate(zip(text, outside, strict=True)):
        if out and ch in _SPACES:
            if start is not None:
                spans.append([start, i])
                start = None
        elif start is None:
            start = i
    if start is not None:
        spans.append([start, len(text)])
    if len(spans) <= 1:
        return [text]
    merged = [spans[0]]
    for span in spans[1:]:
        left, right = text[merged[-1][0] : merged[-1][1]], text[span[0] : span[1]]
        if _ends_like_unit(left) and len(left) >= 3 and _starts_like_unit(right) and len(right) >= 3:
            merged.append(span)
        else:
            merged[-1][1] = span[1]  # keep the space as printed: the resolver repairs it
    return [text[a:b] for a, b in merged]


def _strip_words(item: str) -> str:
    """Remove labels, leading conjunctions and trailing role words from one item."""
    v = _vocab()
    labels = v.labels
    leading = v.leading
    roles = v.roles
    item = item.strip(_TRIM)
    changed = True
    while changed and item:
        changed = False
        for label in labels:
            if item.startswith(label) and item[len(label) : len(label) + 1] in ("：", ":"):
                item, changed = item[len(label) + 1 :].strip(_TRIM), True
        for word in leading:
            if item.startswith(word) and len(item) > len(word) + 1:
                item, changed = item[len(word) :].strip(_TRIM), True
                break
        for word in roles:
            if item.endswith(word) and len(item) > len(word):
                item, changed = item[: -len(word)].strip(_TRIM), True
                break
    return "" if item in labels else item


def _split_deng(item: str) -> list[str]:
    """``X等Y``: Y is dropped when generic (单位, 相关部门), kept as a collective (区直相关单位)."""
    at = item.rfind("等")
    if at <= 0:
        return [item]
    head, tail = item[:at].strip(_TRIM), item[at + 1 :].strip(_TRIM)
    generic = _vocab().generic
    if not tail or tail in generic:
        return [head] if head else []
    if is_collective(tail):
        return [head, tail] if head else [tail]
    return [item]


def _unwrap(text: str) -> str:
    """Drop brackets wrapping the whole text: ``（区财政局负责）`` -> ``区财政局负责``."""
    brackets = _vocab().bracket_open
    while len(text) >= 2 and text[0] in brackets:
        outside = _outside(text)
        # wrapped when the first opener closes at the very end: nothing in between is outside
        if not any(outside[1:-1]) and len(text) > 2:
            text = text[1:-1].strip(_TRIM)
        else:
            break
    return text


def split_unit_list(text: str) -> list[str]:
    """The unit names listed in an annotation's unit list, in order, role words removed.

    Names keep any inner space (a PDF may have broken a name there); the resolver repairs them.

    >>> split_unit_list("区发改局、区财政局及各乡镇（街道、经开区）等按职责分工负责")
    ['区发改局', '区财政局', '各乡镇（街道、经开区）']
    >>> split_unit_list("区住房和城乡建设局和高新区管委会牵头")
    ['区住房和城乡建设局', '高新区管委会']
    >>> split_unit_list("区人社局等区直相关单位")
    ['区人社局', '区直相关单位']
    >>> split_unit_list("区“一件事、一次办”改革工作专班成员单位负责")
    ['区“一件事、一次办”改革工作专班成员单位']
    """
    if not text or not text.strip():
        return []
    text = _unwrap(text.strip(_TRIM))
    v = _vocab()
    after_each = v.levels_after_each
    names: list[str] = []
    outside = _outside(text)
    for piece, piece_out in _cut(text, outside):
        if not piece.strip():
            continue
        # 各区、县级市 is one collective: a bare level word after 各X joins it
        bare = piece.strip(_TRIM)
        if names and names[-1].startswith("各") and bare in after_each:
            names[-1] = names[-1] + "、" + bare
            continue
        for part, part_out in _safe_splits(piece, piece_out):
            for spaced in _space_splits(part, part_out):
                item = _strip_words(spaced)
                for name in _split_deng(item):
                    name = _strip_words(name)
                    if name:
                        names.append(name)
    return names
