"""Attempts and the class register: every run and every answer, committed the moment it is
given, in SQLite (a file in the data folder, the default) or PostgreSQL (a server's
database, ``postgresql://user@host/db``, for a school's servers).

One interface, ``Store``, over both; one numbered sequence of migrations (``schema``) for
both. The database drivers load only when a store is opened.
"""

from __future__ import annotations

from quizzes.store.core import Store
from quizzes.store.database import Database
from quizzes.store.errors import StoreError, StoreFull, StoreReadOnly
from quizzes.store.opening import backup_path, is_url, location, open_database, shown
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
