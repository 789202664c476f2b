"""The key stored with each answer: what grading reads, compared in one canonical form."""

from __future__ import annotations

from decimal import Decimal

from quizzes.answerkey import describe, grading_of, key_of, options_of
from quizzes.model import Choice, Numeric, Order, Tolerance


def choice(**changes) -> Choice:
    fields = dict(
        type="choice",
        id="q",
        prompt="How long?",
        choices=["One year", "Five years", "Ten years"],
        answer="Five years",
    )
    fields.update(changes)
    return Choice(**fields)


def test_a_reworded_prompt_or_reordered_choices_keep_the_key():
    same = grading_of(key_of(choice()))
    assert grading_of(key_of(choice(prompt="Over how long?"))) == same
    assert grading_of(key_of(choice(choices=["Ten years", "One year", "Five years"]))) == same


def test_a_new_answer_choice_or_points_is_another_key():
    same = grading_of(key_of(choice()))
    assert grading_of(key_of(choice(answer="Ten years"))) != same
    assert grading_of(key_of(choice(choices=["One year", "Five years", "10 years"]))) != same
    assert grading_of(key_of(choice(points=2))) != same


def test_an_order_questions_item_order_is_its_key():
    first = Order(type="order", id="o", prompt="Order", items=["a", "b", "c"])
    other = Order(type="order", id="o", prompt="Order", items=["b", "a", "c"])
    assert grading_of(key_of(first)) != grading_of(key_of(other))


def test_keys_read_for_a_teacher():
    assert options_of(key_of(choice())) == (
        ("One year", "Five years", "Ten years"),
        ("Five years",),
    )
    assert describe(key_of(choice())) == "“Five years”"
    numeric = Numeric(
        type="numeric",
        id="n",
        prompt="How many?",
        answer=Decimal("5000.000000"),
        tolerance=Tolerance(amount=Decimal(5), percent=True),
    )
    assert describe(key_of(numeric)) == "5000 (within 5%)"
