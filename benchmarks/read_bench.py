#!/usr/bin/env python3
"""Time reading the seed documents: the median of several runs, after import and a warm-up.

Usage (from the repository root)::

    .venv/bin/python benchmarks/read_bench.py [--runs 7] [--seeds ../shared/seeds]

Prints the median wall time for reading every seed once (the target is < 0.3 s), the
fastest run, and per-file medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import govplan

DEFAULT_SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = ap.parse_args(argv)
    files = sorted(args.seeds.glob("*.txt"))
    if not files:
        print(f"no seed documents in {args.seeds}")
        return 1
    for f in files:  # warm-up: imports, data files, regex compilation
        govplan.load(f)
    totals: list[float] = []
    cpu: list[float] = []
    per_file: dict[str, list[float]] = {f.name: [] for f in files}
    for _ in range(max(1, args.runs)):
        start, start_cpu = time.perf_counter(), time.process_time()
        for f in files:
            t0 = time.perf_counter()
            govplan.load(f)
            per_file[f.name].append(time.perf_counter() - t0)
        totals.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    median = statistics.median(totals)
    print(f"read {len(files)} seeds: median {median:.3f} s, best {min(totals):.3f} s over {len(totals)} runs"
          f" (target < 0.300 s); CPU time median {statistics.median(cpu):.3f} s")
    for name, times in per_file.items():
        print(f"  {name:34} {statistics.median(times) * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
