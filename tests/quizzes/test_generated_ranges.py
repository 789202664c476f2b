"""Automatic questions on ranges and bounds: a number inside a range is right, range
choices never overlap the right one, and a bound's options all carry its word."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from quizzes.generate import automatic_set
from quizzes.grading import expected_text, grade
from quizzes.model import Choice, Numeric
from seeds.model import Figure, Pack
from seeds.packs import load_pack
from seeds.validation import parse
from tests.conftest import TEST_PACKS


def outlook() -> Pack:
    loaded, _ = load_pack(TEST_PACKS / "storm-outlook" / "pack.yaml")
    assert loaded is not None
    return loaded.pack


def questions(pack: Pack, fact: str) -> dict[str, object]:
    return {q.type: q for q in automatic_set(pack).questions if q.fact == fact}


def ends(option: str) -> tuple[Decimal, Decimal]:
    low, high = re.match(r"^([\d,.]+)–([\d,.]+)", option).groups()  # type: ignore[union-attr]
    return Decimal(low.replace(",", "")), Decimal(high.replace(",", ""))


def test_a_range_is_asked_as_a_range():
    asked = questions(outlook(), "named-storms-forecast")
    numeric, choice = asked["numeric"], asked["choice"]
    assert isinstance(numeric, Numeric) and isinstance(choice, Choice)
    assert "12" not in numeric.prompt and "17" not in numeric.prompt  # gives nothing away
    assert expected_text(numeric) == "12–17 named storms"
    assert [grade(numeric, n).fraction for n in ("11", "12", "15", "17", "18")] == [
        0.0,
        1.0,
        1.0,
        1.0,
        0.0,
    ]
    assert choice.answer == "12–17 named storms"
    for option in choice.choices:
        low, high = ends(option)
        assert option == choice.answer or high < 12 or low > 17, option
        assert high - low == 5, option  # same width: the form gives nothing away


def test_a_bound_is_asked_with_its_word_on_every_option():
    asked = questions(outlook(), "damage-2025")
    assert set(asked) == {"choice"}  # a typed number could not say "about"
    choice = asked["choice"]
    assert isinstance(choice, Choice) and choice.answer == "about $41 billion"
    assert all(option.startswith("about $") for option in choice.choices), choice.choices
    assert len(set(choice.choices)) == len(choice.choices) >= 3


@example(0, 1, "billion U.S. dollars")  # "2" is 2 billion, not 2 dollars inside the range
@given(
    st.integers(0, 10_000),
    st.integers(1, 500),
    st.sampled_from(["named storms", "percent", "billion U.S. dollars", "tonnes"]),
)
def test_any_range_figure_gets_questions_with_one_right_option(low, width, unit):
    if unit == "percent":
        low, width = low % 90, min(width, 10)
    figure = parse(
        Figure,
        {
            "id": "f",
            "label": "The range",
            "statement": "A range.",
            "range": [low, low + width],
            "unit": unit,
        },
    )
    pack = dataclasses.replace(outlook(), figures=[figure])
    asked = questions(pack, "f")
    numeric = asked["numeric"]
    assert isinstance(numeric, Numeric)
    assert grade(numeric, str(low)).fraction == grade(numeric, str(low + width)).fraction == 1
    assert grade(numeric, str(low + width + 1)).fraction == 0
    choice = asked.get("choice")
    if choice is not None:
        assert isinstance(choice, Choice)
        right = [o for o in choice.choices if ends(o) == (low, low + width)]
        assert right == [choice.answer]
        for option in choice.choices:
            a, b = ends(option)
            assert option == choice.answer or b < low or a > low + width
            if unit == "percent":
                assert a >= 0 and b <= 100
