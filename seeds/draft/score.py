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
    actors = draft.get("actors", [])
    draft_names = {a["id"]: a["name"] for a in actors}
    draft_values = {
        Decimal(v) for f in figures for v in ([f["value"]] if "value" in f else f["range"])
    }
    event_dates = {e["date"] for e in events}

    found, missed = 0, []
    for figure in pack.figures:
        as_event = (
            "year" in figure.unit and figure.date is not None and figure.date.iso() in event_dates
        )
        if {figure.low, figure.high} <= draft_values or as_event:
            found += 1
        else:
            missed.append(figure.id)
    figure_recall = Recall(found, len(pack.figures), tuple(missed))

    passages = [normalise_for_quotes(article[a:b]) for a, b in _passages(article)]
    draft_quotes = [
        (normalise_for_quotes(t), by)
        for group in ("figures", "actors", "arguments", "events", "terms")
        for fact in draft.get(group, [])
        for t, by in _quotes(fact)
    ]
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
    quote_recall = Recall(found, total, tuple(missed))

    hits = [a for a in pack.actors if any(names_match(a.name, d) for d in draft_names.values())]
    actor_recall = Recall(
        len(hits), len(pack.actors), tuple(a.id for a in pack.actors if a not in hits)
    )
    wanted = [e.date.iso() for e in pack.events]
    event_recall = Recall(
        sum(d in event_dates for d in wanted),
        len(wanted),
        tuple(d for d in wanted if d not in event_dates),
    )

    curated_values = {v for f in pack.figures for v in (f.low, f.high)}
    curated_quotes = [normalise_for_quotes(q.text) for f in pack.facts().values() for q in f.quotes]
    false = {
        "figures": sum(
            any(
                Decimal(v) not in curated_values
                for v in ([f["value"]] if "value" in f else f["range"])
            )
            for f in figures
        ),
        "actors": sum(
            not any(names_match(a.name, d) for a in pack.actors) for d in draft_names.values()
        ),
        "events": sum(e["date"] not in wanted for e in events),
        "quotes": sum(
            not any(c in t for c in curated_quotes) for t, by in draft_quotes if by is not None
        ),
    }
    return Score(figure_recall, quote_recall, actor_recall, event_recall, false)
