"""HTML character references left as text by web-page conversions: ``&nbsp;``, ``&amp;``, ``&#12288;``.

Copies of web pages often hold the references themselves, once decoded too few times,
and sometimes broken by a line end (``…局&nb`` / ``sp;…``).  Line numbers must not
change, so a reference split across two lines is decoded at the end of the first and
its tail removed from the second.

>>> fix_entity_residue(["区发改局&nbsp;&nbsp;牵头&amp;负责", "甲&nb", "sp;乙", "A&B"])
['区发改局\\xa0\\xa0牵头&负责', '甲\\xa0', '乙', 'A&B']
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from html.entities import html5

__all__ = ["fix_entity_residue"]

# Only references with their ';' (or the ubiquitous bare '&nbsp'): text like 'A&B' or '&region' stays.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};|nbsp(?![A-Za-z0-9;]))")
_HEAD = re.compile(r"[#A-Za-z0-9]{0,9};?")
_NUMERIC = re.compile(r"#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});")
_MAX_SPLIT = 10  # longest reference worth re-joining across a line end (&#12288; is 8)


def _decode(match: re.Match[str]) -> str:
    ref = match.group()
    if ref == "&nbsp":
        return "\xa0"
    decoded = html.unescape(ref)
    return decoded if decoded != ref else ref


def fix_entity_residue(lines: Sequence[str]) -> list[str]:
    """Decode character references left in *lines*, re-joining one split over a line end."""
    out = list(lines)
    for i, line in enumerate(out):
        if "&" in line:
            out[i] = line = _REFERENCE.sub(_decode, line)
        amp = line.rfind("&", max(0, len(line) - _MAX_SPLIT))
        if amp < 0 or i + 1 >= len(out) or ";" in line[amp:]:
            continue
        tail = line[amp:]
        matched = _HEAD.match(out[i + 1])
        head = matched.group() if matched else ""
        for k in _head_lengths(tail, head):
            joined = tail + head[:k]
            name = joined[1:] if joined.endswith(";") else joined[1:] + ";"
            if (name in html5 and len(name) > 1) or _NUMERIC.fullmatch(name):
                out[i] = line[:amp] + html.unescape("&" + name)
                out[i + 1] = out[i + 1][k:]
                break
    return out


def _head_lengths(tail: str, head: str) -> range | list[int]:
    """How much of the next line's start may finish the reference begun by *tail*."""
    if ";" in head:
        return [head.index(";") + 1]
    if (tail + head)[1:2] == "#":
        return [len(head)]  # a numeric reference takes all its digits
    return range(1, len(head) + 1)  # a bare name (…&nb / sp…): the shortest that is a name
