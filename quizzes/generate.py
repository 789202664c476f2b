"""Questions derived from a pack's facts, deterministic for a given seed.

Every pack has this automatic set, so it can be played before anyone writes one.
Distractors come from the pack itself (other figures, roles, speakers, dates,
definitions), so they are plausible and never invented.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from decimal import Decimal

from quizzes.model import Choice, FreeText, Numeric, Order, Question, QuestionSet
from seeds.model import Event, Figure, Pack, format_number, format_partial_date

AUTO_SUFFIX = "-auto"
_DISTRACTORS = 3


def automatic_set(pack: Pack, seed: int = 0) -> QuestionSet:
    """A set with questions on every fact of the pack that has enough material."""
    questions: list[Question] = []
    for make in (_figure_questions, _actor_questions, _argument_questions,
                 _event_questions, _term_questions):
        questions.extend(make(pack, seed))
    return QuestionSet(
        id=pack.id + AUTO_SUFFIX, title=f"{pack.title}: automatic questions",
        description="Made from the pack's facts: figures, actors, arguments, events, terms.",
        pack=pack.id, questions=questions)


def _rng(pack: Pack, seed: int, key: str) -> random.Random:
    return random.Random(f"{pack.id}:{seed}:{key}")


def _choice(qid: str, prompt: str, fact: str, right: str, pool: Sequence[str],
            rng: random.Random, tags: list[str]) -> Choice | None:
    """A choice question with up to three distinct distractors drawn from ``pool``."""
    others = sorted({p for p in pool if p != right})
    if not others:
        return None
    choices = [right, *rng.sample(others, min(_DISTRACTORS, len(others)))]
    rng.shuffle(choices)
    return Choice(type="choice", id=qid, prompt=prompt, fact=fact, choices=choices,
                  answer=right, tags=tags)


def _figure_questions(pack: Pack, seed: int) -> Iterator[Question]:
    for fig in pack.figures:
        rng = _rng(pack, seed, fig.id)
        prompt = f"“{fig.label}”: what figure does the article give? (unit: {fig.unit})"
        yield Numeric(type="numeric", id=f"{fig.id}-number", prompt=prompt, fact=fig.id,
                      answer=fig.value, unit=fig.unit, tags=["figures", "automatic"])
        wrong = _plausible_values(fig, pack, rng)
        shown = [f"{format_number(v, fig.unit)} {fig.unit}" for v in wrong]
        right = f"{format_number(fig.value, fig.unit)} {fig.unit}"
        question = _choice(f"{fig.id}-choice", f"Which figure goes with “{fig.label}”?",
                           fig.id, right, shown, rng, ["figures", "automatic"])
        if question:
            yield question


def _plausible_values(fig: Figure, pack: Pack, rng: random.Random) -> list[Decimal]:
    """Three wrong values: other figures with the same unit first, then scalings of this one."""
    same_unit = sorted({f.value for f in pack.figures if f.unit == fig.unit} - {fig.value})
    if fig.value == fig.value.to_integral_value() and "year" in fig.unit.lower():
        scaled = [fig.value + d for d in (-2, -1, 1, 2)]
    else:
        scaled = [v for v in (fig.value * 2, fig.value / 2, fig.value * 10, fig.value / 10)
                  if v == v.to_integral_value() and v > 0 and v not in same_unit]
    picked = rng.sample(same_unit, min(_DISTRACTORS, len(same_unit)))
    return picked + rng.sample(scaled, min(_DISTRACTORS - len(picked), len(scaled)))


def _actor_questions(pack: Pack, seed: int) -> Iterator[Question]:
    roles = [a.role for a in pack.actors]
    affiliations = [a.affiliation for a in pack.actors if a.affiliation]
    for actor in pack.actors:
        rng = _rng(pack, seed, actor.id)
        question = _choice(f"{actor.id}-role", f"Which best describes {actor.name} in this "
                           "story?", actor.id, actor.role, roles, rng, ["actors", "automatic"])
        if question:
            yield question
        if actor.affiliation and len(set(affiliations)) > 1:
            question = _choice(f"{actor.id}-affiliation",
                               f"Which institution is {actor.name} affiliated with?", actor.id,
                               actor.affiliation, affiliations, rng, ["actors", "automatic"])
            if question:
                yield question


def _argument_questions(pack: Pack, seed: int) -> Iterator[Question]:
    names = [a.name for a in pack.actors]
    for argument in pack.arguments:
        speaker = pack.actor(argument.by)
        if speaker is None:
            continue
        rng = _rng(pack, seed, argument.id)
        # Speakers of other arguments are the most plausible wrong answers.
        pool = [s.name for a in pack.arguments if (s := pack.actor(a.by))] or names
        question = _choice(f"{argument.id}-who", f"Who makes this argument: “{argument.claim}”?",
                           argument.id, speaker.name, pool if len(set(pool)) > 1 else names,
                           rng, ["arguments", "automatic"])
        if question:
            yield question


def _event_questions(pack: Pack, seed: int) -> Iterator[Question]:
    events: list[Event] = sorted(pack.events, key=lambda e: e.date)
    dates = [format_partial_date(e.date) for e in events]
    for event in events:
        rng = _rng(pack, seed, event.id)
        question = _choice(f"{event.id}-when", f"When did this happen: {event.title}?",
                           event.id, format_partial_date(event.date), dates, rng,
                           ["events", "automatic"])
        if question:
            yield question
    titles = [e.title for e in events]
    if len(events) >= 3 and len(set(titles)) == len(titles):
        yield Order(type="order", id="events-in-order", prompt="Put these events in the order "
                    "they happened, earliest first.", fact=events[0].id, items=titles,
                    tags=["events", "automatic"])


def _term_questions(pack: Pack, seed: int) -> Iterator[Question]:
    definitions = [t.statement for t in pack.terms]
    for term in pack.terms:
        rng = _rng(pack, seed, term.id)
        question = _choice(f"{term.id}-meaning", f"What is meant by “{term.term}”?", term.id,
                           term.statement, definitions, rng, ["terms", "automatic"])
        if question:
            yield question
        if term.short:
            yield FreeText(type="text", id=f"{term.id}-short",
                           prompt=f"What does {term.short} stand for?", fact=term.id,
                           accept=[term.term], tags=["terms", "automatic"])

