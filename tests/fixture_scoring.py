"""A small scorer for the fixture documents, used when the shared scorer is not at hand.

It asks the same questions of a graph as ``../shared/tools/score.py`` - which tasks,
targets, task forces and documents were read, who leads and supports, what is due when -
and compares the answers with a gold file (format: ``../shared/gold/FORMAT.md``).  It is
simpler: an item matches a gold item when its source lines cover the gold line, and
F1 is computed per question.  :func:`score_file` returns a dict of metric -> (p, r, f)
or None, plus ``deadline_acc``, the shape the shared scorer returns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

Score = tuple[float, float, float] | None

_WIDTH = str.maketrans("（）【】〔〕，；：", "()[][],;:")


def _plain(text: str | None) -> str:
    return re.sub(r"[\s*\u3000]", "", text or "").translate(_WIDTH)


def _f1(hits: int, predicted: int, wanted: int) -> Score:
    if predicted == 0 and wanted == 0:
        return None
    p = hits / predicted if predicted else 0.0
    r = hits / wanted if wanted else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _lines(obj: Any) -> tuple[int, int]:
    first = int(obj.source.line)
    return first, max(first, int(obj.source.end_line or first))


def _month_end(period: str | None) -> str | None:
    """The month a normalised period ends in (``2024-Q2`` -> ``2024-06``)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-\d\d)?|-Q([1-4])|-H([12]))?", period or "")
    if not m:
        return None
    year, month, quarter, half = m.groups()
    last = int(month) if month else int(quarter) * 3 if quarter else int(half) * 6 if half else 12
    return f"{year}-{last:02d}"


def _pair(gold: Sequence[dict], found: Sequence[Any], opening: Callable[[Any], str] | None = None) -> dict[int, int]:
    """gold index -> found index: the closest unused found item whose lines cover the gold line."""
    taken: set[int] = set()
    out: dict[int, int] = {}
    spans = [_lines(x) for x in found]
    for gi, g in enumerate(gold):
        near = [fi for fi, (a, b) in enumerate(spans) if a <= g["line"] <= b and fi not in taken]
        if not near and opening is not None and g.get("text_start"):
            words = _plain(g["text_start"])[:8]
            near = [fi for fi, x in enumerate(found)
                    if fi not in taken and words in _plain(opening(x)) and abs(spans[fi][0] - g["line"]) <= 40]
        if near:
            best = min(near, key=lambda fi: (abs(spans[fi][0] - g["line"]), spans[fi][1] - spans[fi][0]))
            out[gi] = best
            taken.add(best)
    return out


def _role_score(gold_tasks: Sequence[dict], field: str, ask: Callable[[str], Iterable[Any]],
                to_gold: Callable[[Any], object], aliases: Sequence[Sequence[str]]) -> Score:
    groups = [set(a) for a in aliases]
    hits = predicted = wanted = 0
    done: list[set[str]] = []
    for name in sorted({u for t in gold_tasks for u in t.get(field, [])}):
        group = next((g for g in groups if name in g), {name})
        if group in done:
            continue
        done.append(group)
        want = {i for i, t in enumerate(gold_tasks) if group & set(t.get(field, []))}
        for query in sorted(group):
            got = {to_gold(t) for t in ask(query)}
            hits += len(want & got)
            predicted += len(got)
            wanted += len(want)
    return _f1(hits, predicted, wanted)


def score_file(gold: dict, document: Path, govplan: Any) -> dict:
    """Scores of reading *document* with *govplan* against *gold*."""
    g = govplan.load(str(document))
    out: dict[str, Any] = {"source": gold["source"]}
    want_docs = {_plain(d["doc_number"]) for d in gold.get("documents", []) if d.get("doc_number")}
    got_docs = {_plain(d.doc_number) for d in g.documents() if d.doc_number}
    out["documents"] = _f1(len(want_docs & got_docs), len(got_docs), len(want_docs))

    gold_tasks = gold.get("tasks", [])
    tasks = list(g.tasks())
    pairs = _pair(gold_tasks, tasks, opening=lambda t: t.text)
    index = {id(t): i for i, t in enumerate(tasks)}
    back = {fi: gi for gi, fi in pairs.items()}
    # extra tasks on the single line of a matched gold task are parts of it (one per annotation)
    one_line = {t["line"]: gi for gi, t in enumerate(gold_tasks)
                if sum(1 for u in gold_tasks if u["line"] == t["line"]) == 1}
    for fi, t in enumerate(tasks):
        a, b = _lines(t)
        if fi not in back and a == b and one_line.get(a) in pairs:
            back[fi] = one_line[a]
    n_found = len(set(back.values())) + sum(1 for fi in range(len(tasks)) if fi not in back)
    out["tasks"] = _f1(len(pairs), n_found, len(gold_tasks))

    def to_gold(t: Any) -> object:
        fi = index.get(id(t))
        return back.get(fi, ("extra", fi)) if fi is not None else ("foreign", id(t))

    aliases = gold.get("aliases", [])
    out["lead"] = _role_score(gold_tasks, "lead", lambda n: g.tasks(led_by=n), to_gold, aliases)
    out["support"] = _role_score(gold_tasks, "support", lambda n: g.tasks(supported_by=n), to_gold, aliases)
    right = sum(1 for gi, fi in pairs.items()
                if (gold_tasks[gi].get("deadline") or None) == (str(tasks[fi].deadline) if tasks[fi].deadline else None))
    out["deadline_acc"] = right / len(gold_tasks) if gold_tasks else 1.0
    months = sorted({m for m in (_month_end(t.get("deadline")) for t in gold_tasks) if m})
    hits = predicted = wanted = 0
    for month in months:
        want = {i for i, t in enumerate(gold_tasks) if _month_end(t.get("deadline")) == month}
        got = {to_gold(t) for t in g.tasks(due=month)}
        hits, predicted, wanted = hits + len(want & got), predicted + len(got), wanted + len(want)
    out["due_query"] = _f1(hits, predicted, wanted)

    gold_targets = gold.get("targets", [])
    targets = list(g.targets())
    matched: dict[int, int] = {}
    for gi, t in enumerate(gold_targets):
        for fi, x in enumerate(targets):
            a, b = _lines(x)
            if fi not in matched.values() and a <= t["line"] <= b and x.value is not None \
                    and abs(float(x.value) - float(t["value"])) < 1e-6:
                matched[gi] = fi
                break
    out["targets"] = _f1(len(matched), len(targets), len(gold_targets))
    t_back = {fi: gi for gi, fi in matched.items()}
    t_index = {id(x): i for i, x in enumerate(targets)}
    hits = predicted = wanted = 0
    for month in sorted({m for m in (_month_end(t.get("deadline")) for t in gold_targets) if m}):
        want = {i for i, t in enumerate(gold_targets) if _month_end(t.get("deadline")) == month}
        got = {t_back.get(t_index.get(id(x)), ("extra", id(x))) for x in g.targets(due=month)}
        hits, predicted, wanted = hits + len(want & got), predicted + len(got), wanted + len(want)
    out["target_due"] = _f1(hits, predicted, wanted)

    gold_forces = gold.get("taskforces", [])
    forces = list(g.taskforces())
    f_pairs = _pair(gold_forces, forces)
    out["taskforces"] = _f1(len(f_pairs), len(forces), len(gold_forces))
    hits = predicted = 0
    for gi, fi in f_pairs.items():
        want = {_plain(m) for m in gold_forces[gi].get("members", [])}
        got = {_plain(getattr(m, "name", m)) for m in forces[fi].members}
        hits, predicted = hits + len(want & got), predicted + len(got)
    out["tf_members"] = _f1(hits, predicted, sum(len(t.get("members", [])) for t in gold_forces))
    return out
