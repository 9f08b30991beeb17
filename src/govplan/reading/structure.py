"""The numbering hierarchy of a plan: sections, headings and items.

Plans number their parts ``一、`` → ``（一）`` → ``1.`` → ``（1）`` → ``①``, in full or half
width, with levels sometimes missing, ``3、`` now and then standing for ``三、``, and a
sequence that may run on across groups.  Levels are therefore assigned by numbering
*style*, not by position: a style seen before closes everything opened after it; a
new style opens a level below the current item.

>>> from govplan.reading.text import Paragraph
>>> paras = [Paragraph.of([(n, t)]) for n, t in [(1, "一、工作目标"), (2, "新增企业5家。"),
...          (3, "二、工作任务"), (4, "（一）扩大投资"), (5, "1. 推进项目。[区发改局牵头]"), (6, "2. 招商引资。")]]
>>> tree = build_items(paras)
>>> [(i.path, i.section) for i in tree.walk()]
[(('一',), 'goals'), (('二',), 'tasks'), (('二', '（一）'), 'tasks'), (('二', '（一）', '1.'), 'tasks'), (('二', '（一）', '2.'), 'tasks')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from govplan.reading.text import Paragraph, compact

__all__ = ["Item", "ItemTree", "Marker", "build_items", "classify_section", "cn_value", "heading_words", "parse_marker"]

_CN_DIGITS = "一二三四五六七八九十"
_CN_VALUE = {c: i + 1 for i, c in enumerate(_CN_DIGITS)}


def cn_value(s: str) -> int | None:
    """Value of a small Chinese numeral (一 … 九十九).

    >>> cn_value("十二"), cn_value("二十"), cn_value("七")
    (12, 20, 7)
    """
    if not s or any(c not in _CN_VALUE for c in s):
        return None
    if len(s) == 1:
        return _CN_VALUE[s]
    if s[0] == "十":
        return 10 + _CN_VALUE.get(s[1], 0) if len(s) == 2 else None
    if s[1] == "十":
        tens = _CN_VALUE[s[0]]
        return tens * 10 + (_CN_VALUE.get(s[2], 0) if len(s) == 3 else 0)
    return None


@attrs.frozen
class Marker:
    """An item's numbering: its style, value, printed form and where its text begins."""

    style: str  # cn | pcn | num | pnum | rnum | circ | ord | card | group | dash | named
    value: int | None
    printed: str
    end: int
    glued: bool = False  # digits follow the dot directly ("13.8家…"): maybe a decimal number
    sep: str = ""


_M_CN = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*([、．.，,])\s*")
_M_PCN = re.compile(r"^\s*([（(])\s*([一二三四五六七八九十]{1,3})\s*([)）])\s*[、，,.．]?\s*")
_M_NUM = re.compile(r"^\s*(\d{1,3})\s*([.．、])\s*")
_M_PNUM = re.compile(r"^\s*([（(])\s*(\d{1,3})\s*([)）])\s*[、，,.．]?\s*")
_M_RNUM = re.compile(r"^\s*(\d{1,2})\s*([)）])\s*")
_M_CIRC = re.compile(r"^\s*([①-⑳])\s*")
_M_ORD = re.compile(r"^\s*([一二三四五六七八九十]{1,3})是\s*[：:，,]?\s*")
_M_DASH = re.compile(r"^\s*(——|—|--)\s*")
# a task card's own number: 任务3：…
_M_CARD = re.compile(r"^\s*(任务\s*(\d{1,3}))\s*[：:.．、]\s*")
# a group label on a line of its own (【政务服务】), not a bracketed annotation
_M_GROUP = re.compile(r"^\s*[【〖]([^【】〖〗]{2,10})[】〗]\s*$")
_NOT_GROUP = re.compile(r"牵头|负责|配合|责任|单位|部门|局|委|办|时限|时间|完成|附件|注")
_M_CHAPTER = re.compile(r"^\s*(第[一二三四五六七八九十]{1,3}(?:章|部分|节))\s*")
_SECTION_WORDS = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．])?\s*(?:(?:主要|工作|总体|攻坚|发展|年度|行动|具体|重点|主要|保障|推进|组织|实施)"
    r"(?:目标|任务|举措|措施|机制|保障|实施|重点|内容|要求)|指导思想|基本原则|总体要求|组织实施|保障措施|推进机制|工作机制)[。：:]?$"
)


def parse_marker(text: str) -> Marker | None:
    """The numbering that opens *text*, if any.

    >>> parse_marker("（二） 巩固延伸优势产业").printed, parse_marker("3、 封闭卡口").style
    ('（二）', 'num')
    >>> parse_marker("2024年计划完成") is None, parse_marker("1.255 公里").glued
    (True, True)
    """
    m = _M_CN.match(text)
    if m and cn_value(m.group(1)):
        if m.group(2) in "，,.．" and len(text) > m.end() and text[m.end()] in _CN_DIGITS:
            return None
        return Marker("cn", cn_value(m.group(1)), m.group(1), m.end(), sep=m.group(2))
    m = _M_PCN.match(text)
    if m and cn_value(m.group(2)):
        return Marker("pcn", cn_value(m.group(2)), m.group(1) + m.group(2) + m.group(3), m.end())
    m = _M_PNUM.match(text)
    if m:
        return Marker("pnum", int(m.group(2)), m.group(1) + m.group(2) + m.group(3), m.end())
    m = _M_NUM.match(text)
    if m:
        rest = text[m.end():]
        glued = bool(rest[:1].isdigit()) and m.group(2) in ".．" and m.end() == len(m.group(1)) + 1 + (
            len(text) - len(text.lstrip()))
        if rest[:1].isdigit() and not glued:
            return None
        if m.group(2) == "、" and rest[:1] in ("年", "月"):
            return None
        return Marker("num", int(m.group(1)), m.group(1) + m.group(2), m.end(), glued=glued, sep=m.group(2))
    m = _M_RNUM.match(text)
    if m:
        return Marker("rnum", int(m.group(1)), m.group(1) + m.group(2), m.end())
    m = _M_CIRC.match(text)
    if m:
        return Marker("circ", ord(m.group(1)) - ord("①") + 1, m.group(1), m.end())
    m = _M_ORD.match(text)
    if m and cn_value(m.group(1)):  # 一是…二是…: items numbered in words
        return Marker("ord", cn_value(m.group(1)), m.group(1) + "是", m.end())
    m = _M_CHAPTER.match(text)
    if m:
        return Marker("named", None, m.group(1), m.end())
    m = _M_GROUP.match(text)
    if m and not _NOT_GROUP.search(m.group(1)):
        return Marker("group", None, m.group(0).strip(), len(text))
    m = _M_CARD.match(text)
    if m:
        return Marker("card", int(m.group(2)), compact(m.group(1)), m.end())
    if _SECTION_WORDS.match(compact(text)):
        return Marker("cn", None, "", 0)
    m = _M_DASH.match(text)
    if m:
        return Marker("dash", None, m.group(1), m.end())
    return None


_MECHANISM = re.compile(r"机制|组织实施|组织领导|保障措施|保障机制|工作要求|工作保障|组织保障|实施保障|推进措施|督导|考核|工作调度")
_GOALS = re.compile(r"目标")
_TASKS = re.compile(r"任务|举措|重点|措施|内容|行动|工作安排|攻坚")
_OTHER = re.compile(r"指导思想|基本原则|总体要求|工作原则|适用范围|实施范围|总体思路|背景")


def classify_section(heading: str) -> str | None:
    """The kind of section a heading opens: goals, tasks, mechanism, other, or None.

    >>> classify_section("主要目标"), classify_section("三、推进机制"), classify_section("攻坚重点")
    ('goals', 'mechanism', 'tasks')
    """
    s = compact(heading).rstrip("。：:")
    if len(s) > 16:
        return None
    if _MECHANISM.search(s):
        return "mechanism"
    if _OTHER.search(s):
        return "other"
    if _GOALS.search(s):
        return "goals"
    if _TASKS.search(s):
        return "tasks"
    return None


@attrs.define(eq=False)
class Item:
    """A numbered item with its own paragraphs (numbered one first) and its sub-items."""

    marker: Marker | None
    paragraphs: list[Paragraph]
    parent: Item | None = None
    children: list[Item] = attrs.Factory(list)
    section: str = "body"

    @property
    def path(self) -> tuple[str, ...]:
        chain: list[str] = []
        node: Item | None = self
        while node is not None and node.marker is not None:
            if node.marker.printed and node.marker.style != "dash":
                chain.append(node.marker.printed)
            node = node.parent
        return tuple(reversed(chain))

    @property
    def first_line(self) -> int:
        return self.paragraphs[0].first_line

    @property
    def last_line(self) -> int:
        return self.paragraphs[-1].last_line

    @property
    def heading(self) -> str:
        """The text of the numbered paragraph after the numbering."""
        p = self.paragraphs[0]
        return p.text[self.marker.end:] if self.marker else p.text

    def walk(self) -> Iterator[Item]:
        for child in self.children:
            yield child
            yield from child.walk()


@attrs.define(eq=False)
class ItemTree:
    """The items of one plan, and the paragraphs before its first item (the preamble)."""

    preamble: list[Paragraph]
    root: Item
    out_of_sequence: list[tuple[int, str]] = attrs.Factory(list)

    def walk(self) -> Iterator[Item]:
        return self.root.walk()


def build_items(paragraphs: Sequence[Paragraph]) -> ItemTree:
    """Arrange *paragraphs* into numbered items by numbering style."""
    root = Item(None, [])
    preamble: list[Paragraph] = []
    stack: list[Item] = [root]  # root, then one open item per level
    oos: list[tuple[int, str]] = []
    last_value: dict[tuple[int, str], int] = {}  # (id of parent, style) -> last value seen
    run_value: dict[str, int] = {}  # style -> last value anywhere (sequences that run on)
    for para in paragraphs:
        marker = parse_marker(para.text)
        if marker is not None and marker.style == "dash" and len(stack) == 1:
            marker = None  # a dash bullet before any item is preamble
        if marker is not None and marker.glued:
            if run_value.get("num", -1) + 1 != marker.value:
                marker = None
        if marker is None:
            if len(stack) == 1:
                preamble.append(para)
            else:
                stack[-1].paragraphs.append(para)
            continue
        marker = _maybe_top_level(marker, stack)
        styles = [it.marker.style for it in stack[1:] if it.marker]
        if marker.style in styles:
            depth = styles.index(marker.style) + 1
            del stack[depth:]
        parent = stack[-1]
        item = Item(marker, [para], parent=parent)
        parent.children.append(item)
        stack.append(item)
        _check_sequence(item, parent, last_value, run_value, oos)
    for item in root.walk():
        item.section = _section_of(item)
    return ItemTree(preamble, root, oos)


def _maybe_top_level(marker: Marker, stack: list[Item]) -> Marker:
    """``3、`` after ``二、`` continues the top level, unless an arabic sequence is running."""
    if marker.style != "num" or marker.sep != "、":
        return marker
    cn = [it for it in stack[1:] if it.marker and it.marker.style == "cn" and it.marker.value]
    if not cn or cn[-1].marker is None or cn[-1].marker.value is None:
        return marker
    nums = [it for it in stack[1:] if it.marker and it.marker.style == "num"]
    if nums and nums[-1].marker is not None and nums[-1].marker.value == (marker.value or 0) - 1:
        return marker
    if cn[-1].marker.value + 1 == marker.value:
        return attrs.evolve(marker, style="cn", printed=marker.printed)
    return marker


def _check_sequence(item: Item, parent: Item, last_value: dict[tuple[int, str], int],
                    run_value: dict[str, int], oos: list[tuple[int, str]]) -> None:
    m = item.marker
    if m is None or m.style in ("dash", "named", "group"):
        return
    key = (id(parent), m.style)
    prev = last_value.get(key)
    if m.value is None:  # an unnumbered section heading (工作任务) takes the next number
        last_value[key] = (prev or 0) + 1
        run_value[m.style] = last_value[key]
        return
    if prev is None:
        ok = m.value == 1 or m.value == run_value.get(m.style, 0) + 1
    else:
        ok = m.value == prev + 1
    if not ok:
        oos.append((item.first_line, f"{m.printed} follows {prev if prev is not None else 'nothing'}"))
    last_value[key] = m.value
    run_value[m.style] = m.value


def _section_of(item: Item) -> str:
    node: Item | None = item
    while node is not None and node.marker is not None:
        if node.marker.style in ("cn", "named") or node.parent is None or node.parent.marker is None:
            kind = classify_section(heading_words(node.heading))
            if kind:
                return kind
        elif _SECTION_WORDS.match(compact(heading_words(node.heading))):
            # a sub-heading that names a section: "（二）主要目标。到2025年，…" under 一、总体要求
            kind = classify_section(heading_words(node.heading))
            if kind:
                return kind
        node = node.parent
    return "body"


def heading_words(text: str) -> str:
    """The words of a heading before its first clause break (``主要目标：到2025年…`` -> ``主要目标``)."""
    cut = re.search(r"[。；;，,：:]", text)
    return text[: cut.start()] if cut else text
