"""Attempts in SQLite: every run and every answer, committed the moment it is given.

The store is the one place progress lives. It never deletes or rewrites a file it
cannot read: a corrupt database or one written by a newer classbrief raises
StoreError with a message that says where the file is and what to do, and the
file is left exactly as it was. The times of runs and answers come in as parameters;
the only waiting here is for another process's write.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from seeds.records import record

BUSY_SECONDS = 30
"""How long to wait for another process (a second window, a class of students sharing a
folder) to finish its write before giving up."""

# The first format. A new database is made with it and then brought up to date by the
# same migrations an old one goes through, so the two can never differ.
_SCHEMA_V1 = """
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


def add_column(table: str, column: str, declaration: str) -> str:
    """The step of a migration that adds a column (existing rows get its default)."""
    return f"ALTER TABLE {table} ADD COLUMN {column} {declaration}"


@record
class Migration:
    """One step from format ``to - 1`` to ``to``: SQL statements, then an optional function
    that fills the new shape from the old data. Runs in one transaction."""

    to: int
    about: str
    steps: tuple[str, ...]
    fill: Callable[[sqlite3.Connection], None] | None = None


def _fill_deadlines(db: sqlite3.Connection) -> None:
    # An exam's clock is wall time from its start, so its end is fixed when it starts.
    rows = db.execute(
        "SELECT id, started, time_limit FROM runs WHERE mode = 'exam' AND time_limit IS NOT NULL"
    ).fetchall()
    for run_id, started, minutes in rows:
        deadline = datetime.fromisoformat(started) + timedelta(minutes=minutes)
        db.execute("UPDATE runs SET deadline = ? WHERE id = ?", (deadline.isoformat(), run_id))


def _fill_run_uids(db: sqlite3.Connection) -> None:
    # A run's uid names it everywhere (a results file sent twice counts once).
    for (run_id,) in db.execute("SELECT id FROM runs WHERE uid IS NULL").fetchall():
        db.execute("UPDATE runs SET uid = ? WHERE id = ?", (uuid.uuid4().hex, run_id))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        2,
        "an exam keeps the moment it ends",
        (add_column("runs", "deadline", "TEXT"),),
        _fill_deadlines,
    ),
    Migration(
        3,
        "runs and answers record the student; review cards; a run has a uid",
        (
            add_column("runs", "student", "TEXT NOT NULL DEFAULT ''"),
            add_column("runs", "uid", "TEXT"),
            add_column("answers", "student", "TEXT NOT NULL DEFAULT ''"),
            "UPDATE answers SET student = "
            "(SELECT student FROM runs WHERE runs.id = answers.run_id)",
            "CREATE UNIQUE INDEX runs_by_uid ON runs (uid)",
            "CREATE INDEX runs_by_student ON runs (student, set_id)",
            # One spaced-review card per student and question: the scheduler's state as JSON.
            "CREATE TABLE cards (student TEXT NOT NULL, set_id TEXT NOT NULL, "
            "set_ref TEXT NOT NULL, question_id TEXT NOT NULL, card TEXT NOT NULL, "
            "due TEXT NOT NULL, reviewed TEXT NOT NULL, "
            "PRIMARY KEY (student, set_id, question_id))",
            "CREATE INDEX cards_by_due ON cards (student, due)",
        ),
        _fill_run_uids,
    ),
    Migration(
        4,
        "an answer keeps the key it was graded against (the set may change after)",
        # JSON of quizzes.answerkey.key_of; NULL for answers given before this format.
        (add_column("answers", "answer_key", "TEXT"),),
    ),
)
"""In order; to change the schema, append a Migration (e.g. ``add_column(...)``)."""

FORMAT = MIGRATIONS[-1].to if MIGRATIONS else 1
"""The schema version, kept in SQLite's user_version."""


class StoreError(Exception):
    """The progress database cannot be used; the message says why and what to do."""

    def __init__(self, path: Path | str, problem: str, hint: str) -> None:
        self.path = str(path)
        self.problem = problem
        self.hint = hint
        super().__init__(f"{self.path}: {problem}; {hint}")


class StoreReadOnly(StoreError):
    """The database or its folder cannot be written by this user (e.g. after `sudo quiz`)."""


class StoreFull(StoreError):
    """The disk holding the database is full. What was saved before stays saved; ``lost``
    names what could not be saved ("this answer")."""

    def __init__(self, path: Path | str, *, lost: str = "") -> None:
        super().__init__(
            path,
            "the disk is full; your earlier answers are saved"
            + (f"; {lost} could not be saved" if lost else ""),
            "free some space on that disk, or use --data-dir for a folder on another "
            "disk; the file was left as it was",
        )
        self.lost = lost


NEARLY_FULL = 1 << 20
"""Bytes free below which an I/O error is the disk being full."""


def _disk_full(err: sqlite3.Error, path: Path | str) -> bool:
    """SQLite says the disk is full, or fails to grow a file (the WAL index, say, which it
    reports as an I/O error) on a disk with next to no room left."""
    code = getattr(err, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_FULL or "database or disk is full" in str(err):
        return True
    if code != sqlite3.SQLITE_IOERR or str(path) == ":memory:":
        return False
    try:
        return shutil.disk_usage(Path(path).parent).free < NEARLY_FULL
    except OSError:
        return False


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


_RUN_COLUMNS = (
    "id, set_id, set_ref, set_title, seed, mode, count, tags, only_ids, time_limit, "
    "questions, points, started, finished, abandoned, deadline, student, uid"
)


class Store:
    """One open progress database. Writes are autocommitted: an answer is on disk when
    ``record_answer`` returns.

    When the disk fills up, the write that failed and every later one go to a copy of the
    database in memory (made from what was on disk, so nothing saved is lost and nothing
    is half-written): play goes on unsaved. ``unsaved`` then says why, and ``on_unsaved``
    is called once with it."""

    def __init__(self, connection: sqlite3.Connection, path: Path | str) -> None:
        self._db = connection
        self.path = path
        # Whose runs this store starts, resumes and counts: "" is the machine's one
        # student; `quiz serve` sets the name each browser tab's student gives.
        self.student = ""
        self.unsaved: StoreFull | None = None
        self.on_unsaved: Callable[[StoreFull], None] | None = None
        # The writes of the open together() block: replayed in memory if the disk fills.
        self._batch: list[tuple[str, Sequence[Any], str]] | None = None

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open or create the database at ``path``, bringing an older one up to date (after
        a backup copy); raise StoreError, never touch a bad file."""
        memory = str(path) == ":memory:"
        if not memory:
            path = Path(path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(
                    path.parent,
                    f"cannot create the folder ({err.strerror})",
                    "choose another with --data-dir",
                ) from None
        try:
            # isolation_level=None: autocommit, so each answer is committed by itself.
            db = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_SECONDS)
        except sqlite3.Error as err:
            raise _unusable(path, err) from None
        try:
            _check_readable(db, path)
            _prepare(db, path, backup=not memory)
            if not memory:
                # WAL: a kill between answers leaves a consistent file, and a second
                # window can read while this one writes.
                _use_wal(db)
                db.execute("PRAGMA synchronous=FULL")
        except StoreError:
            db.close()
            raise
        except sqlite3.Error as err:
            db.close()
            raise _unusable(path, err) from None
        return cls(db, path)

    @classmethod
    def open_copy(cls, path: Path | str) -> Store:
        """A store in memory, starting from a copy of the database at ``path`` when it can
        be read (else empty): play goes on where nothing can be saved. Nothing is written
        to ``path``."""
        memory = sqlite3.connect(":memory:", isolation_level=None)
        for options in ("mode=ro", "mode=ro&immutable=1"):
            try:
                source = sqlite3.connect(
                    f"{Path(path).resolve().as_uri()}?{options}", uri=True, isolation_level=None
                )
                try:
                    _check_readable(source, path)
                    source.backup(memory)
                finally:
                    source.close()
                break
            except (sqlite3.Error, StoreError, OSError):
                memory.close()
                memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            _prepare(memory, ":memory:", backup=False)
        except (sqlite3.Error, StoreError):
            memory.close()
            memory = sqlite3.connect(":memory:", isolation_level=None)
            _prepare(memory, ":memory:", backup=False)
        return cls(memory, ":memory:")

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def together(self) -> Iterator[None]:
        """Writes inside commit as one (one disk flush, not one each), or none does."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._batch = []
        try:
            yield
            try:
                self._db.execute("COMMIT")
            except sqlite3.OperationalError as err:
                if not _disk_full(err, self.path):
                    raise
                self._to_memory(self._batch[0][2] if self._batch else "")
                self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        finally:
            self._batch = None

    def _write(self, sql: str, params: Sequence[Any], what: str) -> sqlite3.Cursor:
        """Run one write; on a full disk, move to memory (see the class) and run it there.
        ``what`` names it for the student: "this answer"."""
        try:
            cursor = self._db.execute(sql, params)
        except sqlite3.OperationalError as err:
            if not _disk_full(err, self.path):
                raise
            self._to_memory(self._batch[0][2] if self._batch else what)
            cursor = self._db.execute(sql, params)
        if self._batch is not None:
            self._batch.append((sql, params, what))
        return cursor

    def _to_memory(self, lost: str) -> None:
        """Go on in a copy in memory of what is committed on disk; the writes of an open
        together() block are made again there, in a transaction of their own."""
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")
        memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            self._db.backup(memory)
        except sqlite3.Error:
            memory.close()
            memory = sqlite3.connect(":memory:", isolation_level=None)
            _prepare(memory, ":memory:", backup=False)
        self._db.close()
        self._db = memory
        if self._batch is not None:
            memory.execute("BEGIN")
            for sql, params, _ in self._batch:
                memory.execute(sql, params)
        self.unsaved = StoreFull(self.path, lost=lost)
        if self.on_unsaved is not None:
            self.on_unsaved(self.unsaved)

    # Runs -------------------------------------------------------------------------------

    def start_run(
        self,
        *,
        set_id: str,
        set_ref: str,
        set_title: str,
        seed: int,
        mode: str,
        count: int | None,
        tags: Iterable[str],
        only: Iterable[str] | None,
        time_limit: float | None,
        questions: int,
        points: Decimal,
        at: datetime,
        ends_by: datetime | None = None,
    ) -> RunRecord:
        """A new run. A timed exam ends ``time_limit`` minutes after ``at``, or at
        ``ends_by`` when that is sooner (the clock of an exam it replaces)."""
        tags_json = json.dumps(list(tags))
        only_json = None if only is None else json.dumps(list(only))
        deadline = at + timedelta(minutes=time_limit) if mode == "exam" and time_limit else None
        if deadline is not None and ends_by is not None:
            deadline = min(deadline, ends_by)
        cursor = self._write(
            "INSERT INTO runs (set_id, set_ref, set_title, seed, mode, count, tags, only_ids, "
            "time_limit, questions, points, started, deadline, student, uid) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                set_id,
                set_ref,
                set_title,
                seed,
                mode,
                count,
                tags_json,
                only_json,
                time_limit,
                questions,
                str(points),
                at.isoformat(),
                deadline and deadline.isoformat(),
                self.student,
                uuid.uuid4().hex,
            ),
            "this run's start",
        )
        return self.run(int(cursor.lastrowid or 0))

    def run(self, run_id: int) -> RunRecord:
        row = self._db.execute(
            f"SELECT {_RUN_COLUMNS} FROM runs WHERE id = ?", (run_id,)
        ).fetchone()
        if row is None:
            raise KeyError(run_id)
        return _run(row)

    def finish_run(self, run_id: int, at: datetime) -> None:
        self._write(
            "UPDATE runs SET finished = ? WHERE id = ? AND finished IS NULL",
            (at.isoformat(), run_id),
            "this run's end",
        )

    def abandon_run(self, run_id: int, at: datetime) -> None:
        """Stop offering a run for resuming; its answers stay."""
        self._write(
            "UPDATE runs SET abandoned = ? WHERE id = ? AND finished IS NULL",
            (at.isoformat(), run_id),
            "setting this run aside",
        )

    def running_exam(self, set_id: str) -> RunRecord | None:
        """This student's latest timed exam of the set, when it did not finish (it was
        left, discarded or replaced by a new start): its clock is still the set's."""
        row = self._db.execute(
            f"SELECT {_RUN_COLUMNS} FROM runs WHERE student = ? AND set_id = ? "
            "AND mode = 'exam' AND deadline IS NOT NULL AND questions > 0 "
            "ORDER BY started DESC, id DESC LIMIT 1",
            (self.student, set_id),
        ).fetchone()
        run = None if row is None else _run(row)
        return run if run is not None and run.finished is None else None

    def unfinished_runs(self) -> list[RunRecord]:
        """Runs to offer for resuming, the most recently started first: neither finished
        nor abandoned, with at least one answer (a run left at once is not worth it)."""
        rows = self._db.execute(
            f"SELECT {_RUN_COLUMNS} FROM runs WHERE finished IS NULL AND abandoned IS NULL "
            "AND student = ? AND EXISTS (SELECT 1 FROM answers WHERE answers.run_id = runs.id) "
            "ORDER BY started DESC, id DESC",
            (self.student,),
        ).fetchall()
        return [_run(row) for row in rows]

    # Answers ----------------------------------------------------------------------------

    def record_answer(
        self,
        run_id: int,
        *,
        question_id: str,
        position: int,
        answer: Any,
        correct: bool,
        score: Decimal,
        points: Decimal,
        at: datetime,
        key: Mapping[str, Any] | None = None,
    ) -> None:
        """Store one answer, with the key it was graded against (quizzes.answerkey);
        committed before this returns. A repeat replaces the earlier."""
        self._write(
            "INSERT INTO answers (run_id, question_id, position, answer, correct, score, "
            "points, answered_at, answer_key, student) VALUES (?,?,?,?,?,?,?,?,?,"
            "(SELECT student FROM runs WHERE id = ?)) ON CONFLICT (run_id, question_id) "
            "DO UPDATE SET answer = excluded.answer, correct = excluded.correct, "
            "score = excluded.score, points = excluded.points, "
            "answered_at = excluded.answered_at, answer_key = excluded.answer_key",
            (
                run_id,
                question_id,
                position,
                json.dumps(answer, default=str, ensure_ascii=False),
                int(correct),
                str(score),
                str(points),
                at.isoformat(),
                None if key is None else json.dumps(key, ensure_ascii=False),
                run_id,
            ),
            "this answer",
        )

    def answers(self, run_id: int) -> list[AnswerRecord]:
        rows = self._db.execute(
            "SELECT question_id, position, answer, correct, score, points, answered_at, "
            "answer_key FROM answers WHERE run_id = ? ORDER BY position",
            (run_id,),
        ).fetchall()
        return [
            AnswerRecord(
                q,
                pos,
                json.loads(a),
                bool(c),
                Decimal(s),
                Decimal(p),
                datetime.fromisoformat(t),
                None if k is None else json.loads(k),
            )
            for q, pos, a, c, s, p, t, k in rows
        ]

    # History ----------------------------------------------------------------------------

    def stats(self) -> dict[str, SetStats]:
        """Best and last score, missed last time and any unfinished run, for every set."""
        totals: dict[int, tuple[Decimal, int, int]] = {}
        for run_id, score, correct, answered in self._db.execute(
            "SELECT run_id, group_concat(score, ' '), sum(correct), count(*) "
            "FROM answers WHERE student = ? GROUP BY run_id",
            (self.student,),
        ):
            totals[run_id] = (
                sum((Decimal(s) for s in score.split()), Decimal(0)),
                correct,
                answered,
            )
        found: dict[str, SetStats] = {}
        rows = self._db.execute(
            f"SELECT {_RUN_COLUMNS} FROM runs WHERE student = ? ORDER BY started, id",
            (self.student,),
        ).fetchall()
        for run in map(_run, rows):
            stats = found.get(run.set_id, SetStats())
            score, correct, answered = totals.get(run.id, (Decimal(0), 0, 0))
            if run.finished and not run.is_retry:
                percent = float(score / run.points * 100) if run.points else 0.0
                stats = SetStats(
                    stats.plays + 1,
                    max(stats.best or 0.0, percent),
                    percent,
                    run.questions - correct,
                    stats.unfinished,
                    stats.answered_unfinished,
                )
            elif not run.finished and not run.abandoned and answered:
                stats = SetStats(
                    stats.plays, stats.best, stats.last, stats.missed_last, run, answered
                )
            found[run.set_id] = stats
        return found

    # Every student (the teacher's report, results files) ---------------------------------

    def all_runs(self) -> list[RunRecord]:
        """Every student's runs, oldest first."""
        rows = self._db.execute(f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY started, id").fetchall()
        return [_run(row) for row in rows]

    def students(self) -> list[str]:
        """The names that have played here, in the order they first played."""
        rows = self._db.execute(
            "SELECT student FROM runs GROUP BY student ORDER BY min(started)"
        ).fetchall()
        return [name for (name,) in rows]

    # Review cards -----------------------------------------------------------------------

    def card(self, set_id: str, question_id: str) -> CardRecord | None:
        row = self._db.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE student = ? AND set_id = ? "
            "AND question_id = ?",
            (self.student, set_id, question_id),
        ).fetchone()
        return None if row is None else _card(row)

    def save_card(
        self,
        *,
        set_id: str,
        set_ref: str,
        question_id: str,
        card: dict[str, Any],
        due: datetime,
        at: datetime,
    ) -> None:
        self._write(
            "INSERT INTO cards (student, set_id, set_ref, question_id, card, due, reviewed) "
            "VALUES (?,?,?,?,?,?,?) ON CONFLICT (student, set_id, question_id) DO UPDATE SET "
            "set_ref = excluded.set_ref, card = excluded.card, due = excluded.due, "
            "reviewed = excluded.reviewed",
            (self.student, set_id, set_ref, question_id, json.dumps(card), _utc(due), _utc(at)),
            "this question's next review",
        )

    def cards(
        self, *, due_by: datetime | None = None, set_ids: Iterable[str] | None = None
    ) -> list[CardRecord]:
        """This student's cards, most overdue first; only those due by ``due_by`` if given."""
        query = f"SELECT {_CARD_COLUMNS} FROM cards WHERE student = ?"
        params: list[Any] = [self.student]
        if due_by is not None:
            query += " AND due <= ?"
            params.append(_utc(due_by))
        rows = [
            _card(row)
            for row in self._db.execute(query + " ORDER BY due, set_id, question_id", params)
        ]
        wanted = None if set_ids is None else set(set_ids)
        return [c for c in rows if wanted is None or c.set_id in wanted]


_CARD_COLUMNS = "student, set_id, set_ref, question_id, card, due, reviewed"


def _utc(moment: datetime) -> str:
    """Times compared as text must share one zone and form: UTC, ISO 8601."""
    if moment.tzinfo is None:
        raise ValueError("a naive datetime: give review times with a time zone")
    return moment.astimezone(UTC).isoformat()


def _card(row: Sequence[Any]) -> CardRecord:
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


def _check_readable(db: sqlite3.Connection, path: Path | str) -> None:
    try:
        db.execute("PRAGMA schema_version").fetchone()
        verdict = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as err:
        raise _unusable(path, err) from None
    if verdict != "ok":
        raise _unreadable(path, verdict)


def _unreadable(path: Path | str, why: object) -> StoreError:
    return StoreError(
        path,
        f"the progress database cannot be read ({why})",
        "it was left untouched: move it aside (e.g. rename it to "
        "progress.sqlite3.broken) to start a fresh one, or use --data-dir",
    )


def _unusable(path: Path | str, err: sqlite3.Error) -> StoreError:
    """Why the database cannot be used: read-only (another user's file or folder) is not
    damage, and is said so with the fix."""
    if _disk_full(err, path):
        return StoreFull(path)
    code = getattr(err, "sqlite_errorcode", 0) & 0xFF
    readonly = code == sqlite3.SQLITE_READONLY or (
        code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_PERM)
        and not _writable(path)
    )
    if readonly:
        return StoreReadOnly(
            path,
            "the progress database is read-only for you (it or its folder belongs to "
            "another user, e.g. after `sudo quiz`, or sits on a read-only disk)",
            f"give it back to yourself (`sudo chown -R $USER {Path(path).parent}`), or use "
            "--data-dir for a folder of your own; the file was left untouched",
        )
    return _unreadable(path, err)


def _use_wal(db: sqlite3.Connection) -> None:
    """Switch to WAL once; the mode stays in the file. SQLite answers a switch while another
    process reads with "database is locked" at once, without its busy wait, so wait here
    (in short steps, at most BUSY_SECONDS) until this or another process has switched."""
    for _ in range(BUSY_SECONDS * 100):
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if getattr(err, "sqlite_errorcode", 0) & 0xFF != sqlite3.SQLITE_BUSY:
                raise
            time.sleep(0.01)
    db.execute("PRAGMA journal_mode=WAL")  # the last try reports the error


def _writable(path: Path | str) -> bool:
    path = Path(path)
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.R_OK | os.W_OK))


def _prepare(db: sqlite3.Connection, path: Path | str, *, backup: bool) -> None:
    """Create the schema or migrate to FORMAT. Each step holds the write lock from the
    moment it reads the version (BEGIN IMMEDIATE), so processes opening one database at
    once take turns: the first creates it, the others find it made."""
    backed_up = not backup
    while True:
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > FORMAT:
                raise StoreError(
                    path,
                    f"the progress database is format {version}, written by a newer "
                    f"classbrief (this one reads format {FORMAT})",
                    "upgrade classbrief, or use --data-dir for a separate folder; "
                    "the file was left untouched",
                )
            if version == FORMAT:
                # A write that changes nothing: a database this user cannot write (another
                # user's file, a read-only folder) says so now, not at the first answer.
                db.execute(f"PRAGMA user_version = {FORMAT}")
                db.execute("COMMIT")
                return
            if version == 0:
                _create(db, path)  # the first format and every migration, all at once
            else:
                if not backed_up:
                    _backup(db, Path(path), version)
                    backed_up = True
                try:
                    _migrate(db, next(m for m in MIGRATIONS if m.to == version + 1))
                except sqlite3.Error as err:
                    copy = f"; a copy from before is at {backup_path(Path(path), version)}"
                    raise StoreError(
                        path,
                        f"cannot upgrade the progress database from format {version} ({err})",
                        "it was left as it was"
                        + (copy if backup else "")
                        + "; check the disk, or use --data-dir",
                    ) from None
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise


def _create(db: sqlite3.Connection, path: Path | str) -> None:
    tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    if tables:
        raise StoreError(
            path,
            "this SQLite file is not a classbrief progress database "
            f"(it has tables {', '.join(sorted(tables))})",
            "it was left untouched; move it aside or use --data-dir",
        )
    # Statement by statement: executescript would commit the open transaction first.
    for statement in _statements(_SCHEMA_V1):
        db.execute(statement)
    for migration in MIGRATIONS:
        _migrate(db, migration)


def _statements(script: str) -> list[str]:
    bare = "\n".join(line.split("--")[0] for line in script.splitlines())
    return [statement for statement in bare.split(";") if statement.strip()]


def _migrate(db: sqlite3.Connection, migration: Migration) -> None:
    for statement in migration.steps:
        db.execute(statement)
    if migration.fill is not None:
        migration.fill(db)
    db.execute(f"PRAGMA user_version = {int(migration.to)}")


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.format-{version}.backup")


def _backup(db: sqlite3.Connection, path: Path, version: int) -> None:
    """A copy of the database as it is, beside it, before the first migration touches it."""
    target = backup_path(path, version)
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        # Read through a second connection: ``db`` holds the write lock (so nobody changes
        # the file meanwhile), and SQLite will not back up from a connection mid-write.
        source = sqlite3.connect(path, timeout=BUSY_SECONDS)
        copy = sqlite3.connect(temp)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        os.replace(temp, target)
    except (OSError, sqlite3.Error) as err:
        temp.unlink(missing_ok=True)
        raise StoreError(
            path,
            f"cannot keep a backup copy before upgrading the database "
            f"from format {version} ({err})",
            "free some disk space or check the folder's permissions; the file was left untouched",
        ) from None


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _run(row: Sequence[Any]) -> RunRecord:
    (
        run_id,
        set_id,
        set_ref,
        title,
        seed,
        mode,
        count,
        tags,
        only,
        time_limit,
        questions,
        points,
        started,
        finished,
        abandoned,
        deadline,
        student,
        uid,
    ) = row
    return RunRecord(
        run_id,
        set_id,
        set_ref,
        title,
        seed,
        mode,
        count,
        tuple(json.loads(tags)),
        None if only is None else tuple(json.loads(only)),
        time_limit,
        questions,
        Decimal(points),
        datetime.fromisoformat(started),
        _time(finished),
        _time(abandoned),
        _time(deadline),
        student,
        uid or "",
    )
