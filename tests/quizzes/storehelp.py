"""Starting runs and recording answers in a progress store, for the store's tests."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from quizzes.store import Store
from quizzes.store import sqlite as store_module

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


WRITES = ("INSERT", "UPDATE", "DELETE", "COMMIT", "PRAGMA USER_VERSION =")


class FullDisk(sqlite3.Connection):
    """A connection whose writes fail as on a full disk once ``FullDisk.full`` is set."""

    full = False

    def execute(self, sql: str, *args, **kwargs):  # type: ignore[override]
        if FullDisk.full and sql.lstrip().upper().startswith(WRITES):
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args, **kwargs)


@pytest.fixture
def full_disk(monkeypatch) -> type[FullDisk]:
    """Stores opened from now on fill up when ``full_disk.full = True``."""
    real = sqlite3.connect

    def connect(database, *args, **kwargs):
        if str(database) != ":memory:":
            kwargs["factory"] = FullDisk
        return real(database, *args, **kwargs)

    monkeypatch.setattr(store_module.sqlite3, "connect", connect)
    monkeypatch.setattr(FullDisk, "full", False)
    return FullDisk
