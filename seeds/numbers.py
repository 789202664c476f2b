"""Numbers as people write them: reading "6 billion", "6bn" or "6,000,000,000", and printing
a figure the way its source reported it.

Pure functions shared by the fact model (a figure's display form must agree with its
value), the grader (what a student types) and every output (brief, keys, feedback).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from seeds.frozen import record

LIMIT = Decimal(10) ** 15
PLACES = 6
SCALES: dict[str, int] = {
    "k": 10**3,
    "thousand": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "million": 10**6,
    "bn": 10**9,
    "billion": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
_SCALE_WORDS = "|".join(sorted(SCALES, key=len, reverse=True))
_NUMBER = re.compile(
    r"^(?P<int>\d{1,3}(?:(?P<sep>[,\s])\d{3})(?:(?P=sep)\d{3})*|\d*)"
    r"(?P<frac>\.\d+)?\s*(?P<scale>" + _SCALE_WORDS + r")?(?![a-z])\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_CURRENCY = "$€£¥₹"
_AMBIGUOUS = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+$")
BOUNDS = ("about", "nearly", "at least", "more than", "up to", "less than")
"""How a figure may say it is not exact: "more than $200 billion", "about 6 billion"."""
DASH = "–"
# "12–17", "12 to 17", "between 12 and 17", "$2-3 billion": two numbers, the unit once.
_RANGE = re.compile(
    r"^(?:between\s+)?(?P<low>[^\s–—-][^–—]*?)\s*(?:[–—-]|\s(?:to|and)\s)\s*(?P<high>[$€£¥₹]?\d.*)$",
    re.IGNORECASE,
)


def check_amount(value: Decimal) -> Decimal:
    """A value a pack or set may hold: finite, below 10^15, at most six decimals."""
    if not value.is_finite():
        raise ValueError(f"{value} is not a number; write digits, e.g. 5000 or 2.5")
    if abs(value) >= LIMIT:
        raise ValueError(
            f"{value:E} is too large; numbers must be below 10^15 "
            "(write the scale in `unit` or `display`, e.g. display: 6 billion)"
        )
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -PLACES:
        raise ValueError(f"{value} has more than {PLACES} decimals; round it")
    return value


def format_number(value: Decimal, unit: str = "") -> str:
    """How a number is printed everywhere: 5000 -> "5,000", 2.50 -> "2.5", and a year
    (a whole number whose unit speaks of years) stays "2022"."""
    if value == value.to_integral_value():
        whole = int(value)
        if is_year_unit(unit) and 1000 <= whole <= 2999:
            return str(whole)
        return f"{whole:,}"
    text = f"{value.normalize():,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def is_year_unit(unit: str | None) -> bool:
    """A unit that makes a whole number a calendar year: "year", "year training began"."""
    words = (unit or "").lower().split()
    return bool(words) and (words[0] in ("year", "years") or words[:2] == ["calendar", "year"])


def format_amount(value: Decimal, unit: str | None = None, display: str | None = None) -> str:
    """A value with its unit as printed in the brief, keys and feedback: "2,000 people",
    "6 billion U.S. dollars" (display "6 billion", unit "billion U.S. dollars" or "U.S.
    dollars"), "$200 billion" (a currency sign names the unit), a year alone: "2022"."""
    if display:
        ends = read_range(display)
        reading = ends[1] if ends else read_number(display)
        if reading is not None and (reading.rest or names_currency(display)):
            return display  # the display names its unit already
        if reading is not None and reading.scaled:
            unit = unit_scale(unit)[1]
        return f"{display} {unit}" if unit else display
    shown = format_number(value, unit or "")
    if not unit or (is_year_unit(unit) and shown == str(value) and len(shown) == 4):
        return shown
    return f"{shown} {unit}"


def names_currency(display: str) -> bool:
    """A display form that starts with a currency sign ("$200 billion", "-€5m")."""
    return display.lstrip("+-−–— ")[:1] in _CURRENCY


def format_range(
    low: Decimal, high: Decimal, unit: str | None = None, display: str | None = None
) -> str:
    """A range with its unit: "12–17 named storms", "$2–3 billion" (as displayed)."""
    if display:
        return format_amount(low, unit, display)
    shown = f"{format_number(low, unit or '')}{DASH}{format_number(high, unit or '')}"
    return f"{shown} {unit}" if unit else shown


def with_bound(bound: str | None, shown: str) -> str:
    """ "more than $200 billion", "about 6 billion people"; ``shown`` alone without a bound."""
    return f"{bound} {shown}" if bound else shown


def read_range(text: str) -> tuple[Reading, Reading] | None:
    """Read "12–17", "12 to 17 storms", "between 2 and 3 percent", "$2-3 billion" as its two
    ends (the low end takes the high end's scale and words when it has none); None when the
    text is not two numbers joined by a dash, "to" or "and"."""
    match = _RANGE.match(unicodedata.normalize("NFKC", text).strip())
    if not match:
        return None
    low, high = read_number(match["low"]), read_number(match["high"])
    if low is None or high is None or (low.rest and not high.rest):
        return None
    if high.scaled and not low.scaled:
        scale = read_number("1 " + _scale_word(match["high"]))
        factor = scale.value if scale is not None and scale.scaled else Decimal(1)
        low = Reading(low.value * factor, high.rest, True, None)
    elif not low.rest:
        low = Reading(low.value, high.rest, low.scaled, low.other)
    return low, high


def _scale_word(text: str) -> str:
    match = re.search(r"\d\s*(" + _SCALE_WORDS + r")(?![a-z])", text, re.IGNORECASE)
    return match.group(1) if match else ""


def unit_scale(unit: str | None) -> tuple[int, str]:
    """The scale word a unit starts with, and the rest: "billion U.S. dollars" -> (10^9,
    "U.S. dollars"); a unit without one -> (1, unit)."""
    words = (unit or "").split(maxsplit=1)
    if words and words[0].lower() in SCALES and words[0].lower() not in ("k", "m"):
        return SCALES[words[0].lower()], words[1] if len(words) > 1 else ""
    return 1, unit or ""


@record
class Reading:
    """A typed number: its value, any words after it, and whether it was ambiguous."""

    value: Decimal
    rest: str
    scaled: bool
    other: Decimal | None = None  # the second reading of "5.000" (5000), if any


def read_number(text: str) -> Reading | None:
    """Read "6 billion", "$6bn", "6,000,000,000", "6 000 000 000", "-5", "1.5 million";
    None when the text does not start with a number."""
    text = unicodedata.normalize("NFKC", text).strip().replace("\u202f", " ")
    text = text.lstrip(_CURRENCY).strip()
    sign = ""
    if text and text[0] in "+-−":
        sign, text = text[0], text[1:].lstrip().lstrip(_CURRENCY).strip()
    match = _NUMBER.match(text)
    if not match or not (match["int"] or match["frac"]):
        return None
    digits = re.sub(r"[,\s]", "", match["int"] or "0") + (match["frac"] or "")
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None
    other = None
    scale = match["scale"]
    if scale:
        value *= SCALES[scale.lower()]
    elif not match["sep"] and _AMBIGUOUS.match(digits):
        other = Decimal(digits.replace(".", ""))
    if sign in ("-", "−"):
        value = -value
        other = -other if other is not None else None
    return Reading(value, match["rest"].strip(), bool(scale), other)


def amount_of(value: Decimal, unit: str | None) -> Decimal:
    """The absolute amount a value stands for: 6 with unit "billion dollars" -> 6 * 10^9."""
    return value * unit_scale(unit)[0]


def unit_matches(words: str, unit: str | None) -> bool:
    """Words typed after a number name the unit: "dollars" or "U.S. dollars" for
    "billion U.S. dollars", "people" for "people to be trained"."""
    typed = _unit_words(words)
    if not typed:
        return not words.strip()
    known = _unit_words(unit_scale(unit)[1]) | _unit_words(unit or "")
    return bool(known) and typed <= known | {"of", "the"}


def _unit_words(text: str) -> set[str]:
    text = unicodedata.normalize("NFKD", text.casefold()).replace("%", " percent ")
    text = re.sub(r"\bper\s+cent\b", "percent", text)
    text = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\.)|(?<=\b[a-z]\.[a-z])\.", "", text)  # u.s. -> us
    words = set(re.findall(r"[^\W_]+", text))
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words}
