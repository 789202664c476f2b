"""The attempt store: answers committed as given, history per set, bad files left alone.
Behaviour is checked on SQLite and PostgreSQL alike (the ``database`` fixture); what only
a file can suffer (damage, someone else's file) on SQLite."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from quizzes.store import FORMAT, Store, StoreError
from tests.quizzes.storehelp import T0, answer, at, start


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "deep" / "progress.sqlite3"


def test_a_new_database_gets_the_current_format(path: Path):
    Store.open(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == FORMAT
    assert {"runs", "answers"} <= {
        n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }


def test_each_answer_is_visible_to_another_connection_at_once(database):
    store = Store.open(database)
    run = start(store)
    answer(store, run.id, "q1", 0, True, {"left [a]": "right"})
    # A second connection sees it without any close or commit call: it is saved.
    other = Store.open(database)
    assert [(a.question_id, a.answer, a.correct) for a in other.answers(run.id)] == [
        ("q1", {"left [a]": "right"}, True)
    ]
    other.close()
    store.close()


def test_a_new_database_of_either_kind_is_the_current_format_with_the_class_tables(database):
    store = Store.open(database)
    assert {"runs", "answers", "cards", "class_students", "class_sessions"} <= (
        store.database.tables()
    )
    store.close()
    Store.open(database).close()  # opening again changes nothing


def test_answers_round_trip_in_their_shapes(database):
    store = Store.open(database)
    run = start(store)
    shapes = ["Five years", ["a", "b"], True, "5,000", {"x": "y"}, ["c", "a", "b"]]
    for position, shape in enumerate(shapes):
        answer(store, run.id, f"q{position}", position, False, shape)
    assert [a.answer for a in store.answers(run.id)] == shapes
    assert store.answers(run.id)[0].answered_at == at(1)


def test_a_run_with_its_answers_is_the_run_and_its_answers(database):
    store = Store.open(database)
    empty, run, other = start(store, "a"), start(store, "b", minute=1), start(store, "c")
    answer(store, run.id, "q2", 1, True, ["x", "y"])
    answer(store, run.id, "q1", 0, False, "no")
    answer(store, other.id, "q1", 0, True)
    record, answers = store.run_with_answers(run.id)
    assert record == store.run(run.id) and answers == store.answers(run.id)
    assert [a.question_id for a in answers] == ["q1", "q2"]
    assert store.run_with_answers(empty.id) == (store.run(empty.id), [])
    with pytest.raises(KeyError):
        store.run_with_answers(other.id + 100)


def test_chosen_runs_come_with_their_answers(database):
    store = Store.open(database)
    first, second, quiet = start(store, "a"), start(store, "b", minute=1), start(store, "c")
    answer(store, second.id, "q2", 1, True)
    answer(store, first.id, "q1", 0, False, "no")
    answer(store, second.id, "q1", 0, False)
    chosen = store.runs_with_answers([second.id, quiet.id])  # oldest first: quiet at minute 0
    assert chosen == [(store.run(quiet.id), []), (store.run(second.id), store.answers(second.id))]
    assert [a.question_id for a in chosen[1][1]] == ["q1", "q2"]
    assert store.runs_with_answers([]) == []


def test_every_run_and_answer_is_read_in_two_queries_and_each_key_once(tmp_path):
    store = Store.open(tmp_path / "progress.sqlite3")
    key = {"type": "choice", "choices": ["a", "b"], "answer": "a"}
    for minute in range(30):
        run = start(store, f"s{minute}", minute=minute)
        for position, qid in enumerate(("q1", "q2", "q3")):
            store.record_answer(
                run.id,
                question_id=qid,
                position=position,
                answer="a",
                correct=True,
                score=Decimal(1),
                points=Decimal(1),
                at=at(minute),
                key={**key, "id": qid},
            )
    sent: list[str] = []
    store.database.connection.set_trace_callback(sent.append)
    found = store.runs_with_answers()
    assert len(found) == 30 and all(len(answers) == 3 for _, answers in found)
    assert len(sent) == 3 and "answer_keys" in sent[-1]  # runs, answers, the three keys
    sent.clear()
    store.runs_with_answers()
    assert len(sent) == 2  # the keys are known now
    assert [a.key["id"] for a in found[0][1]] == ["q1", "q2", "q3"]


def test_every_run_comes_with_its_answers_oldest_run_first(database):
    store = Store.open(database)
    later = start(store, "s2", minute=5)
    earlier = start(store, "s1", minute=1)
    _unanswered = start(store, "s3", minute=9)
    key = {"type": "choice", "choices": ["a", "b"], "answer": "a"}
    for position, (qid, value) in enumerate([("q2", "b"), ("q1", ["a", "b"])]):
        store.record_answer(
            earlier.id,
            question_id=qid,
            position=position,
            answer=value,
            correct=position == 1,
            score=Decimal("0.5") * position,
            points=Decimal(1),
            at=at(2 + position),
            key=key,
        )
    answer(store, later.id, "q9", 0, True, {"x": "y"})
    together = store.runs_with_answers()
    # As run by run: the same runs, in started order, each with the same answers.
    assert [run for run, _ in together] == sorted(store.all_runs(), key=lambda r: r.started)
    assert [(run.set_id, answers) for run, answers in together] == [
        (run.set_id, store.answers(run.id)) for run in (earlier, later, _unanswered)
    ]
    first = together[0][1]
    assert [(a.question_id, a.answer, a.score, a.key) for a in first] == [
        ("q2", "b", Decimal(0), key),
        ("q1", ["a", "b"], Decimal("0.5"), key),
    ]
    assert together[2][1] == []
    store.close()


def test_a_repeated_answer_replaces_the_first(database):
    store = Store.open(database)
    run = start(store)
    answer(store, run.id, "q1", 0, False, "no")
    answer(store, run.id, "q1", 0, True, "yes")
    assert [(a.answer, a.correct) for a in store.answers(run.id)] == [("yes", True)]


def test_unfinished_runs_newest_first_with_answers_and_not_finished_or_abandoned(database):
    store = Store.open(database)
    first, second, done, dropped, _no_answers = (start(store, f"s{n}", minute=n) for n in range(5))
    for run in (first, second, done, dropped):
        answer(store, run.id, "q1", 0, True)
    store.finish_run(done.id, at(10))
    store.abandon_run(dropped.id, at(10))
    assert [r.id for r in store.unfinished_runs()] == [second.id, first.id]


def test_run_options_round_trip(database):
    store = Store.open(database)
    run = start(
        store,
        mode="exam",
        count=3,
        tags=("figures", "gsi"),
        only=("q2",),
        time_limit=1.5,
        points=Decimal("2.5"),
    )
    again = Store.open(database).run(run.id)
    assert again == run
    assert again.tags == ("figures", "gsi") and again.only == ("q2",) and again.is_retry
    assert again.points == Decimal("2.5") and again.started == T0


def test_stats_best_last_missed_and_unfinished(database):
    store = Store.open(database)
    one = start(store, minute=0)
    for n, right in enumerate([True, True, True, False]):
        answer(store, one.id, f"q{n}", n, right)
    store.finish_run(one.id, at(5))
    two = start(store, minute=10)
    answer(store, two.id, "q0", 0, True)  # 1 of 4; 3 missed (1 wrong... here unanswered)
    store.finish_run(two.id, at(15))
    retry = start(store, minute=20, only=("q3",), questions=1, points=Decimal(1))
    answer(store, retry.id, "q3", 0, True)
    store.finish_run(retry.id, at(21))
    open_run = start(store, minute=30)
    answer(store, open_run.id, "q0", 0, True)
    answer(store, open_run.id, "q1", 1, False)
    stats = store.stats()["s"]
    assert stats.plays == 2
    assert stats.best == 75.0 and stats.last == 25.0
    assert stats.missed_last == 3  # retries do not count as the last play of the set
    assert stats.unfinished is not None and stats.unfinished.id == open_run.id
    assert stats.answered_unfinished == 2
    assert store.stats().get("never-played") is None


def test_partial_credit_is_kept_exactly(database):
    store = Store.open(database)
    run = start(store, questions=3, points=Decimal(3))
    for n in range(3):
        store.record_answer(
            run.id,
            question_id=f"q{n}",
            position=n,
            answer=[],
            correct=False,
            score=Decimal("0.3333"),
            points=Decimal(1),
            at=at(1),
        )
    store.finish_run(run.id, at(2))
    assert store.stats()["s"].last == pytest.approx(33.33)


def test_a_corrupt_file_is_reported_and_left_untouched(path: Path):
    path.parent.mkdir(parents=True)
    junk = b"this is not a database, it is a note I kept\n" * 200
    path.write_bytes(junk)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(path) in str(caught.value)
    assert "cannot be read" in str(caught.value) and "left untouched" in str(caught.value)
    assert path.read_bytes() == junk


def test_a_damaged_database_is_reported_and_left_untouched(path: Path):
    store = Store.open(path)
    run = start(store)
    for n in range(200):
        answer(store, run.id, f"q{n}", n, True, "x" * 200)
    store.close()
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // 4096):  # scribble over every page header but the first
        data[page * 4096 : page * 4096 + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        Store.open(path)
    assert path.read_bytes() == bytes(data)


def test_a_newer_format_is_refused_and_left_untouched(path: Path):
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {FORMAT + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert "newer classbrief" in str(caught.value)
    assert path.read_bytes() == before


def test_someone_elses_sqlite_file_is_refused(path: Path):
    path.parent.mkdir(parents=True)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.commit()
    db.close()
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert "not a classbrief progress database" in str(caught.value)
    assert sqlite3.connect(path).execute("SELECT count(*) FROM recipes").fetchone() == (0,)


def test_a_folder_that_cannot_be_created_is_a_store_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        Store.open(blocker / "sub" / "progress.sqlite3")
