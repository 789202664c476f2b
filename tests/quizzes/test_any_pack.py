"""The automatic set is right on packs of every shape: the bundled one, four test packs
unlike it, and 500 packs drawn by hypothesis. Keys are judged by tests/keyoracle.py, which
reads each option back and asks the pack's facts, sharing no logic with the generator."""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

from quizzes.engine import build_run
from quizzes.generate import TooFewFacts, automatic_set
from quizzes.grading import grade, model_answer, number_examples
from quizzes.model import Numeric, Order
from seeds.model import Pack
from seeds.packs import load_pack
from tests.conftest import TEST_PACKS
from tests.keyoracle import key_problems
from tests.packgen import packs

SHAPES = sorted(p.name for p in TEST_PACKS.iterdir() if (p / "pack.yaml").is_file())


def shaped(name: str) -> Pack:
    loaded, problems = load_pack(TEST_PACKS / name / "pack.yaml")
    assert loaded is not None, [str(p) for p in problems]
    return loaded.pack


def test_the_five_shapes_are_there():
    assert SHAPES == [
        "coalition-editorial",
        "harvest-figures",
        "rtl-voices",
        "storm-outlook",
        "three-framings",
    ]


def assert_right(pack: Pack) -> None:
    try:
        qset = automatic_set(pack)
    except TooFewFacts:
        assert not pack.figures  # a figure always makes a numeric question
        return
    ids = {q.id: q for q in qset.questions}
    problems = [p for q in qset.questions for p in key_problems(q, pack)]
    assert not problems, problems
    for q in qset.questions:
        assert grade(q, model_answer(q), pack).correct, q.id
        assert_reads_well(q.prompt, pack)
        if isinstance(q, Numeric):
            shown = number_examples(q)
            assert not any(grade(q, example, pack).correct for example in shown), shown
    assert len(ids) == len(qset.questions)


def assert_reads_well(prompt: str, pack: Pack) -> None:
    assert "  " not in prompt and "None" not in prompt, prompt
    assert prompt[0].isupper() or not prompt[0].isalpha(), prompt
    assert prompt.endswith(("?", ".")), prompt
    assert ".?" not in prompt, prompt
    raw_ids = {f.id for f in pack.facts().values()} - {a.name for a in pack.actors}
    assert not any(
        re.search(rf"\b{re.escape(i)}\b", prompt) for i in raw_ids if i.startswith("z")
    ), prompt


@pytest.mark.parametrize("name", SHAPES)
def test_keys_are_right_on_every_test_pack(name):
    assert_right(shaped(name))


def test_keys_are_right_on_the_bundled_pack(gsi):
    assert_right(gsi.pack)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_keys_are_right_on_any_pack(pack):
    assert_right(pack)
    with contextlib.suppress(TooFewFacts):
        qset = automatic_set(pack)
        assert 1 <= len(build_run(qset, pack, seed=3).items) <= len(qset.questions)


def test_overlapping_dates_are_never_ordered():
    pack = shaped("coalition-editorial")
    (order,) = [q for q in automatic_set(pack).questions if isinstance(q, Order)]
    # 2017, 2017-03 and 2017-03-02 overlap: at most one of them is in the order question.
    overlapping = {
        "A report finds partners hold most of the valley",
        "The spokesman's blog post",
        "The Gazette quotes the blog post",
    }
    assert len(overlapping & set(order.items)) == 1
    assert order.explanation and all(item in order.explanation for item in order.items)


def test_date_options_share_the_answers_precision():
    pack = shaped("coalition-editorial")
    by_id = {q.id: q for q in automatic_set(pack).questions}
    blog = by_id["blog-post-when"]
    assert blog.answer == "March 2017"
    assert all(re.fullmatch(r"[A-Z][a-z]+ \d{4}", c) for c in blog.choices), blog.choices
    year = by_id["valley-report-when"]
    assert all(re.fullmatch(r"\d{4}", c) for c in year.choices) and "2017" in year.choices


def test_nested_actors_never_make_two_right_options():
    pack = shaped("coalition-editorial")
    by_id = {q.id: q for q in automatic_set(pack).questions}
    mckeeby = by_id["david-mckeeby-affiliation"]
    assert mckeeby.answer == "Bureau of Counterterrorism"
    assert "Department of State" not in mckeeby.choices
    bureau = by_id["counterterrorism-bureau-affiliation"]
    assert "Bureau of Counterterrorism" not in bureau.choices  # never its own subject
    assert by_id["united-states-role"].prompt == (
        "Which best describes the United States in this story?"
    )


def test_a_figure_in_billions_is_asked_and_graded_as_written():
    pack = shaped("coalition-editorial")
    by_id = {q.id: q for q in automatic_set(pack).questions}
    numeric = by_id["campaign-cost-number"]
    assert "editorial" in numeric.prompt
    for typed in (
        "6 billion",
        "6bn",
        "6,000,000,000",
        "6 000 000 000",
        "6.0 billion",
        "$6 billion",
        "6 billion dollars",
        "6",
    ):
        assert grade(numeric, typed, pack).correct, typed
    assert grade(numeric, "5 billion", pack).expected == "6 billion U.S. dollars"
    choice = by_id["campaign-cost-choice"]
    assert choice.answer == "6 billion U.S. dollars"
    # Each written as a reader would: "600 million", not "0.6 billion".
    assert all(
        re.fullmatch(r"[1-9][\d.]* (million|billion) U\.S\. dollars", c) for c in choice.choices
    )


def test_term_explanations_do_not_repeat_the_answer(gsi):
    questions = automatic_set(gsi.pack).questions
    assert len(questions) > 10
    for q in questions:
        result = grade(q, model_answer(q), gsi.pack)
        assert result.explanation.strip().casefold() != result.expected.strip().casefold()


def test_hint_examples_never_equal_the_answer_of_any_numeric_question(gsi, mini, tmp_path):
    from quizzes.catalog import Catalog

    catalog = Catalog.load(tmp_path)
    sets = [s.qset for s in catalog.sets] + [automatic_set(shaped(n)) for n in SHAPES]
    numerics = [(q, s) for s in sets for q in s.questions if isinstance(q, Numeric)]
    assert len(numerics) >= 10
    for q, _ in numerics:
        for example in number_examples(q):
            assert not grade(q, example).correct, (q.id, example)
    answer_5000 = next(q for q, _ in numerics if q.answer == 5000)
    assert "5,000" not in " ".join(number_examples(answer_5000))


def test_a_run_keeps_one_of_two_questions_that_give_each_other_away():
    from quizzes.giveaways import one_of_each_pair
    from quizzes.model import Choice

    number = Numeric(type="numeric", id="n", prompt="How many officers?", answer=Decimal(300))
    giver = Choice(
        type="choice",
        id="g",
        prompt="Who trains 300 officers?",
        choices=["Ana", "Bo"],
        answer="Ana",
    )
    other = Choice(type="choice", id="o", prompt="Which port?", choices=["X", "Y"], answer="X")
    assert [q.id for q in one_of_each_pair([giver, other, number], {})] == ["g", "o"]
    assert [q.id for q in one_of_each_pair([number, giver, other], {})] == ["n", "o"]


def test_keys_print_numbers_as_the_brief_does():
    from quizzes.grading import expected_text

    people = Numeric(
        type="numeric", id="p", prompt="How many?", answer=Decimal(2000), unit="people"
    )
    year = Numeric(type="numeric", id="y", prompt="When?", answer=Decimal(2022), unit="year")
    assert expected_text(people) == "2,000 people" and expected_text(year) == "2022"
    assert grade(people, "2000").given == "2000" and grade(people, "2000").correct


def test_a_pack_too_small_for_automatic_questions_says_so(tmp_path):
    from click.testing import CliRunner

    from quizzes.cli import main

    folder = tmp_path / "data" / "packs" / "tiny"
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(
        """\
id: tiny
title: Tiny
source: {headline: H, about: A, date_basis: D}
takeaways: {what_happened: W, why_it_matters: M, what_to_watch: T}
actors:
  - {id: one, name: One, type: state, role: Only actor, statement: The only actor.}
""",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["--data-dir", str(tmp_path / "data"), "play", "tiny-auto", "--headless"]
    )
    assert result.exit_code != 0 and "too few facts" in result.output, result.output
    listed = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "list"])
    assert listed.exit_code == 0 and "tiny" in listed.output


def test_another_unit_or_an_ambiguous_number_is_explained_not_marked():
    from quizzes.grading import InvalidAnswer

    cost = Numeric(
        type="numeric", id="c", prompt="How much?", answer=Decimal(6), unit="billion U.S. dollars"
    )
    with pytest.raises(InvalidAnswer, match=r"not a number in billion U\.S\. dollars"):
        grade(cost, "6 billion euros")
    places = Numeric(
        type="numeric", id="p", prompt="How many?", answer=Decimal(5000), unit="people"
    )
    with pytest.raises(InvalidAnswer, match="can be read as 5 or as 5,000"):
        grade(places, "5.000")
    assert grade(places, "5,000").correct and not grade(places, "5.5").correct
