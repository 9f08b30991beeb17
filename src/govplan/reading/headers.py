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
from govplan.reading.metadata import Field, meta_date, read_fields
from govplan.reading.structure import cn_value
from govplan.reading.text import compact, is_page_residue

__all__ = ["DOC_NUMBER", "block_start", "field_number", "number_of", "parse_date", "read_header"]

DOC_NUMBER = re.compile(
    r"^[\u4e00-\u9fa5]{1,16}\s*[〔\[【（(﹝［]\s*(?:19|20)\d{2}\s*[〕\]】）)﹞］]\s*第?\s*\d{1,4}\s*号$"
)
# a number printed without its 号 (某政办〔2024〕9): only with the 文号's own brackets, on a line of its own
_BARE_NUMBER = re.compile(r"^[\u4e00-\u9fa5]{1,16}\s*[〔﹝]\s*(?:19|20)\d{2}\s*[〕﹞]\s*第?\s*\d{1,4}$")
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:印发|发布|签发)?$")
_CN_DATE = re.compile(r"^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
_RED_HEADER = re.compile(r"^[^：:>＞|]{2,30}(?:政府|办公室|办公厅|委员会|管委会|局|厅|委|办|部|院)文件$")
_SIGNER = re.compile(r"签\s*发\s*人\s*[:：]\s*[\u4e00-\u9fa5·]{2,8}")


def number_of(flat: str) -> str | None:
    """The document number a (whitespace-free) line consists of, 签发人 aside.

    A number printed without its 号 is kept as printed.

    >>> number_of("某政发〔2024〕5号签发人：张某某"), number_of("根据某政发〔2024〕5号文件")
    ('某政发〔2024〕5号', None)
    >>> number_of("某政办〔2024〕9")
    '某政办〔2024〕9'
    """
    if len(flat) > 40:
        return None
    if "号" not in flat:
        return flat if _BARE_NUMBER.match(flat) else None
    s = _SIGNER.sub("", flat) if "签" in flat else flat
    return s if DOC_NUMBER.match(s) else None


def field_number(text: str) -> str | None:
    """The document number a web page's metadata line gives (``文　　号：某政办发〔2025〕9号``).

    >>> field_number("索引号：123/2025-1　文　　号：某政办发〔2025〕9号"), field_number("文号：无")
    ('某政办发〔2025〕9号', None)
    """
    if "号" not in text:
        return None
    for f in read_fields(text):
        if f.key == "doc_number":
            return number_of(compact(f.value))
    return None


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
            return _dt.date(year, cn_value(m[2]) or 0, cn_value(m[3]) or 0)
    except ValueError:
        return None
    return None


def block_start(lx: Lines, number_line: int, previous: int | None) -> int:
    """The first line of the document numbered at *number_line*, after the one at *previous*.

    A red header (``某某区人民政府办公室文件``) just above the number belongs to the document.
    """
    start = number_line
    i = lx.index[number_line]
    if read_fields(lx.text[number_line]):  # the fields printed above the number belong to it
        fields = _field_run(lx, number_line, previous)
        return min(fields) if fields else start
    for n in reversed(lx.numbers[max(0, i - 4):i]):
        if previous is not None and n <= previous:
            break
        t = lx.flat[n]
        if not t:
            continue
        if t.endswith("文件") and len(t) <= 30:
            start = n
        break
    if start == number_line:
        start = _issuer_title_above(lx, number_line, previous) or start
    return start


_ISSUER_LINE = re.compile(r"(?:政府|办公室|办公厅|委员会|管委会|局|厅|委|办|部|院)$")


def _issuer_title_above(lx: Lines, number_line: int, previous: int | None) -> int | None:
    """The first line of an issuer and a ``关于…的通知`` title printed right above the number.

    Some copies print issuer and title first and the number under them; without this the
    title would close the previous document and this one would start untitled.
    """
    i = lx.index[number_line]
    found: list[int] = []
    for n in reversed(lx.numbers[max(0, i - 6):i]):
        if previous is not None and n <= previous:
            break
        s = lx.flat[n]
        if not s:
            if found:
                break  # issuer and title sit together, right above the number
            continue
        if len(s) > 90 or _SENTENCE_PUNCT.search(s) or parse_date(s) or _DISCLOSURE.match(s):
            break
        found.append(n)
        if len(found) > 4:
            return None
    if not found:
        return None
    joined = "".join(lx.flat[n] for n in reversed(found))
    k = joined.find("关于")
    if k < 0 or not _TITLE_END.search(joined):
        return None
    if k > 0 and not _ISSUER_LINE.search(joined[:k]):
        return None
    return min(found)


_FIELD_REACH = 30  # lines at the top of a block searched for a metadata block


def _field_run(lx: Lines, line: int, previous: int | None = None) -> dict[int, list[Field]]:
    """The metadata lines around *line* (itself one): the run of field lines, blank lines
    and page residue it sits in, not reaching back to *previous*."""
    out: dict[int, list[Field]] = {}
    i = lx.index[line]
    for step in (-1, 1):
        k = i if step == 1 else i - 1
        while 0 <= k < len(lx.numbers) and abs(k - i) <= _FIELD_REACH:
            n = lx.numbers[k]
            if previous is not None and n <= previous:
                break
            t = lx.text[n]
            fields = read_fields(t) if t else []
            if fields:
                out[n] = fields
            elif t and not is_page_residue(t):
                break
            k += step
    return out


def _metadata(lx: Lines, block: DocBlock) -> dict[int, list[Field]]:
    """The web page metadata block at the top of *block*, by line (empty when there is none)."""
    if block.number_line is not None and read_fields(lx.text[block.number_line]):
        return _field_run(lx, block.number_line)
    i = lx.index[block.start]
    for n in lx.numbers[i:i + _FIELD_REACH]:
        if n > block.end or n == block.number_line:
            break
        if read_fields(lx.text[n]):
            return _field_run(lx, n)
    return {}


def _apply_metadata(block: DocBlock, fields: dict[int, list[Field]]) -> None:
    """Issuer, date and title from the metadata where the header itself gave none: the
    page's publisher (发布机构) only when no 发文机关 is printed, the date the document
    was made (成文日期), never the page's 发布日期."""
    flat = [(n, f) for n in sorted(fields) for f in fields[n]]
    issuers = sorted((f.rank, f.value) for _, f in flat if f.key == "issuer" and f.value)
    if issuers and (not block.issuer or issuers[0][0] == 0):
        block.issuer = compact(issuers[0][1])
    if block.date is None:
        block.date = next((d for _, f in flat if f.key == "date" and (d := meta_date(f.value))), None)
    if block.title is None:
        for n, f in flat:
            if f.key == "title" and len(compact(f.value)) >= 4:
                block.title, block.title_line = compact(f.value), n
                break


def read_header(lx: Lines, block: DocBlock, skip: frozenset[int], unnumbered: bool = False) -> None:
    """Issuer, title, addressees, signature and date after the document number."""
    meta = _metadata(lx, block)
    block.header_lines.update(meta)
    _read_header(lx, block, skip, unnumbered, meta)
    if meta:
        _apply_metadata(block, meta)
        if not block.jurisdiction:
            block.jurisdiction = jurisdiction_of(block.issuer) or jurisdiction_of(_inner_title(block.title))


def _read_header(lx: Lines, block: DocBlock, skip: frozenset[int], unnumbered: bool,
                 meta: dict[int, list[Field]]) -> None:
    hdr = block.header_lines
    for ln in lx.numbers[lx.index[block.start]:]:
        if ln > block.end or (block.number_line and ln >= block.number_line):
            break
        t = lx.text[ln]
        if not t:
            continue
        red = not is_page_residue(t) and bool(_RED_HEADER.search(compact(t)))
        # the issuer printed above its title, both above the number
        issuer_above = bool(block.number_line) and len(compact(t)) <= 30 and bool(
            _ISSUER_LINE.search(compact(t))) and not _SENTENCE_PUNCT.search(t)
        if is_page_residue(t) or red or _title_above(t) or issuer_above:
            hdr.add(ln)
            if red and not block.issuer:
                block.issuer = compact(t)[:-2]
            elif issuer_above and not block.issuer:
                block.issuer = compact(t)
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
        if n in meta:  # the rest of a web page's metadata block
            continue
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
    block.kind = "plan_notice" if "印发" in title else "notice"


def _title_above(text: str) -> bool:
    # a web page's title line above the number: "某某办公室关于印发《…》的通知", no sentence
    return "关于" in text and len(text) < 80 and not _SENTENCE_PUNCT.search(text)


def _title_before_number(lx: Lines, block: DocBlock) -> tuple[int, str] | None:
    # A web page prints the title above the document number ("…关于印发…的通知").
    if block.number_line is None:
        return None
    above = lx.numbers[lx.index[block.start]:lx.index[block.number_line]]
    for i in range(len(above) - 1, -1, -1):
        n = above[i]
        s = lx.flat[n]
        if "关于" not in s or len(s) >= 90 or _SENTENCE_PUNCT.search(s):
            continue
        # the title may wrap: join the short lines after it until one ends it (…的通知)
        joined, wrapped = s, []
        for m in above[i + 1:i + 4]:
            if _TITLE_END.search(joined):
                break
            t = lx.flat[m]
            if not t or len(t) > 40 or _SENTENCE_PUNCT.search(t):
                break
            joined += t
            wrapped.append(m)
        if _TITLE_END.search(joined) and len(joined) < 120:
            block.header_lines.update(wrapped)
            return n, joined
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


# "关于印发…的通知", maybe after the issuer (a web page's title line: "某某区人民政府办公室关于…")
_ISSUER_THEN_ABOUT = re.compile(r"^(?:[\u4e00-\u9fa5]{2,30}?(?:政府|办公室|办公厅|委员会|管委会|局|委|办))?关于")


def _find_unnumbered_title(lx: Lines, block: DocBlock) -> int | None:
    # A notice with no document number still has a 关于…的通知 title near the top.
    for n in lx.numbers[:40]:
        s = lx.flat[n]
        if _ISSUER_THEN_ABOUT.match(s) and _TITLE_END.search(s) and len(s) < 100 and "印发" in s:
            return n
        if _title_like(lx.text[n]) and not is_page_residue(lx.text[n]):
            return None
    return None


