"""Every set check, each with a bad file and its located message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from quizzes.catalog import Catalog
from quizzes.sets import BUNDLED_SETS, load_set, set_files
from tests.conftest import SAMPLE

GOOD = """\
id: mini-set
title: Mini
pack: mini
questions:
  - id: q-choice
    type: choice
    prompt: Who announced the plan?
    fact: ana-costa
    choices: [Ana Costa, Critics in Sylvania, Freedonia]
    answer: Ana Costa
  - id: q-numeric
    type: numeric
    prompt: How many officers?
    fact: officers
    answer: 300
    tolerance: 5%
  - id: q-order
    type: order
    prompt: Put in order.
    fact: talks
    items: [Talks begin, Freedonia announces the offer, First course starts]
"""


@pytest.fixture
def packs(mini):
    return {"mini": mini}


def check(tmp_path: Path, packs, text: str) -> list[str]:
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    loaded, problems = load_set(path, packs)
    assert (loaded is None) == any(p.is_error for p in problems)
    return [str(p).replace(str(path), "set.yaml") for p in problems]


def test_good_set_is_clean(tmp_path, packs):
    assert check(tmp_path, packs, GOOD) == []


def test_a_repeated_id_is_reported_when_its_question_has_other_mistakes_too(tmp_path, packs):
    text = GOOD.replace("id: q-numeric\n    type: numeric", "id: q-choice\n    type: numbr")
    found = check(tmp_path, packs, text)
    assert (
        "set.yaml:11:9: error: duplicate question id 'q-choice' (first at line 5); give "
        "each question its own id" in found
    )
    assert any(p.startswith("set.yaml:12:11: error: 'type' cannot be 'numbr'") for p in found)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("pack: mini", "pack: maxi", "set.yaml:3:7: error: unknown pack 'maxi'; known packs: mini"),
        (
            "fact: ana-costa",
            "fact: ana-cost",
            "set.yaml:8:11: error: unknown fact 'ana-cost' in pack 'mini'; "
            "did you mean 'ana-costa'?",
        ),
        (
            "id: q-numeric",
            "id: q-choice",
            "set.yaml:11:9: error: duplicate question id 'q-choice' (first at line 5); give each "
            "question its own id",
        ),
        (
            "answer: Ana Costa",
            "answer: Ana",
            "set.yaml:10:13: error: answer 'Ana' is not among the choices; copy the answer exactly "
            "from the choices",
        ),
        (
            "answer: Ana Costa",
            "answer: [Ana Costa, Freedonia]",
            "set.yaml:10:13: error: a choice question needs exactly one answer, not 2; use `type: "
            "multi` for several answers",
        ),
        (
            "choices: [Ana Costa, Critics in Sylvania, Freedonia]",
            "choices: [Ana Costa]",
            "set.yaml:9:14: error: needs at least two choices, not 1; add choices",
        ),
        (
            "choices: [Ana Costa, Critics in Sylvania, Freedonia]",
            "choices: [Ana Costa, Freedonia, Freedonia]",
            "set.yaml:9:37: error: choice 'Freedonia' appears twice; remove the repeat",
        ),
        (
            "items: [Talks begin, Freedonia announces the offer, First course starts]",
            "items: [Talks begin, First course starts]",
            "set.yaml:21:12: error: an order question needs at least three items, not 2; add items "
            "or use a choice question",
        ),
        (
            "tolerance: 5%",
            "tolerance: -5",
            "set.yaml:16:16: error: tolerance -5 is negative; a tolerance is how far off an answer "
            "may be: 0 or more",
        ),
        (
            "answer: 300",
            "answer: 30",
            "set.yaml:15:13: error: answer 30 disagrees with figure 'officers', which is 300 "
            "officers; the brief prints the figure; make the question agree with it",
        ),
        (
            "    fact: officers\n",
            "",
            "set.yaml:11:9: warning: question 'q-numeric' tests no fact; add `fact: <id>` so the "
            "answer can be explained from the pack",
        ),
        (
            "tolerance: 5%",
            "tolerance: about five",
            "set.yaml:16:16: error: tolerance 'about five' is not a number or a percentage; write "
            "e.g. 100 or 5%",
        ),
        (
            "type: order",
            "type: sorting",
            "set.yaml:18:11: error: 'type' cannot be 'sorting'; expected one of 'choice', 'multi', "
            "'truefalse', 'numeric', 'text', 'match', 'order'",
        ),
        (
            "    prompt: How many officers?\n",
            "    prompt: How many officers?\n    hint: x\n",
            "set.yaml:14:11: error: unknown field 'hint'; known fields here: answer, difficulty, "
            "display, "
            "explanation, fact, id, points, prompt, tags, tolerance, type, unit",
        ),
    ],
)
def test_each_check_reports_a_located_message(tmp_path, packs, old, new, expected):
    assert old in GOOD
    assert expected in check(tmp_path, packs, GOOD.replace(old, new, 1))


def test_match_with_repeated_sides(tmp_path, packs):
    text = (
        GOOD
        + """\
  - id: q-match
    type: match
    prompt: Match.
    fact: freedonia
    pairs:
      - {left: Freedonia, right: State}
      - {left: Freedonia, right: Minister}
      - {left: Ana Costa, right: Minister}
"""
    )
    assert check(tmp_path, packs, text) == [
        "set.yaml:27:16: error: 'Freedonia' appears more than once on the left side; each "
        "side of a pair is unique",
        "set.yaml:28:34: error: 'Minister' appears more than once on the right side; each "
        "side of a pair is unique",
    ]


def test_longest_choice_always_right_is_a_warning(tmp_path, packs):
    questions = "".join(
        f"""\
  - id: long-{n}
    type: choice
    prompt: Q{n}?
    fact: freedonia
    choices: [A, B, The long right one {n}]
    answer: The long right one {n}
"""
        for n in range(3)
    )
    text = (
        GOOD.replace(
            "    choices: [Ana Costa, Critics in Sylvania, Freedonia]\n    answer: Ana Costa",
            "    choices: [Ana Costa, Critics in Sylvania]\n    answer: Ana Costa",
        )
        + questions
    )
    found = check(tmp_path, packs, text)
    assert found == [
        "set.yaml:26:14: warning: in all 3 choice questions the right choice is "
        "the longest; vary the lengths so length gives nothing away"
    ]


def test_every_problem_in_a_file_at_once(tmp_path, packs):
    text = (
        GOOD.replace("fact: ana-costa", "fact: nobody")
        .replace("answer: Ana Costa", "answer: Someone")
        .replace("answer: 300", "answer: 3OO")
    )
    found = check(tmp_path, packs, text)
    # The schema error does not hide the other questions' problems.
    assert [f.split(": error")[0] for f in found] == [
        "set.yaml:8:11",
        "set.yaml:10:13",
        "set.yaml:15:13",
    ]
    assert "'answer' must be a number" in found[2] and "unknown fact 'nobody'" in found[0]
    found = check(
        tmp_path,
        packs,
        GOOD.replace("fact: ana-costa", "fact: nobody").replace(
            "answer: Ana Costa", "answer: Someone"
        ),
    )
    assert [f.split(": error")[0] for f in found] == ["set.yaml:8:11", "set.yaml:10:13"]


def test_bundled_sets_are_clean_and_big_enough(gsi):
    catalog = Catalog.load(Path("/nonexistent"))
    bundled = [s for s in catalog.sets if s.origin == "bundled"]
    assert len(bundled) >= 4
    assert not catalog.problems
    questions = [q for s in bundled for q in s.qset.questions]
    assert len(questions) >= 40
    assert {q.type for q in questions} == {
        "choice",
        "multi",
        "truefalse",
        "numeric",
        "text",
        "match",
        "order",
    }
    assert {q.fact for q in questions} == set(gsi.pack.facts())


def test_bundled_sets_validate_against_the_shipped_json_schema():
    import jsonschema

    from quizzes.schema import SCHEMA_FILE, questionset_schema

    shipped = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert shipped == questionset_schema(), "run `python -m quizzes.schema` to refresh it"
    validator = jsonschema.Draft202012Validator(shipped)
    files = list(set_files(BUNDLED_SETS))
    assert files
    for path in files:
        # An editor reads YAML with implicit typing; the schema must accept that reading.
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, (path, errors)


def test_schema_rejects_what_the_checker_rejects():
    import jsonschema

    from quizzes.schema import questionset_schema

    validator = jsonschema.Draft202012Validator(questionset_schema())
    bad = yaml.safe_load(GOOD.replace("type: order", "type: sorting"))
    assert list(validator.iter_errors(bad))


def test_sample_files_parse():
    from seeds.packs import load_pack

    loaded, problems = load_pack(SAMPLE / "mini" / "pack.yaml")
    assert loaded is not None and problems == []
    assert loaded.pack.id == "mini" and len(loaded.pack.facts()) == 11
