"""Normalising unit names as printed, and the canonical key that equates their written forms."""

from __future__ import annotations

import re

__all__ = ["canonical_key", "clean_name"]

_WIDTH = str.maketrans("()[]{},;:", "（）【】｛｝，；：")
_SPACE = re.compile(r"[\s\u3000*]+")


def clean_name(name: str) -> str:
    """A printed name without spaces or markup, brackets in full width.

    >>> clean_name(" 区委宣传部 (工商联) ")
    '区委宣传部（工商联）'
    """
    return _SPACE.sub("", name).translate(_WIDTH)


def canonical_key(name: str) -> str:
    """A key under which every written form of one unit falls together.

    >>> canonical_key("区发展和改革局") == canonical_key("区发改局")
    True
    """
    from govplan.units.abbreviations import canonical_form

    return canonical_form(clean_name(name))
