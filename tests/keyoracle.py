"""An independent judge of generated answer keys: which options are true under a pack's facts.

Written apart from the generator and sharing none of its choices: it reads each option
back (a number, a date, a name) and asks the pack's facts whether it is true of the
question's subject. A right key has exactly one true option, and that option is the key.
A role or a claim counts as true of an actor when the pack says it of the actor's kin:
what it belongs to, what belongs to it, its siblings and the actors listed with it.

It also judges pairs of questions: whether one states the other's answer, or one asks a
figure's value another prints among its options, or one asks for a term another names
(`answers_another`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from decimal import Decimal

from quizzes.model import Choice, FreeText, Multi, Numeric, Order, Question, TrueFalse
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


def says_figure(text: str, figure: Figure) -> bool:
    """Whether an option states the figure: its bound word and number, or both ends of
    its range ("12–17 named storms")."""
    if figure.bound:
        if not text.startswith(figure.bound + " "):
            return False
        text = text[len(figure.bound) + 1 :]
    if figure.range is not None:
        ends = re.match(r"^[$€£¥₹]?([\d,.]+)\s*[–-]\s*[$€£¥₹]?([\d,.]+)", text)
        if not ends:
            return False
        low, high = (Decimal(e.replace(",", "")) for e in ends.groups())
        return (low, high) == (figure.low, figure.high)
    return amount(text, figure.unit) == figure.amount


def amount(text: str, unit: str) -> Decimal | None:
    """An option such as "6 billion U.S. dollars", "$200 billion" or "2,000 people" as an
    absolute amount."""
    text = text.lstrip("$€£¥₹")
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


def kin(pack: Pack, actor: Actor) -> list[Actor]:
    """The family, the actors with the same parent or the same affiliation, and the actors
    named together with it in one actor's role or statement."""
    parent = ancestry(pack, actor)[:1]
    found = family(pack, actor)
    affiliation = key(actor.affiliation or "")
    for other in pack.actors:
        sibling = bool(parent) and ancestry(pack, other)[:1] == parent
        if sibling or (affiliation and key(other.affiliation or "") == affiliation):
            found.append(other)
    for describer in pack.actors:
        text = f" {describer.role} {describer.statement} ".casefold()
        named = [
            a
            for a in pack.actors
            if a is not describer
            and re.search(rf"(?<!\w){re.escape(a.name.casefold())}(?!\w)", text)
        ]
        if actor in named and len(named) > 1:
            found += named
    return found


def claims_of(pack: Pack, actor: Actor) -> set[str]:
    """Every claim the pack puts in the mouth of the actor's family."""
    family_ids = {a.id for a in family(pack, actor)}
    return {key(arg.claim.rstrip(".")) for arg in pack.arguments if arg.by in family_ids}


def true_options(q: Question, pack: Pack) -> list[str]:
    """The options of a choice question that are true of its subject under the pack's facts."""
    assert isinstance(q, Choice)
    fact = pack.facts()[q.fact or ""]
    if isinstance(fact, Figure):
        return [c for c in q.choices if says_figure(c, fact)]
    if isinstance(fact, Actor) and q.id.endswith("-role"):
        roles = {key(a.role) for a in kin(pack, fact)}
        return [c for c in q.choices if key(c) in roles]
    if isinstance(fact, Actor):  # the institution it belongs to
        names = {key(n) for a in family(pack, fact) for n in (a.name, a.affiliation or "") if n}
        names.discard(key(fact.name))
        return [c for c in q.choices if key(c) in names or key(c) == key(fact.name)]
    if isinstance(fact, Argument) and q.id.endswith("-claim"):
        speaker = pack.actor(fact.by)
        assert speaker is not None
        return [c for c in q.choices if key(c.rstrip(".")) in claims_of(pack, speaker)]
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
    if isinstance(q, TrueFalse):
        assert isinstance(fact, Argument)
        named = [
            a
            for a in pack.actors
            if any(n and key(n) in key(q.prompt) for n in (a.name, a.mid_sentence))
        ]
        actor = max(named, key=lambda a: len(a.name))  # "Ana Costa 1", not "Ana Costa"
        true = key(fact.claim.rstrip(".")) in claims_of(pack, actor)
        return [] if q.answer is true else [f"{q.id}: {actor.name} makes it: {true}"]
    return [f"{q.id}: no judge for {q.type}"]


# --- pairs of questions that answer each other -------------------------------------------


def _said(text: str, answer: str) -> bool:
    """Whether ``answer`` occurs in ``text`` as whole words (a number as a whole number:
    "2,000" is not in "12,000")."""
    text, answer = text.casefold(), answer.casefold().strip()
    pattern = rf"(?<![\w.,]){re.escape(answer)}(?![\w]|[.,]\d)"
    return bool(answer) and re.search(pattern, text) is not None


def stated_answers(q: Question) -> list[str]:
    """The ways the question's answer could be written in another prompt. Years and numbers
    below ten recur in any story and are not counted, nor texts of fewer than four
    characters."""
    if isinstance(q, Numeric):
        whole = q.answer == q.answer.to_integral_value()
        calendar = whole and 1000 <= q.answer <= 2999 and "year" in (q.unit or "").casefold()
        if abs(q.answer) < 10 or calendar:
            return []
        plain = f"{q.answer.normalize():f}"
        grouped = f"{q.answer:,f}".rstrip("0").rstrip(".") if "." in plain else f"{int(q.answer):,}"
        return [plain, grouped, *([q.display] if q.display else [])]
    if isinstance(q, Choice) and isinstance(q.answer, str):
        answers = [q.answer]
    elif isinstance(q, FreeText):
        answers = list(q.accept)
    else:
        return []
    return [a for a in answers if len(a) >= 4 and not a.isdigit()]


def _value_of(q: Question, figure: Figure) -> bool:
    if isinstance(q, Numeric):
        first = (q.unit or "").split()
        scale = SCALE.get(first[0].lower(), 1) if first else 1
        return q.answer * scale == figure.amount
    if isinstance(q, Choice) and isinstance(q.answer, str):
        return says_figure(q.answer, figure)
    return False


def answers_another(a: Question, b: Question, pack: Pack) -> str | None:
    """Why one of the two questions answers the other on the same sheet, or None."""
    for giver, given in ((a, b), (b, a)):
        for answer in stated_answers(given):
            if _said(giver.prompt, answer):
                return f"{giver.id} says {answer!r}, the answer to {given.id}"
    if a.fact != b.fact or a.fact is None:
        return None
    fact = pack.facts().get(a.fact)
    if isinstance(fact, Figure):
        for asker, shower in ((a, b), (b, a)):
            shown = isinstance(shower, Choice | Multi) and any(
                says_figure(c, fact) for c in shower.choices
            )
            if _value_of(asker, fact) and shown:
                return f"{shower.id} prints the value of {fact.id}, which {asker.id} asks"
    if isinstance(fact, Term):
        names = [n for n in (fact.term, fact.short) if n]
        for asker, namer in ((a, b), (b, a)):
            asks = isinstance(asker, FreeText) and any(
                key(x) in {key(n) for n in names} for x in asker.accept
            )
            if asks and any(_said(namer.prompt, n) for n in names):
                return f"{namer.id} names the term {asker.id} asks for"
    return None
