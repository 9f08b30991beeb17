"""Records, CSV, HTML for notebooks, DataFrames, aligned text tables and GraphML."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from govplan.io import graphml_graph, write_graphml
from govplan.query import COLUMNS
from govplan.query.render import display_width, html_table, text_table, truncate
from tests.query.sample import sample_graph


def test_records_are_plain_and_follow_the_columns() -> None:
    g = sample_graph()
    for q in (g.tasks(), g.targets(), g.taskforces()):
        for rec in q.records():
            assert tuple(rec) == COLUMNS[q.kind]
            json.dumps(rec)  # plain values only
    t1 = g.tasks().led_by("区发改局").records()[0]
    assert t1["path"] == "一/（一）" and t1["lead"] == ["区发展改革局"]
    assert t1["support"] == ["区财政局", "区工业和信息化局"]
    assert (t1["deadline"], t1["plan"], t1["action"], t1["jurisdiction"]) == (
        "2024-12", "青山区项目攻坚行动实施方案", "项目攻坚行动", "青山区")
    assert t1["document"] == "青政办发〔2024〕3号" and t1["source"] == "青山区.txt:45"
    g1 = g.targets().records()[0]
    assert (g1["metric"], g1["value"], g1["unit"], g1["qualifier"], g1["change"]) == (
        "社会消费品零售总额", 8, "%", "以上", "growth")
    tf = g.taskforces().records()[0]
    assert tf["members"] == ["区发展改革局", "区财政局", "区工业和信息化局"] and tf["office"] == "区发展改革局"
    assert tf["deputies"] == ["区发改局主要负责人"] and tf["convener_unit"] is None


def test_csv_round_trips_through_the_csv_module(tmp_path: Path) -> None:
    g = sample_graph()
    text = g.tasks().in_jurisdiction("青山区").to_csv()
    assert text is not None
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows] == ["t1", "t1.1", "t2", "t3", "t4", "t5", "t6"]
    assert rows[0]["support"] == "区财政局、区工业和信息化局" and rows[5]["deadline"] == ""
    out = tmp_path / "tasks.csv"
    g.tasks().to_csv(out)
    assert out.read_text(encoding="utf-8").splitlines()[0].split(",") == list(COLUMNS[type(g["t1"])])
    buffer = io.StringIO()
    g.targets().to_csv(buffer)
    assert buffer.getvalue().count("\n") == 5


def test_html_for_notebooks_escapes_and_says_how_many() -> None:
    g = sample_graph()
    html = g.tasks().led_by("区发改局")._repr_html_()
    assert html.startswith("<table>") and "3 tasks" in html and "<td>区发展改革局</td>" in html
    assert "unit(&#x27;区发改局&#x27;" in html  # the query is described, escaped
    many = sample_graph()
    from govplan import Task
    for n in range(60):
        many.add(Task(f"x{n}", "plan:qs", text=f"<script>{n}</script>"))
    html = many.tasks()._repr_html_()
    assert "69 tasks" in html and "first 50 shown" in html and "<script>" not in html
    assert html.count("<tr>") == 51
    assert html_table([], total=0, noun="tasks") == (
        "<table><caption>0 tasks</caption><thead><tr></tr></thead><tbody></tbody></table>")


def test_dataframe_when_pandas_is_installed() -> None:
    pd = pytest.importorskip("pandas")
    g = sample_graph()
    df = g.tasks().to_dataframe()
    assert isinstance(df, pd.DataFrame) and list(df.columns) == list(COLUMNS[type(g["t1"])])
    assert list(df["id"]) == g.tasks().ids()
    empty = g.tasks().led_by("没有这个局").to_dataframe()
    assert len(empty) == 0 and list(empty.columns) == list(COLUMNS[type(g["t1"])])


def test_missing_pandas_is_a_clear_govplan_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from govplan import GovplanError

    real_import = builtins.__import__

    def no_pandas(name: str, *args: object, **kwargs: object) -> object:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(GovplanError, match="pip install 'govplan\\[pandas\\]'") as err:
        sample_graph().tasks().to_dataframe()
    assert isinstance(err.value, ImportError)


def test_text_tables_align_chinese_by_display_width() -> None:
    rows = [{"单位": "区发改局", "n": 3, "x": None}, {"单位": "区财政局（金融办）", "n": 12, "x": ["a", "b"]}]
    header, rule, first, second = text_table(rows, ["单位", "n", "x"]).splitlines()
    # numbers are right-aligned: the n column ends at the same display column on every line
    ends = [display_width(header[: header.index("n") + 1]), display_width(first[: first.index("3") + 1]),
            display_width(second[: second.index("12") + 2]), display_width("  ".join(rule.split()[:2]))]
    assert len(set(ends)) == 1, ends
    assert second.endswith("12  a、b") and first.endswith("3")
    narrow = text_table([{"text": "推进重大项目建设" * 10}], ["text"], width=20)
    assert all(display_width(line) <= 20 for line in narrow.splitlines())
    assert truncate("abc", 5) == "abc" and truncate("推进重大项目", 5) == "推进…"
    assert display_width("a\u0301") == 1


def test_graphml_opens_in_networkx_with_scalar_attributes(tmp_path: Path) -> None:
    g = sample_graph()
    h = graphml_graph(g)
    assert h.number_of_nodes() == g.nx.number_of_nodes()
    assert h.number_of_edges() == g.nx.number_of_edges()
    assert h.nodes["unit:青山区:区发展改革局"]["category"] == "government"
    path = tmp_path / "g.graphml"
    write_graphml(g, path)
    back = nx.read_graphml(path)
    assert back.nodes["t1"]["kind"] == "task" and back.nodes["t1"]["lead"] == "区发展改革局"
    assert back.nodes["g2"]["value"] == 6.5 and back.nodes["g1"]["value"] == 8.0
    kinds = {d["kind"] for _, _, d in back.edges(data=True)}
    assert {"lead", "support", "has_task", "member", "office", "implements"} <= kinds
    assert any(d.get("label") == "区发改局主要负责人" for _, _, d in back.edges(data=True))
