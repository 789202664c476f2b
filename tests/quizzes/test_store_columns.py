"""The runs table's columns are named once (quizzes.store.records): the SELECT list and the
row reader are made from that one list, which matches the table a fresh database has."""

from __future__ import annotations

import sqlite3
from dataclasses import fields
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from quizzes.store import Store
from quizzes.store.records import RUN_COLUMNS, RunRecord, run_of


def test_the_run_columns_are_the_runs_table_of_a_new_database_in_order(tmp_path: Path):
    Store.open(tmp_path / "progress.db").close()
    with sqlite3.connect(tmp_path / "progress.db") as db:
        table = [row[1] for row in db.execute("PRAGMA table_info(runs)")]
    assert RUN_COLUMNS.split(", ") == table
    assert len(table) == len(fields(RunRecord))


def test_a_stored_run_reads_back_field_for_field(tmp_path: Path):
    store = Store.open(tmp_path / "progress.db")
    at = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    started = store.start_run(
        set_id="s",
        set_ref="s.yaml",
        set_title="S",
        seed=7,
        mode="exam",
        count=3,
        tags=("a", "b"),
        only=("q1",),
        time_limit=10.0,
        questions=3,
        points=Decimal("4.5"),
        at=at,
    )
    store.close()
    with sqlite3.connect(tmp_path / "progress.db") as db:
        row = db.execute(f"SELECT {RUN_COLUMNS} FROM runs").fetchone()
    run = run_of(row)
    assert run == started
    assert (run.tags, run.only, run.count, run.points) == (("a", "b"), ("q1",), 3, Decimal("4.5"))
    assert run.deadline == datetime(2024, 3, 1, 9, 40, tzinfo=UTC)
    assert run.finished is None and len(run.uid) == 32


def test_a_row_of_the_wrong_length_is_refused():
    with pytest.raises(ValueError):
        run_of((1, "s"))
