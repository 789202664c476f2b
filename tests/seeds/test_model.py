"""How numbers and dates from a pack are printed, the same in the brief and the quiz."""

from decimal import Decimal

import pytest

from seeds.dates import PartialDate
from seeds.numbers import format_number


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        ("5000", "people", "5,000"),
        ("2022", "year training began", "2022"),
        ("3", "years", "3"),
        ("2.50", "million", "2.5"),
        ("1234567", "", "1,234,567"),
        ("1E+3", "", "1,000"),
        ("0.05", "", "0.05"),
        ("-1234.5", "", "-1,234.5"),
        ("2022", "people", "2,022"),
    ],
)
def test_format_number(value, unit, text):
    assert format_number(Decimal(value), unit) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("2022", "2022"),
        ("2022-04", "April 2022"),
        ("2023-02-21", "21 February 2023"),
    ],
)
def test_format_partial_date(value, text):
    assert PartialDate.parse(value).long() == text
