"""Reading single cells: clean-up, what a cell looks like, and the labels printed in it.

Every pattern here is linear: no nested quantifiers over overlapping classes, bounded
repetitions only, so a 1 MB cell costs one pass.
"""

from __future__ import annotations

import re

__all__ = [
    "clean_cell",
    "find_group_label",
    "find_task_labels",
    "first_sentence_title",
    "is_blank",
    "is_unit_name",
    "looks_like_deadline",
    "looks_like_serial",
    "looks_like_text",
    "looks_like_units",
    "squeeze",
]

# HTML residue of web conversions: <p>, </p>, <br/>, <span …>
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,200})?/?>")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")


def clean_cell(text: str) -> str:
    """A cell without HTML tags and with runs of spaces made single.

    >>> clean_cell("<p>(5) 建立沟通机制。</p> <p>(6) 畅通诉求</p>")
    '(5) 建立沟通机制。 (6) 畅通诉求'
    """
    text = _TAG.sub(" ", text).replace("&nbsp;", " ")
    return _SPACES.sub(" ", text).strip()


def squeeze(text: str) -> str:
    """The text without any whitespace (for comparing header words such as ``工作任 务``).

    >>> squeeze(" 工作任 务 ")
    '工作任务'
    """
    return re.sub(r"\s+", "", text)


def is_blank(text: str) -> bool:
    """True for a cell holding nothing but spaces or tags."""
    return not clean_cell(text)


# --- what a cell looks like -------------------------------------------------------------

_DATE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|[一二三四]季度|[上下]半年|\d{4}\s*[-—–~至]\s*\d{4}")
_TIME_WORDS = (
    "年底", "年末", "年内", "月底", "月末", "季末", "日前", "月前", "长期", "持续", "常态",
    "全年", "每年", "每月", "每季", "按期", "按时", "逐年", "及时", "立即", "定期",
)
_SERIAL = re.compile(r"[（(]?\d{1,4}[)）.．、]?|[（(]?[一二三四五六七八九十]{1,3}[)）、.．]?")

# Endings of unit names (区发改局, 区政府办, 区人民法院, 某某街道, 区城投集团, 镇妇联 …) and
# of collective names (各相关单位, 驻区金融机构, 各成员单位).
_UNIT_END = re.compile(
    r"(?:局|委|办|室|院|部|厅|中心|公司|集团|街道|镇|乡|政府|单位|队|所|站|会|处|科|行|社|馆|"
    r"团|组|署|社区|村|园区|开发区|高新区|经开区|机构|企业|分局|支队|大队|中队|法院|检察院|"
    r"办事处|管委会|银行|学校|医院|指挥部|专班|部门|妇联|残联|侨联|文联|工商联|社科联|科协)$"
)
_BRACKETED_TAIL = re.compile(r"[（(][^（()）]{0,30}[)）]$")
_LIST_SEP = re.compile(r"[、，,；;/\s]+")


_ROLE_TAIL = re.compile(r"等?(?:按照?(?:职责|职能)分工|分别)?(?:牵头负责|牵头|负责|配合|参与|协助|协办)$")


def is_unit_name(name: str) -> bool:
    """True for one name ending like a unit (局, 委, 办, 中心, 街道, 单位 …), brackets aside.

    >>> is_unit_name("区委宣传部（工商联）"), is_unit_name("加强监管"), is_unit_name("区民政局牵头")
    (True, False, True)
    """
    name = name.strip()
    if len(name) <= 60:  # "区民政局牵头" in a cell that says the roles itself
        name = _ROLE_TAIL.sub("", name)
    name = name.rstrip("等")
    for _ in range(2):  # 区委宣传部（工商联）, 区政府办公室（区金融办）
        name = _BRACKETED_TAIL.sub("", name).strip()
    return bool(name) and len(name) <= 40 and bool(_UNIT_END.search(name))


def looks_like_units(text: str) -> bool:
    """True when the cell reads as a list of unit names.

    >>> looks_like_units("区发改局、区财政局")
    True
    >>> looks_like_units("各镇、青山产业园等区直相关单位")
    True
    >>> looks_like_units("2023年12月")
    False
    >>> looks_like_units("加强预算管理。")
    False
    """
    text = clean_cell(text)
    if not text or "。" in text or len(text) > 300:
        return False
    parts = [p for p in _LIST_SEP.split(text) if p]
    if not parts:
        return False
    hits = sum(1 for p in parts if is_unit_name(p))
    return hits * 2 >= len(parts)


def looks_like_deadline(text: str) -> bool:
    """True when the cell reads as a completion time.

    >>> looks_like_deadline("2023年12月")
    True
    >>> looks_like_deadline("长期坚持")
    True
    >>> looks_like_deadline("区发改局")
    False
    """
    text = clean_cell(text)
    if not text or len(text) > 40 or "。" in text:
        return False
    if _DATE.search(text):
        return True
    return any(w in text for w in _TIME_WORDS)


def looks_like_serial(text: str) -> bool:
    """True for a serial-number cell: ``12``, ``(3)``, ``4.``, ``五、``."""
    text = squeeze(clean_cell(text))
    return bool(text) and _SERIAL.fullmatch(text) is not None


def looks_like_text(text: str) -> bool:
    """True for a cell that reads as prose: sentences, or long."""
    text = clean_cell(text)
    return "。" in text or "；" in text or len(text) > 40


# --- labels ---------------------------------------------------------------------------

_GROUP = re.compile(
    r"[（(]\s{0,3}([一二三四五六七八九十]{1,3})\s{0,3}[)）]|(?:^|(?<=\s))([一二三四五六七八九十]{1,3})\s{0,2}、"
)
# A task label: "1." / "12、" / "3．" at the start or after a space or sentence end, not "3.0".
_TASK = re.compile(r"(?:^|(?<=[\s。；;）)]))(\d{1,2})\s{0,3}[.．、](?![\d.．])")


def find_group_label(text: str) -> tuple[str, int, int] | None:
    """The first group label ``（一）``/``(二)``/``三、`` in a cell: numeral, start, end.

    >>> find_group_label("(二) 以开放促发展")
    ('二', 0, 3)
    """
    m = _GROUP.search(text)
    if m is None:
        return None
    return m.group(1) or m.group(2), m.start(), m.end()


def find_task_labels(text: str) -> list[re.Match[str]]:
    """Every task label ``N.`` printed in a cell, in order."""
    return list(_TASK.finditer(text))


_SENTENCE_END = "。！？!?"


def first_sentence_title(text: str, limit: int = 25) -> str | None:
    """The first sentence when it is at most ``limit`` characters and more text follows.

    >>> first_sentence_title("强化示范带动，树立典型。组织开展评选活动。")
    '强化示范带动，树立典型'
    >>> first_sentence_title("加强财政预算绩效管理，完善项目支出标准体系并开展重点项目事前绩效评估。") is None
    True
    """
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END:
            head, rest = text[:i].strip(), text[i + 1 :].strip()
            if head and len(head) <= limit and rest:
                return head
            return None
        if i > limit:
            return None
    return None
