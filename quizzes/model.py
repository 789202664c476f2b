"""Question sets as validated data: seven question types, each pointing at a fact."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from seeds.model import Amount, Id, Text, check_display

Difficulty = Literal["easy", "medium", "hard"]
QUESTION_TYPES = ("choice", "multi", "truefalse", "numeric", "text", "match", "order")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Question(Strict):
    type: str  # each type's class narrows it to its own name
    id: Id
    prompt: Text
    fact: Id | None = Field(None, description="Id of the pack fact this question tests.")
    tags: list[Id] = []
    difficulty: Difficulty = "medium"
    points: Annotated[Decimal, Field(gt=0, le=100)] = Decimal(1)
    explanation: str | None = Field(
        None, description="Shown after answering; default: the fact's statement and quote."
    )


class Choice(Question):
    """Pick one of the choices."""

    type: Literal["choice"]
    choices: list[Text]
    answer: Text | list[Text] = Field(description="The text of the one right choice.")


class Multi(Question):
    """Pick every right choice; partial credit is right picks minus wrong picks."""

    type: Literal["multi"]
    choices: list[Text]
    answers: list[Text] = Field(min_length=1)


class TrueFalse(Question):
    """The prompt is a statement; is it true?"""

    type: Literal["truefalse"]
    answer: bool


class Tolerance(Strict):
    amount: Amount
    percent: bool

    def allows(self, expected: Decimal, given: Decimal) -> bool:
        slack = abs(expected) * self.amount / 100 if self.percent else self.amount
        return abs(given - expected) <= slack

    def __str__(self) -> str:
        return f"{self.amount.normalize():f}%" if self.percent else f"{self.amount.normalize():f}"


_TOLERANCE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(%?)\s*$")


class Numeric(Question):
    """A number, within an optional tolerance (absolute, or percent with a % sign)."""

    type: Literal["numeric"]
    answer: Amount
    # Written as a number or a percentage (`100`, `5%`); the editor schema says so.
    tolerance: Annotated[
        Tolerance | None,
        WithJsonSchema(
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
    display: str | None = Field(
        None,
        description="How the answer is printed, e.g. "
        "'6 billion' (default: its digits, 6,000,000,000).",
    )

    @field_validator("tolerance", mode="before")
    @classmethod
    def _parse_tolerance(cls, value: object) -> object:
        if isinstance(value, str):
            match = _TOLERANCE.match(value)
            if not match:
                raise ValueError(
                    f"tolerance '{value}' is not a number or a percentage; write e.g. 100 or 5%"
                )
            return {"amount": match[1], "percent": bool(match[2])}
        return value

    @model_validator(mode="after")
    def _display_agrees(self) -> Numeric:
        check_display(self.display, self.answer, self.unit)
        return self


class FreeText(Question):
    """Typed text; case, surrounding spaces, punctuation and diacritics are ignored."""

    type: Literal["text"]
    accept: list[Text] = Field(min_length=1)


class Pair(Strict):
    left: Text
    right: Text


class Match(Question):
    """Pair each left side with its right side; credit per pair."""

    type: Literal["match"]
    pairs: list[Pair]


class Order(Question):
    """Put the items in order (written here in the right order); credit by position."""

    type: Literal["order"]
    items: list[Text]


AnyQuestion = Annotated[
    Choice | Multi | TrueFalse | Numeric | FreeText | Match | Order, Field(discriminator="type")
]


class QuestionSet(Strict):
    id: Id
    title: Text
    description: str = ""
    pack: Id
    questions: list[AnyQuestion] = Field(min_length=1)
