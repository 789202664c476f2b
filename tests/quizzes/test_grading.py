"""Grading every question type, with its edge cases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quizzes.grading import InvalidAnswer, grade, model_answer, normalise_text, parse_number
from quizzes.model import AnyQuestion, Question
from seeds.validation import parse


def make(data: dict) -> Question:
    return parse(AnyQuestion, data)


CHOICE = make(
    {"type": "choice", "id": "c", "prompt": "p", "choices": ["A", "B", "C"], "answer": "B"}
)
MULTI = make(
    {
        "type": "multi",
        "id": "m",
        "prompt": "p",
        "choices": ["A", "B", "C", "D"],
        "answers": ["A", "B"],
        "points": "2",
    }
)
TF = make({"type": "truefalse", "id": "t", "prompt": "p", "answer": "false"})
NUM = make({"type": "numeric", "id": "n", "prompt": "p", "answer": "5000", "unit": "people"})
TEXT = make(
    {
        "type": "text",
        "id": "x",
        "prompt": "p",
        "accept": ["Shanghai Cooperation Organisation", "SCO"],
    }
)
MATCH = make(
    {
        "type": "match",
        "id": "ma",
        "prompt": "p",
        "pairs": [
            {"left": "Li Wei", "right": "CICIR"},
            {"left": "Wang Hongwei", "right": "Renmin"},
            {"left": "Xi", "right": "President"},
            {"left": "SCO", "right": "Grouping"},
        ],
    }
)
ORDER = make({"type": "order", "id": "o", "prompt": "p", "items": ["a", "b", "c", "d"]})


def test_choice_is_exact():
    assert grade(CHOICE, "B").correct
    wrong = grade(CHOICE, "A")
    assert (wrong.correct, wrong.score, wrong.expected) == (False, 0, "B")
    assert wrong.feedback == "Not correct. The answer is: B"
    assert not grade(CHOICE, "b").correct


@pytest.mark.parametrize(
    ("picked", "score", "correct"),
    [
        (["A", "B"], Decimal(2), True),
        (["B", "A"], Decimal(2), True),
        (["A"], Decimal(1), False),  # one of two right picks
        (["A", "C"], Decimal(0), False),  # one right minus one wrong
        (["A", "B", "C"], Decimal(1), False),  # two right minus one wrong, of two
        (["C", "D"], Decimal(0), False),  # floor at zero, never negative
        ([], Decimal(0), False),
    ],
)
def test_multi_gives_partial_credit_right_minus_wrong(picked, score, correct):
    result = grade(MULTI, picked)
    assert (result.score, result.correct, result.points) == (score, correct, Decimal(2))


def test_multi_partial_feedback_says_partly():
    assert grade(MULTI, ["A"]).feedback.startswith("Partly correct (50%)")


def test_truefalse_needs_a_boolean():
    assert grade(TF, False).correct and not grade(TF, True).correct
    with pytest.raises(InvalidAnswer):
        grade(TF, "false")


@pytest.mark.parametrize(
    "typed",
    [
        "5000",
        "5,000",
        "5 000",
        "5k",
        "5K",
        " 5000 ",
        "5.0k",
        "5000 people",
        "5\u202f000",
        "5000.0",
        "0.005 million",
    ],
)
def test_numeric_accepts_the_ways_people_type_numbers(typed):
    assert grade(NUM, typed).correct, typed


@pytest.mark.parametrize(
    "typed", ["five thousand", "", "5,00", "5000!", "1e3", "--5", "k", "50 00 0"]
)
def test_numeric_rejects_non_numbers_with_a_message_not_a_mark(typed):
    with pytest.raises(InvalidAnswer, match=r"not a number|type a number"):
        grade(NUM, typed)


def test_numeric_wrong_number_and_tolerance():
    assert not grade(NUM, "4999").correct
    near = make({"type": "numeric", "id": "n2", "prompt": "p", "answer": "200", "tolerance": "5%"})
    assert grade(near, "210").correct and not grade(near, "211").correct
    absolute = make(
        {"type": "numeric", "id": "n3", "prompt": "p", "answer": "2022", "tolerance": "1"}
    )
    assert grade(absolute, "2021").correct and not grade(absolute, "2020").correct
    assert parse_number("-3.5") == Decimal("-3.5")


def test_text_ignores_case_spaces_punctuation_and_diacritics():
    for typed in (
        "sco",
        "  S.C.O. ",
        "shanghai cooperation organisation!",
        "Shanghai  Coöperation   Organisation",
    ):
        assert grade(TEXT, typed).correct, typed
    assert not grade(TEXT, "SCOO").correct
    assert grade(TEXT, "Shanghai Cooperation Organization").correct
    assert normalise_text("Łódź, Erdoğan") == normalise_text("lodz erdogan") == "lodzerdogan"
    assert normalise_text("anti-terrorism") == normalise_text("Anti terrorism")


def test_match_credits_each_pair():
    right = model_answer(MATCH)
    assert grade(MATCH, right).correct
    half = dict(right, **{"Li Wei": "Renmin", "Wang Hongwei": "CICIR"})
    result = grade(MATCH, half)
    assert (result.correct, result.fraction) == (False, 0.5)
    assert grade(MATCH, {}).score == 0


def test_order_exact_and_partial_by_position():
    assert grade(ORDER, ["a", "b", "c", "d"]).correct
    result = grade(ORDER, ["a", "c", "b", "d"])
    assert (result.correct, result.fraction) == (False, 0.5)
    with pytest.raises(InvalidAnswer):
        grade(ORDER, ["a", "b", "c"])


def test_model_answer_grades_fully_correct_for_every_type():
    for question in (CHOICE, MULTI, TF, NUM, TEXT, MATCH, ORDER):
        assert grade(question, model_answer(question)).correct


def test_grade_carries_the_fact_its_quote_and_citation(gsi):
    question = make(
        {
            "type": "numeric",
            "id": "q",
            "prompt": "p",
            "answer": "5000",
            "fact": "gsi-training-places",
        }
    )
    result = grade(question, "5000", gsi.pack)
    assert result.fact.id == "gsi-training-places"
    assert result.explanation == result.fact.statement
    assert result.quote == "5,000 training opportunities"
    assert "Global Security Initiative" in result.citation
    quoted = make(
        {
            "type": "truefalse",
            "id": "q2",
            "prompt": "p",
            "answer": "true",
            "fact": "li-wei-responsibility",
            "explanation": "Own words.",
        }
    )
    result = grade(quoted, True, gsi.pack)
    assert result.explanation == "Own words."
    assert result.quote_by == "Li Wei" and "Li Wei" not in result.quote


@pytest.mark.parametrize(
    ("accepted", "typed"),
    [
        ("1:30", "130"),
        ("1:30", "13:0"),
        ("C++", "C"),
        ("C#", "C"),
        ("-5", "5"),
        ("5", "-5"),
        ("−5", "5"),
        ("3.5", "35"),
        ("1/2", "12"),
        ("50%", "50"),
        ("5 000", "50 00"),
        ("A-", "A"),  # a grade: A minus is not A
        ("A", "A-"),
        ("B+", "B"),
        ("Grade B-", "grade b"),
    ],
)
def test_text_keeps_characters_that_carry_meaning(accepted, typed):
    question = make({"type": "text", "id": "k", "prompt": "p", "accept": [accepted]})
    assert grade(question, accepted).correct
    assert not grade(question, typed).correct, (accepted, typed)


@pytest.mark.parametrize(
    ("accepted", "typed"),
    [
        ("1:30", " 1:30. "),
        ("C++", "c++!"),
        ("-5", "−5"),
        ("-5", "- 5"),
        ("C#", "c#."),
        ("Hu Jintao", "hu-jintao"),
        ("anti-terrorism", "Anti terrorism"),
        ("3.5", "3.5."),
        ("Xi's offer", "xis offer"),
        ("10 km", "10km"),
        ("5,000", "5000"),
        ("5 000", "5,000"),
        ("A-", "a−"),  # a minus sign or a dash is the same minus
        ("A-", "a–."),
        ("A-", " A- "),
    ],
)
def test_text_still_ignores_case_spacing_and_trailing_punctuation(accepted, typed):
    question = make({"type": "text", "id": "k", "prompt": "p", "accept": [accepted]})
    assert grade(question, typed).correct, (accepted, typed)
