"""Kahoot spreadsheets read back with openpyxl against Kahoot's template columns."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from quizzes.export import ExportError, SetToExport, get_format
from quizzes.export.kahoot import TIME_LIMITS
from quizzes.model import Choice, Multi, QuestionSet, TrueFalse

TEMPLATE_COLUMNS = [
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
]


def sheet_rows(content: bytes):
    sheet = load_workbook(io.BytesIO(content)).active
    assert [c.value for c in sheet[8]][1:] == TEMPLATE_COLUMNS  # headers on row 8, from B
    return list(sheet.iter_rows(min_row=9))


def test_rows_match_the_sets_choice_truefalse_and_multi_questions(bundled, hostile):
    sets = [*bundled, hostile]
    result = get_format("kahoot").build(sets)
    rows = sheet_rows(result.content)
    assert len(rows) == result.written
    fitting = [
        q
        for s in sets
        for q in s.qset.questions
        if isinstance(q, Choice | Multi | TrueFalse)
        and len(" ".join(q.prompt.splitlines())) <= 120
        and len(getattr(q, "choices", "ab")) <= 4
        and max(map(len, getattr(q, "choices", ["True"]))) <= 75
    ]
    assert [r[1].value for r in rows] == [" ".join(q.prompt.splitlines()) for q in fitting]
    for number, (q, row) in enumerate(zip(fitting, rows, strict=True), start=1):
        values = [c.value for c in row]
        assert values[0] == number
        answers = ["True", "False"] if isinstance(q, TrueFalse) else q.choices
        assert [v for v in values[2:6] if v is not None] == answers
        assert values[6] in TIME_LIMITS
        right = (
            {"True" if q.answer else "False"}
            if isinstance(q, TrueFalse)
            else {q.answer}
            if isinstance(q, Choice)
            else set(q.answers)
        )
        assert {answers[int(i) - 1] for i in str(values[7]).split(",")} == right


def test_questions_that_do_not_fit_are_listed_not_cut(bundled):
    actors = next(s for s in bundled if s.qset.id == "gsi-actors")
    result = get_format("kahoot").build([actors])
    long = [
        q
        for q in actors.qset.questions
        if isinstance(q, Choice | Multi | TrueFalse) and len(q.prompt) > 120
    ]
    assert long
    ids = ", ".join(f"gsi-actors/{q.id}" for q in long)
    assert (
        f"{len(long)} question{'s' if len(long) > 1 else ''} left out: the question is "
        f"longer than 120 characters: {ids}"
    ) in result.notes
    rows = sheet_rows(result.content)
    assert all(len(r[1].value) <= 120 for r in rows)
    assert not any(r[1].value in {q.prompt[:120] for q in long} for r in rows)


def test_formula_starts_stay_text(hostile):
    rows = sheet_rows(get_format("kahoot").build([hostile]).content)
    multi = next(r for r in rows if r[1].value.startswith("=SUM"))
    assert [c.value for c in multi[1:6]] == [
        "=SUM(A1:A2) starts like a formula",
        "=1+1",
        "+44 20",
        "-3",
        "@home",
    ]
    assert all(c.data_type == "s" for c in multi[1:6])
    assert multi[7].value == "1,4"


def test_a_set_with_nothing_kahoot_holds_is_refused(hostile):
    numeric = replace(
        hostile.qset,
        questions=[q for q in hostile.qset.questions if q.type in ("numeric", "text")],
    )
    assert isinstance(numeric, QuestionSet)
    with pytest.raises(ExportError, match="Kahoot imports only choice"):
        get_format("kahoot").build([SetToExport(numeric, hostile.pack)])
