"""The progress database's format: the first one, then numbered migrations, the same for
SQLite and PostgreSQL. A new database is made with the first format and brought up to date
by the migrations an old one goes through, so the two can never differ."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from quizzes.store.database import Database
from quizzes.store.errors import StoreError
from seeds.frozen import record

SCHEMA_V1 = """
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
    fill: Callable[[Database], None] | None = None


def _fill_deadlines(db: Database) -> None:
    # An exam's clock is wall time from its start, so its end is fixed when it starts.
    rows = db.execute(
        "SELECT id, started, time_limit FROM runs WHERE mode = 'exam' AND time_limit IS NOT NULL"
    ).fetchall()
    for run_id, started, minutes in rows:
        deadline = datetime.fromisoformat(started) + timedelta(minutes=minutes)
        db.execute("UPDATE runs SET deadline = ? WHERE id = ?", (deadline.isoformat(), run_id))


def _fill_run_uids(db: Database) -> None:
    # A run's uid names it everywhere (a results file sent twice counts once).
    for (run_id,) in db.execute("SELECT id FROM runs WHERE uid IS NULL").fetchall():
        db.execute("UPDATE runs SET uid = ? WHERE id = ?", (uuid.uuid4().hex, run_id))


def _fold_register(db: Database) -> None:
    # The class tables had a numbering of their own (class_format, at 1); they are kept
    # as they are and numbered with the rest from now on.
    if "class_format" not in db.tables():
        return
    row = db.execute("SELECT max(version) FROM class_format").fetchone()
    if row is not None and row[0] is not None and row[0] > 1:
        raise StoreError(
            db.where,
            f"the class tables are format {row[0]}, written by a newer classbrief",
            "upgrade classbrief; the database was left as it was",
        )
    db.execute("DROP TABLE class_format")


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
    Migration(
        5,
        "the class register: students, their seats and accommodations, sessions, settings",
        # IF NOT EXISTS: a database the register used before this format has them already.
        (
            "CREATE TABLE IF NOT EXISTS class_students ("
            " id INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL,"
            " name_key TEXT NOT NULL UNIQUE,"  # one student per name, ignoring case
            " code TEXT,"  # the join code of a roster student; NULL: a typed name
            " extra_time REAL NOT NULL DEFAULT 1,"
            " fewer_choices INTEGER NOT NULL DEFAULT 0,"
            " large_text INTEGER NOT NULL DEFAULT 0,"
            " seat TEXT UNIQUE,"  # the browser that holds the student now
            " run_id INTEGER,"  # the one run the student is in
            " joined TEXT NOT NULL,"
            " seen TEXT)",
            "CREATE TABLE IF NOT EXISTS class_sessions (id INTEGER PRIMARY KEY,"
            " started TEXT NOT NULL, ended TEXT)",
            "CREATE TABLE IF NOT EXISTS class_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ),
        _fold_register,
    ),
    Migration(
        6,
        "a grading key is kept once, under its digest; answers name it",
        # A class's answers repeat a few dozen keys: stored in each row they were most of
        # the database. md5() is PostgreSQL's; SQLite gets the same function at opening.
        (
            "CREATE TABLE answer_keys (digest TEXT PRIMARY KEY, key TEXT NOT NULL)",
            "INSERT INTO answer_keys (digest, key) SELECT md5(answer_key), min(answer_key) "
            "FROM answers WHERE answer_key IS NOT NULL GROUP BY md5(answer_key)",
            add_column("answers", "key_digest", "TEXT"),
            "UPDATE answers SET key_digest = md5(answer_key) WHERE answer_key IS NOT NULL",
            "ALTER TABLE answers DROP COLUMN answer_key",
        ),
    ),
)
"""In order; to change the schema, append a Migration (e.g. ``add_column(...)``)."""

FORMAT = MIGRATIONS[-1].to if MIGRATIONS else 1
"""The schema version: SQLite's user_version, PostgreSQL's store_format table."""


def statements(script: str) -> list[str]:
    bare = "\n".join(line.split("--")[0] for line in script.splitlines())
    return [statement for statement in bare.split(";") if statement.strip()]


def apply(db: Database, migration: Migration) -> None:
    """A migration's statements and fill; the caller records the new format."""
    for statement in migration.steps:
        db.execute(statement)
    if migration.fill is not None:
        migration.fill(db)


def newer(where: str, version: int, fix: str) -> StoreError:
    return StoreError(
        where,
        f"the progress database is format {version}, written by a newer "
        f"classbrief (this one reads format {FORMAT})",
        f"upgrade classbrief, or {fix}; the database was left untouched",
    )
