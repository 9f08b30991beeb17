"""Normalising unit names as printed, and the canonical key that equates their written forms."""

from __future__ import annotations

import functools
import re

__all__ = ["canonical_key", "clean_name"]

_WIDTH = str.maketrans("()[]{},;:", "（）【】｛｝，；：")
_SPACE = re.compile(r"[\s\u3000*]+")
# HTML residue of web copies: <p>, </p>, <br/>, &nbsp; (bounded: cannot backtrack far)
_MARKUP = re.compile(r"<[/a-zA-Z][^<>]{0,20}>|&(?:nbsp|amp|lt|gt|quot);?")


def clean_name(name: str) -> str:
    """A printed name without spaces or markup, brackets in full width.

    >>> clean_name(" 区委宣传部 (工商联) ")
    '区委宣传部（工商联）'
    >>> clean_name("<p>**区财政局**</p>&nbsp;")
    '区财政局'
    """
    if "<" in name or "&" in name:
        name = _MARKUP.sub("", name)
    return _SPACE.sub("", name).translate(_WIDTH)


@functools.lru_cache(maxsize=1 << 17)
def canonical_key(name: str) -> str:
    """A key under which every written form of one unit falls together.

    >>> canonical_key("区发展和改革局") == canonical_key("区发改局")
    True
    """
    from govplan.units.abbreviations import canonical_form

    return canonical_form(clean_name(name))
