"""The class register: who the students are, which browser holds each, their join codes
and accommodations, the class session and the server's signing secret.

It lives in the progress database beside the runs (its tables come with the store's
migrations), so that several servers sharing one database (behind a load balancer) agree
on everything: a name is claimed by one INSERT, atomically, whichever server the two
browsers that typed it reached.

Every method is one statement or one transaction; times come in as parameters.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable, Sequence
from datetime import datetime
from hashlib import sha256
from pathlib import Path
from typing import Any, Literal

from quizzes.classroom.students import Accommodations, next_free
from quizzes.store import Database, Store
from seeds.frozen import record

JOIN_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679"  # no 0/O, 1/I/L, 2/Z, 5/S, 8/B to mix up
JOIN_CODE_LENGTH = 5


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
    """The class tables of one open store (SQLite or PostgreSQL), through its database."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._db: Database = store.database

    @classmethod
    def open(cls, where: Path | str) -> Register:
        """The register in the progress database at ``where`` (a SQLite file or a
        postgresql:// URL), through a connection of its own."""
        return cls(Store.open(where))

    def close(self) -> None:
        self.store.close()

    def _together(self) -> Any:
        return self._db.together()

    def _write(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._db.write(sql, params, "the class register")

    # Settings ---------------------------------------------------------------------------

    def secret(self) -> bytes:
        """The key cookies and form tokens are signed with, made once for the database
        (so every server sharing it signs alike)."""
        self._write(
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
            self._write("INSERT INTO class_sessions (started) VALUES (?)", (at.isoformat(),))
            found = self.current_session()
            assert found is not None
            return found

    def end_session(self, session_id: int, at: datetime) -> None:
        self._write(
            "UPDATE class_sessions SET ended = ? WHERE id = ? AND ended IS NULL",
            (at.isoformat(), session_id),
        )

    # Students ---------------------------------------------------------------------------

    def add_known(self, names: Iterable[str], at: datetime) -> None:
        """Names that have played here before (runs of an older server) are taken."""
        for name in names:
            if name:
                self._write(
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
                self._write(
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
        row = self._write(
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
            row = self._write(
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
            self._write(
                "UPDATE class_students SET seat = ?, seen = ? WHERE id = ?",
                (seat, at.isoformat(), student.id),
            )
        return "yours"

    def leave(self, seat: str) -> None:
        self._free(seat)

    def _free(self, seat: str) -> None:
        self._write("UPDATE class_students SET seat = NULL WHERE seat = ?", (seat,))

    def set_run(self, student_id: int, run_id: int | None) -> None:
        self._write("UPDATE class_students SET run_id = ? WHERE id = ?", (run_id, student_id))

    def seen(self, student_id: int, at: datetime) -> None:
        self._write("UPDATE class_students SET seen = ? WHERE id = ?", (at.isoformat(), student_id))

    def set_accommodations(self, student_id: int, needs: Accommodations) -> None:
        self._write(
            "UPDATE class_students SET extra_time = ?, fewer_choices = ?, large_text = ? "
            "WHERE id = ?",
            (needs.extra_time, int(needs.fewer_choices), int(needs.large_text), student_id),
        )


def sign(secret: bytes, *parts: str) -> str:
    """A token only this class's servers can make: cookies and form tokens."""
    return hmac.new(secret, "\0".join(parts).encode("utf-8"), sha256).hexdigest()


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
