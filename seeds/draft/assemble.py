"""The draft pack: what the finders found, placed as pack data with TODO placeholders
wherever the curator's own words belong."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from bisect import bisect_left
from dataclasses import field
from decimal import Decimal
from typing import Any

from seeds.dates import PartialDate
from seeds.draft.actors import ActorFound, Cast, find_cast
from seeds.draft.find_dates import DateMention, date_in_text, find_dates
from seeds.draft.find_numbers import NumberMention, find_numbers, period_before
from seeds.draft.quotes import QuoteFound, find_quotes
from seeds.draft.text import Sentence, SentenceIndex, fragment, slug, split_sentences
from seeds.frozen import record
from seeds.model import Actor
from seeds.packs import PLACEHOLDER, is_placeholder

NEAR = 300  # characters: how far a figure's period, date and actor may stand from it
KINDS = ("news", "editorial", "report", "speech", "interview")


def todo(hint: str = "") -> str:
    return f"{PLACEHOLDER}: {hint}" if hint else PLACEHOLDER


@record
class Summary:
    figures: int
    quotes: int
    attributed: int
    dates: int
    inferred: int
    actors: int
    terms: int
    placeholders: int

    def line(self, folder: str) -> str:
        return (
            f"{self.figures} figures, {self.quotes} quotes ({self.attributed} attributed), "
            f"{self.dates} dates ({self.inferred} inferred), {self.actors} actors, "
            f"{self.terms} terms; {self.placeholders} places to fill in; "
            f"next: quiz check {folder}"
        )


@record
class Draft:
    data: dict[str, Any]
    comments: dict[tuple[str | int, ...], list[str]] = field(default_factory=dict)
    summary: Summary | None = None
    notes: tuple[str, ...] = ()  # what the teacher should know (no quotes found, ...)


def draft_pack(
    text: str,
    *,
    pack_id: str,
    date: dt.date | None = None,
    headline: str | None = None,
    outlet: str | None = None,
    kind: str | None = None,
) -> Draft:
    """A draft pack from an article's text: pure, deterministic, no network."""
    sentences = split_sentences(text)
    index = SentenceIndex(sentences)
    reference = date or date_in_text(text)
    cast = find_cast(text)
    ids = _Ids()
    for actor in cast.actors:
        actor.id = ids.take(actor.short.lower() if actor.short else slug(actor.name))
    dates = [m for s in sentences for m in _dates_in(s, reference)]
    numbers = find_numbers(text, [(m.start, m.end) for m in dates])
    quotes = find_quotes(text, cast, index)

    figures = _figures(text, numbers, dates, cast, index, ids)
    events = _events(text, dates, cast, index, ids)
    speakers = {q.speaker.id for q in quotes if q.speaker}
    actors = {id(a): _actor(a, a.id in speakers) for a in cast.actors}
    arguments = _arguments(quotes, figures, events, actors, cast, index, ids)
    data: dict[str, Any] = {
        "id": pack_id,
        "title": todo("a title for the brief"),
        "language": "en",
        "source": _source(text, headline, outlet, date, reference, kind),
        "takeaways": _takeaways(),
        "background": [todo("background a student needs to follow the story")],
        "figures": [f for f, _ in figures],
        "actors": list(actors.values()),
        "arguments": arguments,
        "events": [e for e, _ in events],
        "terms": _terms(cast, ids),
        "implications": [todo("what follows from the story")],
        "discussion": [todo("a question for class discussion")],
        "method": [
            todo("how you curated the article: what you left out, how dates were worked out")
        ],
    }
    summary = Summary(
        len(figures),
        len(quotes),
        sum(q.speaker is not None for q in quotes),
        len(events),
        sum(e.get("inferred") == "true" for e, _ in events),
        len(cast.actors),
        len(cast.terms),
        count_placeholders(data),
    )
    relative_left = reference is None and any(m.value is None for m in dates)
    return Draft(data, {}, summary, _notes(bool(quotes), bool(figures), relative_left))


def _notes(quotes: bool, figures: bool, relative_left: bool) -> tuple[str, ...]:
    """What the teacher should know of a draft with no quotes, no figures, or relative
    dates left undated."""
    notes = []
    if not quotes:
        notes.append("no passage in quotation marks was found")
    if not figures:
        notes.append("no numbers were found")
    if relative_left:
        notes.append("relative dates were left as TODO: give the article's date with --date")
    return tuple(notes)


def _takeaways() -> dict[str, str]:
    return {
        "what_happened": todo("what happened, in two or three sentences"),
        "why_it_matters": todo("why it matters"),
        "what_to_watch": todo("what to watch next"),
    }


def _terms(cast: Cast, ids: _Ids) -> list[dict[str, Any]]:
    """The acronyms the article spells out, each a term to define."""
    return [
        {
            "id": ids.take(slug(t.term)),
            "term": t.term,
            "short": t.short,
            "statement": todo("what the term means"),
        }
        for t in cast.terms
    ]


def count_placeholders(data: Any) -> int:
    if isinstance(data, dict):
        return sum(count_placeholders(v) for v in data.values())
    if isinstance(data, list):
        return sum(count_placeholders(v) for v in data)
    return int(is_placeholder(data))


class _Ids:
    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, base: str) -> str:
        base = base[:56] or "item"
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate


def _dates_in(sentence: Sentence, reference: dt.date | None) -> list[DateMention]:
    found = find_dates(sentence.text, reference)
    return [
        DateMention(m.start + sentence.start, m.end + sentence.start, m.text, m.value, m.inferred)
        for m in found
    ]


def _source(
    text: str,
    headline: str | None,
    outlet: str | None,
    date: dt.date | None,
    reference: dt.date | None,
    kind: str | None,
) -> dict[str, Any]:
    first = text.strip().split("\n", 1)
    detected = (
        first[0].strip()
        if len(first) == 2
        and len(first[0]) < 160
        and not first[0].rstrip().endswith((".", "”", '"'))
        else None
    )
    source: dict[str, Any] = {"headline": headline or detected or todo("the article's headline")}
    if outlet:
        source["outlet"] = outlet
    if reference:  # given with --date, or read off the dateline
        source["published"] = reference.isoformat()
    source["about"] = todo("what the article is about, in a sentence or two")
    if reference is None:
        basis = todo(
            "the article's date is not known: give it with --date, or say how you dated the events"
        )
    else:
        given = "the date given for the article" if date else "the date found in the article"
        basis = todo(
            f"check this. Relative dates (such as 'last April') are worked out from "
            f"{PartialDate.parse(reference.isoformat()).long()}, {given}, and marked as "
            "inferred"
        )
    source["date_basis"] = basis
    if reference:
        source["reference_date"] = reference.isoformat()
    if kind:
        source["kind"] = kind
    return source


def _words_before(text: str, start: int, limit: int) -> int:
    """Start of the lowercase word just before ``start`` ("train 5,000 ..."), if any."""
    match = re.search(r"(?<![\w’'-])([a-z][\w’'-]*)\s+$", text[max(limit, start - 30) : start])
    if match and match.group(1) not in ("the", "a", "an", "and", "or", "of", "to", "with"):
        return start - len(match.group(0))
    return start


_CLAUSE_END = re.compile(r"[;:!?“”\"()\n]|[,.](?!\d)")


def _clause_end(text: str, start: int, limit: int) -> int:
    match = _CLAUSE_END.search(text, start, limit)
    return match.start() if match else limit


def _figures(
    text: str,
    numbers: list[NumberMention],
    dates: list[DateMention],
    cast: Cast,
    index: SentenceIndex,
    ids: _Ids,
) -> list[tuple[dict[str, Any], NumberMention]]:
    by_value: dict[tuple[Decimal, Decimal | None, bool], list[tuple[dict[str, Any], str]]] = {}
    found: list[tuple[dict[str, Any], NumberMention]] = []
    number_starts = [n.start for n in numbers]
    date_starts = [d.start for d in dates]
    for number in numbers:
        sentence = index.at(number.start)
        lo, hi = (sentence.start, sentence.end) if sentence else (number.start, number.unit_end)
        # the sentence, but no more than a few lines either side in a text without full stops
        lo, hi = max(lo, number.start - NEAR), min(hi, number.unit_end + NEAR)
        beside = numbers[bisect_left(number_starts, lo) : bisect_left(number_starts, hi)]
        dates_beside = dates[bisect_left(date_starts, lo) : bisect_left(date_starts, hi)]
        counts = [n for n in beside if not n.duration]
        if number.duration and counts:
            continue  # "over the next five years" is the period of a count beside it
        if not number.unit:  # "4.4 million Kenyans, up from 3.1 million": the same unit
            earlier = [n for n in counts if n.start < number.start and n.unit]
            if earlier and earlier[-1].unit != "%":
                number = dataclasses.replace(number, unit=earlier[-1].unit)
        key = (number.value, number.high, number.unit == "%")
        start = number.lead if number.lead is not None else number.start
        start = _words_before(text, start, lo)
        quote = fragment(text, start, _clause_end(text, number.unit_end, hi))
        same = by_value.setdefault(key, [])
        figure = next((f for f, unit in same if _counts_alike(unit, number.unit)), None)
        if figure is None:
            figure = _figure(text, number, beside, dates_beside, cast, lo, ids)
            same.append((figure, number.unit))
            found.append((figure, number))
        if quote and quote not in figure["quotes"]:
            figure["quotes"].append(quote)
    return found


def _id_words(unit: str) -> str:
    """What a figure's id says after its number: "percent", "security personnel"."""
    return "percent" if unit == "%" else " ".join(_content_words(unit)[:2])


def _counts_alike(a: str, b: str) -> bool:
    """Two mentions of one value count the same thing: the units share their counted noun
    ("security personnel" and "personnel"). Without a noun nothing says so ("4 major
    hurricanes" ... "Four made landfall"): a candidate of its own."""
    if not a or not b:
        return False
    if a == b:
        return True
    x, y = a.lower().split(), b.lower().split()
    shorter, longer = sorted((x, y), key=len)
    return longer[: len(shorter)] == shorter or _head(a) == _head(b)


def _head(unit: str) -> str:
    words = _content_words(re.sub(r"\(.*?\)", "", unit).lower())
    return words[-1].rstrip("s") if words else ""


def _content_words(text: str) -> list[str]:
    return [w for w in text.split() if w.lower() not in ("and", "or", "of", "the", "a", "an")]


def _figure(
    text: str,
    number: NumberMention,
    numbers: list[NumberMention],
    dates: list[DateMention],
    cast: Cast,
    lo: int,
    ids: _Ids,
) -> dict[str, Any]:
    """A new figure; ``numbers`` and ``dates`` are those of its sentence (from ``lo``)."""
    value = number.value.normalize()
    shown = f"{value:f}"
    if number.high is not None:
        shown = f"{shown}-{number.high.normalize():f}"
    figure: dict[str, Any] = {
        "id": ids.take(slug(f"{shown} {_id_words(number.unit)}")),
        "label": todo("a short name for charts"),
        "statement": todo("what this figure says, in your own words"),
    }
    if number.high is not None:
        figure["range"] = [f"{value:f}", f"{number.high.normalize():f}"]
    else:
        figure["value"] = shown
    if number.bound:
        figure["bound"] = number.bound
    figure["unit"] = number.unit or todo("what is counted")
    if number.high is not None:
        figure["display"] = number.written  # "between 2 and 3 percent" reads as a range
    elif number.worded:
        figure["display"] = number.written
    period = next((n for n in numbers if n.duration and n is not number), None)
    if period is not None:
        figure["period"] = text[period_before(text, period.start, lo) : period.unit_end]
    who = cast.in_span(lo, number.start)
    if who:
        figure["who"] = who[0].id
    when = next((d for d in dates if d.value), None)
    if when is not None:
        figure.update(
            date=when.value, date_text=when.text, inferred="true" if when.inferred else "false"
        )
    figure["quotes"] = []
    return figure


def _events(
    text: str, dates: list[DateMention], cast: Cast, index: SentenceIndex, ids: _Ids
) -> list[tuple[dict[str, Any], DateMention]]:
    by_value: dict[str, dict[str, Any]] = {}
    found = []
    for mention in dates:
        sentence = index.at(mention.start)
        lo, hi = (sentence.start, sentence.end) if sentence else (mention.start, mention.end)
        if mention.start - lo < 25:  # "Last September, Xi announced ...": the words after
            end = _clause_end(text, mention.end + 1, hi)
            quote = fragment(text, mention.end, end).lstrip(", ")
        else:  # "... published on Tuesday": the words leading up to it
            words = list(re.finditer(r"\S+", text[lo : mention.end]))[-8:]
            quote = fragment(text, lo + words[0].start(), mention.end) if words else ""
        quote = quote.strip("“”\"‘’' ,")
        event = by_value.get(mention.value) if mention.value else None
        if event is None:
            event = {
                "id": ids.take(slug(f"event-{mention.value or 'undated'}")),
                "date": mention.value or todo("YYYY, YYYY-MM or YYYY-MM-DD"),
                "date_text": mention.text,
                "inferred": "true" if mention.inferred else "false",
                "title": todo("a title for the timeline"),
                "statement": todo("what happened, in your own words"),
                "actors": [a.id for a in cast.in_span(lo, hi)],
                "quotes": [],
            }
            if mention.value:
                by_value[mention.value] = event
            found.append((event, mention))
        if quote and quote not in event["quotes"] and len(quote.split()) >= 2:
            event["quotes"].append(quote)
    for event, _ in found:
        if not event["actors"]:
            del event["actors"]
    return found


def _arguments(
    quotes: list[QuoteFound],
    figures: list[tuple[dict, NumberMention]],
    events: list[tuple[dict, DateMention]],
    actors: dict[int, dict[str, Any]],
    cast: Cast,
    index: SentenceIndex,
    ids: _Ids,
) -> list[dict[str, Any]]:
    """One argument per run of quotes by one speaker; other quotes go to a nearby fact."""
    arguments: list[dict[str, Any]] = []
    last_who, last_end = "", -(10**9)
    for quote in quotes:
        if quote.speaker is not None:
            who = quote.speaker.id
            entry = {"text": quote.text, "by": who}
            if who == last_who and quote.start - last_end < 1500:
                arguments[-1]["quotes"].append(entry)
            else:
                arguments.append(
                    {
                        "id": ids.take(f"{who}-argument"),
                        "claim": todo("the argument in a few words"),
                        "by": who,
                        "side": todo("case, concern or framing"),
                        "statement": todo("the argument, in your own words"),
                        "quotes": [entry],
                    }
                )
            last_who, last_end = who, quote.end
            continue
        home = _home_for(quote, figures, events, actors, cast, index)
        if home is None:
            arguments.append(
                {
                    "id": ids.take("unattributed-argument"),
                    "claim": todo("the argument in a few words"),
                    "by": todo("the actor id of whoever says this"),
                    "side": todo("case, concern or framing"),
                    "statement": todo("the argument, in your own words"),
                    "quotes": [quote.text],
                }
            )
        else:
            home.setdefault("quotes", [])
            if quote.text not in home["quotes"]:
                home["quotes"].append(quote.text)
    for fact in actors.values():  # quotes after the statement, as in a curated pack
        if "quotes" in fact:
            fact["quotes"] = fact.pop("quotes")
    return arguments


def _home_for(
    quote: QuoteFound,
    figures,
    events,
    actors: dict[int, dict[str, Any]],
    cast: Cast,
    index: SentenceIndex,
) -> dict[str, Any] | None:
    """The fact an unattributed quote most likely belongs to: a figure or event in its
    sentence, else the first actor named there, else the last actor named before it."""
    sentence = index.at(quote.start)
    lo, hi = (sentence.start, sentence.end) if sentence else (quote.start, quote.end)
    for group in (figures, events):
        for fact, mention in group:
            if lo <= mention.start < hi:
                return fact
    named = cast.in_span(lo, hi)
    target = named[0] if named else None
    if target is None:
        before = [m for m in cast.mentions if m[0] < quote.start]
        target = before[-1][2] if before else None
    return actors.get(id(target)) if target is not None else None


def _actor(actor: ActorFound, speaks: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        # The article's own words for a title or job are kept: a role is a label, not prose.
        "role": actor.role or todo("their role in the story"),
    }
    if actor.affiliation:
        entry["affiliation"] = actor.affiliation
    if speaks:
        entry["position"] = todo("their stance in the story")
    entry["statement"] = todo("who they are and what they do in the story")
    return entry


__all__ = ["KINDS", "Actor", "Draft", "Summary", "count_placeholders", "draft_pack", "todo"]
