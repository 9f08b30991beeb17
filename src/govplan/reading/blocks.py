"""The pieces a file is split into - documents and the plans they carry - and the tests on
titles that tell where one starts.

:class:`DocBlock` is one issued document (or a plan published alone), :class:`PlanBlock`
one plan inside it; :class:`Lines` gives the cleaned text of a file by line number.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence

import attrs

from govplan.reading.lines import Line
from govplan.reading.structure import cn_value
from govplan.reading.text import clean_line, compact, is_page_residue

__all__ = ["AttachmentEntry", "DocBlock", "Lines", "PlanBlock", "attachment_label", "jurisdiction_of"]

_TITLE_END = re.compile(r"(?:通知|通告|决定|意见|批复|公告|函|报告|请示|通报|决议|命令|纪要|方案|办法|规定|细则|计划|要点)$")
_DISCLOSURE = re.compile(r"^[（(【\[]?\s*此件\s*(?:主动|依申请|不予?)?\s*公开\s*(?:发布)?\s*[)）】\]]?$")
_ATTACH_LIST = re.compile(r"^附\s*件\s*[:：]\s*(.*)$")
# 附件3 / 附件 3-1 / 附件三 (not 附件一并…), then maybe the title on the same line
_ATTACH_HEADER = re.compile(
    r"^附\s*件\s*(?:(?P<num>\d{1,2}(?:\s*[-—–－]\s*\d{1,2})?)|(?P<cn>[一二三四五六七八九十]{1,3})(?![\u4e00-\u9fff])|$)"
    r"\s*[:：]?\s*(?P<rest>.*)$"
)


_LIST_ENTRY = re.compile(r"^(\d{1,2}(?:\s*[-—–－]\s*\d{1,2})?)\s*[.．、]\s*(.+)$")
_PLAN_SUFFIX = re.compile(
    r"(?:方案|计划|清单|要点|任务分解|责任分工|分工方案|实施意见|工作意见|细则|任务表|台账|分工表|目标任务|工作安排|"
    r"若干措施|工作措施|政策措施|具体措施|行动措施|规划)"
    r"(?:[（(][^）)]{1,12}[）)])?$"
)
_TASK_LIST_SUFFIX = re.compile(r"(?:清单|任务分解|责任分工|任务表|台账|分工表|目标任务)(?:[（(][^）)]{1,12}[）)])?$")
_SENTENCE_PUNCT = re.compile(r"[。；;，,！？]")
_PLAN_OPENERS = ("为", "根据", "按照", "围绕", "坚持", "以", "近年来", "全面", "深入", "进一步", "聚焦", "贯彻")
_CC_LINE = re.compile(r"^(?:抄送|抄报|主送|印发)\s*[:：]")
_PRINTED = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$")
_LEVEL = re.compile(r"自治州|自治县|自治旗|特区|新区|省|市|县|区|州|旗|盟|镇|乡")
_NOT_PLACES = frozenset({"中心城区", "城区", "园区", "开发区", "高新区", "经开区", "全市", "全区", "全县", "全省"})
_INSTITUTION = re.compile(
    r"^(?:中共)?(.{2,20}?(?:省|市|县|区|州|旗|盟))(?:委|人民政府|政府|管委会|管理委员会|委员会|党委|人大|政协|办公室|人民)"
)


def attachment_label(m: re.Match[str]) -> str:
    """``附件N`` for an attachment header match, Chinese numerals as digits.

    >>> attachment_label(_ATTACH_HEADER.match("附件 3—1")), attachment_label(_ATTACH_HEADER.match("附件十二："))
    ('附件3-1', '附件12')
    """
    if m.group("num"):
        return "附件" + re.sub(r"\s*[-—–－]\s*", "-", m.group("num"))
    cn = m.group("cn")
    if not cn:
        return "附件1"  # a lone "附件": the only attachment
    return f"附件{cn_value(cn) or 0}"


def jurisdiction_of(name: str | None) -> str | None:
    """The place an issuer or title belongs to: the last administrative unit it names.

    >>> jurisdiction_of("临江市青山区人民政府办公室"), jurisdiction_of("中共青湖区委青湖区管委会办公室")
    ('青山区', '青湖区')
    >>> jurisdiction_of("临江市人民政府办公室"), jurisdiction_of("某某区实施“八大行动”总体方案")
    ('临江市', '某某区')
    """
    if not name:
        return None
    s = compact(name)
    m = _INSTITUTION.match(s)
    head = m.group(1) if m else None
    if head is None:
        m2 = re.match(r"^([\u4e00-\u9fa5]{2,12}?(?:自治州|自治县|新区|省|市|县|区|州|旗|镇|乡))"
                      r"(?:实施|关于|打好|推进|深入|开展|全面|加快|进一步|“|\"|(?:19|20)\d\d)", s)
        head = m2.group(1) if m2 and m2.group(1) not in _NOT_PLACES else None
    if not head:
        return None
    parts = _admin_parts(head)
    return parts[-1] if parts else head


def _admin_parts(name: str) -> list[str]:
    """The administrative units a place name chains (临江市青山区 -> 临江市, 青山区).

    ``州`` ends a unit only before a name of two characters or more (黔东南州凯里市), not in
    a city's own name (广州市, 梅州湾市).

    >>> _admin_parts("临江市青山区"), _admin_parts("广州市"), _admin_parts("黔东南州凯里市")
    (['临江市', '青山区'], ['广州市'], ['黔东南州', '凯里市'])
    """
    parts: list[str] = []
    start = 0
    for m in _LEVEL.finditer(name):
        if m.start() == start:
            continue  # a level word needs a name before it (市中区)
        if m.group() == "州":
            nxt = _LEVEL.search(name, m.end())
            if nxt is None or nxt.start() - m.end() < 2:
                continue
        parts.append(name[start:m.end()])
        start = m.end()
    return parts


@attrs.define
class AttachmentEntry:
    """One entry of the ``附件：`` list: label (``附件3``) and title as listed."""

    label: str
    title: str
    line: int


@attrs.define
class PlanBlock:
    """Where one plan sits: its title line(s) and the lines of its body."""

    title: str
    title_line: int
    title_lines: tuple[int, ...]
    body_start: int  # first line number after the title
    body_end: int  # last line number of the body (inclusive)
    attachment: str | None = None
    kind: str = "implementation"  # overall | implementation | task_list
    header_line: int | None = None  # the ``附件N`` line, if any


@attrs.define
class DocBlock:
    """One issued document (or a plan published on its own) and the lines it spans."""

    start: int
    end: int
    doc_number: str | None = None
    number_line: int | None = None
    issuer: str | None = None
    title: str | None = None
    title_line: int | None = None
    date: _dt.date | None = None
    jurisdiction: str | None = None
    kind: str = "notice"  # plan_notice | notice | plan | other
    header_lines: set[int] = attrs.Factory(set)
    boilerplate: set[int] = attrs.Factory(set)
    notice_body: tuple[int, int] | None = None
    attachments: list[AttachmentEntry] = attrs.Factory(list)
    plans: list[PlanBlock] = attrs.Factory(list)

    @property
    def year(self) -> int | None:
        """The year the document's plans are for: from the title, else the date."""
        for text in (self.title or "", *(p.title for p in self.plans)):
            m = re.search(r"((?:19|20)\d{2})\s*年", text)
            if m:
                return int(m.group(1))
        return self.date.year if self.date else None


def _core_title(title: str) -> str:
    """A plan title without place prefix, quotes and generic suffix, for matching list entries."""
    s = compact(title)
    s = re.sub(r"[“”\"《》〈〉「」]", "", s)
    s = re.sub(r"(?:实施方案|工作方案|行动方案|方案|计划)$", "", s)
    place = jurisdiction_of(s)
    if place and s.startswith(place):
        s = s[len(place):]
    return s


def _title_like(text: str) -> bool:
    s = compact(text)
    if not (6 <= len(s) <= 60) or _SENTENCE_PUNCT.search(s):
        return False
    if re.match(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])", s):
        return False
    if s.startswith(("关于", "附件")) or "：" in s or ":" in s:
        return False
    return bool(_PLAN_SUFFIX.search(s))


class Lines:
    """Cleaned text by line number, with helpers to walk over non-blank lines."""

    def __init__(self, lines: Sequence[Line], cleaned: bool = False) -> None:
        self.numbers = [ln.number for ln in lines]
        self.text = {ln.number: ln.text if cleaned else clean_line(ln.text) for ln in lines}
        self.flat = {n: compact(t) for n, t in self.text.items()}
        self.index = {n: i for i, n in enumerate(self.numbers)}

    def next_nonblank(self, number: int, stop: int, skip: int = 0) -> int | None:
        i = self.index.get(number, len(self.numbers))
        for k in range(i, len(self.numbers)):  # no slice: a copy per call made many short lines quadratic
            n = self.numbers[k]
            if n > stop:
                return None
            if self.text[n] and not is_page_residue(self.text[n]):
                if skip == 0:
                    return n
                skip -= 1
        return None



def _inner_title(title: str | None) -> str | None:
    if not title:
        return None
    m = re.search(r"《(.+)》", title)
    if m:
        return m.group(1)
    # 关于印发某某区2024年工作方案的通知: the plan's title without the quotation marks
    m = re.match(r"^关于印发(.{4,60})的通知$", title)
    return m.group(1) if m and _PLAN_SUFFIX.search(m.group(1)) else None


def _norm_title(text: str) -> str:
    return re.sub(r"[“”\"\s《》〈〉]", "", text)
