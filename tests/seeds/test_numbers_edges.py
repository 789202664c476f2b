"""Numbers at their edges: the bounds a value may have (six decimals, 10^15), scale words
and units that only look like them, printing, ranges and unit words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seeds.numbers import (
    amount_of,
    check_amount,
    format_amount,
    format_number,
    format_range,
    is_year_unit,
    names_currency,
    read_number,
    read_range,
    unit_matches,
    unit_scale,
    with_bound,
)

# The bounds of a value ---------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["0.000001", "-0.000001", "1.123456", "1.1234560000", "999999999999999.9", "0"]
)
def test_six_decimals_and_less_than_ten_to_the_fifteen_are_accepted(value):
    assert check_amount(Decimal(value)) == Decimal(value)


@pytest.mark.parametrize(
    "value", ["0.0000001", "1.1234567", "-0.0000009", "1E15", "-1E15", "1E20", "NaN", "Infinity"]
)
def test_a_seventh_decimal_or_ten_to_the_fifteen_is_refused(value):
    with pytest.raises(ValueError):
        check_amount(Decimal(value))


@given(st.integers(0, 10), st.integers(1, 9))
def test_the_six_decimal_boundary(places, digit):
    value = Decimal(digit).scaleb(-places)
    if places <= 6:
        assert check_amount(value) == value
    else:
        with pytest.raises(ValueError):
            check_amount(value)


# Scale words and units that look like them -------------------------------------------


@pytest.mark.parametrize(
    ("unit", "scale", "rest"),
    [
        ("billion U.S. dollars", 10**9, "U.S. dollars"),
        ("Million people", 10**6, "people"),
        ("thousand", 10**3, ""),
        ("tn euros", 10**12, "euros"),
        ("m", 1, "m"),
        ("k", 1, "k"),
        ("m/s", 1, "m/s"),
        ("mph", 1, "mph"),
        ("ml", 1, "ml"),
        ("people", 1, "people"),
        (None, 1, ""),
        ("", 1, ""),
    ],
)
def test_the_scale_a_unit_starts_with(unit, scale, rest):
    assert unit_scale(unit) == (scale, rest)
    assert amount_of(Decimal(2), unit) == 2 * scale


@pytest.mark.parametrize(
    ("typed", "value", "rest", "scaled"),
    [
        ("5 m", 5 * 10**6, "", True),
        ("5m", 5 * 10**6, "", True),
        ("5 mph", 5, "mph", False),
        ("5 ml", 5, "ml", False),
        ("5 metres", 5, "metres", False),
        ("5 K", 5000, "", True),
        ("2.5 Tn", Decimal("2.5") * 10**12, "", True),
        ("-3bn", -3 * 10**9, "", True),
        ("−3", -3, "", False),
        ("+3", 3, "", False),
        ("- $4", -4, "", False),
        ("€1,200 fines", 1200, "fines", False),
        ("1\u202f200", 1200, "", False),
        (".5", Decimal("0.5"), "", False),
        ("12 000 000", 12_000_000, "", False),
    ],
)
def test_reading_numbers_with_scale_words_and_units(typed, value, rest, scaled):
    reading = read_number(typed)
    assert reading is not None
    assert (reading.value, reading.rest, reading.scaled) == (value, rest, scaled)
    assert reading.other is None


@pytest.mark.parametrize("typed", ["", "-", "$", "people", "k5", ". 5", "1,20", "X5", "x 5"])
def test_what_does_not_start_with_a_number_reads_as_none(typed):
    reading = read_number(typed)
    assert reading is None or reading.rest  # "1,20" is 1 and the words ",20"


def test_a_dotted_thousands_number_reads_two_ways_and_keeps_its_sign():
    plus, minus = read_number("5.000"), read_number("-5.000")
    assert plus is not None and minus is not None
    assert (plus.value, plus.other) == (5, 5000)
    assert (minus.value, minus.other) == (-5, -5000)
    for plain in ("5.0000", "5,000", "5.000 million"):
        reading = read_number(plain)
        assert reading is not None and reading.other is None, plain


# Printing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        ("5000", "", "5,000"),
        ("2.50", "", "2.5"),
        ("0.125", "", "0.125"),
        ("1234.5", "", "1,234.5"),
        ("-1234.5", "", "-1,234.5"),
        ("2022", "year", "2022"),
        ("2022", "years", "2022"),
        ("2022", "calendar year", "2022"),
        ("2022", "year training began", "2022"),
        ("1000", "year", "1000"),
        ("2999", "year", "2999"),
        ("3000", "year", "3,000"),
        ("999", "year", "999"),
        ("2022", "people", "2,022"),
        ("2022", "calendar", "2,022"),
        ("2022", "yearly budget", "2,022"),
    ],
)
def test_format_number(value, unit, shown):
    assert format_number(Decimal(value), unit) == shown


@pytest.mark.parametrize(
    ("unit", "year"),
    [
        ("year", True),
        ("Years", True),
        ("calendar year", True),
        ("Calendar Year ended", True),
        ("calendar", False),
        ("years old", True),
        ("people", False),
        ("", False),
        (None, False),
    ],
)
def test_is_year_unit(unit, year):
    assert is_year_unit(unit) is year


@pytest.mark.parametrize(
    ("value", "unit", "display", "shown"),
    [
        ("2000", "people", None, "2,000 people"),
        ("2000", None, None, "2,000"),
        ("2022", "year", None, "2022"),
        ("2022", "year training began", None, "2022"),
        ("6000000000", "billion U.S. dollars", "6 billion", "6 billion U.S. dollars"),
        ("6000000000", "U.S. dollars", "6 billion", "6 billion U.S. dollars"),
        ("6", "billion", "6 billion", "6 billion"),
        ("200000000000", "dollars", "$200 billion", "$200 billion"),
        ("12", "storms", "a dozen", "a dozen storms"),
        ("12", None, "a dozen", "a dozen"),
        ("12", "storms", "12 named storms", "12 named storms"),
        ("14", "storms", "12–17", "12–17 storms"),
        ("2500000000", "dollars", "$2–3 billion", "$2–3 billion"),
    ],
)
def test_format_amount(value, unit, display, shown):
    assert format_amount(Decimal(value), unit, display) == shown


def test_ranges_bounds_and_currency_signs():
    assert format_range(Decimal(12), Decimal(17), "storms") == "12–17 storms"
    assert format_range(Decimal(12), Decimal(17)) == "12–17"
    assert format_range(Decimal(2022), Decimal(2024), "year") == "2022–2024 year"
    assert format_range(Decimal(2), Decimal(3), "dollars", "$2–3 billion") == "$2–3 billion"
    assert format_range(Decimal(12), Decimal(17), "storms", "12–17") == "12–17 storms"
    assert with_bound("about", "6 billion") == "about 6 billion"
    assert with_bound(None, "6 billion") == "6 billion"
    assert with_bound("", "6") == "6"
    for display in ("$5", "-€5m", "− £5", "+¥5", "₹5"):
        assert names_currency(display), display
    for display in ("5 dollars", "US$5", "-5", "5$"):
        assert not names_currency(display), display


@pytest.mark.parametrize(
    ("text", "low", "high", "low_rest", "high_rest"),
    [
        ("12–17", 12, 17, "", ""),
        ("12 to 17 storms", 12, 17, "storms", "storms"),
        ("between 2 and 3 percent", 2, 3, "percent", "percent"),
        ("$2-3 billion", 2 * 10**9, 3 * 10**9, "", ""),
        ("2-3 bn euros", 2 * 10**9, 3 * 10**9, "euros", "euros"),
        ("2 million to 3 billion", 2 * 10**6, 3 * 10**9, "", ""),
        ("1.5—2.5", Decimal("1.5"), Decimal("2.5"), "", ""),
        ("2–3 Billion", 2 * 10**9, 3 * 10**9, "", ""),
    ],
)
def test_ranges_read_as_two_ends(text, low, high, low_rest, high_rest):
    ends = read_range(text)
    assert ends is not None
    assert (ends[0].value, ends[1].value) == (low, high)
    assert (ends[0].rest, ends[1].rest) == (low_rest, high_rest)
    assert ends[0].scaled == ends[1].scaled


@pytest.mark.parametrize("text", ["12 storms to 17", "twelve to 17", "12–", "-12", "12 – x"])
def test_what_is_not_two_numbers_is_no_range(text):
    assert read_range(text) is None


# Unit words after a number ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "unit", "ok"),
    [
        ("", "people", True),
        ("  ", None, True),
        ("people", "people", True),
        ("person", "people", False),
        ("U.S. dollars", "billion U.S. dollars", True),
        ("us dollar", "billion U.S. dollars", True),
        ("dollars of the US", "billion U.S. dollars", True),
        ("billion dollars", "billion U.S. dollars", True),
        ("euros", "billion U.S. dollars", False),
        ("%", "percent", True),
        ("per cent", "percent", True),
        ("percent", "%", True),
        ("points", "point", True),
        ("cars", "car", True),
        ("gas", "ga", False),
        ("people", None, False),
        ("of", "people", True),
        ("café", "cafe", True),
    ],
)
def test_unit_words(words, unit, ok):
    assert unit_matches(words, unit) is ok
