"""Grading one answer to one question: pure functions, no I/O.

Answers come in the shape each type's input produces:
choice -> str, multi -> collection of str, truefalse -> bool, numeric -> str as
typed (or a number), text -> str, match -> mapping left -> right, order -> sequence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from quizzes.amounts import amount_text
from quizzes.errors import QuizError
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
from quizzes.wording import singular_unit
from seeds.frozen import record
from seeds.model import Fact, Pack
from seeds.numbers import format_amount, format_number, read_number, unit_matches, unit_scale


class InvalidAnswer(QuizError, ValueError):
    """An answer that cannot be graded (e.g. not a number); say why, mark nothing."""


@record
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
    quote: str = ""  # the article's words, without quotation marks
    quote_by: str = ""  # who said them, printed after the closing mark
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
    speaker = pack.actor(quote.by) if quote and pack else None
    expected = expected_text(question)
    if correct:
        feedback = "Correct."
    elif fraction > 0:
        feedback = f"Partly correct ({fraction:.0%}). The answer is: {expected}"
    else:
        feedback = f"Not correct. The answer is: {expected}"
    explanation = question.explanation or (fact.statement if fact else "")
    if normalise_text(explanation) == normalise_text(expected):
        explanation = ""  # the answer itself explains nothing more
    points = question.points
    return Grade(
        question.id,
        correct,
        (points * Decimal(str(round(fraction, 4)))).normalize(),
        points,
        answer_text(question, answer),
        expected,
        feedback,
        explanation,
        fact,
        quote.text if quote else "",
        speaker.name if speaker else "",
        pack.citation() if pack else "",
    )


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
        return _numeric_fraction(q, answer)
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
        text = amount_text(q.answer, q.unit, q.display)
        slack = q.tolerance and q.tolerance.amount and not q.shows_range
        return text + (f" (within {q.tolerance})" if slack else "")
    return answer_text(q, model_answer(q))


def numeric_key(q: Numeric) -> str:
    """The answer as an answer key writes it: as the display writes the number when it is
    one ("6 billion U.S. dollars", "$200 billion"), else in digits with the unit; always
    something ``grade`` marks right."""
    display = q.display if q.display and read_number(q.display) is not None else None
    return amount_text(q.answer, q.unit, display)


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
        unit = q.unit if isinstance(q, Numeric) else None
        return format_amount(Decimal(str(answer)), unit)
    return str(answer)


def parse_number(answer: Any, unit: str | None = None) -> Decimal:
    """A typed number as an absolute amount: 5000, 5,000, 5 000, 5k, 6bn, $6 billion,
    1.5 million, optionally followed by words of the unit. A bare number is read in the
    unit's own terms when the unit has a scale ("6" for "billion dollars" is 6 billion)."""
    readings = _readings(_without_scale_unit(answer, unit), unit)
    if len(readings) > 1:
        raise InvalidAnswer(_ambiguous(str(answer)))
    return readings[0]


_HOW = "type digits (commas for thousands, and k, million or billion if you like)"


def _readings(answer: Any, unit: str | None) -> list[Decimal]:
    """Every amount the answer may mean: one, or two for an ambiguous "5.000"."""
    if isinstance(answer, Decimal | int) and not isinstance(answer, bool):
        return [Decimal(answer)]
    if isinstance(answer, float):
        return [Decimal(str(answer))]
    if not isinstance(answer, str):
        raise InvalidAnswer("type a number")
    reading = read_number(answer)
    if reading is None or not answer.strip():
        raise InvalidAnswer(f"'{answer.strip()}' is not a number; {_HOW}")
    one = singular_unit(unit) if unit else None  # "1 agency" for unit "agencies"
    if reading.rest and not (unit_matches(reading.rest, unit) or unit_matches(reading.rest, one)):
        if unit:
            raise InvalidAnswer(f"'{answer.strip()}' is not a number in {unit}; {_HOW}")
        raise InvalidAnswer(f"'{answer.strip()}' is not a number; {_HOW}")
    values = [reading.value] + ([reading.other] if reading.other is not None else [])
    return values


def _without_scale_unit(answer: Any, unit: str | None) -> Any:
    """The typed text without a unit that is spelled like a scale word but is not one:
    "5 m" for a question in metres ("m") or "5 m/s" is 5, not 5 million."""
    if not isinstance(answer, str) or not unit or unit_scale(unit)[0] != 1:
        return answer
    spelled = read_number("1 " + unit)
    text = answer.strip()
    if spelled is None or not spelled.scaled or not text.lower().endswith(unit.lower()):
        return answer
    return text[: -len(unit)]


def _ambiguous(answer: str) -> str:
    text = answer.strip()
    small = format_number(Decimal(text.lstrip("+")))
    large = format_number(Decimal(text.lstrip("+").replace(".", "")))
    return (
        f"'{text}' can be read as {small} or as {large}: type {small} or "
        f"{large.replace(',', '')} (a dot marks decimals, a comma thousands)"
    )


def _numeric_fraction(q: Numeric, answer: Any) -> float:
    """1.0 when the amount typed is the answer (within any tolerance), else 0.0."""
    answer = _without_scale_unit(answer, q.unit)
    scale = unit_scale(q.unit)[0]
    expected = q.answer * scale
    scaled_input = isinstance(answer, str) and (r := read_number(answer)) is not None and r.scaled

    def right(value: Decimal) -> bool:
        # A bare number may be the whole amount or the amount in the unit's terms.
        # An absolute reading below one unit of the scale ("2" as 2 dollars, for billions of
        # dollars) is not what anyone typing it means.
        absolute = {value} if abs(value) >= scale or not value else set()
        candidates = {value} if scaled_input else absolute | {value * scale}
        if q.tolerance is None:
            return expected in candidates
        return any(q.tolerance.allows(q.answer, c / scale) for c in candidates)

    verdicts = {right(value) for value in _readings(answer, q.unit)}
    if len(verdicts) > 1:
        raise InvalidAnswer(_ambiguous(str(answer)))
    return float(verdicts.pop())


_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h", "þ": "th"}
)


# Dashes and minus signs read as one hyphen-minus, so "−5" (U+2212) matches "-5".
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212\ufe63", "-"))
_ALWAYS_KEPT = frozenset("+#%")  # C vs C++, C#, 50 vs 50%
_DIGIT_SEPARATORS = frozenset(":./,-")  # 1:30, 3.5, 1/2, 5,000, 1-2
_THOUSANDS = re.compile(r"(?<=\d)[, ](?=\d{3}(?!\d))")


@lru_cache(maxsize=8192)  # choices and accepted answers recur across a set
def normalise_text(text: str) -> str:
    """The comparison key of a free-text answer: case, spacing, punctuation and diacritics
    ignored, so "S.C.O." matches "SCO" and "anti terrorism" matches "anti-terrorism". The
    characters that carry meaning stay: a sign before a number, a minus that ends a word
    ("A-" is not "A"), a separator between digits ("1:30" is not "130"), and + # % ("C++"
    is not "C")."""
    if text.isascii():
        # The common case, without a Unicode table: in ASCII nothing decomposes, casefold
        # is lower, and a letter or digit is exactly what is neither P, S, Z nor C.
        if text.isalpha():
            return text.lower().replace("isation", "ization")
        chars = list(text.lower())
        kept: Callable[[str], bool] = str.isalnum
    else:
        decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_UNDECOMPOSED)
        chars = [c for c in decomposed.translate(_DASHES) if not unicodedata.combining(c)]
        kept = _is_letter_or_digit
    key: list[str] = []
    for i, c in enumerate(chars):
        before = chars[i - 1] if i else ""
        if kept(c) or c in _ALWAYS_KEPT:
            key.append(c)
        elif (
            before.isdigit()
            and i + 1 < len(chars)
            and chars[i + 1].isdigit()
            and (c in _DIGIT_SEPARATORS or c.isspace())
        ):
            key.append(" " if c.isspace() else c)
        elif c == "-" and not before.isalnum() and _next_visible(chars, i).isdigit():
            key.append(c)  # a sign: "-5" is not "5"
        elif c == "-" and before.isalnum() and not (i + 1 < len(chars) and chars[i + 1].isalnum()):
            key.append(c)  # a minus after a word, as in a grade: "A-" is not "A"
    # Thousands grouped or not are one number: 5,000 = 5 000 = 5000.
    joined = _THOUSANDS.sub("", "".join(key))
    # British and American spellings of the same word (organisation, organization).
    return joined.replace("isation", "ization")


def _is_letter_or_digit(c: str) -> bool:
    return not unicodedata.category(c).startswith(("P", "S", "Z", "C"))


def _next_visible(chars: list[str], i: int) -> str:
    return next((n for n in chars[i + 1 :] if not n.isspace()), "")


_EXAMPLES = (1200, 3400, 7800, 45600)
_SCALED_EXAMPLES = ("2.5", "7.5", "12.5", "45.5")


def number_examples(q: Numeric) -> tuple[str, str, str]:
    """One example number typed three ways, for the input's hint. It is never the answer
    nor anything the question accepts, so the hint gives nothing away. With a unit such as
    "billion dollars" the example is in billions: 2.5, 2.5 billion, 2,500,000,000."""
    scale, _ = unit_scale(q.unit)
    if scale > 1:
        word = (q.unit or "").split()[0]
        value = next(
            (Decimal(e) for e in _SCALED_EXAMPLES if _numeric_fraction(q, Decimal(e)) == 0),
            Decimal("98.5"),
        )
        return f"{value}", f"{value} {word}", format_number(value * scale)
    example = next((e for e in _EXAMPLES if _numeric_fraction(q, Decimal(e)) == 0), 98700)
    return f"{example}", f"{example:,}", f"{format_number(Decimal(example) / 1000)}k"
