"""The generator: deterministic, every question explained by a fact."""

from __future__ import annotations

import itertools

from quizzes.generate import automatic_set
from quizzes.grading import grade, model_answer
from quizzes.model import Choice, Numeric, Order


def test_generated_set_is_deterministic_per_seed(gsi):
    assert automatic_set(gsi.pack, seed=1) == automatic_set(gsi.pack, seed=1)
    assert automatic_set(gsi.pack, seed=1) != automatic_set(gsi.pack, seed=2)


def test_every_generated_question_has_a_fact_and_a_right_answer(gsi):
    facts = gsi.pack.facts()
    qset = automatic_set(gsi.pack)
    assert len({q.id for q in qset.questions}) == len(qset.questions)
    for question in qset.questions:
        assert question.fact in facts
        result = grade(question, model_answer(question), gsi.pack)
        assert result.correct and result.explanation


def test_every_fact_of_the_bundled_pack_is_covered(gsi):
    tested = {q.fact for q in automatic_set(gsi.pack).questions}
    missing = set(gsi.pack.facts()) - tested
    # Only events may share the order question; each still has its own "when" question.
    assert not missing


def test_figure_distractors_are_other_figures_or_scalings(gsi):
    qset = automatic_set(gsi.pack)
    choice = next(
        q for q in qset.questions if isinstance(q, Choice) and q.fact == "gsi-training-places"
    )
    assert choice.answer == "5,000 people to be trained"
    assert len(set(choice.choices)) == len(choice.choices) == 4
    assert "2,000 people to be trained" in choice.choices
    numeric = next(
        q for q in qset.questions if isinstance(q, Numeric) and q.fact == "solomon-officers-course"
    )
    assert numeric.answer == 32


def test_events_order_question_is_chronological(gsi):
    order = next(q for q in automatic_set(gsi.pack).questions if isinstance(q, Order))
    dates = {e.title: e.date for e in gsi.pack.events}
    keyed = [dates[t] for t in order.items]
    assert len(keyed) >= 3
    assert all(a.before(b) for a, b in itertools.pairwise(keyed))


def test_works_for_another_pack(mini):
    qset = automatic_set(mini.pack)
    assert qset.pack == "mini" and qset.id == "mini-auto"
    assert {q.type for q in qset.questions} >= {"numeric", "choice", "text", "order"}
