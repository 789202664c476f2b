"""Partial dates at their edges: the text a pack writes (iso), the words a brief prints,
the first and last day each precision stands for, and the neighbours of a date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seeds.dates import PartialDate, longest_chain, strictly_ordered

D = PartialDate.parse


@pytest.mark.parametrize(
    ("date", "iso"),
    [
        (PartialDate(2022, 4), "2022-04"),
        (PartialDate(2022, 12), "2022-12"),
        (PartialDate(2022, 4, 5), "2022-04-05"),
        (PartialDate(2022), "2022"),
        (PartialDate(987, 1, 2), "0987-01-02"),
        (PartialDate(1980, span="decade"), "1980s"),
        (PartialDate(2006, span="fiscal year"), "FY2006"),
        (PartialDate(10, span="decade"), "0010s"),
        (PartialDate(99, span="fiscal year"), "FY0099"),
    ],
)
def test_iso_writes_each_precision_as_a_pack_does(date, iso):
    assert date.iso() == iso == str(date)
    assert D(iso) == date


@given(st.integers(1, 9999), st.integers(1, 12))
def test_a_month_reads_back_from_its_iso_text(year, month):
    date = PartialDate(year, month)
    assert date.iso() == f"{year:04d}-{month:02d}"
    assert D(date.iso()) == date
    assert date.precision == "month"


@pytest.mark.parametrize(
    ("text", "long", "short"),
    [
        ("2022", "2022", "2022"),
        ("2022-01", "January 2022", "Jan 2022"),
        ("2022-04", "April 2022", "Apr 2022"),
        ("2022-12-31", "31 December 2022", "31 Dec 2022"),
        ("2022-09-03", "3 September 2022", "3 Sep 2022"),
        ("1980s", "1980s", "1980s"),
        ("FY2006", "FY2006", "FY2006"),
    ],
)
def test_dates_in_words(text, long, short):
    assert (D(text).long(), D(text).short()) == (long, short)


@pytest.mark.parametrize(
    ("text", "precision", "start", "end"),
    [
        ("2022", "year", (2022, 1, 1), (2022, 12, 31)),
        ("2022-02", "month", (2022, 2, 1), (2022, 2, 28)),
        ("2024-02", "month", (2024, 2, 1), (2024, 2, 29)),
        ("2022-11", "month", (2022, 11, 1), (2022, 11, 30)),
        ("2022-12", "month", (2022, 12, 1), (2022, 12, 31)),
        ("2022-07-14", "day", (2022, 7, 14), (2022, 7, 14)),
        ("1980s", "decade", (1980, 1, 1), (1989, 12, 31)),
        ("9990s", "decade", (9990, 1, 1), (9999, 12, 31)),
        ("FY2006", "fiscal year", (2005, 10, 1), (2006, 9, 30)),
        (" fy 2006 ".strip(), "fiscal year", (2005, 10, 1), (2006, 9, 30)),
    ],
)
def test_the_days_each_precision_stands_for(text, precision, start, end):
    date = D(text)
    assert date.precision == precision
    assert (date.start, date.end) == (dt.date(*start), dt.date(*end))
    assert date.sort_key() == (dt.date(*start), dt.date(*end))


@pytest.mark.parametrize(
    "text",
    ["0009s", "FY0001", "FY1", "0000", "0000-01", "2022-00", "2022-04-00", "2022-4", " ", "80s0"],
)
def test_what_is_not_a_date_is_refused(text):
    with pytest.raises(ValueError, match=r"date"):
        D(text)


def test_edges_of_the_years_a_date_may_have():
    assert D("0010s").year == 10 and D("FY0002").start == dt.date(1, 10, 1)
    assert D("FY9999").end == dt.date(9999, 9, 30)
    assert D("0001").start == dt.date(1, 1, 1)
    assert D(" 2022-04 ") == PartialDate(2022, 4)


@pytest.mark.parametrize(
    ("text", "steps", "shifted"),
    [
        ("2022", 1, "2023"),
        ("2022", -2022, None),
        ("2022", -2021, "0001"),
        ("9999", 1, None),
        ("9998", 1, "9999"),
        ("2022-12", 1, "2023-01"),
        ("2022-01", -1, "2021-12"),
        ("2022-05", 14, "2023-07"),
        ("0001-01", -1, None),
        ("9999-12", 1, None),
        ("9999-11", 1, "9999-12"),
        ("2022-12-31", 1, "2023-01-01"),
        ("2024-03-01", -1, "2024-02-29"),
        ("9999-12-31", 1, None),
        ("1980s", 1, "1990s"),
        ("1980s", -2, "1960s"),
        ("0010s", -1, None),
        ("0020s", -1, "0010s"),
        ("0001-02", -1, "0001-01"),
        ("9990s", 1, None),
        ("9980s", 1, "9990s"),
        ("FY2006", -1, "FY2005"),
        ("FY0002", -1, None),
        ("FY0003", -1, "FY0002"),
        ("FY9999", 1, None),
    ],
)
def test_a_date_shifted_by_its_own_precision(text, steps, shifted):
    moved = D(text).shifted(steps)
    assert (moved.iso() if moved else None) == shifted
    if moved:
        assert moved.precision == D(text).precision


def test_order_overlap_and_chains():
    a, b, c = D("2017"), D("2017-03"), D("2018-01-01")
    assert a.overlaps(b) and b.overlaps(a)
    assert not a.before(b) and not b.before(a)
    assert a.before(c) and not c.before(a) and not a.overlaps(c)
    assert D("2017-12-31").before(c) and not D("2018-01-01").before(c)
    assert strictly_ordered([D("2015"), b, c])
    assert not strictly_ordered([a, b, c])
    assert strictly_ordered([]) and strictly_ordered([a])
    assert longest_chain([c, a, b, D("2016")]) == [3, 2, 0]
    assert longest_chain([]) == []


def test_dates_as_a_model_field_read_and_write_their_text():
    from pydantic import TypeAdapter

    adapter = TypeAdapter(PartialDate)
    assert adapter.validate_python("2022-04") == PartialDate(2022, 4)
    assert adapter.validate_python(PartialDate(2022)) == PartialDate(2022)
    assert adapter.dump_python(PartialDate(2022, 4, 5)) == "2022-04-05"
    with pytest.raises(ValueError, match="date"):
        adapter.validate_python(2022)
    schema = adapter.json_schema()
    assert schema["type"] == "string"
    import re

    assert re.match(schema["pattern"], "FY2006") and not re.match(schema["pattern"], "06")
    assert "1980s" in schema["description"]
