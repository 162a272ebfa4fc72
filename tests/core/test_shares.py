"""Shares to one decimal that add up to 100.0 (largest remainder), and rates rounded half up."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.shares import percent_text, rate_percent, shares


def test_three_thirds_add_up() -> None:
    assert shares([1, 1, 1]) == [33.4, 33.3, 33.3]  # rounding each alone gives 99.9


def test_the_missing_tenths_go_to_the_largest_remainders() -> None:
    # 1/19 = 5.263 %, 4/19 = 21.053 %, 11/19 = 57.895 %: rounded alone they add up to 100.2
    assert [round(n * 100 / 19, 1) for n in (1, 0, 4, 1, 11, 1, 1)] == [5.3, 0.0, 21.1, 5.3, 57.9, 5.3, 5.3]
    assert shares([1, 0, 4, 1, 11, 1, 1]) == [5.3, 0.0, 21.0, 5.3, 57.9, 5.3, 5.2]


def test_ties_go_to_the_larger_count_then_the_first_listed() -> None:
    assert shares([2, 1, 0]) == [66.7, 33.3, 0.0]
    assert shares([1, 2, 1, 2]) == [16.7, 33.3, 16.7, 33.3]  # 16.667/33.333: remainders 0.667 first
    assert shares([1, 1, 1, 1, 1, 1, 1]) == [14.3, 14.3, 14.3, 14.3, 14.3, 14.3, 14.2]


def test_nothing_to_share() -> None:
    assert shares([0, 0, 0]) == [0.0, 0.0, 0.0] and shares([]) == []
    with pytest.raises(ValueError):
        shares([1, -1])


@given(st.lists(st.integers(min_value=0, max_value=100_000), min_size=1, max_size=9).filter(lambda c: sum(c) > 0))
def test_always_100_and_never_more_than_a_tenth_off(counts: list[int]) -> None:
    got = shares(counts)
    assert sum(round(s * 10) for s in got) == 1000
    total = sum(counts)
    for n, s in zip(counts, got):
        assert abs(Fraction(round(s * 10), 10) - Fraction(n * 100, total)) < Fraction(1, 10)


def test_rates_round_half_up() -> None:
    assert rate_percent(1, 8) == 12.5 and rate_percent(1, 6) == 16.7 and rate_percent(49, 400) == 12.3  # 12.25
    assert rate_percent(4, 7) == 57.1 and rate_percent(0, 0) == 0.0 and rate_percent(3, 3) == 100.0
    assert percent_text(7.7) == "7.7%" and percent_text(100.0) == "100.0%"
