"""Turning one document's plans into model objects: plans, actions, tasks, targets, task forces.

:class:`PlanAssembler` reads each plan block of a document - its items, tables, goal
and mechanism sections - into plans, actions and targets, and into task and task-force
drafts that wait for their units (:mod:`govplan.reading.resolve`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from govplan.model import Action, Document, Period, Plan, PlanKind, Role, Severity, Target
from govplan.reading.annotations import Annotation, find_annotations
from govplan.reading.documents import DocBlock, PlanBlock
from govplan.reading.items import (
    TaskDraft,
    closes_apart,
    draft_task,
    first_listed_leads,
    is_note,
    item_paragraph,
    says_first_listed_leads,
    split_annotated_paragraphs,
    unread_brackets,
)
from govplan.reading.responsibility import cell_units, names_and_time
from govplan.reading.resolve import PendingTask, PendingTaskForce, post_unit
from govplan.reading.inline import split_inline_items
from govplan.reading.structure import Item, build_items
from govplan.reading.text import compact, paragraphs

if TYPE_CHECKING:
    from govplan.reading.reader import _FileReader

__all__ = ["PlanAssembler"]

# "具体任务如下表：" / "详见附表" - the tasks are the rows of a table
_POINTS_TO_TABLE = re.compile(r"(?:如下表|见下表|见附表|详见附件|见附件\d?|任务清单见|如附表)[。：:]?\s*$")
_REQUIREMENTS = re.compile(r"^(?:总体要求|总体思路|总体目标要求)")
_GOAL_SENTENCE = re.compile(r"到\s*20\d\d\s*年|力争|目标")


class PlanAssembler:
    """Reads the plans of one document block into drafts and model objects."""

    def __init__(self, reader: _FileReader, block: DocBlock, doc: Document) -> None:
        self.r = reader
        self.block = block
        self.doc = doc
        self.jurisdiction = block.jurisdiction
        self.year = block.year
        self.plans_by_label: dict[str, Plan] = {}
        self.overall: Plan | None = None
        self.actions: dict[str, Action] = {}
        self.tables_done: set[int] = set()
        self.plan_ranges: list[tuple[int, int, Plan]] = []
        self._skip: frozenset[int] | None = None
        self._tree: Any = None
        self._assignment_lines: set[int] = set()

    # -- plans ---------------------------------------------------------------------------------
    def _action(self, name: str | None, line: int) -> Action | None:
        if not name:
            return None
        act = self.actions.get(name)
        if act is None:
            # one action per file and place: documents of one file share it, graphs of two files merge
            act = Action(f"action:{self.r.stem}:{self.jurisdiction or ''}:{name}", name, document_id=self.doc.id,
                         jurisdiction=self.jurisdiction, source=self.r.span(line))
            if act.id in self.r.action_ids:
                act = self.r.action_ids[act.id]
            else:
                self.r.action_ids[act.id] = act
                self.r.objects.append(act)
            self.actions[name] = act
        return act

    def declare_actions(self, plans: Sequence[PlanBlock]) -> None:
        """Create the actions the attachment plans serve before any plan is read, so that the
        overall plan's headings (大力实施项目攻坚行动) can name them."""
        from govplan.reading.reader import action_name

        for pb in plans:
            if pb.kind == "implementation":
                self._action(action_name(pb.title, self.jurisdiction), pb.title_line)

    def read_plan(self, pb: PlanBlock, tables: Sequence[Any], skip: frozenset[int]) -> Plan:
        """Read one plan block - items, goal and mechanism sections, its tables - into objects."""
        from govplan.reading.reader import action_name, cited_documents

        kind = {"overall": PlanKind.OVERALL, "task_list": PlanKind.TASK_LIST}.get(pb.kind, PlanKind.IMPLEMENTATION)
        parent: Plan | None = None
        action: Action | None = None
        if kind is not PlanKind.OVERALL:
            label = pb.attachment or ""
            m = re.match(r"附件(\d+)-\d+$", label)
            if m and f"附件{m.group(1)}" in self.plans_by_label:
                parent = self.plans_by_label[f"附件{m.group(1)}"]
                action = self.r.action_ids.get(parent.action_id) if parent.action_id else None
            else:
                parent = self.overall
            if action is None and kind is PlanKind.IMPLEMENTATION:
                action = self._action(action_name(pb.title, self.jurisdiction), pb.title_line)
        if self._skip is None:
            self._skip = frozenset(skip) | frozenset(self.block.boilerplate)
        body_lines = self.r.lines_between(pb.body_start, pb.body_end, self._skip)
        paras = paragraphs(body_lines, cleaned=True)
        tree = build_items(split_inline_items(paras))
        refs = cited_documents(tree.preamble)
        for ref in refs:
            self.r.cite(ref)
        year = self._plan_year(pb)
        plan = Plan(
            id=self.r.uid(f"plan:{self.r.stem}:{pb.title_line}"), document_id=self.doc.id, title=pb.title,
            kind=kind, year=year, attachment=pb.attachment, action_id=action.id if action else None,
            parent_id=parent.id if parent else None, implements=tuple(refs),
            source=self.r.span(pb.title_line, max(pb.title_line, pb.body_end)),
        )
        self.r.objects.append(plan)
        self.r.objects_by_id[plan.id] = plan
        if kind is PlanKind.OVERALL and self.overall is None:
            self.overall = plan
        if pb.attachment:
            self.plans_by_label.setdefault(pb.attachment, plan)
        self.plan_ranges.append((pb.title_line, pb.body_end, plan))
        led = self.r.ledger
        led.object(pb.title_lines[0], pb.title_lines[-1])
        if pb.header_line:
            led.boilerplate(pb.header_line, why="attachment header")
        for p in tree.preamble:
            led.boilerplate(p.first_line, p.last_line, why="preamble")
        self._tree = tree
        self._items(tree.walk(), plan, action, year)
        for line, message in tree.out_of_sequence:
            if line not in self._assignment_lines:  # （三）项由…: a reference, not an item
                self.r.diag(line, "numbering-out-of-sequence", message)
        for t in tables:
            if pb.title_line <= t.start_line <= pb.body_end and t.start_line not in self.tables_done:
                self._table(t, plan, action, year)
        return plan

    def _plan_year(self, pb: PlanBlock) -> int | None:
        m = re.search(r"((?:19|20)\d{2})\s*年", pb.title)
        return int(m.group(1)) if m else self.year

    # -- items ---------------------------------------------------------------------------------
    def _items(self, items: Any, plan: Plan, action: Action | None, year: int | None) -> None:
        led = self.r.ledger
        task_of: dict[int, str] = {}
        for it in list(items):
            if it.section not in ("mechanism", "goals"):
                split_annotated_paragraphs(it)
        all_items = list(self._tree.walk())
        found = {}
        for it in all_items:
            if it.section != "mechanism" and it.marker is not None:
                para = item_paragraph(it)
                found[id(it)] = find_annotations(para.text, para.breaks())
        drafts = {id(it): draft_task(it, year, found[id(it)]) if id(it) in found else None for it in all_items}
        assigned = self._assignment_sections(all_items, found, drafts, year)
        self._bare_lists_as_annotations(all_items, found, drafts, year)
        _lift_enumerations(all_items, drafts, year)
        ordered = first_listed_leads([drafts[id(it)] for it in all_items], from_start=self._first_listed_note())
        drafts.update((id(it), d) for it, d in zip(all_items, ordered))
        for it in all_items:
            if id(it) in assigned:
                continue  # a division-of-labour line: read into the items it names
            d = drafts[id(it)]
            para = item_paragraph(it)
            if d is not None:
                parent_id = None
                node = it.parent
                while node is not None:
                    if id(node) in task_of:
                        parent_id = task_of[id(node)]
                        break
                    node = node.parent
                act = action or self._overall_action(it)
                tid = self.r.uid(f"task:{self.r.stem}:{d.line}")
                task_of[id(it)] = tid
                self.r.pending_tasks.append(PendingTask(
                    tid, plan.id, act.id if act else None, parent_id, self.jurisdiction, d.line, d.end_line,
                    d.text, d.title, d.path, d.lead, d.support, d.responsibility, d.deadline, d.deadline_text))
                for names, role in d.lists:
                    self.r.units.add_list(self.jurisdiction, names, Role.LEAD if role == "lead" else Role.SUPPORT)
                led.object(d.line, d.end_line)
                led.object(para.first_line, para.last_line)
                continue
            siblings = it.parent.children if it.parent else []
            if it.children or it.section in ("goals", "mechanism", "other"):
                led.boilerplate(para.first_line, para.last_line, why=f"{it.section} text")
            elif not any(drafts[id(s)] for s in siblings):
                led.boilerplate(para.first_line, para.last_line, why="item without annotation")
            elif _under_task(it, task_of):
                led.boilerplate(para.first_line, para.last_line, why="covered by the heading's annotation")
            elif _POINTS_TO_TABLE.search(para.text):
                led.boilerplate(para.first_line, para.last_line, why="heading of a table")
            unread = unread_brackets(it, found.get(id(it))) if it.section not in ("goals", "mechanism", "other") else []
            for line, cand in unread:
                self.r.diag(line, "unread-annotation", f"bracket names units but no role: （{cand.content}）",
                            cand.content)
            if not unread and not led.is_marked(para.first_line):
                # among siblings that name who is responsible, this one names nobody
                self.r.diag(para.first_line, "item-without-annotation",
                            "a numbered item among tasks names no responsible unit: not read as a task",
                            para.text[:60])
        for it in all_items:
            if it.section == "goals":
                self._targets(it, plan, action, year)
            elif it.section == "other" and not it.children and _REQUIREMENTS.match(compact(it.heading)):
                # 总体要求 in one paragraph: guiding ideas, then "到2027年，…突破150亿元"
                self._targets(it, plan, action, year, only=_GOAL_SENTENCE)
            elif it.section == "mechanism":
                self._taskforces(it, plan, action)

    def _assignment_sections(self, items: list[Item], found: dict[int, Any],
                             drafts: dict[int, TaskDraft | None], year: int | None) -> set[int]:
        """A section of ``第（N）项由X牵头，Y配合`` lines (三、责任分工) gives the responsibility
        of the items it names: each becomes a task with that annotation, its span its own
        lines.  The section itself is no task; its lines count as part of the tasks.
        Returns the ids of the section items (and their sub-items)."""
        from govplan.reading.assignments import find_assignment_section, referenced_items

        led = self.r.ledger
        inside: set[int] = set()
        for it in items:
            if id(it) in inside:
                continue
            sec = find_assignment_section(it)
            if sec is None:
                continue
            for x in (it, *it.walk()):
                inside.add(id(x))
                drafts[id(x)] = None
                found.pop(id(x), None)
            led.boilerplate(*_bounds(sec.lines), why="division of labour")
            self._assignment_lines.update(sec.lines)
            numbered = referenced_items(sec)
            given: dict[int, list[Annotation]] = {}
            for line, a in sec.assignments:
                hit = False
                for n in a.numbers:
                    target = numbered.get(n)
                    if target is None:
                        self.r.diag(line, "assignment-without-item",
                                    f"the division of labour names item {n}, which the plan does not number",
                                    a.content)
                        continue
                    hit = True
                    if drafts.get(id(target)) is not None:
                        continue  # the item's own annotation says it already
                    para = item_paragraph(target)
                    end = len(para.text.rstrip())
                    p = a.parsed
                    given.setdefault(id(target), []).append(Annotation(
                        end, end, a.content, p.lead, p.support, p.deadline_text, p.labelled, p.carries, p.unranked))
                if hit:
                    led.object(line)
            for target in numbered.values():
                anns = given.get(id(target))
                if anns:
                    found[id(target)] = (anns, [])
                    drafts[id(target)] = draft_task(target, year, (anns, []))
        return inside

    def _first_listed_note(self) -> bool:
        """Whether the plan says once, in its preamble or a note, that the first unit leads."""
        notes = [*self._tree.preamble,
                 *(p for it in self._tree.walk() for p in it.paragraphs[1:] if is_note(p.text))]
        return any(says_first_listed_leads(p.text) for p in notes)

    def _bare_lists_as_annotations(self, items: list[Item], found: dict[int, Any],
                                   drafts: dict[int, TaskDraft | None], year: int | None) -> None:
        """A plan that closes its items with bare unit lists (（区发改局、区财政局）) throughout
        uses them as annotations: the units are responsible, none is marked as lead.  A few
        such brackets among role annotations stay diagnostics."""
        bare = [it for it in items if id(it) in found and drafts.get(id(it)) is None and found[id(it)][1]]
        if len(bare) < 3 or len(bare) < sum(1 for d in drafts.values() if d is not None):
            return
        for it in bare:
            cands = found[id(it)][1]
            anns = [Annotation(c.start, c.end, c.content.strip(), (), tuple(names), time)
                    for c in cands for names, time in [names_and_time(c.content)]]
            drafts[id(it)] = draft_task(it, year, (anns, []))
            found[id(it)] = (anns, [])
        self.r.diag(items[0].first_line, "bare-unit-lists",
                    f"{len(bare)} items close with a unit list and no role word: read as responsible units",
                    severity=Severity.INFO)

    def _overall_action(self, item: Item) -> Action | None:
        """In the overall plan, a heading that names an action (大力实施项目攻坚行动)."""
        node: Item | None = item
        while node is not None and node.marker is not None:
            heading = compact(node.heading)
            for act in self.r.action_ids.values():
                if act.document_id != self.doc.id:
                    continue
                core = re.sub(r"^打好", "", act.name)
                if act.name in heading or (len(core) >= 5 and core[:-1] in heading):
                    return act
            node = node.parent
        return None

    def _targets(self, item: Item, plan: Plan, action: Action | None, year: int | None,
                 only: re.Pattern[str] | None = None) -> None:
        from govplan.reading.goals import apply_lead_in, goal_paragraphs
        from govplan.reading.targets import extract_targets

        for k, cut, lead in goal_paragraphs(item, year):
            p = item.paragraphs[k]
            if only is not None and not only.search(p.text):
                continue
            for d in apply_lead_in(extract_targets(p.text[cut:], year), lead):
                if d.quantity is None:
                    continue
                first, last = p.line_at(cut + d.start), p.line_at(cut + max(d.start, d.end - 1))
                tid = self.r.uid(f"target:{self.r.stem}:{first}")
                self.r.objects_late.append(Target(
                    tid, plan.id, metric=d.metric, change=d.change, quantity=d.quantity, qualifier=d.qualifier,
                    direction=d.direction, baseline=d.baseline, deadline=d.deadline, text=d.text,
                    action_id=action.id if action else None, source=self.r.span(first, last)))
                self.r.ledger.object(first, last)

    def _taskforces(self, item: Item, plan: Plan, action: Action | None) -> None:
        from govplan.reading.taskforces import find_taskforces

        para = item_paragraph(item)
        for d in find_taskforces(para.text, action.name if action else None):
            first, last = para.line_at(d.start), para.line_at(max(d.start, d.end - 1))
            posts = [post_unit(p) for p in (d.convener, *d.deputies) if p]
            self.r.units.add_list(self.jurisdiction, list(d.members), Role.MEMBER)
            for n in [d.office, *posts]:
                if n:
                    self.r.units.add_list(self.jurisdiction, [n])
            tid = self.r.uid(f"taskforce:{self.r.stem}:{first}")
            self.r.pending_taskforces.append(PendingTaskForce(
                tid, plan.id, action.id if action else None, self.jurisdiction, d, first, last))
            self.r.ledger.object(first, last)

    # -- tables --------------------------------------------------------------------------------
    def _table(self, table: Any, plan: Plan, action: Action | None, year: int | None) -> None:
        self.tables_done.add(table.start_line)
        led = self.r.ledger
        led.boilerplate(table.start_line, table.end_line, why="table")
        # a task cell over one measure is that measure's title; over several, the task's
        measures = Counter((row.group, row.task_label) for row in table.rows)
        for row in table.rows:
            heading = row.task_label if measures[(row.group, row.task_label)] == 1 else None
            lead, support = cell_units(row.lead, row.support)
            deadline, deadline_text = _row_deadline(row, year)
            tid = self.r.uid(f"task:{self.r.stem}:{row.line}")
            parts = []
            if row.lead:
                parts.append(f"牵头单位：{row.lead}")
            if row.support:
                parts.append(f"责任单位：{row.support}")
            self.r.pending_tasks.append(PendingTask(
                tid, plan.id, action.id if action else None, None, self.jurisdiction, row.line,
                max(row.line, row.end_line), row.text or "", row.title or _heading_title(heading),
                tuple(row.path), lead, support,
                "；".join(parts) or None, deadline, deadline_text))
            self.r.units.add_list(self.jurisdiction, lead, Role.LEAD)
            self.r.units.add_list(self.jurisdiction, support, Role.SUPPORT)
            led.object(row.line, max(row.line, row.end_line))

    def tables_outside_plans(self, tables: Sequence[Any]) -> None:
        """Task tables in the document but outside every plan: an implicit task list."""
        for t in tables:
            if t.start_line in self.tables_done or not (self.block.start <= t.start_line <= self.block.end):
                continue
            if not t.rows:
                self.r.ledger.boilerplate(t.start_line, t.end_line, why="table without tasks")
                self.tables_done.add(t.start_line)
                continue
            title = re.sub(r"^关于(?:印发)?|的(?:通知|通告)$", "", self.doc.title or "") or "任务清单"
            plan = Plan(id=self.r.uid(f"plan:{self.r.stem}:{t.start_line}"), document_id=self.doc.id,
                        title=title, kind=PlanKind.TASK_LIST, year=self.year,
                        parent_id=self.overall.id if self.overall else None,
                        source=self.r.span(t.start_line, t.end_line))
            self.r.objects.append(plan)
            self.r.objects_by_id[plan.id] = plan
            self._table(t, plan, None, self.year)



def _lift_enumerations(items: list[Item], drafts: dict[int, TaskDraft | None], year: int | None) -> None:
    """``1. 总述。①甲；②乙。（X牵头）``: the annotation after the last clause of an enumeration
    is the whole item's, so the task is the parent's, text and clauses included.  So is an
    annotation on a line of its own after the last sub-item when no sub-item has one."""
    for parent in items:
        kids = parent.children
        if len(kids) < 2 or drafts.get(id(parent)) or parent.marker is None:
            continue
        if not drafts.get(id(kids[-1])) or any(drafts.get(id(k)) or k.children for k in kids[:-1]):
            continue
        closing = drafts[id(kids[-1])]
        enumerated = all(item_paragraph(k).text.rstrip().endswith(("；", ";", "，", ",")) for k in kids[:-1])
        if not enumerated and not (closing is not None and closes_apart(kids[-1], closing)):
            continue
        merged = Item(parent.marker, [*parent.paragraphs, *(p for k in kids for p in k.paragraphs)],
                      parent=parent.parent, section=parent.section)
        draft = draft_task(merged, year)
        if draft is not None:
            drafts[id(parent)] = attrs.evolve(draft, item=parent)
            drafts[id(kids[-1])] = None


def _bounds(lines: Sequence[int]) -> tuple[int, int]:
    return min(lines), max(lines)


def _heading_title(label: str | None) -> str | None:
    """A table's task cell as the title of its measures, when it is a short heading
    (``开展隐患专项排查整治``, ``1. 深化改革。``) rather than prose."""
    if not label:
        return None
    s = re.sub(r"^\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[.．、]\s*", "", label).strip().rstrip("。")
    # a space inside a Chinese heading is the trace of a cell cut by the conversion: no title
    return s if 0 < len(s) <= 30 and not re.search(r"[。；;，,\s]", s) else None


def _under_task(item: Item, task_of: dict[int, str]) -> bool:
    node = item.parent
    while node is not None:
        if id(node) in task_of:
            return True
        node = node.parent
    return False


def _row_deadline(row: Any, year: int | None) -> tuple[Period | None, str | None]:
    from govplan.reading.deadlines import find_deadline, parse_deadline_field

    if row.deadline:
        found = parse_deadline_field(row.deadline, year)
        return (found.period, found.text) if found else (None, None)
    found = find_deadline(row.text or "", year)
    return (found.period, found.text) if found else (None, None)
