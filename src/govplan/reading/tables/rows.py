"""Reading the rows of a task-list table into one record per measure.

Rules, each about the genre rather than any one document:

* a row may hold several measures ``(38) … (39) …``: each is a task with the row's cells;
* a row whose task cell is empty continues the task above; a task label lower than the
  current one is a stale repeat (a merged cell printed again) and is read past;
* a row holding only a task heading and cells (no measure) lends its cells to the measure
  row below when that row's cells are empty, else it is a task of its own;
* rows holding only unit/deadline cells after a row of several measures give those
  measures their own cells, in order (surplus measures share the last set);
* a task label printed in the measure column, where the table normally prints it in the
  task column, is a vertically centred merged cell: the unlabelled rows just above it, on
  the same page and under the same group, belong to it;
* a row with an empty lead cell but a filled supporting cell is shifted one column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from govplan.model import Diagnostic, Severity
from govplan.reading.tables.cells import (
    clean_cell,
    find_group_label,
    find_task_labels,
    first_sentence_title,
    is_blank,
    squeeze,
)
from govplan.reading.tables.grid import Grid
from govplan.reading.tables.measures import CIRCLE, DOT, PAREN, Heading, parse_heading, split_measures
from govplan.reading.tables.model import Role, TableTask

__all__ = ["read_tasks"]

_CHINESE_SERIAL = re.compile(r"[（(]?[一二三四五六七八九十]{1,3}[)）、.．]?")


@attrs.define
class _Entry:
    line: int
    end_line: int
    page: int
    measures: list[tuple[str | None, str]]
    sets: list[tuple[str, str, str]]
    group: str | None
    group_text: str | None
    task: tuple[int | None, str | None, str | None]  # number, label, heading text
    serial: str | None
    own_label: bool
    label_only: bool = False
    merged: bool = False


def read_tasks(grid: Grid, path: str) -> tuple[list[TableTask], list[Diagnostic]]:
    """The measures of a table with responsibility columns, and what could not be placed."""
    return _Reader(grid, path).run()


def _cells_of(roles: Sequence[Role], cells: Sequence[str], role: Role) -> str:
    return "、".join(c for r, c in zip(roles, cells) if r is role and not is_blank(c))


def _first_of(roles: Sequence[Role], cells: Sequence[str], role: Role) -> str:
    for r, c in zip(roles, cells):
        if r is role:
            return c
    return ""



class _Reader:
    def __init__(self, grid: Grid, path: str) -> None:
        self.grid = grid
        self.path = path
        self.roles = [c.role for c in grid.columns]
        self.diagnostics: list[Diagnostic] = []
        self.entries: list[_Entry] = []
        self.style = self._measure_style()
        self.labels_in_label_column = self._labels_live_in_label_column()
        self.group_rows = False  # groups printed as rows of their own, above their tasks
        self.present = tuple(r in self.roles for r in (Role.LEAD, Role.SUPPORT, Role.DEADLINE))

    # -- table-wide decisions ------------------------------------------------------------

    def _texts(self) -> list[str]:
        return [clean_cell(_first_of(self.roles, r.cells, Role.TEXT)) for r in self.grid.rows]

    def _measure_style(self) -> str | None:
        texts = [t for t in self._texts() if t]
        if not texts:
            return None
        need = max(1, len(texts) * 3 // 10)
        if sum(1 for t in texts if PAREN.search(t)) >= need:
            return "paren"
        if sum(1 for t in texts if CIRCLE.match(t)) >= need:
            return "circle"
        label_has_numbers = any(
            find_task_labels(clean_cell(_first_of(self.roles, r.cells, Role.LABEL))) for r in self.grid.rows
        )
        if not label_has_numbers and sum(1 for t in texts if DOT.match(t)) >= need:
            return "dot"
        return None

    def _labels_live_in_label_column(self) -> bool:
        if Role.LABEL not in self.roles:
            return False
        in_label = sum(
            1 for r in self.grid.rows if find_task_labels(clean_cell(_first_of(self.roles, r.cells, Role.LABEL)))
        )
        in_text = 0
        for t in self._texts():
            prefix, _ = split_measures(t, self.style) if self.style else ("", [])
            if find_task_labels(prefix):
                in_text += 1
        return in_label > in_text

    # -- the pass over the rows ----------------------------------------------------------

    def run(self) -> tuple[list[TableTask], list[Diagnostic]]:
        group: str | None = None
        group_text: dict[str, str] = {}
        group_changed = False
        task: tuple[int | None, str | None, str | None] = (None, None, None)
        pending: _Entry | None = None
        last_row_entry: _Entry | None = None  # the entry made from the row just before

        for row in self.grid.rows:
            cells = row.cells
            label_cell = _first_of(self.roles, cells, Role.LABEL)
            text_cell = _first_of(self.roles, cells, Role.TEXT)
            serial = clean_cell(_first_of(self.roles, cells, Role.SERIAL)) or None
            own = self._own_set(cells, row.line)

            h0 = parse_heading(label_cell) if not is_blank(label_cell) else Heading()
            prefix, measures = split_measures(text_cell, self.style)
            h1 = parse_heading(prefix) if prefix and self.style else Heading(rest=prefix)
            # a task named without any number (深化国企改革) in the task column
            named = h0.rest if not (h0.tasks or h0.group or h0.unnumbered) else ""

            if h1.rest and not measures:
                measures = [(None, h1.rest)]  # a measure whose label was not printed
            elif h1.rest and len(h1.rest) <= 40 and not (h1.tasks or h1.unnumbered):
                h1.unnumbered = h1.rest  # a short heading before the measures: the task's title
            elif h1.rest:
                measures.insert(0, (None, h1.rest))
                self._diag(row.line, "table-row-shape", "text before the first measure label read as a measure",
                           severity=Severity.INFO)
            if h0.rest and (h0.tasks or h0.group):
                self._diag(row.line, "table-row-unread", f"text before the task heading read past: {h0.rest[:40]}",
                           severity=Severity.INFO)

            if not any(own) and pending is None and not (h0.tasks or h1.tasks):
                heading = self._group_row(serial, label_cell, text_cell)
                if heading is not None:
                    key, name = heading
                    group_changed = group_changed or key != group
                    group = key
                    group_text.setdefault(key, f"（{key}）{name}")
                    self.group_rows = True
                    last_row_entry = None
                    continue

            has_heading = bool(h0.tasks or h1.tasks or h0.unnumbered or h1.unnumbered or named)
            if not measures and not has_heading and not h0.group and not h1.group and not serial:
                if any(own):
                    if last_row_entry is not None and not last_row_entry.label_only:
                        last_row_entry.sets.append(own)
                        last_row_entry.end_line = max(last_row_entry.end_line, row.end_line)
                        continue
                    self._diag(row.line, "table-orphan-cells", "unit or deadline cells with no measure to go with",
                               " | ".join(cells))
                elif not is_blank(label_cell):
                    self._diag(row.line, "table-row-unread", "a row that fits no column pattern", " | ".join(cells))
                last_row_entry = None
                continue

            # group
            for hd in (h0, h1):
                if hd.group is not None:
                    if hd.group != group:
                        group_changed = True
                    group = hd.group
                    if hd.group_text and group not in group_text:
                        group_text[group] = f"（{group}）{hd.group_text}"

            # task label
            chosen: tuple[int, str, str, bool] | None = None
            for hd, from_text in ((h1, True), (h0, False)):
                for num, lab, body in hd.tasks:
                    if task[0] is None or group_changed or num >= task[0]:
                        if chosen is None:
                            chosen = (num, lab, body, from_text)
                    else:
                        self._diag(row.line, "table-stale-label", f"task label {lab} after {task[0]}. read past",
                                   severity=Severity.INFO)
            own_label = False
            if chosen is not None:
                num, lab, body, from_text = chosen
                task = (num, lab, f"{lab} {body}".strip())
                own_label = True
                group_changed = False
            elif (h0.unnumbered or h1.unnumbered) and (task[2] or "").endswith(h0.unnumbered or h1.unnumbered or ""):
                own_label = True  # the current task's heading printed again
                from_text = False
            elif h0.unnumbered or h1.unnumbered:
                title = h0.unnumbered or h1.unnumbered
                guess = task[0] + 1 if task[0] is not None else None
                task = (guess, f"{guess}." if guess is not None else None, title)
                own_label = True
                group_changed = False
                from_text = False
                self._diag(row.line, "table-inferred-label",
                           f"task heading printed without its number; read as {task[1] or 'unnumbered'}",
                           severity=Severity.INFO)
            elif named:
                if named != task[2]:
                    task = (None, None, named)
                own_label = True
                group_changed = False
                from_text = False
            else:
                from_text = False

            entry = _Entry(
                line=row.line, end_line=row.end_line, page=row.page, measures=measures, sets=[own],
                group=group, group_text=group_text.get(group) if group else None, task=task,
                serial=serial, own_label=own_label,
            )

            if from_text and self.labels_in_label_column:
                self._pull_back(entry)

            if not measures:
                # a heading row: its cells may belong to the measure row below
                if pending is not None:
                    self._flush_pending(pending)
                entry.label_only = True
                pending = entry
                self.entries.append(entry)
                last_row_entry = None
                continue

            if pending is not None:
                if any(not cell for cell, here in zip(own, self.present) if here):
                    theirs = pending.sets[0]
                    entry.sets = [(own[0] or theirs[0], own[1] or theirs[1], own[2] or theirs[2])]
                    entry.own_label = True
                    pending.merged = True
                    self._diag(entry.line, "table-row-shape",
                               f"cells completed from the heading row at line {pending.line}", severity=Severity.INFO)
                else:
                    self._flush_pending(pending)
                pending = None
            elif not any(own) and last_row_entry is not None and last_row_entry.task == task:
                entry.sets = [last_row_entry.sets[-1]]
                self._diag(entry.line, "table-row-shape", "row without unit cells: read under the cells above")
            elif self._continues_above(entry, own, last_row_entry, task):
                # a vertically merged time cell, printed in its first row only
                entry.sets = [(own[0], own[1], last_row_entry.sets[-1][2])]  # type: ignore[union-attr]
                self._diag(entry.line, "table-row-shape", "empty time cell in a continuation row: the time above",
                           severity=Severity.INFO)

            self.entries.append(entry)
            last_row_entry = entry

        if pending is not None:
            self._flush_pending(pending)
        if not self.group_rows:
            self._settle_groups()
        return self._emit(), self.diagnostics

    # -- pieces --------------------------------------------------------------------------

    def _own_set(self, cells: Sequence[str], line: int) -> tuple[str, str, str]:
        lead = _cells_of(self.roles, cells, Role.LEAD)
        support = _cells_of(self.roles, cells, Role.SUPPORT)
        deadline = _cells_of(self.roles, cells, Role.DEADLINE)
        if Role.LEAD in self.roles and Role.SUPPORT in self.roles and not lead and support:
            self._diag(line, "table-row-shape", "lead cell empty, supporting cell filled: read as the lead")
            lead, support = support, ""
        return lead, support, deadline

    def _continues_above(self, entry: _Entry, own: tuple[str, str, str], above: _Entry | None,
                         task: tuple[int | None, str | None, str | None]) -> bool:
        """Whether *entry* is a continuation row (no 序号, no task label of its own, units of
        its own) under a numbered row, with an empty time cell in a table that has one."""
        if above is None or above.task != task or entry.own_label or entry.serial:
            return False
        if Role.SERIAL not in self.roles or Role.DEADLINE not in self.roles:
            return False  # without a 序号 column no row shows where a task begins
        return bool((own[0] or own[1]) and not own[2] and above.sets[-1][2])

    @staticmethod
    def _group_row(serial: str | None, label_cell: str, text_cell: str) -> tuple[str, str] | None:
        """A row spanning the table that names a group (``一 | 招商引资行动``, ``（二）项目攻坚``)
        and carries no cells: numeral and name, or None."""
        text = clean_cell(label_cell) or clean_cell(text_cell)
        if serial and _CHINESE_SERIAL.fullmatch(squeeze(serial)) and text and len(text) <= 40:
            return squeeze(serial).strip("（()）、.．"), text
        g = find_group_label(text)
        if g is not None and g[1] == 0 and len(text) <= 40 and "。" not in text[:-1]:
            return g[0], text[g[2] :].strip()
        return None

    def _flush_pending(self, pending: _Entry) -> None:
        if any(pending.sets[0]) and not pending.merged:
            self._diag(pending.line, "table-heading-task", "a task heading row with its own cells and no measure",
                       severity=Severity.INFO)

    def _pull_back(self, entry: _Entry) -> None:
        moved = 0
        for prev in reversed(self.entries):
            if prev.own_label or prev.label_only or prev.page != entry.page:
                break
            if prev.group not in (None, entry.group):
                break
            prev.task = entry.task
            prev.group = entry.group
            prev.group_text = entry.group_text
            moved += 1
        if moved:
            self._diag(entry.line, "table-label-centred",
                       f"task label printed in the measure column; {moved} row(s) above read under it",
                       severity=Severity.INFO)

    def _settle_groups(self) -> None:
        """Group labels are vertically centred too: a task's rows share the group printed
        last among them, and rows before the first group label take that label."""
        k = 0
        while k < len(self.entries):
            j = k
            while j + 1 < len(self.entries) and self.entries[j + 1].task == self.entries[k].task:
                j += 1
            run = self.entries[k : j + 1]
            last = run[-1]
            if self.entries[k].task[1] is not None:
                for e in run:
                    e.group, e.group_text = last.group, last.group_text
            k = j + 1
        first = next((e for e in self.entries if e.group is not None), None)
        if first is not None:
            for e in self.entries:
                if e.group is not None:
                    break
                e.group, e.group_text = first.group, first.group_text

    def _emit(self) -> list[TableTask]:
        out: list[TableTask] = []
        for e in self.entries:
            num, lab, heading = e.task
            base: tuple[str, ...] = ()
            if e.group:
                base += (f"（{e.group}）",)
            if lab:
                base += (lab,)
            elif e.serial:
                base += (e.serial,)
            if e.label_only:
                if e.merged or not any(e.sets[0]):
                    continue
                lead, support, deadline = e.sets[0]
                text = re.sub(r"^\d{1,2}\s{0,3}[.．、]\s*", "", heading or "")
                out.append(TableTask(e.line, e.end_line, base, None, text, lead, support, deadline or None,
                                     e.group_text, heading))
                continue
            sets = e.sets
            if len(sets) > len(e.measures) and len(sets) > 1:
                extra = sets[len(e.measures) - 1 :]
                lead, support, deadline = ("、".join(dict.fromkeys(x for x in col if x)) for col in zip(*extra))
                sets = sets[: len(e.measures) - 1] + [(lead, support, deadline)]
                self._diag(e.line, "table-row-shape", "more unit rows than measures: the surplus joined to the last")
            elif len(sets) > 1:
                self._diag(e.line, "table-row-shape",
                           f"{len(e.measures)} measures, {len(sets)} unit rows: assigned in order", severity=Severity.INFO)
            for k, (mlabel, mtext) in enumerate(e.measures):
                lead, support, deadline = sets[min(k, len(sets) - 1)]
                title = first_sentence_title(mtext)
                mpath = base + ((mlabel,) if mlabel else ())
                out.append(TableTask(e.line, e.end_line, mpath, title, mtext, lead, support, deadline or None,
                                     e.group_text, heading))
        return out

    def _diag(self, line: int, code: str, message: str, text: str | None = None,
              severity: Severity = Severity.WARNING) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, code, message, severity, text[:200] if text else None))
