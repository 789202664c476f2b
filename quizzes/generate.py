"""Questions derived from a pack's facts, deterministic for a given seed.

Every pack has this automatic set, so it can be played before anyone writes one: every
figure, event and argument gets a question, and every actor and term that the pack offers
wrong answers for (or, for a term, an abbreviation or a definition that does not name it).
Distractors come from the pack itself (other figures, roles, speakers, claims, dates,
definitions) or from the right answer (a scaled figure, a nearby date of the same
precision), and a distractor is never true under the pack's facts: options that read
alike, the question's own subject, what is said of an actor's kin (what it belongs to,
what belongs to it, its siblings, the actors listed with it), an actor's own institution
or a date that overlaps the answer are all left out. Sentences take their grammar from
the model (quizzes/wording.py) and numbers are written as the figure's display writes
them (quizzes/amounts.py). Questions of the set may answer each other (a figure's number
and its choice of four); a run keeps one of each such pair (quizzes/giveaways.py).
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from quizzes import AUTO_SUFFIX, amounts
from quizzes.errors import QuizError
from quizzes.giveaways import longest_is_right, mentions
from quizzes.grading import normalise_text
from quizzes.model import (
    AnyQuestion,
    Choice,
    FreeText,
    Numeric,
    Order,
    QuestionSet,
    Tolerance,
    TrueFalse,
)
from quizzes.wording import abbreviation_is_plural, mention, verb
from seeds.dates import longest_chain
from seeds.model import Actor, Argument, Event, Figure, Pack, Term
from seeds.numbers import format_range, with_bound

_DISTRACTORS = 3
_ORDER_ITEMS = 6


class TooFewFacts(QuizError, ValueError):
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
            "a figure, an event or an argument, or a second actor or term"
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
    fallback: Iterable[str] = (),
) -> Choice | None:
    """A choice question with up to three distractors drawn from ``pool``, topped up from
    ``fallback``: options stay distinct after normalisation, and nothing in ``exclude``
    (true answers, the subject) is ever offered. When the pool (else the fallback) has an
    option longer than the right one, or else as long, one such is among the distractors,
    so that the right choice is not the longest in every question (`quiz check` warns of
    a set where it is)."""
    barred = {normalise_text(right), *(normalise_text(e) for e in exclude)}
    tiers: list[list[str]] = []
    for options in (pool, fallback):
        others: dict[str, str] = {}
        for option in options:
            key = normalise_text(option)
            if key and key not in barred:
                others.setdefault(key, option)
        tiers.append(sorted(others.values()))
        barred |= set(others)
    # One option longer than the right one (else as long), the pool's or else the fallback's.
    longer = [[c for c in tier if len(c) > len(right)] for tier in tiers]
    longer += [[c for c in tier if len(c) == len(right)] for tier in tiers]
    first = next((found for found in longer if found), [])
    picks = rng.sample(first, min(1, len(first)))
    for tier in tiers:
        rest = [c for c in tier if c not in picks]
        picks += rng.sample(rest, min(_DISTRACTORS - len(picks), len(rest)))
    if not picks:
        return None
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
        rng = _rng(pack, seed, fig.id)
        tags = ["figures", "automatic"]
        if fig.range is not None:
            yield from _range_questions(fig, pack, rng, tags)
            continue
        if fig.bound is not None:
            question = _bound_question(fig, pack, rng, tags)
            if question:
                yield question
            continue
        yield Numeric(
            type="numeric",
            id=f"{fig.id}-number",
            fact=fig.id,
            tags=tags,
            prompt=sentence(_number_prompt(fig, pack)),
            answer=fig.low,
            unit=fig.unit,
            display=fig.display,
        )
        same_unit, near = _wrong_values(fig, pack)
        question = _choice(
            f"{fig.id}-choice",
            f"Which figure goes with “{fig.label}”?",
            fig.id,
            amounts.written(fig.low, fig),
            [amounts.written(v, fig) for v in same_unit],
            rng,
            tags,
            fallback=[amounts.written(v, fig) for v in near],
        )
        if question:
            yield question


def _range_questions(
    fig: Figure, pack: Pack, rng: random.Random, tags: list[str]
) -> Iterator[AnyQuestion]:
    """A range ("12–17 named storms"): a number inside it is right, and the choices are
    ranges of the same width written alike, none overlapping the right one."""
    yield Numeric(
        type="numeric",
        id=f"{fig.id}-number",
        fact=fig.id,
        tags=tags,
        prompt=sentence(
            f"{_number_prompt(fig, pack)} It gives a range: any number inside it is right."
        ),
        answer=fig.middle,
        tolerance=Tolerance(amount=(fig.high - fig.low) / 2, percent=False),
        unit=fig.unit,
        display=format_range(fig.low, fig.high),
    )
    what = amounts.kind(fig)
    width = fig.high - fig.low
    others = [
        (f.low, f.high)
        for f in pack.figures
        if f.range is not None and f is not fig and f.unit.strip() == fig.unit.strip()
    ]
    shifted = [(fig.low + k * (width + 1), fig.high + k * (width + 1)) for k in (1, 2, -1, -2)]

    def possible(low: Decimal, high: Decimal) -> bool:
        apart = high < fig.low or low > fig.high  # never a second right answer
        signed = low >= 0 or fig.low < 0  # no negative range beside one that starts at 0
        return apart and signed and amounts.fits(low, fig, what) and amounts.fits(high, fig, what)

    def written(ends: tuple[Decimal, Decimal]) -> str:
        return format_range(ends[0], ends[1], fig.unit)

    question = _choice(
        f"{fig.id}-choice",
        f"Which range goes with “{fig.label}”?",
        fig.id,
        written((fig.low, fig.high)),
        [written(e) for e in others if possible(*e)],
        rng,
        tags,
        fallback=[written(e) for e in shifted if possible(*e)],
    )
    if question:
        yield question


def _bound_question(fig: Figure, pack: Pack, rng: random.Random, tags: list[str]) -> Choice | None:
    """A bound ("more than $200 billion") is asked as a choice only, every option with the
    same bound word: a typed number could not say "more than"."""
    same_unit, near = _wrong_values(fig, pack)

    def bounded(value: Decimal) -> str:
        return with_bound(fig.bound, amounts.written(value, fig))

    return _choice(
        f"{fig.id}-choice",
        f"Which figure goes with “{fig.label}”?",
        fig.id,
        bounded(fig.low),
        [bounded(v) for v in same_unit],
        rng,
        tags,
        fallback=[bounded(v) for v in near],
    )


def _number_prompt(fig: Figure, pack: Pack) -> str:
    """The question asks for the kind of number the figure is, in its unit's words."""
    what = amounts.kind(fig)
    if what == "year":
        ask = "Which year"
    elif what == "percent":
        ask = "What percentage" + amounts.percent_rest(fig.unit)
    elif what == "share":
        ask = " ".join(["What share", *fig.unit.split()[1:]])
    else:
        ask = f"How many {fig.unit.strip()}"
    return f"{ask} does the {pack.source.short_name} give for “{fig.label}”?"


def _wrong_values(fig: Figure, pack: Pack) -> tuple[list[Decimal], list[Decimal]]:
    """Wrong values: other figures with the same unit (never one with the same label,
    which would be a second right answer), and values near this one. Each is possible for
    the figure's kind and reads unlike the others once written."""
    what = amounts.kind(fig)
    seen = {normalise_text(amounts.written(fig.low, fig))}

    def distinct(values: Iterable[Decimal]) -> list[Decimal]:
        kept = []
        for value in sorted(set(values)):
            key = normalise_text(amounts.written(value, fig))
            if value != fig.low and amounts.fits(value, fig, what) and key not in seen:
                seen.add(key)
                kept.append(value)
        return kept

    unit = fig.unit.strip().casefold()
    label = normalise_text(fig.label)
    same_unit = distinct(
        f.low
        for f in pack.figures
        if f.range is None
        and f.unit.strip().casefold() == unit
        and normalise_text(f.label) != label
    )
    return same_unit, distinct(v for v in amounts.near(fig, what) if v not in same_unit)


# --- actors -------------------------------------------------------------------------------


def _actor_questions(pack: Pack, seed: int) -> Iterator[AnyQuestion]:
    kinship = kin(pack)
    for actor in pack.actors:
        rng = _rng(pack, seed, actor.id)
        tags = ["actors", "automatic"]
        # A role said of the actor's kin may be true of the actor as well.
        close = [a for a in pack.actors if a.id in kinship[actor.id] and a != actor]
        question = _choice(
            f"{actor.id}-role",
            f"Which best describes {mention(actor)} in this story?",
            actor.id,
            actor.role,
            [a.role for a in pack.actors],
            rng,
            tags,
            exclude=[a.role for a in close],
        )
        if question:
            yield question
        right = _institution(pack, actor)
        if right is None:
            continue
        # Anything the actor belongs to, or that belongs to it, is true or confusing.
        related = [a for a in pack.actors if a.id in pack.related(actor.id) and a != actor]
        true_too = [
            actor.name,
            actor.affiliation or "",
            *(a.name for a in related),
            *(a.affiliation or "" for a in related),
        ]
        pool = [a.affiliation for a in pack.actors if a.affiliation]
        pool += [a.name for a in pack.actors if a.type == "organisation"]
        is_ = verb(actor, "is", "are")
        what = "affiliated with" if actor.type == "person" else "part of"
        question = _choice(
            f"{actor.id}-affiliation",
            f"Which institution {is_} {mention(actor)} {what}?",
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


def kin(pack: Pack) -> dict[str, set[str]]:
    """For each actor, the actors (itself included) of whom a role or claim said of one
    may be true of the other: every actor it belongs to or that belongs to it
    (``Pack.related``), its siblings (the same parent actor, or the same affiliation),
    and the actors one actor's description names together, the parts of one list."""
    parent = {a.id: next(iter(pack.within(a.id)), None) for a in pack.actors}
    affiliation = {a.id: normalise_text(a.affiliation or "") for a in pack.actors}
    found = {a.id: pack.related(a.id) for a in pack.actors}
    for a in pack.actors:
        for b in pack.actors:
            same_parent = parent[a.id] is not None and parent[a.id] == parent[b.id]
            if same_parent or (affiliation[a.id] and affiliation[a.id] == affiliation[b.id]):
                found[a.id].add(b.id)
    for describer in pack.actors:
        text = f"{describer.role} {describer.statement}"
        listed = {a.id for a in pack.actors if a != describer and mentions(text, [a.name])}
        if len(listed) > 1:
            for actor_id in listed:
                found[actor_id] |= listed
    return found


# --- arguments ----------------------------------------------------------------------------


def _argument_questions(pack: Pack, seed: int) -> Iterator[AnyQuestion]:
    """One question an argument, the first that can be made of: who makes it, which of
    several claims the speaker makes, or (when the pack offers no wrong answer) whether
    the speaker makes it. A speaker whose name is longer than every other name would be
    found by its length alone: the question then states that the speaker, or another
    actor, makes the argument, true or false."""
    for argument in pack.arguments:
        speaker = pack.actor(argument.by)
        if speaker is None:
            continue
        rng = _rng(pack, seed, argument.id)
        who = _who_argues(pack, argument, speaker, rng)
        if who is not None and longest_is_right(who):
            others = [a for a in pack.actors if a.name in who.choices and a != speaker]
            said_by = rng.choice(others) if others and rng.random() < 0.5 else speaker
            yield _claim_said(pack, argument, said_by, said_by == speaker)
            continue
        yield (
            who
            or _which_claim(pack, argument, speaker, rng)
            or _claim_said(pack, argument, speaker, True)
        )


_ARGUMENT_TAGS = ["arguments", "automatic"]


def _makers(pack: Pack, claim: str) -> set[str]:
    """Every actor of whom the claim is true: who makes it, and their related actors."""
    key = normalise_text(claim)
    return {i for a in pack.arguments if normalise_text(a.claim) == key for i in pack.related(a.by)}


def _who_argues(
    pack: Pack, argument: Argument, speaker: Actor, rng: random.Random
) -> Choice | None:
    makers = _makers(pack, argument.claim)
    # Speakers of other arguments are the most plausible wrong answers; any actor will do.
    speakers = [s.name for a in pack.arguments if (s := pack.actor(a.by))]
    return _choice(
        f"{argument.id}-who",
        f"Who makes this argument: “{_inline(argument.claim)}”?",
        argument.id,
        speaker.name,
        speakers,
        rng,
        _ARGUMENT_TAGS,
        exclude=[a.name for a in pack.actors if a.id in makers and a != speaker],
        fallback=[a.name for a in pack.actors],
    )


def _which_claim(
    pack: Pack, argument: Argument, speaker: Actor, rng: random.Random
) -> Choice | None:
    true_of_speaker = [a.claim for a in pack.arguments if speaker.id in _makers(pack, a.claim)]
    does = verb(speaker, "does", "do")
    return _choice(
        f"{argument.id}-claim",
        f"Which of these arguments {does} {mention(speaker)} make?",
        argument.id,
        _inline(argument.claim),
        [_inline(a.claim) for a in pack.arguments],
        rng,
        _ARGUMENT_TAGS,
        exclude=[_inline(c) for c in true_of_speaker],
    )


def _claim_said(pack: Pack, argument: Argument, actor: Actor, true: bool) -> TrueFalse:
    """ "In the article, X makes the argument “…”.", true when X is the speaker."""
    makes = verb(actor, "makes", "make")
    return TrueFalse(
        type="truefalse",
        id=f"{argument.id}-said",
        prompt=sentence(
            f"In the {pack.source.short_name}, {mention(actor)} {makes} the argument "
            f"“{_inline(argument.claim)}”",
            end=".",
        ),
        fact=argument.id,
        answer=true,
        tags=_ARGUMENT_TAGS,
    )


# --- events -------------------------------------------------------------------------------


def _event_questions(pack: Pack, seed: int) -> Iterator[AnyQuestion]:
    events: list[Event] = sorted(pack.events, key=lambda e: e.date.sort_key())
    for event in events:
        rng = _rng(pack, seed, event.id)
        real, near = _date_pools(event, events)
        question = _choice(
            f"{event.id}-when",
            f"When did this happen: {_inline(event.title)}?",
            event.id,
            event.date.long(),
            real,
            rng,
            ["events", "automatic"],
            fallback=near,
        )
        if question:
            yield question
    order = _order_question(events)
    if order is not None:
        yield order


def _date_pools(event: Event, events: Sequence[Event]) -> tuple[list[str], list[str]]:
    """Wrong dates of the answer's precision that cannot overlap it: other events' dates,
    and dates a few steps away (to fill up, or to offer one written longer)."""
    date = event.date
    real = [e.date for e in events if e.date.precision == date.precision and e.date != date]
    steps = {
        "decade": (-2, -1, 1, 2),
        "fiscal year": (-2, -1, 1, 2),
        "year": (-2, -1, 1, 2),
        "month": (-3, -2, -1, 1, 2, 3, -12, 12),  # the same month of another year too
        "day": (-14, -7, -3, 3, 7, 14),
    }[date.precision]
    near = [d for s in steps if (d := date.shifted(s)) is not None]
    return (
        [d.long() for d in real if not d.overlaps(date)],
        [d.long() for d in near if not d.overlaps(date)],
    )


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
        tags = ["terms", "automatic"]
        question = _choice(
            f"{term.id}-meaning",
            f"What is meant by “{_inline(term.term)}”?",
            term.id,
            term.statement,
            definitions,
            rng,
            tags,
        )
        if question:
            yield dataclasses.replace(question, explanation=_term_in_story(pack, term))
        if term.short:
            does = "do" if abbreviation_is_plural(term.short) else "does"
            yield FreeText(
                type="text",
                id=f"{term.id}-short",
                prompt=sentence(f"What {does} {term.short} stand for?"),
                fact=term.id,
                accept=[term.term],
                tags=tags,
            )
        elif question is None and not _names_term(term.statement, term):
            yield FreeText(
                type="text",
                id=f"{term.id}-term",
                prompt=sentence(f"Which term means this: “{_inline(term.statement)}”?"),
                fact=term.id,
                accept=[term.term],
                tags=tags,
            )


def _names_term(text: str, term: Term) -> bool:
    """Whether the text says the term (or its abbreviation) itself."""
    return mentions(text, [n for n in (term.term, term.short) if n])


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
