"""What the store needs of a database connection. The SQL it is given is SQLite's, with
``?`` placeholders; the PostgreSQL backend translates the few places the two differ."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from quizzes.store.errors import StoreFull


class Database(Protocol):
    where: str
    """The database in messages: a file's path, or a URL without its password."""
    unsaved: StoreFull | None
    on_unsaved: Callable[[StoreFull], None] | None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (autocommitted outside together()); its cursor."""

    def write(self, sql: str, params: Sequence[Any], what: str) -> Any:
        """Run one write; ``what`` names it for the student if it cannot be saved."""

    def insert(self, sql: str, params: Sequence[Any], what: str) -> int:
        """Run one INSERT; the id of the row it made."""

    def together(self) -> AbstractContextManager[None]:
        """Statements inside commit as one, or none does."""

    def tables(self) -> set[str]: ...

    def settle(self) -> None:
        """Wait for a check of the database still running alongside (see
        ``Store.reading``); StoreError when it found the database damaged."""

    def close(self) -> None: ...
