"""Reading :class:`~govplan.model.period.Period` values from text (ISO-like and Chinese forms)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from govplan.errors import PeriodParseError

if TYPE_CHECKING:
    from govplan.model.period import Period

_FULLWIDTH = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "两": 2}
_ONGOING_WORDS = ("长期坚持", "持续推进", "常态化推进", "常态化", "长期", "持续", "ongoing", "长期推进")

_ISO = re.compile(
    r"(?P<y>\d{4})(?:-(?:H(?P<h>[12])|Q(?P<q>[1-4])|(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?))?"
)
_DOTTED = re.compile(r"(?P<y>\d{4})[./](?P<m>\d{1,2})(?:[./](?P<d>\d{1,2}))?")
_PREFIX = re.compile(r"^(?:力争|争取|确保|计划|预计|截至|截止|截止到|到|至|于|在|前)+")
_SUFFIX = re.compile(r"(?:之前|以前|前|完成|止|为止|期间)+$")
# A span such as 2024—2025年 is due at its end.
_RANGE = re.compile(r"^(\d{4})年?\s*[-—–~～至到]+\s*(\d{4})年")
_CHINESE = re.compile(
    r"^(?:(?P<y>\d{4})年度?)?"
    r"(?:"
    r"(?P<m>\d{1,2})月(?:份)?(?:(?P<d>\d{1,2})日|(?P<mend>底|末|中旬|下旬|上旬))?"
    r"|(?:第)?(?P<q>[一二三四1-4])季度(?:末|底)?"
    r"|(?P<h>上|下)半年(?:末|底)?"
    r"|(?P<yend>底|末|内|年底|年末|年内)"
    r")?$"
)


def parse_period(cls: type[Period], text: str, year: int | None = None) -> Period:
    """Parse *text*; see :meth:`Period.parse`."""
    if not isinstance(text, str):
        raise PeriodParseError(f"expected a string, got {type(text).__name__}")
    raw = text
    s = re.sub(r"\s+", "", text.translate(_FULLWIDTH))
    if not s:
        raise PeriodParseError("empty period")
    if len(s) > 40:
        raise PeriodParseError(f"not a period: {raw[:40]!r}…")
    if s in _ONGOING_WORDS:
        return cls.ongoing()
    m = _ISO.fullmatch(s) or _DOTTED.fullmatch(s)
    if m:
        return _from_parts(cls, raw, int(m["y"]), m.groupdict())
    s = _PREFIX.sub("", s)
    s = _SUFFIX.sub("", s)
    r = _RANGE.match(s)
    if r:
        s = r.group(2) + "年" + s[r.end():]
    # Without a year these take the plan's year; the year's end (年底, 年末) is its last month,
    # while 年内 (within the year) is the year as a whole.
    if s in ("年底", "年末", "今年底", "今年年底", "本年底"):
        return cls.of_month(_need_year(raw, year), 12)
    if s in ("年内", "今年", "本年", "本年度", "今年内"):
        return cls.of_year(_need_year(raw, year))
    m = _CHINESE.match(s)
    if not m or not any(m.groupdict().values()):
        raise PeriodParseError(f"not a period: {raw!r}")
    y = int(m["y"]) if m["y"] else _need_year(raw, year)
    if m["m"]:
        month = int(m["m"])
        if m["d"]:
            return _checked(cls, raw, "of_day", y, month, int(m["d"]))
        return _checked(cls, raw, "of_month", y, month)
    if m["q"]:
        q = _CN_DIGITS.get(m["q"]) or int(m["q"])
        return cls.of_quarter(y, q)
    if m["h"]:
        return cls.of_half(y, 1 if m["h"] == "上" else 2)
    if m["yend"] in ("底", "末", "年底", "年末"):
        return cls.of_month(y, 12)
    return cls.of_year(y)


def _need_year(raw: str, year: int | None) -> int:
    if year is None:
        raise PeriodParseError(f"{raw!r} needs the plan's year (pass year=...)")
    return year


def _checked(cls: type[Period], raw: str, ctor: str, *args: int) -> Period:
    try:
        result: Period = getattr(cls, ctor)(*args)
    except PeriodParseError as exc:
        raise PeriodParseError(f"not a valid period {raw!r}: {exc}") from None
    return result


def _from_parts(cls: type[Period], raw: str, y: int, parts: dict[str, str | None]) -> Period:
    if parts.get("h"):
        return _checked(cls, raw, "of_half", y, int(parts["h"] or 0))
    if parts.get("q"):
        return _checked(cls, raw, "of_quarter", y, int(parts["q"] or 0))
    if parts.get("m"):
        if parts.get("d"):
            return _checked(cls, raw, "of_day", y, int(parts["m"] or 0), int(parts["d"] or 0))
        return _checked(cls, raw, "of_month", y, int(parts["m"] or 0))
    return _checked(cls, raw, "of_year", y)
