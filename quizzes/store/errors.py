"""Why the progress store cannot be used: every message says where and what to do."""

from __future__ import annotations

from pathlib import Path

from quizzes.errors import QuizError


class StoreError(QuizError):
    """The progress database cannot be used; the message says why and what to do.
    ``path`` is the file, or the database's URL without its password."""

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
