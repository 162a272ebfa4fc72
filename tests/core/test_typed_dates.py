"""Dates as people type them into a ledger cell or `--due`: every common form, and no guessing of years."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.typed_dates import DateNeedsYearError, parse_typed_date


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-12-31", date(2024, 12, 31)), ("2024/12/31", date(2024, 12, 31)), ("2024.12.31", date(2024, 12, 31)),
    ("2024年12月31日", date(2024, 12, 31)), ("2024年12月31号", date(2024, 12, 31)), ("20241231", date(2024, 12, 31)),
    ("2024年12月底", date(2024, 12, 31)), ("2024年12月底前", date(2024, 12, 31)), ("2024年12月31日前", date(2024, 12, 31)),
    ("2024年2月底", date(2024, 2, 29)), ("2024年12月", date(2024, 12, 31)), ("2024-12", date(2024, 12, 31)),
    ("2024年9月上旬", date(2024, 9, 10)), ("2024年9月中旬", date(2024, 9, 20)), ("2024年十月底", date(2024, 10, 31)),
    ("2024年底", date(2024, 12, 31)), ("2024年底前", date(2024, 12, 31)), ("2024年内", date(2024, 12, 31)),
    ("2024年三季度", date(2024, 9, 30)), ("2024年第二季度末", date(2024, 6, 30)), ("2024年上半年", date(2024, 6, 30)),
    ("２０２４年１２月３１日", date(2024, 12, 31)), (" 2024 年 12 月 31 日 ", date(2024, 12, 31)),
    ("2024-12-31 00:00:00", date(2024, 12, 31)),
])
def test_forms_with_a_year(text: str, expected: date) -> None:
    assert parse_typed_date(text) == expected
    assert parse_typed_date(text, year=1999) == expected  # a written year wins over the caller's


@pytest.mark.parametrize(("text", "expected"), [
    ("12月底前", date(2023, 12, 31)), ("12月底", date(2023, 12, 31)), ("8月31日", date(2023, 8, 31)),
    ("8月", date(2023, 8, 31)), ("十月底前", date(2023, 10, 31)), ("年底前", date(2023, 12, 31)),
    ("年内", date(2023, 12, 31)), ("今年底", date(2023, 12, 31)), ("三季度", date(2023, 9, 30)),
    ("第三季度末", date(2023, 9, 30)), ("上半年", date(2023, 6, 30)), ("下半年", date(2023, 12, 31)),
])
def test_forms_without_a_year_take_the_given_one_and_never_guess(text: str, expected: date) -> None:
    assert parse_typed_date(text, year=2023) == expected
    with pytest.raises(DateNeedsYearError):
        parse_typed_date(text)


@pytest.mark.parametrize("text", ["", "前", "底", "明年", "下个月", "年底了吧", "2024", "12/31", "2023-13-01",
                                  "2023-02-30", "2024年13月底", "0月底", "二月三十日"])
def test_unreadable_or_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_typed_date(text, year=2024)
    assert not isinstance(info.value, DateNeedsYearError)
