"""Separating a unit from the post held in it: 区科工信局党组书记、局长 -> 区科工信局 + 党组书记、局长."""

from __future__ import annotations

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
    >>> split_post("区财政局")
    ('区财政局', '')
    """
    k = knowledge()
    ends = tuple(k.lists["unit_ends"])
    text = text.strip()
    for m in k.post_re.finditer(text):
        left = text[: m.start()].rstrip()
        if len(left) >= 2 and left[-8:].endswith(ends):
            return left, text[m.start() :]
    if len(text) >= 2 and text.endswith(ends):
        return text, ""
    return "", text
