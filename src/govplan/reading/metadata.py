"""The metadata block a government web page prints above a document.

A copy of a 政府信息公开 page opens with labelled fields - ``索引号``, ``发布机构``,
``成文日期``, ``文　　号`` … - one or several to a line, labels often spaced out to a
common width.  The document number may be printed only there; the issuer and the
date the document was made (成文日期, not the page's 发布日期) are read from it too.

>>> fields = read_fields("文　　号：\\t某政办发〔2025〕9号　　主题分类：综合政务")
>>> [(f.key, f.value) for f in fields]
[('doc_number', '某政办发〔2025〕9号'), ('other', '综合政务')]
>>> meta_date("2025-03-14"), meta_date("2025年3月14日")
(datetime.date(2025, 3, 14), datetime.date(2025, 3, 14))
"""

from __future__ import annotations

import datetime as _dt
import re

import attrs

__all__ = ["Field", "is_field_line", "meta_date", "read_fields"]

# label -> what it gives; a label's characters may be spaced out (文　　号, 有 效 性)
_LABELS: dict[str, str] = {
    **dict.fromkeys(("文号", "发文字号", "发文文号", "文件编号", "发文编号", "文件字号", "文件文号"), "doc_number"),
    **dict.fromkeys(("发文机关", "发文单位", "发文机构", "制发机关", "成文机关", "发布机构", "发布单位"), "issuer"),
    **dict.fromkeys(("成文日期", "成文时间", "印发日期", "发文日期", "签发日期", "成文日"), "date"),
    **dict.fromkeys(("标题", "名称", "文件名称", "文件标题", "信息名称"), "title"),
    **dict.fromkeys(("索引号", "主题分类", "主题词", "关键词", "有效性", "时效性", "效力状态", "公开方式", "公开范围",
                     "公开时限", "发布日期", "发布时间", "公开日期", "体裁分类", "组配分类", "信息分类", "服务对象",
                     "文种", "实施日期", "废止日期", "生效日期", "信息来源", "所属机构", "所属主题", "统一编号",
                     "内容分类", "公文种类", "登记号"), "other"),
}
# the issuer a page names as publisher is the weakest: the 发文机关 field, when printed, wins
_ISSUER_RANK = {"发文机关": 0, "制发机关": 0, "成文机关": 0, "发文单位": 1, "发文机构": 1, "发布机构": 2, "发布单位": 2}


def _spaced(label: str) -> str:
    return r"[ \t\u3000]{0,4}".join(label)


_FIELD = re.compile(
    r"(?<![\u4e00-\u9fa5])(?P<label>"
    + "|".join(_spaced(lb) for lb in sorted(_LABELS, key=len, reverse=True))
    + r")[ \t\u3000]{0,4}[:：]"
)
_MAX_LINE = 240  # a metadata line is short; longer lines are prose and are never searched


@attrs.frozen
class Field:
    """One labelled field: what it gives (``doc_number``, ``issuer``, ``date``, ``title`` or
    ``other``), the label as written without spaces, and the value."""

    key: str
    label: str
    value: str

    @property
    def rank(self) -> int:
        """How much an issuer field is to be trusted (lower is better)."""
        return _ISSUER_RANK.get(self.label, 3)


def read_fields(text: str) -> list[Field]:
    """The labelled fields of a metadata line, or ``[]`` when the line is not one.

    A metadata line opens with a known label; a value runs to the next label.

    >>> [f.value for f in read_fields("发布机构：某某区人民政府办公室")]
    ['某某区人民政府办公室']
    >>> read_fields("根据文号：某政发〔2024〕1号的要求"), read_fields("一、工作目标")
    ([], [])
    """
    s = text.strip(" \t\u3000\xa0")
    if not s or len(s) > _MAX_LINE or ("：" not in s and ":" not in s):
        return []
    found = list(_FIELD.finditer(s))
    if not found or found[0].start() != 0:
        return []
    out: list[Field] = []
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(s)
        label = "".join(m.group("label").split())
        value = s[m.end():end].strip(" \t\u3000\xa0")
        out.append(Field(_LABELS[label], label, value))
    return out


def is_field_line(text: str) -> bool:
    """Whether *text* is a line of a web page's metadata block.

    >>> is_field_line("有 效 性：有效"), is_field_line("有效期：三年")
    (True, False)
    """
    return bool(read_fields(text))


_ISO = re.compile(r"^((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def meta_date(value: str) -> _dt.date | None:
    """The date a field's value gives (``2025-03-14``, ``2025/3/14``, ``2025年3月14日``), else None."""
    m = _ISO.match(value.strip())
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
