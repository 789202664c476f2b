"""What articles say that one exact number cannot: ranges ("12–17 named storms"), bounds
("more than $200 billion"), decades ("the 1980s") and fiscal years ("FY2006")."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from quizzes.grading import expected_text, grade
from quizzes.model import Numeric
from seeds.dates import PartialDate
from seeds.model import Figure
from seeds.numbers import format_amount, read_range
from seeds.validation import parse


def figure(**fields) -> Figure:
    return parse(Figure, {"id": "f", "statement": "s", "label": "L", **fields})


def problem(**fields) -> str:
    with pytest.raises(ValidationError) as err:
        figure(**fields)
    return str(err.value)


# --- ranges -----------------------------------------------------------------------------------


def test_a_range_is_one_figure_shown_as_written():
    storms = figure(range=[12, 17], unit="named storms")
    assert (storms.low, storms.high) == (12, 17)
    assert storms.shown() == "12–17"
    assert storms.shown_with_unit() == "12–17 named storms"
    money = figure(range=["2", "3"], unit="billion U.S. dollars", display="$2-3 billion")
    assert money.shown_with_unit() == "$2-3 billion"
    assert money.amount == Decimal("2.5E9")
    spelled = figure(range={"low": 2, "high": 3}, unit="percent", display="between 2 and 3 percent")
    assert spelled.shown_with_unit() == "between 2 and 3 percent"


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"range": [17, 12], "unit": "storms"}, "does not rise; write the low end first"),
        ({"range": [12], "unit": "storms"}, "a range has two ends, [low, high]; this one has 1"),
        ({"unit": "storms"}, "add `value:` here, or `range: [low, high]`"),
        ({"value": 12, "range": [12, 17], "unit": "storms"}, "both `value` and `range`"),
        ({"range": [12, 17], "bound": "about", "unit": "storms"}, "remove `bound: about`"),
        ({"range": [12, 17], "unit": "storms", "display": "12–18"}, "says 18 where the range"),
        ({"range": [12, 17], "unit": "storms", "display": "12"}, "is not a range as written"),
        ({"value": 200, "unit": "x", "display": "more than 200"}, "write `bound: more than`"),
        ({"value": 200, "unit": "x", "bound": "roughly"}, "bound"),
    ],
)
def test_a_figure_that_cannot_be_read_says_how_to_fix_it(fields, says):
    assert says in problem(**fields)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("12–17", 12, 17),
        ("12 to 17 named storms", 12, 17),
        ("between 2 and 3 percent", 2, 3),
        ("$2-3 billion", 2 * 10**9, 3 * 10**9),
        ("$2 billion to $3 billion", 2 * 10**9, 3 * 10**9),
    ],
)
def test_ranges_are_read_as_people_write_them(text, low, high):
    ends = read_range(text)
    assert ends is not None
    assert (ends[0].value, ends[1].value) == (low, high)


@pytest.mark.parametrize("text", ["12", "FY2006", "twelve", "12 storms", ""])
def test_one_number_is_not_a_range(text):
    assert read_range(text) is None


def range_question(low: int, high: int, unit: str = "named storms") -> Numeric:
    middle, half = Decimal(low + high) / 2, Decimal(high - low) / 2
    return parse(
        Numeric,
        {
            "type": "numeric",
            "id": "q",
            "prompt": "How many?",
            "answer": str(middle),
            "tolerance": str(half),
            "unit": unit,
            "display": f"{low}–{high}",
        },
    )


def test_an_answer_inside_a_range_is_right_and_the_key_reads_as_the_range():
    q = range_question(12, 17)
    assert expected_text(q) == "12–17 named storms"
    assert [grade(q, typed).fraction for typed in ("12", "14", "17", "11", "18")] == [
        1.0,
        1.0,
        1.0,
        0.0,
        0.0,
    ]


@given(st.integers(0, 10**6), st.integers(1, 10**6), st.data())
def test_every_number_inside_a_range_and_none_outside_is_right(low, width, data):
    q = range_question(low, low + width, unit="things")
    inside = data.draw(st.integers(low, low + width))
    outside = data.draw(st.one_of(st.integers(low + width + 1, low + 2 * width + 2)))
    assert grade(q, str(inside)).fraction == 1.0
    assert grade(q, str(outside)).fraction == 0.0


# --- bounds -----------------------------------------------------------------------------------


def test_a_bound_is_printed_before_the_number_and_a_currency_sign_is_not_doubled():
    money = figure(
        value=200, unit="billion U.S. dollars", display="$200 billion", bound="more than"
    )
    assert money.shown_with_unit() == "more than $200 billion"
    assert money.shown() == "more than $200 billion"
    assert format_amount(Decimal(200), "billion U.S. dollars", "$200 billion") == "$200 billion"
    people = figure(value=6, unit="billion people", display="6 billion", bound="about")
    assert people.shown_with_unit() == "about 6 billion people"
    assert figure(value=1200, unit="arrests", bound="at least").shown_with_unit() == (
        "at least 1,200 arrests"
    )


# --- decades and fiscal years -----------------------------------------------------------------


def test_decades_and_fiscal_years_are_the_spans_they_name():
    eighties, fy06 = PartialDate.parse("1980s"), PartialDate.parse("FY2006")
    assert (eighties.start, eighties.end) == (dt.date(1980, 1, 1), dt.date(1989, 12, 31))
    assert (fy06.start, fy06.end) == (dt.date(2005, 10, 1), dt.date(2006, 9, 30))
    assert (eighties.long(), fy06.long(), fy06.iso()) == ("1980s", "FY2006", "FY2006")
    assert fy06.overlaps(PartialDate.parse("2005-11"))  # October 2005 is already FY2006
    assert PartialDate.parse("FY2005").before(PartialDate.parse("2005-10-01"))
    assert eighties.before(PartialDate.parse("1990")) and not eighties.overlaps(
        PartialDate.parse("1990s")
    )
    assert eighties.shifted(1) == PartialDate.parse("1990s")
    assert fy06.shifted(-1) == PartialDate.parse("FY2005")
    assert PartialDate.parse("fy 2023") == PartialDate.parse("FY2023")


@pytest.mark.parametrize("text", ["1985s", "FY0001", "0000s", "FY20066", "80s", "FY"])
def test_what_is_not_a_decade_or_fiscal_year_is_refused(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)


@given(
    st.one_of(
        st.integers(1, 999).map(lambda d: f"{d * 10:04d}s"),
        st.integers(2, 9999).map(lambda y: f"FY{y:04d}"),
    )
)
def test_every_span_reads_back_as_written_and_its_neighbours_follow_it(text):
    date = PartialDate.parse(text)
    assert date.iso() == text and PartialDate.parse(date.iso()) == date
    assert date.start <= date.end
    later = date.shifted(1)
    if later is not None:
        assert date.before(later) and later.precision == date.precision
