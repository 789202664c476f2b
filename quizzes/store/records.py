"""The store's rows as records, and the text forms they are kept in (times in ISO 8601,
decimals as text so sums stay exact, lists and answers as JSON)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from seeds.frozen import builder, record


@record
class RunRecord:
    id: int
    set_id: str
    set_ref: str
    set_title: str
    seed: int
    mode: str
    count: int | None
    tags: tuple[str, ...]
    only: tuple[str, ...] | None
    time_limit: float | None
    questions: int
    points: Decimal
    started: datetime
    finished: datetime | None = None
    abandoned: datetime | None = None
    deadline: datetime | None = None  # an exam with a time limit ends then, whatever happens
    student: str = ""  # "" on a machine of one student (plain `quiz`)
    uid: str = ""  # unique across databases: a results file sent twice counts once

    @property
    def is_retry(self) -> bool:
        return self.only is not None


@record
class CardRecord:
    """A (student, question) pair's spaced-review state: the scheduler's card as JSON."""

    student: str
    set_id: str
    set_ref: str
    question_id: str
    card: dict[str, Any]
    due: datetime
    reviewed: datetime


@record
class AnswerRecord:
    question_id: str
    position: int
    answer: Any
    correct: bool
    score: Decimal
    points: Decimal
    answered_at: datetime
    key: dict[str, Any] | None = None  # the key it was graded against; None: not recorded


@record
class SetStats:
    """A set's history: scores are percentages of finished runs that were not retries."""

    plays: int = 0
    best: float | None = None
    last: float | None = None
    missed_last: int | None = None
    unfinished: RunRecord | None = None
    answered_unfinished: int = 0


CARD_COLUMNS = "student, set_id, set_ref, question_id, card, due, reviewed"


def utc(moment: datetime) -> str:
    """Times compared as text must share one zone and form: UTC, ISO 8601."""
    if moment.tzinfo is None:
        raise ValueError("a naive datetime: give review times with a time zone")
    return moment.astimezone(UTC).isoformat()


def time_of(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def card_of(row: Sequence[Any]) -> CardRecord:
    student, set_id, set_ref, question_id, card, due, reviewed = row
    return CardRecord(
        student,
        set_id,
        set_ref,
        question_id,
        json.loads(card),
        datetime.fromisoformat(due),
        datetime.fromisoformat(reviewed),
    )


ANSWER_ROW = (
    "question_id, position, answer, correct, score, points, answered_at, key_digest, run_id"
)


def key_digest(text: str) -> str:
    """The name a grading key's JSON is kept under in answer_keys: its MD5, as PostgreSQL's
    md5() writes it (a content address, not a safeguard: the store writes every key)."""
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


class AnswerReader:
    """Rows of ANSWER_ROW as records, ``keys`` holding the decoded grading keys by digest.
    The JSON and the amounts a class repeats (a few answers, 0, 1, halves) are decoded once
    per reader, so the records it makes share those values, and their keys: read-only."""

    def __init__(self, keys: Mapping[str, Any]) -> None:
        self.keys = keys
        self.texts: dict[str, Any] = {}
        self.amounts: dict[str, Decimal] = {}

    def records(self, rows: Iterable[Sequence[Any]]) -> list[AnswerRecord]:
        # One loop with its lookups bound to locals: a class's report reads 100,000 rows.
        new, loads, moment, key = _new_answer, json.loads, datetime.fromisoformat, self.keys.get
        texts, amounts = self.texts, self.amounts
        made = []
        for question_id, position, answer, correct, score, points, at, digest, _ in rows:
            value = texts.get(answer, texts)
            if value is texts:
                value = texts[answer] = loads(answer)
            got = amounts.get(score)
            if got is None:
                got = amounts[score] = Decimal(score)
            out_of = amounts.get(points)
            if out_of is None:
                out_of = amounts[points] = Decimal(points)
            made.append(
                new(
                    question_id,
                    position,  # an INTEGER column: an int from either database
                    value,
                    correct == 1,
                    got,
                    out_of,
                    moment(at),
                    None if digest is None else key(digest),
                )
            )
        return made


_new_answer = builder(AnswerRecord)  # a class's answers are read by the hundred thousand


def _stored(value: Any) -> Any:
    return value


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)


def _json_tuple(value: str) -> tuple[Any, ...]:
    return tuple(json.loads(value))


def _json_tuple_or_none(value: str | None) -> tuple[Any, ...] | None:
    return None if value is None else tuple(json.loads(value))


def _text_or_empty(value: str | None) -> str:
    return value or ""


# The runs table's columns, in RunRecord's field order, each with how its stored value
# becomes the field's value.
_RUN_FIELDS: tuple[tuple[str, Callable[[Any], Any]], ...] = (
    ("id", int),
    ("set_id", _stored),
    ("set_ref", _stored),
    ("set_title", _stored),
    ("seed", int),
    ("mode", _stored),
    ("count", _int_or_none),
    ("tags", _json_tuple),
    ("only_ids", _json_tuple_or_none),
    ("time_limit", _float_or_none),
    ("questions", int),
    ("points", Decimal),
    ("started", datetime.fromisoformat),
    ("finished", time_of),
    ("abandoned", time_of),
    ("deadline", time_of),
    ("student", _stored),
    ("uid", _text_or_empty),  # NULL is read as ""
)
RUN_COLUMNS = ", ".join(column for column, _ in _RUN_FIELDS)
_RUN_CONVERTERS = tuple(convert for _, convert in _RUN_FIELDS)


def run_of(row: Sequence[Any]) -> RunRecord:
    """A row of ``SELECT {RUN_COLUMNS} FROM runs`` as a record."""
    return RunRecord(*[convert(value) for convert, value in zip(_RUN_CONVERTERS, row, strict=True)])
