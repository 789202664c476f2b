"""A YAML document as plain data that remembers where each value stands in its file.

Standard library only: a document loaded from the validated-file cache needs no YAML
library (`seeds.yamlread` reads the files).
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, NamedTuple

from seeds.problems import Problem

# C0 and C1 controls and DEL, except tab and newline.
_CONTROLS = dict.fromkeys(
    [c for c in range(0x20) if c not in (0x09, 0x0A)] + list(range(0x7F, 0xA0))
)


def clean_text(text: str) -> str:
    """Drop control characters (newline and tab kept) and normalise to NFC."""
    text = text.translate(_CONTROLS)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


@dataclass
class Document:
    """Plain data read from one YAML file, with where each value stands in it.

    ``marks`` maps id(container) to the parser marks of its values (a dict for a
    mapping, a list for a list): cheaper to build than a table of paths, and only
    read when something has to be located (a copy from a pickle makes it then).
    """

    file: str
    data: Any
    root_mark: Any = None
    marks: dict[int, Any] = field(default_factory=dict)
    # A copy's marks as its pickle kept them, until ``marks`` is made from them.
    _packed: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def locate(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """Line and column of the deepest value along ``loc`` that exists.

        Steps that are not keys or indexes of the data (such as the tag of a
        discriminated union in a schema error) are skipped.
        """
        if self._packed is not None:
            self._unpack()
        node, best = self.data, self.root_mark
        for step in loc:
            in_dict = isinstance(node, dict) and step in node
            in_list = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
            if in_dict or in_list:
                best = self.marks[id(node)][step]
                node = node[step]
        return (best.line + 1, best.column + 1) if best is not None else (1, 1)

    def __getstate__(self) -> dict[str, Any]:
        # Marks are keyed by id(), which a copy does not keep. The containers come back
        # in the same order (pickle keeps the data's order), so the line and column of
        # each container's values are kept in that order, all in one array of numbers
        # (cheap to write and read; a copy needs no YAML library), and the table is made
        # again only when a copy has to locate something.
        if self._packed is not None:
            return {"file": self.file, "data": self.data, **self._packed}
        spots, unmarked = array("i"), []
        for n, node in enumerate(_containers(self.data)):
            marks = self.marks.get(id(node))
            if marks is None:
                unmarked.append(n)
                continue
            values = (marks.get(key) for key in node) if isinstance(node, dict) else marks
            spots.extend(_numbers(values, len(node)))
        return {
            "file": self.file,
            "data": self.data,
            "root_mark": _spot(self.root_mark),
            "spots": spots,
            "unmarked": unmarked,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.file, self.data, self.marks = state["file"], state["data"], {}
        self.root_mark = state["root_mark"]
        self._packed = {k: state[k] for k in ("root_mark", "spots", "unmarked")}

    def _unpack(self) -> None:
        """The table of marks of a copy, from the numbers its pickle kept."""
        assert self._packed is not None
        numbers = iter(self._packed["spots"])
        pairs = zip(numbers, numbers, strict=True)
        unmarked = set(self._packed["unmarked"])
        for n, node in enumerate(_containers(self.data)):
            if n in unmarked:
                continue
            spots = [
                None if line < 0 else Spot(line, column)
                for line, column in islice(pairs, len(node))
            ]
            if isinstance(node, dict):
                self.marks[id(node)] = {
                    key: spot for key, spot in zip(node, spots, strict=True) if spot is not None
                }
            else:
                self.marks[id(node)] = spots
        self._packed = None

    def problem(
        self, loc: Sequence[str | int], message: str, hint: str = "", severity: str = "error"
    ) -> Problem:
        line, col = self.locate(loc)
        return Problem(self.file, line, col, severity, message, hint)  # type: ignore[arg-type]


class Spot(NamedTuple):
    """Where a value stands, as a parser mark gives it (both counted from 0)."""

    line: int
    column: int


def _spot(mark: Any) -> Spot | None:
    return None if mark is None else Spot(mark.line, mark.column)


def _numbers(marks: Iterable[Any], count: int) -> Iterator[int]:
    """Line and column of the first ``count`` marks, -1 and -1 for a value without one."""
    given = 0
    for mark in marks:
        if given == count:
            return
        given += 1
        if mark is None:
            yield -1
            yield -1
        else:
            yield mark.line
            yield mark.column
    for _ in range(count - given):
        yield -1
        yield -1


def _containers(data: Any) -> Iterator[Any]:
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            yield node
            stack.extend(node.values())
        elif isinstance(node, list):
            yield node
            stack.extend(node)


def describe(value: Any, scalar: str = "a single value", empty: str = "nothing") -> str:
    """What kind of YAML value this is, in words for a message."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return scalar if value is not None else empty
