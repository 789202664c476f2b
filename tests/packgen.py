"""A hypothesis strategy for valid packs of every shape: few or many facts, figures of any
size and unit (scale words, display forms, years), dates of three precisions that often
overlap, actors nested through part_of or an affiliation naming another actor, any sides of
argument, names in several scripts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from seeds.model import Pack
from seeds.validation import parse

WORDS = (
    "river",
    "harbour",
    "council",
    "budget",
    "treaty",
    "border",
    "grain",
    "police",
    "water",
    "school",
    "port",
    "court",
    "energy",
    "trade",
    "health",
    "press",
)
NAMES = (
    "Ana Costa",
    "Li Wei",
    "Νίκος Παππάς",
    "Ольга Петрова",
    "سلمى حداد",
    "יעל כהן",
    "Jean-Luc Moreau",
    "O'Brien & Sons",
    "Dr. [Who]",
    "Søren Ågård",
    "İlker Çelik",
)
UNITS = (
    "people",
    "tonnes",
    "billion U.S. dollars",
    "million euros",
    "per cent",
    "year",
    "officers",
    "km",
    "years",
)

# Phrases made once: drawing one is far cheaper than drawing a list of words each time,
# and a small pool makes repeated roles, titles and claims likely, as they should be.
PHRASES = sorted(
    {
        " ".join(WORDS[(i * k + j) % len(WORDS)] for j in range(1 + i % 5))
        for i in range(60)
        for k in (1, 3, 7)
    }
)
text = st.sampled_from(PHRASES)
sentence = text.map(lambda t: t[0].upper() + t[1:] + ".")


@st.composite
def partial_dates(draw: Any) -> str:
    year = draw(st.integers(2015, 2018))
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return f"{year}"
    month = draw(st.integers(1, 12))
    if precision == "month":
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{draw(st.integers(1, 28)):02d}"


@st.composite
def figures(draw: Any, index: int) -> dict[str, Any]:
    unit = draw(st.sampled_from(UNITS))
    if unit == "year":
        value = Decimal(draw(st.integers(1990, 2030)))
    else:
        digits = draw(st.integers(1, 10**9))
        places = draw(st.sampled_from((0, 0, 0, 1, 2)))
        value = Decimal(digits).scaleb(-places)
    figure: dict[str, Any] = {
        "id": f"zf{index}",
        "label": draw(text),
        "statement": draw(sentence),
        "value": str(value),
        "unit": unit,
    }
    if unit in ("tonnes", "people") and value >= 10**6 and value % 10**6 == 0:
        figure["display"] = f"{value / 10**6:f} million".replace(".0 ", " ")
    elif unit == "officers" and draw(st.booleans()):
        figure["display"] = "a few dozen"  # a display in words
    return figure


@st.composite
def packs(draw: Any) -> Pack:
    n_actors = draw(st.integers(1, 7))
    actors = []
    for i in range(n_actors):
        actor: dict[str, Any] = {
            "id": f"za{i}",
            "name": draw(st.sampled_from(NAMES)) + f" {i}",
            "type": draw(st.sampled_from(("state", "person", "organisation", "group", "region"))),
            "role": draw(text),
            "statement": draw(sentence),
        }
        if i and draw(st.booleans()):  # nested in an earlier actor, by id or by its name
            parent = draw(st.integers(0, i - 1))
            if draw(st.booleans()):
                actor["part_of"] = f"za{parent}"
            else:
                actor["affiliation"] = actors[parent]["name"]
        elif draw(st.booleans()):
            actor["affiliation"] = draw(text).title()
        if draw(st.booleans()):
            actor["mid_sentence"] = "the " + actor["name"]
        actors.append(actor)
    arguments = [
        {
            "id": f"zg{i}",
            "claim": draw(text),
            "statement": draw(sentence),
            "by": f"za{draw(st.integers(0, n_actors - 1))}",
            "side": draw(st.sampled_from(("case", "concern", "framing"))),
        }
        for i in range(draw(st.integers(0, 5)))
    ]
    events = [
        {
            "id": f"ze{i}",
            "date": draw(partial_dates()),
            "title": draw(text),
            "statement": draw(sentence),
        }
        for i in range(draw(st.integers(0, 7)))
    ]
    terms = []
    for i in range(draw(st.integers(0, 4))):
        term = {"id": f"zt{i}", "term": draw(text).title(), "statement": draw(sentence)}
        if draw(st.booleans()):
            term["short"] = "".join(w[0] for w in term["term"].split()).upper() + str(i)
        terms.append(term)
    data = {
        "id": "generated",
        "title": draw(sentence),
        "source": {
            "kind": draw(st.sampled_from(("news", "editorial", "report", "speech", "interview"))),
            "headline": draw(sentence),
            "about": draw(sentence),
            "date_basis": draw(sentence),
        },
        "takeaways": {
            "what_happened": draw(sentence),
            "why_it_matters": draw(sentence),
            "what_to_watch": draw(sentence),
        },
        "figures": [draw(figures(i)) for i in range(draw(st.integers(0, 8)))],
        "actors": actors,
        "arguments": arguments,
        "events": events,
        "terms": terms,
    }
    return parse(Pack, data)
