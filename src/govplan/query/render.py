"""Records rendered: aligned text tables for terminals, HTML for notebooks, CSV, DataFrames.

Chinese characters take two columns in a terminal; tables measure text by its
east-asian width so columns line up.

>>> print(text_table([{"单位": "区发改局", "n": 3}, {"单位": "区财政局（金融办）", "n": 12}], ["单位", "n"]))
单位                 n
------------------  --
区发改局             3
区财政局（金融办）  12
"""

from __future__ import annotations

import csv
import html
import unicodedata
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from govplan.errors import MissingDependencyError

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, unused-ignore]

__all__ = [
    "MissingDependencyError",
    "cell",
    "display_width",
    "html_table",
    "text_table",
    "to_dataframe",
    "truncate",
    "truncate_start",
    "write_csv",
]

LIST_SEPARATOR = "、"


def cell(value: Any) -> str:
    """A record value as one line of text: lists joined with 、, None empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    text = str(value)
    if any(c in text for c in "\r\n\t\x0b\x0c"):
        text = " ".join(text.split())
    return text


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns *text* takes in a terminal (CJK characters take two).

    >>> display_width("区发改局"), display_width("abc"), display_width("（一）")
    (8, 3, 6)
    """
    if text.isascii():
        return len(text)
    return sum(_char_width(c) for c in text)


def truncate(text: str, width: int) -> str:
    """*text* cut to at most *width* columns, ending in … when cut.

    >>> truncate("推进重大项目建设", 9)
    '推进重大…'
    """
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = _char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def truncate_start(text: str, width: int) -> str:
    """*text* cut from the start to at most *width* columns (a path keeps its file and line).

    >>> truncate_start("a/long/path/plan.txt:54", 12)
    '…plan.txt:54'
    """
    if display_width(text) <= width:
        return text
    out: list[str] = []
    used = 0
    for ch in reversed(text):
        w = _char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "…" + "".join(reversed(out))


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def text_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], width: int | None = None,
               max_column: int = 60, weights: dict[str, float] | None = None,
               cut_start: Sequence[str] = ()) -> str:
    """*rows* as an aligned table of *columns*, at most *width* columns wide when given.

    Numbers are right-aligned; columns wider than *max_column* are cut with …, and so,
    to fit *width*, are the widest ones (a column of weight 2 keeps twice the room).
    Columns in *cut_start* lose their start rather than their end.
    """
    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    numeric = [all(isinstance(r.get(c), (int, float)) and not isinstance(r.get(c), bool)
                   for r in rows if r.get(c) is not None) and any(r.get(c) is not None for r in rows)
               for c in columns]
    widths = [min(max_column, max([display_width(c)] + [display_width(row[i]) for row in cells]))
              for i, c in enumerate(columns)]
    if width is not None:
        heads = [display_width(c) for c in columns]
        weight = [max(0.1, (weights or {}).get(c, 1.0)) for c in columns]
        # A short column (a path, a date, a count) keeps its width; long ones give way.
        floor = [max(heads[k], min(widths[k], 12)) for k in range(len(widths))]
        while sum(widths) + 2 * (len(widths) - 1) > width:
            i = max((k for k in range(len(widths)) if widths[k] > floor[k]),
                    key=lambda k: widths[k] / weight[k], default=None)
            if i is None:
                break
            widths[i] -= 1
    lines = ["  ".join(_pad(truncate(h, w), w, num) for h, w, num in zip(columns, widths, numeric)).rstrip(),
             "  ".join("-" * w for w in widths)]
    cutters = [truncate_start if c in cut_start else truncate for c in columns]
    for row in cells:
        lines.append("  ".join(_pad(cut(v, w), w, num)
                               for v, w, num, cut in zip(row, widths, numeric, cutters)).rstrip())
    return "\n".join(lines)


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str], columns: Sequence[str] | None = None) -> None:
    """Write *rows* as CSV (a header, lists joined with 、) to the text file *out*."""
    rows = list(rows)
    if columns is None:
        columns = list(rows[0]) if rows else []
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([cell(r.get(c)) for c in columns])


def html_table(rows: Sequence[dict[str, Any]], total: int | None = None, noun: str = "rows",
               title: str = "") -> str:
    """*rows* as an HTML table with a caption saying how many there are in all.

    >>> html = html_table([{"text": "<b>"}], total=1, noun="tasks")
    >>> html[:33], html[-50:]
    ('<table><caption>1 tasks</caption>', '<tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>')
    """
    columns = list(rows[0]) if rows else []
    total = len(rows) if total is None else total
    caption = f"{total} {noun}"
    if title and title != "all":
        caption += f": {title}"
    if total > len(rows):
        caption += f" (first {len(rows)} shown)"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell(r.get(c)))}</td>" for c in columns) + "</tr>" for r in rows
    )
    return (f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def to_dataframe(rows: Sequence[dict[str, Any]], kind: type | None = None) -> pandas.DataFrame:
    """*rows* as a pandas DataFrame (columns in record order even when there are no rows)."""
    try:
        import pandas  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        raise MissingDependencyError(
            "to_dataframe() needs pandas, an optional extra: pip install 'govplan[pandas]'"
        ) from None
    from govplan.query.records import COLUMNS

    columns = list(rows[0]) if rows else list(COLUMNS.get(kind, ())) if kind is not None else []
    return pandas.DataFrame.from_records(list(rows), columns=columns)
