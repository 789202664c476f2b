"""A hypothesis strategy for valid packs of every shape: few or many facts, figures of any
size and unit (scale words, display forms with and without a currency sign, years,
percentages, shares, small counts), dates of three precisions that often overlap, actors
nested through part_of or an affiliation naming another actor (siblings too, and parents
whose statement lists their parts), names of institutions that read with "the", any sides
of argument and any number of speakers, abbreviations (plural ones too), names in several
scripts."""

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
# Institutions named by a common noun ("the United States") or not ("Congress").
INSTITUTIONS = (
    "United States",
    "Department of Defense",
    "Congress",
    "Farmers' Union",
    "Bureau of Ports",
    "Critics in Congress",
    "Coalition against Floods",
    "Harbour Police Service",
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
    "U.S. dollars",
    "share of voters",
    "agencies",
    "named storms",
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
    display = None
    if unit == "year":
        value = Decimal(draw(st.integers(1990, 2030)))
    elif unit == "per cent":  # mostly a share of 100; sometimes a change, below 0 or past 100
        value = Decimal(draw(st.integers(-5000, 15000))).scaleb(-draw(st.sampled_from((0, 2))))
    elif unit == "share of voters":
        value = Decimal(draw(st.integers(1, 99))).scaleb(-2)
    elif unit in ("agencies", "named storms"):
        value = Decimal(draw(st.integers(1, 30)))
    elif unit == "U.S. dollars":  # a large sum shown with a scale word, and maybe a sign
        shown = Decimal(draw(st.integers(1, 9999))).scaleb(-draw(st.sampled_from((0, 1))))
        value = shown * 10**9
        display = draw(st.sampled_from(("", "$"))) + f"{shown:f} billion"
    else:
        digits = draw(st.integers(1, 10**9))
        places = draw(st.sampled_from((0, 0, 0, 1, 2)))
        value = Decimal(digits).scaleb(-places)
        if unit == "billion U.S. dollars" and value < 10**4 and draw(st.booleans()):
            display = draw(st.sampled_from(("", "$"))) + f"{value:f} billion"
    figure: dict[str, Any] = {
        "id": f"zf{index}",
        "label": draw(text),
        "statement": draw(sentence),
        "value": str(value),
        "unit": unit,
    }
    if display:
        figure["display"] = display
    elif unit in ("tonnes", "people") and value >= 10**6 and value % 10**6 == 0:
        figure["display"] = f"{value / 10**6:f} million".replace(".0 ", " ")
    elif unit == "officers" and draw(st.booleans()):
        figure["display"] = "a few dozen"  # a display in words
    return figure


@st.composite
def packs(draw: Any) -> Pack:
    n_actors = draw(st.integers(1, 7))
    actors: list[dict[str, Any]] = []
    institutions = draw(st.permutations(INSTITUTIONS))
    for i in range(n_actors):
        if draw(st.booleans()):
            name, kind = institutions[i], draw(st.sampled_from(("state", "organisation", "group")))
        else:
            name = draw(st.sampled_from(NAMES)) + f" {i}"
            kind = draw(st.sampled_from(("state", "person", "organisation", "group", "region")))
        actor: dict[str, Any] = {
            "id": f"za{i}",
            "name": name,
            "type": kind,
            "role": draw(text),
            "statement": draw(sentence),
        }
        if i >= 2 and draw(st.integers(0, 3)) == 0:  # a whole that lists its parts
            first, second = actors[0]["name"], actors[1]["name"]
            actor["statement"] = f"Links together {first} and {second}."
        if i and draw(st.booleans()):  # nested in an earlier actor, by id or by its name
            parent = draw(st.integers(0, i - 1))
            if draw(st.booleans()):
                actor["part_of"] = f"za{parent}"
            else:
                actor["affiliation"] = actors[parent]["name"]
        elif draw(st.booleans()):
            actor["affiliation"] = draw(text).title()
        if draw(st.booleans()) and name not in INSTITUTIONS:
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
        short = draw(st.sampled_from(("none", "singular", "plural")))
        if short != "none":
            initials = "".join(w[0] for w in term["term"].split()).upper() + str(i)
            term["short"] = initials + ("s" if short == "plural" else "")
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
