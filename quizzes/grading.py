"""Grading one answer to one question: pure functions, no I/O.

Answers come in the shape each type's input produces:
choice -> str, multi -> collection of str, truefalse -> bool, numeric -> str as
typed (or a number), text -> str, match -> mapping left -> right, order -> sequence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from quizzes.model import (
    Choice,
    FreeText,
    Match,
    Multi,
    Numeric,
    Order,
    Question,
    TrueFalse,
)
from seeds.model import Fact, Pack, format_number


class InvalidAnswer(ValueError):
    """An answer that cannot be graded (e.g. not a number); say why, mark nothing."""


@dataclass(frozen=True)
class Grade:
    question_id: str
    correct: bool
    score: Decimal  # points earned
    points: Decimal  # points possible
    given: str
    expected: str
    feedback: str
    explanation: str
    fact: Fact | None = None
    quote: str = ""
    citation: str = ""

    @property
    def fraction(self) -> float:
        return float(self.score / self.points) if self.points else 0.0


def grade(question: Question, answer: Any, pack: Pack | None = None) -> Grade:
    """Grade ``answer``; raise InvalidAnswer for an answer of the wrong form."""
    fraction = _fraction(question, answer)
    correct = fraction == 1
    fact = pack.facts().get(question.fact or "") if pack else None
    quote = fact.quotes[0] if fact and fact.quotes else None
    quote_text = quote.text if quote else ""
    if quote and quote.by and pack and (speaker := pack.actor(quote.by)):
        quote_text = f"{quote.text} ({speaker.name})"
    expected = expected_text(question)
    if correct:
        feedback = "Correct."
    elif fraction > 0:
        feedback = f"Partly correct ({fraction:.0%}). The answer is: {expected}"
    else:
        feedback = f"Not correct. The answer is: {expected}"
    explanation = question.explanation or (fact.statement if fact else "")
    points = question.points
    return Grade(question.id, correct, (points * Decimal(str(round(fraction, 4)))).normalize(),
                 points, answer_text(question, answer), expected, feedback, explanation, fact,
                 quote_text, pack.citation() if pack else "")


def _fraction(q: Question, answer: Any) -> float:
    if isinstance(q, Choice):
        return float(_text(answer) == _the_answer(q))
    if isinstance(q, Multi):
        picked = set(_texts(answer))
        right = set(q.answers)
        if picked == right:
            return 1.0
        return max(0, len(picked & right) - len(picked - right)) / len(right)
    if isinstance(q, TrueFalse):
        if not isinstance(answer, bool):
            raise InvalidAnswer("answer true or false")
        return float(answer == q.answer)
    if isinstance(q, Numeric):
        given = parse_number(answer, q.unit)
        if q.tolerance is not None:
            return float(q.tolerance.allows(q.answer, given))
        return float(given == q.answer)
    if isinstance(q, FreeText):
        return float(normalise_text(_text(answer)) in {normalise_text(a) for a in q.accept})
    if isinstance(q, Match):
        if not isinstance(answer, Mapping):
            raise InvalidAnswer("pick a right side for each left side")
        right = sum(answer.get(pair.left) == pair.right for pair in q.pairs)
        return right / len(q.pairs)
    if isinstance(q, Order):
        given = _texts(answer)
        if sorted(given) != sorted(q.items):
            raise InvalidAnswer("put every item in order, each once")
        return sum(a == b for a, b in zip(given, q.items, strict=True)) / len(q.items)
    raise TypeError(f"unknown question type: {type(q).__name__}")


def _text(answer: Any) -> str:
    if not isinstance(answer, str):
        raise InvalidAnswer("answer with text")
    return answer


def _texts(answer: Any) -> list[str]:
    if isinstance(answer, str) or not isinstance(answer, Collection):
        raise InvalidAnswer("answer with a list of choices")
    return [_text(item) for item in answer]


def _the_answer(q: Choice) -> str:
    return q.answer if isinstance(q.answer, str) else q.answer[0]


def model_answer(q: Question) -> Any:
    """The right answer in the shape ``grade`` takes (for answer keys and tests)."""
    if isinstance(q, Choice):
        return _the_answer(q)
    if isinstance(q, Multi):
        return list(q.answers)
    if isinstance(q, TrueFalse | Numeric):
        return q.answer
    if isinstance(q, FreeText):
        return q.accept[0]
    if isinstance(q, Match):
        return {pair.left: pair.right for pair in q.pairs}
    if isinstance(q, Order):
        return list(q.items)
    raise TypeError(f"unknown question type: {type(q).__name__}")


def expected_text(q: Question) -> str:
    """The right answer as a student reads it."""
    if isinstance(q, Numeric):
        text = format_number(q.answer, q.unit or "") + (f" {q.unit}" if q.unit else "")
        return text + (f" (within {q.tolerance})" if q.tolerance and q.tolerance.amount else "")
    return answer_text(q, model_answer(q))


def answer_text(q: Question, answer: Any) -> str:
    """Any answer as a student reads it (for feedback and the results list)."""
    if isinstance(answer, bool):
        return "True" if answer else "False"
    if isinstance(answer, Mapping):
        return "; ".join(f"{left} → {right}" for left, right in answer.items())
    if isinstance(q, Multi) and isinstance(answer, Collection) and not isinstance(answer, str):
        return "; ".join(answer) if answer else "(nothing picked)"
    if isinstance(q, Order) and isinstance(answer, Sequence) and not isinstance(answer, str):
        return " → ".join(answer)
    if isinstance(answer, Decimal | int | float):
        unit = q.unit or "" if isinstance(q, Numeric) else ""
        return format_number(Decimal(str(answer)), unit)
    return str(answer)


_SCALES = {"k": 1000, "thousand": 1000, "m": 10**6, "million": 10**6, "mn": 10**6,
           "bn": 10**9, "billion": 10**9}
_NUMBER = re.compile(
    r"^(?P<sign>[+-])?(?P<int>\d{1,3}(?:[,\s]\d{3})+|\d*)(?P<frac>\.\d+)?\s*"
    r"(?P<scale>k|thousand|mn?|million|bn|billion)?$", re.IGNORECASE)


def parse_number(answer: Any, unit: str | None = None) -> Decimal:
    """A typed number: 5000, 5,000, 5 000, 5k, 1.5 million, optionally followed by the unit."""
    if isinstance(answer, Decimal | int) and not isinstance(answer, bool):
        return Decimal(answer)
    if isinstance(answer, float):
        return Decimal(str(answer))
    if not isinstance(answer, str):
        raise InvalidAnswer("type a number")
    text = unicodedata.normalize("NFKC", answer).strip().replace("\u202f", " ")
    if unit and text.lower().endswith(unit.lower()):
        text = text[: -len(unit)].strip()
    match = _NUMBER.match(text)
    if not text or not match or not (match["int"] or match["frac"]):
        raise InvalidAnswer(f"'{answer.strip()}' is not a number; type digits, "
                            "e.g. 5000, 5,000 or 5k")
    digits = re.sub(r"[,\s]", "", match["int"] or "0") + (match["frac"] or "")
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise InvalidAnswer(f"'{answer}' is not a number") from None
    if match["scale"]:
        value *= _SCALES[match["scale"].lower()]
    return -value if match["sign"] == "-" else value


_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                               "ı": "i", "ħ": "h", "þ": "th"})


# Dashes and minus signs read as one hyphen-minus, so "−5" (U+2212) matches "-5".
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212\ufe63", "-"))
_ALWAYS_KEPT = frozenset("+#%")  # C vs C++, C#, 50 vs 50%
_DIGIT_SEPARATORS = frozenset(":./,-")  # 1:30, 3.5, 1/2, 5,000, 1-2
_THOUSANDS = re.compile(r"(?<=\d)[, ](?=\d{3}(?!\d))")


def normalise_text(text: str) -> str:
    """The comparison key of a free-text answer: case, spacing, punctuation and diacritics
    ignored, so "S.C.O." matches "SCO" and "anti terrorism" matches "anti-terrorism". The
    characters that carry meaning stay: a sign before a number, a separator between digits
    ("1:30" is not "130"), and + # % ("C++" is not "C")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_UNDECOMPOSED)
    chars = [c for c in decomposed.translate(_DASHES) if not unicodedata.combining(c)]
    key: list[str] = []
    for i, c in enumerate(chars):
        before = chars[i - 1] if i else ""
        after = next((n for n in chars[i + 1:] if not n.isspace()), "")
        if not unicodedata.category(c).startswith(("P", "S", "Z", "C")) or c in _ALWAYS_KEPT:
            key.append(c)
        elif before.isdigit() and i + 1 < len(chars) and chars[i + 1].isdigit() and (
                c in _DIGIT_SEPARATORS or c.isspace()):
            key.append(" " if c.isspace() else c)
        elif c == "-" and after.isdigit() and not before.isalnum():
            key.append(c)  # a sign: "-5" is not "5"
    # Thousands grouped or not are one number: 5,000 = 5 000 = 5000.
    joined = _THOUSANDS.sub("", "".join(key))
    # British and American spellings of the same word (organisation, organization).
    return joined.replace("isation", "ization")
