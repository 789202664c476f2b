"""A YAML document as plain data that remembers where each value stands in its file.

Standard library only: a document loaded from the validated-file cache needs no YAML
library (`seeds.yamlread` reads the files).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
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
    read when something has to be located.
    """

    file: str
    data: Any
    root_mark: Any = None
    marks: dict[int, Any] = field(default_factory=dict)

    def locate(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """Line and column of the deepest value along ``loc`` that exists.

        Steps that are not keys or indexes of the data (such as the tag of a
        discriminated union in a schema error) are skipped.
        """
        node, best = self.data, self.root_mark
        for step in loc:
            in_dict = isinstance(node, dict) and step in node
            in_list = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
            if in_dict or in_list:
                best = self.marks[id(node)][step]
                node = node[step]
        return (best.line + 1, best.column + 1) if best is not None else (1, 1)

    def __getstate__(self) -> dict[str, Any]:
        # Marks are keyed by id(), which a copy does not keep: store each container with
        # its marks (pickle keeps the identity of objects within one pickle), and only
        # the line and column of each mark, so loading a copy needs no YAML library.
        return {
            "file": self.file,
            "data": self.data,
            "root_mark": _spot(self.root_mark),
            "marks": [
                (node, _spots(self.marks[id(node)]))
                for node in _containers(self.data)
                if id(node) in self.marks
            ],
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.file, self.data, self.root_mark = state["file"], state["data"], state["root_mark"]
        self.marks = {id(node): marks for node, marks in state["marks"]}

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


def _spots(marks: Any) -> Any:
    if isinstance(marks, dict):
        return {key: _spot(mark) for key, mark in marks.items()}
    return [_spot(mark) for mark in marks]


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
