"""How close a draft comes to a hand-curated pack of the same article (for `make bench`
and the tests): recall of figures, quotes, actors and event dates, and false candidates."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from seeds.draft.quotes import _passages
from seeds.frozen import record
from seeds.model import Pack
from seeds.packs import normalise_for_quotes


@record
class Recall:
    found: int
    total: int
    missed: tuple[str, ...] = ()

    @property
    def percent(self) -> float:
        return 100.0 * self.found / self.total if self.total else 100.0


@record
class Score:
    figures: Recall
    quotes: Recall
    actors: Recall
    events: Recall
    false_candidates: dict[str, int]


def _name_key(name: str) -> str:
    return re.sub(r"\s*\(.*?\)", "", name).strip().lower()


def names_match(a: str, b: str) -> bool:
    """Same actor: equal names, or one name inside the other ("Solomon Islands" and
    "Solomon Islands police force"), parentheses aside."""
    x, y = _name_key(a), _name_key(b)
    return x == y or bool(
        re.search(rf"\b{re.escape(x)}\b", y) or re.search(rf"\b{re.escape(y)}\b", x)
    )


def _quotes(fact: dict[str, Any]) -> list[tuple[str, str | None]]:
    found = []
    for quote in fact.get("quotes", []):
        if isinstance(quote, dict):
            found.append((quote.get("text", ""), quote.get("by")))
        else:
            found.append((quote, None))
    return found


def score(draft: dict[str, Any], pack: Pack, article: str) -> Score:
    figures = draft.get("figures", [])
    events = draft.get("events", [])
    draft_names = {a["id"]: a["name"] for a in draft.get("actors", [])}
    event_dates = {e["date"] for e in events}
    draft_quotes = _draft_quotes(draft)
    wanted = [e.date.iso() for e in pack.events]
    hits = [a for a in pack.actors if any(names_match(a.name, d) for d in draft_names.values())]
    return Score(
        _figure_recall(pack, figures, event_dates),
        _quote_recall(pack, article, draft_quotes, draft_names),
        Recall(len(hits), len(pack.actors), tuple(a.id for a in pack.actors if a not in hits)),
        Recall(
            sum(d in event_dates for d in wanted),
            len(wanted),
            tuple(d for d in wanted if d not in event_dates),
        ),
        _false_candidates(pack, figures, draft_names, events, draft_quotes),
    )


def _values(figure: dict[str, Any]) -> list[Any]:
    """A drafted figure's value, or the two ends of its range."""
    return [figure["value"]] if "value" in figure else figure["range"]


def _draft_quotes(draft: dict[str, Any]) -> list[tuple[str, str | None]]:
    """Every quote of the draft, normalised, with its speaker's actor id."""
    return [
        (normalise_for_quotes(t), by)
        for group in ("figures", "actors", "arguments", "events", "terms")
        for fact in draft.get(group, [])
        for t, by in _quotes(fact)
    ]


def _figure_recall(pack: Pack, figures: list[dict], event_dates: set[str]) -> Recall:
    """The pack's figures the draft has (both ends), or has as an event's year."""
    draft_values = {Decimal(v) for f in figures for v in _values(f)}
    found, missed = 0, []
    for figure in pack.figures:
        as_event = (
            "year" in figure.unit and figure.date is not None and figure.date.iso() in event_dates
        )
        if {figure.low, figure.high} <= draft_values or as_event:
            found += 1
        else:
            missed.append(figure.id)
    return Recall(found, len(pack.figures), tuple(missed))


def _quote_recall(
    pack: Pack,
    article: str,
    draft_quotes: list[tuple[str, str | None]],
    draft_names: dict[str, str],
) -> Recall:
    """The pack's quotations (of the article's quoted passages) the draft has, by the same
    speaker when the pack names one."""
    passages = [normalise_for_quotes(article[a:b]) for a, b in _passages(article)]
    total, found, missed = 0, 0, []
    for fact in pack.facts().values():
        for quote in fact.quotes:
            text = normalise_for_quotes(quote.text)
            if not any(text in p for p in passages):
                continue  # a fragment of the article's own prose, not a quotation
            total += 1
            actor = pack.actor(quote.by)
            speaker = actor.name if actor else None
            if any(
                text in t
                and (
                    speaker is None or (by in draft_names and names_match(draft_names[by], speaker))
                )
                for t, by in draft_quotes
            ):
                found += 1
            else:
                missed.append(quote.text)
    return Recall(found, total, tuple(missed))


def _false_candidates(
    pack: Pack,
    figures: list[dict],
    draft_names: dict[str, str],
    events: list[dict],
    draft_quotes: list[tuple[str, str | None]],
) -> dict[str, int]:
    """How many drafted figures, actors, events and attributed quotes the pack lacks."""
    curated_values = {v for f in pack.figures for v in (f.low, f.high)}
    curated_quotes = [normalise_for_quotes(q.text) for f in pack.facts().values() for q in f.quotes]
    wanted = [e.date.iso() for e in pack.events]
    return {
        "figures": sum(any(Decimal(v) not in curated_values for v in _values(f)) for f in figures),
        "actors": sum(
            not any(names_match(a.name, d) for a in pack.actors) for d in draft_names.values()
        ),
        "events": sum(e["date"] not in wanted for e in events),
        "quotes": sum(
            not any(c in t for c in curated_quotes) for t, by in draft_quotes if by is not None
        ),
    }
