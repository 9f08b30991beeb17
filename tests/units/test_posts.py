"""Separating units from posts."""

from __future__ import annotations

import pytest

from govplan.units import split_post


@pytest.mark.parametrize(
    ("text", "unit", "post"),
    [
        ("区发展改革局主要负责人", "区发展改革局", "主要负责人"),
        ("区政府办跟线副主任", "区政府办", "跟线副主任"),
        ("区城管局党组书记、局长", "区城管局", "党组书记、局长"),
        ("区委常委、常务副区长", "区委", "常委、常务副区长"),
        ("区安全生产委员会主任", "区安全生产委员会", "主任"),
        ("县政府分管副县长", "县政府", "分管副县长"),
        ("各村（社区）党组织书记", "各村（社区）", "党组织书记"),
        ("各镇（街道）主要负责人", "各镇（街道）", "主要负责人"),
        ("相关单位负责人", "相关单位", "负责人"),
        ("区委宣传部（区文明办）主要负责人", "区委宣传部（区文明办）", "主要负责人"),
        ("常务副区长", "", "常务副区长"),
        ("区财政局", "区财政局", ""),
        ("", "", ""),
    ],
)
def test_split_post(text: str, unit: str, post: str) -> None:
    assert split_post(text) == (unit, post)
