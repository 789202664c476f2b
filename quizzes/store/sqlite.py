"""The store in an SQLite file (the default): WAL, each answer committed by itself.

It never deletes or rewrites a file it cannot read: a corrupt database or one written by
a newer classbrief raises StoreError with a message that says where the file is and what
to do, and the file is left exactly as it was. The only waiting here is for another
process's write.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from quizzes.store import schema
from quizzes.store.errors import StoreError, StoreFull, StoreReadOnly
from quizzes.store.records import key_digest

BUSY_SECONDS = 30
"""How long to wait for another process (a second window, a class of students sharing a
folder) to finish its write before giving up."""

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


class SQLiteDatabase:
    """An SQLite connection in autocommit mode. When the disk fills up, it goes on in a
    copy in memory of what is committed (see quizzes.store.core.Store)."""

    def __init__(self, connection: sqlite3.Connection, path: Path | str) -> None:
        self.connection = connection
        self.path = path
        self.where = str(path)
        self.unsaved: StoreFull | None = None
        self.on_unsaved: Callable[[StoreFull], None] | None = None
        # The writes of the open together() block: replayed in memory if the disk fills.
        self._batch: list[tuple[str, Sequence[Any], str]] | None = None
        self.check: _Check | None = None  # see open_to_read

    def settle(self) -> None:
        check, self.check = self.check, None
        if check is not None:
            check.join()
            if check.problem is not None:
                raise check.problem

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.connection.execute(sql, params)

    def write(self, sql: str, params: Sequence[Any], what: str) -> sqlite3.Cursor:
        """Run one write; on a full disk, move to memory and run it there."""
        self.settle()  # never write to a file not known to be whole
        try:
            cursor = self.connection.execute(sql, params)
        except sqlite3.OperationalError as err:
            if not _disk_full(err, self.path):
                raise
            self._to_memory(self._batch[0][2] if self._batch else what)
            cursor = self.connection.execute(sql, params)
        if self._batch is not None:
            self._batch.append((sql, params, what))
        return cursor

    def insert(self, sql: str, params: Sequence[Any], what: str) -> int:
        return int(self.write(sql, params, what).lastrowid or 0)

    def tables(self) -> set[str]:
        rows = self.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}

    def close(self) -> None:
        if self.check is not None:
            self.check.join()  # its verdict unasked for: nothing was written
        self.connection.close()

    @contextmanager
    def together(self) -> Iterator[None]:
        self.settle()
        db = self.connection
        if db.in_transaction:
            yield
            return
        db.execute("BEGIN IMMEDIATE")
        self._batch = []
        try:
            yield
            try:
                self.connection.execute("COMMIT")
            except sqlite3.OperationalError as err:
                if not _disk_full(err, self.path):
                    raise
                self._to_memory(self._batch[0][2] if self._batch else "")
                self.connection.execute("COMMIT")
        except BaseException:
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
            raise
        finally:
            self._batch = None

    def _to_memory(self, lost: str) -> None:
        """Go on in a copy in memory of what is committed on disk; the writes of an open
        together() block are made again there, in a transaction of their own."""
        if self.connection.in_transaction:
            self.connection.execute("ROLLBACK")
        memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            self.connection.backup(memory)
        except sqlite3.Error:
            memory.close()
            memory = _fresh_memory()
        self.connection.close()
        self.connection = memory
        if self._batch is not None:
            memory.execute("BEGIN")
            for sql, params, _ in self._batch:
                memory.execute(sql, params)
        self.unsaved = StoreFull(self.path, lost=lost)
        if self.on_unsaved is not None:
            self.on_unsaved(self.unsaved)


def open_database(path: Path | str) -> SQLiteDatabase:
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
    db = _connect(path)
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
    return SQLiteDatabase(db, path)


def open_to_read(path: Path | str) -> SQLiteDatabase:
    """The database at ``path`` for a caller that only reads. A file in the current format
    (and already WAL) opens without a write, and the check for damage runs on a second
    connection in a thread while the caller reads: ``settle()`` gives its verdict, and a
    write waits for it. Anything else opens as ``open_database`` does."""
    if str(path) == ":memory:" or not Path(path).is_file():
        return open_database(path)
    path = Path(path)
    db = _connect(path)
    try:
        steady = (
            db.execute("PRAGMA user_version").fetchone()[0] == schema.FORMAT
            and db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        )
    except sqlite3.Error as err:
        db.close()
        raise _unusable(path, err) from None
    if not steady:
        db.close()
        return open_database(path)
    database = SQLiteDatabase(db, path)
    database.check = _Check(path)
    return database


class _Check(threading.Thread):
    """PRAGMA quick_check on a connection of its own. SQLite lets go of Python's lock
    while it reads the file, so the check takes the second core while the caller reads."""

    def __init__(self, path: Path) -> None:
        super().__init__(name=f"check {path.name}", daemon=True)
        self.path = path
        self.problem: StoreError | None = None  # what _check_readable found
        self.start()

    def run(self) -> None:
        try:
            db = _connect(self.path)
            try:
                _check_readable(db, self.path)
            finally:
                db.close()
        except StoreError as err:
            self.problem = err


def _connect(path: Path | str) -> sqlite3.Connection:
    try:
        # isolation_level=None: autocommit, so each answer is committed by itself.
        return sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_SECONDS)
    except sqlite3.Error as err:
        raise _unusable(path, err) from None


def _fresh_memory() -> sqlite3.Connection:
    memory = sqlite3.connect(":memory:", isolation_level=None)
    _prepare(memory, ":memory:", backup=False)
    return memory


def open_copy(path: Path | str) -> SQLiteDatabase:
    """A database in memory, starting from a copy of the one at ``path`` when it can be
    read (else empty). Nothing is written to ``path``."""
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
        memory = _fresh_memory()
    return SQLiteDatabase(memory, ":memory:")


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


def _md5(text: str | None) -> str | None:
    return None if text is None else key_digest(text)


def _prepare(db: sqlite3.Connection, path: Path | str, *, backup: bool) -> None:
    """Create the schema or migrate to the current format. Each step holds the write lock
    from the moment it reads the version (BEGIN IMMEDIATE), so processes opening one
    database at once take turns: the first creates it, the others find it made."""
    backed_up = not backup
    db.create_function("md5", 1, _md5, deterministic=True)  # PostgreSQL's, for migrations
    adapter = SQLiteDatabase(db, path)
    while True:
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > schema.FORMAT:
                raise schema.newer(str(path), version, "use --data-dir for a separate folder")
            if version == schema.FORMAT:
                # A write that changes nothing: a database this user cannot write (another
                # user's file, a read-only folder) says so now, not at the first answer.
                db.execute(f"PRAGMA user_version = {schema.FORMAT}")
                db.execute("COMMIT")
                return
            if version == 0:
                _create(adapter, path)  # the first format and every migration, all at once
            else:
                if not backed_up:
                    _backup(Path(path), version)
                    backed_up = True
                try:
                    _migrate(adapter, next(m for m in schema.MIGRATIONS if m.to == version + 1))
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


def _create(db: SQLiteDatabase, path: Path | str) -> None:
    tables = db.tables()
    if tables:
        raise StoreError(
            path,
            "this SQLite file is not a classbrief progress database "
            f"(it has tables {', '.join(sorted(tables))})",
            "it was left untouched; move it aside or use --data-dir",
        )
    # Statement by statement: executescript would commit the open transaction first.
    for statement in schema.statements(schema.SCHEMA_V1):
        db.execute(statement)
    for migration in schema.MIGRATIONS:
        _migrate(db, migration)


def _migrate(db: SQLiteDatabase, migration: schema.Migration) -> None:
    schema.apply(db, migration)
    db.execute(f"PRAGMA user_version = {int(migration.to)}")


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.format-{version}.backup")


def _backup(path: Path, version: int) -> None:
    """A copy of the database as it is, beside it, before the first migration touches it."""
    target = backup_path(path, version)
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        # Read through a second connection: the caller holds the write lock (so nobody
        # changes the file meanwhile), and SQLite will not back up from a connection
        # mid-write.
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
