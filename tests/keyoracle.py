"""An independent judge of generated answer keys: which options are true under a pack's facts.

Written apart from the generator and sharing none of its choices: it reads each option
back (a number, a date, a name) and asks the pack's facts whether it is true of the
question's subject. A right key has exactly one true option, and that option is the key.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from decimal import Decimal

from quizzes.model import Choice, FreeText, Numeric, Order, Question
from seeds.dates import MONTHS, PartialDate
from seeds.model import Actor, Argument, Event, Figure, Pack, Term

SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def key(text: str) -> str:
    """Case, accents, spacing and punctuation aside; a decimal point between digits kept
    (87.25 is not 872.5) and thousands commas dropped (5,000 is 5000)."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"(?<=\d)\.(?=\d)", "·", text)
    return "".join(c for c in text if c.isalnum() or c == "·")


def amount(text: str, unit: str) -> Decimal | None:
    """An option such as "6 billion U.S. dollars" or "2,000 people" as an absolute amount."""
    match = re.match(r"^(-?[\d,]*\.?\d+)\s*(thousand|million|billion|trillion)?\b", text)
    if not match:
        return None
    value = Decimal(match[1].replace(",", ""))
    if match[2]:
        return value * SCALE[match[2]]
    first = unit.split()[0].lower() if unit.split() else ""
    return value * SCALE.get(first, 1)


def parse_date(text: str) -> PartialDate | None:
    """ "2017", "March 2017", "2 March 2017", "1990s" or "FY2026" back to a partial date."""
    parts = text.split()
    try:
        if len(parts) == 1 and text.endswith("s") and text[:-1].isdigit():
            return PartialDate(int(text[:-1]), span="decade")
        if len(parts) == 1 and text.startswith("FY") and text[2:].isdigit():
            return PartialDate(int(text[2:]), span="fiscal year")
        if len(parts) == 1:
            return PartialDate(int(parts[0]))
        if len(parts) == 2:
            return PartialDate(int(parts[1]), MONTHS.index(parts[0]) + 1)
        if len(parts) == 3:
            return PartialDate(int(parts[2]), MONTHS.index(parts[1]) + 1, int(parts[0]))
    except ValueError:
        return None
    return None


def ancestry(pack: Pack, actor: Actor) -> list[Actor]:
    """The actors this one belongs to, by part_of or by an affiliation naming an actor."""
    by_name = {key(a.name): a for a in pack.actors}
    by_id = {a.id: a for a in pack.actors}
    found: list[Actor] = []
    current: Actor | None = actor
    while current is not None:
        parent = by_id.get(current.part_of or "") or by_name.get(key(current.affiliation or ""))
        if parent is None or parent is actor or parent in found:
            break
        found.append(parent)
        current = parent
    return found


def family(pack: Pack, actor: Actor) -> list[Actor]:
    """The actor, what it belongs to and what belongs to it."""
    down = [a for a in pack.actors if actor in ancestry(pack, a)]
    return [actor, *ancestry(pack, actor), *down]


def true_options(q: Question, pack: Pack) -> list[str]:
    """The options of a choice question that are true of its subject under the pack's facts."""
    assert isinstance(q, Choice)
    fact = pack.facts()[q.fact or ""]
    if isinstance(fact, Figure):
        return [c for c in q.choices if amount(c, fact.unit) == fact.amount]
    if isinstance(fact, Actor) and q.id.endswith("-role"):
        return [c for c in q.choices if key(c) == key(fact.role)]
    if isinstance(fact, Actor):  # the institution it belongs to
        names = {key(n) for a in family(pack, fact) for n in (a.name, a.affiliation or "") if n}
        names.discard(key(fact.name))
        return [c for c in q.choices if key(c) in names or key(c) == key(fact.name)]
    if isinstance(fact, Argument):
        makers = [
            a
            for a in pack.actors
            for arg in pack.arguments
            if arg.by == a.id and key(arg.claim) == key(fact.claim)
        ]
        names = {key(m.name) for maker in makers for m in family(pack, maker)}
        return [c for c in q.choices if key(c) in names]
    if isinstance(fact, Event):
        return [c for c in q.choices if (d := parse_date(c)) is not None and d.overlaps(fact.date)]
    if isinstance(fact, Term):
        return [c for c in q.choices if key(c) == key(fact.statement)]
    raise AssertionError(f"no judge for {q.id}")


def key_problems(q: Question, pack: Pack) -> list[str]:
    """Why the key of a generated question is wrong under the pack's facts (empty: right)."""
    fact = pack.facts().get(q.fact or "")
    if isinstance(q, Numeric):
        assert isinstance(fact, Figure)
        first = (q.unit or "").split()
        scale = SCALE.get(first[0].lower(), 1) if first else 1
        return [] if q.answer * scale == fact.amount else [f"{q.id}: {q.answer} != figure"]
    if isinstance(q, Choice):
        true = true_options(q, pack)
        if true != [q.answer]:
            return [f"{q.id}: true options {true}, key {q.answer!r}"]
        if len({key(c) for c in q.choices}) != len(q.choices):
            return [f"{q.id}: options that read alike: {q.choices}"]
        return []
    if isinstance(q, Order):
        titles = {key(e.title.rstrip(".")): e for e in pack.events}
        dates = [titles[key(item)].date for item in q.items]
        if not all(a.end < b.start for a, b in itertools.pairwise(dates)):
            return [f"{q.id}: order {[d.iso() for d in dates]} is not certain"]
        return []
    if isinstance(q, FreeText):
        assert isinstance(fact, Term)
        return [] if key(fact.term) in {key(a) for a in q.accept} else [f"{q.id}: accept"]
    return [f"{q.id}: no judge for {q.type}"]
