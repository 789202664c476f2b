"""Format 3 of the progress store: a student on every run and answer, a uid per run, review
cards; an older database keeps every row, and each student sees only their own history."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from quizzes.cli import main
from quizzes.store import Store, backup_path
from tests.quizzes.storehelp import answer, start
from tests.quizzes.test_store_migration import make_v1

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


def test_an_old_database_gets_students_uids_and_cards_without_losing_a_row(tmp_path: Path):
    path = tmp_path / "progress.sqlite3"
    make_v1(path)
    store = Store.open(path)
    runs = store.all_runs()
    assert len(runs) == 2 and {r.student for r in runs} == {""}
    assert all(len(r.uid) == 32 for r in runs) and runs[0].uid != runs[1].uid
    assert [a.question_id for a in store.answers(1)] == ["q1"]
    assert store.cards() == []
    store.close()
    db = sqlite3.connect(path)
    assert db.execute("SELECT student FROM answers").fetchall() == [("",)]
    db.close()
    assert backup_path(path, 1).is_file()


def test_each_student_sees_only_their_runs(tmp_path: Path):
    store = Store.open(tmp_path / "p.sqlite3")
    for name in ("Ana", "Bo"):
        store.student = name
        run = start(store, "s", questions=2, points=Decimal(2))
        answer(store, run.id, "q", 0, True, "a", minute=0)
    store.student = "Ana"
    assert [r.student for r in store.unfinished_runs()] == ["Ana"]
    assert store.stats()["s"].answered_unfinished == 1
    store.student = "Cy"
    assert store.unfinished_runs() == [] and store.stats() == {}
    assert store.students() == ["Ana", "Bo"]
    db = sqlite3.connect(tmp_path / "p.sqlite3")
    assert sorted(db.execute("SELECT student FROM answers").fetchall()) == [("Ana",), ("Bo",)]
    db.close()
    store.close()


def test_quiz_review_with_nothing_due_says_so(tmp_path: Path):
    data = str(tmp_path / "data")
    result = CliRunner().invoke(main, ["--data-dir", data, "review"])
    assert result.exit_code == 0 and "Nothing is due for review" in result.output
    result = CliRunner().invoke(main, ["--data-dir", data, "review", "--pack", "nope"])
    assert result.exit_code == 2 and "unknown pack 'nope'" in result.output
