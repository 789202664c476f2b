"""Located problems: what a checker reports instead of raising."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from seeds.errors import SeedsError

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file, at a line and column (both 1-based); line 0 for a
    problem with no place in a file (a set named on the command line that does not exist),
    which is shown without one."""

    file: str
    line: int
    col: int
    severity: Severity
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}: " if self.line else ""
        text = f"{where}{self.severity}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def display_path(path: Path | str) -> str:
    """A path as a user would type it: relative to the working folder when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        # RuntimeError: a symbolic link loop (Python < 3.13); the file's own read reports it.
        return str(path)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by file, then line and column; exact repeats dropped."""
    return sorted(set(problems))


class ProblemsFound(SeedsError):
    """Raised at a boundary when a file cannot be used; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sort_problems(problems)
        super().__init__("\n".join(map(str, self.problems)))
