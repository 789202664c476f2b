"""Questions derived from a pack's facts, deterministic for a given seed.

Every pack has this automatic set, so it can be played before anyone writes one.
Distractors come from the pack itself (other figures, roles, speakers, dates,
definitions) or from the right answer (a scaled figure, a nearby date of the same
precision), and a distractor is never true under the pack's facts: options that
read alike, the question's own subject, an actor's own institution or a date that
overlaps the answer are all left out.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from quizzes.grading import normalise_text
from quizzes.model import AnyQuestion, Choice, FreeText, Numeric, Order, QuestionSet
from seeds.dates import PartialDate, longest_chain
from seeds.model import Actor, Event, Figure, Pack, Term
from seeds.numbers import SCALES, format_amount, format_number, is_year_unit, read_number

AUTO_SUFFIX = "-auto"
_DISTRACTORS = 3
_ORDER_ITEMS = 6


class TooFewFacts(ValueError):
    """A pack with too little material for even one question (e.g. a single actor)."""


def automatic_set(pack: Pack, seed: int = 0) -> QuestionSet:
    """A set with questions on every fact of the pack that has enough material; raises
    TooFewFacts when no fact has."""
    questions: list[AnyQuestion] = []
    for make in (
        _figure_questions,
        _actor_questions,
        _argument_questions,
        _event_questions,
        _term_questions,
    ):
        questions.extend(make(pack, seed))
    if not questions:
        raise TooFewFacts(
            f"pack '{pack.id}' has too few facts for automatic questions: add "
            "a figure, or two actors, events or terms"
        )
    return QuestionSet(
        id=pack.id + AUTO_SUFFIX,
        title=f"{pack.title}: automatic questions",
        description="Made from the pack's facts: figures, actors, arguments, events, terms.",
        pack=pack.id,
        questions=questions,
    )


def _rng(pack: Pack, seed: int, key: str) -> random.Random:
    return random.Random(f"{pack.id}:{seed}:{key}")


def sentence(text: str, end: str = "?") -> str:
    """One question or statement: single spaces, a capital first letter, one final mark."""
    text = re.sub(r"\s+", " ", text).strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith(("?", ".", "!")) else text + end


def _inline(text: str) -> str:
    """Text set inside a sentence: no final full stop of its own."""
    text = re.sub(r"\s+", " ", text).strip()
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def _choice(
    qid: str,
    prompt: str,
    fact: str,
    right: str,
    pool: Iterable[str],
    rng: random.Random,
    tags: list[str],
    *,
    exclude: Iterable[str] = (),
) -> Choice | None:
    """A choice question with up to three distractors drawn from ``pool``: options stay
    distinct after normalisation, and nothing in ``exclude`` (true answers, the subject)
    is ever offered."""
    barred = {normalise_text(right), *(normalise_text(e) for e in exclude)}
    others: dict[str, str] = {}
    for option in pool:
        key = normalise_text(option)
        if key and key not in barred:
            others.setdefault(key, option)
    if not others:
        return None
    picks = rng.sample(sorted(others.values()), min(_DISTRACTORS, len(others)))
    choices = [right, *picks]
    rng.shuffle(choices)
    return Choice(
        type="choice",
        id=qid,
        prompt=sentence(prompt),
        fact=fact,
        choices=choices,
        answer=right,
        tags=tags,
    )


# --- figures ------------------------------------------------------------------------------


def _figure_questions(pack: Pack, seed: int) -> Iterator[AnyQuestion]:
    for fig in pack.figures:
        if fig.range or fig.bound:
            continue  # asked as a range or a bound further down
        rng = _rng(pack, seed, fig.id)
        tags = ["figures", "automatic"]
        unit = "as a year" if is_year_unit(fig.unit) else f"in {fig.unit}"
        yield Numeric(
            type="numeric",
            id=f"{fig.id}-number",
            fact=fig.id,
            tags=tags,
            prompt=sentence(
                f"What figure does the {pack.source.short_name} give for “{fig.label}”, {unit}?"
            ),
            answer=fig.low,
            unit=fig.unit,
            display=fig.display,
        )
        shown = [_shown_like(v, fig) for v in _plausible_values(fig, pack, rng)]
        question = _choice(
            f"{fig.id}-choice",
            f"Which figure goes with “{fig.label}”?",
            fig.id,
            _shown_like(fig.low, fig),
            shown,
            rng,
            tags,
        )
        if question:
            yield question


def _shown_like(value: Decimal, fig: Figure) -> str:
    """A wrong value written the way the right one is, so the form gives nothing away."""
    reading = read_number(fig.display) if fig.display else None
    word = re.search(rf"\b({'|'.join(SCALES)})\b", fig.display or "", re.IGNORECASE)
    if reading is not None and reading.scaled and word and fig.low:
        per_value = reading.value / fig.low  # the amount one unit of `value` stands for
        shown = value * per_value / SCALES[word.group().lower()]
        return format_amount(value, fig.unit, f"{format_number(shown)} {word.group()}")
    return format_amount(value, fig.unit)


def _plausible_values(fig: Figure, pack: Pack, rng: random.Random) -> list[Decimal]:
    """Three wrong values: other figures with the same unit first, then scalings of this one.

    Every value differs from the right one as printed, so no two options read the same.
    """
    right = _shown_like(fig.low, fig)

    def distinct(values: Iterable[Decimal]) -> list[Decimal]:
        seen = {normalise_text(right)}
        kept = []
        for value in sorted(set(values)):
            key = normalise_text(_shown_like(value, fig))
            if value != fig.low and value > 0 and key not in seen:
                seen.add(key)
                kept.append(value)
        return kept

    unit = fig.unit.strip().casefold()
    same_unit = distinct(
        f.low for f in pack.figures if not f.range and f.unit.strip().casefold() == unit
    )
    if fig.low == fig.low.to_integral_value() and is_year_unit(fig.unit):
        scaled = distinct(fig.low + d for d in (-2, -1, 1, 2))
    else:
        scaled = distinct(
            v
            for v in (fig.low * 2, fig.low / 2, fig.low * 10, fig.low / 10, fig.low * 3)
            if v == v.quantize(Decimal("0.01")) and v not in same_unit
        )
    picked = rng.sample(same_unit, min(_DISTRACTORS, len(same_unit)))
    return picked + rng.sample(scaled, min(_DISTRACTORS - len(picked), len(scaled)))


# --- actors -------------------------------------------------------------------------------


def _actor_questions(pack: Pack, seed: int) -> Iterator[AnyQuestion]:
    roles = [a.role for a in pack.actors]
    for actor in pack.actors:
        rng = _rng(pack, seed, actor.id)
        tags = ["actors", "automatic"]
        related = [a for a in pack.actors if a.id in pack.related(actor.id) and a != actor]
        question = _choice(
            f"{actor.id}-role",
            f"Which best describes {actor.in_sentence} in this story?",
            actor.id,
            actor.role,
            roles,
            rng,
            tags,
        )
        if question:
            yield question
        right = _institution(pack, actor)
        if right is None:
            continue
        # Anything the actor belongs to, or that belongs to it, is true or confusing.
        true_too = [
            actor.name,
            actor.affiliation or "",
            *(a.name for a in related),
            *(a.affiliation or "" for a in related),
        ]
        pool = [a.affiliation for a in pack.actors if a.affiliation]
        pool += [a.name for a in pack.actors if a.type == "organisation"]
        verb = "affiliated with" if actor.type == "person" else "part of"
        question = _choice(
            f"{actor.id}-affiliation",
            f"Which institution is {actor.in_sentence} {verb}?",
            actor.id,
            right,
            pool,
            rng,
            tags,
            exclude=[t for t in true_too if t != right],
        )
        if question:
            yield question


def _institution(pack: Pack, actor: Actor) -> str | None:
    """The institution an actor belongs to: the actor it is part of, else its affiliation."""
    within = pack.within(actor.id)
    return within[0].name if within else actor.affiliation


# --- arguments ----------------------------------------------------------------------------


def _argument_questions(pack: Pack, seed: int) -> Iterator[AnyQuestion]:
    names = [a.name for a in pack.actors]
    for argument in pack.arguments:
        speaker = pack.actor(argument.by)
        if speaker is None:
            continue
        rng = _rng(pack, seed, argument.id)
        # Speakers of other arguments are the most plausible wrong answers.
        pool = [s.name for a in pack.arguments if (s := pack.actor(a.by))]
        pool = pool if len({normalise_text(p) for p in pool}) > 1 else names
        # Whoever makes the same claim, and the speaker's own institutions, are right too.
        claim = normalise_text(argument.claim)
        makers = {a.by for a in pack.arguments if normalise_text(a.claim) == claim}
        true_too = {i for by in makers for i in pack.related(by)}
        exclude = [a.name for a in pack.actors if a.id in true_too and a != speaker]
        question = _choice(
            f"{argument.id}-who",
            f"Who makes this argument: “{_inline(argument.claim)}”?",
            argument.id,
            speaker.name,
            pool,
            rng,
            ["arguments", "automatic"],
            exclude=exclude,
        )
        if question:
            yield question


# --- events -------------------------------------------------------------------------------


def _event_questions(pack: Pack, seed: int) -> Iterator[AnyQuestion]:
    events: list[Event] = sorted(pack.events, key=lambda e: e.date.sort_key())
    for event in events:
        rng = _rng(pack, seed, event.id)
        question = _choice(
            f"{event.id}-when",
            f"When did this happen: {_inline(event.title)}?",
            event.id,
            event.date.long(),
            _date_pool(event, events),
            rng,
            ["events", "automatic"],
        )
        if question:
            yield question
    order = _order_question(events)
    if order is not None:
        yield order


def _date_pool(event: Event, events: Sequence[Event]) -> list[str]:
    """Wrong dates of the answer's precision that cannot overlap it: other events' dates
    first, then dates a few steps away."""
    date = event.date
    real = [e.date for e in events if e.date.precision == date.precision and e.date != date]
    steps = {
        "decade": (-2, -1, 1, 2),
        "fiscal year": (-2, -1, 1, 2),
        "year": (-2, -1, 1, 2),
        "month": (-3, -2, -1, 1, 2, 3),
        "day": (-14, -7, -3, 3, 7, 14),
    }[date.precision]
    near = [d for s in steps if (d := date.shifted(s)) is not None]
    pool: list[PartialDate] = real if len(real) >= _DISTRACTORS else real + near
    return [d.long() for d in pool if not d.overlaps(date)]


def _order_question(events: Sequence[Event]) -> Order | None:
    """Events whose dates are certainly in sequence, with every step explained. An event
    whose title another event shares is left out: the item would not say which is meant."""
    counts = Counter(normalise_text(_inline(e.title)) for e in events)
    events = [e for e in events if counts[normalise_text(_inline(e.title))] == 1]
    chain = [events[i] for i in longest_chain([e.date for e in events])]
    if len(chain) > _ORDER_ITEMS:  # spread a long chain over the story, keeping its ends
        step = (len(chain) - 1) / (_ORDER_ITEMS - 1)
        chain = [chain[round(i * step)] for i in range(_ORDER_ITEMS)]
    titles = [_inline(e.title) for e in chain]
    if len(chain) < 3 or len({normalise_text(t) for t in titles}) < len(titles):
        return None
    why = (
        "Earliest first: "
        + "; ".join(f"{title} ({e.date.long()})" for title, e in zip(titles, chain, strict=True))
        + "."
    )
    return Order(
        type="order",
        id="events-in-order",
        prompt="Put these events in the order they happened, earliest first.",
        fact=chain[0].id,
        items=titles,
        explanation=why,
        tags=["events", "automatic"],
    )


# --- terms --------------------------------------------------------------------------------


def _term_questions(pack: Pack, seed: int) -> Iterator[AnyQuestion]:
    definitions = [t.statement for t in pack.terms]
    for term in pack.terms:
        rng = _rng(pack, seed, term.id)
        question = _choice(
            f"{term.id}-meaning",
            f"What is meant by “{_inline(term.term)}”?",
            term.id,
            term.statement,
            definitions,
            rng,
            ["terms", "automatic"],
        )
        if question:
            yield dataclasses.replace(question, explanation=_term_in_story(pack, term))
        if term.short:
            yield FreeText(
                type="text",
                id=f"{term.id}-short",
                prompt=sentence(f"What does {term.short} stand for?"),
                fact=term.id,
                accept=[term.term],
                tags=["terms", "automatic"],
            )


def _term_in_story(pack: Pack, term: Term) -> str:
    """Where the term comes up in the story (the meaning itself is the right choice, so
    repeating it would explain nothing)."""
    names = [n for n in (term.term, term.short) if n]
    pattern = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in names), re.IGNORECASE)
    for fact in pack.facts().values():
        if fact is not term and not isinstance(fact, Term) and pattern.search(fact.statement):
            return f"In this story: {fact.statement}"
    short = f" ({term.short})" if term.short else ""
    return f"{term.term}{short} is defined in the brief's glossary."
