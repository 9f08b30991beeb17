"""Reading a unit name into jurisdiction prefix and department, and the canonical form of both.

A unit name is ``[place][level][branch]department[sub-office…]``: 临江市青山区 + 发展改革局,
区 + 委 + 宣传部, 市 + 公安局 + 青山分局, 区发改财政局（金融办）.  The department is looked up in
the abbreviation data (``govplan/data/units.json``), where every written form of a department
(发展和改革局, 发展改革委, 发改局) has one key; a merged bureau (发改财政局, 科技工信局, 教育和卫生健康局)
is read as its parts and keyed by them.  Place names are dropped from the key (the jurisdiction
is kept on the :class:`~govplan.model.Unit`), the level and the party/government branch are kept:
区发改局 and 市发改局 differ, 区委督查室 and 区政府督查室 differ.

>>> canonical_form("区发展和改革局") == canonical_form("区发改委") == canonical_form("青山区发改局")
True
>>> canonical_form("区发改财政局") == canonical_form("区发改局")
False
"""

from __future__ import annotations

import functools

import attrs

from govplan.units.kinds import is_collective
from govplan.units.knowledge import Body, knowledge

__all__ = ["ParsedName", "canonical_form", "parse_name"]

#: Longer names are not parsed (a unit name is short; a 1 MB "name" is damage, keyed as is).
MAX_PARSED = 60


@attrs.frozen
class ParsedName:
    """A unit name read into its parts.

    ``prefix`` is the normalised jurisdiction prefix (``区``, ``市委``, ``区政府``; a zone such as
    ``高新区`` is kept whole; ``""`` when the name has none), ``printed_prefix`` the prefix as
    printed (with any place name).  ``head`` is the department's key, ``tails`` the keys of
    sub-offices after it (``市公安局青山分局`` -> head ``公安局``, tails ``("青山分局",)``).
    ``recognized`` says whether the data knows the head department, ``parts`` holds a (merged)
    bureau's stem keys, ``bare`` marks a department written without its suffix (``自然资源``).

    >>> p = parse_name("区发改财政局（金融办）")
    >>> p.prefix, p.head, p.tails, p.parts
    ('区', '发改+财政局', ('金融办',), ('发改', '财政'))
    """

    prefix: str
    printed_prefix: str
    head: str
    tails: tuple[str, ...] = ()
    recognized: bool = False
    parts: tuple[str, ...] = ()
    kind: str | None = None
    bare: bool = False

    @property
    def body(self) -> str:
        """The department key with its sub-offices: ``公安局/青山分局``."""
        return "/".join((self.head, *self.tails))

    @property
    def key(self) -> str:
        """The canonical form: prefix ``|`` body."""
        return f"{self.prefix}|{self.body}"


def _segment_stems(text: str) -> tuple[tuple[str, ...], str] | None:
    """Read *text* wholly as known stems (and connectors 和/与), longest stem first."""
    k = knowledge()
    parts: list[str] = []
    classes: set[str] = set()
    i, n = 0, len(text)
    while i < n:
        for size in k.stem_sizes.get(text[i], ()):
            hit = k.stems.get(text[i : i + size]) if i + size <= n else None
            if hit is not None:
                parts.extend(hit[0])
                classes.add(hit[1])
                i += size
                break
        else:
            if text[i] in k.connectors and parts and i + 1 < n:
                i += 1
                continue
            return None
    if not parts or len(classes) != 1:
        return None
    return tuple(dict.fromkeys(parts)), classes.pop()


def recognise_body(body: str, *, bare: bool = False) -> Body | None:
    """The known department *body* names, or None.

    *bare* also accepts a department written without its suffix (自然资源 for 自然资源局).

    >>> recognise_body("教育和卫生健康局").key
    '卫健+教育局'
    >>> recognise_body("自然资源", bare=True).key
    '自然资源局'
    """
    hit = _known_body(body)
    if hit is None and bare:
        seg = _segment_stems(body)
        if seg is not None:
            return Body("+".join(sorted(seg[0])) + seg[1], seg[0])
    return hit


@functools.lru_cache(maxsize=1 << 16)
def _known_body(body: str) -> Body | None:
    k = knowledge()
    hit = k.bodies.get(body)
    if hit is not None:
        return hit
    for suffix, cls in k.suffixes:
        if body.endswith(suffix) and len(body) > len(suffix):
            seg = _segment_stems(body[: -len(suffix)])
            if seg is not None and seg[1] == cls:
                return Body("+".join(sorted(seg[0])) + cls, seg[0])
    return None


def _literal(segment: str) -> str:
    k = knowledge()
    if not segment.endswith(k.segment_normal_ends):
        return segment
    for long, short in k.segment_normal_forms:
        if segment.endswith(long):
            return segment[: -len(long)] + short
    return segment


def _segments(text: str) -> list[str]:
    """Cut *text* after every unit suffix (局, 办公室, 分局 …): the pieces of a literal name."""
    out: list[str] = []
    start = 0
    for m in knowledge().segment_re.finditer(text):
        if m.end() > start:
            out.append(text[start : m.end()])
            start = m.end()
    if start < len(text):
        out.append(text[start:])
    return out


def _tail_key(text: str) -> str:
    body = _known_body(text)
    return body.key if body is not None else "/".join(_literal(s) for s in _segments(text))


@functools.lru_cache(maxsize=1 << 16)
def _parse_body(body: str) -> tuple[str, tuple[str, ...], Body | None, bool]:
    """Head key, tail keys, the recognised head (or None) and whether it was written bare."""
    whole = _known_body(body)
    if whole is not None:
        return whole.key, (), whole, False
    # the longest known department at the start, the rest being its sub-offices
    ends = [m.end() for m in knowledge().segment_re.finditer(body) if m.end() < len(body)]
    for end in reversed(ends):
        head = _known_body(body[:end])
        if head is not None:
            return head.key, tuple(_tail_key(s) for s in _segments(body[end:])), head, False
    bare = recognise_body(body, bare=True)
    if bare is not None:
        return bare.key, (), bare, True
    # 绿建投公司 = 绿建投: an enterprise's legal-form word is often left out
    for suffix in knowledge().enterprise_optional_suffixes:
        if body.endswith(suffix) and len(body) - len(suffix) >= 2:
            body = body[: -len(suffix)]
            break
    segs = [_literal(s) for s in _segments(body)] or [body]
    return segs[0], tuple(segs[1:]), None, False


def _branch(name: str, at: int) -> tuple[str, int]:
    """The party/government branch written at *at* (区委…, 区政府…, 区人民政府…)."""
    k = knowledge()
    if name[at : at + 1] not in k.branch_starts:
        return "", at
    for written, branch in k.branches:
        if name.startswith(written, at) and not name.startswith(written + "员会", at):
            return branch, at + len(written)
    return "", at


def _prefix_candidates(name: str) -> list[tuple[str, str, int]]:
    """(normalised prefix, printed prefix, body start) for each place a prefix could end."""
    k = knowledge()
    out = []
    place_from = 0  # where the current place name starts: after the previous prefix
    for m in k.level_re.finditer(name, 0, min(len(name) - 1, 10)):
        i = m.start()
        if i and i - place_from < 2:
            continue  # a place name has two characters at least: 区委区管委会 has no place 区委
        if i and name.endswith(k.zone_words, 0, i + 1):
            continue  # 临江经开区 is a unit, not a place prefix
        branch, start = _branch(name, i + 1)
        out.append((name[i] + branch, name[:start], start))
        place_from = start
    return out


def _split_prefix(name: str, candidates: list[tuple[str, str, int]]) -> tuple[str, str, str]:
    """Normalised prefix, printed prefix and body of *name*."""
    k = knowledge()
    for prefix, printed, start in candidates:
        body = name[start:]
        if _known_body(body) is not None:
            return prefix, printed, body
    if _known_body(name) is not None:
        return "", "", name
    for prefix, printed, start in candidates:
        # a prefix whose body is unknown: take it only where nothing else can be meant
        if _parse_body(name[start:])[2] is not None:
            return prefix, printed, name[start:]
    if candidates and name[0] in k.levels:
        prefix, printed, start = candidates[0]
        # 市场监管局 starts with 市 but has no prefix; 市政府督查室 has one
        if len(prefix) > 1 or not name.startswith(k.not_prefix_words):
            return prefix, printed, name[start:]
    for zone in k.zone_words:
        at = name.find(zone, 0, 8 + len(zone))
        if at >= 0 and at + len(zone) < len(name):
            end = at + len(zone)
            return name[:end], name[:end], name[end:]
    return "", "", name


def _split_bracket_tail(name: str) -> tuple[str, str | None]:
    """``X（Y）`` -> (X, Y) when the name ends with a bracketed sub-office."""
    if name.endswith("）") and "（" in name:
        at = name.rfind("（")
        if at > 0 and "）" not in name[at + 1 : -1]:
            return name[:at], name[at + 1 : -1]
    return name, None


@functools.lru_cache(maxsize=1 << 16)
def parse_name(name: str) -> ParsedName:
    """Read a cleaned unit name (see :func:`~govplan.units.clean_name`) into its parts.

    >>> parse_name("临江市青山区发展和改革局").key
    '区|发改局'
    >>> parse_name("区委宣传部（工商联）").key
    '区委|宣传部/工商联'
    >>> parse_name("市场监督管理局").key
    '|市场监管局'
    """
    return _parse(name, None)


def _parse(name: str, candidates: list[tuple[str, str, int]] | None) -> ParsedName:
    if len(name) > MAX_PARSED or not name:
        return ParsedName("", "", name)
    bodies = knowledge().bodies
    if candidates is None:
        candidates = _prefix_candidates(name)
    # the usual case, (place +) level + a known department: a few dict lookups, no search
    for prefix, printed, start in candidates:
        hit = bodies.get(name[start:])
        if hit is not None:
            return ParsedName(prefix, printed, hit.key, (), True, hit.parts, hit.kind)
    main, bracket = _split_bracket_tail(name)
    if bracket:
        candidates = _prefix_candidates(main)
    prefix, printed, body = _split_prefix(main, candidates)
    if not body:  # the name is only a place or a prefix (区委, 区人民政府, 临江经开区)
        return ParsedName("", "", _literal(name))
    head, tails, known, bare = _parse_body(body)
    if bracket:
        inner = parse_name(bracket)
        tails = (*tails, inner.body if inner.prefix or inner.recognized else _tail_key(bracket))
    return ParsedName(
        prefix,
        printed,
        head,
        tails,
        recognized=known is not None,
        parts=known.parts if known is not None else (),
        kind=known.kind if known is not None else None,
        bare=bare,
    )


def canonical_form(name: str) -> str:
    """The key under which every written form of one unit of one level falls together.

    *name* should be cleaned first (:func:`~govplan.units.canonical_key` does both).
    Collective names (各乡镇, 区直相关单位) are their own key, marked with ``*``.

    >>> canonical_form("区住房和城乡建设局") == canonical_form("区住建局")
    True
    >>> canonical_form("市委督查室") == canonical_form("市政府督查室")
    False
    >>> canonical_form("各乡镇（街道）")
    '*各乡镇（街道）'
    """
    if is_collective(name):
        return "*" + name
    if len(name) <= MAX_PARSED:
        # the usual case without building a ParsedName: (place +) level + a known department
        bodies = knowledge().bodies
        candidates = _prefix_candidates(name)
        for prefix, _, start in candidates:
            hit = bodies.get(name[start:])
            if hit is not None:
                return f"{prefix}|{hit.key}"
        return _parse(name, candidates).key
    return parse_name(name).key

