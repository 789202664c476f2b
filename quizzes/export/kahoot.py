"""Kahoot's spreadsheet import (.xlsx, openpyxl), laid out as Kahoot's own template: a few
lines of instructions, the column headers on row 8 (question, answers 1–4, time limit,
correct answers), one question a row from row 9.

Kahoot takes quiz questions (2–4 answers, one or several right) and true/false only, with a
question of at most 120 characters and answers of at most 75. Questions that do not fit are
listed, never cut short. Text cells are written as text, so a value starting with = + - @
stays text instead of becoming a formula.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from quizzes.export.base import (
    Exported,
    ExportError,
    Notes,
    SetToExport,
    question_key,
)
from quizzes.model import Choice, Multi, Question, TrueFalse

EXTENSION = ".xlsx"
LABEL = "Kahoot"
HEADERS = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
HEADER_ROW = 8
MAX_QUESTION, MAX_ANSWER, MAX_ANSWERS = 120, 75, 4
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
_INTRO = (
    "Quiz template",
    "Add questions, at least two answer alternatives, time limit and choose correct "
    "answers (at least one). Have fun creating your awesome quiz!",
    "Remember: questions have a limit of 120 characters and answers can have 75 "
    "characters max. If several answers are correct, separate them with a comma.",
    "Exported from classbrief: one question a row from row 9.",
)


def time_limit(q: Question) -> int:
    """Reading time: 20 s (Kahoot's default), 30 s for long questions or several answers."""
    words = len(q.prompt.split()) + sum(len(c.split()) for c in getattr(q, "choices", ()))
    return 30 if words > 30 or isinstance(q, Multi) else 20


def row(q: Question) -> tuple[list[str | int | None], str] | str:
    """The row's cells, or why the question cannot go to Kahoot."""
    if isinstance(q, TrueFalse):
        answers, right = ["True", "False"], [1 if q.answer else 2]
    elif isinstance(q, Choice | Multi):
        answers = list(q.choices)
        chosen = (
            {q.answer if isinstance(q.answer, str) else q.answer[0]}
            if isinstance(q, Choice)
            else set(q.answers)
        )
        right = [i for i, c in enumerate(answers, start=1) if c in chosen]
    else:
        return "type"
    # Kahoot's cells hold one line: a line break becomes a space.
    prompt = " ".join(q.prompt.splitlines())
    answers = [" ".join(a.splitlines()) for a in answers]
    if len(prompt) > MAX_QUESTION:
        return f"the question is longer than {MAX_QUESTION} characters"
    if len(answers) > MAX_ANSWERS:
        return f"more than {MAX_ANSWERS} answers"
    if max(len(a) for a in answers) > MAX_ANSWER:
        return f"an answer is longer than {MAX_ANSWER} characters"
    correct = right[0] if len(right) == 1 else ",".join(map(str, right))
    cells = [prompt, *answers, *[None] * (MAX_ANSWERS - len(answers)), time_limit(q), correct]
    return cells, ""


def build(sets: Sequence[SetToExport]) -> Exported:
    notes = Notes()
    rows: list[list[str | int | None]] = []
    other_types: dict[str, int] = {}
    for entry in sets:
        for q in entry.qset.questions:
            result = row(q)
            key = question_key(entry.qset, q)
            if result == "type":
                other_types[q.type] = other_types.get(q.type, 0) + 1
            elif isinstance(result, str):
                notes.add(f"fit-{result}", "{n} question{s} left out: " + result, key)
            else:
                rows.append([len(rows) + 1, *result[0]])
    if other_types:
        total = sum(other_types.values())
        kinds = ", ".join(f"{n} {kind}" for kind, n in other_types.items())
        notes.always(
            "types",
            f"{total} question{'s' if total != 1 else ''} left out ({kinds}): "
            "Kahoot imports only quiz (choice, multi) and true/false questions",
        )
    if not rows:
        raise ExportError(
            "Kahoot imports only choice, multi and true/false questions that "
            "fit its limits (question ≤ 120 characters, 2–4 answers ≤ 75 "
            "characters); none of these questions does"
        )
    notes.always(
        "scoring",
        "Kahoot scores right answers and speed: points, partial credit, "
        "explanations and sources are not carried",
    )
    return Exported(_workbook(rows), len(rows), notes.lines())


def _workbook(rows: list[list[str | int | None]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Sheet1")

    def cells(values: Sequence[str | int | None]) -> list[object]:
        # openpyxl takes a string starting with "=" for a formula: those go in as cells
        # typed as text. (+ - @ starts are stored as text anyway.)
        out: list[object] = []
        for value in values:
            if isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                out.append(cell)
            else:
                out.append(value)
        return out

    for line in _INTRO:
        sheet.append(cells([None, line]))
    for _ in range(len(_INTRO) + 1, HEADER_ROW):
        sheet.append([])
    sheet.append(cells([None, *HEADERS]))
    for values in rows:
        sheet.append(cells(values))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
