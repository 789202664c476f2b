"""Starting runs and recording answers in a progress store, for the store's tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from quizzes.store import Store

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def start(store: Store, set_id: str = "s", minute: float = 0, **overrides):
    options = dict(
        set_id=set_id,
        set_ref=set_id,
        set_title="A [b] set",
        seed=7,
        mode="practice",
        count=None,
        tags=(),
        only=None,
        time_limit=None,
        questions=4,
        points=Decimal(4),
        at=at(minute),
    )
    options.update(overrides)
    return store.start_run(**options)


def answer(
    store: Store,
    run_id: int,
    qid: str,
    position: int,
    correct: bool,
    value: object = "x",
    minute: float = 1,
) -> None:
    store.record_answer(
        run_id,
        question_id=qid,
        position=position,
        answer=value,
        correct=correct,
        score=Decimal(int(correct)),
        points=Decimal(1),
        at=at(minute),
    )
