"""Reading one published file into a :class:`~govplan.PlanGraph`, traceably.

The steps, each in its own module: decode the lines (:mod:`.text`), take out task-list
tables (:mod:`.tables`), split the file into issued documents and their plans
(:mod:`.documents`), arrange each plan's paragraphs into numbered items
(:mod:`.structure`), read the responsibility annotations that make items tasks
(:mod:`.annotations`, :mod:`.items`), targets in goal sections and task forces in
mechanism sections, resolve the unit names per jurisdiction, and keep a ledger of
what became of every line (:mod:`.ledger`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from govplan.errors import DocumentReadError, GovplanError, StrictModeError
from govplan.graph import PlanGraph
from govplan.model import Action, Diagnostic, Document, DocumentKind, Reference, Severity, SourceSpan
from govplan.reading.documents import DocBlock, PlanBlock, split_documents
from govplan.reading.ledger import Ledger
from govplan.reading.lines import Line
from govplan.reading.text import Paragraph, clean_line, compact, is_page_residue, load_source

__all__ = ["read_file", "read_lines"]

_REFERENCE = re.compile(
    r"《(?P<title>[^《》]{2,120})》\s*[（(]\s*(?P<number>[\u4e00-\u9fa5]{1,16}\s*[〔\[【（(﹝［]\s*(?:19|20)\d{2}\s*[〕\]】）)﹞］]\s*\d{1,4}\s*号)\s*[)）]"
)
_TITLE_ONLY = re.compile(r"《(?P<title>[^《》]{2,120})》")
_PLAN_TITLE = re.compile(r"(?:方案|计划|规划|意见|要点|通知|措施)$")
_IMPLEMENTING = re.compile(r"根据|按照|依据|落实|贯彻|结合")
_ACTION_SUFFIX = re.compile(r"(?:重点工作任务清单|工作任务清单|任务清单|实施方案|工作方案|行动方案|推进方案|方案|计划|清单)$")


def read_file(path: str, *, strict: bool = False) -> PlanGraph:
    """Read the document file at *path*; see :func:`govplan.load`."""
    lines, reported = load_source(path)
    return read_lines(lines, path, strict=strict, reported=reported)


def read_lines(lines: Sequence[Line], path: str, *, strict: bool = False,
               reported: Iterable[object] = ()) -> PlanGraph:
    """Read already decoded *lines* of the file *path*.

    *reported* holds diagnostics from decoding (damaged bytes…), kept with the graph's.
    """
    reader = _FileReader(path, lines)
    for d in reported:
        if isinstance(d, Diagnostic):
            reader.diagnostics.append(d)
    try:
        graph = reader.read()
    except GovplanError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
        raise DocumentReadError(f"could not read document: {type(exc).__name__}: {exc}", path) from exc
    if strict:
        serious = [d for d in graph.diagnostics() if d.severity is not Severity.INFO]
        if serious:
            raise StrictModeError(tuple(serious))
    return graph


class _FileReader:
    def __init__(self, path: str, lines: Sequence[Line]) -> None:
        self.path = path
        self.stem = Path(path).stem
        self.lines = list(lines)
        self.text = {ln.number: clean_line(ln.text) for ln in self.lines}
        if any("**" in ln.text for ln in self.lines):
            from govplan.reading.bold import number_bold_items

            self.text.update(number_bold_items(self.lines))
        self._numbers = [ln.number for ln in self.lines]
        self.ledger = Ledger(path, self.lines)
        self.diagnostics: list[Diagnostic] = []
        self.objects: list[Any] = []
        self.objects_late: list[Any] = []  # targets: added after the tasks
        self.objects_by_id: dict[str, Any] = {}
        self.action_ids: dict[str, Action] = {}
        self.cited: dict[str, Document] = {}
        self.pending_tasks: list[Any] = []
        self.pending_taskforces: list[Any] = []
        self._ids: dict[str, int] = {}
        from govplan.reading.resolve import UnitBook

        self.units = UnitBook()

    # -- helpers ------------------------------------------------------------------------------
    def diag(self, line: int, code: str, message: str, text: str | None = None,
             severity: Severity = Severity.WARNING) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, code, message, severity, text))
        if severity is not Severity.INFO:  # an informational note explains no line
            self.ledger.diagnosed(line)

    def uid(self, base: str) -> str:
        n = self._ids.get(base, 0)
        self._ids[base] = n + 1
        return base if n == 0 else f"{base}:{n + 1}"

    def span(self, first: int, last: int | None = None) -> SourceSpan:
        return SourceSpan(self.path, first, max(first, last if last is not None else first))

    def cite(self, ref: Reference) -> None:
        """A document known because a plan cites it (unified with the real one by number)."""
        if not ref.doc_number:
            return
        doc_id = "doc:" + compact(ref.doc_number)
        if doc_id not in self.cited:
            self.cited[doc_id] = Document(doc_id, title=ref.title, doc_number=ref.doc_number,
                                          kind=DocumentKind.CITED)

    def lines_between(self, first: int, last: int, skip: set[int] | frozenset[int]) -> list[Line]:
        """Cleaned lines *first*..*last*, without those in *skip*."""
        a = bisect.bisect_left(self._numbers, first)
        b = bisect.bisect_right(self._numbers, last)
        return [Line(n, self.text[n]) for n in self._numbers[a:b] if n not in skip]

    # -- reading ------------------------------------------------------------------------------
    def read(self) -> PlanGraph:
        graph = PlanGraph()
        if not any(self.text.values()):
            self.diag(1, "empty-document", "the file holds no text", severity=Severity.INFO)
            graph.add_diagnostics(self.diagnostics)
            graph.add_coverage(self.ledger.coverage())
            return graph
        for ln in self.lines:
            t = self.text[ln.number]
            if (t and is_page_residue(t)) or (not t and ln.text.strip()):
                self.ledger.boilerplate(ln.number, why="page residue")
        tables = self._tables()
        skip = frozenset(n for t in tables for n in t.consumed)
        task_tables = frozenset(t.start_line for t in tables if t.rows)
        cleaned = [Line(ln.number, self.text[ln.number]) for ln in self.lines]
        blocks = split_documents(cleaned, skip, task_tables, cleaned=True)
        for block in blocks:
            self._read_document(block, tables, skip)
        if not any(isinstance(o, Document) for o in self.objects):
            self.diag(1, "no-document", "no issued document or plan was recognised in the file",
                      severity=Severity.INFO)
        from govplan.reading.resolve import build_taskforces, build_tasks

        real = {o.id for o in self.objects if isinstance(o, Document)}
        objects = [*self.objects, *(d for i, d in self.cited.items() if i not in real),
                   *build_tasks(self), *self.objects_late, *build_taskforces(self)]
        for obj in objects:
            graph.add(obj)
        graph.add_diagnostics(self.diagnostics)
        graph.add_coverage(self.ledger.coverage())
        return graph

    def _tables(self) -> list[Any]:
        try:
            from govplan.reading.tables import find_tables
        except ImportError:  # pragma: no cover
            return []
        try:
            tables = find_tables(self.lines, self.path, None)
        except GovplanError:
            raise
        except Exception as exc:  # noqa: BLE001 - a table bug must not lose the text tasks
            self.diag(1, "table-reader-failed", f"tables could not be read: {type(exc).__name__}: {exc}")
            return []
        for t in tables:
            for d in t.diagnostics:
                if d.severity is not Severity.INFO:
                    self.diagnostics.append(d)
                    self.ledger.diagnosed(d.line)
                else:
                    self.diagnostics.append(d)
        return tables

    def _read_document(self, block: DocBlock, tables: list[Any], skip: frozenset[int]) -> None:
        led = self.ledger
        led.boilerplate_lines(block.header_lines, why="document header")
        led.boilerplate_lines(block.boilerplate, why="document boilerplate")
        if block.notice_body:
            led.boilerplate(*block.notice_body, why="notice body")
        plans = block.plans
        if not plans:
            self._unplanned_tasks(block, skip)
        if not plans and block.doc_number is None and block.title is None:
            return
        if not plans and block.title and "印发" in block.title and block.title_line is not None:
            self.diag(block.title_line, "plan-not-found",
                      "the notice issues a plan, but no plan title was found after it", block.title)
        doc = self._document(block)
        self.objects.append(doc)
        from govplan.reading.assemble import PlanAssembler

        assembler = PlanAssembler(self, block, doc)
        assembler.declare_actions(plans)
        for p in plans:
            assembler.read_plan(p, tables, skip)
        assembler.tables_outside_plans(tables)
        self._rest_of_block(block, plans)

    def _unplanned_tasks(self, block: DocBlock, skip: frozenset[int]) -> None:
        # Numbered items that name their lead units are tasks; with no plan built around
        # them they would be lost without a word, so say so and leave them unexplained.
        from govplan.reading.annotations import find_annotations
        from govplan.reading.responsibility import ROLE_HINT
        from govplan.reading.structure import parse_marker

        found: list[int] = []
        for ln in self.lines_between(block.start, block.end, skip):
            t = ln.text.strip(" \t\u3000")
            if len(t) > 2000 or not ROLE_HINT.search(t) or parse_marker(t) is None:
                continue
            if find_annotations(t)[0]:
                found.append(ln.number)
        if not found:
            return
        for n in found[1:]:
            self.ledger.diagnosed(n)
        self.diag(found[0], "tasks-without-plan",
                  f"{len(found)} numbered item(s) name responsible units, but no plan was recognised to hold them",
                  self.text.get(found[0]))

    def _document(self, block: DocBlock) -> Document:
        kind = {"plan_notice": DocumentKind.PLAN_NOTICE, "notice": DocumentKind.NOTICE,
                "plan": DocumentKind.PLAN}.get(block.kind, DocumentKind.OTHER)
        first = block.number_line or block.title_line or (block.plans[0].title_line if block.plans else block.start)
        if block.doc_number:
            doc_id = "doc:" + compact(block.doc_number)
        else:
            doc_id = self.uid(f"doc:{self.stem}:{first}")
        header = [n for n in block.header_lines if n >= first] or [first]
        title = block.title
        if kind is DocumentKind.PLAN and block.plans:
            title = block.plans[0].title
            first = block.plans[0].title_line
        if block.doc_number is None and block.title is None and block.plans:
            kind = DocumentKind.PLAN
        return Document(
            id=doc_id, title=title, doc_number=block.doc_number, issuer=block.issuer, date=block.date,
            jurisdiction=block.jurisdiction, kind=kind, source=self.span(first, max(header)),
        )

    def _rest_of_block(self, block: DocBlock, plans: Sequence[PlanBlock]) -> None:
        # Lines before the first plan and after the header: the notice's body and attachments.
        first_plan = min((p.header_line or p.title_line for p in plans), default=block.end + 1)
        for n in range(block.start, first_plan):
            t = self.text.get(n)
            if t and not self.ledger.is_marked(n):
                self.ledger.boilerplate(n, why="notice")


def cited_documents(paras: Iterable[Paragraph]) -> list[Reference]:
    """The upper-level documents a plan's preamble says it implements.

    ``根据《…》（某政办发〔2023〕2号）`` gives title and number; a plan named without its
    number after 根据 / 按照 / 落实 / 贯彻 (``根据《某省实施方案》要求``) gives the title alone.

    >>> from govplan.reading.text import Paragraph
    >>> p = Paragraph.of([(1, "根据《某省实施方案》（某政办发〔2024〕5号）和《某市实施方案》要求，结合实际")])
    >>> [(r.title, r.doc_number) for r in cited_documents([p])]
    [('某省实施方案', '某政办发〔2024〕5号'), ('某市实施方案', None)]
    """
    out: list[Reference] = []
    for p in paras:
        numbered = {m.start(): m for m in _REFERENCE.finditer(p.text)}
        for m in _TITLE_ONLY.finditer(p.text):
            if m.start() in numbered:
                n = numbered[m.start()]
                out.append(Reference(title=n.group("title"), doc_number=compact(n.group("number"))))
            elif _PLAN_TITLE.search(m.group("title")) and _IMPLEMENTING.search(p.text[max(0, m.start() - 40):m.start()]):
                out.append(Reference(title=m.group("title")))
    return out


def action_name(title: str, jurisdiction: str | None) -> str | None:
    """The action an attachment plan serves, from its title.

    >>> action_name("青山区项目攻坚行动实施方案", "青山区"), action_name("打好招商引资攻坚战工作方案", None)
    ('项目攻坚行动', '打好招商引资攻坚战')
    """
    s = re.sub(r"[“”\"《》]", "", compact(title))
    if jurisdiction and s.startswith(jurisdiction):
        s = s[len(jurisdiction):]
    s = re.sub(r"^(?:[\u4e00-\u9fa5]{1,6}?(?:区|县|市))(?=实施|打好|推进|开展|深入)", "", s)
    s = re.sub(r"^(?:19|20)\d\d年度?", "", s)
    s = re.sub(r"^(?:关于)?(?:实施|推进|开展|深入实施|大力实施)(?=.{4})", "", s)
    s = _ACTION_SUFFIX.sub("", s)
    s = re.sub(r"(?:重点工作|工作|重点)$", "", s)
    return s if len(s) >= 3 else None

