"""The ``govplan`` command: read plans, ask questions, list units, statistics, diagnostics.

Exit codes: 0 success; 1 nothing found (a query with no results, ``diagnostics``
with something to report); 2 bad usage or a bad query; 3 an input could not be
read; 70 a bug in govplan (rerun with ``--debug`` for the traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import traceback
from collections.abc import Sequence
from typing import IO, Any

from govplan.errors import (
    DocumentReadError,
    GovplanError,
    QuerySyntaxError,
    SerializationError,
    UnknownUnitError,
)

__all__ = ["EXIT_BUG", "EXIT_EMPTY", "EXIT_INPUT", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_EMPTY = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_BUG = 70

_DESCRIPTION = """\
Read Chinese local-government action plans (总体方案, 实施方案) into a graph of
documents, plans, tasks, units, deadlines, targets and task forces, and ask it questions.

SOURCES are plan documents (.txt, .docx, .html) or graphs saved by `govplan read -o`."""

_EXAMPLES = """\
examples:
  govplan read plan.txt -o graph.json             read a plan once, save the graph
  govplan query graph.json "lead:区发改局 due:2024-12"
  govplan query plan.txt "unit:区财政局 -due:none sort:deadline" --format csv > tasks.csv
  govplan query graph.json "find:targets metric:社会消费品零售总额" --format json
  govplan units graph.json --sort lead             who leads most
  govplan stats a.txt b.txt                        counts per document
  govplan diagnostics plan.txt                     what the reader could not place
  govplan coverage plan.txt                        how much of each file was accounted for

exit codes: 0 ok · 1 nothing found · 2 bad usage or query · 3 unreadable input · 70 bug"""


def _query_epilog() -> str:
    from govplan.query import FIELDS

    width = max(len(f.name) for f in FIELDS) + 1
    lines = ["query language: terms separated by spaces, all of which must hold.",
             "  field:value  filter    field:a,b  either value    -field:value  not",
             "  a bare word searches the text; quote values with spaces: \"…\" or “…”.",
             "", "fields:"]
    for f in FIELDS:
        also = f" (also {', '.join(f.aliases)})" if f.aliases else ""
        lines.append(f"  {f.name + ':':<{width}} {f.help}{also}")
        lines.append(f"  {'':<{width}} e.g. {f.example}   [{', '.join(f.kinds)}]")
    return "\n".join(lines) + "\n\n" + _EXAMPLES


def _parser() -> argparse.ArgumentParser:
    from govplan import __version__

    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog="govplan", description=_DESCRIPTION, epilog=_EXAMPLES, formatter_class=raw)
    parser.add_argument("--version", action="version", version=f"govplan {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback when govplan fails")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def output_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--format", "-f", choices=("table", "json", "csv"), default="table",
                       help="table (aligned for a terminal, the default), json or csv")
        p.add_argument("--width", type=int, default=None,
                       help="table width in columns (default: the terminal's; 0 for no limit)")

    p = sub.add_parser("read", help="read documents and save the graph as JSON", formatter_class=raw,
                       description="Read plan documents into one graph; write its JSON form.",
                       epilog="examples:\n  govplan read plan.txt -o graph.json\n  govplan read *.txt > all.json\n"
                              "  govplan read plan.txt -o plan.graphml      for Gephi")
    p.add_argument("files", nargs="+", metavar="FILES", help="plan documents (or saved graphs) to read")
    p.add_argument("-o", "--output", help="write the graph here (default: standard output); "
                   "a name ending in .graphml writes GraphML for Gephi instead of JSON")
    p.add_argument("--strict", action="store_true", help="fail on content the reader does not understand")
    p.add_argument("--indent", type=int, default=None, help="indent the JSON by this many spaces")

    p = sub.add_parser("query", help="find tasks, targets or task forces", formatter_class=raw,
                       description="Ask a question in govplan's query language (see below).",
                       epilog=_query_epilog())
    p.add_argument("sources", nargs="+", metavar="SOURCES", help="documents or saved graphs")
    p.add_argument("query", metavar="QUERY", help='e.g. "lead:区发改局 due:2024-12"')
    p.add_argument("--columns", help="comma-separated columns to show (default: a readable few)")
    output_options(p)

    p = sub.add_parser("units", help="list units with their aliases and task counts", formatter_class=raw,
                       description="Every unit named in the sources, with how many tasks it leads and supports.",
                       epilog="examples:\n  govplan units graph.json --sort lead\n"
                              "  govplan units a.txt b.txt --jurisdiction 青山区 --format csv")
    p.add_argument("sources", nargs="+", metavar="SOURCES")
    p.add_argument("--jurisdiction", help="only units of this jurisdiction")
    p.add_argument("--sort", choices=("source", "lead", "support", "name"), default="source",
                   help="order: as read (default), most tasks led, most supported, or by name")
    output_options(p)

    p = sub.add_parser("stats", help="counts of everything read, per document", formatter_class=raw,
                       description="How many documents, plans, tasks, targets, task forces and units were read.",
                       epilog="example:\n  govplan stats plan.txt other.txt")
    p.add_argument("sources", nargs="+", metavar="SOURCES")
    output_options(p)

    p = sub.add_parser("diagnostics", help="what the reader saw but could not place", formatter_class=raw,
                       description="Diagnostics with file and line; exit code 1 when there are any.",
                       epilog="example:\n  govplan diagnostics plan.txt --format csv")
    p.add_argument("files", nargs="+", metavar="FILES")
    p.add_argument("--severity", choices=("info", "warning", "error"), default="info",
                   help="show this severity and above (default: all)")
    output_options(p)

    p = sub.add_parser("coverage", help="how much of each file the reader accounted for", formatter_class=raw,
                       description="Per file: non-blank lines in objects, boilerplate, diagnosed, unexplained.",
                       epilog="example:\n  govplan coverage a.txt b.txt")
    p.add_argument("files", nargs="+", metavar="FILES")
    output_options(p)
    return parser


# -- output -----------------------------------------------------------------------------------------
def _width(args: argparse.Namespace, out: IO[str]) -> int | None:
    if args.width is not None:
        return None if args.width <= 0 else args.width
    isatty = getattr(out, "isatty", None)
    if isatty is not None and isatty():
        return shutil.get_terminal_size((120, 24)).columns
    return None


def _emit(args: argparse.Namespace, rows: list[dict[str, Any]], columns: Sequence[str], out: IO[str],
          noun: str = "") -> None:
    from govplan.query.render import text_table, write_csv

    if args.format == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        write_csv(rows, out, columns)
    else:
        if rows:
            shown = [_short_source(r) for r in rows] if "source" in columns else rows
            out.write(text_table(shown, columns, width=_width(args, out), weights=_WEIGHTS,
                                 cut_start=("source", "path")) + "\n")
        if noun:
            out.write(f"({_count(len(rows), noun)})\n")


# When a table must shrink to fit the terminal, the text keeps more of its room.
_WEIGHTS = {"text": 3.0, "name": 2.0, "metric": 2.0, "message": 3.0, "members": 1.5, "source": 2.0}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun[:-1] if n == 1 and noun.endswith('s') else noun}"


def _short_source(row: dict[str, Any]) -> dict[str, Any]:
    # A terminal has no room for directories: file name and line say where.
    source = row.get("source")
    if not source:
        return row
    return {**row, "source": os.path.basename(source)}


def _load(sources: Sequence[str], strict: bool = False) -> Any:
    import govplan

    return govplan.load(list(sources), strict=strict)


# -- commands ---------------------------------------------------------------------------------------
def _cmd_read(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    import govplan

    graph = _load(args.files, strict=args.strict)
    if args.output and args.output.lower().endswith(".graphml"):
        from govplan.io.graphml import write_graphml

        try:
            write_graphml(graph, args.output)
        except OSError as exc:
            raise DocumentReadError(f"cannot write: {exc.strerror or exc}", args.output) from None
        err.write(f"read {len(args.files)} file(s): {_summary(graph)}; GraphML written to {args.output}\n")
        return EXIT_OK
    text = govplan.dumps(graph, indent=args.indent)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
        except OSError as exc:
            raise DocumentReadError(f"cannot write: {exc.strerror or exc}", args.output) from None
    else:
        out.write(text + "\n")
    err.write(f"read {len(args.files)} file(s): {_summary(graph)}\n")
    return EXIT_OK


def _summary(graph: Any) -> str:
    parts = [f"{len(graph.documents())} documents", f"{len(graph.plans())} plans", f"{len(graph.tasks())} tasks",
             f"{len(graph.targets())} targets", f"{len(graph.taskforces())} task forces",
             f"{len(graph.units())} units", f"{len(graph.diagnostics())} diagnostics"]
    return ", ".join(parts)


_DEFAULT_COLUMNS = {
    "tasks": ("path", "text", "lead", "support", "deadline", "source"),
    "targets": ("metric", "value", "unit", "qualifier", "deadline", "text", "source"),
    "taskforces": ("name", "convener", "members", "office", "source"),
}


def _cmd_query(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from govplan.query import COLUMNS, parse

    parsed = parse(args.query)  # before loading anything: a typo should fail fast
    graph = _load(args.sources)
    for name in dict.fromkeys(parsed.unit_names()):
        if not graph.units_named(name):
            try:
                graph.unit(name)
            except UnknownUnitError as exc:
                err.write(f"govplan: warning: {exc}\n")
            except GovplanError:
                pass
    query = parsed.apply(graph)
    rows = query.records()
    known = COLUMNS[query.kind]
    if args.columns:
        columns = [c.strip() for c in args.columns.split(",") if c.strip()]
        bad = [c for c in columns if c not in known]
        if bad:
            err.write(f"govplan: unknown column {', '.join(bad)}; columns are {', '.join(known)}\n")
            return EXIT_USAGE
    else:
        columns = list(_DEFAULT_COLUMNS[parsed.kind])
        if len({r.get("jurisdiction") for r in rows}) > 1:
            columns.insert(-1, "jurisdiction")
    if args.format == "json" and args.columns:
        rows = [{c: r.get(c) for c in columns} for r in rows]
    _emit(args, rows, columns, out, query.noun)
    return EXIT_OK if rows else EXIT_EMPTY


def _cmd_units(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from govplan.model import Role
    from govplan.query.records import record

    graph = _load(args.sources)
    index = graph._index.tasks_by_unit
    units = graph.units()
    if args.jurisdiction:
        units = [u for u in units if u.jurisdiction == args.jurisdiction]
    rows = []
    for u in units:
        row = record(graph, u)
        row["lead"] = len(index[Role.LEAD].get(u.id, ()))
        row["support"] = len(index[Role.SUPPORT].get(u.id, ()))
        row["taskforces"] = len(graph.taskforces().involving(u))
        rows.append(row)
    if args.sort == "lead":
        rows.sort(key=lambda r: (-r["lead"], -r["support"]))
    elif args.sort == "support":
        rows.sort(key=lambda r: (-r["support"], -r["lead"]))
    elif args.sort == "name":
        rows.sort(key=lambda r: r["name"])
    columns = ["name", "aliases", "jurisdiction", "kind", "lead", "support", "taskforces"]
    if args.format == "json":
        rows = [{"id": r["id"], **{c: r[c] for c in columns}} for r in rows]
    _emit(args, rows, columns, out, "units")
    return EXIT_OK if rows else EXIT_EMPTY


def _cmd_stats(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from govplan.query.render import text_table

    graph = _load(args.sources)
    tasks = graph.tasks()
    totals = {
        "documents": len(graph.documents()), "plans": len(graph.plans()), "actions": len(graph.actions()),
        "tasks": len(tasks), "tasks with a lead unit": len(tasks.has("lead")),
        "tasks with a deadline": len(tasks.with_deadline()), "ongoing tasks": len(tasks.ongoing()),
        "tasks without deadline": len(tasks.no_deadline()), "targets": len(graph.targets()),
        "task forces": len(graph.taskforces()), "units": len(graph.units()),
        "diagnostics": len(graph.diagnostics()),
    }
    per_doc = []
    for doc in graph.documents():
        q = graph.tasks().in_document(doc)
        per_doc.append({"document": doc.doc_number or doc.title or doc.id, "jurisdiction": doc.jurisdiction,
                        "plans": len(graph.plans(doc)), "tasks": len(q),
                        "targets": len(graph.targets().in_document(doc)),
                        "task forces": len(graph.taskforces().in_document(doc))})
    if args.format == "json":
        json.dump({"totals": totals, "documents": per_doc}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        from govplan.query.render import write_csv

        write_csv(per_doc, out, ["document", "jurisdiction", "plans", "tasks", "targets", "task forces"])
    else:
        width = _width(args, out)
        out.write(text_table([{"read": k, "count": v} for k, v in totals.items()], ["read", "count"], width) + "\n")
        if per_doc:
            out.write("\n" + text_table(per_doc, list(per_doc[0]), width) + "\n")
    return EXIT_OK


def _cmd_diagnostics(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from govplan.query.records import record

    graph = _load(args.files)
    order = ("info", "warning", "error")
    floor = order.index(args.severity)
    rows = [record(graph, d) for d in graph.diagnostics() if order.index(d.severity.value) >= floor]
    _emit(args, rows, ["path", "line", "severity", "code", "message"], out, "diagnostics")
    return EXIT_EMPTY if rows else EXIT_OK


def _cmd_coverage(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from govplan.query.records import record

    graph = _load(args.files)
    rows = [record(graph, c) for c in graph.coverage()]
    columns = ["path", "nonblank", "in_objects", "boilerplate", "diagnosed", "unexplained_count", "ratio"]
    if args.format != "json":
        for r in rows:
            r["unexplained"] = " ".join(r["unexplained"])
        columns.append("unexplained")
    _emit(args, rows, columns, out, "files")
    return EXIT_OK if rows else EXIT_EMPTY


_COMMANDS = {"read": _cmd_read, "query": _cmd_query, "units": _cmd_units, "stats": _cmd_stats,
             "diagnostics": _cmd_diagnostics, "coverage": _cmd_coverage}


def main(argv: Sequence[str] | None = None, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """Run the ``govplan`` command with *argv* (default: ``sys.argv[1:]``); return the exit code."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    parser = _parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its message (or --help)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(out)
        return EXIT_USAGE
    try:
        return _COMMANDS[args.command](args, out, err)
    except QuerySyntaxError as exc:
        err.write(f"govplan: bad query: {exc}\n")
        return EXIT_USAGE
    except (DocumentReadError, SerializationError) as exc:
        err.write(f"govplan: {exc}\n")
        return EXIT_INPUT
    except GovplanError as exc:
        err.write(f"govplan: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader of our output went away (| head): not an error.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep Python's final flush quiet
        except OSError:
            pass
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no bare tracebacks for users
        if args.debug:
            traceback.print_exc(file=err)
        err.write(f"govplan: internal error: {type(exc).__name__}: {exc}\n"
                  "  this is a bug in govplan; rerun with --debug for the traceback and report it\n")
        return EXIT_BUG


if __name__ == "__main__":
    raise SystemExit(main())
