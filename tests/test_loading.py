"""govplan.load: documents, saved graphs, several files, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import govplan

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "qingshan_plan.txt"


def test_saved_graph_loads_back_equal(tmp_path: Path) -> None:
    g = govplan.load(EXAMPLE)
    saved = tmp_path / "graph.json"
    saved.write_text(govplan.dumps(g), encoding="utf-8")
    assert govplan.load(saved) == g


def test_several_paths_merge_into_one_graph(tmp_path: Path) -> None:
    other = tmp_path / "copy.txt"
    other.write_text(EXAMPLE.read_text(encoding="utf-8").replace("青政办发〔2024〕3号", "青政办发〔2024〕4号"),
                     encoding="utf-8")
    one = govplan.load(EXAMPLE)
    both = govplan.load([EXAMPLE, other])
    assert len(both.documents()) == 2
    assert len(list(both.tasks())) == 2 * len(list(one.tasks()))


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(govplan.DocumentReadError, match="nowhere.txt"):
        govplan.load(missing)


def test_broken_saved_graph_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "govplan", "version": 1, "tasks": 5}', encoding="utf-8")
    with pytest.raises(govplan.SerializationError, match="broken.json"):
        govplan.load(bad)


def test_rtf_is_not_mistaken_for_json(tmp_path: Path) -> None:
    rtf = tmp_path / "plan.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi hello}")
    with pytest.raises(govplan.UnsupportedFormatError, match="plan.rtf"):
        govplan.load(rtf)
