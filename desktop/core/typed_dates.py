"""Dates as clerks and units type them into a cell or a command: 2024-12-31, 2024/12/31, 2024.12.31,
2024年12月31日, 2024年12月底, 2024年底, 12月底前 (the year of the plan supplied by the caller) …

Only a whole cell is read, never a date buried in a sentence (desktop/core/dates.py finds those in
measures). A month without a day means its last day; a quarter or half year means its last day; the
trailing 前/之前/以前 of a deadline changes nothing.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

from desktop.core.numerals import from_chinese

_M = r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})"
_BEFORE = r"(?:前|之前|以前)?"
_PART = r"(?P<part>底|末|上旬|中旬|下旬)?"
_DAY = r"(?P<d>\d{1,2})(?:日|号)?"
_TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?)?"  # a date pasted as text with 00:00:00 after it
_YEAR = r"(?P<y>(?:19|20)\d\d)"

_WITH_YEAR = tuple(re.compile(p) for p in (
    rf"{_YEAR}[-/.年]{_M}[-/.月]{_DAY}{_TIME}{_BEFORE}",  # 2024-12-31, 2024年12月31日前
    r"(?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d)",  # 20241231
    rf"{_YEAR}(?:[-/.]|年){_M}月?份?{_PART}{_BEFORE}",  # 2024年12月底, 2024-12, 2024年12月份
    rf"{_YEAR}年(?:第?(?P<q>[一二三四1-4])季度)(?:末|底)?{_BEFORE}",  # 2024年三季度
    rf"{_YEAR}年(?P<half>上半年|下半年)(?:末|底)?{_BEFORE}",  # 2024年上半年
    rf"{_YEAR}年度?(?:底|末|内|度内|年底|年末|全年)?{_BEFORE}",  # 2024年底, 2024年内
))
_WITHOUT_YEAR = tuple(re.compile(p) for p in (
    rf"{_M}月{_DAY}{_BEFORE}",  # 12月31日前
    rf"{_M}月份?{_PART}{_BEFORE}",  # 12月底前, 8月
    rf"第?(?P<q>[一二三四1-4])季度(?:末|底)?{_BEFORE}",  # 三季度, 第三季度末
    rf"(?P<half>上半年|下半年)(?:末|底)?{_BEFORE}",
    rf"(?:(?:今年|本年|当年)度?(?:底|末|内|度内)?|(?:今年|本年|当年)?(?:年底|年末|年内|年度内)){_BEFORE}",  # 年底前, 今年内
))


class DateNeedsYearError(ValueError):
    """The text names a month or a part of the year but no year, and the caller knew none."""


def parse_typed_date(text: str, *, year: int | None = None) -> date:
    """The date `text` names (see the module doc); `year` completes forms without one (12月底前).

    Raises DateNeedsYearError for such a form when `year` is None, ValueError for anything else that is
    not a date (including impossible ones like 2024-02-30).
    """
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if not s:
        raise ValueError(text)
    for pattern in _WITH_YEAR:
        m = pattern.fullmatch(s)
        if m:
            return _to_date(m, int(m["y"]))
    for pattern in _WITHOUT_YEAR:
        m = pattern.fullmatch(s)
        if m:
            if year is None:
                raise DateNeedsYearError(text)
            return _to_date(m, year)
    raise ValueError(text)


def _to_date(m: re.Match[str], year: int) -> date:
    g = m.groupdict()
    if g.get("q"):
        q = "一二三四".find(g["q"]) + 1 or int(g["q"])
        return _month_end(year, q * 3)
    if g.get("half"):
        return date(year, 6, 30) if g["half"] == "上半年" else date(year, 12, 31)
    if not g.get("m"):
        return date(year, 12, 31)  # 2024年底, 年内
    month = int(g["m"]) if g["m"].isdigit() else from_chinese(g["m"])
    if month is None or not 1 <= month <= 12:
        raise ValueError(m.string)
    if g.get("d"):
        return date(year, month, int(g["d"]))  # ValueError for 2月30日
    part = g.get("part")
    if part == "上旬":
        return date(year, month, 10)
    if part == "中旬":
        return date(year, month, 20)
    return _month_end(year, month)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
