"""The fact model: what a pack holds, as validated data.

A pack is one article curated into facts of five kinds. Every fact has a
stable id, a statement in the curator's own words and, where wording matters,
short verbatim quotes from the article. Questions and the brief both point at
facts by id, so the same fact is printed and quizzed alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from decimal import Decimal
from functools import cached_property
from typing import Annotated, ClassVar, Literal

from seeds.dates import PartialDate
from seeds.frozen import record
from seeds.numbers import (
    BOUNDS,
    amount_of,
    check_amount,
    format_amount,
    format_number,
    format_range,
    read_number,
    read_range,
    unit_matches,
    unit_scale,
    with_bound,
)
from seeds.rules import Strict, after, before, described, text

FactKind = Literal["figure", "actor", "argument", "event", "term"]
FACT_KINDS: tuple[FactKind, ...] = ("figure", "actor", "argument", "event", "term")
KIND_TITLES = {
    "figure": "Figures",
    "actor": "Actors",
    "argument": "Arguments",
    "event": "Events",
    "term": "Terms",
}

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
Id = Annotated[str, text(pattern=ID_PATTERN, max_length=64)]
Text = Annotated[str, text(strip_whitespace=True, min_length=1)]

Amount = Annotated[Decimal, after(check_amount)]
"""A number a pack or set may hold: finite, below 10^15, at most six decimals."""

SourceKind = Literal["news", "editorial", "report", "speech", "interview"]
SOURCE_KIND_NAMES: dict[str, str] = {
    "news": "news article",
    "editorial": "editorial",
    "report": "report",
    "speech": "speech",
    "interview": "interview",
}


Bound = Literal["about", "nearly", "at least", "more than", "up to", "less than"]
assert Bound.__args__ == BOUNDS  # type: ignore[attr-defined]


def check_display(display: str | None, value: Decimal, unit: str | None) -> None:
    """A display form in digits ("6 billion") must read as the value it stands for."""
    if display is None or not any(c.isdigit() for c in display):
        return  # none, or words ("three", "a third"): nothing to hold against the value
    _no_bound_in(display)
    reading = read_number(display)
    if reading is None or not unit_matches(reading.rest, unit):
        raise ValueError(
            f"display '{display}' is not a number as written, e.g. '6 billion' or '1.5 million'"
        )
    if reading.value not in (value, amount_of(value, unit)):
        raise ValueError(
            f"display '{display}' says {reading.value:,f}, but the value is "
            f"{value:,f}; make them agree"
        )


def check_range_display(display: str | None, low: Decimal, high: Decimal, unit: str) -> None:
    """A range's display form ("12–17", "$2-3 billion") must read as its two ends."""
    if display is None or not any(c.isdigit() for c in display):
        return
    _no_bound_in(display)
    ends = read_range(display)
    if ends is None or not all(unit_matches(end.rest, unit) for end in ends):
        raise ValueError(
            f"display '{display}' is not a range as written, e.g. '12–17' or '$2-3 billion'"
        )
    for end, want in zip(ends, (low, high), strict=True):
        if end.value not in (want, amount_of(want, unit)):
            raise ValueError(
                f"display '{display}' says {end.value:,f} where the range has {want:,f}; "
                "make them agree"
            )


def _no_bound_in(display: str) -> None:
    words = display.casefold().split()
    for bound in BOUNDS:
        if words[: len(bound.split())] == bound.split():
            raise ValueError(
                f"display '{display}' starts with '{bound}': write `bound: {bound}` and "
                f"the number alone in `display`"
            )


@record(kw_only=True)
class Range(Strict):
    """Two ends of what a source gives as a range ("12–17 named storms")."""

    low: Amount
    high: Amount

    def __post_init__(self) -> None:
        if self.low >= self.high:
            raise ValueError(
                f"range [{self.low:f}, {self.high:f}] does not rise; write the low end first"
            )


def _range_shorthand(value: object) -> object:
    if isinstance(value, list | tuple) and len(value) == 2:
        return {"low": value[0], "high": value[1]}
    if isinstance(value, list | tuple):
        raise ValueError(f"a range has two ends, [low, high]; this one has {len(value)}")
    return value


def _quote_shorthand(value: object) -> object:
    return {"text": value} if isinstance(value, str) else value


@record(kw_only=True)
class Quote(Strict):
    """A few words copied verbatim from the article, credited where they are someone's."""

    text: Text
    by: Id | None = None


QuoteItem = Annotated[Quote, before(_quote_shorthand)]


@record(kw_only=True)
class Fact(Strict):
    id: Id
    statement: Text
    quotes: list[QuoteItem] = field(default_factory=list)
    tags: list[Id] = field(default_factory=list)

    kind: ClassVar[FactKind]


@record(kw_only=True)
class Figure(Fact):
    label: Annotated[Text, described("A short name for charts and callouts.")]
    value: Annotated[
        Amount | None, described("The number; leave it out when the source gives a range.")
    ] = None
    range: Annotated[
        Range | None,
        before(_range_shorthand),
        described("A range the source gives instead of one number: [low, high]."),
    ] = None
    bound: Annotated[
        Bound | None,
        described(
            "How the number bounds the truth, as the source says: about, nearly, "
            "at least, more than, up to, less than."
        ),
    ] = None
    unit: Text
    display: Annotated[
        str | None,
        described(
            "How the source writes the number, e.g. "
            "'6 billion', '1.5 million' or '12–17'; printed instead of the digits."
        ),
    ] = None
    period: str | None = None
    who: Annotated[Id | None, described("The actor the figure belongs to.")] = None
    date: PartialDate | None = None
    date_text: Annotated[str | None, described("The article's own wording of the date.")] = None
    inferred: Annotated[bool, described("True when the date is worked out, not stated.")] = False

    kind: ClassVar[FactKind] = "figure"

    def __post_init__(self) -> None:
        if self.value is None and self.range is None:
            raise ValueError(
                "missing required field 'value'; add `value:` here, or `range: [low, high]` "
                "for a range"
            )
        if self.value is not None and self.range is not None:
            raise ValueError("both `value` and `range` are given; keep one")
        if self.range is not None:
            if self.bound is not None:
                raise ValueError(f"a range has its own ends: remove `bound: {self.bound}`")
            check_range_display(self.display, self.range.low, self.range.high, self.unit)
        else:
            check_display(self.display, self.low, self.unit)

    @property
    def low(self) -> Decimal:
        """The number, or a range's low end."""
        return self.range.low if self.range else self.value  # type: ignore[return-value]

    @property
    def high(self) -> Decimal:
        """The number, or a range's high end."""
        return self.range.high if self.range else self.value  # type: ignore[return-value]

    @property
    def middle(self) -> Decimal:
        """The number, or the middle of a range: what a chart or a scaled guess starts from."""
        return (self.low + self.high) / 2

    @property
    def amount(self) -> Decimal:
        """The absolute amount: value 6 with unit "billion dollars" is 6,000,000,000 (a
        range's middle)."""
        return amount_of(self.middle, self.unit)

    def shown(self) -> str:
        """The number as the source wrote it, without the unit: "6 billion", "5,000",
        "12–17", "more than 200"."""
        if self.range:
            bare = self.display or format_range(self.low, self.high, self.unit).removesuffix(
                f" {self.unit}"
            )
        else:
            bare = self.display or format_number(self.low, self.unit)
        return with_bound(self.bound, bare)

    def unit_after_display(self) -> str:
        """The unit as read after the shown number: "U.S. dollars" after "6 billion"."""
        reading = read_number(self.display) if self.display else None
        return unit_scale(self.unit)[1] if reading and reading.scaled else self.unit

    def shown_with_unit(self) -> str:
        """ "5,000 people to be trained", "6 billion U.S. dollars", "12–17 named storms",
        "more than $200 billion", a year alone: "2022"."""
        if self.range:
            return format_range(self.low, self.high, self.unit, self.display)
        return with_bound(self.bound, format_amount(self.low, self.unit, self.display))


@record(kw_only=True)
class Actor(Fact):
    name: Text
    type: Literal["state", "person", "organisation", "group", "region"]
    role: Text
    affiliation: str | None = None
    part_of: Annotated[
        Id | None,
        described("The actor this one belongs to: a bureau's department, a person's organisation."),
    ] = None
    mid_sentence: Annotated[
        str | None, described("The name as it reads inside a sentence, e.g. 'the United States'.")
    ] = None
    position: Annotated[str | None, described("Their stance in the story, if any.")] = None

    kind: ClassVar[FactKind] = "actor"

    @property
    def in_sentence(self) -> str:
        return self.mid_sentence or self.name


@record(kw_only=True)
class Argument(Fact):
    claim: Annotated[Text, described("The argument in a few words, for tables and choices.")]
    by: Id
    side: Literal["case", "concern", "framing"]

    kind: ClassVar[FactKind] = "argument"


@record(kw_only=True)
class Event(Fact):
    date: PartialDate
    date_text: Annotated[str | None, described("The article's own wording of the date.")] = None
    inferred: Annotated[bool, described("True when the date is worked out, not stated.")] = False
    title: Text
    actors: list[Id] = field(default_factory=list)

    kind: ClassVar[FactKind] = "event"


@record(kw_only=True)
class Term(Fact):
    term: Text
    short: Annotated[str | None, described("Abbreviation, e.g. GSI.")] = None

    kind: ClassVar[FactKind] = "term"


@record(kw_only=True)
class Source(Strict):
    kind: Annotated[
        SourceKind, described("What the source is: news, editorial, report, speech or interview.")
    ] = "news"
    headline: Text
    outlet: str | None = None
    url: Annotated[str, text(pattern=r"^https?://\S+$")] | None = None
    published: PartialDate | None = None
    about: Text
    date_basis: Text
    reference_date: dt.date | None = None

    @property
    def kind_name(self) -> str:
        """What the source is, in words: "news article", "editorial", "speech"."""
        return SOURCE_KIND_NAMES[self.kind]

    @property
    def short_name(self) -> str:
        """How a sentence names it: "article" for news, else the kind ("editorial")."""
        return "article" if self.kind == "news" else self.kind_name


@record(kw_only=True)
class Takeaways(Strict):
    what_happened: Text
    why_it_matters: Text
    what_to_watch: Text


@record(kw_only=True)
class Pack(Strict):
    id: Id
    title: Text
    language: str = "en"
    source: Source
    takeaways: Takeaways
    background: list[Text] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    arguments: list[Argument] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    implications: list[Text] = field(default_factory=list)
    discussion: list[Text] = field(default_factory=list)
    method: list[Text] = field(default_factory=list)

    def facts(self) -> dict[str, Fact]:
        """Every fact by id (the first one wins if ids repeat; the checker reports repeats).
        Built once a pack (checking a set asks for it once a question); do not change it."""
        return self._facts

    @cached_property
    def _facts(self) -> dict[str, Fact]:
        found: dict[str, Fact] = {}
        for group in (self.figures, self.actors, self.arguments, self.events, self.terms):
            for fact in group:
                found.setdefault(fact.id, fact)
        return found

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def within(self, actor_id: str | None) -> list[Actor]:
        """The actors ``actor_id`` belongs to, nearest first: its part_of chain, where an
        affiliation that is another actor's name counts as part_of that actor."""
        by_name = {" ".join(a.name.casefold().split()): a for a in self.actors}
        chain: list[Actor] = []
        current = self.actor(actor_id)
        while current is not None and len(chain) < len(self.actors):
            parent = (
                self.actor(current.part_of)
                if current.part_of
                else by_name.get(" ".join((current.affiliation or "").casefold().split()))
            )
            if parent is None or parent in chain or parent.id == actor_id:
                break
            chain.append(parent)
            current = parent
        return chain

    def related(self, actor_id: str | None) -> set[str]:
        """Ids of the actor, every actor it belongs to and every actor that belongs to it:
        what is true of one of them may be said of the others."""
        found = {actor_id} if actor_id else set()
        found |= {a.id for a in self.within(actor_id)}
        found |= {a.id for a in self.actors if actor_id in {p.id for p in self.within(a.id)}}
        return found

    def citation(self) -> str:
        """The source in one line, as printed under quotes and explanations."""
        parts = [self.source.outlet or "Outlet not named", f"“{self.source.headline}”"]
        if self.source.published:
            parts.append(self.source.published.long())
        elif self.source.reference_date:
            parts.append(f"c. {self.source.reference_date:%B %Y}")
        return ", ".join(parts)
