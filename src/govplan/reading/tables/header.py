"""Recognising a table header by its column words, and giving each column a role."""

from __future__ import annotations

from collections.abc import Sequence

from govplan.reading.tables.cells import clean_cell, squeeze
from govplan.reading.tables.model import Column, Role

__all__ = ["column_roles", "is_header_cell", "looks_like_header"]

# Words that make up column headers of task lists, project lists and 事项目录.
_KEYWORDS = (
    "序号", "编号", "任务", "措施", "内容", "事项", "名称", "项目", "目标", "指标", "举措",
    "工作", "单位", "部门", "主体", "牵头", "配合", "协办", "责任", "领导", "时限", "时间",
    "节点", "期限", "进度", "备注", "类型", "编码", "方式", "金额", "投资", "资金", "来源",
    "规模", "地点", "计划", "要求", "标准", "成效", "联系", "电话", "类别", "领域", "依据",
    "处室", "科室", "分工", "主办", "承办", "协同", "参与", "完成", "序",
)
# At least one of these must be present, so that a few short lines of prose are not a header.
_STRONG = (
    "序号", "牵头", "责任", "配合", "协办", "主责", "时限", "时间节点", "完成时间", "工作任务",
    "工作措施", "任务名称", "任务内容", "目标任务", "工作内容", "事项名称", "项目名称", "具体措施",
)
_MAX_HEADER_CELL = 12


def is_header_cell(text: str) -> bool:
    """True for a short cell made of column words (``工作任 务``, ``备  注``, ``牵头单位``).

    >>> is_header_cell("工作任 务"), is_header_cell("区发改局"), is_header_cell("2023年12月")
    (True, False, False)
    """
    word = squeeze(clean_cell(text))
    if not word or len(word) > _MAX_HEADER_CELL:
        return False
    if any(ch.isdigit() for ch in word) or any(ch in word for ch in "。，；、：:（()）"):
        return False
    return any(k in word for k in _KEYWORDS)


def looks_like_header(cells: Sequence[str]) -> bool:
    """True when a row of cells is a table header.

    >>> looks_like_header(["工作任务", "具体工作措施", "牵头单位", "责任单位", "完成时限"])
    True
    >>> looks_like_header(["区发改局", "区财政局", "2023年12月"])
    False
    """
    words = [squeeze(clean_cell(c)) for c in cells]
    words = [w for w in words if w]
    if len(words) < 3:
        return False
    hits = sum(1 for w in words if is_header_cell(w))
    if hits < 3 and hits < len(words):
        return False
    if hits * 4 < len(words) * 3:
        return False
    return any(s in w for w in words for s in _STRONG)


_RESPONSIBLE = "responsible"  # 责任单位: lead or support, decided by the other columns


def _role(word: str) -> Role | str:
    if word in ("序号", "编号", "序") or word.endswith("序号"):
        return Role.SERIAL
    # People, not units: 牵头领导 / 责任领导 / 责任人 / 联系人 / 负责人
    if "领导" in word or word.endswith("人") or "电话" in word:
        return Role.OTHER
    if any(k in word for k in ("编码", "类型", "方式", "代码", "依据", "电话")):
        return Role.OTHER
    if "牵头" in word or "主责" in word or "主办" in word:
        return Role.LEAD
    if any(k in word for k in ("配合", "协办", "协同", "参与", "协助", "会同", "协作")):
        return Role.SUPPORT
    if any(k in word for k in ("责任单位", "责任部门", "责任主体", "承办", "实施单位", "负责单位",
                               "落实单位", "责任处室", "责任科室", "主管单位", "主管部门")):
        return _RESPONSIBLE
    if any(k in word for k in ("时限", "时间", "期限", "节点", "时点")):
        return Role.DEADLINE
    if any(k in word for k in ("措施", "内容", "举措", "具体任务", "目标任务", "任务目标", "工作目标",
                               "工作要求", "主要任务", "任务要求", "工作举措")):
        return Role.TEXT
    if any(k in word for k in ("任务", "事项名称", "项目名称", "名称", "工作事项", "类别", "领域",
                               "行动", "事项")):
        return Role.LABEL
    return Role.OTHER


def column_roles(header: Sequence[str]) -> tuple[Column, ...]:
    """Columns for header cells.

    ``责任单位`` is a supporting column beside a lead column, the lead column beside a
    配合/协办 column, and a supporting column when it stands alone (no unit is marked as
    lead). With no text column, the first task/name column holds the text.

    >>> [c.role.value for c in column_roles(["工作任务", "具体工作措施", "牵头单位", "责任单位", "完成时限"])]
    ['label', 'text', 'lead', 'support', 'deadline']
    >>> [c.role.value for c in column_roles(["序号", "目标任务", "牵头领导", "牵头单位", "责任单位", "责任人"])]
    ['serial', 'text', 'other', 'lead', 'support', 'other']
    >>> [c.role.value for c in column_roles(["序号", "工作任务", "责任单位", "配合单位"])]
    ['serial', 'text', 'lead', 'support']
    """
    words = [squeeze(clean_cell(h)) for h in header]
    roles = [_role(w) for w in words]
    has_lead = Role.LEAD in roles
    has_support = Role.SUPPORT in roles
    resolved: list[Role] = []
    for r in roles:
        if r == _RESPONSIBLE:
            resolved.append(Role.SUPPORT if has_lead or not has_support else Role.LEAD)
        else:
            assert isinstance(r, Role)
            resolved.append(r)
    if Role.TEXT not in resolved and Role.LABEL in resolved:
        resolved[resolved.index(Role.LABEL)] = Role.TEXT
    elif resolved.count(Role.TEXT) > 1:
        # 工作内容 + 具体措施: the first names the task, the second the measure
        first = resolved.index(Role.TEXT)
        if Role.LABEL not in resolved[:first]:
            resolved[first] = Role.LABEL
    return tuple(Column(h.strip(), r) for h, r in zip(header, resolved))
