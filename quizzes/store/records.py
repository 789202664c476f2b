"""The store's rows as records, and the text forms they are kept in (times in ISO 8601,
decimals as text so sums stay exact, lists and answers as JSON)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from seeds.frozen import record


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


ANSWER_COLUMNS = "question_id, position, answer, correct, score, points, answered_at, key_digest"


def key_digest(text: str) -> str:
    """The name a grading key's JSON is kept under in answer_keys: its MD5, as PostgreSQL's
    md5() writes it (a content address, not a safeguard: the store writes every key)."""
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def answer_of(
    row: Sequence[Any], keys: Mapping[str, Any], decoded: dict[str, Any] | None = None
) -> AnswerRecord:
    """The record of one row of ANSWER_COLUMNS; ``keys`` holds the decoded grading keys by
    digest. With ``decoded`` (texts already decoded, shared by the rows of one read), the
    JSON a class repeats (the same few answers) is decoded once: the records then share
    those values, and their keys, read-only."""
    question_id, position, answer, correct, score, points, at, digest = row
    if decoded is None:
        decoded = {}
    return AnswerRecord(
        question_id,
        int(position),
        _decoded(answer, decoded),
        bool(correct),
        _amount(score, decoded),
        _amount(points, decoded),
        datetime.fromisoformat(at),
        None if digest is None else keys.get(digest),
    )


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


def _amount(text: str, decoded: dict[str, Any]) -> Decimal:
    """A decimal kept as text (a few values recur: 0, 1, halves)."""
    value = decoded.get("\0" + text)  # apart from JSON texts, which never start so
    if value is None:
        value = decoded["\0" + text] = Decimal(text)
    return value


def _decoded(text: str, decoded: dict[str, Any]) -> Any:
    value = decoded.get(text, decoded)
    if value is decoded:
        value = decoded[text] = json.loads(text)
    return value


def run_of(row: Sequence[Any]) -> RunRecord:
    """A row of ``SELECT {RUN_COLUMNS} FROM runs`` as a record."""
    return RunRecord(*[convert(value) for convert, value in zip(_RUN_CONVERTERS, row, strict=True)])
