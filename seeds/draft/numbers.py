"""Numbers in an article, in digits or words, with the noun they count.

Written by hand rather than with quantulum3: on news text it took seconds to load, gave
no unit nouns for counts ("5,000 security personnel" is "dimensionless") and read
"a key" as 1,000 exayears.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from decimal import Decimal

from seeds.records import record


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UNITS_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "bn": 10**9,
    "mn": 10**6,
    "tn": 10**12,
}
_FRACTIONS = {
    "half": Decimal("0.5"),
    "a half": Decimal("0.5"),
    "a third": Decimal("0.33"),
    "one third": Decimal("0.33"),
    "one-third": Decimal("0.33"),
    "two thirds": Decimal("0.67"),
    "two-thirds": Decimal("0.67"),
    "a quarter": Decimal("0.25"),
    "one quarter": Decimal("0.25"),
    "three quarters": Decimal("0.75"),
    "three-quarters": Decimal("0.75"),
    "a fifth": Decimal("0.2"),
    "a tenth": Decimal("0.1"),
}
DURATIONS = {
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "centuries",
}

_WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(_TENS_WORDS)
    + r")(?:[- ](?:"
    + "|".join(w for w in _UNITS_WORDS if _UNITS_WORDS[w] < 10)
    + r"))?|"
    + "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
    + ")"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = re.compile(
    r"(?<![\w.,/-])(?P<cur>US\$|A\$|HK\$|\$|£|€|¥)?\s?"
    r"(?:(?P<frac>(?i:a half|a third|one[- ]third|two[- ]thirds|a quarter|one quarter|"
    r"three[- ]quarters|a fifth|a tenth|half))(?=\s+(?:of|the|a|an)\b)|"
    r"(?P<num>"
    + _DIGITS
    + r"|(?i:"
    + _WORD_NUMBER
    + r")|(?i:a|an)(?=[- ](?:"
    + "|".join(sorted(DURATIONS))
    + r")-long))"
    r"(?:\s?(?P<scale>(?i:hundred|thousand|million|billion|trillion)|bn|mn|tn)(?![a-z]))?"
    r"(?P<pct>\s?%|\s(?:per\s?cent|percent)\b)?)"
    r"(?P<long>-(?:" + "|".join(sorted(DURATIONS)) + r")(?:-(?:long|old))?\b|"
    r"\s(?:" + "|".join(sorted(DURATIONS)) + r")s?-(?:long|old)\b)?"
    r"(?![\w])"
)
_STOP = _words("""a an the of to in on at by for from with over under into about as than
and or but that which who whom whose this these those it its their his her our your was were
is are be been being has have had will would could should can may might must do does did not
no so such said says per each every more most less least some many much than then there here
when while where after before since until during between among across through around against
within without also only just up down out off back again further last next first since
ago""")
_SMALL_WORDS = frozenset({"one"})  # "one country alone" is not a figure worth quizzing
_CURRENCIES = {
    "US$": "US dollars",
    "$": "dollars",
    "£": "pounds",
    "€": "euros",
    "¥": "yuan",
    "A$": "Australian dollars",
    "HK$": "Hong Kong dollars",
}
_UNIT_WORD = re.compile(r"\s*(?P<w>[A-Za-z][\w’'\-]*)")
_PERIOD_LEAD = re.compile(
    r"(?:(?:over|in|for|during|within)\s+(?:the\s+)?(?:next|past|last|"
    r"coming|following)?\s*|for\s+|within\s+)$",
    re.IGNORECASE,
)


@record
class NumberMention:
    start: int  # of the number (or its currency sign)
    end: int  # of the number with its scale and percent sign
    unit_end: int  # of the unit noun phrase after it
    value: Decimal
    written: str  # the number as written: "5,000", "five", "6 billion"
    unit: str  # the counted noun ("security personnel"), "%", a currency, or ""
    duration: bool  # a span of time ("five years", "a month-long")
    worded: bool  # written in words or with a scale word (worth a display form)


_AGE = re.compile(r"[A-Z][a-z’'-]+,\s$")


def find_numbers(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[NumberMention]:
    """Every number in ``text`` outside the ``skip`` spans (dates)."""
    found = []
    spans = sorted(skip)
    starts = [a for a, _ in spans]
    for match in _NUMBER.finditer(text):
        if not (match.group("num") or match.group("frac")):
            continue
        start, end = (
            match.start(),
            match.end("pct")
            if match.group("pct")
            else (
                match.end("scale")
                if match.group("scale")
                else match.end("num")
                if match.group("num")
                else match.end("frac")
            ),
        )
        near = spans[
            max(bisect.bisect_right(starts, start) - 1, 0) : bisect.bisect_right(starts, end)
        ]
        if any(a <= start < b or a < end <= b for a, b in near):
            continue
        if text[end : end + 1] == "," and _AGE.search(text, max(0, start - 40), start):
            continue  # "Peter Ekai, 54, a herder": an age
        mention = _mention(text, match, start, end)
        if mention is not None:
            found.append(mention)
    return found


def _mention(text: str, match: re.Match[str], start: int, end: int) -> NumberMention | None:
    num, frac, scale = match.group("num"), match.group("frac"), match.group("scale")
    if frac:
        value = _FRACTIONS[re.sub(r"\s+", " ", frac.lower())]
        worded = True
    else:
        lowered = num.lower()
        if lowered in _SMALL_WORDS and not scale and not match.group("long"):
            following = _UNIT_WORD.match(text, end)
            if not following or following.group("w").lower().rstrip("s") not in DURATIONS:
                return None
        if lowered in ("a", "an"):
            value, worded = Decimal(1), True
        elif num[0].isdigit():
            value, worded = Decimal(num.replace(",", "")), False
            if _is_year_label(text, num, end):
                return None
        else:
            value, worded = Decimal(_words_value(lowered)), True
        if scale:
            value *= _SCALES[scale.lower()]
            worded = True
    written = text[start:end]
    if match.group("long"):  # "a month-long course": a duration of one month
        unit = match.group("long").strip("- ").split("-")[0].rstrip("s") + (
            "s" if value != 1 else ""
        )
        return NumberMention(start, end, match.end("long"), value, written, unit, True, True)
    if match.group("pct"):
        unit, unit_end = "%", end
    elif frac:
        of = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+|a\s+)?", text[end:])
        unit, unit_end = _unit_after(text, end + of.end()) if of else ("", end)
        unit = f"share of {unit}" if unit else "share"
    else:
        unit, unit_end = _unit_after(text, end)
    if match.group("cur"):
        unit = _CURRENCIES.get(match.group("cur"), match.group("cur")) + (
            f" ({unit})" if unit else ""
        )
    duration = unit.split(" ")[0].lower().rstrip("s") in DURATIONS | {"centurie"}
    if duration:  # "five years and set up ...": the unit is the one word
        word = _UNIT_WORD.match(text, end)
        unit, unit_end = (word.group("w"), word.end()) if word else (unit, unit_end)
    return NumberMention(start, end, unit_end, value, written, unit, duration, worded)


def _is_year_label(text: str, digits: str, end: int) -> bool:
    """A bare 4-digit year ("the 2022 summit") is a date or a label, not a count."""
    if not re.fullmatch(r"(?:1[89]|20)\d\d", digits):
        return False
    after = _UNIT_WORD.match(text, end)
    return not (after and after.group("w").islower() and after.group("w").endswith("s"))


def _words_value(words: str) -> int:
    parts = re.split(r"[- ]", words)
    total = 0
    for part in parts:
        total += _TENS_WORDS.get(part, 0) + _UNITS_WORDS.get(part, 0)
    return total


def _unit_after(text: str, end: int) -> tuple[str, int]:
    """The noun phrase a number counts: up to four words, "and" allowed inside."""
    words: list[str] = []
    cursor = unit_end = end
    while len(words) < 4:
        match = _UNIT_WORD.match(text, cursor)
        if match is None or text[cursor : match.start("w")].strip():
            break
        word = match.group("w")
        lowered = word.lower()
        if lowered in ("and", "or") and words:
            nxt = _UNIT_WORD.match(text, match.end())
            if nxt and nxt.group("w").lower() not in _STOP and not nxt.group("w")[0].isupper():
                words.append(word)
                cursor = match.end()
                continue
            break
        if lowered in _STOP or (word[0].isupper() and (words or not _people_word(word))):
            break
        words.append(word)
        cursor = unit_end = match.end()
        if word[0].isupper():  # "4.4 million Kenyans": the people are the unit
            break
    while words and words[-1].lower() in ("and", "or"):
        words.pop()
    return " ".join(words), unit_end


def _people_word(word: str) -> bool:
    """A capitalised plural that counts people: "4.4 million Kenyans", "Americans"."""
    return word.endswith(("ans", "ese", "ians", "ers", "ists", "ites"))


def period_before(text: str, start: int, sentence_start: int) -> int:
    """Where a duration's lead words begin ("over the next five years")."""
    match = _PERIOD_LEAD.search(text, max(sentence_start, start - 30), start)
    return match.start() if match else start
