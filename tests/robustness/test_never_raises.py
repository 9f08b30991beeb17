"""Reading arbitrary text or bytes, or damaged seeds, raises nothing but GovplanError subclasses.

Whatever is read must also be a sound graph: its coverage accounts for every
non-blank line exactly once, and it survives the JSON round trip.
"""

from __future__ import annotations

import os

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govplan
from govplan import GovplanError, PlanGraph
from govplan.reading.reader import read_lines
from govplan.reading.sniff import read_source_bytes

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# Pieces of the genre, so random text reaches deep into the reader, not just its first checks.
PIECES = [
    "一、", "二、", "三、", "（一）", "(二)", "〔三〕", "1.", "2、", "（1）", "(2)", "①", "——", "**",
    "牵头", "负责", "配合", "按职责分工负责", "牵头单位：", "责任单位：", "配合单位:", "；", ";", "、", "，", "。", "：",
    "区财政局", "区发展改革局", "各街道", "区直相关单位", "县住房城乡建", "设局", "等",
    "（", "）", "(", ")", "[", "]", "【", "】", "〔", "〕", "《", "》", "“", "”",
    "2024年", "6月底前", "年底前", "上半年", "三季度末", "长期坚持", "2023—2025年", "每月25日前",
    "增长", "8%", "以上", "左右", "亿元", "个百分点", "达到", "力争",
    "附件", "附件1", "附件：", "实施方案", "总体方案", "行动", "攻坚", "工作专班", "召集人", "副召集人", "成员单位",
    "专班办公室设在", "某政办发〔2024〕1号", "人民政府办公室", "关于印发", "的通知", "各乡镇人民政府：",
    "工作任务\t具体工作措施\t牵头单位\t责任单位\t完成时限", "\t", "\n", "\n\n", " ", "\u3000", "&nbsp;", "<p>",
    "当前位置：", "发布时间：", "序号", "完成时限", "时间节点",
]
genre_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=120).map("".join)


def _check_graph(graph: PlanGraph, nonblank: int | None = None) -> None:
    for c in graph.coverage():
        assert c.in_objects + c.boilerplate + c.diagnosed + len(c.unexplained) == c.nonblank, c
        if nonblank is not None:
            assert c.nonblank == nonblank
    assert govplan.loads(govplan.dumps(graph)) == graph


def _read(data: bytes, name: str) -> PlanGraph | None:
    """Read like govplan.load does; None when a GovplanError (the allowed failure) was raised."""
    try:
        source = read_source_bytes(data, name)
        graph = read_lines(source.lines, name)
    except GovplanError:
        return None
    _check_graph(graph, sum(1 for line in source.lines if line.text.strip()))
    return graph


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(genre_text)
def test_any_text_reads_or_raises_govplan_errors(text: str) -> None:
    _read(text.encode("utf-8"), "random.txt")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["x.txt", "x.html", "x.docx", "x.pdf", "x"]))
def test_any_bytes_read_or_raise_govplan_errors(data: bytes, name: str) -> None:
    _read(data, name)


@settings(max_examples=60, deadline=None)
@given(genre_text, st.sampled_from(["gb18030", "utf-16", "utf-8-sig"]))
def test_any_text_in_any_encoding(text: str, encoding: str) -> None:
    _read(text.encode(encoding, errors="replace"), "enc.txt")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(genre_text, st.sampled_from(["<p>", "</p>", "<table>", "<tr>", "<td>", "</td>", "<br>",
                                                      "<div class='nav'>", "</div>", "<!--", "-->", "<script>"])),
                max_size=40).map("".join))
def test_any_web_page_reads_or_raises_govplan_errors(text: str) -> None:
    _read(("<!DOCTYPE html><html><body>" + text).encode(), "page.html")


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(["word/document.xml", "[Content_Types].xml", "_rels/.rels",
                                        "word/_rels/document.xml.rels", "word/numbering.xml"]),
                       st.one_of(st.binary(max_size=200), genre_text.map(str.encode),
                                 st.just(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body/></w:document>')),
                       min_size=1))
def test_any_zip_named_docx_reads_or_raises_govplan_errors(members: dict[str, bytes]) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    _read(out.getvalue(), "fuzz.docx")


def test_load_of_arbitrary_files_raises_govplan_errors(tmp_path: Path) -> None:
    for name, data in [("a.txt", b"\x00\x01\x02"), ("b.json", b"{\"format\": 1"), ("c.docx", b"PK\x03\x04"),
                       ("d.html", b"<html><body><p>" * 1000), ("e.txt", "（（（（牵头".encode())]:
        path = tmp_path / name
        path.write_bytes(data)
        try:
            _check_graph(govplan.load(path))
        except GovplanError:
            pass


# --- mutations of the real documents ------------------------------------------------------------

def _seeds() -> list[Path]:
    if not SEEDS.is_dir():
        return []
    return sorted(SEEDS.glob("*.txt"))


needs_seeds = pytest.mark.skipif(not _seeds() and not os.environ.get("GOVPLAN_REQUIRE_SHARED"), reason=f"no seed documents at {SEEDS} (../shared is absent)")
BRACKETS = "（）()[]【】〔〕《》“”<>"


@st.composite
def mutated_seed(draw: st.DrawFn) -> tuple[str, bytes]:
    path = draw(st.sampled_from(_seeds()))
    lines = path.read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(1, 4))):
        n = len(lines)
        if n < 2:
            break
        i = draw(st.integers(0, n - 1))
        j = min(n, i + draw(st.integers(1, 40)))
        kind = draw(st.sampled_from(["delete", "duplicate", "shuffle", "truncate", "brackets", "join", "split"]))
        if kind == "delete":
            del lines[i:j]
        elif kind == "duplicate":
            lines[i:i] = lines[i:j]
        elif kind == "shuffle":
            block = lines[i:j]
            lines[i:j] = draw(st.permutations(block))
        elif kind == "truncate":
            lines = lines[:i] + [lines[i][: draw(st.integers(0, len(lines[i])))]]
        elif kind == "brackets":
            for k in range(i, j):
                text = lines[k]
                at = draw(st.integers(0, len(text)))
                lines[k] = text[:at] + draw(st.text(st.sampled_from(BRACKETS), min_size=1, max_size=3)) + text[at:]
        elif kind == "join":
            lines[i:j] = ["".join(lines[i:j])]
        else:
            text = lines[i]
            at = draw(st.integers(0, len(text)))
            lines[i:i + 1] = [text[:at], text[at:]]
    data = "\n".join(lines).encode("utf-8")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]  # a download cut short, maybe mid-character
    return path.name, data


@needs_seeds
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_seed())
def test_mutated_seeds_read_or_raise_govplan_errors(seed: tuple[str, bytes]) -> None:
    name, data = seed
    graph = _read(data, name)
    assert graph is not None or len(data) < 16  # damaged text is still text: it must read


@needs_seeds
def test_seed_prefixes_and_suffixes_read() -> None:
    """Every cut of a seed at a line boundary (every 50 lines) still reads; tasks never appear from nowhere."""
    path = _seeds()[0]
    lines = path.read_text(encoding="utf-8").split("\n")
    whole = _read("\n".join(lines).encode(), path.name)
    assert whole is not None
    counts = []
    for cut in range(0, len(lines), 50):
        head = _read("\n".join(lines[:cut]).encode(), path.name)
        tail = _read("\n".join(lines[cut:]).encode(), path.name)
        assert head is not None and tail is not None
        counts.append(len(head.tasks()))
    assert counts == sorted(counts) and counts[-1] <= len(whole.tasks())
