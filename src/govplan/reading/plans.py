"""Where the plans of a document sit: the attachment list, attachment headers and plan titles.

A plan notice carries the overall plan (its title is the one the notice's title names)
and attachment plans, listed after ``附件：`` and each printed after an ``附件N`` header,
or with no header at all (the next title follows directly).  The title in the body may
differ from the list's (``…工作方案`` for ``…实施方案``).  A plan runs to the next plan,
or to an attachment that is no plan (a map, a list of powers).
"""

from __future__ import annotations

import re

from govplan.reading.documents import (
    _ATTACH_HEADER,
    _ATTACH_LIST,
    _CC_LINE,
    _DISCLOSURE,
    _LIST_ENTRY,
    _PLAN_OPENERS,
    _PRINTED,
    _SENTENCE_PUNCT,
    _TASK_LIST_SUFFIX,
    AttachmentEntry,
    DocBlock,
    PlanBlock,
    _core_title,
    _inner_title,
    _Lines,
    _norm_title,
    _title_like,
    jurisdiction_of,
    parse_date,
)
from govplan.reading.text import compact

__all__ = ["find_plans"]


def find_plans(lx: _Lines, block: DocBlock, skip: frozenset[int], task_tables: frozenset[int]) -> None:
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
            label = "附件" + re.sub(r"\s|[—–－]", "-", h.group(1)).replace("--", "-")
            block.boilerplate.add(n)
            if h.group(2) and _title_like(h.group(2)):
                starts.append(_plan_at(lx, n, (n,), h.group(2), label, n))
                pending_header = None
            elif h.group(2):
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
            title, tlines = _title_at(lx, body, i - 1)
            if title is not None:
                starts.append(_plan_at(lx, tlines[-1], tlines, title, pending_header[0], pending_header[1]))
                i = position[tlines[-1]] + 1
            else:
                starts.append(("stop", pending_header[1]))
            pending_header = None
            continue
        title, tlines = _title_at(lx, body, i - 1)
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
        if not isinstance(st, PlanBlock):
            continue
        nxt = starts[k + 1] if k + 1 < len(starts) else None
        if nxt is None:
            st.body_end = block.end
        elif isinstance(nxt, PlanBlock):
            st.body_end = (nxt.header_line or nxt.title_lines[0]) - 1
        else:
            st.body_end = nxt[1] - 1
    _label_plans(block, plans, overall)
    block.plans = plans
    if plans and not block.jurisdiction:
        block.jurisdiction = jurisdiction_of(plans[0].title)
    if plans and block.kind == "notice" and block.doc_number is None:
        block.kind = "plan"
    elif plans and block.kind == "notice":
        block.kind = "plan_notice"
    elif not plans and block.kind == "plan_notice":
        block.kind = "notice"
    # Trailing boilerplate of the notice: copy-to lines and the printing date.
    for n in body:
        s = lx.flat[n]
        if _CC_LINE.match(s) or _PRINTED.search(s) or _DISCLOSURE.match(s):
            block.boilerplate.add(n)
            prev = lx.next_nonblank(n - 3, n - 1) if _PRINTED.search(s) else None
            if prev is not None and re.search(r"(?:办公室|政府|委员会)$", lx.flat[prev]):
                block.boilerplate.add(prev)


def _entry_lines(entry: AttachmentEntry) -> list[int]:
    return [entry.line]


def _read_attachment_list(lx: _Lines, block: DocBlock, body: list[int], skip: frozenset[int]) -> None:
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
            if entries and not _SENTENCE_PUNCT.search(t) and len(t) <= 30 and not _ATTACH_HEADER.match(t) \
                    and not _title_like(t) and not parse_date(t) and not _CC_LINE.match(t):
                entries[-1].title += t  # a list entry wrapped onto the next line
                block.boilerplate.add(m2)
                continue
            break
        block.attachments.extend(entries)
        if entries:
            return


def _title_at(lx: _Lines, body: list[int], i: int) -> tuple[str | None, tuple[int, ...]]:
    """A plan title starting at body[i], possibly wrapped over two lines."""
    n = body[i]
    t = lx.flat[n]
    if _title_like(t):
        return t, (n,)
    if not t or len(t) > 40 or _SENTENCE_PUNCT.search(t) or "：" in t:
        return None, ()
    nxt = lx.next_nonblank(n + 1, body[-1])
    if nxt is None or nxt - n > 2:
        return None, ()
    joined = t + lx.flat[nxt]
    if _title_like(joined) and len(lx.flat[nxt]) <= 30:
        return joined, (n, nxt)
    return None, ()


def _opens_plan(lx: _Lines, title_line: int, end: int) -> bool:
    # A title not in the attachment list is a plan only if a plan's opening follows it.
    n = lx.next_nonblank(title_line + 1, end)
    if n is None:
        return False
    s = lx.flat[n]
    if re.match(r"^[一二三四五六七八九十]+[、.．]", s):
        return True
    return s.startswith(_PLAN_OPENERS) and bool(_SENTENCE_PUNCT.search(s))


def _heads_table(lx: _Lines, title_line: int, end: int, task_tables: frozenset[int]) -> bool:
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


def _plan_at(lx: _Lines, last_title_line: int, tlines: tuple[int, ...], title: str,
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
        if p.attachment is None and not is_overall:
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
