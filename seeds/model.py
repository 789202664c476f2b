"""The fact model: what a pack holds, as validated data.

A pack is one article curated into facts of five kinds. Every fact has a
stable id, a statement in the curator's own words and, where wording matters,
short verbatim quotes from the article. Questions and the brief both point at
facts by id, so the same fact is printed and quizzed alike.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

FactKind = Literal["figure", "actor", "argument", "event", "term"]
FACT_KINDS: tuple[FactKind, ...] = ("figure", "actor", "argument", "event", "term")
KIND_TITLES = {"figure": "Figures", "actor": "Actors", "argument": "Arguments",
               "event": "Events", "term": "Terms"}

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _check_partial_date(value: str) -> str:
    match = _PARTIAL_DATE.match(value)
    if not match:
        raise ValueError(f"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date") from None
    return value


def format_number(value: Decimal, unit: str = "") -> str:
    """How a number is printed everywhere: 5000 -> "5,000", 2.50 -> "2.5", and a year
    (a whole number whose unit speaks of years) stays "2022"."""
    if value == value.to_integral_value():
        whole = int(value)
        if "year" in unit.lower() and 1000 <= whole <= 2999:
            return str(whole)
        return f"{whole:,}"
    text = f"{value.normalize():,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def format_partial_date(value: str) -> str:
    """2022 -> "2022"; 2022-04 -> "April 2022"; 2022-04-21 -> "21 April 2022"."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


PartialDate = Annotated[str, AfterValidator(_check_partial_date)]
"""A date as precise as the source allows: 2022, 2022-04 or 2022-04-21."""


def _quote_shorthand(value: object) -> object:
    return {"text": value} if isinstance(value, str) else value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Quote(Strict):
    """A few words copied verbatim from the article, credited where they are someone's."""

    text: Text
    by: Id | None = None


QuoteItem = Annotated[Quote, BeforeValidator(_quote_shorthand)]


class Fact(Strict):
    id: Id
    statement: Text
    quotes: list[QuoteItem] = []
    tags: list[Id] = []

    kind: ClassVar[FactKind]


class Figure(Fact):
    label: Text = Field(description="A short name for charts and callouts.")
    value: Decimal
    unit: Text
    period: str | None = None
    who: Id | None = Field(None, description="The actor the figure belongs to.")
    date: PartialDate | None = None
    date_text: str | None = Field(None, description="The article's own wording of the date.")
    inferred: bool = Field(False, description="True when the date is worked out, not stated.")

    kind: ClassVar[FactKind] = "figure"


class Actor(Fact):
    name: Text
    type: Literal["state", "person", "organisation", "group", "region"]
    role: Text
    affiliation: str | None = None
    position: str | None = Field(None, description="Their stance in the story, if any.")

    kind: ClassVar[FactKind] = "actor"


class Argument(Fact):
    claim: Text = Field(description="The argument in a few words, for tables and choices.")
    by: Id
    side: Literal["case", "concern", "framing"]

    kind: ClassVar[FactKind] = "argument"


class Event(Fact):
    date: PartialDate
    date_text: str | None = Field(None, description="The article's own wording of the date.")
    inferred: bool = Field(False, description="True when the date is worked out, not stated.")
    title: Text
    actors: list[Id] = []

    kind: ClassVar[FactKind] = "event"


class Term(Fact):
    term: Text
    short: str | None = Field(None, description="Abbreviation, e.g. GSI.")

    kind: ClassVar[FactKind] = "term"


class Source(Strict):
    headline: Text
    outlet: str | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    published: PartialDate | None = None
    about: Text
    date_basis: Text
    reference_date: dt.date | None = None


class Takeaways(Strict):
    what_happened: Text
    why_it_matters: Text
    what_to_watch: Text


class Pack(Strict):
    id: Id
    title: Text
    language: str = "en"
    source: Source
    takeaways: Takeaways
    background: list[Text] = []
    figures: list[Figure] = []
    actors: list[Actor] = []
    arguments: list[Argument] = []
    events: list[Event] = []
    terms: list[Term] = []
    implications: list[Text] = []
    discussion: list[Text] = []
    method: list[Text] = []

    def facts(self) -> dict[str, Fact]:
        """Every fact by id (the first one wins if ids repeat; the checker reports repeats)."""
        found: dict[str, Fact] = {}
        for group in (self.figures, self.actors, self.arguments, self.events, self.terms):
            for fact in group:
                found.setdefault(fact.id, fact)
        return found

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def citation(self) -> str:
        """The source in one line, as printed under quotes and explanations."""
        parts = [self.source.outlet or "Outlet not named", f"“{self.source.headline}”"]
        if self.source.published:
            parts.append(self.source.published)
        elif self.source.reference_date:
            parts.append(f"c. {self.source.reference_date:%B %Y}")
        return ", ".join(parts)
