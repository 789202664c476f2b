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


# Numbers are whole tokens ("2,000", "2,000.5"), so "2,000" is never found inside "12,000".
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")


def tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text.casefold()))


def answer_forms(q: Question) -> list[tuple[tuple[str, ...], str]]:
    """(tokens, as shown) for each way the question's answer could appear in a prompt."""
    if isinstance(q, Numeric):
        if is_year_unit(q.unit) or abs(q.answer) < 10:
            return []  # years and small numbers recur in any story
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
    window by window: linear in the size of the set, not quadratic."""
    index: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for number, (_, question) in enumerate(questions):
        for form, shown in answer_forms(question):
            if form:
                index.setdefault(form, []).append((number, shown))
    sizes = sorted({len(form) for form in index})
    for giver_number, giver in enumerate(questions):
        words = tokens(giver[1].prompt)
        found: dict[int, str] = {}
        for size in sizes:
            for start in range(len(words) - size + 1):
                for number, shown in index.get(words[start : start + size], ()):
                    if number != giver_number:
                        found.setdefault(number, shown)
        for number, shown in sorted(found.items()):
            yield questions[number], giver, shown


Q = TypeVar("Q", bound=Question)


def answered_first(questions: list[Q]) -> list[Q]:
    """The questions in the same order, except that a question whose answer another prompt
    gives away moves before that prompt (when the pairs allow it: a cycle stays as it is)."""
    before: dict[int, list[int]] = {i: [] for i in range(len(questions))}
    for (given, _), (giver, _), _ in give_aways(list(enumerate(questions))):
        before[giver].append(given)
    # Depth-first, children (the questions to come first) in their own order; a node met
    # again while it is still open closes a cycle and is skipped.
    placed: list[int] = []
    state: dict[int, bool] = {}  # False: open, True: placed
    for root in range(len(questions)):
        if root in state:
            continue
        state[root] = False
        stack = [(root, iter(sorted(before[root])))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                state[node] = True
                placed.append(node)
            elif child not in state:
                state[child] = False
                stack.append((child, iter(sorted(before[child]))))
    return [questions[i] for i in placed]
