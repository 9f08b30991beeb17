"""Where the plans of a document sit: the attachment list, attachment headers and plan titles.

A plan notice carries the overall plan (its title is the one the notice's title names)
and attachment plans, listed after ``附件：`` and each printed after an ``附件N`` header,
or with no header at all (the next title follows directly).  The title in the body may
differ from the list's (``…工作方案`` for ``…实施方案``).  A plan runs to the next plan,
or to an attachment that is no plan (a map, a list of powers).
"""

from __future__ import annotations

import bisect
import re

from govplan.reading.blocks import (
    _ATTACH_HEADER,
    _ATTACH_LIST,
    _CC_LINE,
    _DISCLOSURE,
    _LIST_ENTRY,
    _PLAN_OPENERS,
    _PLAN_SUFFIX,
    _PRINTED,
    _SENTENCE_PUNCT,
    _TASK_LIST_SUFFIX,
    AttachmentEntry,
    DocBlock,
    PlanBlock,
    _core_title,
    _inner_title,
    Lines,
    attachment_label,
    _norm_title,
    _title_like,
    jurisdiction_of,
)
from govplan.reading.headers import parse_date
from govplan.reading.structure import classify_section, heading_words, parse_marker
from govplan.reading.text import compact

__all__ = ["find_plans"]


def find_plans(lx: Lines, block: DocBlock, skip: frozenset[int], task_tables: frozenset[int]) -> None:
    """Locate the overall plan and every attachment plan in the document's body."""
    hdr_end = max(block.header_lines) if block.header_lines else block.start - 1
    numbers = [n for n in lx.numbers[lx.index[block.start]:] if n <= block.end]
    body = [n for n in numbers if n > hdr_end]
    # 1. The attachment list and the lines it spans (in the notice's body or after the plan).
    after_number = [n for n in numbers if n > (block.number_line or block.title_line or block.start - 1)]
    _read_attachment_list(lx, block, after_number, skip)
    listed = {ln for e in block.attachments for ln in _entry_lines(e)}
    listed.update(block.boilerplate)
    # 2. Candidate titles and attachment headers, in order.
    overall = _inner_title(block.title)
    # titles named by the notice are plans whatever their ending (…三年行动); of the listed
    # attachments only those named as an action (maps, lists of powers are no plans)
    known = frozenset(_norm_title(t) for t in (overall, *(e.title for e in block.attachments if _ACTION_TITLE.search(
        compact(e.title)))) if t)
    starts: list[PlanBlock | tuple[str, int]] = []  # plans, or ("stop", line) for non-plan attachments
    i = 0
    position = {n: k for k, n in enumerate(body)}
    pending_header: tuple[str, int] | None = None
    while i < len(body):
        n = body[i]
        t = lx.text[n]
        i += 1
        if not t or n in listed or n in skip:
            continue
        s = compact(t)
        h = _ATTACH_HEADER.match(s)
        if h and not _ATTACH_LIST.match(s):
            label = attachment_label(h)
            block.boilerplate.add(n)
            if h.group("rest") and _title_like(h.group("rest")):
                starts.append(_plan_at(lx, n, (n,), h.group("rest"), label, n))
                pending_header = None
            elif h.group("rest"):
                # "附件3-1：某某清单" inside a plan: an entry of a list of sub-attachments
                follow = lx.next_nonblank(n + 1, block.end)
                if follow is not None and len(lx.flat[follow]) <= 12 \
                        and not _SENTENCE_PUNCT.search(lx.text[follow]):
                    block.boilerplate.add(follow)
                    listed.add(follow)
            else:
                pending_header = (label, n)
            continue
        if pending_header is not None:
            title, tlines = _title_at(lx, body, i - 1, known)
            if title is not None:
                starts.append(_plan_at(lx, tlines[-1], tlines, title, pending_header[0], pending_header[1]))
                i = position[tlines[-1]] + 1
            else:
                starts.append(("stop", pending_header[1]))
                if len(s) <= 60 and not _SENTENCE_PUNCT.search(s):
                    block.boilerplate.add(n)  # the title of an attachment that is no plan (a list, a map)
            pending_header = None
            continue
        title, tlines = _title_at(lx, body, i - 1, known)
        if title is None:
            continue
        is_overall = overall is not None and _norm_title(title) == _norm_title(overall)
        if is_overall or _matches_list(title, block.attachments) or _opens_plan(lx, tlines[-1], block.end) \
                or _heads_table(lx, tlines[-1], block.end, task_tables):
            starts.append(_plan_at(lx, tlines[-1], tlines, title, None, None))
            i = position[tlines[-1]] + 1
    # 3. Plans run to the next start.
    plans = [st for st in starts if isinstance(st, PlanBlock)]
    for k, st in enumerate(starts):
        nxt = starts[k + 1] if k + 1 < len(starts) else None
        if not isinstance(st, PlanBlock):
            # an attachment that is no plan (a project list, a map) holds no tasks: its lines
            # are accounted for as the document's (a task table in it is still read)
            last = block.end if nxt is None else (nxt[1] if not isinstance(nxt, PlanBlock)
                                                  else (nxt.header_line or nxt.title_lines[0])) - 1
            # body is sorted: slice it rather than scan it once per attachment
            a, b = bisect.bisect_left(body, st[1]), bisect.bisect_right(body, last)
            block.boilerplate.update(n for n in body[a:b] if lx.text[n])
            continue
        if nxt is None:
            st.body_end = block.end
        elif isinstance(nxt, PlanBlock):
            st.body_end = (nxt.header_line or nxt.title_lines[0]) - 1
        else:
            st.body_end = nxt[1] - 1
    _label_plans(block, plans, overall)
    body_plan = None if plans else _notice_as_plan(lx, block, skip)
    if body_plan is not None:  # the notice is its own plan: it stays a notice
        block.plans = [body_plan]
        _trailing_boilerplate(lx, block, body)
        return
    block.plans = plans
    if plans and not block.jurisdiction:
        block.jurisdiction = jurisdiction_of(plans[0].title)
    if plans and block.kind == "notice" and block.doc_number is None:
        block.kind = "plan"
    elif plans and block.kind == "notice":
        block.kind = "plan_notice"
    elif not plans and block.kind == "plan_notice":
        block.kind = "notice"
    _trailing_boilerplate(lx, block, body)


def _trailing_boilerplate(lx: Lines, block: DocBlock, body: list[int]) -> None:
    """Copy-to lines, the printing date and the disclosure note after a notice."""
    for n in body:
        s = lx.flat[n]
        if _CC_LINE.match(s) or _PRINTED.search(s) or _DISCLOSURE.match(s):
            block.boilerplate.add(n)
            prev = lx.next_nonblank(n - 3, n - 1) if _PRINTED.search(s) else None
            if prev is not None and re.search(r"(?:办公室|政府|委员会)$", lx.flat[prev]):
                block.boilerplate.add(prev)


_NOTICE_TITLE = re.compile(r"^关于(?P<core>.{4,60})的(?:通知|通告|意见|决定|实施意见)$")
_ROLE_WORD = re.compile(r"牵头|负责|配合|责任单位|责任部门")


def _notice_as_plan(lx: Lines, block: DocBlock, skip: frozenset[int]) -> PlanBlock | None:
    """A notice that lists tasks in its own body (关于开展…整治行动的通知: 一、目标 二、任务 with
    annotated items) is read as a plan named by its title; a notice issuing a plan printed
    elsewhere (印发) or one naming no responsible units (赋权, 取消水源地) is not."""
    m = _NOTICE_TITLE.match(compact(block.title or ""))
    if m is None or block.title_line is None or "印发" in m.group("core"):
        return None
    if block.notice_body is not None:
        first, last = block.notice_body
    else:
        first, last = max(block.header_lines, default=block.start) + 1, block.end
    from govplan.reading.annotations import find_annotations

    lines = [n for n in lx.numbers[lx.index.get(first, len(lx.numbers)):] if n <= last]
    said = listed = 0  # lines with an annotation; lines closing with a bare unit list
    for n in lines:
        if not lx.text[n] or n in skip or not re.search(r"[）)\]】〕]", lx.text[n]):
            continue
        found, bare = find_annotations(lx.text[n])
        said += bool(found) and bool(_ROLE_WORD.search(lx.text[n]))
        listed += bool(bare)
    if not said and listed < 2:
        return None
    return PlanBlock(title=m.group("core"), title_line=block.title_line, title_lines=(block.title_line,),
                     body_start=first, body_end=last, kind="overall")


def _entry_lines(entry: AttachmentEntry) -> list[int]:
    return [entry.line]


def _read_attachment_list(lx: Lines, block: DocBlock, body: list[int], skip: frozenset[int]) -> None:
    for idx, n in enumerate(body):
        s = lx.flat[n]
        m = _ATTACH_LIST.match(s)
        if not m or n in skip:
            continue
        block.boilerplate.add(n)
        rest = m.group(1)
        entries: list[AttachmentEntry] = []
        e = _LIST_ENTRY.match(rest)
        if e:
            entries.append(AttachmentEntry("附件" + e.group(1), e.group(2), n))
        elif rest:
            entries.append(AttachmentEntry("附件1", rest, n))
        for m2 in body[idx + 1:]:
            t = lx.flat[m2]
            if not t:
                continue
            e = _LIST_ENTRY.match(t)
            if e and not _SENTENCE_PUNCT.search(t) and len(t) <= 60:
                entries.append(AttachmentEntry("附件" + re.sub(r"[—–－]", "-", e.group(1)), e.group(2), m2))
                block.boilerplate.add(m2)
                continue
            if entries and _wraps(entries[-1].title, t):
                entries[-1].title += t  # a list entry wrapped onto the next line
                block.boilerplate.add(m2)
                continue
            break
        block.attachments.extend(entries)
        if entries:
            return


def _wraps(entry: str, line: str) -> bool:
    """Whether *line* continues a list entry wrapped at the line end: the entry is not a
    whole title yet and the line is no title, date, signature or copy-to line of its own."""
    if _PLAN_SUFFIX.search(compact(entry)) or _SENTENCE_PUNCT.search(line) or len(line) > 30:
        return False
    if _ATTACH_HEADER.match(line) or _title_like(line) or parse_date(line) or _CC_LINE.match(line):
        return False
    return not _SIGNATURE.search(line)


_SIGNATURE = re.compile(r"(?:人民政府|政府|办公室|办公厅|委员会|管委会)$")


def _title_at(lx: Lines, body: list[int], i: int, known: frozenset[str] = frozenset()
              ) -> tuple[str | None, tuple[int, ...]]:
    """A plan title starting at body[i], possibly wrapped over two lines, with the period or
    status printed under it (``（2024—2026年）``, ``（试行）``).  A title in *known* (named by the
    notice or its attachment list, compared with :func:`_norm_title`) is one whatever its ending
    (``…三年行动``)."""
    n = body[i]
    t = lx.flat[n]
    if _title_like(t) or _is_known(t, known):
        return _with_tail(lx, t, (n,), body[-1])
    if not t or len(t) > 40 or _SENTENCE_PUNCT.search(t) or "：" in t or _NOT_TITLE_START.match(t) or parse_date(t):
        return None, ()  # a line wholly in brackets (（此件公开发布）) or a date opens no title
    nxt = lx.next_nonblank(n + 1, body[-1])
    if nxt is None or nxt - n > 2:
        return None, ()
    joined = t + lx.flat[nxt]
    if (_title_like(joined) or _is_known(joined, known)) and len(lx.flat[nxt]) <= 30:
        return _with_tail(lx, joined, (n, nxt), body[-1])
    return None, ()


_NOT_TITLE_START = re.compile(r"^[（(【\[〔][^（()）【】\[\]〔〕]{0,38}[)）】\]〕]$")


def _is_known(text: str, known: frozenset[str]) -> bool:
    if not known or not text or len(text) > 60 or _SENTENCE_PUNCT.search(text):
        return False
    s = _norm_title(text)
    # the body may print the period on the next line: 某某三年行动 / （2024—2026年）
    return s in known or any(k.startswith(s) and _TITLE_TAIL.match(k[len(s):]) for k in known)


_ACTION_TITLE = re.compile(r"行动(?:[（(][^）)]{1,12}[）)])?$")
_TITLE_TAIL = re.compile(
    r"^[（(](?:(?:19|20)\d{2}\s*年?\s*[—–\-－~～至到]{1,2}\s*(?:19|20)\d{2}\s*年?|(?:19|20)\d{2}\s*年(?:版|度)?|"
    r"试行|暂行|征求意见稿|送审稿|讨论稿|修订稿|修订版)[)）]$"
)


def _with_tail(lx: Lines, title: str, lines: tuple[int, ...], end: int) -> tuple[str, tuple[int, ...]]:
    nxt = lx.next_nonblank(lines[-1] + 1, end)
    if nxt is not None and nxt - lines[-1] <= 2 and _TITLE_TAIL.match(lx.flat[nxt]):
        return title + lx.flat[nxt], (*lines, nxt)
    return title, lines


def _opens_plan(lx: Lines, title_line: int, end: int) -> bool:
    # A title not in the attachment list is a plan only if a plan's opening follows it.
    n = lx.next_nonblank(title_line + 1, end)
    if n is None:
        return False
    s = lx.flat[n]
    if re.match(r"^[一二三四五六七八九十]+[、.．]", s):
        return True
    marker = parse_marker(s)
    if marker is not None and marker.value == 1 and classify_section(heading_words(s[marker.end:])):
        return True  # 1．工作目标 / （一）主要任务: a plan numbered without 一、
    return s.startswith(_PLAN_OPENERS) and bool(_SENTENCE_PUNCT.search(s))


def _heads_table(lx: Lines, title_line: int, end: int, task_tables: frozenset[int]) -> bool:
    # A title directly above a task table names a task list.
    i = lx.index[title_line]
    for n in lx.numbers[i + 1:i + 4]:
        if n > end:
            return False
        if n in task_tables:
            return True
        if lx.text[n]:
            return False
    return False


def _plan_at(lx: Lines, last_title_line: int, tlines: tuple[int, ...], title: str,
             label: str | None, header: int | None) -> PlanBlock:
    return PlanBlock(title=compact(title), title_line=tlines[0], title_lines=tuple(tlines),
                     body_start=last_title_line + 1, body_end=last_title_line, attachment=label,
                     header_line=header)


def _matches_list(title: str, entries: list[AttachmentEntry]) -> bool:
    core = _core_title(title)
    return bool(core) and any(_core_title(e.title) == core for e in entries)


def _label_plans(block: DocBlock, plans: list[PlanBlock], overall: str | None) -> None:
    """Attachment labels and kinds: headers first, then the list, then the sequence."""
    seen_overall = False
    prev_num: int | None = None
    # attachment numbers are inferred only where the document numbers its attachments
    numbered = bool(block.attachments) or any(p.attachment for p in plans)
    for p in plans:
        is_overall = overall is not None and _norm_title(p.title) == _norm_title(overall)
        if p.attachment is None:  # the overall plan too may be listed (as 附件1)
            for e in block.attachments:
                if _core_title(e.title) == _core_title(p.title):
                    p.attachment = e.label
                    break
        if p.attachment is None and not is_overall and numbered and prev_num is not None:
            p.attachment = f"附件{prev_num + 1}"
        if _TASK_LIST_SUFFIX.search(p.title) and not is_overall:
            p.kind = "task_list"
        elif not seen_overall and (is_overall or (p.attachment is None and (not block.attachments or p is plans[0]))):
            # the plan the notice's title names is the overall plan, even when printed as 附件1
            p.kind = "overall"
            seen_overall = True
        else:
            p.kind = "implementation"
        if p.attachment:
            m = re.match(r"附件(\d+)$", p.attachment)
            if m:
                prev_num = int(m.group(1))
        elif p.kind == "overall":
            prev_num = 0
