"""The seed documents: every one loads, its lines are accounted for, and the gold files score well.

The seeds and the scorer live next to the repository in ``../shared``; without it these
tests are skipped.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

import govplan
from tests.conftest import shared_or_skip

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
SCORER = SHARED / "tools" / "score.py"



@pytest.fixture(autouse=True)
def _needs_seeds() -> None:
    shared_or_skip("seeds")

# The level each score reaches on the gold files (mean over the files with something to score).
LEVELS = {
    "documents": 0.97,
    "tasks": 0.97,
    "lead": 0.97,
    "support": 0.97,
    "due_query": 0.97,
    "targets": 0.97,
    "target_due": 0.97,
    "taskforces": 0.97,
    "tf_members": 0.97,
}


def _seeds() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("govplan_seed_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> list[dict]:
    shared_or_skip("tools", "score.py")
    shared_or_skip("gold")
    scorer = _scorer()
    out = []
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        out.append(scorer.score_file(gold, SEEDS / gold["source"], govplan))
    return out


@pytest.mark.parametrize("seed", _seeds(), ids=lambda p: p.stem)
def test_seed_loads_and_is_accounted_for(seed: Path) -> None:
    g = govplan.load(seed)
    assert g.documents() and g.plans() and g.tasks()
    [cov] = g.coverage()
    assert cov.path == str(seed)
    assert cov.nonblank > 100 and len(cov.unexplained) <= max(2, cov.nonblank // 100)
    assert cov.accounted == cov.in_objects + cov.boilerplate + cov.diagnosed
    # few and real: every diagnostic names a line of the file
    warnings = [d for d in g.diagnostics() if d.severity is not govplan.Severity.INFO]
    assert len(warnings) <= 3
    assert all(1 <= d.line <= cov.nonblank * 3 for d in g.diagnostics())


@pytest.mark.parametrize("seed", _seeds(), ids=lambda p: p.stem)
def test_seed_objects_are_traceable(seed: Path) -> None:
    g = govplan.load(seed)
    n_lines = len(seed.read_text(encoding="utf-8").splitlines()) + 1
    for obj in [*g.tasks(), *g.targets(), *g.taskforces(), *g.plans()]:
        assert obj.source is not None and obj.source.path == str(seed)
        assert 1 <= obj.source.line <= obj.source.end_line <= n_lines
    for t in g.tasks():
        assert t.lead or t.support
        assert t.responsibility


@pytest.mark.parametrize("metric", sorted(LEVELS))
def test_gold_scores(scores: list[dict], metric: str) -> None:
    values = [s[metric][2] for s in scores if "error" not in s and s.get(metric) is not None]
    assert values, f"nothing scored for {metric}"
    assert sum(values) / len(values) >= LEVELS[metric], [(s["source"], s.get(metric)) for s in scores]


def test_gold_deadlines(scores: list[dict]) -> None:
    assert all("error" not in s for s in scores)
    assert min(s["deadline_acc"] for s in scores) >= 0.97
