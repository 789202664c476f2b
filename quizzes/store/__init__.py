"""Attempts and the class register: every run and every answer, committed the moment it is
given, in SQLite (a file in the data folder, the default) or PostgreSQL (a server's
database, ``postgresql://user@host/db``, for a school's servers).

One interface, ``Store``, over both; one numbered sequence of migrations (``schema``) for
both. The database drivers load only when a store is opened.
"""

from __future__ import annotations

from pathlib import Path

from quizzes.store.core import Store
from quizzes.store.database import Database
from quizzes.store.errors import StoreError, StoreFull, StoreReadOnly
from quizzes.store.records import AnswerRecord, CardRecord, RunRecord, SetStats
from quizzes.store.schema import FORMAT, MIGRATIONS, Migration, add_column

DATABASE_ENV = "CLASSBRIEF_DATABASE"
"""A postgresql:// URL to keep progress in, instead of the data folder's SQLite file."""

__all__ = [
    "DATABASE_ENV",
    "FORMAT",
    "MIGRATIONS",
    "AnswerRecord",
    "CardRecord",
    "Database",
    "Migration",
    "RunRecord",
    "SetStats",
    "Store",
    "StoreError",
    "StoreFull",
    "StoreReadOnly",
    "add_column",
    "backup_path",
    "is_url",
    "location",
    "open_database",
    "shown",
]


def is_url(where: object) -> bool:
    """A postgresql:// (or postgres://) URL, as opposed to a file's path."""
    return isinstance(where, str) and where.split("://", 1)[0].lower() in (
        "postgresql",
        "postgres",
    )


def location(root: Path, database: str | None = None) -> Path | str:
    """Where progress goes: ``database`` (a postgresql:// URL; the command line takes it
    from --database or $CLASSBRIEF_DATABASE) when given, else the SQLite file in the
    data folder ``root``."""
    from seeds import paths

    return database or paths.progress_db(root)


def shown(where: Path | str) -> str:
    """``where`` for messages: a path, or a URL without its password."""
    if is_url(where):
        from quizzes.store.postgres import shown as url_shown

        return url_shown(str(where))
    return str(where)


def open_database(where: Path | str) -> Database:
    """The database at ``where`` (a file or a postgresql:// URL), created or brought up to
    date; StoreError when it cannot be used, in one line with what to do."""
    if is_url(where):
        from quizzes.store import postgres

        return postgres.open_database(str(where))
    if isinstance(where, str) and "://" in where:
        raise StoreError(
            where.split("://", 1)[0] + "://…",
            "not a database URL classbrief knows",
            "give postgresql://user@host/database, or leave it out to use the data folder",
        )
    from quizzes.store import sqlite

    return sqlite.open_database(where)


def backup_path(path: Path, version: int) -> Path:
    """The copy of a SQLite database kept before migrating it from ``version``."""
    from quizzes.store.sqlite import backup_path as sqlite_backup_path

    return sqlite_backup_path(path, version)
