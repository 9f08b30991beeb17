"""Web pages: the article's lines, without page chrome; tables as tab-separated rows."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplan.reading.formats._tokens import tokens
from govplan.reading.formats.entities import fix_entity_residue
from govplan.reading.formats.html import decode_html, html_lines, looks_like_html

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>青山区人民政府</title>
<script>var s = "<p>不是正文</p>"; if (a < b && c > d) {}</script><style>p { color: red }</style></head>
<body>
<div class="header"><div class="logo">青山区人民政府门户网站</div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a>通知公告</a></div>
<div class="article">
 <h1>青山区人民政府办公室关于印发《青山区优化营商环境工作方案》的通知</h1>
 <div id="zoom" class="TRS_Editor">
  <p style="text-align:center">青政办发〔2024〕3号</p>
  <p>&nbsp;&nbsp;&nbsp;&nbsp;一、工作目标</p>
  <p>全区地区生产总值增长6%以上，社会消费品零售总额增
  长9%。</p>
  <p>（一）推进产业升级。加快<span>传统产业</span>改造。（区发改局牵头，区工信局、区财政局按职责分工负责）</p>
  <table border="1">
   <tr><th>工作任务</th><th>具体工作措施</th><th>牵头单位</th><th>责任单位</th><th>完成时限</th></tr>
   <tr><td rowspan="2">1.优化服务</td><td><p>(1)推进“一件事一次办”。</p><p>(2)压减审批时限。</p></td>
       <td>区行政审批局</td><td>区直相关单位</td><td>2024年6月底前</td></tr>
   <tr><td>(3)开展政策宣讲。</td><td>区发改局</td><td>各街道</td><td>长期坚持</td></tr>
  </table>
  <p style="display:none">隐藏的文字</p>
  <p>附件：1.青山区项目攻坚行动实施方案<br>2.青山区招商引资行动实施方案</p>
 </div>
 <div class="share">分享到：微信 微博</div>
</div>
<div class="related"><h3>相关阅读</h3><ul><li>关于某某的通知</li></ul></div>
<div class="footer">主办：青山区人民政府办公室</div>
</body></html>
"""


def test_article_text_without_page_chrome() -> None:
    assert html_lines(PAGE) == [
        "青山区人民政府办公室关于印发《青山区优化营商环境工作方案》的通知",
        "青政办发〔2024〕3号",
        "一、工作目标",
        "全区地区生产总值增长6%以上，社会消费品零售总额增长9%。",
        "（一）推进产业升级。加快传统产业改造。（区发改局牵头，区工信局、区财政局按职责分工负责）",
        "工作任务\t具体工作措施\t牵头单位\t责任单位\t完成时限",
        "1.优化服务\t(1)推进“一件事一次办”。 (2)压减审批时限。\t区行政审批局\t区直相关单位\t2024年6月底前",
        "\t(3)开展政策宣讲。\t区发改局\t各街道\t长期坚持",
        "附件：1.青山区项目攻坚行动实施方案",
        "2.青山区招商引资行动实施方案",
    ]


def test_title_printed_above_the_body_is_kept_once() -> None:
    page = ("<body><div class='logo'>青山区人民政府</div><h1>关于印发《青山区工作方案》的通知</h1>"
            "<div class='info'>发布时间：2024-03-01</div><div id='zoom'><p>青政办发〔2024〕3号</p>"
            "<p>一、工作目标</p><p>（一）推进改革。（区财政局牵头）</p><p>二、重点任务</p>"
            f"<p>{'加快推进重点项目建设，完善配套设施。' * 4}</p></div></body>")
    assert html_lines(page)[:5] == ["关于印发《青山区工作方案》的通知", "青政办发〔2024〕3号", "一、工作目标",
                                    "（一）推进改革。（区财政局牵头）", "二、重点任务"]
    repeated = page.replace("<p>青政办发", "<p>关于印发《青山区工作方案》的通知</p><p>青政办发")
    assert html_lines(repeated).count("关于印发《青山区工作方案》的通知") == 1


def test_gb2312_page_is_decoded_by_its_meta_charset() -> None:
    decoded = decode_html(PAGE.encode("gbk"))
    assert decoded.encoding == "gb18030"
    assert "青政办发〔2024〕3号" in html_lines(decoded.text)


def test_wrong_meta_charset_loses_to_valid_utf8() -> None:
    decoded = decode_html(PAGE.encode("utf-8"))
    assert decoded.encoding == "utf-8" and "青山区人民政府" in decoded.text


def test_page_without_content_marker_keeps_everything_but_navigation() -> None:
    page = ("<body><ul class='menu'><li>首页</li></ul><nav>导航</nav><p>一、工作目标</p><div>二、重点任务</div>"
            "<p>（一）推进改革。<br/>（区财政局牵头）</p><footer>页脚</footer></body>")
    assert html_lines(page) == ["一、工作目标", "二、重点任务", "（一）推进改革。", "（区财政局牵头）", "页脚"]


def test_segment_breaks_between_chinese_characters_vanish() -> None:
    assert html_lines("<p>区住房城乡建\n    设局牵头</p>") == ["区住房城乡建设局牵头"]
    assert html_lines("<p>增长 10%\n以上</p>") == ["增长 10% 以上"]
    assert html_lines("<p>产业<span>\n升级</span></p>") == ["产业升级"]


def test_layout_tables_are_read_as_blocks() -> None:
    page = ("<table><tr><td>网站标志</td></tr><tr><td><table><tr><td>工作任务</td><td>牵头单位</td></tr>"
            "<tr><td>1.推进改革</td><td>区财政局</td></tr></table><p>一、工作目标</p></td></tr></table>")
    assert html_lines(page) == ["网站标志", "工作任务\t牵头单位", "1.推进改革\t区财政局", "一、工作目标"]


def test_spans_leave_empty_cells_and_are_capped() -> None:
    page = ('<table><tr><td colspan="2">甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td><td>戊</td></tr>'
            '<tr><td colspan="99999999">己</td><td>庚</td></tr></table>')
    lines = html_lines(page)
    assert lines[:2] == ["甲\t\t乙", "丙\t丁\t戊"]
    assert lines[2].count("\t") == 64


def test_implied_ends_of_cells_rows_and_paragraphs() -> None:
    page = "<table><tr><td>工作任务<td>牵头单位<tr><td>1.推进改革<td>区财政局</table><p>甲<p>乙"
    assert html_lines(page) == ["工作任务\t牵头单位", "1.推进改革\t区财政局", "甲", "乙"]


def test_preformatted_text_keeps_its_lines() -> None:
    assert html_lines("<pre>一、目标\n  （一）任务\n</pre>") == ["一、目标", "（一）任务"]


def test_looks_like_html() -> None:
    assert looks_like_html("\ufeff<!doctype html>") and looks_like_html("<?xml version='1.0'?><html>")
    assert not looks_like_html("（一）推进<p>改革</p>")


def test_tokenizer_survives_broken_markup() -> None:
    kinds = [t[0] for t in tokens("<p>甲<a href='x>乙<!-- 丙 <div>丁")]
    # an unclosed quote ends the tag at the next '>'; an unclosed comment eats the rest, as in a browser
    assert kinds == ["start", "text", "start", "text"]
    assert list(tokens("数量<5，比例<a")) == [("text", "数量<5，比例<a")]
    assert list(tokens("<script>if (a<b) x='</p>'</script>正文")) == [
        ("start", "script", {}), ("text", "if (a<b) x='</p>'"), ("end", "script"), ("text", "正文")]


def test_entity_residue_in_text_lines() -> None:
    assert fix_entity_residue(["区财政局&nbsp;牵头", "甲&nb", "sp;乙", "丙&#12", "288;丁"]) == [
        "区财政局\xa0牵头", "甲\xa0", "乙", "丙\u3000", "丁"]
    assert fix_entity_residue(["R&D", "A&B", "&region"]) == ["R&D", "A&B", "&region"]


@pytest.mark.parametrize("unit", ["<a", "</a", "<!--", "<a '", '<a "x>"', "<div>", "<td>", "&nbsp;", "<table><tr><td>"])
def test_adversarial_markup_is_linear(unit: str) -> None:
    def cost(n: int) -> float:
        text = unit * (n // len(unit))
        start = time.perf_counter()
        html_lines(text)
        return time.perf_counter() - start

    small, large = min(cost(25_000) for _ in range(2)), min(cost(100_000) for _ in range(2))
    assert large < 8 * small + 0.1, (small, large)  # linear: about 4x; quadratic: 16x


@settings(max_examples=150, deadline=None)
@given(st.text(st.sampled_from(list("<>/!-=\"' abcdiprtx&;#1\n甲乙（）")), max_size=300))
def test_any_markup_gives_lines_without_raising(text: str) -> None:
    lines = html_lines(text)
    assert all(line and line == line.strip() and "\n" not in line for line in lines)
