"""Plan documents in the genre's own style, generated from random model objects, with the damage real files have.

:func:`plan_documents` draws :class:`~govplan.Unit` and :class:`~govplan.Task` objects
(invented units, places and wording), renders them as a district's plan — numbered
items with responsibility annotations in every bracket and wording the genre uses,
optionally a notice around it and a task-list table as an attachment — and damages
the text the way PDF and web conversions do:

* broken lines: a paragraph cut mid-sentence, sometimes with a blank line (a page end);
* split names: the cut falls inside a unit name in an annotation (``区住房城乡建`` / ``设局``);
* mixed bracket widths: ``（一）`` / ``(一)``, ``（1）`` / ``(1)``, full- and half-width
  annotation brackets, colons and semicolons;
* tab tables: tasks as rows of a tab-separated task-list table, continuation rows
  with an empty first cell, the header repeated after a page break.

:func:`mismatches` compares a graph read from the text with the objects that
generated it and lists every difference.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from govplan import Period, PlanGraph, Task, Unit

JURISDICTIONS = ("青山区", "白水县", "东湖区", "龙泉县", "南岭区")
DEPARTMENTS = (
    "发展改革局", "财政局", "工业和信息化局", "商务局", "城管局", "住房城乡建设局", "自然资源局",
    "市场监管局", "教育局", "民政局", "文旅广体局", "应急管理局", "卫生健康局", "人力资源社会保障局",
    "交通运输局", "水利局", "农业农村局", "科技局", "司法局", "审计局",
)
COLLECTIVES = ("各街道", "各乡镇", "区直相关单位")
VERBS = ("推进", "加快", "完善", "强化", "健全", "落实", "开展", "提升", "优化", "深化", "培育", "规范")
OBJECTS = (
    "项目建设", "配套设施", "要素保障", "专项整治", "工作机制", "督查考核", "市场主体", "服务水平",
    "平台建设", "惠企政策", "数字转型", "民生工程", "园区管理", "人才引进", "信用体系", "应急储备",
    "农田水利", "物流网络", "社区服务", "质量监管",
)
CLAUSES = (
    "建立健全常态化联系服务机制", "组织开展政策宣讲和培训活动", "完善项目储备和动态调整机制",
    "强化部门协同和信息共享", "落实属地管理和行业监管要求", "开展专项检查和问题整改",
    "推动资源整合和集约利用", "加强资金统筹和绩效评价", "及时协调解决企业反映的问题",
    "定期分析研判工作进展",
)
TOPICS = ("优化营商环境", "推动产业升级", "扩大有效投资", "促进消费提质", "加强生态保护", "提升公共服务")
CN = "一二三四五六七八九十"

# Annotation wordings: (template, needs lead, needs support); {L} lead names, {S} supporting names.
ANNOTATIONS = (
    ("{L}牵头，{S}按职责分工负责", True, True),
    ("{L}牵头，{S}等按职责分工负责", True, True),
    ("牵头单位：{L}；责任单位：{S}", True, True),
    ("牵头单位:{L};配合单位:{S}", True, True),
    ("{L}牵头，{S}配合", True, True),
    ("{L}牵头", True, False),
    ("{L}牵头负责", True, False),
    ("{S}负责", False, True),
    ("责任单位：{S}", False, True),
)
BRACKETS = (("（", "）"), ("(", ")"), ("[", "]"), ("〔", "〕"), ("【", "】"), ("（", ")"), ("(", "）"))


@attrs.frozen
class GeneratedDocument:
    """A rendered document and the objects it was generated from."""

    text: str
    year: int
    jurisdiction: str
    tasks: tuple[Task, ...]
    in_table: frozenset[str]  # ids of the tasks rendered as table rows
    keys: dict[str, str] = attrs.field(eq=False)  # task id -> the phrase that identifies it in the text

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def _names(units: Sequence[Unit]) -> str:
    return "、".join(u.name for u in units)


@st.composite
def _units(draw: Any, jurisdiction: str) -> list[Unit]:
    departments = draw(st.lists(st.sampled_from(DEPARTMENTS), min_size=3, max_size=8, unique=True))
    prefix = "区" if jurisdiction.endswith("区") else "县"
    return [Unit(f"unit:{jurisdiction}:{prefix}{d}", f"{prefix}{d}", jurisdiction=jurisdiction) for d in departments]


@st.composite
def _deadline(draw: Any, year: int) -> tuple[str, Period] | None:
    kind = draw(st.sampled_from(["none", "none", "ym", "m", "yearend", "quarter", "half"]))
    month = draw(st.integers(1, 12))
    phrase = {
        "none": None,
        "ym": f"{year}年{month}月底前",
        "m": f"{month}月底前",
        "yearend": "年底前",
        "quarter": f"{CN[draw(st.integers(0, 3))]}季度末",
        "half": draw(st.sampled_from(["上半年", "下半年"])),
    }[kind]
    return None if phrase is None else (phrase, Period.parse(phrase, year=year))


@st.composite
def plan_documents(draw: Any, max_groups: int = 3, max_items: int = 3, damage: bool = True,
                   labelled_deadlines: bool = True) -> GeneratedDocument:
    """A plan document with its generating tasks; *damage* adds the conversions' damage.

    With *labelled_deadlines*, a completion time may follow a labelled list
    (``（责任单位：X、Y，6月底前完成）``); otherwise times in labelled annotations are left out.
    """
    jurisdiction = draw(st.sampled_from(JURISDICTIONS))
    year = draw(st.integers(2023, 2026))
    units = draw(_units(jurisdiction))
    phrases = iter(draw(st.permutations([v + o for v in VERBS for o in OBJECTS]))[:40])
    maybe = (lambda p: draw(st.floats(0, 1)) < p) if damage else (lambda p: False)

    tasks: list[Task] = []
    keys: dict[str, str] = {}
    paragraphs: list[tuple[str, str | None]] = []  # (text, a unit name in it worth splitting)

    def item(number: str, path: tuple[str, ...]) -> None:
        key = next(phrases)
        titled = draw(st.booleans())
        lead = draw(st.lists(st.sampled_from(units), max_size=2, unique=True))
        support = draw(st.lists(st.sampled_from(units), min_size=0 if lead else 1, max_size=3, unique=True)
                       .filter(lambda s: not set(s) & set(lead)))
        wording = draw(st.sampled_from([a for a in ANNOTATIONS if a[1] == bool(lead) and a[2] == bool(support)]))[0]
        labelled = "：" in wording or ":" in wording
        deadline = draw(_deadline(year))
        in_note = deadline is not None and draw(st.booleans()) and (labelled_deadlines or not labelled)
        clauses = draw(st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=2, unique=True))
        body = "，".join(clauses)
        if deadline is not None and not in_note:
            body += f"，{deadline[0]}完成"
        text = f"{key}。{body}。" if titled else f"{key}，{body}。"
        task = Task(f"gen:{len(tasks)}", "gen", text=text, title=key if titled else None, path=path,
                    lead=tuple(lead), support=tuple(support), deadline=None if deadline is None else deadline[1],
                    deadline_text=None if deadline is None else deadline[0])
        tasks.append(task)
        keys[task.id] = key
        note = wording.format(L=_names(lead), S=_names(support))
        if in_note:
            note += f"，{deadline[0]}完成"  # type: ignore[index]
        opening, closing = draw(st.sampled_from(BRACKETS if damage else BRACKETS[:1]))
        names = [u.name for u in lead + support]
        paragraphs.append((f"{number}{text}{opening}{note}{closing}", draw(st.sampled_from(names))))

    def numbered(n: int, level: str) -> str:
        if level == "group":
            return draw(st.sampled_from([f"（{CN[n]}）", f"({CN[n]})", f"({CN[n]}) "] if damage else [f"（{CN[n]}）"]))
        return draw(st.sampled_from([f"{n + 1}.", f"{n + 1}. ", f"{n + 1}．"] if damage else [f"{n + 1}."]))

    notice = draw(st.booleans())
    # Without a notice the title carries the year, as such plans do; relative times need it.
    title = f"{jurisdiction}{'' if notice else f'{year}年'}{draw(st.sampled_from(TOPICS))}工作方案"
    head: list[str] = []
    if notice:
        head += [f"某政办发〔{year}〕{draw(st.integers(1, 40))}号", "",
                 f"{jurisdiction}人民政府办公室", f"关于印发《{title}》的通知", "",
                 "各街道办事处，区直各单位：", "", f"《{title}》已经区政府研究同意，现印发给你们，请结合实际认真组织实施。", "",
                 f"{jurisdiction}人民政府办公室", "", f"{year}年{draw(st.integers(1, 3))}月{draw(st.integers(1, 28))}日", ""]
    head += [title, "", f"为推动{jurisdiction}经济社会高质量发展，结合工作实际，特制定本方案。", "",
             "一、工作目标", "", f"到{year}年底，各项重点任务取得明显成效。", "", "二、重点任务", ""]
    groups = draw(st.integers(1, max_groups))
    for g in range(groups):
        number = numbered(g, "group")
        if draw(st.booleans()):  # a group that is itself the task
            item(number, ("二", number.strip()))
            continue
        paragraphs.append((f"{number}{next(phrases)}", None))
        for i in range(draw(st.integers(1, max_items))):
            sub = numbered(i, "item")
            item(sub, ("二", number.strip(), sub.strip()))

    body_lines: list[str] = []
    for text, name in paragraphs:
        body_lines += _damaged(text, name, draw, maybe) + [""]

    in_table: set[str] = set()
    table_lines: list[str] = []
    if draw(st.booleans()):
        table_lines = _table(draw, maybe, units, year, phrases, tasks, keys, in_table, jurisdiction)

    tail = ["三、保障措施", "", "（一）加强组织领导。各有关方面要加强协作，确保各项任务落到实处。", ""]
    text = "\n".join(head + body_lines + tail + table_lines) + "\n"
    return GeneratedDocument(text, year, jurisdiction, tuple(tasks), frozenset(in_table), keys)


def _damaged(text: str, name: str | None, draw: Any, maybe: Any) -> list[str]:
    """One paragraph as lines, cut the way page ends cut it: mid-sentence or inside a unit name."""
    cut = None
    if name and maybe(0.3):
        at = text.rfind(name)
        cut = at + draw(st.integers(1, len(name) - 1))
    elif maybe(0.3):
        # between two CJK characters, never right after a full stop (that would end the paragraph)
        # a PDF line holds a dozen characters or more, so the first part is never a stub
        places = [i for i in range(12, len(text) - 2)
                  if "\u4e00" <= text[i - 1] <= "\u9fff" and "\u4e00" <= text[i] <= "\u9fff"]
        if places:
            cut = draw(st.sampled_from(places))
    if cut is None:
        return [text]
    gap = [""] if maybe(0.5) else []
    return [text[:cut], *gap, text[cut:]]


def _table(draw: Any, maybe: Any, units: list[Unit], year: int, phrases: Any, tasks: list[Task],
           keys: dict[str, str], in_table: set[str], jurisdiction: str) -> list[str]:
    header = draw(st.sampled_from([
        "工作任务\t具体工作措施\t牵头单位\t责任单位\t完成时限",
        "序号\t工作任务\t牵头单位\t配合单位\t完成时间",
    ]))
    numbered_first = header.startswith("序号")
    lines = ["附件", "", f"{jurisdiction}{year}年重点任务清单", "", header]
    measure = 0
    for t in range(draw(st.integers(1, 3))):
        task_name = next(phrases)
        for row in range(draw(st.integers(1, 2))):
            measure += 1
            key = next(phrases)
            lead = draw(st.lists(st.sampled_from(units), min_size=1, max_size=2, unique=True))
            support = draw(st.lists(st.sampled_from(units), max_size=2, unique=True)
                           .filter(lambda s: not set(s) & set(lead)))
            phrase, period = draw(st.sampled_from([
                (f"{year}年{m}月", Period.parse(f"{year}年{m}月", year=year)) for m in (3, 6, 9, 12)
            ] + [("长期坚持", Period.ongoing())]))
            clause = draw(st.sampled_from(CLAUSES))
            if numbered_first:
                measure_text = f"{key}，{clause}。"
                cells = [str(measure), measure_text]
                path: tuple[str, ...] = ()
            else:
                measure_text = f"{key}，{clause}。"
                first = f"{t + 1}. {task_name}。" if row == 0 or not maybe(0.5) else ""
                cells = [first, f"({measure}) {measure_text}"]
                path = (f"({measure})",)
            cells += [_names(lead), _names(support) or "各街道", phrase]
            task = Task(f"gen:{len(tasks)}", "gen", text=measure_text, path=path, lead=tuple(lead),
                        support=tuple(support), deadline=period, deadline_text=phrase)
            tasks.append(task)
            keys[task.id] = key
            in_table.add(task.id)
            lines.append("\t".join(cells))
        if maybe(0.3):  # a page break repeats the header
            lines += ["", header]
    return lines + [""]


# --- comparing a graph with the objects that generated it -----------------------------------------


def _compact(text: str) -> str:
    return "".join(text.split())


def _has_names(found: Sequence[Unit], expected: Sequence[Unit]) -> bool:
    """Same number of units, and every expected name is one of the found units' names."""
    names = {n for u in found for n in u.names}
    return len(found) == len(expected) and all(u.name in names for u in expected)


def mismatches(graph: PlanGraph, doc: GeneratedDocument, *, check_paths: bool = True) -> list[str]:
    """Every way *graph* differs from the tasks *doc* was generated from (empty when it reads back)."""
    problems: list[str] = []
    read = list(graph.tasks())
    used: set[str] = set()
    for expected in doc.tasks:
        key = doc.keys[expected.id]
        found = [t for t in read if key in _compact(t.text) or (t.title and key in t.title)]
        if len(found) != 1:
            problems.append(f"{key}: {len(found)} tasks read")
            continue
        t = found[0]
        used.add(t.id)
        where = f"{key} (line {t.source.line if t.source else '?'})"
        if not _has_names(t.lead, expected.lead):
            problems.append(f"{where}: lead {[u.name for u in t.lead]} != {[u.name for u in expected.lead]}")
        # A table row with no supporting unit prints the collective 各街道, which is no generated unit.
        if not _has_names([u for u in t.support if u.name not in COLLECTIVES], expected.support):
            problems.append(f"{where}: support {[u.name for u in t.support]} != {[u.name for u in expected.support]}")
        if t.deadline != expected.deadline:
            problems.append(f"{where}: deadline {t.deadline} != {expected.deadline} ({expected.deadline_text})")
        if expected.title is not None and t.title != expected.title:
            problems.append(f"{where}: title {t.title!r} != {expected.title!r}")
        if check_paths and expected.path and expected.id not in doc.in_table and t.path != expected.path:
            problems.append(f"{where}: path {t.path} != {expected.path}")
        if check_paths and expected.id in doc.in_table and expected.path and t.path[-1:] != expected.path:
            problems.append(f"{where}: path {t.path} does not end {expected.path}")
    extra = [t for t in read if t.id not in used]
    if extra:
        problems.append(f"{len(extra)} tasks not generated: {[t.text[:20] for t in extra[:3]]}")
    return problems
