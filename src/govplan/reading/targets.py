"""Quantitative goals in a goal-section paragraph (一、主要目标 / 工作目标 / 攻坚目标).

A goal is a metric, a change word and a number with its unit:
``社会消费品零售总额增长9%``, ``市场主体达到 2.6 万户以上``,
``数字经济核心产业增加值占GDP比重达10%以上``, ``新增规模工业企业5家``.
:func:`extract_targets` finds every such phrase in one paragraph; the reader maps the
offsets back to source lines and makes :class:`~govplan.Target` objects from the drafts.

>>> [ (t.metric, t.change.value, str(t.quantity), t.qualifier)
...   for t in extract_targets("力争2024年，地区生产总值增长6.5%以上，新增规模工业企业5家。") ]
[('地区生产总值', 'growth', '6.5%', '以上'), ('新增规模工业企业', 'count', '5家', '力争')]
"""

from __future__ import annotations

import bisect
import math
import re

import attrs

from govplan.model.entities import ChangeKind, Direction
from govplan.model.period import Period
from govplan.model.quantity import Baseline, Quantity
from govplan.reading.deadlines import find_deadlines

__all__ = ["TargetDraft", "extract_targets"]


@attrs.frozen
class TargetDraft:
    """One goal phrase read from text; ``start``/``end`` are offsets of ``text`` in the input."""

    metric: str
    change: ChangeKind
    quantity: Quantity | None
    qualifier: str | None
    direction: Direction
    baseline: Baseline | None
    deadline: Period | None
    text: str
    start: int
    end: int


_WIDTH = str.maketrans("０１２３４５６７８９．％～　", "0123456789.%~ ")

# Longest first, so 万户 wins over 户 and 个百分点 over 个.
_UNITS = sorted(
    """个百分点 百分点 % ‰ 万亿元 亿美元 万美元 亿元 万元 千元 元 亿 万户 户 家 个 名 项 所 座 万人次 人次
    万人 人 位 批 处 套 台 辆 栋 艘 条 支 只 件 场次 场 宗 张 部 篇 种 床 万亩 亩 公顷 万吨 吨 千克 公斤
    平方公里 公里 千米 万平方米 平方米 米 万立方米 立方米 亿千瓦时 万千瓦时 千瓦时 万千瓦 千瓦 兆瓦 万标箱
    标箱 标准箱 天 小时 分钟 岁 倍 万头 头 万只 万羽 羽 万株 株 万册 册 万间 间 口 眼 户次 万辆 万台 万套 万件
    万吨标准煤 吨标准煤 万公顷 千公顷 万 μg/m³ 微克/立方米 mg/L""".split(),
    key=len,
    reverse=True,
)
_NUMBER = re.compile(
    r"(?<![\d.])(?<!\d,)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?:%\s*)?(?:~|-|—|–|至|到)\s*(?P<up>\d+(?:\.\d+)?))?"
    r"\s*(?P<unit>" + "|".join(re.escape(u) for u in _UNITS) + r")"
    r"(?P<qual>\s*(?:及以上|以上|左右|以内|以下))?"
)
# Counters of entities: a number of them is a count (新增规模工业企业5家).
_COUNTERS = set("户家个名项所座人位批处套台辆栋艘条支只件场宗张部篇种床头羽株册间口眼") | {
    "万户", "万人", "人次", "万人次", "场次", "户次"}

# The change word ending the text before the number, with any bound word after it.
_GROWTH = "增长|增速|提高|提升|增加|上升|扩大"
_REDUCE = "下降|降低|减少|压降|压减|削减|缩减|降幅"
_VERB = re.compile(
    r"(?:(?P<to>(?:" + _GROWTH + r"|" + _REDUCE + r")(?:到|至)|降至|控制在|控制到|稳定在|保持在|保持|维持在)"
    r"|(?P<growth>" + _GROWTH + r")"
    r"|(?P<reduce>" + _REDUCE + r")"
    r"|(?P<new>新增|净增|新培育|新认定|新引进|新建|新签约)"
    r"|(?P<bound>不低于|不少于|不超过|不高于|突破|超过|高于|低于|至少)"
    r"|(?P<reach>达到|达|为|至|实现|完成|有)"
    r")\s*(?P<pq>不低于|不少于|突破|超过|至少|≥|≤)?\s*$"
)
_BOUND_QUALIFIER = {"不低于": "不低于", "不少于": "不少于", "突破": "突破", "不超过": "不超过", "不高于": "不超过",
                    "至少": "不低于", "≥": "不低于", "≤": "不超过", "低于": "以下"}
# Bound words say which way the goal points: a floor (不低于) is a goal upwards, a cap (不高于) downwards.
_BOUND_DIRECTION = {
    "不低于": Direction.UP, "不少于": Direction.UP, "至少": Direction.UP, "≥": Direction.UP, "突破": Direction.UP,
    "超过": Direction.UP, "高于": Direction.UP,
    "不超过": Direction.DOWN, "不高于": Direction.DOWN, "低于": Direction.DOWN, "≤": Direction.DOWN,
}
_CAP_WORDS = ("控制", "以内", "以下")
_HOLDS = ("稳定在", "保持", "维持在")
# A metric that is itself a rate of change (增速达到8%) is a growth goal.
_RATE = re.compile(r"(?:增速|增幅|增长率|增长幅度|年均增长)$")
# Between two numbers of one goal: 城乡居民收入分别增长6.5%和7.5%.
# 一般公共预算收入增长5%、力争7%: a stretch value of the same goal.
_NEXT_VALUE = re.compile(r"^\s*(?:(?:和|与|及|、)\s*(?P<s1>力争|争取)?|[，,]\s*(?P<s2>力争|争取))\s*$")
_SHARE = re.compile(r"比重|占比|比例|占有率")
# Filler that opens a clause but is not part of the metric.
_LEAD = re.compile(r"^(?:[\s*—]|其中|实现|确保|力争|争取|推动|推进|完成|全年|当年|并|且|同时|要|全力|努力|着力|大力)+")
_TRAIL = re.compile(r"(?:力争|确保|争取|要|将|可|均|分别|累计|同比|年均|平均|\s)+$")
_BASELINE = re.compile(r"(?:较|比|与)\s*(?:(?P<y>(?:19|20)\d\d)\s*年|上年度?|上一年|去年)(?:同期)?(?:相比)?\s*(?:同比)?|同比")
_RELATIVE = re.compile(r"^(?:比|较)?(?:高于|快于|超过|超出|领先|低于)(?:全国|全省|全市|全州|全县|全区|上年|同期|平均)")
_TEXT_LEAD = re.compile(r"^(?:[\s*—]|实现|确保)*")
_CLAUSE_BREAK = set("，,；;。：:！!？?、\n")
_SENTENCE_BREAK = "。！!？?\n"
_OPEN = set("（(“《【[")
_CLOSE = set("）)”》】]")
_QUALITATIVE = re.compile(r"(?:" + _GROWTH + "|" + _REDUCE + r"|改善|增强|优化|好转|稳定|巩固)")
_MAX_CLAUSE = 60
# After a bounded number, 的 and a noun: the number bounds a metric's population (10万元以上的村).
_THRESHOLD = re.compile(r"的[\u4e00-\u9fff]")


def _is_threshold(s: str, a: int, b: int) -> bool:
    """Whether the bounded number at ``s[a:b]`` (10万元以上的…) bounds the metric of a goal whose
    value follows in the clause, rather than being a goal itself (增长6%以上的目标): no change or
    reach word leads up to it, and another number follows before the clause ends."""
    if _VERB.search(s[max(0, a - 14) : a]):
        return False
    for i in range(b, min(len(s), b + _MAX_CLAUSE)):
        ch = s[i]
        if ch in _CLAUSE_BREAK:
            return False
        if ch.isdigit():
            return True
    return False


def _clause_start(s: str, pos: int, floor: int) -> int:
    """Start of the clause holding *pos*: after the last break outside brackets and quotes."""
    depth = 0
    j = pos - 1
    lo = max(floor, pos - _MAX_CLAUSE)
    while j >= lo:
        ch = s[j]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if depth == 0:
                return j + 1
            depth -= 1
        elif ch in _CLAUSE_BREAK and depth == 0:
            return j + 1
        j -= 1
    return lo


def _clause_tail(s: str, pos: int) -> str:
    """The words after a number up to the end of its clause (建设 5 个以上<亿元项目>)."""
    end = min(len(s), pos + 20)
    for j in range(pos, end):
        if s[j] in _CLAUSE_BREAK:
            # 建成3个以上的示范村: the 的 joins number and noun, it is not the noun's
            return s[pos:j].strip(" *").removeprefix("的")
    return ""


def _label_part(ch: str) -> bool:
    """A character that makes a number part of a name: PM2.5, PM_{2.5}, 5G, “3+4+5”, 4×4."""
    return ch != "" and (ch.isascii() and ch.isalpha() or ch in "_{+×")


def _sentence_starts(s: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(s):
        if ch in _SENTENCE_BREAK:
            starts.append(i + 1)
    return starts


def _quoted_spans(s: str) -> list[tuple[int, int]]:
    """Short “…” and 《…》 spans: a number inside one is part of a name (“15分钟生活圈”)."""
    spans: list[tuple[int, int]] = []
    for o, c in (("“", "”"), ("《", "》"), ('"', '"')):
        i = s.find(o)
        while i >= 0:
            j = s.find(c, i + 1, i + 41)
            if j < 0:
                i = s.find(o, i + 1)
                continue
            if not any(ch in _SENTENCE_BREAK for ch in s[i:j]):
                spans.append((i, j))
            i = s.find(o, j + 1)
    spans.sort()
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] < pos < spans[k][1]


def _number(text: str) -> float:
    v = float(text.replace(",", ""))
    return int(v) if v.is_integer() else v


def _change(
    verb: re.Match[str] | None, unit: str, metric: str, qual: str = ""
) -> tuple[ChangeKind, Direction]:
    g = verb.groupdict() if verb else {}
    to = g.get("to") or ""
    if g.get("reduce"):
        return ChangeKind.REDUCTION, Direction.DOWN
    if g.get("growth"):
        return ChangeKind.GROWTH, Direction.UP
    direction = Direction.UP
    bounds = [_BOUND_DIRECTION[w] for w in (g.get("pq"), g.get("bound")) if w in _BOUND_DIRECTION]
    if bounds:
        direction = bounds[0]
    elif to.startswith(("下降", "降低", "减少", "压降", "压减", "削减", "缩减", "降至")) or any(
        w in to + qual for w in _CAP_WORDS
    ):
        direction = Direction.DOWN
    elif to.startswith(_HOLDS):
        direction = Direction.HOLD
    if _SHARE.search(metric):
        return ChangeKind.SHARE, direction
    if unit in ("%", "个百分点", "百分点") and _RATE.search(metric):
        return ChangeKind.GROWTH, direction
    # 每万人发明专利拥有量达3.5件 is a level; 高新技术企业新增12家 a count.
    if (unit in _COUNTERS or unit[-1:] in _COUNTERS) and not metric.endswith("量"):
        return ChangeKind.COUNT, direction
    return ChangeKind.LEVEL, direction


def extract_targets(
    text: str, year: int | None = None, *, qualitative: bool = False
) -> list[TargetDraft]:
    """Every quantitative goal phrase in one goal-section paragraph, in order.

    *year* is the plan's year, for time phrases that omit it.  With ``qualitative=True``
    clauses that name a change but no number (重污染天气同比下降) are returned too, with
    ``quantity`` None and change :attr:`~govplan.ChangeKind.QUALITATIVE`.

    >>> t = extract_targets("到 2024 年末，市场主体达到 2.6 万户以上，其中企业达到 5200 户以上。")
    >>> [(d.metric, d.quantity.value, d.quantity.unit, str(d.deadline)) for d in t]
    [('市场主体', 2.6, '万户', '2024-12'), ('企业', 5200, '户', '2024-12')]
    """
    if not isinstance(text, str) or not text:
        return []
    s = text.translate(_WIDTH)
    sentences = _sentence_starts(s)
    times = find_deadlines(text, year)
    time_starts = [m.start for m in times]
    strive = [m.start() for m in re.finditer("力争", s)]
    quoted = _quoted_spans(s)
    out: list[TargetDraft] = []
    prev_metric = ""
    prev_sentence = -1
    for m in _NUMBER.finditer(s):
        a = m.start()
        before = s[a - 1] if a else ""
        after = s[m.end() : m.end() + 1]
        # PM2.5, 5G, labels such as “3+4+5” and ordinals are not quantities.
        if _label_part(before) or before in tuple("第前") or _label_part(after) or after == "}":
            continue
        if m["unit"] in ("亿", "万元", "亿元") and after == "级" or quoted and _inside(quoted, a):
            continue
        if m["qual"] and _THRESHOLD.match(s, m.end()) and _is_threshold(s, a, m.end()):
            # 收入10万元以上的村占比达到85%: a threshold inside the metric, not a goal
            continue
        sent = sentences[bisect.bisect_right(sentences, a) - 1]
        if sent != prev_sentence:
            prev_metric, prev_sentence = "", sent
        value, upper = _number(m["num"]), _number(m["up"]) if m["up"] else None
        if not math.isfinite(value) or upper is not None and not math.isfinite(upper):
            continue  # a run of hundreds of digits is no quantity
        end = m.end() if m["qual"] else m.end("unit")
        last = out[-1] if out else None
        near = last is not None and last.end > sent and a - last.end <= 8
        nv = _NEXT_VALUE.match(s[last.end : a]) if last is not None and near else None
        if last is not None and nv is not None:
            # 分别增长6.5%和7.5%: a second value of the goal just read.
            strive_word = "力争" if nv["s1"] or nv["s2"] else None
            qual = m["qual"].strip().replace("及以上", "以上") if m["qual"] else strive_word or last.qualifier
            at = nv.start("s1") if nv["s1"] else nv.start("s2") if nv["s2"] else -1
            a0 = last.end + at if at >= 0 else a  # 力争7% keeps its word
            out.append(attrs.evolve(last, quantity=Quantity(value, m["unit"], upper), qualifier=qual,
                                    text=text[a0:end], start=a0, end=end))
            continue
        c0 = _clause_start(s, a, sent)
        pre = s[c0:a]
        # A time phrase opening the clause (力争到2024年底…) is not part of the metric.
        k = bisect.bisect_left(time_starts, a) - 1
        if k >= 0 and times[k].start >= c0 and times[k].end <= a:
            pre = s[times[k].end : a]
        verb = _VERB.search(pre[-14:])
        head = pre[: len(pre) - len(pre[-14:]) + verb.start()] if verb else pre
        base = _BASELINE.search(head)
        baseline = None
        if base:
            by = base["y"]
            baseline = Baseline(year=int(by) if by else None, text=base.group().strip())
            head = head[: base.start()] + head[base.end() :]
        metric = _TRAIL.sub("", _LEAD.sub("", head)).strip()
        rel = _RELATIVE.match(metric)
        if rel and prev_metric and baseline is None:
            # 增长8%，高于全省平均水平1个百分点: the goal just read, measured against a reference.
            baseline, metric = Baseline(text=metric), prev_metric
        # A number before its noun (建设 5 个以上亿元项目) counts that noun.
        tail = _clause_tail(s, m.end())
        with_tail = bool(tail) and (not metric or not verb)
        if not metric:
            word = verb.group().strip() if verb and verb["new"] else ""
            metric = word + tail if tail else prev_metric
        elif tail and not verb:
            metric += tail
        if with_tail:
            end = s.index(tail, m.end()) + len(tail)
        unit = m["unit"]
        kind, direction = _change(verb, unit, metric or head, m["qual"] or "")
        qualifier = None
        if m["qual"]:
            qualifier = m["qual"].strip().replace("及以上", "以上")
        elif verb and (verb["pq"] or verb["bound"]):
            qualifier = _BOUND_QUALIFIER.get(verb["pq"] or verb["bound"] or "")
        if qualifier is None:
            if re.match(r"^[\s*]*确保", s[c0:a]):
                qualifier = "确保"
            else:
                i = bisect.bisect_left(strive, sent)
                if i < len(strive) and strive[i] < a:
                    qualifier = "力争"
        deadline = None
        i = bisect.bisect_left(time_starts, a) - 1
        if i >= 0 and times[i].start >= sent:
            deadline = times[i].period
        t0 = c0 + len(_TEXT_LEAD.match(s[c0:a]).group())  # type: ignore[union-attr]
        quantity = Quantity(value, unit, upper)
        out.append(
            TargetDraft(
                metric=metric,
                change=kind,
                quantity=quantity,
                qualifier=qualifier,
                direction=direction,
                baseline=baseline,
                deadline=deadline,
                text=text[t0:end],
                start=t0,
                end=end,
            )
        )
        if metric:
            prev_metric = metric
    if qualitative:
        out.extend(_qualitative(text, s, out))
        out.sort(key=lambda d: d.start)
    return out


def _qualitative(text: str, s: str, found: list[TargetDraft]) -> list[TargetDraft]:
    """Clauses naming a change (下降, 改善, 增强) that hold no quantitative goal."""
    ends = [d.end for d in found]  # found is in text order
    out: list[TargetDraft] = []
    a = 0
    for i, ch in enumerate(s + "。"):
        if ch not in _CLAUSE_BREAK and ch not in _SENTENCE_BREAK:
            continue
        lo = a + len(_TEXT_LEAD.match(s[a:i]).group())  # type: ignore[union-attr]
        clause = s[lo:i]
        a = i + 1
        # Skip a clause that overlaps a quantitative goal: the first goal ending after lo starts before i.
        k = bisect.bisect_right(ends, lo)
        if not clause or len(clause) > _MAX_CLAUSE or k < len(found) and found[k].start < i:
            continue
        v = _QUALITATIVE.search(clause)
        if v is None:
            continue
        direction = Direction.DOWN if re.match(_REDUCE, v.group()) else Direction.UP
        metric = _TRAIL.sub("", _LEAD.sub("", clause[: v.start()])).strip()
        if not metric:
            continue
        out.append(
            TargetDraft(metric, ChangeKind.QUALITATIVE, None, None, direction, None, None, text[lo:i], lo, i)
        )
    return out
