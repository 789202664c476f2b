"""One small pack for each defect found when automatic questions were tried on real
articles: a second right option, questions that answer each other on one sheet, grammar,
numbers as printed, impossible wrong values, and arguments left without a question."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import combinations
from typing import Any

import pytest

from briefing.handouts import compose_handouts, decode
from quizzes.engine import build_run
from quizzes.generate import automatic_set
from quizzes.grading import expected_text, grade
from quizzes.model import Choice, FreeText, Numeric, Question, TrueFalse
from seeds.model import Pack
from seeds.validation import parse
from tests.keyoracle import amount, answers_another, key_problems, true_options


def pack(**facts: Any) -> Pack:
    """A pack holding only the given facts (each a list of fact dicts, ids optional)."""
    data: dict[str, Any] = {
        "id": "small",
        "title": "A small pack",
        "source": {"headline": "H", "about": "A story.", "date_basis": "None."},
        "takeaways": {"what_happened": "W.", "why_it_matters": "M.", "what_to_watch": "T."},
    }
    for group, facts_of_kind in facts.items():
        data[group] = [
            {"id": f"{group[0]}{n}", "statement": "Said in the story.", **fact}
            for n, fact in enumerate(facts_of_kind)
        ]
    return parse(Pack, data)


def by_id(p: Pack, seed: int = 0) -> dict[str, Question]:
    return {q.id: q for q in automatic_set(p, seed=seed).questions}


def actor(name: str, role: str, **more: Any) -> dict[str, Any]:
    return {"id": re.sub(r"\W+", "-", name.lower()).strip("-"), "name": name, "role": role} | {
        "type": "organisation",
        **more,
    }


def figure(value: str, unit: str, label: str = "The amount", **more: Any) -> dict[str, Any]:
    return {"label": label, "value": value, "unit": unit, **more}


def figure_choice(p: Pack, seed: int) -> Choice:
    """The choice question on the pack's first figure."""
    choice = by_id(p, seed)["f0-choice"]
    assert isinstance(choice, Choice)
    return choice


OTHERS = [
    actor("Harbour Authority", "Runs the port"),
    actor("Fishermen's Guild", "Speaks for the fishing fleet"),
]

# --- two right options ---------------------------------------------------------------------


def test_a_siblings_role_is_never_a_second_right_option():
    """The bureau links four services together; a role said of one of them ("one of the
    four parts the bureau links together") is true of the others too."""
    parts = [
        actor("Army", "Land service, one of the four parts the bureau links together"),
        actor("Navy", "Sea service, one of the four parts the bureau links together"),
        actor("Air Force", "Air service, one of the four parts the bureau links together"),
    ]
    for part in parts:
        part["part_of"] = "joint-bureau"
    p = pack(actors=[actor("Joint Bureau", "Links the services"), *parts, *OTHERS])
    questions = by_id(p)
    assert len(parts) == 3
    for part in parts:
        q = questions[f"{part['id']}-role"]
        assert isinstance(q, Choice)
        assert true_options(q, p) == [q.answer], q.choices
        assert not [c for c in q.choices if "four parts" in c and c != q.answer], q.choices


def test_the_parts_a_description_lists_are_no_second_right_option():
    """No part_of this time: the bureau's own description lists the services."""
    p = pack(
        actors=[
            actor(
                "Joint Bureau", "Links the services", statement="It links the Army and the Navy."
            ),
            actor("Army", "One of the services the bureau links"),
            actor("Navy", "Sea service the bureau links"),
            *OTHERS,
        ]
    )
    q = by_id(p)["army-role"]
    assert isinstance(q, Choice)
    assert "Sea service the bureau links" not in q.choices
    assert true_options(q, p) == [q.answer]


# --- questions that answer each other ---------------------------------------------------------

FIGURES = [
    figure("6000000000", "U.S. dollars", "Sales agreed", display="6 billion"),
    figure("300", "officers", "Officers trained"),
]
TERMS = [
    {"term": "Foreign Military Sales", "short": "FMS", "statement": "Arms sold by governments."},
    {"term": "Security assistance", "statement": "Help given to foreign forces."},
]


@pytest.mark.parametrize("seed", range(6))
def test_a_sheet_never_holds_two_questions_that_answer_each_other(seed):
    """A figure's number beside its choice of four, or "What does FMS stand for?" beside
    "What is meant by “Foreign Military Sales”?", answered each other on a printed sheet."""
    p = pack(figures=FIGURES, terms=TERMS, actors=OTHERS)
    qset = automatic_set(p)
    handout = compose_handouts(qset, p, variants=3, seed=seed)
    runs = [build_run(qset, p, seed=seed).items, *(v.run.items for v in handout.variants)]
    for items in runs:
        ids = {i.question.id for i in items}
        assert not {"f0-number", "f0-choice"} <= ids
        assert not {"f1-number", "f1-choice"} <= ids
        assert not {"t0-short", "t0-meaning"} <= ids
        questions = [i.question for i in items]
        assert not [(a.id, b.id) for a, b in combinations(questions, 2) if answers_another(a, b, p)]
    assert len({len(v.questions) for v in handout.variants}) == 1


def test_variants_may_keep_either_question_of_a_pair():
    p = pack(figures=FIGURES, terms=TERMS, actors=OTHERS)
    qset = automatic_set(p)
    kept = {
        frozenset(i.question.id for i in v.run.items)
        for seed in range(4)
        for v in compose_handouts(qset, p, variants=3, seed=seed).variants
    }
    assert any("f0-number" in k for k in kept) and any("f0-choice" in k for k in kept)
    assert any("t0-short" in k for k in kept) and any("t0-meaning" in k for k in kept)


# --- grammar -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind", "named"),
    [
        ("United States", "state", "the United States"),
        ("Department of Defense", "organisation", "the Department of Defense"),
        ("Solomon Islands police force", "organisation", "the Solomon Islands police force"),
        ("Congress", "organisation", "Congress"),
        ("Pakistan", "state", "Pakistan"),
        ("Ana Costa", "person", "Ana Costa"),
        ("Critics in Congress", "group", "Critics in Congress"),
    ],
)
def test_an_actor_is_named_as_a_sentence_names_it(name, kind, named):
    subject = actor(name, "The subject", type=kind)
    q = by_id(pack(actors=[subject, *OTHERS]))[f"{subject['id']}-role"]
    assert q.prompt == f"Which best describes {named} in this story?"


def test_mid_sentence_wins_and_a_plural_group_takes_are():
    p = pack(
        actors=[
            actor("USA", "Leading member", mid_sentence="the USA", affiliation="NATO"),
            actor("Critics in Congress", "Lawmakers", type="group", affiliation="U.S. Congress"),
            *OTHERS,
        ]
    )
    questions = by_id(p)
    assert questions["usa-role"].prompt == "Which best describes the USA in this story?"
    assert questions["critics-in-congress-affiliation"].prompt == (
        "Which institution are Critics in Congress part of?"
    )


def test_a_plural_abbreviation_takes_do():
    p = pack(
        terms=[
            {"term": "National Defense Authorization Acts", "short": "NDAAs", "statement": "Laws."},
            {"term": "Foreign Military Sales", "short": "FMS", "statement": "Arms sales."},
        ]
    )
    questions = by_id(p)
    assert questions["t0-short"].prompt == "What do NDAAs stand for?"
    assert questions["t1-short"].prompt == "What does FMS stand for?"


def test_one_of_a_counted_unit_is_singular():
    p = pack(figures=[figure("1", "agencies", "Agencies that run the programme")])
    questions = by_id(p)
    choice = questions["f0-choice"]
    assert isinstance(choice, Choice)
    assert choice.answer == "1 agency"
    assert all(re.fullmatch(r"\d+ agencies", c) for c in choice.choices if c != choice.answer)
    numeric = questions["f0-number"]
    assert isinstance(numeric, Numeric)
    assert expected_text(numeric) == "1 agency"
    assert grade(numeric, "1 agency", p).correct and grade(numeric, "1 agencies", p).correct
    from quizzes.amounts import written

    fig = p.figures[0]
    assert written(Decimal(1), fig) == "1 agency" and written(Decimal(2), fig) == "2 agencies"


@pytest.mark.parametrize(
    ("unit", "prompt"),
    [
        ("named storms", "How many named storms does the article give for “The amount”?"),
        ("per cent", "What percentage does the article give for “The amount”?"),
        ("percent of GDP", "What percentage of GDP does the article give for “The amount”?"),
        ("year", "Which year does the article give for “The amount”?"),
    ],
)
def test_a_numeric_prompt_asks_for_its_unit_in_words(unit, prompt):
    p = pack(figures=[figure("2017" if unit == "year" else "30", unit)])
    q = by_id(p)["f0-number"]
    assert q.prompt == prompt
    assert ", in " not in q.prompt and ", as a year" not in q.prompt


# --- numbers as printed ------------------------------------------------------------------------


def test_keys_print_a_number_as_its_display_writes_it():
    p = pack(figures=[figure("6000000000", "U.S. dollars", display="6 billion")], actors=OTHERS)
    qset = automatic_set(p)
    keys = []
    for seed in range(4):
        for variant in compose_handouts(qset, p, variants=2, seed=seed).variants:
            for sheet, key, item in zip(
                variant.questions, variant.key, variant.run.items, strict=True
            ):
                if sheet.type == "numeric":
                    keys.append(key.key)
                    assert key.key == key.answer == "6 billion U.S. dollars"
                    assert grade(item.question, decode(sheet, key.key), p).correct
    assert keys


def test_a_display_that_names_its_currency_is_not_followed_by_the_unit():
    p = pack(figures=[figure("200", "billion U.S. dollars", display="$200 billion")])
    questions = by_id(p)
    choice = questions["f0-choice"]
    assert isinstance(choice, Choice) and choice.answer == "$200 billion"
    assert all(c.startswith("$") and "dollars" not in c for c in choice.choices), choice.choices
    numeric = questions["f0-number"]
    assert isinstance(numeric, Numeric) and expected_text(numeric) == "$200 billion"


@pytest.mark.parametrize(
    ("display", "unit", "value"),
    [
        ("200 billion", "billion U.S. dollars", "200"),
        (None, "billion U.S. dollars", "200"),
        ("$200 billion", "U.S. dollars", "200000000000"),
    ],
)
def test_a_scaled_wrong_value_is_written_with_the_scale_word_for_its_size(display, unit, value):
    """Not "2,000 billion U.S. dollars" but "2 trillion", not "0.2 billion" but "200 million"."""
    made = figure(value, unit) | ({"display": display} if display else {})
    options = {c for seed in range(20) for c in figure_choice(pack(figures=[made]), seed).choices}
    assert not [c for c in options if re.match(r"\$?(\d{1,3}(,\d{3})+|0\.\d+) [mbt]", c)], options
    sign = "$" if display and display.startswith("$") else ""
    rest = "" if sign else " U.S. dollars"
    assert {f"{sign}2 trillion{rest}", f"{sign}20 billion{rest}"} <= options, options
    if sign:
        assert not [c for c in options if "dollars" in c], options


@pytest.mark.parametrize(
    ("value", "unit", "low", "high"),
    [
        ("70", "per cent", Decimal(0), Decimal(100)),
        ("87.25", "per cent", Decimal(0), Decimal(100)),
        ("0.4", "share of voters", Decimal(0), Decimal(1)),
    ],
)
def test_wrong_percentages_and_shares_stay_possible(value, unit, low, high):
    for seed in range(10):
        choice = figure_choice(pack(figures=[figure(value, unit)]), seed)
        assert len(choice.choices) == 4
        values = [amount(c, unit) for c in choice.choices]
        assert all(v is not None and low < v < high for v in values), choice.choices


def test_wrong_counts_are_positive_whole_numbers():
    for seed in range(10):
        choice = figure_choice(pack(figures=[figure("32", "officers")]), seed)
        assert len(choice.choices) == 4
        assert all(re.fullmatch(r"[1-9][\d,]* officers", c) for c in choice.choices), choice.choices


# --- arguments -----------------------------------------------------------------------------


def arguments_by(speaker: str, *claims: str, side: str = "case") -> list[dict[str, Any]]:
    return [{"claim": c, "by": speaker, "side": side} for c in claims]


def test_arguments_of_the_only_actor_still_get_questions():
    p = pack(
        actors=[actor("Ana Costa", "Minister", type="person")],
        arguments=arguments_by("ana-costa", "Training makes the seas safer", "Costs are low"),
    )
    questions = automatic_set(p).questions
    assert len(p.arguments) == 2
    for argument in p.arguments:
        (q,) = [q for q in questions if q.fact == argument.id]
        assert isinstance(q, TrueFalse) and q.answer is True
        assert q.prompt == f"In the article, Ana Costa makes the argument “{argument.claim}”."


def test_arguments_all_on_one_side_by_one_actor_ask_who_among_the_others():
    p = pack(
        actors=[actor("Ana Costa", "Minister", type="person"), *OTHERS],
        arguments=arguments_by("ana-costa", "Safer seas", "Low costs", "More jobs"),
    )
    questions = by_id(p)
    assert len(p.arguments) == 3
    for argument in p.arguments:
        q = questions[f"{argument.id}-who"]
        assert isinstance(q, Choice) and q.answer == "Ana Costa"
        assert sorted(q.choices) == ["Ana Costa", "Fishermen's Guild", "Harbour Authority"]


def test_when_no_one_else_can_be_named_the_speakers_other_claims_are_not_offered():
    """Everyone else belongs to the speaker: naming them would be a second right answer.
    The question asks which claim the speaker makes, among claims made by no kin of it."""
    p = pack(
        actors=[
            actor("Department of State", "Sets policy"),
            actor("Press Office", "Speaks for it", part_of="department-of-state"),
            actor("Harbour Authority", "Runs the port", part_of="department-of-state"),
        ],
        arguments=[
            *arguments_by("department-of-state", "Results were bought", "Costs are shared"),
            *arguments_by("harbour-authority", "The port is full", side="concern"),
        ],
    )
    questions = automatic_set(p).questions
    assert len(p.arguments) == 3
    for argument in p.arguments:
        (q,) = [q for q in questions if q.fact == argument.id]
        assert not isinstance(q, Choice) or true_options(q, p) == [q.answer], q


def test_a_lone_term_is_asked_by_its_meaning():
    p = pack(terms=[{"term": "Riparian state", "statement": "A state a river flows through."}])
    (q,) = automatic_set(p).questions
    assert isinstance(q, FreeText) and q.accept == ["Riparian state"]
    assert q.prompt == "Which term means this: “A state a river flows through”?"


# --- length gives nothing away -----------------------------------------------------------------


def test_a_speaker_found_by_the_length_of_its_name_is_asked_true_or_false():
    """Every other name is shorter: "Who makes this argument?" would be answered by length."""
    p = pack(
        actors=[actor("Coalition against Floods", "Runs the dams"), *OTHERS],
        arguments=arguments_by("coalition-against-floods", "Dams save towns", "Rivers need room"),
    )
    answers = set()
    for seed in range(8):
        for q in automatic_set(p, seed=seed).questions:
            if q.fact in ("a0", "a1"):
                assert isinstance(q, TrueFalse) and q.id.endswith("-said"), q
                assert not key_problems(q, p), q
                answers.add(q.answer)
    assert answers == {True, False}


def test_a_wrong_date_as_long_as_september_is_offered():
    """No month is written longer than September: a wrong date as long is offered."""
    from quizzes.giveaways import longest_is_right

    p = pack(events=[{"date": "2016-09", "title": "The dam opens"}])
    for seed in range(8):
        (q,) = [q for q in automatic_set(p, seed=seed).questions if q.id == "e0-when"]
        assert isinstance(q, Choice) and q.answer == "September 2016"
        assert not longest_is_right(q), q.choices


def test_a_tie_for_the_longest_choice_gives_nothing_away():
    from quizzes.giveaways import longest_always_right

    def choice(n: int, choices: list[str]) -> Choice:
        return Choice(type="choice", id=f"q{n}", prompt="Which?", choices=choices, answer="abcd")

    tied = [choice(n, ["abcd", "wxyz", "ab"]) for n in range(3)]
    assert longest_always_right(tied) == []
    longest = [choice(n, ["abcd", "xyz", "ab"]) for n in range(3)]
    assert longest_always_right(longest) == [0, 1, 2]
