"""Where progress is kept and how a store's database is opened: a postgresql:// URL or the
SQLite file in the data folder, each driver loaded only when a database is opened."""

from __future__ import annotations

from pathlib import Path

from quizzes.store.database import Database
from quizzes.store.errors import StoreError


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


def open_database(where: Path | str, *, to_read: bool = False) -> Database:
    """The database at ``where`` (a file or a postgresql:// URL), created or brought up to
    date; StoreError when it cannot be used, in one line with what to do. ``to_read``: for
    a caller that only reads (see ``Store.reading``)."""
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

    return sqlite.open_to_read(where) if to_read else sqlite.open_database(where)


def backup_path(path: Path, version: int) -> Path:
    """The copy of a SQLite database kept before migrating it from ``version``."""
    from quizzes.store.sqlite import backup_path as sqlite_backup_path

    return sqlite_backup_path(path, version)
