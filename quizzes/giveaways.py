"""Questions that give each other away: one prompt states another question's answer.

The checker names such pairs; a run puts the question whose answer is given away before
the question that gives it, so by the time the giveaway is read it no longer helps.
(Options are left alone: an option claims nothing, and the same names rightly recur as
distractors.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TypeVar

from quizzes.model import Choice, FreeText, Numeric, Question
from seeds.numbers import format_amount, format_number, is_year_unit

T = TypeVar("T")


def answer_forms(q: Question) -> list[tuple[re.Pattern[str], str]]:
    """(pattern, as shown) for each way the question's answer could appear in a prompt."""
    if isinstance(q, Numeric):
        if is_year_unit(q.unit) or abs(q.answer) < 10:
            return []  # years and small numbers recur in any story
        forms = {format_number(q.answer), f"{q.answer.normalize():f}"}
        if q.display:
            forms.add(q.display)
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        return [
            (
                re.compile(rf"(?<![\d.,])(?:{alternatives})(?![\d]|[.,]\d)"),
                format_amount(q.answer, None, q.display),
            )
        ]
    texts: list[str] = []
    if isinstance(q, Choice) and isinstance(q.answer, str):
        texts = [q.answer]
    elif isinstance(q, FreeText):
        texts = list(q.accept)
    return [
        (re.compile(rf"(?<!\w){re.escape(t)}(?!\w)", re.IGNORECASE), t)
        for t in texts
        if len(t) >= 4 and not t.isdigit()
    ]


def give_aways(
    questions: Sequence[tuple[T, Question]],
) -> Iterator[tuple[tuple[T, Question], tuple[T, Question], str]]:
    """(given away, giving away, the answer as the prompt says it) for every such pair."""
    for given in questions:
        forms = answer_forms(given[1])
        for giver in questions if forms else ():
            if giver[1] is given[1]:
                continue
            found = next(
                (shown for pattern, shown in forms if pattern.search(giver[1].prompt)), None
            )
            if found is not None:
                yield given, giver, found


Q = TypeVar("Q", bound=Question)


def answered_first(questions: list[Q]) -> list[Q]:
    """The questions in the same order, except that a question whose answer another prompt
    gives away moves before that prompt (when the pairs allow it: a cycle stays as it is)."""
    position = {id(q): i for i, q in enumerate(questions)}
    before: dict[int, set[int]] = {i: set() for i in range(len(questions))}
    for (_, given), (_, giver), _ in give_aways([(None, q) for q in questions]):
        before[position[id(giver)]].add(position[id(given)])
    placed: list[int] = []
    done: set[int] = set()

    def place(i: int, visiting: frozenset[int]) -> None:
        if i in done or i in visiting:
            return
        for j in sorted(before[i]):
            place(j, visiting | {i})
        done.add(i)
        placed.append(i)

    for i in range(len(questions)):
        place(i, frozenset())
    return [questions[i] for i in placed]
