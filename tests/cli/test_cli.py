"""The govplan command: every subcommand, the three formats, exit codes, help with examples."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import govplan
from govplan.cli.main import EXIT_BUG, EXIT_EMPTY, EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from govplan.query.render import display_width
from tests.query.sample import sample_graph

PLAN = """\
青山区人民政府办公室
关于印发《青山区优化营商环境实施方案》的通知
青政办发〔2024〕9号

各乡镇人民政府，区直各单位：
现将《青山区优化营商环境实施方案》印发给你们，请认真贯彻执行。

青山区优化营商环境实施方案

一、重点任务
（一）推进政务服务改革。2024年6月底前实现高频事项网上可办。（区政务服务中心牵头，区财政局、区发展改革局配合）
（二）兑现惠企政策。年底前完成年度奖补资金拨付。（区财政局牵头，区商务局配合）
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def saved(tmp_path: Path) -> str:
    path = tmp_path / "graph.json"
    path.write_text(govplan.dumps(sample_graph()), encoding="utf-8")
    return str(path)


def test_query_table_json_and_csv(saved: str) -> None:
    code, out, err = run("query", saved, "lead:区发改局 due:2024-12")
    assert code == EXIT_OK and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["path", "text", "lead", "support", "deadline", "source"]
    assert "推进重点产业项目建设" in lines[2] and "青山区.txt:45" in lines[2] and lines[-1] == "(1 task)"
    code, out, _ = run("query", saved, "unit:区财政局 sort:deadline", "--format", "json")
    rows = json.loads(out)
    assert code == EXIT_OK and [r["id"] for r in rows] == ["t3", "t1.1", "t2", "t1", "t5"]
    code, out, _ = run("query", saved, "find:targets metric:社会消费品零售总额", "-f", "csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert [(r["jurisdiction"], r["value"]) for r in table] == [("青山区", "8"), ("白云县", "7.5")]
    code, out, _ = run("query", saved, "find:taskforces member:区财政局", "--columns", "name,office", "-f", "json")
    assert json.loads(out) == [{"name": "项目攻坚行动工作专班", "office": "区发展改革局"},
                               {"name": "消费提振行动工作专班", "office": "区商务局"}]


def column_starts(rule: str) -> list[int]:
    return [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]


def boundaries(line: str) -> dict[int, int]:
    """Display column -> index of the character that starts there."""
    out, col = {}, 0
    for i, ch in enumerate(line):
        out[col] = i
        col += display_width(ch)
    return out


def test_tables_line_up_chinese_columns_and_fit_the_width(saved: str) -> None:
    code, out, _ = run("query", saved, "place:青山区", "--width", "80")
    header, rule, *rows = out.splitlines()[:-1]
    assert code == EXIT_OK and all(display_width(line) <= 80 for line in [header, rule, *rows])
    starts = column_starts(rule)
    assert len(starts) == 6
    for line in [header, *rows]:  # every cell starts at its column's display position, after a gap
        at = boundaries(line)
        for col in starts[1:]:
            if col < display_width(line):
                assert col in at and line[at[col] - 2:at[col]] == "  ", (line, col)
    code, out, _ = run("query", saved, "", "--width", "0")
    assert "推进重点产业项目建设，年内新开工项目10个" in out  # no limit: nothing cut


def test_exit_codes_mean_something(saved: str, tmp_path: Path) -> None:
    assert run("query", saved, "lead:没有这个局")[0] == EXIT_EMPTY
    code, _, err = run("query", saved, "lead:没有这个局")
    assert "warning: unknown unit '没有这个局'" in err
    code, out, err = run("query", saved, "lead:区发改局 due:2024-13")
    assert code == EXIT_USAGE and out == ""
    assert err.splitlines() == ["govplan: bad query: due: '2024-13' is not a period "
                                "(2024-12, 2024-Q4, 2024, 2024-06-30, ongoing, none)",
                                "  lead:区发改局 due:2024-13", "  " + " " * 18 + "^"]
    assert run("query", str(tmp_path / "missing.json"), "lead:x")[0] == EXIT_INPUT
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "govplan", "version": 99}', encoding="utf-8")
    code, _, err = run("stats", str(bad))
    assert code == EXIT_INPUT and "unsupported govplan JSON version" in err
    assert run("query", saved, "x", "--columns", "colour")[0] == EXIT_USAGE
    assert run("frobnicate")[0] == EXIT_USAGE
    assert run()[0] == EXIT_USAGE


def test_an_internal_error_is_reported_without_a_traceback(saved: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from govplan.query import core

    def broken(self: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(core.Query, "records", broken)
    code, _, err = run("query", saved, "lead:区发改局")
    assert code == EXIT_BUG and "internal error: RuntimeError: boom" in err and "Traceback" not in err
    code, _, err = run("--debug", "query", saved, "lead:区发改局")
    assert code == EXIT_BUG and "Traceback" in err


def test_units_stats_diagnostics_coverage(saved: str) -> None:
    code, out, _ = run("units", saved, "--sort", "lead", "-f", "json")
    rows = json.loads(out)
    assert code == EXIT_OK and rows[0]["name"] == "区发展改革局" and rows[0]["lead"] == 3
    assert rows[0]["aliases"] == ["区发改局"] and rows[0]["taskforces"] == 1
    code, out, _ = run("units", saved, "--jurisdiction", "白云县")
    assert code == EXIT_OK and "县发展改革局" in out and "区财政局" not in out and out.endswith("(2 units)\n")
    code, out, _ = run("stats", saved, "-f", "json")
    stats = json.loads(out)
    assert stats["totals"]["tasks"] == 9 and stats["totals"]["ongoing tasks"] == 1
    assert [d["tasks"] for d in stats["documents"]] == [0, 7, 2]
    code, out, _ = run("stats", saved)
    assert code == EXIT_OK and "tasks with a deadline" in out
    g = sample_graph()
    g.add_diagnostics([govplan.Diagnostic("青山区.txt", 12, "unread-annotation", "括号里有单位但没有分工")])
    g.add_coverage(govplan.FileCoverage("青山区.txt", 20, 15, 3, 1, (17,)))
    path = Path(saved).with_name("diag.json")
    path.write_text(govplan.dumps(g), encoding="utf-8")
    code, out, _ = run("diagnostics", str(path))
    assert code == EXIT_EMPTY and "unread-annotation" in out and "括号里有单位但没有分工" in out
    assert run("diagnostics", str(path), "--severity", "error")[0] == EXIT_OK
    assert run("diagnostics", saved)[0] == EXIT_OK
    code, out, _ = run("coverage", str(path), "-f", "csv")
    assert code == EXIT_OK and list(csv.DictReader(io.StringIO(out)))[0]["unexplained"] == "17"


def test_read_documents_to_json_and_graphml(tmp_path: Path) -> None:
    plan = tmp_path / "青山区营商环境.txt"
    plan.write_text(PLAN, encoding="utf-8")
    out_json = tmp_path / "g.json"
    code, _, err = run("read", str(plan), "-o", str(out_json))
    assert code == EXIT_OK and "read 1 file(s): 1 documents" in err
    graph = govplan.load(out_json)
    assert len(graph.tasks()) >= 1
    code, out, _ = run("read", str(plan), "--indent", "1")
    assert code == EXIT_OK and govplan.loads(out) == graph
    code, _, _ = run("read", str(plan), "-o", str(tmp_path / "g.graphml"))
    assert code == EXIT_OK and (tmp_path / "g.graphml").read_text(encoding="utf-8").startswith("<?xml")
    # documents and saved graphs mix as sources
    code, out, _ = run("query", str(out_json), str(plan), "", "-f", "json")
    assert code == EXIT_OK


def test_help_shows_examples_and_every_query_field() -> None:
    code, out, _ = run("--help")
    assert code == EXIT_OK and "examples:" in out and 'govplan query graph.json "lead:区发改局 due:2024-12"' in out
    code, out, _ = run("query", "--help")
    from govplan.query import FIELDS

    assert code == EXIT_OK and all(f"  {f.name}:" in out for f in FIELDS)
    for command in ("read", "units", "stats", "diagnostics", "coverage"):
        code, out, _ = run(command, "--help")
        assert code == EXIT_OK and "example" in out


def test_the_console_module_runs() -> None:
    result = subprocess.run([sys.executable, "-m", "govplan.cli", "--version"], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0 and result.stdout.startswith("govplan ")
