"""Kinds of units."""

from __future__ import annotations

import pytest

from govplan.model import UnitKind
from govplan.units import is_collective, unit_kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("各乡镇（街道）", UnitKind.COLLECTIVE),
        ("区直相关单位", UnitKind.COLLECTIVE),
        ("区安委会各成员单位", UnitKind.COLLECTIVE),
        ("驻区金融机构", UnitKind.COLLECTIVE),
        ("相关行业管理部门", UnitKind.COLLECTIVE),
        ("青山发展集团", UnitKind.ENTERPRISE),
        ("区供电公司", UnitKind.ENTERPRISE),
        ("市农商银行", UnitKind.ENTERPRISE),
        ("区城建投", UnitKind.ENTERPRISE),
        ("区委宣传部", UnitKind.PARTY),
        ("区委组织部", UnitKind.PARTY),
        ("区纪委监委", UnitKind.PARTY),
        ("区委区管委会办公室", UnitKind.PARTY),
        ("区安委会", UnitKind.COMMITTEE),
        ("区安委办", UnitKind.COMMITTEE),
        ("区森林防灭火领导小组", UnitKind.COMMITTEE),
        ("区防汛抗旱指挥部", UnitKind.COMMITTEE),
        ("区发展和改革委员会", UnitKind.GOVERNMENT),
        ("区国资委", UnitKind.GOVERNMENT),
        ("青山经开区管委会", UnitKind.GOVERNMENT),
        ("区财政局", UnitKind.GOVERNMENT),
        ("东湖街道", UnitKind.GOVERNMENT),
        ("区工商联", UnitKind.OTHER),
        ("区妇联", UnitKind.OTHER),
    ],
)
def test_kind(name: str, kind: UnitKind) -> None:
    assert unit_kind(name) is kind


def test_collective_inside_brackets_does_not_count() -> None:
    # 各 inside a unit's bracket does not make the unit collective
    assert not is_collective("区委宣传部（各类媒体）")
    assert is_collective("各镇（街道）")
