"""A linear-time HTML tokenizer: text, start tags and end tags, nothing more.

The standard library's :mod:`html.parser` rescans unfinished constructs every time it
is fed, so a page with many unclosed ``<a`` or ``<!--`` takes quadratic time (seconds
for a few hundred kilobytes).  Extracting article text needs only tags and text, so
this tokenizer follows the HTML standard's outline (comments, raw-text elements,
quoted attribute values) and guarantees forward progress: every search is memoised,
and a search that failed from some position is never repeated past it.

>>> [t for t in tokens('<p class="a">甲&amp;乙<br/></p><!-- x -->丙')]
[('start', 'p', {'class': 'a'}), ('text', '甲&乙'), ('start', 'br', {}), ('end', 'p'), ('text', '丙')]
"""

from __future__ import annotations

import html
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from typing import Union

__all__ = ["Token", "tokens"]

Token = Union[tuple[str, str], tuple[str, str, dict[str, str]]]

# Elements whose content is raw text up to their end tag: dropped or kept whole, never parsed.
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title"})

_TAG_NAME = re.compile(r"[A-Za-z][^\s/><]*")  # a "<" ends a name: "<a<a<a" must not rescan
_TAG_STOP = re.compile(r"""[>"']""")
_ATTR = re.compile(r"""([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
_MAX_ATTR_VALUE = 4096  # only class, id, style, role, spans and charsets are read; none is long


class _Finder:
    """``str.find`` / ``re.search`` with memory: asking again from a position between the last
    start and its answer costs nothing, so scanning forward stays linear overall."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._last: dict[object, tuple[int, int, int]] = {}

    def find(self, needle: str | re.Pattern[str], start: int) -> tuple[int, int]:
        """(start, end) of the first match of *needle* at or after *start*, or (-1, -1)."""
        last = self._last.get(needle)
        if last is not None:
            began, found, end = last
            if found < 0 and start >= began:
                return -1, -1
            if began <= start <= found:
                return found, end
        if isinstance(needle, str):
            found = self.text.find(needle, start)
            end = found + len(needle) if found >= 0 else -1
        else:
            m = needle.search(self.text, start)
            found, end = (m.start(), m.end()) if m else (-1, -1)
        self._last[needle] = (start, found, end)
        return found, end


def _end_tag_of(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}(?=[\s/>])", re.IGNORECASE)


_END_TAG_PATTERNS = {name: _end_tag_of(name) for name in RAW_TEXT}


def tokens(text: str) -> Iterator[Token]:
    """Tokens of *text*: ``('text', data)`` with character references decoded,
    ``('start', tag, attrs)`` and ``('end', tag)`` with lower-case tag names.

    Comments, doctypes and processing instructions produce nothing; an unclosed
    comment runs to the end, as in a browser.  A ``<`` that starts no tag is text.
    """
    finder = _Finder(text)
    find = finder.find
    tag_end = _TagEnds(text).end
    n = len(text)
    pos = 0
    pending: list[str] = []  # text waiting to be emitted, so '<' kept as text joins its neighbours
    while pos < n:
        lt = text.find("<", pos)
        if lt < 0:
            pending.append(text[pos:])
            break
        if lt > pos:
            pending.append(text[pos:lt])
        pos = lt
        nxt = text[lt + 1 : lt + 2]
        if text.startswith("<!--", lt):
            if text.startswith(("<!-->", "<!--->"), lt):
                pos = text.index(">", lt + 4) + 1
                continue
            _, end = find("-->", lt + 4)
            pos = n if end < 0 else end
            continue
        if nxt in ("!", "?") or (nxt == "/" and not _TAG_NAME.match(text, lt + 2)):
            if text.startswith("</>", lt):
                pos = lt + 3
                continue
            _, end = find(">", lt + 2)
            pos = n if end < 0 else end  # a bogus comment, ended by the next '>'
            continue
        if nxt == "/":
            m = _TAG_NAME.match(text, lt + 2)
            assert m is not None
            _, end = find(">", m.end())
            if end < 0:  # no '>' anywhere after: the rest is not a tag
                pending.append("<")
                pos = lt + 1
                continue
            if pending:
                yield ("text", html.unescape("".join(pending)))
                pending = []
            yield ("end", m.group().lower())
            pos = end
            continue
        m = _TAG_NAME.match(text, lt + 1)
        end = tag_end(m.end()) if m else -1
        if m is None or end < 0:
            pending.append("<")
            pos = lt + 1
            continue
        if pending:
            yield ("text", html.unescape("".join(pending)))
            pending = []
        name = m.group().lower()
        yield ("start", name, _attributes(text[m.end() : end - 1]))
        pos = end
        if name in RAW_TEXT:
            start, close = find(_END_TAG_PATTERNS[name], pos)
            if start < 0:
                start = close = n
            if start > pos:
                yield ("text", text[pos:start] if name in ("script", "style") else html.unescape(text[pos:start]))
            yield ("end", name)
            pos = n if close >= n else max(find(">", close)[1], close)
    if pending:
        yield ("text", html.unescape("".join(pending)))


class _TagEnds:
    """Where start tags end, honouring quoted values, in linear total time.

    Tags that fail to close leave the tokenizer behind the stretch they scanned, so
    scans must not repeat: the positions of ``>``, ``"`` and ``'`` are listed once and
    looked up by bisection, and the outcome of a scan from every unquoted position it
    passes (just after each closing quote) is remembered.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._stops: array[int] | None = None
        self._by_char: dict[str, array[int]] = {}
        self._from: dict[int, int] = {}

    def _next(self, positions: array[int], pos: int) -> int:
        i = bisect_left(positions, pos)
        return positions[i] if i < len(positions) else -1

    def end(self, pos: int) -> int:
        """Index just past the ``>`` closing a start tag whose attributes begin at *pos*, or -1.

        Quoted values may hold ``>``; an unclosed quote ends the tag at the next ``>``
        instead of swallowing the rest of the page.
        """
        if self._stops is None:
            self._stops = array("q", (m.start() for m in _TAG_STOP.finditer(self.text)))
            for ch in ">\"'":
                self._by_char[ch] = array("q", (p for p in self._stops if self.text[p] == ch))
        visited = []
        result = -1
        while True:
            known = self._from.get(pos)
            if known is not None:
                result = known
                break
            visited.append(pos)
            stop = self._next(self._stops, pos)
            if stop < 0:
                break
            char = self.text[stop]
            if char == ">":
                result = stop + 1
                break
            close = self._next(self._by_char[char], stop + 1)
            if close < 0:
                gt = self._next(self._by_char[">"], stop + 1)
                result = gt + 1 if gt >= 0 else -1
                break
            pos = close + 1
        for p in visited:
            self._from[p] = result
        return result


def _attributes(body: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for m in _ATTR.finditer(body):
        name = m.group(1).lower()
        value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4) or ""
        if name not in attrs:
            attrs[name] = html.unescape(value[:_MAX_ATTR_VALUE])
    return attrs
