"""A document's header: its number, issuer, title, addressees, signature and date.

After the document number (文号) come the issuer, a title that may wrap over lines
(``关于印发《…》的通知``), the addressees ending in ``：``, a short body, the issuer again
and the date.  Web copies print the title above the number; red-header copies put
``某某人民政府办公室文件`` above it.
"""

from __future__ import annotations

import datetime as _dt
import re

from govplan.reading.blocks import (
    _DISCLOSURE,
    _SENTENCE_PUNCT,
    _TITLE_END,
    DocBlock,
    Lines,
    _inner_title,
    _title_like,
    jurisdiction_of,
)
from govplan.reading.text import compact, is_page_residue

__all__ = ["DOC_NUMBER", "block_start", "number_of", "parse_date", "read_header"]

DOC_NUMBER = re.compile(
    r"^[\u4e00-\u9fa5]{1,16}\s*[〔\[【（(﹝［]\s*(?:19|20)\d{2}\s*[〕\]】）)﹞］]\s*第?\s*\d{1,4}\s*号$"
)
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:印发|发布|签发)?$")
_CN_DATE = re.compile(r"^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
_RED_HEADER = re.compile(r"^[^：:>＞|]{2,30}(?:政府|办公室|办公厅|委员会|管委会|局|厅|委|办|部|院)文件$")
_SIGNER = re.compile(r"签\s*发\s*人\s*[:：]\s*[\u4e00-\u9fa5·]{2,8}")


def number_of(flat: str) -> str | None:
    """The document number a (whitespace-free) line consists of, 签发人 aside.

    >>> number_of("某政发〔2024〕5号签发人：张某某"), number_of("根据某政发〔2024〕5号文件")
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



def block_start(lx: Lines, number_line: int, previous: int | None) -> int:
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


def read_header(lx: Lines, block: DocBlock, skip: frozenset[int], unnumbered: bool = False) -> None:
    """Issuer, title, addressees, signature and date after the document number."""
    hdr = block.header_lines
    for ln in lx.numbers[lx.index[block.start]:]:
        if ln > block.end or (block.number_line and ln >= block.number_line):
            break
        t = lx.text[ln]
        if not t:
            continue
        red = not is_page_residue(t) and bool(_RED_HEADER.search(compact(t)))
        if is_page_residue(t) or red or _title_above(t):
            hdr.add(ln)
            if red and not block.issuer:
                block.issuer = compact(t)[:-2]
        elif not block.number_line:
            break  # without a number, only the lines that open the file can be its header
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
        above = _title_before_number(lx, block)
        if above is not None:
            block.title_line, before = above
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


def _title_above(text: str) -> bool:
    # a web page's title line above the number: "某某办公室关于印发《…》的通知", no sentence
    return "关于" in text and len(text) < 80 and not _SENTENCE_PUNCT.search(text)


def _title_before_number(lx: Lines, block: DocBlock) -> tuple[int, str] | None:
    # A web page prints the title above the document number ("…关于印发…的通知").
    if block.number_line is None:
        return None
    for n in reversed(lx.numbers[lx.index[block.start]:lx.index[block.number_line]]):
        s = lx.flat[n]
        if "关于" in s and _TITLE_END.search(s) and len(s) < 90 and not _SENTENCE_PUNCT.search(s):
            return n, s
    return None


def _signature_before(lx: Lines, date_line: int, body_start: int) -> set[int]:
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


def _find_unnumbered_title(lx: Lines, block: DocBlock) -> int | None:
    # A notice with no document number still has a 关于…的通知 title near the top.
    for n in lx.numbers[:40]:
        s = lx.flat[n]
        if s.startswith("关于") and _TITLE_END.search(s) and len(s) < 80 and "印发" in s:
            return n
        if _title_like(lx.text[n]):
            return None
    return None


