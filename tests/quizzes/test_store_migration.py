"""Bringing a progress database of an older format up to date: backup first, never wipe."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quizzes.store import FORMAT, Migration, Store, StoreError, add_column, backup_path
from quizzes.store import schema as store_module

# The first format exactly as classbrief 0.1 wrote it.
V1 = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY, set_id TEXT NOT NULL, set_ref TEXT NOT NULL,
    set_title TEXT NOT NULL, seed INTEGER NOT NULL, mode TEXT NOT NULL, count INTEGER,
    tags TEXT NOT NULL, only_ids TEXT, time_limit REAL, questions INTEGER NOT NULL,
    points TEXT NOT NULL, started TEXT NOT NULL, finished TEXT, abandoned TEXT);
CREATE TABLE answers (
    run_id INTEGER NOT NULL REFERENCES runs(id), question_id TEXT NOT NULL,
    position INTEGER NOT NULL, answer TEXT NOT NULL, correct INTEGER NOT NULL,
    score TEXT NOT NULL, points TEXT NOT NULL, answered_at TEXT NOT NULL,
    PRIMARY KEY (run_id, question_id));
CREATE INDEX runs_by_set ON runs (set_id, finished);
INSERT INTO runs VALUES (1, 'gsi-figures', 'gsi-figures', 'Figures', 7, 'exam', NULL, '[]',
    NULL, 2.5, 4, '4', '2024-03-04T09:00:00+00:00', NULL, NULL);
INSERT INTO runs VALUES (2, 'gsi-figures', 'gsi-figures', 'Figures', 8, 'practice', NULL,
    '[]', NULL, NULL, 4, '4', '2024-03-05T09:00:00+00:00', '2024-03-05T09:10:00+00:00', NULL);
INSERT INTO answers VALUES (1, 'q1', 0, '"5000"', 1, '1', '1', '2024-03-04T09:01:00+00:00');
PRAGMA user_version = 1;
"""


def make_v1(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript(V1)
    db.close()


def dump(path: Path) -> tuple[int, list[tuple], list[tuple]]:
    db = sqlite3.connect(path)
    try:
        return (
            db.execute("PRAGMA user_version").fetchone()[0],
            db.execute("SELECT * FROM runs ORDER BY id").fetchall(),
            db.execute("SELECT * FROM answers").fetchall(),
        )
    finally:
        db.close()


def schema(path: Path) -> dict[str, list[tuple]]:
    db = sqlite3.connect(path)
    try:
        tables = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: [row[1:3] for row in db.execute(f"PRAGMA table_info({t})")] for t in tables}
    finally:
        db.close()


def test_format_1_is_migrated_with_a_backup_and_nothing_lost(tmp_path: Path):
    path = tmp_path / "progress.sqlite3"
    make_v1(path)
    before = dump(path)
    store = Store.open(path)
    exam, practice = store.run(1), store.run(2)
    assert exam.time_limit == 2.5 and exam.deadline is not None
    assert exam.deadline.isoformat() == "2024-03-04T09:02:30+00:00"
    assert practice.deadline is None and practice.finished is not None
    assert [a.question_id for a in store.answers(1)] == ["q1"]
    store.close()
    assert dump(path)[0] == FORMAT == 6
    backup = backup_path(path, 1)
    assert backup.is_file() and dump(backup) == before  # the copy is the old file, as it was
    # A migrated database has exactly the shape of a new one.
    Store.open(tmp_path / "new.sqlite3").close()
    assert schema(path) == schema(tmp_path / "new.sqlite3")
    # Opening again migrates nothing and keeps the one backup.
    Store.open(path).close()
    assert sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name) == [backup.name]


def test_a_failing_migration_changes_nothing_and_says_so(tmp_path: Path, monkeypatch):
    path = tmp_path / "progress.sqlite3"
    make_v1(path)
    before = dump(path)

    def broken(db: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(
        store_module,
        "MIGRATIONS",
        (Migration(2, "x", (add_column("runs", "deadline", "TEXT"),), broken),),
    )
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert "cannot upgrade" in caught.value.problem and "format 1" in caught.value.problem
    assert str(backup_path(path, 1)) in caught.value.hint
    assert dump(path) == before  # the half-done step was rolled back


def test_adding_a_column_is_one_appended_migration(tmp_path: Path, monkeypatch):
    path = tmp_path / "progress.sqlite3"
    make_v1(path)
    monkeypatch.setattr(
        store_module,
        "MIGRATIONS",
        (
            *store_module.MIGRATIONS,
            Migration(
                FORMAT + 1,
                "runs name their room",
                (add_column("runs", "room", "TEXT NOT NULL DEFAULT ''"),),
            ),
        ),
    )
    monkeypatch.setattr(store_module, "FORMAT", FORMAT + 1)
    Store.open(path).close()
    version, runs, _ = dump(path)
    assert version == FORMAT + 1 and len(runs) == 2 and runs[0][-1] == ""
    assert backup_path(path, 1).is_file()  # one copy, before the first step of the two
    assert not backup_path(path, 2).exists() and not backup_path(path, FORMAT).exists()


def test_format_3_answers_are_kept_and_new_answers_keep_their_key(tmp_path: Path, monkeypatch):
    """Format 4 stores with each answer the key it was graded against; answers from
    before are kept as they were, with no key recorded."""
    from decimal import Decimal

    from tests.quizzes.storehelp import start

    path = tmp_path / "progress.sqlite3"
    with monkeypatch.context() as old:
        old.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:2])
        old.setattr(store_module, "FORMAT", 3)
        store = Store.open(path)
        run = start(store, questions=2, points=Decimal(2))
        store.close()
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO answers VALUES (?, 'q1', 0, '\"Ten years\"', 1, '1', '1', "
        "'2024-03-04T09:01:00+00:00', '')",
        (run.id,),
    )
    db.commit()
    db.close()
    before = dump(path)
    store = Store.open(path)
    [kept] = store.answers(run.id)
    assert (kept.question_id, kept.answer, kept.key) == ("q1", "Ten years", None)
    key = {"type": "choice", "choices": ["Five years", "Ten years"], "answer": "Five years"}
    store.record_answer(
        run.id,
        question_id="q2",
        position=1,
        answer="Five years",
        correct=True,
        score=Decimal(1),
        points=Decimal(1),
        at=kept.answered_at,
        key=key,
    )
    assert store.answers(run.id)[1].key == key
    store.close()
    assert dump(path)[0] == FORMAT and dump(backup_path(path, 3)) == before
    Store.open(tmp_path / "new.sqlite3").close()
    assert schema(path) == schema(tmp_path / "new.sqlite3")


def test_format_4_with_the_class_tables_of_their_own_numbering_keeps_its_students(
    tmp_path: Path, monkeypatch
):
    """Before format 5 the class register kept its tables under a numbering of its own
    (class_format); they are kept, rows and all, and numbered with the rest."""
    from quizzes.classroom.register import Register

    path = tmp_path / "progress.sqlite3"
    with monkeypatch.context() as old:
        old.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:3])
        old.setattr(store_module, "FORMAT", 4)
        Store.open(path).close()
    db = sqlite3.connect(path)
    for statement in store_module.MIGRATIONS[3].steps:  # as the register made them
        db.execute(statement.replace(" IF NOT EXISTS", ""))
    db.execute("CREATE TABLE class_format (version INTEGER NOT NULL)")
    db.execute("INSERT INTO class_format VALUES (1)")
    db.execute(
        "INSERT INTO class_students (name, name_key, code, joined) "
        "VALUES ('Ana', 'ana', 'ACDEF', '2024-03-04T09:00:00+00:00')"
    )
    db.execute("INSERT INTO class_settings VALUES ('secret', 'ab12')")
    db.commit()
    db.close()
    register = Register.open(path)
    [ana] = register.students()
    assert (ana.name, ana.code, register.secret()) == ("Ana", "ACDEF", bytes.fromhex("ab12"))
    register.close()
    assert dump(path)[0] == FORMAT and backup_path(path, 4).is_file()
    Store.open(tmp_path / "new.sqlite3").close()
    assert schema(path) == schema(tmp_path / "new.sqlite3")


def test_class_tables_of_a_newer_numbering_are_refused_and_left_as_they_were(tmp_path: Path):
    path = tmp_path / "progress.sqlite3"
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 4")
    db.execute("CREATE TABLE class_format (version INTEGER NOT NULL)")
    db.execute("INSERT INTO class_format VALUES (2)")
    db.commit()
    db.close()
    before = dump(path)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert "newer classbrief" in str(caught.value) and dump(path) == before


KEY_A = {"type": "choice", "choices": ["Five years", "Diez <b>&</b> años"], "answer": "Five years"}
KEY_B = {"type": "number", "answer": 5000, "unit": "personnel"}


def format_5_with_keys(where: str | Path, monkeypatch, insert) -> int:
    """A format-5 database (each answer keeps its key's JSON) with three answers sharing
    two keys; the id of their run. ``insert`` runs one SQL statement with ``?``-less
    positional values on a plain connection."""
    import json
    from decimal import Decimal

    from tests.quizzes.storehelp import start

    with monkeypatch.context() as old:
        old.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:4])
        old.setattr(store_module, "FORMAT", 5)
        store = Store.open(where)
        runs = [start(store, questions=2, points=Decimal(2)) for _ in range(2)]
        store.close()
    for run, question, key in (
        (runs[0], "q1", KEY_A),
        (runs[0], "q2", KEY_B),
        (runs[1], "q1", KEY_A),
    ):
        insert(
            (
                run.id,
                question,
                0,
                '"Five years"',
                1,
                "1",
                "1",
                "2024-03-04T09:01:00+00:00",
                "",
                json.dumps(key, ensure_ascii=False),
            ),
        )
    return runs[0].id


def check_keys_kept_once(store: Store, where: str | Path, first_run: int, count_keys) -> None:
    from decimal import Decimal

    by_question = {a.question_id: a.key for a in store.answers(first_run)}
    assert by_question == {"q1": KEY_A, "q2": KEY_B}
    assert [a.key for _, answers in store.runs_with_answers() for a in answers] == [
        KEY_A,
        KEY_B,
        KEY_A,
    ]
    assert count_keys() == 2  # each key once, however many answers name it
    # A key written after the migration is found under the digest the database gave it
    # (the same for any text, accents included): still two.
    fresh = Store.open(where)
    fresh.record_answer(
        first_run + 1,
        question_id="q2",
        position=1,
        answer="Five years",
        correct=True,
        score=Decimal(1),
        points=Decimal(1),
        at=store.run(first_run).started,
        key=KEY_A,
    )
    fresh.close()
    assert count_keys() == 2
    assert store.answers(first_run + 1)[1].key == KEY_A


def test_format_5_keys_are_kept_once_and_answers_name_them(tmp_path: Path, monkeypatch):
    path = tmp_path / "progress.sqlite3"

    def insert(values: tuple) -> None:
        with sqlite3.connect(path) as db:
            db.execute("INSERT INTO answers VALUES (?,?,?,?,?,?,?,?,?,?)", values)

    first = format_5_with_keys(path, monkeypatch, insert)
    store = Store.open(path)

    def count_keys() -> int:
        return store.database.execute("SELECT count(*) FROM answer_keys").fetchone()[0]

    check_keys_kept_once(store, path, first, count_keys)
    store.close()
    assert "answer_key" not in dict(schema(path)["answers"])
    Store.open(tmp_path / "new.sqlite3").close()
    assert schema(path) == schema(tmp_path / "new.sqlite3")
