"""Issued documents in a file: their headers, and the plans each one carries.

A file may hold several separately issued documents.  Each opens with a document
number (文号) on a line of its own, then the issuer, a title that may wrap over
lines, the addressees, a short body, the signature and the date.  A plan notice
then carries the overall plan and its attachment plans, listed after ``附件：``;
:mod:`govplan.reading.plans` finds where each plan sits.

>>> from govplan.reading.lines import Line
>>> rows = ["某政办发〔2024〕3号", "", "某某区人民政府办公室", "关于印发《某某区实施方案》的", "通 知",
...         "各镇人民政府：", "现印发给你们。", "某某区人民政府办公室", "2024年3月1日", "", "某某区实施方案",
...         "一、工作目标", "新增企业5家。"]
>>> [d] = split_documents([Line(i + 1, t) for i, t in enumerate(rows)])
>>> d.doc_number, d.title, d.issuer, d.jurisdiction, str(d.date)
('某政办发〔2024〕3号', '关于印发《某某区实施方案》的通知', '某某区人民政府办公室', '某某区', '2024-03-01')
>>> [(p.title, p.title_line, p.kind) for p in d.plans]
[('某某区实施方案', 11, 'overall')]
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence

import attrs

from govplan.reading.lines import Line
from govplan.reading.text import clean_line, compact, is_page_residue

__all__ = ["AttachmentEntry", "DocBlock", "PlanBlock", "jurisdiction_of", "parse_date", "split_documents"]

DOC_NUMBER = re.compile(
    r"^[\u4e00-\u9fa5]{1,16}\s*[〔\[【（(]\s*(?:19|20)\d{2}\s*[〕\]】）)]\s*第?\s*\d{1,4}\s*号$"
)
_TITLE_END = re.compile(r"(?:通知|通告|决定|意见|批复|公告|函|报告|请示|通报|决议|命令|纪要|方案|办法|规定|细则|计划|要点)$")
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:印发|发布|签发)?$")
_CN_DATE = re.compile(r"^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
_DISCLOSURE = re.compile(r"^[（(【\[]?\s*此件\s*(?:主动|依申请|不予?)?\s*公开\s*[)）】\]]?$")
_ATTACH_LIST = re.compile(r"^附\s*件\s*[:：]\s*(.*)$")
_ATTACH_HEADER = re.compile(r"^附\s*件\s*(\d{1,2}(?:\s*[-—–－]\s*\d{1,2})?)\s*[:：]?\s*(.*)$")
_LIST_ENTRY = re.compile(r"^(\d{1,2}(?:\s*[-—–－]\s*\d{1,2})?)\s*[.．、]\s*(.+)$")
_PLAN_SUFFIX = re.compile(
    r"(?:方案|计划|清单|要点|任务分解|责任分工|分工方案|实施意见|工作意见|细则|任务表|台账|分工表|目标任务|工作安排|"
    r"若干措施|工作措施|政策措施|具体措施|行动措施|规划)"
    r"(?:[（(][^）)]{1,12}[）)])?$"
)
_TASK_LIST_SUFFIX = re.compile(r"(?:清单|任务分解|责任分工|任务表|台账|分工表|目标任务)(?:[（(][^）)]{1,12}[）)])?$")
_SENTENCE_PUNCT = re.compile(r"[。；;，,！？]")
_PLAN_OPENERS = ("为", "根据", "按照", "围绕", "坚持", "以", "近年来", "全面", "深入", "进一步", "聚焦", "贯彻")
_RED_HEADER = re.compile(r"^[^：:>＞|]{2,30}(?:政府|办公室|办公厅|委员会|管委会|局|厅|委|办|部|院)文件$")
_CC_LINE = re.compile(r"^(?:抄送|抄报|主送|印发)\s*[:：]")
_PRINTED = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$")
_ADMIN = re.compile(r"[^省市县区州旗盟]+?(?:自治州|自治县|特区|新区|省|市|县|区|州|旗|盟|镇|乡)")
_NOT_PLACES = frozenset({"中心城区", "城区", "园区", "开发区", "高新区", "经开区", "全市", "全区", "全县", "全省"})
_INSTITUTION = re.compile(
    r"^(?:中共)?(.{2,20}?(?:省|市|县|区|州|旗|盟))(?:委|人民政府|政府|管委会|管理委员会|委员会|党委|人大|政协|办公室|人民)"
)


_SIGNER = re.compile(r"签\s*发\s*人\s*[:：]\s*[\u4e00-\u9fa5·]{2,8}")


def _number_of(flat: str) -> str | None:
    """The document number a (whitespace-free) line consists of, 签发人 aside.

    >>> _number_of("某政发〔2024〕5号签发人：张某某"), _number_of("根据某政发〔2024〕5号文件")
    ('某政发〔2024〕5号', None)
    """
    if len(flat) > 40 or "号" not in flat:
        return None
    s = _SIGNER.sub("", flat) if "签" in flat else flat
    return s if DOC_NUMBER.match(s) else None


def parse_date(text: str) -> _dt.date | None:
    """A signature date (``2024年3月22日`` or ``二〇二四年三月二十二日``), else None.

    >>> parse_date("2024年3月22日"), parse_date("二〇二四年三月二十二日")
    (datetime.date(2024, 3, 22), datetime.date(2024, 3, 22))
    """
    s = compact(text)
    m = _DATE.match(s)
    try:
        if m:
            return _dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = _CN_DATE.match(s)
        if m:
            digits = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
            year = int("".join(str(digits[c]) for c in m[1]))
            return _dt.date(year, _cn_number(m[2]), _cn_number(m[3]))
    except ValueError:
        return None
    return None


def _cn_number(s: str) -> int:
    values = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (values.get(tens, 1) if tens else 1) * 10 + (values.get(ones, 0) if ones else 0)
    return values.get(s, 0)


def jurisdiction_of(name: str | None) -> str | None:
    """The place an issuer or title belongs to: the last administrative unit it names.

    >>> jurisdiction_of("益阳市资阳区人民政府办公室"), jurisdiction_of("中共大通湖区委大通湖区管委会办公室")
    ('资阳区', '大通湖区')
    >>> jurisdiction_of("汨罗市人民政府办公室"), jurisdiction_of("某某区实施“八大行动”总体方案")
    ('汨罗市', '某某区')
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
    parts = _ADMIN.findall(head)
    return parts[-1] if parts else head


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


class _Lines:
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


def split_documents(lines: Sequence[Line], skip: frozenset[int] = frozenset(),
                    task_tables: frozenset[int] = frozenset(), *, cleaned: bool = False) -> list[DocBlock]:
    """Every document in *lines*, each with its header read and its plans located.

    *skip* holds line numbers already read as tables; they are never titles.
    *task_tables* holds the first lines of tables that list tasks: a title right above
    one is a task list's title.  With *cleaned*, the lines' text is already cleaned.
    """
    if not lines:
        return []
    lx = _Lines(lines, cleaned)
    first, last = lx.numbers[0], lx.numbers[-1]
    numbered: list[int] = []
    repeated: list[int] = []
    seen: set[str] = set()
    for n in lx.numbers:
        number = _number_of(lx.flat[n]) if n not in skip else None
        if number and number in seen:
            repeated.append(n)  # a number repeated in a page header starts nothing
        elif number:
            seen.add(number)
            numbered.append(n)
    blocks: list[DocBlock] = []
    starts = [_block_start(lx, n, numbered[i - 1] if i else None) for i, n in enumerate(numbered)]
    if starts:
        starts[0] = first
    for i, n in enumerate(numbered):
        end = (starts[i + 1] - 1) if i + 1 < len(numbered) else last
        block = DocBlock(start=starts[i], end=end, doc_number=_number_of(lx.flat[n]), number_line=n)
        _read_header(lx, block, skip)
        blocks.append(block)
    for n in repeated:
        for block in blocks:
            if block.start <= n <= block.end:
                block.boilerplate.add(n)
    if not blocks:
        block = DocBlock(start=first, end=last)
        _read_header(lx, block, skip, unnumbered=True)
        blocks.append(block)
    from govplan.reading.plans import find_plans

    for block in blocks:
        find_plans(lx, block, skip, task_tables)
    if len(blocks) == 1 and blocks[0].doc_number is None and blocks[0].title is None and len(blocks[0].plans) > 1:
        blocks = _one_per_plan(blocks[0])
    return blocks


def _one_per_plan(block: DocBlock) -> list[DocBlock]:
    """Plans published one after another without a notice: each is a document of its own."""
    out: list[DocBlock] = []
    for k, plan in enumerate(block.plans):
        start = block.start if k == 0 else (plan.header_line or plan.title_lines[0])
        plan.kind = "task_list" if plan.kind == "task_list" else "overall"
        plan.attachment = None
        b = DocBlock(start=start, end=plan.body_end, kind="plan", plans=[plan],
                     jurisdiction=jurisdiction_of(plan.title) or block.jurisdiction)
        b.header_lines = {n for n in block.header_lines if start <= n <= plan.body_end}
        b.boilerplate = {n for n in block.boilerplate if start <= n <= plan.body_end}
        out.append(b)
    return out


def _block_start(lx: _Lines, number_line: int, previous: int | None) -> int:
    # The red header ("某某区人民政府办公室文件") just above a document number belongs to it.
    start = number_line
    i = lx.index[number_line]
    for n in reversed(lx.numbers[max(0, i - 4):i]):
        if previous is not None and n <= previous:
            break
        t = lx.flat[n]
        if not t:
            continue
        if t.endswith("文件") and len(t) <= 30:
            start = n
        break
    return start


def _read_header(lx: _Lines, block: DocBlock, skip: frozenset[int], unnumbered: bool = False) -> None:
    """Issuer, title, addressees, signature and date after the document number."""
    hdr = block.header_lines
    for ln in lx.numbers[lx.index[block.start]:]:
        if ln > block.end or (block.number_line and ln >= block.number_line):
            break
        t = lx.text[ln]
        if not t:
            continue
        red = not is_page_residue(t) and bool(_RED_HEADER.search(compact(t)))
        if is_page_residue(t) or red or ("关于" in t and len(t) < 80):
            hdr.add(ln)
            if red and not block.issuer:
                block.issuer = compact(t)[:-2]
    pos: int
    if block.number_line:
        hdr.add(block.number_line)
        pos = block.number_line
    elif unnumbered:
        found = _find_unnumbered_title(lx, block)
        if found is None:
            return
        pos = found - 1
    else:
        return
    issuer_parts: list[str] = []
    title_parts: list[str] = []
    n: int | None = pos
    for _ in range(10):
        n = lx.next_nonblank(n + 1, block.end) if n is not None else None
        if n is None or n in skip:
            break
        t = lx.text[n]
        s = compact(t)
        if title_parts:
            done = _TITLE_END.search(compact("".join(title_parts))) and not s.startswith(("的通知", "的通告", "的意见"))
            if done or _SENTENCE_PUNCT.search(s) or len(s) > 40 or s.endswith(("：", ":")):
                break
            title_parts.append(t)
        elif "关于" in t or ("印发" in s and "《" in s):
            k = t.find("关于") if "关于" in t else 0
            if k > 0:
                issuer_parts.append(t[:k])
            title_parts.append(t[k:])
            block.title_line = n
        elif len(s) <= 40 and not _SENTENCE_PUNCT.search(s) and not s.endswith(("：", ":")):
            if unnumbered:
                return
            issuer_parts.append(t)
        else:
            break
        hdr.add(n)
    if not title_parts:
        if unnumbered:
            return
        before = _title_before_number(lx, block)
        if before is not None:
            k = before.find("关于")
            if k > 0 and not issuer_parts:
                issuer_parts.append(before[:k])
            block.title = before[k:] if k >= 0 else before
    else:
        block.title = compact("".join(title_parts))
    issuer = compact("".join(issuer_parts)) or block.issuer
    block.issuer = issuer or None
    if unnumbered and block.title is None:
        return
    last_hdr = max(hdr) if hdr else block.start
    # Addressees end with a colon; the body runs to the signature and the date.
    addressee = lx.next_nonblank(last_hdr + 1, block.end)
    body_start = last_hdr + 1
    if addressee is not None and lx.flat[addressee].endswith(("：", ":")) and len(lx.text[addressee]) < 160:
        hdr.add(addressee)
        body_start = addressee + 1
    date_line = None
    for m in lx.numbers[lx.index.get(body_start, len(lx.numbers)):]:
        if m > block.end or m > body_start + 120:
            break
        if m in skip:
            continue
        if parse_date(lx.text[m]):
            date_line = m
            break
        if _title_like(lx.text[m]) and m > body_start + 1:
            break
    if date_line is not None:
        block.date = parse_date(lx.text[date_line])
        hdr.add(date_line)
        sig = _signature_before(lx, date_line, body_start)
        body_end = date_line - 1
        if sig:
            hdr.update(sig)
            body_end = min(sig) - 1
            if not block.issuer:
                block.issuer = compact("".join(lx.text[s] for s in sorted(sig)))
        block.notice_body = (body_start, body_end)
        nxt = lx.next_nonblank(date_line + 1, block.end)
        if nxt is not None and _DISCLOSURE.match(lx.flat[nxt]):
            hdr.add(nxt)
    block.jurisdiction = jurisdiction_of(block.issuer) or jurisdiction_of(_inner_title(block.title))
    title = block.title or ""
    block.kind = "plan_notice" if ("印发" in title and "《" in title) or "印发" in title else "notice"


def _title_before_number(lx: _Lines, block: DocBlock) -> str | None:
    # A web page prints the title above the document number ("…关于印发…的通知").
    if block.number_line is None:
        return None
    for n in reversed(lx.numbers[lx.index[block.start]:lx.index[block.number_line]]):
        s = lx.flat[n]
        if "关于" in s and _TITLE_END.search(s) and len(s) < 90 and not _SENTENCE_PUNCT.search(s):
            return s
    return None


def _signature_before(lx: _Lines, date_line: int, body_start: int) -> set[int]:
    out: set[int] = set()
    i = lx.index[date_line]
    for n in reversed(lx.numbers[max(0, i - 4):i]):
        if n < body_start:
            break
        s = lx.flat[n]
        if not s:
            continue
        if len(s) <= 40 and not _SENTENCE_PUNCT.search(s) and re.search(r"(?:政府|办公室|委员会|管委会|局|厅|委|办|人民政府|部|院)$", s):
            out.add(n)
            continue
        break
    return out


def _find_unnumbered_title(lx: _Lines, block: DocBlock) -> int | None:
    # A notice with no document number still has a 关于…的通知 title near the top.
    for n in lx.numbers[:40]:
        s = lx.flat[n]
        if s.startswith("关于") and _TITLE_END.search(s) and len(s) < 80 and "印发" in s:
            return n
        if _title_like(lx.text[n]):
            return None
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
