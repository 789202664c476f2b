"""Attempts in SQLite: every run and every answer, committed the moment it is given.

The store is the one place progress lives. It never deletes or rewrites a file it
cannot read: a corrupt database or one written by a newer classbrief raises
StoreError with a message that says where the file is and what to do, and the
file is left exactly as it was. Times come in as parameters, so nothing here
reads a clock.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

FORMAT = 1
"""The schema version, kept in SQLite's user_version. Bump it with a migration."""

_SCHEMA = """
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    set_id      TEXT NOT NULL,
    set_ref     TEXT NOT NULL,     -- what to load the set from again: its id or a file path
    set_title   TEXT NOT NULL,
    seed        INTEGER NOT NULL,
    mode        TEXT NOT NULL,
    count       INTEGER,           -- NULL: every question
    tags        TEXT NOT NULL,     -- JSON list
    only_ids    TEXT,              -- JSON list of question ids (a retry); NULL: not a retry
    time_limit  REAL,              -- minutes; NULL: none
    questions   INTEGER NOT NULL,  -- how many questions the run has
    points      TEXT NOT NULL,     -- points possible, a decimal as text
    started     TEXT NOT NULL,     -- ISO 8601
    finished    TEXT,
    abandoned   TEXT
);
CREATE TABLE answers (
    run_id      INTEGER NOT NULL REFERENCES runs(id),
    question_id TEXT NOT NULL,
    position    INTEGER NOT NULL,  -- the question's place in the run, from 0
    answer      TEXT NOT NULL,     -- JSON, in the shape grading takes
    correct     INTEGER NOT NULL,
    score       TEXT NOT NULL,     -- decimals as text: sums stay exact
    points      TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (run_id, question_id)
);
CREATE INDEX runs_by_set ON runs (set_id, finished);
"""


class StoreError(Exception):
    """The progress database cannot be used; the message says why and what to do."""

    def __init__(self, path: Path | str, problem: str, hint: str) -> None:
        self.path = str(path)
        self.problem = problem
        self.hint = hint
        super().__init__(f"{self.path}: {problem}; {hint}")


@dataclass(frozen=True)
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

    @property
    def is_retry(self) -> bool:
        return self.only is not None


@dataclass(frozen=True)
class AnswerRecord:
    question_id: str
    position: int
    answer: Any
    correct: bool
    score: Decimal
    points: Decimal
    answered_at: datetime


@dataclass(frozen=True)
class SetStats:
    """A set's history: scores are percentages of finished runs that were not retries."""

    plays: int = 0
    best: float | None = None
    last: float | None = None
    missed_last: int | None = None
    unfinished: RunRecord | None = None
    answered_unfinished: int = 0


_RUN_COLUMNS = ("id, set_id, set_ref, set_title, seed, mode, count, tags, only_ids, time_limit, "
                "questions, points, started, finished, abandoned")


class Store:
    """One open progress database. Writes are autocommitted: an answer is on disk when
    ``record_answer`` returns."""

    def __init__(self, connection: sqlite3.Connection, path: Path | str) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open or create the database at ``path``; raise StoreError, never touch a bad file."""
        memory = str(path) == ":memory:"
        if not memory:
            path = Path(path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(path.parent, f"cannot create the folder ({err.strerror})",
                                 "choose another with --data-dir") from None
        try:
            # isolation_level=None: autocommit, so each answer is committed by itself.
            db = sqlite3.connect(str(path), isolation_level=None, timeout=5)
        except sqlite3.Error as err:
            raise StoreError(path, f"cannot open the progress database ({err})",
                             "check the file's permissions or use --data-dir") from None
        try:
            _check_readable(db, path)
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > FORMAT:
                raise StoreError(
                    path, f"the progress database is format {version}, written by a newer "
                    f"classbrief (this one reads format {FORMAT})",
                    "upgrade classbrief, or use --data-dir for a separate folder; "
                    "the file was left untouched")
            if version == 0:
                _create(db, path)
            if not memory:
                # WAL: a kill between answers leaves a consistent file, and a second
                # window can read while this one writes.
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=FULL")
        except StoreError:
            db.close()
            raise
        except sqlite3.Error as err:
            db.close()
            raise _unreadable(path, err) from None
        return cls(db, path)

    def close(self) -> None:
        self._db.close()

    # Runs -------------------------------------------------------------------------------

    def start_run(self, *, set_id: str, set_ref: str, set_title: str, seed: int, mode: str,
                  count: int | None, tags: Iterable[str], only: Iterable[str] | None,
                  time_limit: float | None, questions: int, points: Decimal,
                  at: datetime) -> RunRecord:
        tags_json = json.dumps(list(tags))
        only_json = None if only is None else json.dumps(list(only))
        cursor = self._db.execute(
            "INSERT INTO runs (set_id, set_ref, set_title, seed, mode, count, tags, only_ids, "
            "time_limit, questions, points, started) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (set_id, set_ref, set_title, seed, mode, count, tags_json, only_json, time_limit,
             questions, str(points), at.isoformat()))
        return self.run(int(cursor.lastrowid or 0))

    def run(self, run_id: int) -> RunRecord:
        row = self._db.execute(f"SELECT {_RUN_COLUMNS} FROM runs WHERE id = ?",
                               (run_id,)).fetchone()
        if row is None:
            raise KeyError(run_id)
        return _run(row)

    def finish_run(self, run_id: int, at: datetime) -> None:
        self._db.execute("UPDATE runs SET finished = ? WHERE id = ? AND finished IS NULL",
                         (at.isoformat(), run_id))

    def abandon_run(self, run_id: int, at: datetime) -> None:
        """Stop offering a run for resuming; its answers stay."""
        self._db.execute("UPDATE runs SET abandoned = ? WHERE id = ? AND finished IS NULL",
                         (at.isoformat(), run_id))

    def unfinished_runs(self) -> list[RunRecord]:
        """Runs to offer for resuming, the most recently started first: neither finished
        nor abandoned, with at least one answer (a run left at once is not worth it)."""
        rows = self._db.execute(
            f"SELECT {_RUN_COLUMNS} FROM runs WHERE finished IS NULL AND abandoned IS NULL "
            "AND EXISTS (SELECT 1 FROM answers WHERE answers.run_id = runs.id) "
            "ORDER BY started DESC, id DESC").fetchall()
        return [_run(row) for row in rows]

    # Answers ----------------------------------------------------------------------------

    def record_answer(self, run_id: int, *, question_id: str, position: int, answer: Any,
                      correct: bool, score: Decimal, points: Decimal, at: datetime) -> None:
        """Store one answer; committed before this returns. A repeat replaces the earlier."""
        self._db.execute(
            "INSERT INTO answers (run_id, question_id, position, answer, correct, score, "
            "points, answered_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (run_id, question_id) "
            "DO UPDATE SET answer = excluded.answer, correct = excluded.correct, "
            "score = excluded.score, points = excluded.points, "
            "answered_at = excluded.answered_at",
            (run_id, question_id, position, json.dumps(answer, default=str, ensure_ascii=False),
             int(correct), str(score), str(points), at.isoformat()))

    def answers(self, run_id: int) -> list[AnswerRecord]:
        rows = self._db.execute(
            "SELECT question_id, position, answer, correct, score, points, answered_at "
            "FROM answers WHERE run_id = ? ORDER BY position", (run_id,)).fetchall()
        return [AnswerRecord(q, pos, json.loads(a), bool(c), Decimal(s), Decimal(p),
                             datetime.fromisoformat(t)) for q, pos, a, c, s, p, t in rows]

    # History ----------------------------------------------------------------------------

    def stats(self) -> dict[str, SetStats]:
        """Best and last score, missed last time and any unfinished run, for every set."""
        totals: dict[int, tuple[Decimal, int, int]] = {}
        for run_id, score, correct, answered in self._db.execute(
                "SELECT run_id, group_concat(score, ' '), sum(correct), count(*) "
                "FROM answers GROUP BY run_id"):
            totals[run_id] = (sum((Decimal(s) for s in score.split()), Decimal(0)),
                              correct, answered)
        found: dict[str, SetStats] = {}
        rows = self._db.execute(
            f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY started, id").fetchall()
        for run in map(_run, rows):
            stats = found.get(run.set_id, SetStats())
            score, correct, answered = totals.get(run.id, (Decimal(0), 0, 0))
            if run.finished and not run.is_retry:
                percent = float(score / run.points * 100) if run.points else 0.0
                stats = SetStats(stats.plays + 1, max(stats.best or 0.0, percent), percent,
                                 run.questions - correct, stats.unfinished,
                                 stats.answered_unfinished)
            elif not run.finished and not run.abandoned and answered:
                stats = SetStats(stats.plays, stats.best, stats.last, stats.missed_last,
                                 run, answered)
            found[run.set_id] = stats
        return found


def _check_readable(db: sqlite3.Connection, path: Path | str) -> None:
    try:
        db.execute("PRAGMA schema_version").fetchone()
        verdict = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as err:
        raise _unreadable(path, err) from None
    if verdict != "ok":
        raise _unreadable(path, verdict)


def _unreadable(path: Path | str, why: object) -> StoreError:
    return StoreError(path, f"the progress database cannot be read ({why})",
                      "it was left untouched: move it aside (e.g. rename it to "
                      "progress.sqlite3.broken) to start a fresh one, or use --data-dir")


def _create(db: sqlite3.Connection, path: Path | str) -> None:
    tables = [name for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")]
    if tables:
        raise StoreError(path, "this SQLite file is not a classbrief progress database "
                         f"(it has tables {', '.join(sorted(tables))})",
                         "it was left untouched; move it aside or use --data-dir")
    # One transaction: a kill halfway leaves version 0 and no tables, to be created again.
    try:
        db.executescript(f"BEGIN IMMEDIATE;\n{_SCHEMA}\nPRAGMA user_version = {FORMAT};\n"
                         "COMMIT;")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _run(row: Sequence[Any]) -> RunRecord:
    (run_id, set_id, set_ref, title, seed, mode, count, tags, only, time_limit, questions,
     points, started, finished, abandoned) = row
    return RunRecord(run_id, set_id, set_ref, title, seed, mode, count,
                     tuple(json.loads(tags)), None if only is None else tuple(json.loads(only)),
                     time_limit, questions, Decimal(points), datetime.fromisoformat(started),
                     _time(finished), _time(abandoned))
