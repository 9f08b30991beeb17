"""How a local office or centre the data does not list is shortened: 经济发展办公室 = 经发办.

Town and county documents name their small offices in full in one place (a member list) and
short in another (a task table).  The short form follows a rule of the genre, applied to the
stem before the suffix (``办公室`` -> ``办``, ``服务中心`` -> ``中心``):

1. a generic word at the end of the stem is left out (党政综合 -> 党政, 河长制 -> 河长,
   金融工作 -> 金融);
2. a stem of two two-character words is spelled by their first characters (经济发展 -> 经发,
   社会事务 -> 社事, 村镇建设 -> 村建); a two-character stem stays as it is.

Both the full and the short form are read to the same written form, so they share a canonical
key.  The suffixes, the dropped words and the sizes are data (``shortening`` in
``govplan/data/units.json``); names the rule does not cover (防汛抗旱指挥部办公室 = 防汛办) are
listed there as bodies.

>>> short_form("经济发展办公室"), short_form("经发办"), short_form("河长制办公室")
('经发办', '经发办', '河长办')
>>> short_form("村镇建设服务中心"), short_form("公安局")
('村建中心', None)
"""

from __future__ import annotations

import functools

import attrs

from govplan.units.knowledge import raw_data

__all__ = ["Shortening", "short_form", "short_stem", "shortening"]


@attrs.frozen
class Shortening:
    """The shortening rule's data: (suffix, short suffix) longest first, dropped end words,
    the word size and the stem lengths spelled by first characters."""

    suffixes: tuple[tuple[str, str], ...]
    dropped_ends: tuple[str, ...]
    word_size: int
    stem_sizes: frozenset[int]


@functools.cache
def shortening() -> Shortening:
    """The rule's data, read once."""
    data = raw_data()["shortening"]
    return Shortening(
        suffixes=tuple(sorted(data["suffixes"].items(), key=lambda kv: -len(kv[0]))),
        dropped_ends=tuple(sorted(data["dropped_ends"], key=len, reverse=True)),
        word_size=int(data["word_size"]),
        stem_sizes=frozenset(data["stem_sizes"]),
    )


def short_stem(stem: str) -> str:
    """The short form of an office's *stem* (the name before 办公室/中心).

    >>> [short_stem(s) for s in ("党政综合", "社会事务", "河长制", "外事", "新时代文明实践")]
    ['党政', '社事', '河长', '外事', '新时代文明实践']
    """
    rule = shortening()
    for end in rule.dropped_ends:
        # only when a word of two characters at least remains: 综合 alone is a stem
        if stem.endswith(end) and len(stem) - len(end) >= rule.word_size:
            stem = stem[: -len(end)]
            break
    if len(stem) in rule.stem_sizes:
        stem = stem[:: rule.word_size]
    return stem


def short_form(body: str) -> str | None:
    """*body* (an office or centre without jurisdiction prefix) in its short written form, or
    None when it does not end with a suffix the rule reads."""
    for suffix, short in shortening().suffixes:
        if body.endswith(suffix) and len(body) > len(suffix):
            return short_stem(body[: -len(suffix)]) + short
    return None
