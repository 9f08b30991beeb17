"""govplan at national scale, side by side with pandas and SQLite on the same data.

Builds the synthetic corpus of ``national_corpus.py`` (2,800 jurisdictions × 30 units,
1,000,000 tasks with one lead and three supporting units, deadlines over 36 months),
then times, in one process:

* building the PlanGraph (time and resident memory);
* ``led_by(unit)`` in govplan, a pandas boolean filter and an indexed SQLite query;
* ``due(month)`` in govplan, SQLite, pandas and a plain Python scan of the tasks;
* materialising the networkx view (``graph.nx``), unless ``--no-nx``.

Every engine answers the same question with the same rows (checked on a sample).

    .venv/bin/pip install pandas          # the optional 'bench' extra
    .venv/bin/python benchmarks/national_bench.py                 # full scale, ~3 minutes
    .venv/bin/python benchmarks/national_bench.py --tasks 100000  # a quick run
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from national_corpus import FIRST_YEAR, MONTHS, corpus  # noqa: E402

import govplan  # noqa: E402
from govplan.graph.indexes import month_key  # noqa: E402


def rss_mb() -> float:
    """Resident memory of this process, in MiB (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], Any], reps: int) -> tuple[float, float, Any]:
    """p50 and p95 of *fn* over *reps* calls, in microseconds, and its last answer."""
    times = []
    out = None
    for _ in range(reps):
        t0 = time.perf_counter_ns()
        out = fn()
        times.append(time.perf_counter_ns() - t0)
    times.sort()
    return times[len(times) // 2] / 1000, times[min(len(times) - 1, int(len(times) * 0.95))] / 1000, out


def fmt_us(us: float) -> str:
    if us >= 1_000_000:
        return f"{us / 1_000_000:.2f} s"
    if us >= 1000:
        return f"{us / 1000:.2f} ms"
    return f"{us:.1f} µs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--places", type=int, default=2800)
    parser.add_argument("--units", type=int, default=30)
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--reps", type=int, default=2000, help="calls per point query (led_by)")
    parser.add_argument("--no-nx", action="store_true", help="skip materialising graph.nx")
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args(argv)
    places = min(args.places, max(1, args.tasks // 10))
    results: dict[str, Any] = {
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
        "places": places, "units_per_place": args.units, "tasks": args.tasks,
    }
    say = print

    # -- build -----------------------------------------------------------------------------------
    base = rss_mb()
    t0 = time.perf_counter()
    objects = list(corpus(places, args.units, args.tasks, args.seed))
    results["construct_s"] = time.perf_counter() - t0
    results["objects_mb"] = rss_mb() - base
    gc.collect()
    before = rss_mb()
    t0 = time.perf_counter()
    graph = govplan.PlanGraph(objects)
    results["build_s"] = time.perf_counter() - t0
    results["graph_extra_mb"] = rss_mb() - before
    results["graph_total_mb"] = rss_mb() - base
    del objects
    say(f"{graph}")
    say(f"objects constructed (attrs, validated): {results['construct_s']:.1f} s, {results['objects_mb']:.0f} MiB")
    say(f"PlanGraph built from them: {results['build_s']:.2f} s, +{results['graph_extra_mb']:.0f} MiB "
        f"(objects + graph: {results['graph_total_mb']:.0f} MiB)")

    tasks = graph.tasks().all()
    months = [(FIRST_YEAR + m // 12, m % 12 + 1) for m in range(MONTHS)]

    # -- the same data in pandas and SQLite -------------------------------------------------------
    import pandas as pd

    t0 = time.perf_counter()
    df = pd.DataFrame({
        "id": [t.id for t in tasks],
        "lead": [t.lead[0].id if t.lead else None for t in tasks],
        "end_month": [(k[0] * 12 + k[1]) if isinstance(k := month_key(t.deadline), tuple) else -1 for t in tasks],
    })
    results["pandas_build_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE task (ord INTEGER PRIMARY KEY, id TEXT, lead TEXT, end_month INTEGER)")
    db.executemany("INSERT INTO task VALUES (?, ?, ?, ?)", df.itertuples(index=True, name=None))
    # Covering indexes: the best SQLite can do for these two questions.
    db.execute("CREATE INDEX task_lead ON task (lead, id)")
    db.execute("CREATE INDEX task_month ON task (end_month, id)")
    db.commit()
    results["sqlite_build_s"] = time.perf_counter() - t0
    say(f"pandas DataFrame built in {results['pandas_build_s']:.1f} s; "
        f"SQLite (in memory, indexed) in {results['sqlite_build_s']:.1f} s")

    # -- led_by(unit) -------------------------------------------------------------------------------
    rng = random.Random(args.seed)
    units = graph.units()
    sample = [rng.choice(units) for _ in range(args.reps)]
    for u in sample[:50]:  # the three engines agree
        want = [t.id for t in graph.tasks().led_by(u)]
        assert want == list(df.loc[df["lead"] == u.id, "id"]), u
        assert want == [r[0] for r in db.execute("SELECT id FROM task WHERE lead = ? ORDER BY ord", (u.id,))]

    def cycle(fn: Callable[[Any], Any]) -> Callable[[], Any]:
        it = iter(sample * 3)
        return lambda: fn(next(it))

    lead = {}
    lead["govplan led_by(Unit)"] = timed(cycle(lambda u: list(graph.tasks().led_by(u))), args.reps)
    lead["govplan led_by(name, jurisdiction=)"] = timed(
        cycle(lambda u: list(graph.tasks().led_by(u.name, jurisdiction=u.jurisdiction))), args.reps)
    lead["govplan g.query('lead:… place:…')"] = timed(
        cycle(lambda u: list(graph.query(f"lead:{u.name} place:{u.jurisdiction}"))), args.reps // 4)
    lead["pandas df[df.lead == id]"] = timed(cycle(lambda u: df[df["lead"] == u.id]), max(20, args.reps // 20))
    lead["SQLite SELECT … WHERE lead = ?"] = timed(
        cycle(lambda u: db.execute("SELECT id FROM task WHERE lead = ?", (u.id,)).fetchall()), args.reps)
    results["led_by"] = {k: {"p50_us": v[0], "p95_us": v[1]} for k, v in lead.items()}
    avg = statistics.mean(len(graph.tasks().led_by(u)) for u in sample[:200])
    say(f"\nled_by(unit): {avg:.1f} tasks per unit on average")
    for k, (p50, p95, _) in lead.items():
        say(f"  {k:40s} p50 {fmt_us(p50):>10s}   p95 {fmt_us(p95):>10s}")

    # -- due(month) ------------------------------------------------------------------------------
    month_texts = [f"{y:04d}-{m:02d}" for y, m in months]
    for text, (y, m) in list(zip(month_texts, months))[:3]:
        want = [t.id for t in graph.tasks().due(text)]
        got = [r[0] for r in db.execute("SELECT id FROM task WHERE end_month = ? ORDER BY ord", (y * 12 + m,))]
        assert want == got

    def month_cycle(fn: Callable[[str, tuple[int, int]], Any]) -> Callable[[], Any]:
        it = iter(list(zip(month_texts, months)) * 50)
        return lambda: fn(*next(it))

    due = {}
    due["govplan due(month)"] = timed(month_cycle(lambda s, k: list(graph.tasks().due(s))), 72)
    due["govplan len(due(month))"] = timed(month_cycle(lambda s, k: len(graph.tasks().due(s))), 72)
    due["SQLite SELECT … WHERE end_month = ?"] = timed(
        month_cycle(lambda s, k: db.execute("SELECT id FROM task WHERE end_month = ?", (k[0] * 12 + k[1],)).fetchall()),
        36)
    due["pandas df[df.end_month == m]"] = timed(month_cycle(lambda s, k: df[df["end_month"] == k[0] * 12 + k[1]]), 36)
    due["Python scan of the tasks"] = timed(
        month_cycle(lambda s, k: [t for t in tasks if month_key(t.deadline) == k]), 6)
    results["due"] = {k: {"p50_us": v[0], "p95_us": v[1]} for k, v in due.items()}
    n_due = len(graph.tasks().due(month_texts[17]))
    results["due_rows"] = n_due
    say(f"\ndue(month): {n_due} tasks in {month_texts[17]}")
    for k, (p50, p95, _) in due.items():
        say(f"  {k:40s} p50 {fmt_us(p50):>10s}   p95 {fmt_us(p95):>10s}")

    # -- a few composite questions, for scale ----------------------------------------------------
    place = units[len(units) // 2].jurisdiction
    fgj = place[-1] + "发改局"  # 区发改局 in a 区, 县发改局 in a 县
    extra = {
        f"in_jurisdiction(j).led_by('{fgj}').due('2024')": lambda: list(
            graph.tasks().in_jurisdiction(place).led_by(fgj).due("2024")),
        "tasks per lead unit in one jurisdiction": lambda: graph.tasks().in_jurisdiction(place).count_by("lead"),
        "led_by('区发改局') nationally (every 区's)": lambda: list(graph.tasks().led_by("区发改局")),
        "due('2025'): a year, 12 months merged": lambda: list(graph.tasks().due("2025")),
        "len(due('2025'))": lambda: len(graph.tasks().due("2025")),
        "overdue as of 2025-01-01 (count)": lambda: len(graph.tasks().overdue("2025-01-01")),
        "rank_units(lead), whole graph": lambda: govplan.query.rank_units(graph, "lead", top=10),
    }
    results["composite"] = {}
    say("\nother questions")
    for k, fn in extra.items():
        p50, p95, out = timed(fn, 10 if "merged" in k or "nationally" in k else 20)
        results["composite"][k] = {"p50_us": p50}
        size = len(out) if hasattr(out, "__len__") else out
        say(f"  {k:50s} p50 {fmt_us(p50):>10s}   ({size})")

    # -- targets ---------------------------------------------------------------------------------
    gp_lead = lead["govplan led_by(Unit)"][0]
    checks = {
        "led_by p50 <= 10 µs": gp_lead <= 10,
        "led_by >= 30x faster than pandas": lead["pandas df[df.lead == id]"][0] / gp_lead >= 30,
        "led_by no slower than SQLite": gp_lead <= lead["SQLite SELECT … WHERE lead = ?"][0],
        "due >= 3x faster than SQLite": due["SQLite SELECT … WHERE end_month = ?"][0]
        / due["govplan due(month)"][0] >= 3,
        "due >= 100x faster than a scan": due["Python scan of the tasks"][0] / due["govplan due(month)"][0] >= 100,
        "build <= 10 s": results["build_s"] <= 10,
        "objects + graph <= 1.5 GB": results["graph_total_mb"] <= 1536,
    }
    say("\nratios: led_by vs pandas {:.0f}×, vs SQLite {:.1f}×; due vs SQLite {:.1f}×, vs scan {:.0f}×".format(
        lead["pandas df[df.lead == id]"][0] / gp_lead, lead["SQLite SELECT … WHERE lead = ?"][0] / gp_lead,
        due["SQLite SELECT … WHERE end_month = ?"][0] / due["govplan due(month)"][0],
        due["Python scan of the tasks"][0] / due["govplan due(month)"][0]))
    for k, ok in checks.items():
        say(f"  {'PASS' if ok else 'FAIL'}  {k}")
    results["checks"] = checks

    # -- networkx ----------------------------------------------------------------------------------
    del df, db
    gc.collect()
    if not args.no_nx:
        before = rss_mb()
        t0 = time.perf_counter()
        nxg = graph.nx
        results["nx_s"] = time.perf_counter() - t0
        results["nx_mb"] = rss_mb() - before
        results["nx_nodes"], results["nx_edges"] = nxg.number_of_nodes(), nxg.number_of_edges()
        say(f"\ngraph.nx materialised: {results['nx_nodes']} nodes, {results['nx_edges']} edges in "
            f"{results['nx_s']:.1f} s, +{results['nx_mb']:.0f} MiB")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, ensure_ascii=False, indent=2)
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
