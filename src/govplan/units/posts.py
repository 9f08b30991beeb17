"""Separating a unit from the post held in it: 区科工信局党组书记、局长 -> 区科工信局 + 党组书记、局长."""

from __future__ import annotations

from govplan.units.kinds import is_collective
from govplan.units.knowledge import knowledge

__all__ = ["split_post"]


def split_post(text: str) -> tuple[str, str]:
    """The unit a post belongs to and the post, as printed.

    ``("", text)`` when only a post is named, ``(text, "")`` when only a unit is.

    The post starts at the first post word (主要负责人, 书记, 副区长, 分管 …) that follows a whole
    unit name, so post words inside a name (委员 in 委员会) do not cut it.

    >>> split_post("区科工信局党组书记、局长")
    ('区科工信局', '党组书记、局长')
    >>> split_post("区生态环境保护委员会主任")
    ('区生态环境保护委员会', '主任')
    >>> split_post("区政府分管副区长"), split_post("常务副区长")
    (('区政府', '分管副区长'), ('', '常务副区长'))
    >>> split_post("各村（社区）党组织书记")
    ('各村（社区）', '党组织书记')
    >>> split_post("区财政局")
    ('区财政局', '')
    """
    k = knowledge()
    text = text.strip()
    for m in k.post_re.finditer(text):
        left = text[: m.start()].rstrip()
        if _is_unit(left):
            return left, text[m.start() :]
    if len(text) >= 2 and text.endswith(tuple(k.lists["unit_ends"])):
        return text, ""
    return "", text


def _is_unit(left: str) -> bool:
    """Whether *left* (the text before a post word) ends as a unit name does.

    A bracketed alternative after the name (各村（社区）, 各镇（街道）) is looked through, and a
    collective (各村, 相关单位) holds posts as a single unit does.
    """
    if len(left) < 2:
        return False
    ends = tuple(knowledge().lists["unit_ends"])
    if left[-8:].endswith(ends):
        return True
    if left.endswith(("）", ")")):
        at = max(left.rfind("（"), left.rfind("("))
        if at >= 2 and left[:at].endswith(ends):
            return True
    return left.startswith(tuple(knowledge().kinds["collective_starts"])) and is_collective(left)
