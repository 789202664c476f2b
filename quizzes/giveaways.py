"""Questions that give each other away, and a selection free of them.

Two questions answer each other when one prompt states the other's answer (the checker
warns of these), or when both test one fact so that one answers the other: a question
asking a figure's value beside one that prints it among its options (its number and its
choice of four), or a question asking for a term beside one whose prompt names it.
(Options of questions on other facts are left alone: an option claims nothing, and the
same names rightly recur as distractors.) A run or a printed sheet keeps one question of
each such pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TypeVar

from quizzes.grading import normalise_text
from quizzes.model import Choice, FreeText, Multi, Numeric, Question
from seeds.model import Fact, Figure, Term
from seeds.numbers import (
    BOUNDS,
    amount_of,
    format_amount,
    format_number,
    is_year_unit,
    read_number,
    read_range,
)

T = TypeVar("T")


# Numbers are whole tokens ("2,000", "2,000.5"), so "2,000" is never found inside "12,000".
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")


def tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text.casefold()))


def answer_forms(q: Question) -> list[tuple[tuple[str, ...], str]]:
    """(tokens, as shown) for each way the question's answer could appear in a prompt."""
    if isinstance(q, Numeric):
        year = is_year_unit(q.unit) and q.answer in range(1000, 3000)
        if year or abs(q.answer) < 10:
            return []  # calendar years and small numbers recur in any story
        shown = format_amount(q.answer, None, q.display)
        forms = {format_number(q.answer), f"{q.answer.normalize():f}", q.display or ""}
        return [(tokens(form), shown) for form in sorted(forms) if form]
    texts: list[str] = []
    if isinstance(q, Choice) and isinstance(q.answer, str):
        texts = [q.answer]
    elif isinstance(q, FreeText):
        texts = list(q.accept)
    return [(tokens(t), t) for t in texts if len(t) >= 4 and not t.isdigit()]


def give_aways(
    questions: Sequence[tuple[T, Question]],
) -> Iterator[tuple[tuple[T, Question], tuple[T, Question], str]]:
    """(given away, giving away, the answer as the prompt says it) for every such pair.

    Every answer form goes into one index by its tokens, and each prompt is read once,
    window by window (only the windows that begin with a form's first token): linear in
    the size of the set, not quadratic."""
    index: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for number, (_, question) in enumerate(questions):
        for form, shown in answer_forms(question):
            if form:
                index.setdefault(form, []).append((number, shown))
    sizes = sorted({len(form) for form in index})
    firsts = {form[0] for form in index}
    for giver_number, giver in enumerate(questions):
        words = tokens(giver[1].prompt)
        starts = [start for start, word in enumerate(words) if word in firsts]
        found: dict[int, str] = {}
        for size in sizes if starts else ():
            for start in starts:
                if start + size > len(words):
                    break
                for number, shown in index.get(words[start : start + size], ()):
                    if number != giver_number:
                        found.setdefault(number, shown)
        for number, shown in sorted(found.items()):
            yield questions[number], giver, shown


def _is_value(text: str, figure: Figure) -> bool:
    """Whether ``text`` writes the figure's number (or both ends of its range)."""
    if figure.range is not None:
        ends = read_range(text)
        wanted = {figure.low, figure.high}
        scaled = {amount_of(figure.low, figure.unit), amount_of(figure.high, figure.unit)}
        return ends is not None and {e.value for e in ends} in (wanted, scaled)
    reading = read_number(re.sub(rf"^(?:{'|'.join(BOUNDS)})\s+", "", text))
    return reading is not None and reading.value in (figure.amount, figure.low)


def _asks_value(q: Question, figure: Figure) -> bool:
    """Whether the question's answer is the figure's value (or its range's middle)."""
    if isinstance(q, Numeric):
        return amount_of(q.answer, q.unit) in (figure.amount, figure.middle)
    return isinstance(q, Choice) and isinstance(q.answer, str) and _is_value(q.answer, figure)


def _shows_value(q: Question, figure: Figure) -> bool:
    """Whether the question prints the figure's value among its options."""
    return isinstance(q, Choice | Multi) and any(_is_value(c, figure) for c in q.choices)


def mentions(text: str, names: Iterable[str]) -> bool:
    """Whether the text says any of the names, as whole words (case aside)."""
    said = tokens(text)
    for name in names:
        wanted = tokens(name)
        if wanted and any(
            said[i : i + len(wanted)] == wanted for i in range(len(said) - len(wanted) + 1)
        ):
            return True
    return False


def _asks_term(q: Question, term: Term) -> bool:
    """Whether the question's answer is the term itself (or its abbreviation)."""
    names = {normalise_text(n) for n in (term.term, term.short) if n}
    if isinstance(q, FreeText):
        return any(normalise_text(a) in names for a in q.accept)
    return isinstance(q, Choice) and isinstance(q.answer, str) and normalise_text(q.answer) in names


def answer_each_other(a: Question, b: Question, fact: Fact | None) -> bool:
    """Whether two questions on ``fact`` answer each other though neither prompt may
    state the other's answer word for word."""
    if isinstance(fact, Figure):
        return (_asks_value(a, fact) and _shows_value(b, fact)) or (
            _asks_value(b, fact) and _shows_value(a, fact)
        )
    if isinstance(fact, Term):
        names = [n for n in (fact.term, fact.short) if n]
        return (_asks_term(a, fact) and mentions(b.prompt, names)) or (
            _asks_term(b, fact) and mentions(a.prompt, names)
        )
    return False


def answer_pairs(questions: Sequence[Question], facts: Mapping[str, Fact]) -> set[tuple[int, int]]:
    """(i, j), i < j, for every two questions of which one answers the other."""
    pairs = {(min(i, j), max(i, j)) for (i, _), (j, _), _ in give_aways(list(enumerate(questions)))}
    by_fact: dict[str, list[int]] = {}
    for i, q in enumerate(questions):
        if q.fact:
            by_fact.setdefault(q.fact, []).append(i)
    for fact_id, numbers in by_fact.items():
        fact = facts.get(fact_id)
        for x, i in enumerate(numbers):
            for j in numbers[x + 1 :]:
                if answer_each_other(questions[i], questions[j], fact):
                    pairs.add((i, j))
    return pairs


def longest_is_right(q: Choice) -> bool:
    """Whether the right choice is longer than every other (a tie gives nothing away)."""
    answer = q.answer if isinstance(q.answer, str) else "".join(q.answer)
    return len(answer) > max((len(c) for c in q.choices if c != answer), default=0)


def longest_always_right(questions: Sequence[Question]) -> list[int]:
    """Where the choice questions are, when in every one of them (three or more, with
    choices of different lengths) the right choice is the longest: students learn to pick
    the longest. Empty when length gives nothing away."""
    singles = [
        i
        for i, q in enumerate(questions)
        if isinstance(q, Choice)
        and isinstance(q.answer, str)
        and len(q.choices) > 2
        and len({len(c) for c in q.choices}) > 1
    ]
    if len(singles) < 3:
        return []
    longest = [q for i in singles if isinstance(q := questions[i], Choice) and longest_is_right(q)]
    return singles if len(longest) == len(singles) else []


Q = TypeVar("Q", bound=Question)

# Beyond this many linked questions the best choice is searched no more: questions are
# kept greedily, fewest links first, in an order of their ids that no seed changes.
_SEARCHED = 24


def one_of_each_pair(questions: Sequence[Q], facts: Mapping[str, Fact]) -> list[Q]:
    """The questions in their order, less one of each pair that answers each other.

    Of each group of questions linked by such pairs, the selection keeps as many points,
    then as many questions, as a selection free of pairs can, so every run and every
    handout variant of a set is as long as the others; among equal selections it keeps
    the questions that come first. Which question of a pair stays thus follows the
    order, which a run shuffles by its seed."""
    pairs = answer_pairs(questions, facts)
    linked: dict[int, set[int]] = {i: set() for i in range(len(questions))}
    for i, j in pairs:
        linked[i].add(j)
        linked[j].add(i)
    points = [q.points for q in questions]
    ids = [q.id for q in questions]
    kept: set[int] = set()
    placed: set[int] = set()
    for start in range(len(questions)):
        if start in placed:
            continue
        group, stack = {start}, [start]
        while stack:
            for other in linked[stack.pop()] - group:
                group.add(other)
                stack.append(other)
        placed |= group
        kept |= _best(sorted(group), linked, points, ids)
    return [q for i, q in enumerate(questions) if i in kept]


def _best(
    group: list[int], linked: dict[int, set[int]], points: list[Decimal], ids: list[str]
) -> set[int]:
    """The pair-free subset of ``group`` with the most points, then the most questions,
    preferring the earliest questions (depth first, taking a question before leaving it).
    A group too large to search is chosen the same way whatever its order, so that its
    size too is the same in every run."""
    if len(group) > _SEARCHED:
        chosen: set[int] = set()
        for i in sorted(group, key=lambda i: (len(linked[i]), -points[i], ids[i])):
            if not linked[i] & chosen:
                chosen.add(i)
        return chosen
    best: tuple[tuple[Decimal, int], set[int]] = ((Decimal(-1), -1), set())
    weight_after = [sum((points[i] for i in group[k:]), Decimal(0)) for k in range(len(group) + 1)]

    def search(k: int, chosen: set[int], score: Decimal) -> None:
        nonlocal best
        if (score + weight_after[k], len(chosen) + len(group) - k) <= best[0]:
            return  # even taking every question left could not do better
        if k == len(group):
            best = ((score, len(chosen)), set(chosen))
            return
        i = group[k]
        if not linked[i] & chosen:
            chosen.add(i)
            search(k + 1, chosen, score + points[i])
            chosen.remove(i)
        search(k + 1, chosen, score)

    search(0, set(), Decimal(0))
    return best[1]
