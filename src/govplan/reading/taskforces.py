"""Task forces described in a 推进机制 / 组织实施 / 保障措施 paragraph.

The genre's sentence is ``成立X工作专班，由A任召集人，B、C主要负责同志任副召集人，成员单位包括
D、E、F等，专班办公室设在G``, with variants: members before ``为成员单位`` / ``为专班成员``,
``办公室设X``, a 总专班 with 总指挥 / 总调度, a 综合协调组 with 组长, a 领导小组 with
roles as labels (``组长：…；副组长：…；成员：…``), a 指挥部 with 指挥长, members
``由A、B组成`` or ``由X牵头，A、B和C组成``, a 联席会议 ``由X总牵头``, a body named earlier and
described by its bare noun (``发挥X领导小组作用，领导小组由区长任组长…``), a roster one person a
line (``组　长：李某某　县长``; names are dropped, members become their units).  A body only
named (每个行动建立工作专班) is not a task force.  Posts are split into unit and post with :func:`govplan.units.split_post`
(:func:`post_unit` gives the unit a post belongs to).

>>> tf, = find_taskforces("成立招商引资行动工作专班，由分管副区长担任召集人，区商务局、"
...                       "区发改局主要负责同志任副召集人，成员单位包括区财政局、区自然资源局等，"
...                       "专班办公室设在区商务局，负责日常调度。")
>>> tf.name, tf.convener, tf.deputies, tf.members, tf.office
('招商引资行动工作专班', '分管副区长', ('区商务局主要负责同志', '区发改局主要负责同志'), ('区财政局', '区自然资源局'), '区商务局')
"""

from __future__ import annotations

import re

import attrs

from govplan.units import clean_name, split_post, split_unit_list

__all__ = ["TaskForceDraft", "find_taskforces", "post_unit"]


@attrs.frozen
class TaskForceDraft:
    """One task force read from a paragraph; ``start``/``end`` are offsets into it."""

    name: str
    convener: str | None
    deputies: tuple[str, ...]
    members: tuple[str, ...]
    office: str | None
    start: int
    end: int


# 成立 / 建立 … <body noun>; the name may hold quotes but no clause break.  Roles may be
# written before the name: 成立由区长任组长、…为成员的某某领导小组 / 由X总牵头的联席会议.
# Longest first within a family, so that 工作推进组 is not cut at 组.  Any …小组 / …专组 /
# …推进组 / …专项组 is a body of the genre; a bare …组 is too loose (组织, 组团) to list.
_NOUNS = (
    "总专班|工作专班|专班|领导小组|工作小组|协调小组|专项小组|推进小组|小组|综合协调组|协调组|工作推进组|推进组|"
    "工作专组|专项组|专组|督导组|指导组|工作组|联席会议|总指挥部|指挥部|工作办公室|工作委员会|委员会"
)
_INTRO = re.compile(
    r"(?:成立|组建|建立|设立)(?:了)?(?P<pre>[由以][^。；;\n的]{2,150}的)?"
    r"(?P<name>[^，,。；;：:\n的]{0,40}?(?:" + _NOUNS + r"))"
)
# 领导小组由区长任组长: a body already named (发挥X领导小组统筹作用) described with its bare
# noun as a clause's subject.
_SUBJECT = re.compile(
    r"(?<![^。；;，,：:])(?P<noun>工作专班|专班|领导小组|工作小组|工作推进组|推进组|工作组|指挥部|联席会议)"
    r"(?=由|(?:" + "组长|副组长|召集人|指挥长|总指挥|主任" + r")由|(?:成员单位|成员)(?:包括|为|由|有))"
)
# 充分发挥区某某领导小组统筹作用: the verb before the name of a body mentioned, not described.
_MENTION_VERB = re.compile(
    r"(?:要|应)?(?:充分|切实|进一步|继续|更好)?(?:发挥|依托|借助|利用|通过|用好|强化|加强|完善|健全|调整|优化|由|在|经)"
)
_MENTION_STOP = "，,。；;：:、“”\"（）()的"
_GENERIC_NAMES = {
    "专班", "工作专班", "领导小组", "工作小组", "工作组", "协调组", "协调小组", "指挥部", "委员会",
    "推进组", "工作推进组", "小组", "专组", "工作专组",
}
# 每个行动分别建立工作专班: one per action, described elsewhere.
_DISTRIBUTIVE = ("分别", "各", "每个", "每", "均", "相应", "各自", "都")
_MODALS = ("要", "应", "应当", "需", "须", "必须", "可", "适时")
_LEAD_BY = re.compile(r"^由(?P<who>.+?)(?:总牵头|牵头)的$")
_VERB_PREFIX = re.compile(r"^(?:[^，。“”\"]{0,8}?[区市县州旗])?(?:实施|落实|推进|推动)(?=.{4})")

_HEADS = (
    "副总指挥|总指挥|副指挥长|指挥长|总调度|副召集人|召集人|常务副组长|副组长|双组长|第一组长|组长|"
    "常务副主任|副主任|主任|专班负责人|专班长"
)
_ROLE = re.compile(
    r"(?:担任|出任|兼任|任|为|作为)(?P<pre>[^，,。；;、任为]{0,8}?)"
    r"(?P<role>" + _HEADS + r"|成员单位|专班成员|成员)"
)
_CONVENER_ROLES = {"总指挥", "指挥长", "召集人", "组长", "双组长", "第一组长", "主任", "专班负责人", "专班长"}
_DEPUTY_ROLES = {"副总指挥", "副指挥长", "总调度", "副召集人", "常务副组长", "副组长", "常务副主任", "副主任"}
_MEMBER_LIST = re.compile(r"(?:成员单位|成员)(?:包括|包含|有|为|是|如下|由)\s*[：:]?|(?:成员单位|成员)\s*[：:]|成员单位")
# 组长：区长；副组长：常务副区长 — a role as a label, its holder after the colon.
_LABEL_WORD = r"(?:" + _HEADS + r"|成员单位|成员|联络员)\s*[：:]"
_LABELLED = re.compile(
    r"(?P<role>" + _HEADS + r")\s*[：:]\s*(?P<who>[^；;。\n]{1,80}?)(?=[；;。\n]|" + _LABEL_WORD + r"|$)"
)
# A label as laid out in a roster, its characters spaced to align the column (组　长：, 成　员：).
_GAP = "[ \t\u3000\xa0]"
_SPACED_LABEL = re.compile(
    "(?:"
    + "|".join((_GAP + "*").join(w) for w in (*_HEADS.split("|"), "成员单位", "成员", "联络员"))
    + ")"
    + _GAP
    + "*[：:]"
)
# What opens a new line of a task-force description (see _compact).
_LINE_OPENER = re.compile(_SPACED_LABEL.pattern + r"|(?:领导小组|指挥部|工作专班|专班|工作推进组|推进组|工作专组|专组|工作组|小组)?办公室")
# 专班由区商务局、区发改局、区财政局组成: the members, with no 成员 word.  Commas are
# excluded so that 由区长任组长，…组成 is not read as a list.
_COMPOSED = re.compile(r"由(?P<who>[^由，,。；;\n]{2,300}?)(?:共同)?组成(?!员)")
# 组长由区长担任: the role first, its holder after 由.
_PASSIVE = re.compile(
    r"(?P<role>" + _HEADS + r")由"
    r"(?P<who>[^，,。；;]{1,60}?)(?:担任|兼任|出任|任)(?=[，,。；;、]|$)"
)
# 专班由区政府分管副区长牵头，区商务局、区发改委和各街道办事处组成: the convener leads,
# and the list after the comma shares the 由.
_LED = re.compile(
    r"由(?P<who>[^由，,。；;、\n]{2,40}?)(?:总牵头|牵头)(?:负责|抓总)?"
    r"(?:[，,](?P<list>[^由，,。；;\n]{2,300}?)(?:共同)?(?:组成|参加|参与)(?![员人])|(?=[，,。；;]|$))"
)
_OFFICE = re.compile(r"(?:领导小组|指挥部|工作专班|专班|工作推进组|推进组|工作专组|专组|工作组|小组)?办公室(?:设在|设于|设)(?P<unit>[^，,。；;\n]+)")
_POST = re.compile(
    r"(?:分管|相关|跟线|协管|常务)?(?:主要负责同志|分管负责同志|相关负责同志|负责同志|主要负责人|分管负责人|相关负责人|负责人|"
    r"主要领导|分管领导|党组书记|党委书记|书记|"
    r"副?(?:局长|主任|政委|区长|市长|县长|部长|大队长|支队长|队长|行长|总经理|经理|董事长|院长|检察长|所长|站长|校长|"
    r"秘书长|主席|处长|科长)|党组成员|常委|委员)"
    r"(?:[（(][^）)]{0,8}[）)])?$"
)
_BARE_POST = re.compile(r"^(?:常务|党组|党委)?副?(?:局长|主任|政委|区长|市长|县长|书记|部长|队长)")
_MEMBER_TRIM = re.compile(
    r"(?:共同组成|组成|等相关单位|等有关单位|等单位|等部门|等|"
    r"(?:主要|分管|相关|有关)?(?:负责同志|负责人|领导同志|领导))+$"
)
_GENERIC_MEMBER = re.compile(r"^(?:各|相关|有关)?(?:责任|成员|牵头|相关)单位|分管领导|联络员")
_TRAILING_NOTE = re.compile(r"[（(][^（()）]{1,12}[）)]$")
_BREAKS = "，,。；;\n"
_OPEN, _CLOSE = "（(【[“\"《", "）)】]”\"》"


def _split_top(text: str, seps: str) -> list[str]:
    """Split on any of *seps* outside brackets and quotes."""
    parts: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch in _OPEN and not (ch == '"' and depth):
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif ch in seps and depth == 0:
            parts.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    parts.append("".join(cur))
    return parts


def _clean(name: str) -> str:
    return clean_name(name).strip("：:，,。；;、")


def _units(text: str) -> tuple[str, ...]:
    """Member units of a list; a member printed as its post (区统计局局长) is its unit."""
    out: dict[str, None] = {}
    for item in split_unit_list(text):
        name = _MEMBER_TRIM.sub("", _clean(str(item)))
        unit, post = _split(name) if name else ("", "")
        if unit and post:
            name = unit
        if name and not _GENERIC_MEMBER.search(name):
            out.setdefault(name)
    return tuple(out)


def _split(item: str) -> tuple[str, str]:
    """Unit and post of one holder: 区科工信局党组书记、局长 -> (区科工信局, 党组书记、局长).

    :func:`govplan.units.split_post` knows the units; the post words of this genre
    (院长, 董事长 …) back it up when it finds no post.
    """
    unit, post = split_post(item)
    if unit and post:
        return unit, post
    m = _POST.search(item)
    if m is not None:
        left = item[: m.start()]
        core = _TRAILING_NOTE.sub("", left)  # 区政府办公室（区金融办）主任
        if len(core) >= 2 and split_post(core) == (core, ""):
            return left, item[m.start() :]
        if m.start() == 0 or not unit:
            return "", item  # a post alone: 常务副区长
    elif not unit and _BARE_POST.match(item):
        return "", item
    return item, ""  # a unit, known or not


def post_unit(label: str) -> str | None:
    """The unit a printed post belongs to, or None when the post names no unit.

    With several holders (``区委书记，区委副书记、区长``) the first holder's unit.

    >>> post_unit("区科工信局党组书记、局长"), post_unit("区政府分管副区长"), post_unit("常务副区长")
    ('区科工信局', '区政府', None)
    >>> post_unit("区委书记，区委副书记、区长"), post_unit("区人民法院院长")
    ('区委', '区人民法院')
    """
    if not isinstance(label, str):
        return None
    first = _split_top(_clean(label), "，,；;")[0]
    unit, post = _split(first.strip())
    return unit if unit and post else None


def _posts(text: str) -> tuple[str, ...]:
    """Deputies as posts: ``A、B主要负责人`` gives ``A主要负责人`` and ``B主要负责人``.

    A bare rank after a post in a unit is the same person's second post
    (区委常委、常务副区长); a relation (分管副区长) after it is another person.
    """
    out: list[str] = []
    for group in re.split(r"[，,；;]|以及|及", _clean(text)):
        items: list[list[str]] = []
        for raw in _split_top(group, "、"):
            raw = raw.strip()
            if not raw:
                continue
            unit, post = _split(raw)
            if not unit and items and items[-1][0] and items[-1][1] and _BARE_POST.match(post):
                items[-1][1] += "、" + post
            else:
                items.append([unit, post])
        shared = items[-1][1] if items and items[-1][0] else ""
        out.extend(u + (p or shared) for u, p in items)
    return tuple(x for x in out if x)


def _is_list(s: str, m: re.Match[str], hi: int) -> bool:
    """成员单位包括… always opens a list; bare 成员单位… only when a 、-list follows."""
    if m.group() != "成员单位":
        return True
    stop = m.end()
    while stop < hi and s[stop] not in _BREAKS:
        stop += 1
    return "、" in s[m.end() : stop]


def _holder(s: str, lo: int, hi: int) -> str:
    """Who holds a role: the words between the last anchor (or 由, or a sentence start) and the verb."""
    seg = s[lo:hi]
    cut = max(seg.rfind("。"), seg.rfind("由"))
    seg = seg[cut + 1 :]
    return re.sub(r"^[\s，,；;、]+|(?:分别|共同|等)+$", "", seg).strip()


def _name(raw: str, action: str | None) -> str:
    """The body's name without the verb after 成立 (实施 / 落实 / 推进 …)."""
    raw = _clean(raw)
    if raw.endswith("专班"):
        raw = _VERB_PREFIX.sub("", raw)
    if raw in _GENERIC_NAMES and action:
        raw = action + raw if raw.startswith(("工作", "总")) else f"{action}工作{raw}"
    return raw


@attrs.define
class _Roles:
    """What a span of text says about one body's roles (filled by :func:`_read_roles`)."""

    convener: str | None = None
    deputies: list[str] = attrs.Factory(list)
    members: dict[str, None] = attrs.Factory(dict)  # an insertion-ordered set
    office: str | None = None
    end: int = 0


def _read_roles(s: str, lo: int, hi: int, roles: _Roles) -> None:
    """Read role statements, member lists and the office in s[lo:hi] into *roles*."""
    found: dict[re.Pattern[str], re.Match[str] | None] = {}

    def ahead(rx: re.Pattern[str], pos: int) -> re.Match[str] | None:
        # Keep each pattern's next match until pos passes it: linear on long segments.
        if rx not in found or (hit := found[rx]) is not None and hit.start() < pos:
            found[rx] = rx.search(s, pos, hi)
        return found[rx]

    anchor = pos = lo
    while pos < hi:
        role, lst, off, pas, lab, comp, led = (
            ahead(rx, pos) for rx in (_ROLE, _MEMBER_LIST, _OFFICE, _PASSIVE, _LABELLED, _COMPOSED, _LED)
        )
        nxt = min((x for x in (role, lst, off, pas, lab, comp, led) if x), key=lambda x: x.start(), default=None)
        if nxt is None:
            break
        if nxt is led:
            roles.convener = roles.convener or _clean(nxt["who"])
            if nxt["list"]:
                roles.members.update(dict.fromkeys(_units(nxt["list"])))
            anchor = roles.end = pos = nxt.end()
        elif nxt is comp:
            roles.members.update(dict.fromkeys(_units(nxt["who"])))
            anchor = roles.end = pos = nxt.end()
        elif nxt is off:
            roles.office = roles.office or _clean(_MEMBER_TRIM.sub("", nxt["unit"]))
            anchor = roles.end = pos = nxt.end()
        elif nxt is lst and not _is_list(s, nxt, hi):
            pos = nxt.end()  # 成员单位要明确分管领导: a sentence about members, not their list
        elif nxt is lst:
            stop, depth = nxt.end(), 0
            while stop < hi and (s[stop] not in _BREAKS or depth):
                depth += s[stop] in "（(【["
                depth -= depth > 0 and s[stop] in "）)】]"
                stop += 1
            # Lines joined without a break: the list ends where the office or the next role label begins.
            for rx in (_OFFICE, _LABELLED):
                nxt_stmt = ahead(rx, nxt.end())
                if nxt_stmt is not None and nxt_stmt.start() < stop:
                    stop = nxt_stmt.start()
            roles.members.update(dict.fromkeys(_units(s[nxt.end() : stop])))
            anchor = roles.end = pos = stop
        else:
            if nxt is pas or nxt is lab:
                who, kind = nxt["who"], nxt["role"]
                office_post = "办公室" in s[max(lo, nxt.start() - 4) : nxt.start()]
            else:
                who, kind = _holder(s, anchor, nxt.start()), nxt["role"]
                office_post = "办公室" in nxt["pre"]
            if office_post:
                pass  # 任专班办公室主任: the office's director, not the body's head
            elif kind in ("成员单位", "专班成员", "成员"):
                roles.members.update(dict.fromkeys(_units(who)))
            elif kind in _CONVENER_ROLES and who:
                roles.convener = roles.convener or _clean(who)
            elif kind in _DEPUTY_ROLES and who:
                roles.deputies.extend(_posts(who))
            anchor = roles.end = pos = nxt.end()


# The last words of a post in a roster line (李某某　县统计局局长): a person's name follows them.
_POST_END = (
    "主任", "长", "书记", "委员", "常委", "经理", "主席", "政委", "负责人", "负责同志", "同志", "专员", "主管", "员",
)
_GAP_RX = re.compile(_GAP)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LIST_LABELS = ("成员", "成员单位")


def _roster(text: str) -> tuple[dict[int, int], dict[int, str]]:
    """Persons' names in a roster, to be dropped, and separators to put between its entries.

    A roster lists one person a line after the role labels, name then post
    (``组长：李某某　县委副书记、县长`` / ``　　　　赵某某　副县长``).  The record keeps the
    posts.  Lines may arrive joined without a break (``…县长赵某某　副县长``): a name is the
    2-4 characters before a gap that follow a post's last word.  Returns name start -> end,
    and position -> separator (``、`` between members, ``，`` between other persons).
    """
    drops: dict[int, int] = {}
    seps: dict[int, str] = {}
    labels = list(_SPACED_LABEL.finditer(text))
    for k, lab in enumerate(labels):
        hi = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        sep = "、" if re.sub(_GAP, "", lab.group())[:-1] in _LIST_LABELS else "，"
        i = lab.end()
        while i < hi and text[i].isspace():
            i += 1
        run = i
        while i < hi and _CJK.match(text, i):
            i += 1
        if not 2 <= i - run <= 4 or _is_post(text[run:i]) or not _gap_then_cjk(text, i, hi):
            continue  # 组长：区长 / 成员：区财政局　区商务局 — no person's name
        post = re.match(r"\s*[^\s。；;]*", text[i:hi])
        if post is None or not any(w in post.group() for w in _POST_END):
            continue
        drops[run] = i
        last = i
        while i < hi and text[i] not in "。；;":
            if not text[i].isspace():
                i += 1
                continue
            g = i
            while i < hi and text[i].isspace():
                i += 1
            if "\n" in text[g:i] or not _gap_then_cjk(text, g, hi):
                continue
            a = g
            while a > last and _CJK.match(text, a - 1):
                a -= 1
            for n in (3, 2, 4):
                name = g - n
                if name < a or _is_post(text[name:g]):
                    continue
                if name == a or text[a:name].endswith(_POST_END):
                    drops[name] = g
                    seps[name] = sep
                    break
            last = i
    return drops, seps


def _is_post(word: str) -> bool:
    """True for a post or a unit (区长, 区财政局): not a person's name."""
    return word.endswith(_POST_END) or _BARE_POST.match(word) is not None or split_post(word)[0] == word


def _gap_then_cjk(text: str, i: int, hi: int) -> bool:
    """A horizontal gap at *i* followed by a CJK character (a post after a name)."""
    j = i
    while j < hi and text[j] in " \t\u3000\xa0":
        j += 1
    return j > i and j < hi and _CJK.match(text, j) is not None


def _compact(text: str) -> tuple[str, list[int]]:
    """*text* without whitespace, so names broken by a line or page break join up, and
    where[i], the offset in *text* of character i (one past the end for the last).

    A line break before a role label (副组长：…) or an office (办公室设在…) ends a
    statement: it becomes ``；`` so that a list does not run on into the next line.
    """
    drops, seps = _roster(text) if _GAP_RX.search(text) else ({}, {})
    chars: list[str] = []
    where: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if i in seps:
            chars.append(seps[i])
            where.append(i)
        if i in drops:
            i = drops[i]
            continue
        if not ch.isspace():
            chars.append(ch)
            where.append(i)
            i += 1
            continue
        j = i
        while j < n and text[j].isspace():
            j += 1
        newline = text.find("\n", i, j)
        if newline >= 0 and chars and chars[-1] not in _BREAKS and _LINE_OPENER.match(text, j):
            chars.append("；")
            where.append(newline)
        i = j
    where.append(n)
    return "".join(chars), where


def _mentioned(s: str, noun: str, pos: int) -> tuple[str, int] | None:
    """The last full name ending in *noun* before *pos* (区某某领导小组), and where it starts."""
    k = s.rfind(noun, 0, pos)
    while k > 0 and s[k - 1] in _MENTION_STOP:
        k = s.rfind(noun, 0, k)  # a bare 领导小组 names nothing
    if k <= 0:
        return None
    a = k
    while a > 0 and k - a < 40 and s[a - 1] not in _MENTION_STOP:
        a -= 1
    head = _MENTION_VERB.match(s, a, k)
    a = head.end() if head else a
    return (s[a : k + len(noun)], a) if a < k else None


def _subject_intro(s: str, hi: int) -> tuple[str, int, int] | None:
    """A body described with its bare noun as subject before *hi* (where the first 成立 is):
    its name, where its description starts, and where its role statements start."""
    m = _SUBJECT.search(s, 0, hi)
    if m is None:
        return None
    noun = m["noun"]
    found = _mentioned(s, noun, m.start())
    if found is None:
        return noun, m.start(), m.start()
    return found[0], found[1], m.start()


def find_taskforces(text: str, action: str | None = None) -> list[TaskForceDraft]:
    """Every task force described in one paragraph, in order.

    *action* names the plan's action; a body called only ``工作专班`` takes it as its name.
    A body that is only named, with no convener and no members, is not returned.

    >>> [t.name for t in find_taskforces("各项行动均建立工作专班，由分管副区长任召集人。")]
    []
    >>> tf, = find_taskforces("组建由区政府常务副区长牵头的联席会议，统筹推进。")
    >>> tf.name, tf.convener
    ('联席会议', '区政府常务副区长')
    """
    if not isinstance(text, str) or not text:
        return []
    s, where = _compact(text)
    intros = list(_INTRO.finditer(s))
    out: list[TaskForceDraft] = []
    subject = _subject_intro(s, intros[0].start() if intros else len(s))
    if subject is not None:
        name, a, lo = subject
        lead = s[max(0, a - 6) : a]
        if not any(w in lead for w in _DISTRIBUTIVE):
            roles = _Roles(end=lo)
            _read_roles(s, lo, intros[0].start() if intros else len(s), roles)
            if roles.convener is not None or roles.members:
                out.append(_draft(_name(name, action), roles, where, a))
    for k, m in enumerate(intros):
        seg_end = intros[k + 1].start() if k + 1 < len(intros) else len(s)
        if m.end() < len(s) and s[m.end()] in "”\"’":
            continue  # “链主+专班” is a slogan, not a body
        name = _name(m["name"], action)
        lead = s[max(0, m.start() - 6) : m.start()]
        if any(w in lead for w in _DISTRIBUTIVE):
            continue
        # 相关单位要成立工作专班: an instruction to others, not a body of this plan.
        if name in _GENERIC_NAMES and lead.endswith(_MODALS):
            continue
        roles = _Roles(end=m.end())
        if m["pre"]:
            by = _LEAD_BY.match(m["pre"])
            if by:
                roles.convener = _clean(by["who"])
            else:
                _read_roles(s, m.start("pre") + 1, m.end("pre"), roles)
            roles.end = m.end()
        _read_roles(s, m.end(), seg_end, roles)
        if roles.convener is None and not roles.members:
            continue  # only named, not described
        out.append(_draft(name, roles, where, m.start()))
    return out


def _draft(name: str, roles: _Roles, where: list[int], start: int) -> TaskForceDraft:
    return TaskForceDraft(
        name=name,
        convener=roles.convener,
        deputies=tuple(roles.deputies),
        members=tuple(roles.members),
        office=roles.office or None,
        start=where[start],
        end=where[roles.end - 1] + 1,
    )
