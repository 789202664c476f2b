"""The class register: who the students are, which browser holds each, their join codes
and accommodations, the class session and the server's signing secret.

It lives in the progress database beside the runs, in tables of its own with their own
numbered migrations, so that several servers sharing one database (behind a load
balancer) agree on everything: a name is claimed by one INSERT, atomically, whichever
server the two browsers that typed it reached.

Every method is one statement or one transaction; times come in as parameters.
"""

from __future__ import annotations

import hmac
import secrets
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from datetime import datetime
from hashlib import sha256
from pathlib import Path
from typing import Any, Literal, Protocol

from quizzes.store import BUSY_SECONDS
from quizzes.students import Accommodations, next_free
from seeds.records import record

JOIN_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679"  # no 0/O, 1/I/L, 2/Z, 5/S, 8/B to mix up
JOIN_CODE_LENGTH = 5

_MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (
        1,
        "students, class sessions and the server's settings",
        (
            "CREATE TABLE class_students ("
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
            "CREATE TABLE class_sessions (id INTEGER PRIMARY KEY, started TEXT NOT NULL,"
            " ended TEXT)",
            "CREATE TABLE class_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ),
    ),
)
REGISTER_FORMAT = _MIGRATIONS[-1][0]


class Connection(Protocol):
    def execute(self, sql: str, parameters: Sequence[Any] = ...) -> Any: ...


@record
class Student:
    id: int
    name: str
    code: str | None
    accommodations: Accommodations
    seat: str | None
    run_id: int | None
    joined: datetime
    seen: datetime | None


@record
class ClassSession:
    id: int
    started: datetime
    ended: datetime | None


Claim = Literal["yours", "taken", "wrong-code", "unknown"]

_STUDENT_COLUMNS = (
    "id, name, code, extra_time, fewer_choices, large_text, seat, run_id, joined, seen"
)


def name_key(name: str) -> str:
    """Two names that differ only in case or spacing are one student."""
    return " ".join(name.casefold().split())


def join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def clean_code(text: str) -> str:
    """A typed join code as stored: spaces and dashes dropped, capitals."""
    return "".join(c for c in text.upper() if c.isalnum())


class Register:
    """The class tables in one database connection (SQLite's, or PostgreSQL's through an
    adapter that takes the same ``?`` placeholders)."""

    def __init__(self, db: Connection, *, transaction: Any = None) -> None:
        self._db = db
        self._transaction = transaction

    @classmethod
    def open_sqlite(cls, path: Path | str) -> Register:
        """The register in the SQLite progress database at ``path`` (made by Store.open),
        through a connection of its own."""
        db = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_SECONDS)
        db.execute("PRAGMA synchronous=FULL")
        register = cls(db, transaction=_sqlite_transaction(db))
        register.prepare()
        return register

    @classmethod
    def open_postgresql(cls, url: str) -> Register:
        """The register in a PostgreSQL database (psycopg 3), for servers that share it."""
        import psycopg

        db = psycopg.connect(url, autocommit=True)
        register = cls(_Postgres(db), transaction=db.transaction)
        register.prepare()
        return register

    def close(self) -> None:
        self._db.close()  # type: ignore[attr-defined]

    @contextmanager
    def _together(self) -> Any:
        if self._transaction is None:
            yield
        else:
            with self._transaction():
                yield

    def prepare(self) -> None:
        """Create or migrate the tables: each step in one transaction, the first server
        to get there does it, the others find it done."""
        with self._together():
            if isinstance(self._db, _Postgres):
                # Servers starting at once take turns; SQLite's BEGIN IMMEDIATE does this.
                self._db.execute("SELECT pg_advisory_xact_lock(7312026)")
            self._db.execute("CREATE TABLE IF NOT EXISTS class_format (version INTEGER NOT NULL)")
            row = self._db.execute("SELECT version FROM class_format").fetchone()
            version = row[0] if row else 0
            if version > REGISTER_FORMAT:
                raise RuntimeError(
                    f"the class tables are format {version}, written by a newer classbrief "
                    f"(this one reads {REGISTER_FORMAT}); upgrade classbrief"
                )
            for to, _about, steps in _MIGRATIONS:
                if to <= version:
                    continue
                for step in steps:
                    self._db.execute(step)
            if row is None:
                self._db.execute(
                    "INSERT INTO class_format (version) VALUES (?)", (REGISTER_FORMAT,)
                )
            elif version < REGISTER_FORMAT:
                self._db.execute("UPDATE class_format SET version = ?", (REGISTER_FORMAT,))

    # Settings ---------------------------------------------------------------------------

    def secret(self) -> bytes:
        """The key cookies and form tokens are signed with, made once for the database
        (so every server sharing it signs alike)."""
        self._db.execute(
            "INSERT INTO class_settings (key, value) VALUES ('secret', ?) "
            "ON CONFLICT (key) DO NOTHING",
            (secrets.token_hex(32),),
        )
        row = self._db.execute("SELECT value FROM class_settings WHERE key = 'secret'").fetchone()
        return bytes.fromhex(row[0])

    # Sessions ---------------------------------------------------------------------------

    def current_session(self) -> ClassSession | None:
        row = self._db.execute(
            "SELECT id, started, ended FROM class_sessions ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return None if row is None else _session(row)

    def open_session(self, at: datetime) -> ClassSession:
        """The open session, or a new one when the last has ended (or there is none)."""
        with self._together():
            current = self.current_session()
            if current is not None and current.ended is None:
                return current
            self._db.execute("INSERT INTO class_sessions (started) VALUES (?)", (at.isoformat(),))
            found = self.current_session()
            assert found is not None
            return found

    def end_session(self, session_id: int, at: datetime) -> None:
        self._db.execute(
            "UPDATE class_sessions SET ended = ? WHERE id = ? AND ended IS NULL",
            (at.isoformat(), session_id),
        )

    # Students ---------------------------------------------------------------------------

    def add_known(self, names: Iterable[str], at: datetime) -> None:
        """Names that have played here before (runs of an older server) are taken."""
        for name in names:
            if name:
                self._db.execute(
                    "INSERT INTO class_students (name, name_key, joined) VALUES (?, ?, ?) "
                    "ON CONFLICT (name_key) DO NOTHING",
                    (name, name_key(name), at.isoformat()),
                )

    def add_roster(
        self, entries: Iterable[tuple[str, Accommodations]], at: datetime
    ) -> list[Student]:
        """The roster's students, each with a join code (kept if they had one) and their
        accommodations as the roster says now."""
        with self._together():
            for name, needs in entries:
                self._db.execute(
                    "INSERT INTO class_students (name, name_key, code, extra_time, "
                    "fewer_choices, large_text, joined) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (name_key) DO UPDATE SET "
                    "code = COALESCE(class_students.code, excluded.code), "
                    "extra_time = excluded.extra_time, fewer_choices = excluded.fewer_choices, "
                    "large_text = excluded.large_text",
                    (
                        name,
                        name_key(name),
                        join_code(),
                        needs.extra_time,
                        int(needs.fewer_choices),
                        int(needs.large_text),
                        at.isoformat(),
                    ),
                )
        return [s for s in self.students() if s.code is not None]

    def students(self) -> list[Student]:
        rows = self._db.execute(
            f"SELECT {_STUDENT_COLUMNS} FROM class_students ORDER BY id"
        ).fetchall()
        return [_student(row) for row in rows]

    def student(self, student_id: int) -> Student | None:
        row = self._db.execute(
            f"SELECT {_STUDENT_COLUMNS} FROM class_students WHERE id = ?", (student_id,)
        ).fetchone()
        return None if row is None else _student(row)

    def by_name(self, name: str) -> Student | None:
        row = self._db.execute(
            f"SELECT {_STUDENT_COLUMNS} FROM class_students WHERE name_key = ?",
            (name_key(name),),
        ).fetchone()
        return None if row is None else _student(row)

    def at_seat(self, seat: str) -> Student | None:
        row = self._db.execute(
            f"SELECT {_STUDENT_COLUMNS} FROM class_students WHERE seat = ?", (seat,)
        ).fetchone()
        return None if row is None else _student(row)

    def claim(self, name: str, seat: str, at: datetime) -> Claim:
        """A typed name: one INSERT decides. "yours" when no one had it (this browser now
        holds it); "taken" when someone has played under it, to be asked about."""
        self._free(seat)
        row = self._db.execute(
            "INSERT INTO class_students (name, name_key, seat, joined, seen) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name_key) DO NOTHING RETURNING id",
            (name, name_key(name), seat, at.isoformat(), at.isoformat()),
        ).fetchone()
        return "yours" if row is not None else "taken"

    def claim_other(self, name: str, seat: str, at: datetime) -> str:
        """Another student of a taken name: "Ana (2)", or the next number free, claimed
        by the same one-statement INSERT (two at once get two numbers)."""
        self._free(seat)
        taken = {s.name for s in self.students()}
        while True:
            other = next_free(name, taken)
            row = self._db.execute(
                "INSERT INTO class_students (name, name_key, seat, joined, seen) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name_key) DO NOTHING RETURNING id",
                (other, name_key(other), seat, at.isoformat(), at.isoformat()),
            ).fetchone()
            if row is not None:
                return other
            taken.add(other)

    def take_seat(self, name: str, seat: str, at: datetime, code: str | None = None) -> Claim:
        """The student of this name, in this browser from now on ("yes, that is me", or a
        roster name with its code). Any other browser that held them loses them: a
        student is in one place, one run, at a time."""
        student = self.by_name(name)
        if student is None:
            return "unknown"
        if student.code is not None and not hmac.compare_digest(
            student.code, clean_code(code or "")
        ):
            return "wrong-code"
        with self._together():
            self._free(seat)
            self._db.execute(
                "UPDATE class_students SET seat = ?, seen = ? WHERE id = ?",
                (seat, at.isoformat(), student.id),
            )
        return "yours"

    def leave(self, seat: str) -> None:
        self._free(seat)

    def _free(self, seat: str) -> None:
        self._db.execute("UPDATE class_students SET seat = NULL WHERE seat = ?", (seat,))

    def set_run(self, student_id: int, run_id: int | None) -> None:
        self._db.execute("UPDATE class_students SET run_id = ? WHERE id = ?", (run_id, student_id))

    def seen(self, student_id: int, at: datetime) -> None:
        self._db.execute(
            "UPDATE class_students SET seen = ? WHERE id = ?", (at.isoformat(), student_id)
        )

    def set_accommodations(self, student_id: int, needs: Accommodations) -> None:
        self._db.execute(
            "UPDATE class_students SET extra_time = ?, fewer_choices = ?, large_text = ? "
            "WHERE id = ?",
            (needs.extra_time, int(needs.fewer_choices), int(needs.large_text), student_id),
        )


def sign(secret: bytes, *parts: str) -> str:
    """A token only this class's servers can make: cookies and form tokens."""
    return hmac.new(secret, "\0".join(parts).encode("utf-8"), sha256).hexdigest()


class _Postgres:
    """A psycopg connection taking this module's SQL: ``?`` placeholders, and SQLite's
    ``INTEGER PRIMARY KEY`` written as an identity column."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        sql = sql.replace(
            "INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
        ).replace("?", "%s")
        return self.db.execute(sql, parameters)

    def close(self) -> None:
        self.db.close()


def _sqlite_transaction(db: sqlite3.Connection) -> Any:
    @contextmanager
    def transaction() -> Any:
        if db.in_transaction:
            yield
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    return transaction


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _session(row: Sequence[Any]) -> ClassSession:
    return ClassSession(int(row[0]), datetime.fromisoformat(row[1]), _time(row[2]))


def _student(row: Sequence[Any]) -> Student:
    sid, name, code, extra, fewer, large, seat, run_id, joined, seen = row
    return Student(
        int(sid),
        name,
        code,
        Accommodations(float(extra), bool(fewer), bool(large)),
        seat,
        run_id,
        datetime.fromisoformat(joined),
        _time(seen),
    )
