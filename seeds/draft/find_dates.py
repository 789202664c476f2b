"""Dates in an article: explicit ("3 March 2021"), partial ("last April") and relative
("on Tuesday", "two weeks ago"), resolved against a reference date with dateparser.

dateparser runs with fixed settings (English, UTC, an explicit base date), so the result
never depends on the machine's locale, timezone or clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache, lru_cache

from seeds.dates import MONTHS, PartialDate
from seeds.frozen import record

_MONTH_ABBR = r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
MONTH = rf"(?:{'|'.join(MONTHS)}|{_MONTH_ABBR})"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY = rf"(?:{'|'.join(WEEKDAYS)})"
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|"
    r"a couple of|several|a|an|\d+)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"

_LEAD = (
    r"(?:(?:[Ee]arlier|[Ll]ater)\s+(?:this|in)\s+|[Ll]ast\s+|[Tt]his\s+|[Nn]ext\s+|"
    r"[Ee]arly\s+|[Ll]ate\s+|[Mm]id-?\s*|[Ii]n\s+(?:early\s+|late\s+|mid-?)?|[Oo]n\s+|"
    r"[Ss]ince\s+|[Bb]y\s+|[Uu]ntil\s+|[Ff]rom\s+|[Dd]uring\s+|[Bb]efore\s+|"
    r"[Aa]fter\s+|[Tt]he\s+end\s+of\s+)?"
)
_CORES = [
    (
        "full",
        rf"{_DAY}\s+{MONTH},?\s+{YEAR}|{MONTH}\s+{_DAY},?\s+{YEAR}|"
        rf"{YEAR}-[01]\d-[0-3]\d",
    ),
    ("month_year", rf"{MONTH}(?:\s+of)?,?\s+{YEAR}"),
    (
        "day_month",
        rf"(?:{WEEKDAY},?\s+)?(?:{_DAY}\s+{MONTH}|{MONTH}\s+{_DAY}(?![\d,]*\s*{YEAR}))",
    ),
    ("weekday", rf"{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?"),
    ("month", MONTH),
    (
        "relative",
        rf"(?i:yesterday|today|tonight|the\s+day\s+before\s+yesterday|"
        rf"(?:last|this|next|past)\s+(?:week|month|year|weekend)|"
        rf"(?P<season>(?:last|this|next)\s+(?:spring|summer|fall|autumn|winter))|"
        rf"{_NUMBER_WORD}\s+(?:days?|weeks?|months?|years?)\s+ago)",
    ),
]
_DATE = re.compile(
    r"(?<![\w-])(?P<text>"
    + _LEAD
    + "(?:"
    + "|".join(f"(?P<{k}>{p})" for k, p in _CORES)
    + r"))(?![\w-])"
)
_FUNCTION = (
    r"(?:and|or|but|to|the|when|as|that|which|was|were|is|are|had|has|have|for|in|on|at|by|"
    r"with|after|before|until|through|amid|following|under|saw|marked|too|also|respectively)"
)
# A year standing alone as a date: "in 2019", "since 2014", "the Act of 1961", "(1976)";
# "the 2022 summit" (the year alone). After "of", "to" or "and" a lowercase word other than
# a function word makes it a count ("a total of 2000 people").
_YEAR = re.compile(
    rf"(?<![\w,.-])(?P<text>(?:(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|"
    rf"[Bb]efore|[Aa]fter|[Ee]arly|[Ll]ate|[Mm]id-|[Tt]hrough|[Ee]nd of|[Bb]etween|"
    rf"[Aa]s of|[Ss]tarting in|[Bb]eginning in)\s+|\()"
    rf"(?:early\s+|late\s+)?(?P<year>{YEAR}))(?![\w-])(?!,\d)"
    rf"|(?<![\w,.-])(?P<weak>(?:[Oo]f|[Tt]o|and)\s+(?P<weak_year>{YEAR}))(?![\w-])(?!,\d)"
    rf"(?!\s+(?!{_FUNCTION}\b)[a-z]+)"
    rf"|(?<![\w,.-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s+"
    rf"(?P<attributive>(?P<year2>{YEAR}))(?=\s+[a-z])"
)
# "the 1980s", "the early 2000s": a decade.
_DECADE = re.compile(
    r"(?<![\w-])(?P<text>(?:(?:[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Tt]hrough|[Ff]rom)\s+)?"
    r"(?:[Tt]he\s+)?(?:(?:early|mid|late)(?:-|\s+))?(?P<decade>(?:1[0-9]|20)\d0)s)(?![\w’'-])"
)
# "FY2006", "FY 2023", "fiscal year 2006", "fiscal 2024": a U.S. federal fiscal year.
_FISCAL = re.compile(
    r"(?<![\w-])(?P<text>(?:(?:[Ii]n|[Ss]ince|[Bb]y|[Ff]or|[Tt]hrough|[Ff]rom|[Uu]ntil)\s+)?"
    r"(?:FY\s?|[Ff]iscal\s+(?:[Yy]ear\s+)?)(?P<fy>(?:19|20)\d\d|\d\d))(?![\w-])"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|plans? to|planned|scheduled|expects?|"
    r"expected to|forecasts?|due to|upcoming|next)\b",
    re.IGNORECASE,
)


@record
class DateMention:
    start: int
    end: int
    text: str  # the article's own wording, with its preposition ("last April")
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; None when it cannot be worked out
    inferred: bool  # worked out from a reference date, not written in full


def find_dates(text: str, reference: dt.date | None) -> list[DateMention]:
    """Every date in ``text`` (offsets into it), resolved against ``reference``.

    A clause that speaks of the future ("will meet in October") takes the next October, one
    in the past tense the last one; with no sign of either, a month or day takes the nearer
    ("runs from June 1", a week before June) and a weekday the last one.
    """
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for match in _DATE.finditer(text):
        kind = next(k for k, _ in _CORES if match.group(k))
        core = match.group(kind)
        if kind == "month" and core == "May" and not _looks_like_month(text, match):
            continue
        if kind == "weekday" and _OWNED.search(text, max(0, match.start() - 8), match.start()):
            continue  # "gave up their Saturday": any Saturday, not a date
        tense = _tense(text, match)
        base = reference
        previous = mentions[-1] if mentions else None
        if previous and previous.value and _UNTIL.fullmatch(text[previous.end : match.start()]):
            # "from June 1 through November 30": the end is after the start
            tense, base = "future", PartialDate.parse(previous.value).start
        value, inferred = _resolve(kind, core, match.group("text"), base, tense)
        mentions.append(
            DateMention(
                match.start("text"), match.end("text"), match.group("text"), value, inferred
            )
        )
        taken.append((match.start(), match.end()))
    spans: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
        (_FISCAL, lambda m: "FY" + (m["fy"] if len(m["fy"]) == 4 else "20" + m["fy"])),
        (_DECADE, lambda m: m["decade"] + "s"),
        (_YEAR, lambda m: m["year"] or m["weak_year"] or m["year2"]),
    )
    for pattern, read in spans:
        for match in pattern.finditer(text):
            group = next(
                (g for g in ("weak", "attributive") if pattern is _YEAR and match[g]), "text"
            )
            start, end = match.span(group)
            if any(a < end and start < b for a, b in taken):
                continue
            written = match.group(group).lstrip("(")
            start = end - len(written)
            mentions.append(DateMention(start, end, written, read(match), False))
            taken.append((start, end))
    return sorted(mentions, key=lambda m: m.start)


# Past-tense words: "approved", "was", "came"; "-ed" words that look ahead are futures.
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|came|went|took|made|said|told|began|won|lost|saw|met|"
    r"held|led|left|gave|grew|fell|rose|sent|spent|paid|broke|built|bought|sold|found|"
    r"brought|chose|drove|flew|got|hit|kept|knew|put|ran|read|set|spoke|stood|struck|"
    r"thought|threw|understood|wrote|became|began|\w{3,}ed)\b",
    re.IGNORECASE,
)


def _tense(text: str, match: re.Match[str]) -> str | None:
    """ "future", "past" or None (no sign) for the date ``match`` found in the sentence
    ``text``: its lead word first, then its clause, then a future anywhere in the sentence."""
    lead = match.group("text").lower()
    if lead.startswith("next"):
        return "future"
    if lead.startswith(("last", "since", "earlier", "during", "until", "before")):
        return "past"
    clause = _clause(text, match.start(), match.end(), _TENSE_BREAK)
    if _FUTURE.search(clause):
        return "future"
    if _PAST.search(clause):
        return "past"
    return "future" if _FUTURE.search(text) else None


_OWNED = re.compile(r"\b(?:their|his|her|our|my|your|its|a|an|every|each|one)\s+$", re.I)
_UNTIL = re.compile(r"\s*(?:through|to|until|till|and|[-–—])\s*")
_CLAUSE_BREAK = re.compile(r"[;:!?\n]|[,.](?!\d)")
_TENSE_BREAK = re.compile(r"[;:!?]|[,.](?!\d)")  # a hard-wrapped line goes on


def _clause(text: str, start: int, end: int, breaks: re.Pattern[str] = _CLAUSE_BREAK) -> str:
    """The clause around a date: between the punctuation before and after it."""
    before = [m.end() for m in breaks.finditer(text, 0, start)]
    after = breaks.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def _looks_like_month(text: str, match: re.Match[str]) -> bool:
    """'May' is a month after a preposition or before a day or year, else the verb."""
    lead = match.group("text")[: match.start("month") - match.start("text")].strip()
    return bool(lead) or bool(re.match(r"\s+\d", text[match.end() :]))


def _resolve(
    kind: str, core: str, written: str, reference: dt.date | None, tense: str | None
) -> tuple[str | None, bool]:
    core = re.sub(rf"^{WEEKDAY},?\s+(?=\S)", "", core) if kind == "day_month" else core
    future = tense == "future"
    if kind == "full":
        parsed = _parse(core, reference or dt.date(2000, 1, 1), future)
        return (parsed[0].isoformat(), False) if parsed else (None, False)
    if kind == "month_year":
        parsed = _parse(core, reference or dt.date(2000, 1, 1), future)
        return (f"{parsed[0]:%Y-%m}", False) if parsed else (None, False)
    if reference is None:
        return None, True
    lead = written[: len(written) - len(core)].strip().lower()
    if kind == "weekday":
        return _weekday(core.split()[0], reference, future or lead == "next"), True
    if kind in ("month", "day_month") and tense is None:
        return _nearest(kind, core, reference), True
    if kind == "month":
        return _month(core, reference, future or lead == "next"), True
    if season := re.fullmatch(r"(last|this|next)\s+(spring|summer|fall|autumn|winter)", core, re.I):
        return str(_season_year(season[1].lower(), season[2].lower(), reference)), True
    parsed = _parse(core, reference, future)
    if parsed is None:
        return None, True
    day, period = parsed
    if kind == "day_month" or period == "day":
        return day.isoformat(), True
    if period == "year":
        return f"{day:%Y}", True
    return f"{day:%Y-%m}", True


def _nearest(kind: str, core: str, reference: dt.date) -> str | None:
    """The occurrence of a month or day nearer to ``reference``, before or after it."""
    found = [p[0] for future in (False, True) if (p := _parse(core, reference, future))]
    if not found:
        return None
    day = min(found, key=lambda d: (abs((d - reference).days), d))
    return day.isoformat() if kind == "day_month" else f"{day:%Y-%m}"


_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def _season_year(which: str, season: str, reference: dt.date) -> int:
    """The year a season falls in (northern seasons, winter by its December): "last spring"
    in September is this year's, in February last year's."""
    start = _SEASON_START[season]
    begun = reference.month >= start
    if which == "this":
        return reference.year
    if which == "last":
        return reference.year if begun and reference.month >= start + 3 else reference.year - 1
    return reference.year if not begun else reference.year + 1


def _weekday(name: str, reference: dt.date, future: bool) -> str:
    """'on Tuesday' in news is the latest Tuesday on or before the article's date."""
    wanted = WEEKDAYS.index(name)
    if future:
        return (
            reference + dt.timedelta(days=(wanted - reference.weekday() - 1) % 7 + 1)
        ).isoformat()
    return (reference - dt.timedelta(days=(reference.weekday() - wanted) % 7)).isoformat()


def _month(core: str, reference: dt.date, future: bool) -> str | None:
    parsed = _parse(core, reference, future)
    if parsed is None:
        return None
    return f"{parsed[0]:%Y-%m}"


@cache
def _parser(reference: dt.date, future: bool):
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime(reference.year, reference.month, reference.day, 12),
        "PREFER_DATES_FROM": "future" if future else "past",
        "PREFER_DAY_OF_MONTH": "first",
        "TIMEZONE": "UTC",
        "TO_TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "DMY",
        "PARSERS": ["relative-time", "absolute-time"],
    }
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _parse(core: str, reference: dt.date, future: bool) -> tuple[dt.date, str] | None:
    core = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", core.replace(" of ", " "))
    core = re.sub(r"\s+(?:morning|afternoon|evening|night)$", "", core)
    data = _parser(reference, future).get_date_data(core)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


_PUBLISHED = re.compile(
    rf"(?<!\w)(?:{_DAY}\s+{MONTH},?\s+{YEAR}|{MONTH}\s+{_DAY},?\s+{YEAR}|"
    rf"{YEAR}-[01]\d-[0-3]\d)(?!\w)"
)


# What may stand before the date on a dateline or byline: "WASHINGTON, ", "Published: ",
# "For immediate release — ", "By Ann Lee | " (capitalised words and a few lowercase ones).
_DATELINE_LEAD = re.compile(
    r"^(?:[A-Z][\w.’'&-]*|on|of|for|immediate|release|published|posted|updated|issued|"
    r"released|date|[,:;|—–()\-]|\s)*$"
)


def date_in_text(text: str) -> dt.date | None:
    """The article's own date: a full date near the start of one of its first lines, on a
    dateline ("WASHINGTON, May 21, 2026 — ...") or a line of its own; else None."""
    lines = [line for line in text.strip().split("\n")[:8] if line.strip()][:6]
    for line in lines:
        match = _PUBLISHED.search(line, 0, 80)
        lead = line[: match.start()] if match else ""
        # "Guest opinion — March 22, 2026": a few words and a dash before it on a short line
        short_line = len(line) < 80 and len(lead.split()) <= 4 and not lead.rstrip().endswith(".")
        if match and (_DATELINE_LEAD.match(lead) or short_line):
            parsed = _parse(match.group(), dt.date(2000, 1, 1), False)
            if parsed:
                return parsed[0]
    return None
