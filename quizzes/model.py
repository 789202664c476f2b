"""Question sets as validated data: seven question types, each pointing at a fact."""

from __future__ import annotations

import re
from dataclasses import field
from decimal import Decimal
from typing import Annotated, Literal

from seeds.frozen import record
from seeds.model import Amount, Id, Text, check_display, check_range_display
from seeds.numbers import read_range
from seeds.rules import Strict, before, described, json_schema
from seeds.rules import field as rule

Difficulty = Literal["easy", "medium", "hard"]
QUESTION_TYPES = ("choice", "multi", "truefalse", "numeric", "text", "match", "order")


@record(kw_only=True)
class Question(Strict):
    type: str  # each type's class narrows it to its own name
    id: Id
    prompt: Text
    fact: Annotated[Id | None, described("Id of the pack fact this question tests.")] = None
    tags: list[Id] = field(default_factory=list)
    difficulty: Difficulty = "medium"
    points: Annotated[Decimal, rule(gt=0, le=100)] = Decimal(1)
    explanation: Annotated[
        str | None,
        described("Shown after answering; default: the fact's statement and quote."),
    ] = None


@record(kw_only=True)
class Choice(Question):
    """Pick one of the choices."""

    type: Literal["choice"]
    choices: list[Text]
    answer: Annotated[Text | list[Text], described("The text of the one right choice.")]


@record(kw_only=True)
class Multi(Question):
    """Pick every right choice; partial credit is right picks minus wrong picks."""

    type: Literal["multi"]
    choices: list[Text]
    answers: Annotated[list[Text], rule(min_length=1)]


@record(kw_only=True)
class TrueFalse(Question):
    """The prompt is a statement; is it true?"""

    type: Literal["truefalse"]
    answer: bool


@record(kw_only=True)
class Tolerance(Strict):
    amount: Amount
    percent: bool

    def allows(self, expected: Decimal, given: Decimal) -> bool:
        slack = abs(expected) * self.amount / 100 if self.percent else self.amount
        return abs(given - expected) <= slack

    def __str__(self) -> str:
        return f"{self.amount.normalize():f}%" if self.percent else f"{self.amount.normalize():f}"


_TOLERANCE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(%?)\s*$")


def _parse_tolerance(value: object) -> object:
    if isinstance(value, str):
        match = _TOLERANCE.match(value)
        if not match:
            raise ValueError(
                f"tolerance '{value}' is not a number or a percentage; write e.g. 100 or 5%"
            )
        return {"amount": match[1], "percent": bool(match[2])}
    return value


@record(kw_only=True)
class Numeric(Question):
    """A number, within an optional tolerance (absolute, or percent with a % sign)."""

    type: Literal["numeric"]
    answer: Amount
    # Written as a number or a percentage (`100`, `5%`); the editor schema says so.
    tolerance: Annotated[
        Tolerance | None,
        before(_parse_tolerance),
        json_schema(
            {
                "anyOf": [
                    {"type": "number"},
                    {"type": "string", "pattern": r"^\s*-?\d+(\.\d+)?\s*%?\s*$"},
                    {"type": "null"},
                ]
            }
        ),
    ] = None
    unit: str | None = None
    display: Annotated[
        str | None,
        described(
            "How the answer is printed, e.g. '6 billion' (default: its digits, 6,000,000,000)."
        ),
    ] = None

    def __post_init__(self) -> None:
        if self.display and read_range(self.display):
            # A range ("12–17") is the answer give or take an absolute tolerance.
            slack = self.tolerance.amount if self.tolerance and not self.tolerance.percent else 0
            low, high = self.answer - slack, self.answer + slack
            check_range_display(self.display, low, high, self.unit or "")
        else:
            check_display(self.display, self.answer, self.unit)

    @property
    def shows_range(self) -> bool:
        """The display is a range, which says what the tolerance accepts."""
        return bool(self.display and read_range(self.display))


@record(kw_only=True)
class FreeText(Question):
    """Typed text; case, surrounding spaces, punctuation and diacritics are ignored."""

    type: Literal["text"]
    accept: Annotated[list[Text], rule(min_length=1)]


@record(kw_only=True)
class Pair(Strict):
    left: Text
    right: Text


@record(kw_only=True)
class Match(Question):
    """Pair each left side with its right side; credit per pair."""

    type: Literal["match"]
    pairs: list[Pair]


@record(kw_only=True)
class Order(Question):
    """Put the items in order (written here in the right order); credit by position."""

    type: Literal["order"]
    items: list[Text]


AnyQuestion = Annotated[
    Choice | Multi | TrueFalse | Numeric | FreeText | Match | Order, rule(discriminator="type")
]


@record(kw_only=True)
class QuestionSet(Strict):
    id: Id
    title: Text
    description: str = ""
    pack: Id
    questions: Annotated[list[AnyQuestion], rule(min_length=1)]
