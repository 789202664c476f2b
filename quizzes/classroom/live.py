"""The teacher's live view as data: who is in, each student's progress and score, and per
question the class's facility and most chosen wrong answer. Pure: store rows in, rows out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from decimal import Decimal

from quizzes.classroom.register import Student
from quizzes.grading import answer_text
from quizzes.model import QuestionSet
from quizzes.store import AnswerRecord, RunRecord
from seeds.frozen import record

PRESENT = timedelta(minutes=2)  # seen this recently: in the room


@record
class StudentRow:
    name: str
    presence: str  # "in", "away" (holds a seat, not seen lately), "not in"
    set_title: str
    answered: int
    questions: int
    score: Decimal
    points: Decimal
    finished: bool
    code: str | None
    accommodations: tuple[str, ...]
    student_id: int

    @property
    def percent(self) -> float | None:
        return float(self.score / self.points * 100) if self.answered and self.points else None


@record
class QuestionRow:
    question_id: str
    prompt: str
    answered: int
    facility: float  # mean score ÷ points
    wrong: str  # the wrong answer given most often ("" when none)
    wrong_count: int


@record
class SetRows:
    set_id: str
    title: str
    questions: tuple[QuestionRow, ...]


def student_rows(
    students: Sequence[Student],
    runs: Mapping[int, RunRecord],
    answers: Mapping[int, Sequence[AnswerRecord]],
    now: datetime,
) -> list[StudentRow]:
    rows = []
    for s in students:
        run = runs.get(s.run_id) if s.run_id is not None else None
        given = answers.get(run.id, ()) if run else ()
        if s.seat is None:
            presence = "not in"
        elif s.seen is not None and now - s.seen <= PRESENT:
            presence = "in"
        else:
            presence = "away"
        rows.append(
            StudentRow(
                s.name,
                presence,
                run.set_title if run else "",
                len(given),
                run.questions if run else 0,
                sum((a.score for a in given), Decimal(0)),
                sum((a.points for a in given), Decimal(0)),
                bool(run and run.finished),
                s.code,
                tuple(s.accommodations.describe()),
                s.id,
            )
        )
    return rows


def question_rows(
    qset: QuestionSet, runs: Iterable[RunRecord], answers: Mapping[int, Sequence[AnswerRecord]]
) -> SetRows:
    by_question: dict[str, list[AnswerRecord]] = {}
    for run in runs:
        if run.set_id != qset.id:
            continue
        for a in answers.get(run.id, ()):
            by_question.setdefault(a.question_id, []).append(a)
    rows = []
    for q in qset.questions:
        given = by_question.get(q.id, [])
        if not given:
            continue
        facility = sum(float(a.score / a.points) if a.points else 0.0 for a in given) / len(given)
        wrong = Counter(answer_text(q, a.answer) for a in given if not a.correct)
        top = wrong.most_common(1)
        rows.append(
            QuestionRow(
                q.id,
                q.prompt,
                len(given),
                facility,
                top[0][0] if top else "",
                top[0][1] if top else 0,
            )
        )
    return SetRows(qset.id, qset.title, tuple(rows))
