"""How a draft compares with an article's hand-written truth file: recall and precision of
figures, actors and dates, and how many drafted quotes are verbatim.

Each folder here holds `article.txt` and `truth.yaml`, written before the drafting code
ever ran on the article (see README.md). Matching is deliberately plain:
- a figure matches when its number (or range) equals the truth's and one of its quoted
  fragments overlaps the truth's span in the article, so two mentions of one value that
  count different things are two figures, and a merged pair finds only one;
- an actor matches when a name of it is a name of the truth's (one inside the other);
  a second draft actor for the same truth actor is a false one;
- a date matches by its value (YYYY, YYYY-MM, YYYY-MM-DD, 1980s, FY2006).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from seeds.draft.assemble import draft_pack
from seeds.draft.score import names_match
from seeds.packs import normalise_for_quotes

ARTICLES = Path(__file__).resolve().parent
HELD_OUT = ARTICLES / "held-out"  # written later, measured but not tuned on


@dataclass
class Tally:
    """Hits against the truth (recall) and against what the draft proposed (precision)."""

    found: int = 0
    total: int = 0
    right: int = 0
    proposed: int = 0
    missed: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return 100.0 * self.found / self.total if self.total else 100.0

    @property
    def precision(self) -> float:
        return 100.0 * self.right / self.proposed if self.proposed else 100.0

    def add(self, other: Tally) -> None:
        self.found += other.found
        self.total += other.total
        self.right += other.right
        self.proposed += other.proposed
        self.missed += other.missed
        self.false += other.false


@dataclass
class Result:
    name: str
    figures: Tally
    actors: Tally
    dates: Tally
    quotes_verbatim: Tally  # found: verbatim drafted quotes; total: drafted quotes


def articles(folder: Path = ARTICLES) -> list[Path]:
    return sorted(p for p in folder.iterdir() if (p / "truth.yaml").is_file())


def load(folder: Path) -> tuple[str, dict[str, Any]]:
    text = (folder / "article.txt").read_text(encoding="utf-8")
    truth = yaml.safe_load((folder / "truth.yaml").read_text(encoding="utf-8"))
    return text, truth


def evaluate(folder: Path) -> Result:
    text, truth = load(folder)
    dateline = truth.get("dateline")
    date = dt.date.fromisoformat(str(dateline)) if dateline else None
    draft = draft_pack(text, pack_id="truth", kind=truth.get("kind")).data
    return Result(
        folder.name,
        _figures(text, truth.get("figures") or [], draft.get("figures", [])),
        _actors(truth.get("actors") or [], draft.get("actors", [])),
        _dates(truth.get("dates") or [], draft.get("events", []), date, draft),
        _verbatim(text, draft),
    )


def _number(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _ends(figure: dict[str, Any]) -> tuple[Decimal | None, Decimal | None]:
    if figure.get("range"):
        low, high = figure["range"]
        return _number(low), _number(high)
    value = _number(figure.get("value"))
    return value, value


def _draft_ends(figure: dict[str, Any]) -> tuple[Decimal | None, Decimal | None]:
    """A draft's number as an absolute amount (its value may be in its unit's scale)."""
    from seeds.numbers import amount_of

    low, high = _ends(figure)
    unit = figure.get("unit") if isinstance(figure.get("unit"), str) else None
    scale = amount_of(Decimal(1), unit)
    if low is None or high is None:
        return low, high
    return low * scale, high * scale


def _spans(text: str, fragment: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(fragment), text)]


def _figures(text: str, truth: list[dict], draft: list[dict]) -> Tally:
    tally = Tally(total=len(truth), proposed=len(draft))
    taken: set[int] = set()
    for figure in draft:
        ends = _draft_ends(figure)
        places = [
            span
            for quote in figure.get("quotes", [])
            for span in _spans(text, quote if isinstance(quote, str) else quote.get("text", ""))
        ]
        hit = next(
            (
                i
                for i, want in enumerate(truth)
                if i not in taken
                and _ends(want) == ends
                and any(
                    a < b2 and a2 < b for a, b in places for a2, b2 in _spans(text, want["text"])
                )
            ),
            None,
        )
        if hit is None:
            tally.false.append(f"{figure.get('value') or figure.get('range')} {figure['unit']}")
        else:
            taken.add(hit)
            tally.right += 1
    tally.found = len(taken)
    tally.missed = [truth[i]["text"] for i in range(len(truth)) if i not in taken]
    return tally


def _names(actor: dict[str, Any]) -> list[str]:
    return [actor["name"], *[str(n) for n in actor.get("also") or []]]


def _actors(truth: list[dict], draft: list[dict]) -> Tally:
    tally = Tally(total=len(truth), proposed=len(draft))
    taken: set[int] = set()
    for actor in draft:
        name = re.sub(r"\s*\(.*?\)", "", actor["name"])
        short = re.search(r"\((.*?)\)", actor["name"])
        names = [name, *([short.group(1)] if short else [])]
        exact = [
            i
            for i, want in enumerate(truth)
            if any(n.casefold() == w.casefold() for n in names for w in _names(want))
        ]
        near = [
            i
            for i, want in enumerate(truth)
            if any(_same_actor(n, w) for n in names for w in _names(want))
        ]
        hit = next(iter(exact or near), None)
        if hit is None or hit in taken:
            tally.false.append(actor["name"] + (" (again)" if hit is not None else ""))
        else:
            taken.add(hit)
            tally.right += 1
    tally.found = len(taken)
    tally.missed = [truth[i]["name"] for i in range(len(truth)) if i not in taken]
    return tally


def _same_actor(a: str, b: str) -> bool:
    """Names of one actor: equal, or one inside the other word for word; an acronym must
    equal (so "U.S." is not found inside "U.S. Army")."""
    if a.isupper() or b.isupper() or "." in a or "." in b:
        return a.strip().casefold() == b.strip().casefold()
    return names_match(a, b)


def _dates(
    truth: list[dict], events: list[dict], dateline: dt.date | None, draft: dict[str, Any]
) -> Tally:
    wanted = {str(d["value"]) for d in truth}
    got = {str(e["date"]) for e in events if not str(e["date"]).startswith("TODO")}
    published = draft.get("source", {}).get("published") or draft.get("source", {}).get(
        "reference_date"
    )
    if published and dateline and str(published) == dateline.isoformat():
        got.add(str(published))  # the dateline was read as the article's date
    return Tally(
        found=len(wanted & got),
        total=len(wanted),
        right=len(got & wanted),
        proposed=len(got),
        missed=sorted(wanted - got),
        false=sorted(got - wanted),
    )


def _verbatim(text: str, draft: dict[str, Any]) -> Tally:
    article = normalise_for_quotes(text)
    quotes = [
        quote if isinstance(quote, str) else quote.get("text", "")
        for group in ("figures", "actors", "arguments", "events", "terms")
        for fact in draft.get(group, [])
        for quote in fact.get("quotes", [])
    ]
    verbatim = [q for q in quotes if normalise_for_quotes(q) in article]
    return Tally(
        found=len(verbatim),
        total=len(quotes),
        missed=[q for q in quotes if q not in verbatim],
    )
