"""Amounts as written (amounts.money)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from edgar_atm.extract.amounts import parse_money


# _redundant_scale: a figure written out in full and then "million"/"billion" by a drafting slip.
@pytest.mark.parametrize("written, value", [
    ("an aggregate offering price of up to $75,000,000 million", Decimal(75_000_000)),
    ("up to $150,000,000 billion of common stock", Decimal(150_000_000)),
    ("having an aggregate gross sales price of $2,500,000 million", Decimal(2_500_000)),
])
def test_full_figure_with_a_redundant_scale_word(written, value):
    assert parse_money(written) == value


@pytest.mark.parametrize("written, value", [
    ("up to $1,500 million", Decimal(1_500_000_000)),  # near miss: thousands of millions are real
    ("up to $21.0 billion", Decimal(21_000_000_000)),
    ("up to $999,999 million", Decimal(999_999_000_000)),
])
def test_ordinary_scale_words_still_scale(written, value):
    assert parse_money(written) == value
