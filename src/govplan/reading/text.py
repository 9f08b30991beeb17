"""Source text as the reader sees it: cleaned lines and paragraphs that remember their lines.

Conversions from PDF, Word and web pages leave markup (``**bold**``, ``<p>``,
``[bookmark: _Hlk…]``, ``&nbsp;`` split across lines) and break paragraphs at page
ends.  :func:`clean_line` removes the markup of one line; :func:`paragraphs` joins
the lines of one paragraph again while keeping, for every character, the line it
came from, so that every object read can say where it was printed.

>>> from govplan.reading.lines import Line
>>> paras = paragraphs([Line(1, "1. 推进项目建设，完善"), Line(2, ""), Line(3, "配套设施。[区发改局牵头]")])
>>> [(p.text, p.first_line, p.last_line) for p in paras]
[('1. 推进项目建设，完善配套设施。[区发改局牵头]', 1, 3)]
>>> paras[0].line_at(paras[0].text.index("区发改局"))
3
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

import attrs

from govplan.reading.lines import Line

__all__ = [
    "Paragraph",
    "clean_line",
    "compact",
    "is_page_residue",
    "load_source",
    "paragraphs",
    "starts_item",
]

_MARKUP = re.compile(
    r"\*\*|\[bookmark:[^\]]{0,80}\]|</?p>|</?span[^>]{0,80}>|<br\s*/?>|&nbsp;?|&emsp;|&ensp;|[\u200b\u200c\u200d\ufeff]"
)
_MARKUP_HINT = re.compile(r"[*\[<&{\\\u200b\u200c\u200d\ufeff]")
# Pandoc/markdown residue of Word files: ``[]{#_Toc1 .anchor}`` bookmarks, ``[text]{.underline}``
# spans (keep the text), stray ``{.class}`` attributes and the trailing backslash of a hard line break.
_SPAN_ATTR = re.compile(r"\[([^\[\]]{0,300})\]\{[#.][^{}]{0,120}\}")
_ATTR = re.compile(r"\{[#.][^{}\s][^{}]{0,120}\}")
# The head or tail of an ``&nbsp;`` entity cut by a line break ("&n" / "sp;14.…").
_NBSP_TAIL = re.compile(r"^(?:bsp;|sp;|p;|nbsp;)")
_NBSP_HEAD = re.compile(r"^&(?:n|nb|nbs|nbsp)?$")
_LIST_BULLET = re.compile(r"^[-*•·]\s+(?=\S)")
# a markdown heading's hashes ("## （一）…"): the numbering after them is the structure
_MD_HEADING = re.compile(r"^#{1,6}[ \t\u3000\xa0]+(?=\S)")
_PAGE_NUMBER = re.compile(r"^[-—–－_\s]*(?:第\s*)?\d{1,3}\s*(?:页)?[-—–－_\s]*$|^[-—–－]\s*\d{1,3}\s*[-—–－]$")
_RESIDUE = re.compile(
    r"^(?:当前位置|您当前的位置|您的位置|发布时间|发布日期|来源|信息来源|相关阅读|相关链接|浏览次数|"
    r"访问次数|字号|【?打印|分享到|扫一扫|索引号|主题分类|发文机关|成文日期|发布机构|文\s*号|"
    r"责任编辑|编辑|附件下载|上一篇|下一篇|关闭窗口|打印本页|首页|网站首页|主页|【\s*字体|字体)\s*[:：>＞»]"
)
_RESIDUE_WHOLE = re.compile(r"^(?:打印本页|关闭窗口|【?打印】?|【?关闭】?|返回顶部|分享到：?|[>»]+|\|)$")

# Where a paragraph ends: the last character closes a sentence, a list or an annotation.
_TERMINAL = frozenset("。！？!?；;：:）)]】〕」』…")


def load_source(path: str) -> tuple[list[Line], tuple[object, ...]]:
    """The numbered lines of the file at *path* and what decoding it reported.

    Every format :func:`govplan.reading.sniff.read_source` knows (.txt in any encoding,
    .docx, .html) is read the same way.
    """
    # imported here: the format readers are heavy and most users of this module need none
    from govplan.reading.sniff import read_source

    source = read_source(path)
    return list(source.lines), tuple(source.diagnostics)


def clean_line(text: str) -> str:
    """One line without markup, list bullets and surrounding space.

    >>> clean_line("- 附件：1. **项目攻坚行动实施方案**")
    '附件：1. 项目攻坚行动实施方案'
    >>> clean_line("sp;14.全面开展清理整顿。")
    '14.全面开展清理整顿。'
    >>> clean_line("[]{#_Toc12 .anchor}**重点任务**"), clean_line("（[区城管局]{.underline}牵头）")
    ('重点任务', '（区城管局牵头）')
    >>> clean_line("## （一）强化要素保障")
    '（一）强化要素保障'
    >>> clean_line("完善配套设施，\\\\")
    '完善配套设施，'
    """
    if not text:
        return ""
    if _MARKUP_HINT.search(text):
        s = _MARKUP.sub("", text)
        if "{" in s:
            s = _ATTR.sub("", _SPAN_ATTR.sub(r"\1", s))
        if "\\" in s:
            s = s.rstrip(" \t\u3000\r\n\xa0").rstrip("\\")
    else:
        s = text
    s = s.strip(" \t\u3000\r\n\xa0")
    if not s:
        return ""
    if s[0] == "#":
        s = _MD_HEADING.sub("", s)
    if s[0] in "bspn&-*•·":
        s = _NBSP_TAIL.sub("", s)
        if _NBSP_HEAD.match(s):
            return ""
        s = _LIST_BULLET.sub("", s)
    return s.strip(" \t\u3000\xa0")


def compact(text: str) -> str:
    """*text* without any whitespace (for comparing titles and names).

    >>> compact("通    知")
    '通知'
    """
    return "".join(text.split())


def is_page_residue(text: str) -> bool:
    """True for a line a web page or a PDF page leaves behind: breadcrumbs, page numbers…

    >>> is_page_residue("— 3 —"), is_page_residue("发布时间:2024-05-02"), is_page_residue("一、主要目标")
    (True, True, False)
    >>> is_page_residue("首页 > 政务公开 > 计划规划"), is_page_residue("【字体：大 中 小】　打印本页")
    (True, True)
    """
    s = text.strip()
    if not s:
        return False
    return bool(_PAGE_NUMBER.match(s) or _RESIDUE.match(s) or _RESIDUE_WHOLE.match(s))


# Numbering that opens an item; the reader's structure module interprets it in full.
_ITEM_START = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,3}\s*[.．、)）]"
    r"|[①-⑳]|——|任务\s*\d{1,3}\s*[：:.．、]|附件\s*(?:\d|[一二三四五六七八九十]{1,3}(?![\u4e00-\u9fff]))|第[一二三四五六七八九十]{1,3}[章节部分条]|[一二三四五六七八九十]{1,2}是)"
)


def starts_item(text: str) -> bool:
    """True when *text* opens a numbered item, a dash bullet or an attachment header.

    >>> starts_item("（二）扩大有效投资"), starts_item("产业升级的关键作用")
    (True, False)
    """
    return bool(_ITEM_START.match(text))


@attrs.frozen
class Paragraph:
    """Text joined from one or more lines; ``starts[i]`` is where line ``numbers[i]`` begins."""

    text: str
    numbers: tuple[int, ...]
    starts: tuple[int, ...]

    @property
    def first_line(self) -> int:
        return self.numbers[0]

    @property
    def last_line(self) -> int:
        return self.numbers[-1]

    def line_at(self, offset: int) -> int:
        """The source line of the character at *offset* (clamped to the paragraph)."""
        if offset <= 0:
            return self.numbers[0]
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.numbers[max(0, min(i, len(self.numbers) - 1))]

    def breaks(self) -> tuple[int, ...]:
        """Offsets where one source line ends and the next begins."""
        return self.starts[1:]

    @classmethod
    def of(cls, parts: Sequence[tuple[int, str]]) -> Paragraph:
        """A paragraph of ``(line number, cleaned text)`` parts, in order."""
        starts: list[int] = []
        pos = 0
        chunks: list[str] = []
        for _, text in parts:
            starts.append(pos)
            chunks.append(text)
            pos += len(text)
        return cls("".join(chunks), tuple(n for n, _ in parts), tuple(starts))


# A labelled field line of a task card (``牵头单位：区发改局``, ``完成时间：…``); only labels
# long enough not to open ordinary sentences.
_FIELD_LABEL = re.compile(
    r"^(?:牵头单位|牵头部门|主责单位|主责部门|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|"
    r"完成时限|完成时间|完成期限|时间节点|时限要求|工作内容|主要内容|任务内容|工作措施|具体措施)\s*[:：]"
)
_RESPONSIBILITY_FIELD = re.compile(
    r"^(?:牵头单位|牵头部门|主责单位|主责部门|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|"
    r"完成时限|完成时间|完成期限|时间节点|时限要求)\s*[:：]"
)
# a group label on a line of its own: 【政务服务】
_GROUP_LABEL = re.compile(r"^[【〖][^【】〖〗]{1,16}[】〗]$")


def _heading_like(text: str) -> bool:
    # A short numbered line with no sentence punctuation is a heading, never a page-broken sentence.
    if not starts_item(text):
        return False
    return len(text) <= 32 and not any(ch in text for ch in "。；;，,")


def _continues(prev: str, nxt: str) -> bool:
    """Whether line *nxt* continues the sentence that *prev* leaves open."""
    if not prev or not nxt:
        return False
    if prev[-1] in _TERMINAL or starts_item(nxt):
        return False
    if _heading_like(prev):
        return False
    # A short line without any punctuation is a title or heading, not a broken sentence.
    if len(prev) < 20 and not any(ch in prev for ch in "，,、：:“”《（("):
        return False
    return True


def paragraphs(lines: Iterable[Line], *, cleaned: bool = False) -> list[Paragraph]:
    """Group *lines* into paragraphs, joining lines broken in mid-sentence.

    Blank lines separate paragraphs unless the text before them stops in
    mid-sentence and the text after does not open a new item (a PDF page break).
    A task card's labelled fields (``牵头单位：…`` / ``责任单位：`` / ``完成时间：…``, one a
    line) join into one paragraph, kept apart by ``；``; the last one ends at a blank line.
    With *cleaned*, the lines' text is used as given; otherwise :func:`clean_line`
    is applied first.
    """
    out: list[Paragraph] = []
    parts: list[tuple[int, str]] = []
    blank = False
    for line in lines:
        text = line.text if cleaned else clean_line(line.text)
        if not text or is_page_residue(text):
            blank = blank or not text
            continue  # blank lines never end a paragraph by themselves; _continues decides
        if parts:
            card = _FIELD_LABEL.match(parts[-1][1]) or (len(parts) > 1 and _FIELD_LABEL.match(parts[0][1]))
            if card and _RESPONSIBILITY_FIELD.match(text) and not _heading_like(parts[0][1]):
                # the next field of a task card: one annotation, its fields kept apart by "；"
                n, prev = parts[-1]
                if prev[-1] not in "。；;，,":
                    parts[-1] = (n, prev + "；")
            elif ((blank and _RESPONSIBILITY_FIELD.match(parts[-1][1])) or _GROUP_LABEL.match(text)
                  or not _continues(parts[-1][1], text)):
                out.append(Paragraph.of(parts))
                parts = []
        parts.append((line.number, text))
        blank = False
    if parts:
        out.append(Paragraph.of(parts))
    return out
