"""Numbers in an article, in digits or words, with the noun they count.

Written by hand rather than with quantulum3: on news text it took seconds to load, gave
no unit nouns for counts ("5,000 security personnel" is "dimensionless") and read
"a key" as 1,000 exayears.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal

from seeds.frozen import record


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
    r"(?P<pct>\s?%|[\s-](?:per\s?cent|percent)\b)?)"
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
# Verbs that follow a number without a noun: "$200 billion went to ...", "Four made landfall".
_VERBS = _words("""went came rose fell grew dropped jumped climbed declined increased decreased
made became remained stood reached took gave got received spent left arrived died lived
worked voted signed joined attended applied returned fled hit struck caused cost killed
injured survived passed failed won lost saw met face faced need needed want wanted get
make made take go come remain stay live work vote""")
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
    value: Decimal  # a range's low end
    written: str  # the number as written: "5,000", "five", "6 billion", "12–17"
    unit: str  # the counted noun ("security personnel"), "%", a currency, or ""
    duration: bool  # a span of time ("five years", "a month-long")
    worded: bool  # written in words or with a scale word (worth a display form)
    high: Decimal | None = None  # a range's high end ("12–17 named storms")
    bound: str | None = None  # "more than $200 billion": one of seeds.numbers.BOUNDS
    lead: int | None = None  # where the bound's words begin


# Words that make the number after them a label, not a quantity: "P.L. 87-195", "Title 22",
# "Section 333", "Category 4", "No. 5".
_IDENTIFIER = re.compile(
    r"(?:\b(?:P\.\s?L|Pub\.\s?L|H\.\s?R|S|Sec|No|Nos|Vol|pp?|Art|Ch|Fig|Res)\.|§+|"
    r"\b(?:Public\s+Laws?|Titles?|Sections?|Chapters?|Articles?|Paragraphs?|Rules?|"
    r"Resolutions?|Amendments?|Executive\s+Orders?|Orders?|Reports?|Divisions?|Parts?|Subtitles?|"
    r"Clauses?|Volumes?|Pages?|Figures?|Tables?|Annex|Protocols?|Phases?|Stages?|Levels?|"
    r"Categor(?:y|ies)|Class|Type|Grade|Route|Highway|Interstate|Flight|Room|Box|"
    r"Number|Item|Step|Option|Tier|Block|Lot|Unit|District|Ward|Region|Zone|Model|Version)"
    r"|\b(?:section|chapter|paragraph|clause|title|article)|#)\s*$"
)
# "more than $200 billion", "some 6 billion": how the source bounds the number.
_BOUND_WORDS = {
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "no more than": "up to",
    "at most": "up to",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "fewer than": "less than",
    "less than": "less than",
    "under": "less than",
}
_BOUND = re.compile(
    r"(?<![\w-])(?P<words>(?i:"
    + "|".join(sorted(_BOUND_WORDS, key=len, reverse=True)).replace(" ", r"\s+")
    + r"))\s+$"
)
_CURRENCY_SIGN = r"(?:US\$|A\$|HK\$|\$|£|€|¥)"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|bn|mn|tn)"
# "12–17", "12 to 17 named storms", "between 2 and 3 percent", "$2-3 billion".
_RANGE = re.compile(
    rf"(?<![\w.,/$-])(?P<between>between\s+)?(?P<cur>{_CURRENCY_SIGN})?\s?"
    rf"(?P<low>{_DIGITS})(?:\s?(?P<low_scale>{_SCALE_WORD})(?![a-z]))?(?P<low_pct>\s?%)?"
    rf"(?P<sep>\s?[–—-]\s?|\s+to\s+|\s+and\s+){_CURRENCY_SIGN}?"
    rf"(?P<high>{_DIGITS})(?:\s?(?P<scale>{_SCALE_WORD})(?![a-z]))?"
    r"(?P<pct>\s?%|[\s-](?:per\s?cent|percent)\b)?(?![\w-])",
    re.IGNORECASE,
)
_YEARS = re.compile(r"(?:1[89]|20)\d\d")


_AGE = re.compile(r"[A-Z][a-z’'-]+,\s$")


def find_numbers(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[NumberMention]:
    """Every number in ``text`` outside the ``skip`` spans (dates) that counts something:
    labels ("Title 22", "P.L. 87-195") are left out, a range is one mention, and words
    that bound a number ("more than") are kept with it."""
    ranges = [r for r in _ranges(text, skip)]
    found = [*ranges]
    spans = sorted([*skip, *((r.start, r.end) for r in ranges)])
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
        if _labels(text, start) or _in_code(text, start, end):
            continue
        mention = _mention(text, match, start, end)
        if mention is not None and _counts_nothing(text, mention):
            continue
        if mention is not None:
            found.append(_bounded(text, mention))
    return sorted(found, key=lambda m: m.start)


def _labels(text: str, start: int) -> bool:
    """The number at ``start`` names something ("Title 22", "P.L. 87-195", "No. 5")."""
    return bool(_IDENTIFIER.search(text, max(0, start - 24), start))


def _counts_nothing(text: str, mention: NumberMention) -> bool:
    """ "A dry year, maybe two, and ...": a small number in words with no noun and no verb
    after it ("Four made landfall" counts the storms named before)."""
    if not mention.worded or mention.unit or mention.value >= 10:
        return False
    return _UNIT_WORD.match(text, mention.end) is None


def _in_code(text: str, start: int, end: int) -> bool:
    """Part of a telephone number or code: "202-555-0143", "4-2"."""
    return bool(re.match(r"[-–]\d", text[end : end + 2])) or bool(
        re.search(r"\d[-–]$", text[max(0, start - 2) : start])
    )


def _bounded(text: str, mention: NumberMention) -> NumberMention:
    if mention.duration:
        return mention
    match = _BOUND.search(text, max(0, mention.start - 20), mention.start)
    if match is None:
        return mention
    bound = _BOUND_WORDS[" ".join(match["words"].lower().split())]
    return dataclasses.replace(mention, bound=bound, lead=match.start())


def _ranges(text: str, skip: Sequence[tuple[int, int]]) -> list[NumberMention]:
    found = []
    for match in _RANGE.finditer(text):
        sep = match["sep"].strip().lower()
        if (sep == "and") != bool(match["between"]):
            continue  # "12 and 17" is two numbers; "between 12 and 17" a range
        if re.search(r"\bfrom\s+$", text[max(0, match.start() - 6) : match.start()]):
            continue  # "from 12 to 17" is a change: two figures
        if _labels(text, match.start()) or any(
            a < match.end() and match.start() < b for a, b in skip
        ):
            continue
        low_text, high_text = match["low"], match["high"]
        if _YEARS.fullmatch(low_text) and (_YEARS.fullmatch(high_text) or len(high_text) == 2):
            continue  # "2018–2020", "2018-19": years, a period
        low, high = Decimal(low_text.replace(",", "")), Decimal(high_text.replace(",", ""))
        scale = _SCALES[match["scale"].lower()] if match["scale"] else 1
        low_scale = _SCALES[match["low_scale"].lower()] if match["low_scale"] else scale
        low, high = low * low_scale, high * scale
        if low >= high:
            continue
        end = (
            match.end("pct")
            if match["pct"]
            else match.end("scale")
            if match["scale"]
            else match.end("high")
        )
        if match["pct"] or match["low_pct"]:
            unit, unit_end = "%", end
        else:
            unit, unit_end = _unit_after(text, end)
        if match["cur"]:
            unit = _CURRENCIES.get(match["cur"], match["cur"]) + (f" ({unit})" if unit else "")
        start = (
            match.start("between")
            if match["between"]
            else match.start("cur")
            if match["cur"]
            else match.start("low")
        )
        written = text[start:end]
        duration = unit.split(" ")[0].lower().rstrip("s") in DURATIONS
        found.append(
            NumberMention(start, end, unit_end, low, written, unit, duration, True, high=high)
        )
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
        if (
            lowered in _STOP
            or lowered in _VERBS
            or (word[0].isupper() and (words or not _people_word(word)))
        ):
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
