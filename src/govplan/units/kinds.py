"""What sort of body a unit name denotes: government, party, committee, enterprise, collective."""

from __future__ import annotations

import functools

from govplan.model import UnitKind
from govplan.units.knowledge import knowledge

__all__ = ["is_collective", "unit_kind"]


def is_collective(name: str) -> bool:
    """Whether *name* speaks of several bodies at once (各乡镇, 区直相关单位, 驻区金融机构).

    >>> is_collective("各乡镇（街道）"), is_collective("区直相关单位"), is_collective("区财政局")
    (True, True, False)
    >>> is_collective("区直机关工委")  # one body: the level + a department the data knows
    False
    """
    k = knowledge()
    kinds = k.kinds
    core = name.split("（", 1)[0] if not name.startswith("（") else name
    return (
        (name.startswith(kinds["collective_starts"]) and not (core[:1] in k.level_chars and core[1:] in k.bodies))
        or any(w in core for w in kinds["collective_contains"])  # one or two words: cheap
        or core.endswith(kinds["collective_ends"])
    )


@functools.lru_cache(maxsize=1 << 14)
def unit_kind(name: str) -> UnitKind:
    """The kind of body a cleaned unit name denotes.

    >>> [unit_kind(n).value for n in ("各镇", "青山发展集团", "区委宣传部", "区安委会", "区财政局")]
    ['collective', 'enterprise', 'party', 'committee', 'government']
    >>> unit_kind("人行青山支行").value, unit_kind("国网青山供电公司").value
    ('government', 'enterprise')
    """
    from govplan.units.abbreviations import parse_name

    kinds = knowledge().kinds
    if is_collective(name):
        return UnitKind.COLLECTIVE
    core = name.split("（", 1)[0] or name
    parsed = parse_name(core)
    if parsed.recognized and not parsed.tails and parsed.kind is not None:
        return UnitKind(parsed.kind)  # the data knows: 人民银行某某支行 is no enterprise
    if core.endswith(kinds["enterprise_ends"]):
        return UnitKind.ENTERPRISE
    party = parsed.prefix.endswith("委") or name.startswith(kinds["party_starts"])
    if parsed.recognized and not parsed.tails:
        if parsed.kind is not None:
            return UnitKind(parsed.kind)
        # a known department: 区发展和改革委员会 is a bureau, 区委宣传部 a party department
        return UnitKind.PARTY if party or parsed.head.endswith("部") else UnitKind.GOVERNMENT
    if party:
        return UnitKind.PARTY
    if core.endswith(kinds["government_ends"]):
        return UnitKind.GOVERNMENT
    if core.endswith(kinds["committee_ends"]):
        return UnitKind.COMMITTEE
    if parsed.kind is not None:
        return UnitKind(parsed.kind)
    return UnitKind.GOVERNMENT
