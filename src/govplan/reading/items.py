"""From numbered items to task drafts: text, title, annotations, deadline.

A task is an item that carries its own responsibility annotation.  Its text is the
item's own paragraphs (not its sub-items') without the numbering and without the
annotations; its title the short heading before the first ``。``; its deadline a time
given in the annotation, else the latest completion time in its own text.

>>> from govplan.reading.text import Paragraph
>>> from govplan.reading.structure import build_items
>>> tree = build_items([Paragraph.of([(1, "二、工作任务")]),
...                     Paragraph.of([(2, "1. 加强政策引导。完善支持政策，6月底前出台办法。"), (3, "[区科技局牵头，区财政局负责]")])])
>>> [d] = [draft_task(i, 2024) for i in tree.walk() if draft_task(i, 2024)]
>>> d.title, d.text, d.lead, d.support, str(d.deadline), d.line, d.end_line
('加强政策引导', '加强政策引导。完善支持政策，6月底前出台办法。', ('区科技局',), ('区财政局',), '2024-06', 2, 3)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from govplan.model import Period
from govplan.reading.annotations import Annotation, Candidate, find_annotations
from govplan.reading.structure import Item, Marker
from govplan.reading.text import Paragraph

__all__ = [
    "TaskDraft",
    "closes_apart",
    "draft_task",
    "first_listed_leads",
    "is_note",
    "item_paragraph",
    "item_title",
    "says_first_listed_leads",
    "split_annotated_paragraphs",
    "unread_brackets",
]


@attrs.frozen
class TaskDraft:
    """What an item says as a task, before units are resolved."""

    item: Item
    line: int
    end_line: int
    text: str
    title: str | None
    path: tuple[str, ...]
    lead: tuple[str, ...]
    support: tuple[str, ...]
    responsibility: str
    deadline: Period | None
    deadline_text: str | None
    annotations: tuple[Annotation, ...]
    lists: tuple[tuple[tuple[str, ...], str], ...]  # (names, role) per printed list


def item_paragraph(item: Item) -> Paragraph:
    """The item's own paragraphs as one paragraph (line map kept)."""
    if len(item.paragraphs) == 1:
        return item.paragraphs[0]
    numbers: list[int] = []
    starts: list[int] = []
    pos = 0
    for p in item.paragraphs:
        numbers.extend(p.numbers)
        starts.extend(pos + s for s in p.starts)
        pos += len(p.text)
    return Paragraph("".join(p.text for p in item.paragraphs), tuple(numbers), tuple(starts))


_SPACE = re.compile(r"[\s\u3000]+")


def _strip_spans(text: str, spans: Sequence[tuple[int, int]], start: int) -> str:
    out: list[str] = []
    pos = start
    for a, b in sorted(spans):
        if b <= pos:
            continue
        out.append(text[pos:max(pos, a)])
        pos = max(pos, b)
    out.append(text[pos:])
    return "".join(out)


def _tidy(text: str) -> str:
    text = _SPACE.sub(" ", text).strip(" ，,；;")
    return re.sub(r"(?<=[\u4e00-\u9fff。，；：、）”]) (?=[\u4e00-\u9fff“（])", "", text)


def _own_texts(item: Item) -> list[tuple[str, int]]:
    """Each own paragraph's text (numbering cut from the first) and its offset in the item."""
    out: list[tuple[str, int]] = []
    pos = 0
    for k, p in enumerate(item.paragraphs):
        cut = item.marker.end if (k == 0 and item.marker) else 0
        if k == 0 or not is_note(p.text):  # a note (注：…) is about the plan, not the item
            out.append((p.text[cut:], pos + cut))
        pos += len(p.text)
    return out


_NOTE = re.compile(r"^[（(]?(?:注|备注|说明)\s*[:：]")


def is_note(text: str) -> bool:
    """Whether a paragraph is a note (``注：…``, ``（说明：…``) about the plan rather than an item.

    >>> is_note("注：责任单位中列第一位的为牵头单位。"), is_note("推进注册登记便利化。")
    (True, False)
    """
    return bool(_NOTE.match(text))


def _shift(spans: Sequence[tuple[int, int]], offset: int) -> list[tuple[int, int]]:
    return [(a - offset, b - offset) for a, b in spans]


def closes_apart(item: Item, draft: TaskDraft) -> bool:
    """Whether the item's annotations make up a paragraph of their own after its text
    (``牵头单位：X；责任单位：Y`` on the line after the last sentence)."""
    if len(item.paragraphs) < 2:
        return False
    offset = sum(len(p.text) for p in item.paragraphs[:-1])
    spans = [(a.start - offset, a.end - offset) for a in draft.annotations if a.start >= offset]
    if not spans or len(spans) != len(draft.annotations):
        return False
    return not _strip_spans(item.paragraphs[-1].text, spans, 0).strip(" 。；;，,")


def item_title(item: Item, text: str) -> str | None:
    """The short heading of an item: a heading paragraph, else its first sentence.

    A first sentence is a title when more text follows it; an item that is one sentence
    has a title only if that sentence reads as a heading (short, no clause breaks).
    """
    if len(item.paragraphs) > 1:
        head = item.heading.strip().rstrip("。 ")
        if head and len(head) <= 30 and not re.search(r"[。，,；;]", head):
            return head
    m = re.search(r"[。！？]", text)
    first = (text[: m.start()] if m else text).strip()
    rest = text[m.end():].strip() if m else ""
    if not first or "；" in first or ";" in first:
        return None
    if rest:
        return first if len(first) <= 50 else None
    if item.children and len(first) <= 40 and not re.search(r"[，,]", first):
        return first  # a heading over sub-items: 加快补齐交通、水利、能源短板
    return first if len(first) <= 30 and not re.search(r"[，,、]", first) else None


def draft_task(item: Item, year: int | None,
               found: tuple[list[Annotation], list[Candidate]] | None = None) -> TaskDraft | None:
    """The task *item* states, or None when it carries no annotation of its own.

    *found* is the result of :func:`find_annotations` on the item's text, if already known.
    """
    if item.marker is None:
        return None
    para = item_paragraph(item)
    annotations, _ = found if found is not None else find_annotations(para.text, para.breaks())
    annotations = [a for a in annotations if a.start >= item.marker.end]
    if not annotations:
        return None
    spans = [(a.start, a.end) for a in annotations]
    body = _strip_spans(para.text, spans, item.marker.end)
    text = "\n".join(t for t in (_tidy(_strip_spans(p, _shift(spans, off), 0))
                                   for p, off in _own_texts(item)) if t)
    title = item_title(item, _tidy(body))
    lead, support, lists = _roles(annotations)
    deadline, deadline_text = _deadline(annotations, body, year)
    last = max(para.line_at(a.end - 1) for a in annotations)
    return TaskDraft(
        item=item,
        line=para.first_line,
        end_line=max(last, para.line_at(len(para.text.rstrip()) - 1)),
        text=text,
        title=title,
        path=item.path,
        lead=lead,
        support=support,
        responsibility="；".join(_SPACE.sub("", a.content) for a in annotations),
        deadline=deadline,
        deadline_text=deadline_text,
        annotations=tuple(annotations),
        lists=lists,
    )


def _roles(annotations: Sequence[Annotation]) -> tuple[tuple[str, ...], tuple[str, ...],
                                                       tuple[tuple[tuple[str, ...], str], ...]]:
    """Lead and supporting units over all of an item's annotations, and each printed list."""
    lead: dict[str, None] = {}
    support: dict[str, None] = {}
    lists: list[tuple[tuple[str, ...], str]] = []
    for a in annotations:
        lead.update(dict.fromkeys(a.lead))
        lists.append((a.lead, "lead"))
        lists.append((a.support, "support"))
    for a in annotations:
        support.update(dict.fromkeys(n for n in a.support if n not in lead))
    return tuple(lead), tuple(support), tuple(lists)


# "列第一位的为牵头单位" said once for the whole plan, in its preamble or a note
_FIRST_LISTED = re.compile(r"(?:列|排)(?:在)?(?:第一位|首位|第1位)(?:者|的)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)")


def says_first_listed_leads(text: str) -> bool:
    """Whether *text* (a preamble or note) says the first unit of each list leads.

    >>> says_first_listed_leads("注：责任单位中列第一位的为牵头单位。"), says_first_listed_leads("由区发改局牵头")
    (True, False)
    """
    return bool(_FIRST_LISTED.search(text))


def first_listed_leads(drafts: Sequence[TaskDraft | None], *, from_start: bool = False) -> list[TaskDraft | None]:
    """Drafts (in document order) with the first unit listed as lead where the plan says so.

    An annotation ``（X、Y负责。列第一位者为牵头单位，下同）`` makes the first unit lead in
    every later annotation that marks no lead; *from_start* (a note in the preamble) does so
    for all.  So does ``责任单位：X、Y（列第一位的为牵头单位，下同）``.  Annotations whose labels
    say the roles (``配合单位：X、Y``) are left alone.
    """
    active = from_start
    out: list[TaskDraft | None] = []
    for d in drafts:
        if d is None:
            out.append(d)
            continue
        if active and not d.lead:
            anns = tuple(attrs.evolve(a, lead=a.support[:1], support=a.support[1:])
                         if not a.lead and a.support and (a.unranked or not a.labelled) else a
                         for a in d.annotations)
            lead, support, lists = _roles(anns)
            d = attrs.evolve(d, annotations=anns, lead=lead, support=support, lists=lists)
        active = active or any(a.carries for a in d.annotations)
        out.append(d)
    return out


def _deadline(annotations: Sequence[Annotation], body: str, year: int | None) -> tuple[Period | None, str | None]:
    from govplan.reading.deadlines import find_deadline, parse_deadline_field

    # Each part of an item may carry its own time: the item is done when its last part is.
    best = None
    for a in annotations:
        if a.deadline_text:
            found = parse_deadline_field(a.deadline_text, year)
            if found is not None and (best is None or found.period > best.period):
                best = found
    if best is not None:
        return best.period, best.text
    found = find_deadline(body, year)
    if found is None:
        return None, None
    return found.period, found.text


def split_annotated_paragraphs(item: Item) -> None:
    """Unnumbered paragraphs that each close with their own annotation are items of their own.

    ``（一）推进产业发展`` followed by two paragraphs, each ending ``（X牵头）``, states two
    tasks, not one; the paragraphs become unnumbered sub-items (paragraphs without an
    annotation join the next annotated one).  An item whose own first paragraph carries an
    annotation, or with fewer than two annotated paragraphs, is left alone.
    """
    if item.marker is None or len(item.paragraphs) < 3:
        return
    if find_annotations(item.paragraphs[0].text)[0]:
        return
    flags = [bool(find_annotations(p.text, p.breaks())[0]) for p in item.paragraphs[1:]]
    if sum(flags) < 2:
        return
    groups: list[list[Paragraph]] = []
    current: list[Paragraph] = []
    for p, annotated in zip(item.paragraphs[1:], flags):
        current.append(p)
        if annotated:
            groups.append(current)
            current = []
    if current:
        groups[-1].extend(current)
    blank = Marker("para", None, "", 0)
    subs = [Item(blank, g, parent=item, section=item.section) for g in groups]
    item.paragraphs = item.paragraphs[:1]
    item.children[:0] = subs


def unread_brackets(item: Item, found: tuple[list[Annotation], list[Candidate]] | None = None
                    ) -> list[tuple[int, Candidate]]:
    """Brackets in the item's own text that name units without a role, with their lines."""
    if item.marker is None:
        return []
    para = item_paragraph(item)
    _, candidates = found if found is not None else find_annotations(para.text, para.breaks())
    return [(para.line_at(c.start), c) for c in candidates]
