"""Grading at its edges: units spelled like scale words, tolerances with a scaled unit,
what a grade carries, partial credit, and the hint's example numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.grading import (
    InvalidAnswer,
    answer_text,
    expected_text,
    grade,
    model_answer,
    normalise_text,
    number_examples,
    numeric_key,
    parse_number,
)
from quizzes.model import AnyQuestion, Question
from seeds.validation import parse


def make(data: dict) -> Question:
    return parse(AnyQuestion, {"id": "q7", "prompt": "p", **data})


def numeric(answer: str, unit: str | None = None, **more: str) -> Question:
    return make({"type": "numeric", "answer": answer, "unit": unit, **more})


# A unit that starts with "m" or "k" is not a million or a thousand -----------------------


@pytest.mark.parametrize("typed", ["5", "5 m", "5m", "5 M", " 5 m "])
def test_metres_typed_with_their_unit_are_metres_not_millions(typed):
    """ "m" is a scale word ("5m" = 5 million), but for a question in metres "5 m" is 5."""
    assert grade(numeric("5", "m"), typed).correct


@pytest.mark.parametrize("typed", ["5000000", "5 million", "5 million m", "5000 k"])
def test_a_million_is_not_metres(typed):
    assert not grade(numeric("5", "m"), typed).correct


@pytest.mark.parametrize(
    ("unit", "answer", "typed"),
    [
        ("m/s", "12", "12 m/s"),
        ("mph", "70", "70 mph"),
        ("ml", "250", "250 ml"),
        ("km", "8", "8 km"),
    ],
)
def test_units_that_begin_with_a_scale_letter_are_read_as_units(unit, answer, typed):
    q = numeric(answer, unit)
    assert grade(q, typed).correct
    assert not grade(q, str(Decimal(answer) * 10**6)).correct
    assert parse_number(typed, unit) == Decimal(answer)


def test_a_scale_word_still_scales_a_unit_of_its_own_words():
    """'5 m' for "million dollars" is 5 million; for "dollars" too, as typed."""
    assert grade(numeric("5", "million dollars"), "5 m").correct
    assert grade(numeric("5000000", "dollars"), "5m").correct
    assert not grade(numeric("5", "dollars"), "5m").correct


# A tolerance with a scaled unit ----------------------------------------------------------


def test_a_tolerance_is_in_the_units_terms_for_a_scaled_unit():
    """Answer 6 billion dollars within 0.5 (billion): every way of typing 6.4 billion is
    right, 6.6 billion is not."""
    q = numeric("6", "billion dollars", tolerance="0.5")
    for typed in ("6.4", "6.4 billion", "6,400,000,000", "5.5", "6.5bn"):
        assert grade(q, typed).correct, typed
    for typed in ("6.6", "6.6 billion", "6,600,000,000", "5.4", "7 billion", "0"):
        assert not grade(q, typed).correct, typed


def test_a_percent_tolerance_with_a_scaled_unit():
    q = numeric("200", "million people", tolerance="10%")
    assert grade(q, "219 million").correct
    assert grade(q, "180").correct
    assert not grade(q, "221 million").correct
    assert not grade(q, "179,000,000").correct


@given(
    st.decimals(min_value=1, max_value=999, places=1),
    st.decimals(min_value=0, max_value=5, places=1),
    st.decimals(min_value=-10, max_value=10, places=1),
)
def test_a_tolerance_allows_exactly_its_slack_at_any_scale(answer, slack, offset):
    """Typed in the unit's terms or in full, a value is right exactly when it is within
    the tolerance of the answer (both in the unit's terms). In full means at least one
    unit of the scale: 900,000 for millions is read as 900,000 million."""
    q = numeric(str(answer), "million tonnes", tolerance=str(slack))
    typed = answer + offset
    right = abs(offset) <= slack
    assert grade(q, f"{typed} million").correct is right
    if abs(typed) >= 1:
        assert grade(q, f"{typed * 10**6:f}").correct is right


# What a grade carries --------------------------------------------------------------------


def test_the_grade_names_its_question_and_scores_in_points():
    q = make(
        {
            "type": "multi",
            "choices": ["A", "B", "C", "D"],
            "answers": ["A", "B"],
            "points": "3",
        }
    )
    half = grade(q, ["A"])
    assert (half.question_id, half.score, half.points, half.fraction) == ("q7", 1.5, 3, 0.5)
    assert not half.correct and half.given == "A"
    full = grade(q, ["B", "A"])
    assert (full.question_id, full.correct, full.score, full.fraction) == ("q7", True, 3, 1.0)
    none = grade(q, [])
    assert (none.score, none.fraction, none.given) == (0, 0.0, "(nothing picked)")


@pytest.mark.parametrize(
    ("picked", "fraction"),
    [
        (["A", "B", "C"], 1.0),
        (["A", "B"], Decimal(2) / 3),
        (["A", "B", "D"], Decimal(1) / 3),
        (["A", "D", "E"], 0.0),
        (["D"], 0.0),
        (["A", "B", "C", "D"], Decimal(2) / 3),
    ],
)
def test_partial_credit_is_right_picks_less_wrong_picks_over_the_right_ones(picked, fraction):
    q = make(
        {
            "type": "multi",
            "choices": ["A", "B", "C", "D", "E"],
            "answers": ["A", "B", "C"],
        }
    )
    graded = grade(q, picked)
    assert graded.fraction == pytest.approx(float(fraction), abs=1e-4)
    assert graded.correct is (fraction == 1)


def test_feedback_and_expected_text_follow_the_verdict():
    q = make({"type": "order", "items": ["a", "b", "c", "d"]})
    right, partly, wrong = grade(q, list("abcd")), grade(q, list("abdc")), grade(q, list("dcba"))
    assert right.correct and right.feedback.startswith("Correct")
    assert partly.fraction == 0.5 and "50%" in partly.feedback
    assert "a → b → c → d" in partly.feedback and "a → b → c → d" in wrong.feedback
    assert wrong.fraction == 0 and not wrong.feedback.startswith(("Correct", "Partly"))
    assert partly.given == "a → b → d → c"


def test_an_explanation_that_only_repeats_the_answer_is_dropped():
    said = make({"type": "text", "accept": ["Rome"], "explanation": "rome!"})
    kept = make({"type": "text", "accept": ["Rome"], "explanation": "The capital."})
    assert grade(said, "Paris").explanation == ""
    assert grade(kept, "Paris").explanation == "The capital."


@pytest.mark.parametrize(
    ("data", "answer", "fraction"),
    [
        ({"type": "choice", "choices": ["A", "B"], "answer": "B"}, "B", 1.0),
        ({"type": "choice", "choices": ["A", "B"], "answer": "B"}, "A", 0.0),
        ({"type": "truefalse", "answer": True}, True, 1.0),
        ({"type": "truefalse", "answer": True}, False, 0.0),
        ({"type": "text", "accept": ["x y"]}, "X-Y", 1.0),
        (
            {
                "type": "match",
                "pairs": [
                    {"left": "a", "right": "1"},
                    {"left": "b", "right": "2"},
                    {"left": "c", "right": "3"},
                    {"left": "d", "right": "4"},
                ],
            },
            {"a": "1", "b": "3", "c": "3", "d": "4"},
            0.75,
        ),
    ],
)
def test_each_type_grades_its_answers(data, answer, fraction):
    assert grade(make(data), answer).fraction == fraction


@pytest.mark.parametrize(
    ("data", "answer"),
    [
        ({"type": "choice", "choices": ["A", "B"], "answer": "B"}, 2),
        ({"type": "multi", "choices": ["A", "B"], "answers": ["A"]}, "A"),
        ({"type": "multi", "choices": ["A", "B"], "answers": ["A"]}, ["A", 1]),
        ({"type": "truefalse", "answer": True}, "true"),
        ({"type": "match", "pairs": [{"left": "a", "right": "1"}] * 2}, ["a"]),
        ({"type": "order", "items": ["a", "b"]}, ["a", "a"]),
        ({"type": "order", "items": ["a", "b"]}, ["a"]),
        ({"type": "numeric", "answer": "5"}, None),
        ({"type": "numeric", "answer": "5"}, ""),
        ({"type": "numeric", "answer": "5", "unit": "people"}, "5 dollars"),
        ({"type": "numeric", "answer": "5"}, "5 people"),
    ],
)
def test_an_answer_of_the_wrong_form_is_invalid_not_wrong(data, answer):
    with pytest.raises(InvalidAnswer):
        grade(make(data), answer)


def test_an_answer_that_reads_two_ways_is_asked_again_only_when_it_matters():
    q = numeric("5", "people")
    with pytest.raises(InvalidAnswer, match="5,000"):
        grade(q, "5.000")  # 5 is right, 5000 is not: the student must say which
    both_wrong = grade(numeric("7", "people"), "5.000")
    assert not both_wrong.correct
    with pytest.raises(InvalidAnswer):
        parse_number("5.000")
    assert parse_number("-5.5") == Decimal("-5.5")


def test_numbers_given_as_numbers_grade_as_typed():
    q = numeric("2.5", "percent")
    assert grade(q, Decimal("2.5")).correct and grade(q, 2.5).correct
    assert not grade(q, 2).correct and not grade(q, 3).correct
    assert grade(numeric("3", "percent"), 3).given == "3 percent"
    assert parse_number(7) == 7 and parse_number(0.5) == Decimal("0.5")
    with pytest.raises(InvalidAnswer):
        parse_number(True)


def test_a_bare_small_number_for_a_scaled_unit_is_in_the_units_terms():
    q = numeric("2", "billion dollars")
    assert grade(q, "2").correct
    assert grade(q, "2000000000").correct
    assert not grade(numeric("0", "billion dollars"), "2").correct
    assert grade(numeric("0", "billion dollars"), "0").correct


def test_expected_text_and_answer_key_of_a_number():
    q = numeric("6", "billion U.S. dollars", display="6 billion", tolerance="0.5")
    assert expected_text(q) == "6 billion U.S. dollars (within 0.5)"
    assert numeric_key(q) == "6 billion U.S. dollars"
    assert grade(q, numeric_key(q)).correct
    plain = numeric("12", "storms", display="a dozen")
    assert numeric_key(plain) == "12 storms" and grade(plain, numeric_key(plain)).correct
    no_slack = numeric("12", "storms", tolerance="0")
    assert expected_text(no_slack) == "12 storms"
    assert model_answer(no_slack) == 12
    assert answer_text(no_slack, Decimal("12.50")) == "12.5 storms"


def test_the_hint_examples_are_never_right():
    for answer in ("1200", "3400", "7800"):
        q = numeric(answer, "people")
        examples = number_examples(q)
        assert examples[0] != answer
        assert not any(grade(q, e).correct for e in examples)
    assert number_examples(numeric("5", "people")) == ("1200", "1,200", "1.2k")
    scaled = number_examples(numeric("2.5", "billion dollars"))
    assert scaled == ("7.5", "7.5 billion", "7,500,000,000")
    assert number_examples(numeric("1", "million people")) == (
        "2.5",
        "2.5 million",
        "2,500,000",
    )


# Free text outside ASCII --------------------------------------------------------------


@pytest.fixture
def uncached():
    """Comparison keys are cached; these tests compute theirs afresh."""
    normalise_text.cache_clear()


@pytest.mark.parametrize(
    ("accepted", "typed"),
    [
        ("Zürich Łódź", "zurich lodz"),
        ("Großstraße", "grossstrasse"),
        ("«Ærø»", "aero"),  # quotation marks are punctuation (P)
        ("Zeta € ♯ °", "zeta"),  # symbols (S)
        ("Omega\u00a0Psi", "omega psi"),  # a no-break space (Z)
        ("Sigma\u200bTau", "sigmatau"),  # a zero-width space, a format character (C)
        ("über—alles", "Uber alles"),
        ("−  7 °F", "-7F"),  # a sign and the number after spaces
        ("Grade Ü−", "grade u-"),  # a minus that ends a word
    ],
)
def test_text_outside_ascii_compares_by_letters_digits_and_signs(accepted, typed, uncached):
    assert grade(make({"type": "text", "accept": [accepted]}), typed).correct


@pytest.mark.parametrize(
    ("accepted", "typed"),
    [
        ("−  9 °K", "9K"),  # the sign is kept after spaces
        ("Mark Ö−", "mark o"),  # so is a minus after a word
        ("Ψ 12", "Ψ 13"),
    ],
)
def test_text_outside_ascii_keeps_what_carries_meaning(accepted, typed, uncached):
    assert not grade(make({"type": "text", "accept": [accepted]}), typed).correct


def test_a_scaled_number_typed_for_a_small_share_of_the_units_scale():
    """0.002 billion dollars typed as "2 million" is right: a scaled reading is taken as
    typed, never multiplied by the unit's scale again."""
    q = numeric("0.002", "billion dollars")
    assert grade(q, "2 million").correct
    assert grade(q, "0.002 billion").correct
    assert not grade(q, "2").correct


def test_exactly_one_unit_of_the_scale_typed_in_full():
    assert grade(numeric("1", "billion dollars"), "1000000000").correct
    assert grade(numeric("1", "billion dollars"), "1,000,000,000 dollars").correct


def test_unit_words_after_a_number_singular_or_plural():
    assert grade(numeric("1", "agencies"), "1 agency").correct
    assert grade(numeric("3", "agencies"), "3 agencies").correct
    assert parse_number("5 people", "people") == 5
    assert parse_number("1 agency", "agencies") == 1
    with pytest.raises(InvalidAnswer):
        parse_number("5 people")


@pytest.mark.parametrize(
    ("typed", "small", "large"), [("5.000", "5", "5000"), ("+1.500", "1.5", "1500")]
)
def test_an_ambiguous_number_is_answered_with_both_readings_to_type(typed, small, large):
    """The message offers the two readings in forms that read one way only."""
    with pytest.raises(InvalidAnswer) as asked:
        parse_number(typed)
    offered = str(asked.value)
    assert f" {small} or {large} " in offered
    assert parse_number(small) == Decimal(small) and parse_number(large) == Decimal(large)


def test_a_grade_without_a_pack_has_no_fact_quote_or_source():
    graded = grade(make({"type": "truefalse", "answer": True}), True)
    assert (graded.fact, graded.quote, graded.quote_by, graded.citation) == (None, "", "", "")
    assert graded.explanation == ""


def test_partial_credit_is_kept_to_four_places():
    q = make({"type": "multi", "choices": ["A", "B", "C", "D"], "answers": ["A", "B", "C"]})
    assert grade(q, ["A"]).score == Decimal("0.3333")


def test_a_number_as_the_answer_to_another_type_reads_as_a_number():
    q = make({"type": "choice", "choices": ["A", "B"], "answer": "A"})
    assert answer_text(q, Decimal("1500")) == "1,500"


def test_an_answer_key_keeps_a_display_in_figures():
    q = numeric("6000000000", "U.S. dollars", display="$6bn")
    assert numeric_key(q) == "$6bn"
    assert grade(q, numeric_key(q)).correct


def test_when_every_example_would_be_right_the_hint_uses_a_far_one():
    assert number_examples(numeric("1", "billion dollars", tolerance="100")) == (
        "98.5",
        "98.5 billion",
        "98,500,000,000",
    )
    assert number_examples(numeric("1000", "people", tolerance="50000")) == (
        "98700",
        "98,700",
        "98.7k",
    )
