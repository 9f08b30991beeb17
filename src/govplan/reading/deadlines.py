"""Completion times in task text: which time phrase says by when an item is done.

The documents mix completion limits (``2024年6月底前``, ``到2025年``, ``年内完成``) with
times that are no deadline at all: a year in a name (``2024年度…清单``), a start
(``2024年起``), an event (``3月举办``), a rhythm (``每月25日前报送``), a baseline
(``较2022年``).  :func:`find_deadlines` keeps the first kind, :func:`find_deadline`
picks the latest of them, and :func:`parse_deadline_field` reads a completion-time
cell or labelled field, where any time (or ``长期坚持``) is the deadline.

Offsets are character offsets into the text given.

>>> m = find_deadline("完成摸底。到 2024 年底，实现全覆盖；6月底前完成方案。", 2024)
>>> str(m.period), m.text
('2024-12', '到 2024 年底')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

import attrs

from govplan.errors import PeriodParseError
from govplan.model.period import Period
from govplan.reading.structure import cn_value

__all__ = [
    "DeadlineLabel",
    "DeadlineMatch",
    "find_deadline",
    "find_deadline_label",
    "find_deadlines",
    "parse_deadline_field",
]


@attrs.frozen
class DeadlineMatch:
    """A completion time found in text: its period, the phrase as printed, and where."""

    period: Period
    text: str
    start: int
    end: int


@attrs.frozen
class DeadlineLabel:
    """A labelled completion-time field (``完成时限：2024年6月``) inside a longer text.

    ``start`` is where the label begins, ``value_start``/``end`` delimit the value;
    ``match`` is the value read as a deadline, or None when it is not a time.
    """

    label: str
    value: str
    start: int
    value_start: int
    end: int
    match: DeadlineMatch | None


# One-to-one character mapping, so offsets in the normalised text are offsets in the input.
_WIDTH = str.maketrans("０１２３４５６７８９　", "0123456789 ")

# 二〇二四年: a year in Chinese digits, read as the same number of Arabic digits.
_CN_YEAR = re.compile(r"(?:二[〇○零]|一九)[〇○零一二三四五六七八九]{2}(?=\s*年)")
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


def _normalise(text: str) -> str:
    """Half-width digits and Arabic years, one character for one, so offsets still hold."""
    s = text.translate(_WIDTH)
    return _CN_YEAR.sub(lambda m: m.group().translate(_CN_DIGITS), s) if "年" in s else s


# Every time-like phrase; context (what precedes and follows) decides whether it is a deadline.
_PHRASE = re.compile(
    r"(?P<fyp>十(?P<fypn>[三四五六七])五\s*[”\"’]?\s*(?:时期|期)?末)"
    r"|(?P<span>(?:19|20)\d\d\s*年?\s*(?:[-—–~～]{1,2}|至|到)\s*(?P<spanend>(?:19|20)\d\d)\s*年)"
    r"|(?P<y>(?:19|20)\d\d)\s*年\s*"
    r"(?:(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?\s*(?:(?P<d>\d{1,2})\s*[日号]|(?P<mend>底|末|[上中下]旬))?"
    r"|第?(?P<q>[一二三四1-4])\s*季度\s*(?P<qend>末|底)?"
    r"|(?P<h>[上下])半年\s*(?P<hend>末|底)?"
    r"|(?P<ye>底|末)"
    r"|(?P<yin>内)"
    r")?"
    r"|(?P<m2>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?\s*(?:(?P<d2>\d{1,2})\s*[日号]|(?P<mend2>底|末|[上中下]旬))?"
    r"|第?(?P<q2>[一二三四1-4])\s*季度\s*(?P<qend2>末|底)?"
    r"|(?P<h2>[上下])半年\s*(?P<hend2>末|底)?"
    r"|年\s*(?P<ye2>底|末)"
    r"|年\s*(?P<yin2>内)"
)

# Words before a time that make it a limit or target time.
_MARKERS = (
    "截止到", "截至到", "截至", "截止", "力争在", "力争到", "力争于", "争取在", "争取到",
    "确保在", "确保到", "确保于", "计划在", "计划于", "预计在", "预计于", "力争", "争取",
    "确保", "计划", "预计", "到", "至", "于", "在",
)
# Markers that belong to the printed phrase (到 2024 年底) rather than to the verb (力争 2024 年).
_KEEP_MARKERS = ("截止到", "截至到", "截至", "截止", "到", "至")
# A time right after these is a baseline, start or rhythm.
_REJECT_BEFORE = ("较", "比", "同比", "与", "自", "从", "每", "次", "前", "上", "去", "明", "往", "历", "近", "逐", "分", "由")
# A time right before these is a name, a start, or a span's beginning.
_REJECT_AFTER = ("度", "起", "以来", "以后", "之后", "后", "开始", "伊始", "初", "第", "一通报", "一次")
_LIMIT_AFTER = ("之前", "以前", "前")
_COMPLETE = (
    "完成", "建成", "竣工", "实现", "投产", "投入使用", "投用", "交付", "到位", "验收", "达到",
    "达标", "上线", "出台", "落地", "开工", "全覆盖", "覆盖", "办结", "整改", "完工",
    "通车", "运行", "运营", "挂牌", "建立", "形成", "基本建成", "全面完成", "实现全",
)
# 2024年计划完成…: a modal between the time and the completion verb.
_MODAL = ("计划", "力争", "争取", "确保", "要", "将", "预计", "基本", "全部", "全面", "逐步")
# 完成时限：2024年6月 inside running text: the label makes the time a limit.
_LABEL_BEFORE = re.compile(
    r"(?:完成时限|完成时间|完成期限|办结时限|时间节点|时间要求|截止时间|截止日期|时限要求|时限)\s*[：:]\s*$"
)
_EVENTS = ("开始", "启动", "举办", "召开", "举行", "开幕", "开展", "招募", "组织")
# Narrower than _EVENTS: after 于/在 a time may still be a limit for 开展 / 组织 (力争于6月开展试点).
_HAPPENS = ("举办", "召开", "举行", "开幕", "闭幕", "开始", "启动")
_CLAUSE_OPEN = set("。；;，,：:！!？?\n）)】]")
_CLAUSE_END = "。；;，,！!？?\n"
_NUMERALS = set("0123456789一二两三四五六七八九十几多数半")
_ONGOING = re.compile(r"^(?:长期坚持|长期推进|长期开展|长期|持续推进|持续开展|持续|常态化推进|常态化开展|常态化|常年|经常性|每年|每季度|每季|每月|每周|每旬|定期)")
_SKIP = " \t*\u3000"


def _before(s: str, i: int, n: int = 6) -> str:
    """Up to *n* characters ending at *i*, spaces and markup removed."""
    out: list[str] = []
    j = i - 1
    while j >= 0 and len(out) < n and i - j <= 3 * n:
        if s[j] not in _SKIP:
            out.append(s[j])
        j -= 1
    return "".join(reversed(out))


def _after(s: str, i: int, n: int = 6) -> str:
    """Up to *n* characters from *i*, spaces and markup removed."""
    out: list[str] = []
    j = i
    while j < len(s) and len(out) < n and j - i <= 3 * n:
        if s[j] not in _SKIP:
            out.append(s[j])
        j += 1
    return "".join(out)


def _skip_space(s: str, i: int) -> int:
    while i < len(s) and s[i] in _SKIP:
        i += 1
    return i


def _marker_before(s: str, start: int) -> tuple[str, int] | None:
    """The marker word that ends right before *start* (spaces allowed), and where it begins."""
    j = start
    while j > 0 and s[j - 1] in _SKIP:
        j -= 1
    for w in _MARKERS:
        if s.startswith(w, j - len(w)) and j - len(w) >= 0:
            return w, j - len(w)
    return None


def _clause_start(s: str, start: int) -> bool:
    """True when only markup, spaces or a numbering label separate *start* from a clause break."""
    j = start - 1
    while j >= 0 and s[j] in _SKIP:
        j -= 1
    return j < 0 or s[j] in _CLAUSE_OPEN


def _clause_rest(s: str, i: int, limit: int = 30) -> str:
    """The rest of the clause from *i*, at most *limit* characters."""
    end = min(len(s), i + limit)
    for j in range(i, end):
        if s[j] in _CLAUSE_END:
            return s[i:j]
    return s[i:end]


def _in_title(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_left(spans, (pos, -1)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _title_spans(s: str) -> list[tuple[int, int]]:
    """Spans of 《…》 titles (cited documents); a year inside them is part of a name."""
    spans: list[tuple[int, int]] = []
    depth, open_at = 0, -1
    for i, ch in enumerate(s):
        if ch == "《":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0:
                spans.append((open_at, i))
    if depth:
        spans.append((open_at, len(s)))
    return spans


def _period_of(m: re.Match[str], year: int | None) -> Period | None:
    """The period a phrase names; year-end forms (年底, 年末) are the year's last month."""
    g = m.groupdict()
    if g["fyp"]:
        return Period.of_year(1955 + 5 * (10 + (cn_value(g["fypn"]) or 0)))
    if g["span"]:
        return Period.of_year(int(g["spanend"]))
    y = int(g["y"]) if g["y"] else year
    if y is None or not 1 <= y <= 9999:
        return None
    try:
        if g["ye"] or g["ye2"]:
            return Period.of_month(y, 12)
        month = g["m"] or g["m2"]
        if month:
            mo, day = int(month) if month.isdigit() else cn_value(month) or 0, g["d"] or g["d2"]
            if day:
                return Period.parse(f"{y}年{mo}月{int(day)}日")
            return Period.parse(f"{y}年{mo}月")
        q = g["q"] or g["q2"]
        if q:
            return Period.parse(f"{y}年{q}季度")
        h = g["h"] or g["h2"]
        if h:
            return Period.parse(f"{y}年{h}半年")
        return Period.of_year(y)
    except PeriodParseError:
        return None


def _candidates(s: str) -> Iterator[re.Match[str]]:
    for m in _PHRASE.finditer(s):
        a = m.start()
        # Do not start inside a number (12345月) or a decimal (3.5月).
        if a and (s[a - 1].isdigit() or s[a - 1] == ".") and s[a].isdigit():
            continue
        yield m


def _is_deadline(s: str, m: re.Match[str], titles: list[tuple[int, int]]) -> bool:
    """Context rules of gold/DEADLINES.md for one time phrase."""
    g = m.groupdict()
    a, b = m.start(), m.end()
    if _in_title(titles, a):
        return False
    if g["span"]:
        # A programme's span is a scope; 2024—2025年完成… says by when it is done.
        return _after(s, b, 4).startswith(_COMPLETE)
    if _LABEL_BEFORE.search(s, max(0, a - 12), a):
        return True
    before = _before(s, a, 4)
    after = _after(s, b, 4)
    marker = _marker_before(s, a)
    if any(before.endswith(w) for w in _REJECT_BEFORE) and not marker:
        return False
    if "每" in before[-3:]:
        return False
    # A month after a dash is the end of a month span (1—6月), i.e. a scope.
    if (g["m2"] or g["q2"]) and before[-1:] in "-—–~～至到" and before[-2:-1].isdigit():
        return False
    limit = after.startswith(_LIMIT_AFTER)
    if not limit and any(after.startswith(w) for w in _REJECT_AFTER):
        return False
    if g["yin"] or g["yin2"]:
        # 年内 is the plan year; 两年内 / 3年内 count from a start and are not inferred.
        return g["yin"] is not None or before[-1:] not in _NUMERALS and not before.endswith("全")
    if g["fyp"]:
        return True
    ends = next((g[k] for k in ("ye", "ye2", "mend", "mend2", "qend", "qend2", "hend", "hend2") if g[k]), None)
    if limit or (ends and ends in "底末"):
        return True
    if _event_follows(s, b):
        return False  # 大会于9月举办 / 定于10月在某地召开: an event's date, even after 于
    if marker:
        return True
    if after.startswith(_COMPLETE) or any(
        after.startswith(w) and _after(s, b, 8)[len(w) :].startswith(_COMPLETE) for w in _MODAL
    ):
        return True
    # A year, half or quarter opening a clause frames what the clause does (2024年，完成…).
    if not (g["m"] or g["m2"]) and _clause_start(s, a):
        rest = _clause_rest(s, b)
        # 2024年《…》 heads a title, not a clause; events and starts are not limits.
        return not after.startswith(("《", "“")) and not any(w in rest[:8] for w in _EVENTS)
    return False


def _event_follows(s: str, b: int) -> bool:
    """True when the clause after a time holds an event verb (举办, 召开 …) before any
    completion verb: the time is when something happens, not by when it is done."""
    rest = _clause_rest(s, b, 14)
    hit = min((i for i in (rest.find(w) for w in _HAPPENS) if i >= 0), default=-1)
    if hit < 0:
        return False
    done = min((i for i in (rest.find(w) for w in _COMPLETE) if i >= 0), default=len(rest))
    return hit < done


def _context_year(s: str, pos: int, year: int | None) -> int | None:
    """The year of a phrase that omits it: an explicit year earlier in the same sentence
    (2025年9月30日前完工、11月30日前投入运营), else the plan's year, else any year before."""
    window = s[max(0, pos - 200) : pos]
    cut = max(window.rfind(ch) for ch in "。！？\n")
    last = None
    for m in re.finditer(r"(?:19|20)\d\d(?=\s*年\s*(?:\d{1,2}\s*月|底|末))", window[cut + 1 :]):
        last = int(m.group())
    if last is not None or year is not None:
        return last if last is not None else year
    for m in re.finditer(r"(?:19|20)\d\d(?=\s*年)", window):
        last = int(m.group())
    return last


def _match(text: str, s: str, m: re.Match[str], year: int | None) -> DeadlineMatch | None:
    g = m.groupdict()
    needs_year = not (g["y"] or g["fyp"] or g["span"])
    period = _period_of(m, _context_year(s, m.start(), year) if needs_year else year)
    if period is None:
        return None
    a, b = m.start(), m.end()
    while b > a and s[b - 1] in _SKIP:
        b -= 1
    marker = _marker_before(s, a)
    if marker and marker[0] in _KEEP_MARKERS:
        a = marker[1]
    after = _skip_space(s, m.end())
    for w in _LIMIT_AFTER:
        if s.startswith(w, after):
            b = after + len(w)
            break
    if g["fyp"]:
        # Take the opening quote and marker of 到“十四五”末 into the phrase.
        j = a
        while j > 0 and s[j - 1] in "“\"‘ ":
            j -= 1
        mk = _marker_before(s, j)
        a = mk[1] if mk and mk[0] in _KEEP_MARKERS else j
    return DeadlineMatch(period, text[a:b], a, b)


def find_deadlines(text: str, year: int | None = None) -> list[DeadlineMatch]:
    """Every completion-time phrase in *text*, in order (rule 2-3 of gold/DEADLINES.md).

    *year* is the plan's year, given to phrases that omit it (``6月底前``, ``年内``).

    >>> [str(m.period) for m in find_deadlines("2024年起实施，力争2025年建成，每月5日前报送", 2024)]
    ['2025']
    """
    if not isinstance(text, str):
        return []
    s = _normalise(text)
    titles = _title_spans(s) if "《" in s else []
    out: list[DeadlineMatch] = []
    for m in _candidates(s):
        if _is_deadline(s, m, titles):
            found = _match(text, s, m, year)
            if found is not None:
                out.append(found)
    return out


def find_deadline(text: str, year: int | None = None) -> DeadlineMatch | None:
    """The latest completion time in a task's own text, or None.

    >>> str(find_deadline("2025年9月30日前完工、11月30日前投入运营", 2024).period)
    '2025-11-30'
    >>> find_deadline("完成《2024年度工作要点》，3月举办推介会", 2024) is None
    True
    """
    best: DeadlineMatch | None = None
    for m in find_deadlines(text, year):
        if best is None or m.period > best.period:
            best = m
    return best


def parse_deadline_field(text: str, year: int | None = None) -> DeadlineMatch | None:
    """Read a completion-time cell or labelled field (rule 1): any time there is the deadline.

    ``长期坚持`` / ``持续推进`` / ``常态化`` → ongoing; a span gives its end; several
    times give the latest.

    >>> [str(parse_deadline_field(t, 2024).period) for t in ("2023年12月", "长期坚持", "2024—2025年")]
    ['2023-12', 'ongoing', '2025']
    """
    if not isinstance(text, str):
        return None
    s = _normalise(text)
    a = _skip_space(s, 0)
    while a < len(s) and s[a] in "（(【[“\"":
        a = _skip_space(s, a + 1)
    if a >= len(s):
        return None
    o = _ONGOING.match(s, a)
    if o:
        return DeadlineMatch(Period.ongoing(), text[a : o.end()], a, o.end())
    best: DeadlineMatch | None = None
    for m in _candidates(s):
        g = m.groupdict()
        if g["span"]:
            found: DeadlineMatch | None = DeadlineMatch(
                Period.of_year(int(g["spanend"])), text[m.start() : m.end()], m.start(), m.end()
            )
        else:
            found = _match(text, s, m, year)
        if found is not None and (best is None or found.period > best.period):
            best = found
    if best is not None:
        return best
    whole = text[a:].rstrip()
    if "持续" in s or "长期" in s:
        return DeadlineMatch(Period.ongoing(), whole, a, a + len(whole))
    try:  # ISO and dotted forms: 2024-06-30, 2024.12
        period = Period.parse(whole.replace("全年", "本年"), year)
    except PeriodParseError:
        return None
    return DeadlineMatch(period, whole, a, a + len(whole))


_LABEL = re.compile(
    r"(?P<label>完成时限|完成时间|完成期限|办结时限|时间节点|时间要求|截止时间|截止日期|时限要求|时限)\s*[：:]\s*"
)
_VALUE_END = re.compile(r"[；;）)】\]。\n]")


def find_deadline_label(text: str, year: int | None = None) -> DeadlineLabel | None:
    """The first labelled completion-time field in *text* (``完成时限：2024年6月``).

    >>> lab = find_deadline_label("（牵头单位：区商务局；完成时限：2024年6月底）", 2024)
    >>> lab.label, lab.value, str(lab.match.period)
    ('完成时限', '2024年6月底', '2024-06')
    """
    if not isinstance(text, str):
        return None
    m = _LABEL.search(text)
    if m is None:
        return None
    e = _VALUE_END.search(text, m.end())
    end = e.start() if e else len(text)
    value = text[m.end() : end].rstrip()
    end = m.end() + len(value)
    found = parse_deadline_field(value, year)
    if found is not None:
        found = attrs.evolve(found, start=found.start + m.end(), end=found.end + m.end())
    return DeadlineLabel(m["label"], value, m.start(), m.end(), end, found)

