"""Period: every written form, ordering, arithmetic and errors."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govplan import Period, PeriodParseError, Precision
from tests.strategies import periods


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("2024年12月", None, "2024-12"),
        ("2024年6月底前", 2024, "2024-06"),
        ("2024年6月底", None, "2024-06"),
        ("2024年6月30日前", None, "2024-06-30"),
        ("年底前", 2024, "2024-12"),
        ("年内", 2023, "2023"),
        ("2025年", None, "2025"),
        ("3月25日前", 2024, "2024-03-25"),
        ("6月底前", 2025, "2025-06"),
        ("2024年末", None, "2024-12"),
        ("2024年底", None, "2024-12"),
        ("到2025年底", None, "2025-12"),
        ("力争2023年", None, "2023"),
        ("上半年", 2024, "2024-H1"),
        ("下半年", 2024, "2024-H2"),
        ("三季度末", 2024, "2024-Q3"),
        ("第一季度", 2024, "2024-Q1"),
        ("2024年第四季度", None, "2024-Q4"),
        ("2024—2025年", None, "2025"),
        ("长期坚持", None, "ongoing"),
        ("持续推进", None, "ongoing"),
        ("常态化", None, "ongoing"),
        ("２０２４年１２月", None, "2024-12"),
        ("2024 年 12 月", None, "2024-12"),
        ("2024", None, "2024"),
        ("2024-H2", None, "2024-H2"),
        ("2024-Q3", None, "2024-Q3"),
        ("2024-07", None, "2024-07"),
        ("2024-07-15", None, "2024-07-15"),
        ("ongoing", None, "ongoing"),
    ],
)
def test_parse_forms(text: str, year: int | None, expected: str) -> None:
    assert str(Period.parse(text, year=year)) == expected


@pytest.mark.parametrize("text", ["年底前", "3月25日前", "上半年", "三季度末"])
def test_forms_without_a_year_need_the_plan_year(text: str) -> None:
    with pytest.raises(PeriodParseError, match="year"):
        Period.parse(text)


@pytest.mark.parametrize("text", ["", "   ", "明年", "2024-13", "2024-02-30", "2024-Q5", "abc", "x" * 500, "全年"])
def test_bad_periods_raise_period_parse_error(text: str) -> None:
    with pytest.raises(PeriodParseError):
        Period.parse(text, year=2024)


def test_parse_rejects_non_strings() -> None:
    with pytest.raises(PeriodParseError):
        Period.parse(2024)  # type: ignore[arg-type]


def test_start_and_end() -> None:
    assert Period.parse("2024-H2").start == dt.date(2024, 7, 1)
    assert Period.parse("2024-Q1").end == dt.date(2024, 3, 31)
    assert Period.parse("2024-02").end == dt.date(2024, 2, 29)
    assert Period.ongoing().start is None and Period.ongoing().end is None


def test_ends_within() -> None:
    dec = Period.parse("2024-12")
    assert Period.parse("2024").ends_within(dec)
    assert Period.parse("2024-Q4").ends_within(dec)
    assert Period.parse("2024-H2").ends_within(dec)
    assert not Period.parse("2024-11").ends_within(dec)
    assert not Period.ongoing().ends_within(dec)


def test_constructor_validates() -> None:
    with pytest.raises(PeriodParseError):
        Period(Precision.MONTH, 2024, 13)
    with pytest.raises(PeriodParseError):
        Period(Precision.YEAR, 2024, 1)
    with pytest.raises(PeriodParseError):
        Period(Precision.ONGOING, 2024)
    with pytest.raises(PeriodParseError):
        Period(Precision.YEAR, True)  # type: ignore[arg-type]


@given(periods())
def test_str_parse_round_trip(p: Period) -> None:
    assert Period.parse(str(p)) == p


@given(periods(), periods())
def test_ordering_follows_end_dates(a: Period, b: Period) -> None:
    if a.end is not None and b.end is not None and a.end < b.end:
        assert a < b and b > a and a <= b
    if a.is_ongoing and not b.is_ongoing:
        assert b < a
    assert (a <= b) == (a < b or a == b) or a._key() == b._key()


@given(st.lists(periods(), max_size=20))
def test_sorting_is_total(ps: list[Period]) -> None:
    ordered = sorted(ps)
    ends = [p.end or dt.date.max for p in ordered]
    assert ends == sorted(ends)


@given(periods())
def test_period_contains_its_end(p: Period) -> None:
    if not p.is_ongoing:
        assert p.start is not None and p.end is not None
        assert p.start <= p.end
        assert p.ends_within(p)
