"""Dates as precise as the source allows: a decade, a fiscal year, a year, a month or a day.

A partial date is an interval (2017 is every day of 2017, the 1980s every day from 1980 to
1989), so two dates are ordered only when one interval ends before the other begins:
2017-03 is neither before nor after 2017-03-02. Questions and the timeline use this order,
never string order.

A fiscal year is the U.S. federal one, as government reports write it: FY2006 runs from
1 October 2005 to 30 September 2006.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any, Literal

from seeds.frozen import record

Precision = Literal["decade", "fiscal year", "year", "month", "day"]
Span = Literal["decade", "fiscal year"]
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DECADE = re.compile(r"^(\d{3}0)s$")
_FISCAL = re.compile(r"^FY\s?(\d{4})$", re.IGNORECASE)
PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{3}0s|FY\d{4})$"
_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, a decade (1980s) or a fiscal year (FY2006)"


@record
class PartialDate:
    year: int  # a decade's first year; a fiscal year's own (FY2006: 2006)
    month: int | None = None
    day: int | None = None
    span: Span | None = None  # a decade or a fiscal year instead of a calendar year

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """YYYY, YYYY-MM, YYYY-MM-DD, 1980s or FY2006; ValueError with a plain message
        otherwise."""
        value = value.strip()
        if decade := _DECADE.match(value):
            return cls(int(decade[1]), span="decade") if int(decade[1]) >= 10 else cls._bad(value)
        if fiscal := _FISCAL.match(value):
            fy = int(fiscal[1])
            return cls(fy, span="fiscal year") if 2 <= fy <= 9999 else cls._bad(value)
        match = _FORM.match(value)
        if not match:
            raise ValueError(f"'{value}' is not a date; write {_FORMS}")
        year = int(match[1])
        month, day = (int(part) if part else None for part in match.groups()[1:])
        try:
            # Month or day 00 is no date: only a missing part stands for "any".
            dt.date(year or 1, 1 if month is None else month, 1 if day is None else day)
        except ValueError:
            raise ValueError(f"'{value}' is not a real date") from None
        return cls(year, month, day) if year >= 1 else cls._bad(value)

    @staticmethod
    def _bad(value: str) -> PartialDate:
        raise ValueError(f"'{value}' is not a real date")

    @property
    def precision(self) -> Precision:
        if self.span is not None:
            return self.span
        return "year" if self.month is None else "month" if self.day is None else "day"

    @property
    def start(self) -> dt.date:
        if self.span == "fiscal year":
            return dt.date(self.year - 1, 10, 1)
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> dt.date:
        """The last day the date may stand for."""
        if self.span == "decade":
            return dt.date(min(self.year + 9, 9999), 12, 31)
        if self.span == "fiscal year":
            return dt.date(self.year, 9, 30)
        if self.day is not None:
            return self.start
        if self.month is None or self.month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.month + 1, 1) - dt.timedelta(days=1)

    def before(self, other: PartialDate) -> bool:
        """Certainly earlier: every day this date may be comes before every day of ``other``."""
        return self.end < other.start

    def overlaps(self, other: PartialDate) -> bool:
        return not (self.before(other) or other.before(self))

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """A stable order for lists (by start, wider spans first); not a claim of sequence."""
        return (self.start, self.end)

    def shifted(self, steps: int) -> PartialDate | None:
        """The date ``steps`` units of its own precision away (None outside years 1..9999)."""
        try:
            if self.span is not None:
                decade = self.span == "decade"
                year = self.year + steps * (10 if decade else 1)
                lowest, highest = (10, 9990) if decade else (2, 9999)
                return PartialDate(year, span=self.span) if lowest <= year <= highest else None
            if self.precision == "year":
                return PartialDate(self.year + steps) if 1 <= self.year + steps <= 9999 else None
            if self.precision == "month":
                index = self.year * 12 + (self.month or 1) - 1 + steps
                year, month = divmod(index, 12)
                return PartialDate(year, month + 1) if 1 <= year <= 9999 else None
            day = self.start + dt.timedelta(days=steps)
            return PartialDate(day.year, day.month, day.day)
        except (OverflowError, ValueError):
            return None

    def iso(self) -> str:
        """As a pack writes it: "2022-04-21", "2022-04", "2022", "1980s", "FY2006"."""
        if self.span == "decade":
            return f"{self.year:04d}s"
        if self.span == "fiscal year":
            return f"FY{self.year:04d}"
        parts = [f"{self.year:04d}"]
        parts += [f"{self.month:02d}"] if self.month else []
        parts += [f"{self.day:02d}"] if self.day else []
        return "-".join(parts)

    def long(self) -> str:
        """2022 -> "2022"; 2022-04 -> "April 2022"; 2022-04-21 -> "21 April 2022";
        1980s and FY2006 as written."""
        return self._words(MONTHS[(self.month or 1) - 1])

    def short(self) -> str:
        """2022 -> "2022"; 2022-04 -> "Apr 2022"; 2022-04-21 -> "21 Apr 2022"."""
        return self._words(MONTHS[(self.month or 1) - 1][:3])

    def _words(self, month: str) -> str:
        if self.span is not None:
            return self.iso()
        if self.month is None:
            return str(self.year)
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema  # only when validating: see seeds.rules

        return core_schema.no_info_plain_validator_function(
            cls._coerce, serialization=core_schema.plain_serializer_function_ser_schema(cls.iso)
        )

    @classmethod
    def _coerce(cls, value: object) -> PartialDate:
        if isinstance(value, cls):
            return value
        if not isinstance(value, str):
            raise ValueError(f"{value!r} is not a date; write {_FORMS}")
        return cls.parse(value)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": PATTERN,
            "description": f"A date as precise as the source: {_FORMS}.",
        }


def strictly_ordered(dates: list[PartialDate]) -> bool:
    """True when each date is certainly before the next."""
    return all(a.before(b) for a, b in itertools.pairwise(dates))


def longest_chain(dates: list[PartialDate]) -> list[int]:
    """Indices of the most dates that can be put in a certain order, earliest first.

    Interval scheduling: taking the date that ends first, then the next that starts after
    it, gives a longest chain. Ties keep the input order, so the result is deterministic.
    """
    order = sorted(range(len(dates)), key=lambda i: (dates[i].end, dates[i].start, i))
    chain: list[int] = []
    for i in order:
        if not chain or dates[chain[-1]].before(dates[i]):
            chain.append(i)
    return chain
