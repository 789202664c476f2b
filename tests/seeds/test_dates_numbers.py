"""Partial dates as intervals, and numbers as people write them."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seeds.dates import PartialDate, longest_chain, strictly_ordered
from seeds.model import Figure
from seeds.numbers import format_amount, read_number, unit_matches
from seeds.validation import parse

D = PartialDate.parse


@pytest.mark.parametrize(
    ("a", "b", "before", "overlap"),
    [
        ("2017", "2017-03", False, True),
        ("2017-03", "2017-03-02", False, True),
        ("2017-03-02", "2017-03-09", True, False),
        ("2016-11", "2017", True, False),
        ("2017-02", "2017-03-01", True, False),
        ("2017-03-31", "2017-03", False, True),
        ("2016", "2016-12-31", False, True),
    ],
)
def test_dates_are_ordered_only_when_certain(a, b, before, overlap):
    assert D(a).before(D(b)) is before
    assert D(a).overlaps(D(b)) is overlap and D(b).overlaps(D(a)) is overlap
    assert not D(b).before(D(a)) or not overlap


def test_a_leap_day_and_month_ends():
    assert D("2016-02").end.day == 29 and D("2017-02").end.day == 28
    assert D("2017").end.isoformat() == "2017-12-31"


@given(st.integers(1, 9999), st.integers(1, 12))
def test_a_month_ends_on_its_last_day_in_every_year(year, month):
    last = calendar.monthrange(year, month)[1]
    assert PartialDate(year, month).end == dt.date(year, month, last)
    assert PartialDate(year).end == dt.date(year, 12, 31)


@pytest.mark.parametrize("bad", ["2017-13", "2017-02-30", "17", "2017/03", "next year", "0000"])
def test_bad_dates_are_refused(bad):
    with pytest.raises(ValueError, match="date"):
        D(bad)


def test_precision_and_shifts_keep_the_precision():
    assert [D(x).precision for x in ("2017", "2017-03", "2017-03-02")] == ["year", "month", "day"]
    assert D("2017-12").shifted(1) == D("2018-01") and D("2017-01").shifted(-1) == D("2016-12")
    assert D("2017-03-02").shifted(-7) == D("2017-02-23")
    assert D("2017").shifted(2) == D("2019")


dates = st.builds(
    lambda y, m, d, p: PartialDate(y, m if p > 0 else None, d if p > 1 else None),
    st.integers(2000, 2003),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
)


@given(st.lists(dates, max_size=12))
def test_longest_chain_is_certainly_ordered_and_maximal(items):
    chain = longest_chain(items)
    assert strictly_ordered([items[i] for i in chain])
    assert len(set(chain)) == len(chain)
    # As long as the longest chain found by brute force (a longest path, one date at a time).
    order = sorted(range(len(items)), key=lambda i: items[i].start)
    longest: dict[int, int] = {}
    for i in order:
        longest[i] = 1 + max((longest[j] for j in longest if items[j].before(items[i])), default=0)
    assert len(chain) == max(longest.values(), default=0)


@pytest.mark.parametrize(
    ("typed", "value", "rest"),
    [
        ("6 billion", "6000000000", ""),
        ("6bn", "6000000000", ""),
        ("$6 billion", "6000000000", ""),
        ("6,000,000,000", "6000000000", ""),
        ("6 000 000 000", "6000000000", ""),
        ("6.0 billion", "6000000000", ""),
        ("6 billion dollars", "6000000000", "dollars"),
        ("1.5 million", "1500000", ""),
        ("-5", "-5", ""),
        ("−5", "-5", ""),
        ("5k", "5000", ""),
        ("2,000 people", "2000", "people"),
    ],
)
def test_numbers_as_people_write_them(typed, value, rest):
    reading = read_number(typed)
    assert reading is not None and reading.value == Decimal(value) and reading.rest == rest


def test_a_dot_and_three_digits_is_read_both_ways():
    reading = read_number("5.000")
    assert reading is not None and reading.value == 5 and reading.other == 5000
    assert read_number("5.5").other is None and read_number("5,000").other is None


@pytest.mark.parametrize(
    ("words", "unit", "ok"),
    [
        ("dollars", "billion U.S. dollars", True),
        ("US dollars", "billion U.S. dollars", True),
        ("euros", "billion U.S. dollars", False),
        ("people", "people to be trained", True),
        ("!", "people", False),
        ("", "people", True),
        ("kg", None, False),
    ],
)
def test_unit_words_after_a_number(words, unit, ok):
    assert unit_matches(words, unit) is ok


@pytest.mark.parametrize(
    ("value", "unit", "display", "shown"),
    [
        ("6", "billion U.S. dollars", "6 billion", "6 billion U.S. dollars"),
        ("6000000000", "U.S. dollars", "6 billion", "6 billion U.S. dollars"),
        ("6000000000", "U.S. dollars", None, "6,000,000,000 U.S. dollars"),
        ("2000", "people", None, "2,000 people"),
        ("2022", "year", None, "2022"),
        ("5", "years", None, "5 years"),
    ],
)
def test_amounts_print_as_reported(value, unit, display, shown):
    assert format_amount(Decimal(value), unit, display) == shown


def figure(**fields):
    return parse(
        Figure,
        {"id": "f", "statement": "s", "label": "l", "unit": "dollars", "value": "6", **fields},
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"value": "1e5000"}, "too large"),
        ({"value": "1e15"}, "too large"),
        ({"value": "0.0000001"}, "decimals"),
        ({"value": "NaN"}, "finite"),
        ({"display": "6 million"}, "make them agree"),
        ({"display": "6 apples"}, "not a number"),
    ],
)
def test_figure_values_are_bounded_and_displays_agree(fields, message):
    with pytest.raises(ValueError, match=message):
        figure(**fields)


def test_a_display_in_the_units_terms_or_in_full_agrees():
    assert figure(value="6", unit="billion dollars", display="6 billion").amount == 6 * 10**9
    assert figure(value="6000000000", display="6 billion").shown() == "6 billion"


def test_a_display_in_words_is_kept_as_written():
    assert figure(value="3", unit="years", display="three").shown_with_unit() == "three years"
