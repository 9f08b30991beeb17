"""Test helpers: one document as text lines, as a .docx and as a web page; and a graph's content.

A run of tab-separated lines becomes a real table in the .docx and the page, as a
task-list table is in those formats; every other non-blank line is a paragraph.
"""

from __future__ import annotations

import html
import io
from typing import Any

from govplan import PlanGraph


def _blocks(lines: list[str]) -> list[tuple[str, Any]]:
    """('p', text) and ('table', rows) in order; a blank line ends a table."""
    blocks: list[tuple[str, Any]] = []
    for line in lines:
        if "\t" in line:
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(line.split("\t"))
            else:
                blocks.append(("table", [line.split("\t")]))
        elif line.strip():
            blocks.append(("p", line))
        elif blocks and blocks[-1][0] == "table":
            blocks.append(("gap", None))
    return [b for b in blocks if b[0] != "gap"]


def lines_to_docx(lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for kind, value in _blocks(lines):
        if kind == "p":
            document.add_paragraph(value)
        else:
            width = max(len(row) for row in value)
            table = document.add_table(rows=len(value), cols=width)
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    if cell:
                        table.cell(r, c).text = cell
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def lines_to_html(lines: list[str], *, chrome: bool = True) -> str:
    """A page as sites publish it: navigation and footer around a ``#zoom`` article body."""
    body = []
    for kind, value in _blocks(lines):
        if kind == "p":
            body.append(f"<p>{html.escape(value).replace(' ', '&nbsp;')}</p>")
        else:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in value)
            body.append(f'<table border="1">{rows}</table>')
    article = '<div id="zoom" class="TRS_Editor">\n' + "\n".join(body) + "\n</div>"
    if not chrome:
        return f"<!DOCTYPE html><html><body>{article}</body></html>"
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府网站</title>'
            "<script>var nav = '<p>脚本</p>';</script></head><body>"
            '<div class="nav"><a href="/">首页</a> <a href="/zw">政务公开</a></div>'
            '<div class="position">当前位置：首页 &gt; 通知公告</div>'
            f"{article}"
            '<div class="share">分享到：</div><div class="footer">主办单位：某某区人民政府办公室</div></body></html>')


def _names(units: Any) -> tuple[str, ...]:
    return tuple(u.name for u in units)


def signature(graph: PlanGraph) -> dict[str, Any]:
    """What a graph says, without ids or line numbers (which differ between formats)."""
    plans = {p.id: p.title for p in graph.plans()}
    actions = {a.id: a.name for a in graph.actions()}
    tasks = {t.id: t for t in graph.tasks()}
    return {
        "documents": [(d.title, d.doc_number, d.issuer, d.date, d.jurisdiction, d.kind) for d in graph.documents()],
        "plans": [(p.title, p.kind, p.attachment, p.year, actions.get(p.action_id or ""), plans.get(p.parent_id or ""))
                  for p in graph.plans()],
        "actions": sorted(actions.values()),
        "tasks": [(plans.get(t.plan_id), t.path, t.title, t.text, _names(t.lead), _names(t.support), t.deadline,
                   t.responsibility, tasks[t.parent_id].path if t.parent_id in tasks else None,
                   actions.get(t.action_id or "")) for t in graph.tasks()],
        "targets": [(plans.get(t.plan_id), t.metric, t.change, t.quantity, t.qualifier, t.deadline)
                    for t in graph.targets()],
        "taskforces": [(plans.get(f.plan_id), f.name, f.convener.label if f.convener else None,
                        _names(f.members), f.office.name if f.office else None) for f in graph.taskforces()],
        "units": sorted((u.name, u.jurisdiction) for u in graph.units()),
    }
