"""Kahoot at its limits: reading time, the exact character limits, several right answers,
line breaks, and what a note counts when questions are left out."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from quizzes.export import ExportError, SetToExport, get_format
from quizzes.export.kahoot import row, time_limit
from quizzes.model import AnyQuestion, QuestionSet
from seeds.validation import parse


def question(**data):
    return parse(AnyQuestion, {"id": "q", "prompt": "Which?", **data})


def choice(prompt: str = "Which?", choices=("A", "B"), answer="A"):
    return question(type="choice", prompt=prompt, choices=list(choices), answer=answer)


def export(*questions):
    qset = parse(
        QuestionSet,
        {"id": "k", "title": "K", "pack": "p", "questions": [q.__dict__ for q in questions]},
    )
    return get_format("kahoot").build([SetToExport(qset)])


def sheet(content: bytes):
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Sheet1"]
    return [[c.value for c in r] for r in workbook.active.iter_rows(min_row=9)]


@pytest.mark.parametrize(
    ("prompt_words", "choice_words", "seconds"),
    [(28, 0, 20), (29, 0, 30), (10, 19, 20), (10, 20, 30), (2, 0, 20)],
)
def test_reading_time_counts_the_words_of_prompt_and_choices(prompt_words, choice_words, seconds):
    choices = ["w " * choice_words or "A", "B"]  # 30 words in all take 20 s, 31 take 30
    q = choice(" ".join(["word"] * prompt_words), choices, "B")
    assert time_limit(q) == seconds


def test_several_right_answers_take_longer_and_are_listed_by_number():
    multi = question(type="multi", choices=["A", "B", "C"], answers=["A", "C"])
    assert time_limit(multi) == 30
    assert row(multi) == (["Which?", "A", "B", "C", None, 30, "1,3"], "")
    assert row(question(type="truefalse", answer=False)) == (
        ["Which?", "True", "False", None, None, 20, 2],
        "",
    )
    assert row(choice(answer=["B"])) == (["Which?", "A", "B", None, None, 20, 2], "")


def test_the_exact_limits_fit_and_one_more_character_does_not():
    assert row(choice("x" * 120))[1] == ""
    assert row(choice("x" * 121)) == "the question is longer than 120 characters"
    assert row(choice(choices=["a" * 75, "b"]))[1] == ""
    assert row(choice(choices=["a" * 76, "b"])) == "an answer is longer than 75 characters"
    assert row(choice(choices=list("ABCD")))[1] == ""
    assert row(choice(choices=list("ABCDE"))) == "more than 4 answers"
    assert row(question(type="text", accept=["x"])) == "type"


def test_a_line_break_in_a_cell_becomes_one_space():
    cells, _ = row(choice("Two\nlines?", ["left\nright", "B"], "B"))
    assert cells[:3] == ["Two lines?", "left right", "B"]


def test_left_out_questions_are_counted_by_kind():
    result = export(
        choice(),
        question(type="text", id="t1", accept=["x"]),
        question(type="text", id="t2", accept=["y"]),
        question(type="order", id="o", items=["a", "b"]),
        choice("x" * 121),
    )
    assert result.written == 1
    assert sheet(result.content) == [[1, "Which?", "A", "B", None, None, 20, 1]]
    counted = [n for n in result.notes if "left out (" in n]
    assert len(counted) == 1 and counted[0].startswith("3 questions left out (2 text, 1 order)")
    one = export(choice(), question(type="match", id="m", pairs=[{"left": "a", "right": "b"}]))
    assert any(n.startswith("1 question left out (1 match)") for n in one.notes)
    assert any(n.startswith("1 question left out") and "k/q" in n for n in result.notes)


def test_a_set_of_which_nothing_fits_is_an_error():
    with pytest.raises(ExportError):
        export(question(type="text", accept=["x"]))


def test_a_formula_start_stays_text():
    result = export(choice("=1+1?", ["=A1", "@home"], "=A1"))
    assert sheet(result.content)[0][1:4] == ["=1+1?", "=A1", "@home"]
