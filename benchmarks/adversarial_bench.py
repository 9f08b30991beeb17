"""Reading time against input size for adversarial inputs: it must grow linearly.

Each family is an input no plan looks like but a hostile or broken file might: a
megabyte of unmatched brackets, one 1 MB line, 100,000 short lines, web pages of
unclosed tags, Word files of endless paragraphs.  For sizes doubling up to
``--max-size`` the whole reading pipeline (format detection, decoding, the reader)
is timed, and the slope of log(time) against log(size) is reported: about 1 is
linear, 2 is quadratic.

    .venv/bin/python benchmarks/adversarial_bench.py                 # all families, up to 1 MB
    .venv/bin/python benchmarks/adversarial_bench.py --max-size 256000 --family html
    .venv/bin/python benchmarks/adversarial_bench.py --json results.json

``tests/robustness/test_linear_time.py`` runs the same families at small sizes.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import sys
import time
import zipfile
from collections.abc import Callable
from typing import Any

Maker = Callable[[int], bytes]

_GENRE = ["一、", "（一）", "1.", "（1）", "牵头", "负责", "区财政局", "、", "，", "。", "（", "）", "2024年6月底前",
          "附件", "工作专班", "增长8%", "\t", "[", "]", "【", "〔"]


def _text(make: Callable[[int], str]) -> Maker:
    return lambda n: make(n).encode("utf-8")


def _repeat(unit: str) -> Maker:
    return _text(lambda n: unit * max(1, n // len(unit.encode("utf-8"))))


def _random(alphabet: list[str] | str, seed: int = 7) -> Maker:
    def make(n: int) -> str:
        rng = random.Random(seed)
        out, size = [], 0
        while size < n:
            piece = rng.choice(alphabet)
            out.append(piece)
            size += len(piece.encode("utf-8"))
        return "".join(out)

    return _text(make)


def _random_lines(seed: int = 11) -> Maker:
    def make(n: int) -> str:
        rng = random.Random(seed)
        out, size = [], 0
        while size < n:
            line = "".join(rng.choice(_GENRE) for _ in range(rng.randint(0, 3))) + "\n"
            out.append(line)
            size += len(line.encode("utf-8"))
        return "".join(out)

    return _text(make)


def _page(body: Callable[[int], str]) -> Maker:
    return _text(lambda n: "<!DOCTYPE html><html><body>" + body(n))


_DOCX_TEMPLATE: bytes | None = None


def _docx(body: Callable[[int], str]) -> Maker:
    """A .docx whose body XML is generated directly (python-docx would take minutes to build these)."""

    def make(n: int) -> bytes:
        global _DOCX_TEMPLATE
        if _DOCX_TEMPLATE is None:
            import docx

            out = io.BytesIO()
            docx.Document().save(out)
            _DOCX_TEMPLATE = out.getvalue()
        ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>{body(n)}</w:body></w:document>'
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(_DOCX_TEMPLATE)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = xml.encode("utf-8") if item.filename == "word/document.xml" else src.read(item.filename)
                dst.writestr(item, data)
        return out.getvalue()

    return make


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


#: name -> (format suffix, maker of an input of about n bytes, size used by the test suite)
FAMILIES: dict[str, tuple[str, Maker, int]] = {
    "txt/unmatched-open-brackets": (".txt", _repeat("（"), 60_000),
    "txt/mixed-unmatched-brackets": (".txt", _random(list("（(〔【[《“<")), 60_000),
    "txt/one-long-line": (".txt", _repeat("推进项目建设，完善配套设施，"), 60_000),
    "txt/unclosed-annotation": (".txt", _text(lambda n: "1.推进改革。（区发改局牵头" + "、区财政局" * (n // 15)), 60_000),
    "txt/nested-brackets": (".txt", _text(lambda n: "1.推进。" + "（" * (n // 6) + "区财政局牵头" + "）" * (n // 6)), 60_000),
    "txt/short-item-lines": (".txt", _repeat("1.\n"), 40_000),
    "txt/short-heading-lines": (".txt", _repeat("（一）甲\n"), 40_000),
    "txt/short-genre-lines": (".txt", _random_lines(), 40_000),
    "txt/tab-table-rows": (".txt", _text(lambda n: "工作任务\t牵头单位\t完成时限\n" + "1.推进\t区财政局\t2024年6月\n" * (n // 40)),
                           40_000),
    "txt/one-wide-tab-row": (".txt", _text(lambda n: "工作任务\t牵头单位\n" + "区财政局\t" * (n // 13)), 60_000),
    "txt/blank-lines": (".txt", _repeat("\n"), 100_000),
    "html/unclosed-tags": (".html", _page(lambda n: "<a" * (n // 2)), 60_000),
    "html/unclosed-quotes": (".html", _page(lambda n: '<a "x>"' * (n // 7)), 60_000),
    "html/unclosed-comments": (".html", _page(lambda n: "<!--" * (n // 4)), 60_000),
    "html/open-divs": (".html", _page(lambda n: "<div>" * (n // 5)), 60_000),
    "html/cells-without-table": (".html", _page(lambda n: "<td>甲" * (n // 7)), 40_000),
    "html/paragraphs": (".html", _page(lambda n: "<p>1.</p>" * (n // 9)), 40_000),
    "html/table-rows": (".html", _page(lambda n: "<table>" + "<tr><td>1.推进</td><td>区财政局</td></tr>" * (n // 45)),
                        40_000),
    "docx/short-paragraphs": (".docx", _docx(lambda n: _paragraph("1.") * (n // 40)), 80_000),
    "docx/one-long-paragraph": (".docx", _docx(lambda n: _paragraph("推进项目建设，" * (n // 21))), 80_000),
    "docx/table-rows": (".docx", _docx(lambda n: "<w:tbl>" + (
        "<w:tr><w:tc>" + _paragraph("1.推进") + "</w:tc><w:tc>" + _paragraph("区财政局") + "</w:tc></w:tr>") * (n // 120)
        + "</w:tbl>"), 80_000),
}


def read_once(data: bytes, suffix: str) -> float:
    """Seconds to read *data* as a file with *suffix*, through the whole pipeline; errors count as done."""
    from govplan import GovplanError
    from govplan.reading.reader import read_lines
    from govplan.reading.sniff import read_source_bytes

    name = "adversarial" + suffix
    start = time.perf_counter()
    try:
        source = read_source_bytes(data, name)
        read_lines(source.lines, name)
    except GovplanError:
        pass
    return time.perf_counter() - start


def slope(sizes: list[int], times: list[float]) -> float:
    """Least-squares slope of log(time) against log(size): ~1 linear, ~2 quadratic."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-4)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else float("nan")


def run(max_size: int, min_size: int, family: str | None, repeat: int) -> list[dict[str, Any]]:
    results = []
    sizes = []
    size = min_size
    while size <= max_size:
        sizes.append(size)
        size *= 2
    print(f"{'family':32}" + "".join(f"{s // 1000:>8}K" for s in sizes) + "   slope", flush=True)
    for name, (suffix, make, _) in FAMILIES.items():
        if family and family not in name:
            continue
        times = []
        for n in sizes:
            data = make(n)
            times.append(min(read_once(data, suffix) for _ in range(repeat)))
        s = slope(sizes, times)
        results.append({"family": name, "sizes": sizes, "seconds": times, "slope": s})
        print(f"{name:32}" + "".join(f"{t:9.3f}" for t in times) + f"   {s:5.2f}", flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-size", type=int, default=1_024_000, help="largest input in bytes (default 1 MB)")
    parser.add_argument("--min-size", type=int, default=64_000, help="smallest input in bytes")
    parser.add_argument("--family", help="only families whose name contains this (txt, html, docx, brackets…)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest counts")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args(argv)
    results = run(args.max_size, args.min_size, args.family, args.repeat)
    worst = max(results, key=lambda r: r["slope"]) if results else None
    if worst:
        print(f"\nsteepest: {worst['family']} slope {worst['slope']:.2f} (1 = linear, 2 = quadratic)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=2)
    return 0 if not worst or worst["slope"] < 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
