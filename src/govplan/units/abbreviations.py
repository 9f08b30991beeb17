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
from govplan.units.knowledge import BUREAU, Body, knowledge, parts_key
from govplan.units.shortening import short_form

__all__ = ["ParsedName", "canonical_form", "parse_name"]

#: Longer names are not parsed (a unit name is short; a 1 MB "name" is damage, keyed as is).
MAX_PARSED = 60
#: The longest place name read inside a national body's name (人民银行 + 某某市某某县 + 支行).
MAX_PLACE = 10
#: What a zone named alone stands for: 青山经开区 = 青山经开区管委会.
ZONE_BODY = "管委会"


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


def _segment_stems(text: str, cls: str, *, initials: bool = False) -> tuple[str, ...] | None:
    """Read *text* wholly as stems of suffix class *cls* (and connectors 和/与), or None.

    Of the readings, the one with the fewest stems wins (旅游发展和改革 is 旅游 + 发展和改革, not
    旅游发展 + …).  With *initials*, one character may stand for a stem (文广旅体 = 文化 + 广电 +
    旅游 + 体育), a reading with fewer of them wins, and the text must name two stems at least.
    A dynamic programme over the positions: linear in the text for a fixed vocabulary.
    """
    k = knowledge()
    stems, sizes = k.stems[cls], k.stem_sizes[cls]
    initial = k.initials if initials and cls == BUREAU else {}
    if not text or (text[0] not in sizes and text[0] not in initial):
        return None  # the usual unknown name: no stem starts it
    n = len(text)
    # best[i]: (initials used, stems read, the stem keys) for the best reading of text[:i]
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0, 0, ())

    def relax(j: int, cand: tuple[int, int, tuple[str, ...]]) -> None:
        old = best[j]
        if old is None or cand[:2] < old[:2]:
            best[j] = cand

    for i in range(n):
        cur = best[i]
        if cur is None:
            continue
        used, count, parts = cur
        for size in sizes.get(text[i], ()):
            hit = stems.get(text[i : i + size]) if i + size <= n else None
            if hit is not None:
                relax(i + size, (used, count + 1, parts + hit))
        if text[i] in k.connectors and parts and i + 1 < n:
            relax(i + 1, cur)
        if text[i] in initial:
            relax(i + 1, (used + 1, count + 1, (*parts, initial[text[i]])))
    end = best[n]
    if end is None:
        return None
    unique = tuple(dict.fromkeys(end[2]))
    if not unique or (end[0] and len(unique) < 2):
        return None
    return unique


def recognise_body(body: str, *, bare: bool = False) -> Body | None:
    """The known department *body* names, or None.

    *bare* also accepts a department written without its suffix (自然资源 for 自然资源局).

    >>> recognise_body("教育和卫生健康局").key
    '卫健+教育局'
    >>> recognise_body("文广旅体局").key
    '体育+广电+文化+旅游局'
    >>> recognise_body("自然资源", bare=True).key
    '自然资源局'
    """
    hit = _known_body(body)
    if hit is None and bare:
        for cls in knowledge().stems:
            parts = _segment_stems(body, cls)
            if parts is not None:
                return Body(parts_key(parts, cls), parts)
    return hit


@functools.lru_cache(maxsize=1 << 16)
def _known_body(body: str) -> Body | None:
    k = knowledge()
    hit = k.bodies.get(body)
    if hit is not None:
        return hit
    for suffix, cls in k.suffixes:
        if body.endswith(suffix) and len(body) > len(suffix):
            parts = _segment_stems(body[: -len(suffix)], cls, initials=True)
            if parts is not None:
                return Body(parts_key(parts, cls), parts)
    return None


def _place_level(place: str) -> str:
    """The level a place name ends with (某某县 -> 县), or ``""``."""
    return place[-1] if place and place[-1] in knowledge().level_chars else ""


def _central(name: str) -> ParsedName | None:
    """A national body named with the place in the middle (人行青山支行, 国网某某县供电公司,
    团县委), or after a place without level (临江供电公司); None for other names."""
    k = knowledge()
    if name.startswith(k.central_orgs):
        for central in k.centrals:
            for org in central.orgs:
                if not name.startswith(org):
                    continue
                rest = name[len(org) :]
                for branch in central.branches:
                    if not rest.endswith(branch) or len(rest) - len(branch) > MAX_PLACE:
                        continue
                    place = rest[: -len(branch)]
                    level = _place_level(place)
                    if central.level_required and not level:
                        continue
                    body = central.body
                    return ParsedName(level, name[: len(org) + len(place)], body.key, (), True, body.parts, body.kind)
    if name.endswith(k.after_place):
        form = next(f for f in k.after_place if name.endswith(f))
        place = name[: -len(form)]
        # a place with a level (某某县供电公司) is read by the usual prefix rules
        if 2 <= len(place) <= MAX_PLACE and not _place_level(place) and not is_collective(place):
            body = k.bodies[form]
            return ParsedName("", place, body.key, (), True, body.parts, body.kind)
    return None


def _grassroots(name: str) -> ParsedName | None:
    """A mass organisation of a street, community or village (青山街道妇联, 村团支部…): the
    level word is the prefix, as 镇 is in 镇妇联.  Only bodies of the data's grassroots kind
    read so: 农村公路中心 is no village's office."""
    k = knowledge()
    for word in k.grassroots:
        at = name.find(word, 0, MAX_PLACE + len(word))
        if at < 0 or at == 1:  # a place name has two characters at least
            continue
        start = at + len(word)
        hit = k.bodies.get(name[start:])
        if hit is not None and hit.kind == k.grassroots_kind:
            return ParsedName(word, name[:start], hit.key, (), True, hit.parts, hit.kind)
    return None


def _literal(segment: str) -> str:
    k = knowledge()
    # an office or centre the data does not list: full and short forms read alike (经发办)
    short = short_form(segment)
    if short is not None:
        return short
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
    out: list[tuple[str, str, int]] = []
    place_from = 0  # where the current place name starts: after the previous prefix
    for m in k.level_re.finditer(name, 0, min(len(name) - 1, 10)):
        i = m.start()
        # a place name has two characters at least: 区委区管委会 has no place 区委; but a
        # district may be named with a level character first (市中区, 市北区)
        if i and i - place_from < 2 and not (i >= 2 and len(out) == 1 and out[0][2] == 1):
            continue
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
    for prefix, printed, start in candidates:
        # an office or centre of the genre (青山镇经济发展办公室): its form is known though its
        # name is not, so the place before it is a prefix as for a known department
        if printed == prefix and name.startswith(k.not_prefix_words):
            continue  # 市场监管办公室: 市 opens a word here
        if short_form(name[start:]) is not None and not is_collective(name[start:]):
            return prefix, printed, name[start:]
    for zone in k.zone_words:
        at = name.find(zone, 0, 8 + len(zone))
        if at >= 0 and at + len(zone) < len(name):
            end = at + len(zone)
            return _zone_key(name[:end]), name[:end], name[end:]
    if candidates and name[0] in k.levels:
        prefix, printed, start = candidates[0]
        # 市场监管局 starts with 市 but has no prefix; 市政府督查室 has one
        if len(prefix) > 1 or not name.startswith(k.not_prefix_words):
            return prefix, printed, name[start:]
    return "", "", name


def _zone_key(zone: str) -> str:
    """A zone as written in keys: its place name and the usual zone word.

    >>> _zone_key("某某县经济开发区"), _zone_key("青山经开区"), _zone_key("县高新技术产业开发区")
    ('某某经开区', '青山经开区', '县高新区')
    """
    k = knowledge()
    for word in k.zone_words:
        if zone.endswith(word):
            place = zone[: -len(word)]
            if len(place) >= 3 and place[-1] in k.level_chars:
                place = place[:-1]  # 某某县经开区 is 某某经开区
            return place + k.zone_forms.get(word, word)
    return zone


def _bare_zone(name: str) -> str | None:
    """The zone key when *name* is a zone alone (青山经开区), which stands for its 管委会."""
    if not name.endswith(knowledge().zone_words) or is_collective(name):
        return None
    return _zone_key(name)


def _fast_body(name: str, candidates: list[tuple[str, str, int]]) -> tuple[str, str, Body] | None:
    """(prefix, printed prefix, body) when a prefix is followed by a body form the data lists.

    A later candidate counts only when no earlier one reads as a department: in
    区文化城乡规划局 the 乡 of 城乡 ends no place.
    """
    bodies = knowledge().bodies
    for n, (prefix, printed, start) in enumerate(candidates):
        hit = bodies.get(name[start:])
        if hit is not None:
            if n and any(_known_body(name[s:]) is not None for _, _, s in candidates[:n]):
                return None
            return prefix, printed, hit
    return None


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
    fast = _fast_body(name, candidates)
    if fast is not None:
        prefix, printed, hit = fast
        return ParsedName(prefix, printed, hit.key, (), True, hit.parts, hit.kind)
    central = _central(name)
    if central is not None:
        return central
    grass = _grassroots(name)
    if grass is not None:
        return grass
    main, bracket = _split_bracket_tail(name)
    if bracket:
        candidates = _prefix_candidates(main)
    zone = _bare_zone(main)
    if zone is not None:
        committee = bodies[ZONE_BODY]
        zone_tails = (parse_name(bracket).body,) if bracket else ()
        return ParsedName(zone, main, committee.key, zone_tails, True, committee.parts, committee.kind)
    prefix, printed, body = _split_prefix(main, candidates)
    if not body:  # the name is only a place or a prefix (区委, 区人民政府)
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
        candidates = _prefix_candidates(name)
        fast = _fast_body(name, candidates)
        if fast is not None:
            return f"{fast[0]}|{fast[2].key}"
        return _parse(name, candidates).key
    return parse_name(name).key

