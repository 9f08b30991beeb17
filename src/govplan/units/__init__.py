"""Knowledge about unit names: splitting unit lists, repairing and resolving printed names.

>>> from govplan.units import canonical_key, split_unit_list
>>> split_unit_list("区工信局牵头，区发改局、各镇等按职责分工负责")
['区工信局', '区发改局', '各镇']
>>> canonical_key("区工业和信息化局") == canonical_key("区工信局")
True
"""

from govplan.units.abbreviations import ParsedName, canonical_form, parse_name
from govplan.units.kinds import is_collective, unit_kind
from govplan.units.lists import split_unit_list
from govplan.units.names import canonical_key, clean_name
from govplan.units.posts import split_post
from govplan.units.repair import join_spaced
from govplan.units.resolver import UnitResolver

__all__ = [
    "ParsedName",
    "UnitResolver",
    "canonical_form",
    "canonical_key",
    "clean_name",
    "is_collective",
    "join_spaced",
    "parse_name",
    "split_post",
    "split_unit_list",
    "unit_kind",
]
