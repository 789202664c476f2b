"""A served student's run, rebuilt from the store on every request: no state lives in a
server process, so a reload resumes it and any server sharing the database can answer.

The run is the engine's (set, pack, seed, options); the answers are the store's, graded
again. Forms come in as text fields and leave as the shapes grading takes.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from quizzes.answerkey import key_of
from quizzes.engine import MODE_BY_NAME, Run, RunItem, Summary, Tally, build_run, summarize
from quizzes.grading import Grade, InvalidAnswer, answer_text, grade
from quizzes.model import (
    Choice,
    FreeText,
    Match,
    Multi,
    Numeric,
    Order,
    Question,
    QuestionSet,
    TrueFalse,
)
from quizzes.store import AnswerRecord, RunRecord, Store
from seeds.model import Pack

ORDINALS = ("1st", "2nd", "3rd")


def ordinal(n: int) -> str:
    return ORDINALS[n - 1] if n <= 3 else f"{n}th"


@dataclass(frozen=True, eq=False)  # hashed by identity: runs are cached per set
class Playable:
    """A set a class can play, with its pack."""

    qset: QuestionSet
    pack: Pack


@contextmanager
def as_student(store: Store, name: str) -> Iterator[Store]:
    """The store acting for one student. The served store is shared by every request on
    one event loop; the calls inside are synchronous, so no other request runs between
    setting the name and using it."""
    before = store.student
    store.student = name
    try:
        yield store
    finally:
        store.student = before


@lru_cache(maxsize=4096)
def _run(
    playable: Playable,
    seed: int,
    mode: str,
    count: int | None,
    tags: tuple[str, ...],
    only: tuple[str, ...] | None,
) -> Run:
    return build_run(
        playable.qset,
        playable.pack,
        seed=seed,
        mode=MODE_BY_NAME.get(mode, "practice"),
        count=count,
        tags=tags,
        only=only,
    )


@dataclass
class Played:
    """A run as stored: the engine's run, its record and the grades of its answers."""

    record: RunRecord
    run: Run
    grades: dict[str, Grade]
    given: dict[str, Any] = field(default_factory=dict)  # each answer as it was stored

    @property
    def current(self) -> RunItem | None:
        return next((i for i in self.run.items if i.question.id not in self.grades), None)

    def position(self, item: RunItem) -> int:
        return self.run.items.index(item)

    @property
    def tally(self) -> Tally:
        total = Tally()
        for grade_ in self.grades.values():
            total = total.add(grade_)
        return total

    def summary(self) -> Summary:
        return summarize(self.run, self.grades)

    def missed(self) -> list[str]:
        summary = self.summary()
        return [*summary.missed, *summary.unanswered]

    def deadline(self) -> datetime | None:
        record = self.record
        if record.mode != "exam" or not record.time_limit:
            return None
        return record.deadline or record.started + timedelta(minutes=record.time_limit)

    def time_left(self, now: datetime) -> float | None:
        deadline = self.deadline()
        return None if deadline is None else max((deadline - now).total_seconds(), 0.0)

    def over(self, now: datetime) -> bool:
        """Finished, every question answered, or the exam's time is up."""
        left = self.time_left(now)
        return bool(
            self.record.finished
            or self.record.abandoned
            or self.current is None
            or (left is not None and left <= 0)
        )


def load(store: Store, run_id: int, playable: Playable) -> Played:
    record, answers = store.run_with_answers(run_id)
    return played(record, answers, playable)


def played(record: RunRecord, answers: Iterable[AnswerRecord], playable: Playable) -> Played:
    """A stored run as it is being played: its questions and the grades of its answers."""
    run = _run(playable, record.seed, record.mode, record.count, tuple(record.tags), record.only)
    ids = {item.question.id for item in run.items}
    grades: dict[str, Grade] = {}
    given: dict[str, Any] = {}
    for stored in answers:
        if stored.question_id in ids:
            try:
                grades[stored.question_id] = grade(
                    run.item(stored.question_id).question, stored.answer, playable.pack
                )
            except InvalidAnswer:
                continue
            given[stored.question_id] = stored.answer
    return Played(record, run, grades, given)


def start(
    store: Store,
    playable: Playable,
    *,
    mode: str,
    seed: int,
    at: datetime,
    time_limit: float | None = None,
    only: Collection[str] | None = None,
) -> RunRecord:
    """A new run for ``store.student``; an exam's time limit is already the student's own
    (with any extra time)."""
    run = _run(playable, seed, mode, None, (), tuple(only) if only is not None else None)
    return store.start_run(
        set_id=playable.qset.id,
        set_ref=playable.qset.id,
        set_title=playable.qset.title,
        seed=seed,
        mode=mode,
        count=None,
        tags=(),
        only=only,
        time_limit=time_limit if mode == "exam" else None,
        questions=len(run.items),
        points=sum((i.question.points for i in run.items), Decimal(0)),
        at=at,
    )


def answer(store: Store, played: Played, item: RunItem, value: Any, at: datetime) -> Grade:
    """Grade and store one answer, with the key it was graded against and its review card,
    in one commit; InvalidAnswer stores nothing."""
    from quizzes.classroom.spaced_review import rating_for, schedule

    result = grade(item.question, value, played.run.pack)
    set_id = played.record.set_id
    # Read before the transaction, so that it holds only the two writes (one student
    # plays one run at a time: no other answer changes this card meanwhile).
    known = store.card(set_id, item.question.id)
    scheduled = schedule(
        None if known is None else known.card, rating_for(result.score, result.points), at
    )
    with store.together():
        store.record_answer(
            played.record.id,
            question_id=item.question.id,
            position=played.position(item),
            answer=value,
            correct=result.correct,
            score=result.score,
            points=result.points,
            at=at,
            key=key_of(item.question),  # the report grades it against what was asked
        )
        store.save_card(
            set_id=set_id,
            set_ref=played.record.set_ref,
            question_id=item.question.id,
            card=scheduled.card,
            due=scheduled.due,
            at=at,
        )
    played.grades[item.question.id] = result
    played.given[item.question.id] = value
    return result


def answer_parts(q: Question, answer: Any) -> list[str]:
    """An answer as lines to list: each choice of several picked, each pair matched; one
    line for any other answer."""
    if isinstance(answer, Mapping):
        return [f"{left} → {right}" for left, right in answer.items()]
    if isinstance(q, Multi) and isinstance(answer, Collection) and not isinstance(answer, str):
        return [str(part) for part in answer] or [answer_text(q, answer)]
    return [answer_text(q, answer)]


# What a question shows ----------------------------------------------------------------------


def shown_options(item: RunItem, seed: int, fewer: bool) -> list[tuple[int, str]]:
    """The options a student sees, each with its index in the run's options. With the
    "one fewer distractor" accommodation a choice or multi question with two or more wrong
    options loses one of them, always the same one for this run."""
    options = list(enumerate(item.options))
    q = item.question
    if not fewer or not isinstance(q, Choice | Multi):
        return options
    right = (
        set(q.answers)
        if isinstance(q, Multi)
        else {q.answer if isinstance(q.answer, str) else q.answer[0]}
    )
    wrong = [index for index, text in options if text not in right]
    if len(wrong) < 2:
        return options
    dropped = random.Random(f"{seed}:{q.id}:fewer").choice(wrong)
    return [(index, text) for index, text in options if index != dropped]


def read_answer(item: RunItem, form: Mapping[str, Sequence[str]]) -> Any:
    """The answer a question's form sent, in the shape grading takes; InvalidAnswer with
    what to do when it is missing or not one of the options shown."""
    q = item.question
    options = item.options
    if isinstance(q, Choice):
        if not _one(form, "answer"):
            raise InvalidAnswer("choose an answer, then press Answer")
        return _option(options, _one(form, "answer"))
    if isinstance(q, Multi):
        picked = [_option(options, v) for v in form.get("answer", [])]
        return [text for text in options if text in picked]
    if isinstance(q, TrueFalse):
        value = _one(form, "answer")
        if value not in ("true", "false"):
            raise InvalidAnswer("choose True or False, then press Answer")
        return value == "true"
    if isinstance(q, Numeric | FreeText):
        text = _one(form, "answer").strip()
        if not text:
            raise InvalidAnswer("type your answer, then press Answer")
        return text
    if isinstance(q, Match):
        return _matches(q, options, form)
    if isinstance(q, Order):
        return _ordered(options, form)
    raise InvalidAnswer("this question cannot be answered here")


def _one(form: Mapping[str, Sequence[str]], name: str) -> str:
    """The last value the form sent under ``name``, or ""."""
    values = form.get(name) or [""]
    return values[-1]


def _option(options: Sequence[str], text: str) -> str:
    """The option shown at the index ``text`` gives."""
    try:
        index = int(text)
    except ValueError:
        raise InvalidAnswer("choose one of the answers") from None
    if not 0 <= index < len(options):
        raise InvalidAnswer("choose one of the answers")
    return options[index]


def _matches(q: Match, options: Sequence[str], form: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """A match question's answer: each left side with the option chosen for it."""
    chosen: dict[str, str] = {}
    for n, pair in enumerate(q.pairs):
        value = _one(form, f"match-{n}")
        if not value:
            raise InvalidAnswer(f"choose a match for “{pair.left}”")
        chosen[pair.left] = _option(options, value)
    return chosen


def _ordered(options: Sequence[str], form: Mapping[str, Sequence[str]]) -> list[str]:
    """An order question's answer: the options in the places given, each its own."""
    places: dict[int, str] = {}
    for n, text in enumerate(options):
        value = _one(form, f"order-{n}")
        try:
            place = int(value)
        except ValueError:
            raise InvalidAnswer(f"give “{text}” a place") from None
        if place in places or not 1 <= place <= len(options):
            raise InvalidAnswer(
                f"give each item its own place, from 1 to {len(options)} "
                f"(two items are {ordinal(place)})"
                if place in places
                else f"give each item a place from 1 to {len(options)}"
            )
        places[place] = text
    return [places[p] for p in sorted(places)]
