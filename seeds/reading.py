"""Which file was being read when something nobody expected went wrong.

A loader wraps its work in ``reading(path)``; an exception that escapes is marked with
the file, so the command's last word can name it (see quizzes.failsafe). Standard
library only.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

_MARK = "classbrief_file"


@contextmanager
def reading(path: Path | str) -> Iterator[None]:
    """Mark an exception leaving the block with ``path`` (the innermost file wins)."""
    try:
        yield
    except Exception as err:
        if getattr(err, _MARK, None) is None:
            with suppress(AttributeError):  # an exception that takes no attributes
                setattr(err, _MARK, str(path))
        raise


def file_of(err: BaseException) -> str | None:
    """The file an exception concerns: the one being read, or an OSError's own file."""
    from seeds.problems import display_path

    marked = getattr(err, _MARK, None)
    if isinstance(marked, str):
        return display_path(marked)
    if isinstance(err, OSError) and err.filename is not None:
        return display_path(os.fsdecode(err.filename))
    return None
