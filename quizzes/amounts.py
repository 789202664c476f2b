"""A figure's number in questions: what kind of quantity it is, how it is written, and
wrong values it could plausibly have been.

Every option is written the way the figure's ``display`` writes the right one ("6
billion", "$200 billion"), with the scale word a reader would use for that size ("2
trillion", not "2,000 billion"), so the form of an option gives nothing away. Wrong values
stay possible: a percentage within 0–100, a share within 0–1, a count a positive whole
number, a year a few years off.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from quizzes.wording import singular_unit
from seeds.model import Figure
from seeds.numbers import (
    SCALES,
    format_amount,
    format_number,
    is_year_unit,
    read_number,
    unit_scale,
)

Kind = Literal["year", "percent", "share", "count", "amount"]

CURRENCY_SIGNS = "$€£¥₹"
_PERCENT = re.compile(r"^(per ?cent|percent(age)?|%)(?P<rest>.*)$", re.IGNORECASE)
_SHARE = ("share", "proportion", "fraction")
# Units that measure rather than count (a whole number of tonnes may have wrong values with
# decimals, a whole number of officers may not), and currencies.
_MEASURE_WORDS = """
acre acres barrel barrels cm dollar dollars euro euros franc francs gram grams gw gwh
ha hectare hectares kg kilogram kilograms kilometre kilometres kilometer kilometers km
kw kwh litre litres liter liters m metre metres meter meters mile miles mm mw mwh pound
pounds renminbi rouble roubles ruble rubles rupee rupees sterling ton tonne tonnes tons
twh usd eur gbp won yen yuan pesos peso °c °f degrees
"""
_MEASURES = frozenset(_MEASURE_WORDS.split())
# The display: currency, number, scale word, then any words of its own.
_DISPLAY = re.compile(
    r"^(?P<pre>[" + CURRENCY_SIGNS + r"]*\s*)(?P<num>\d(?:[\d,.]|\s(?=\d))*)"
    r"(?:(?P<sep>\s*)(?P<scale>" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")(?![a-z]))?"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_WORD_SCALES = ("thousand", "million", "billion", "trillion")


def kind(fig: Figure) -> Kind:
    unit = fig.unit.strip()
    integral = fig.low == fig.low.to_integral_value()
    first = unit.split()[0].casefold() if unit.split() else ""
    if is_year_unit(unit) and integral and (first == "year" or 1000 <= fig.low <= 2999):
        return "year"
    if _PERCENT.match(unit):
        return "percent"
    if first in _SHARE and 0 <= fig.low <= 1:
        return "share"
    words = {w.casefold().strip(".,") for w in unit.split()}
    # A unit with a scale word counts in millions or billions, where 12.5 is fine; a
    # display such as "125 million" still counts whole people.
    scaled = unit_scale(unit)[0] > 1
    if integral and fig.low >= 0 and not scaled and not words & _MEASURES and "per" not in words:
        return "count"
    return "amount"


def percent_rest(unit: str) -> str:
    """What follows the percent word in a unit: " of GDP" for "per cent of GDP"."""
    match = _PERCENT.match(unit.strip())
    return match["rest"].rstrip() if match else ""


def amount_text(value: Decimal, unit: str | None, display: str | None = None) -> str:
    """A value with its unit, as the brief prints it (``format_amount``: "$200 billion"
    names its currency already), except that exactly one of a counted unit is singular
    ("1 agency")."""
    reading = read_number(display) if display else None
    one = value == 1 and (reading is None or (reading.value == 1 and not reading.scaled))
    if one and unit and unit_scale(unit)[0] == 1 and not (reading and reading.rest):
        unit = singular_unit(unit)
    return format_amount(value, unit, display)


def displayed(fig: Figure) -> str | None:
    """The figure's display when it is a number as written ("6 billion"); None for none
    or a display in words ("a few dozen"), which options in digits would give away."""
    if fig.display and read_number(fig.display) is not None and _DISPLAY.match(fig.display):
        return fig.display
    return None


def written(value: Decimal, fig: Figure) -> str:
    """``value`` written as the figure's display (or a unit such as "billion U.S.
    dollars") writes its own value: the same currency sign and words, and a scale word of
    the same family chosen for this size."""
    display = displayed(fig)
    if value == fig.low:
        return amount_text(value, fig.unit, display)
    scale_word = fig.unit.split()[0] if unit_scale(fig.unit)[0] > 1 else ""
    if display is None and scale_word:  # "200 billion U.S. dollars" is written as "200 billion"
        display = f"{format_number(fig.low)} {scale_word}"
    reading = read_number(display) if display else None
    shape = _DISPLAY.match(display) if display else None
    if reading is None or shape is None or not fig.low:
        return amount_text(value, fig.unit)
    shown = value * reading.value / fig.low  # the absolute number the display would show
    scale: str | None = shape["scale"]
    if scale:
        own = SCALES[scale.lower()]
        mantissa, right_mantissa = abs(shown / own), abs(reading.value / own)
        if not (1 <= mantissa < 1000 or (right_mantissa >= 1000 and mantissa >= 1)):
            scale = _rescaled(scale, shown)
    if scale:
        number = f"{format_number(shown / SCALES[scale.lower()])}{shape['sep']}{scale}"
    else:
        number = format_number(shown)
    return amount_text(value, fig.unit, f"{shape['pre']}{number}{shape['rest']}".strip())


def _rescaled(word: str, shown: Decimal) -> str | None:
    """The scale word of ``word``'s family that writes ``shown`` with 1 to 999 before it
    ("trillion" for 2,000 billion, "million" for 0.6 billion); None below a thousand."""
    low = word.lower()
    if low in _WORD_SCALES:
        family = {w: SCALES[w] for w in _WORD_SCALES}
    else:
        million = "mn" if low == "mn" else "m"
        family = {"k": 10**3, million: 10**6, "bn": 10**9, "tn": 10**12}
    fitting = [w for w, size in family.items() if abs(shown) >= size]
    if not fitting:
        return None
    chosen = max(fitting, key=family.__getitem__)
    if word.isupper() and len(word) > 1:
        return chosen.upper()
    return chosen.capitalize() if word[:1].isupper() else chosen


def fits(value: Decimal, fig: Figure, what: Kind) -> bool:
    """Whether a wrong value is a possible one for a figure of this kind."""
    right = fig.low
    if what == "percent" and 0 <= right <= 100:
        return 0 < value < 100
    if what == "share":
        return 0 < value < 1
    if what == "count":
        return value >= 1 and value == value.to_integral_value()
    if right > 0:
        return value > 0
    return value < 0 if right < 0 else value != 0


def near(fig: Figure, what: Kind) -> list[Decimal]:
    """Wrong values made from the right one, nicest first."""
    v = fig.low
    if what == "year":
        return [v + d for d in (-2, -1, 1, 2)]
    if what == "percent" and 0 <= v <= 100:
        steps = [v / 2, v * 2, v - 10, v + 10, v - 20, v + 20, 100 - v]
        exponent = v.normalize().as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return [s for s in steps if s == s.quantize(Decimal(10) ** -max(places, 0))]
    if what == "share":
        steps = [v / 2, v * 2, v - Decimal("0.1"), v + Decimal("0.1"), 1 - v]
        return [s for s in steps if s == s.quantize(Decimal("0.01"))]
    steps = [v * 2, v / 2, v * 10, v / 10, v * 3]
    return [s for s in steps if s == s.quantize(Decimal("0.01"))]
