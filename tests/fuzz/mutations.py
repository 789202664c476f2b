"""Hypothesis strategies that damage the data of real files the way people and tools do:
a key deleted, a value of the wrong type, a list or a mapping where text belongs, huge
numbers, deep nesting, strange unicode. tests/fuzz/filedamage.py damages their text and
bytes, and writes the data back.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

REPO = Path(__file__).parents[2]
EXAMPLES = int(os.environ.get("CLASSBRIEF_FUZZ_EXAMPLES", "0")) or None
"""Examples per target: `make fuzz` sets 10,000; `make test` runs each target's default."""


def examples(default: int) -> int:
    return EXAMPLES or default


# Values that are wrong in some place or other ---------------------------------------------

ODD_TEXT = [
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "-1e309",
    "nan",
    "inf",
    "9" * 40,
    "9" * 5000,
    "0.0000001",
    "1_000",
    "5,000",
    "true",
    "no",
    "null",
    "~",
    "2023-02-30",
    "9999-99-99",
    "0000-01-01",
    "FY99999",
    "TODO",
    "a" * 10_000,
    "\u202eevil\u202c",
    "e\u0301\u0301\u0301",
    "\u200b\u200d\ufeff",
    "𝕏 🏳️‍🌈 👩‍👩‍👧",
    "ﷺ" * 20,
    "\x00\x07\x1b[31m",
    "line one\nline two",
    "\t",
    "'\"{}[]&*!|>%@`",
    "<b>&amp;</b>",
    "=1+1",
    "李伟",
    "محمد",
]


def scalars() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from(ODD_TEXT),
        st.text(max_size=30),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.none(),
    )


def values() -> st.SearchStrategy[Any]:
    """Any value YAML or JSON can hold, nested a little."""
    return st.recursive(
        scalars(),
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(
                st.sampled_from(["id", "type", "x", "text", "by", "0"]), inner, max_size=3
            ),
        ),
        max_leaves=8,
    )


def _nested(depth: int, leaf: Any) -> Any:
    value = leaf
    for level in range(depth):
        value = [value] if level % 2 else {"a": value}
    return value


# Damage to the data ------------------------------------------------------------------------


def _places(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value inside ``data``."""
    found = [here]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, (*here, index))
    return found


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


@st.composite
def damaged_data(draw: st.DrawFn, data: Any, deepest: int = 100) -> Any:
    """``data`` (parsed from a real file) with one to four pieces of damage, nesting at
    most ``deepest`` levels more (YAML's writer recurses)."""
    data = json.loads(json.dumps(data, default=str))  # a copy of plain data
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3, 4]))):  # mostly one
        places = _places(data)
        path = draw(st.sampled_from(places))
        kind = draw(
            st.sampled_from(
                [
                    "retext",
                    "retext",
                    "delete",
                    "replace",
                    "wrap",
                    "nest",
                    "duplicate",
                    "clear",
                    "add",
                ]
            )
        )
        if not path:
            if kind == "replace":
                data = draw(values())
            continue
        parent, step = _get(data, path[:-1]), path[-1]
        current = parent[step]
        if kind == "retext" and isinstance(current, str):  # still text: a file that may load
            parent[step] = draw(st.sampled_from(ODD_TEXT) | st.text(max_size=20))
        elif kind == "delete":
            del parent[step]
        elif kind == "replace":
            parent[step] = draw(values())
        elif kind == "wrap":
            parent[step] = draw(
                st.sampled_from([[current], {"value": current}, [current, current]])
            )
        elif kind == "nest":
            parent[step] = _nested(draw(st.integers(2, deepest)), current)
        elif kind == "duplicate" and isinstance(parent, list):
            parent.insert(step, json.loads(json.dumps(current)))
        elif kind == "clear":
            parent[step] = (
                {} if isinstance(current, dict) else [] if isinstance(current, list) else ""
            )
        elif kind == "add" and isinstance(current, dict):
            current[draw(st.sampled_from(["extra", "id", "type", "answer", "by", "quotes"]))] = (
                draw(values())
            )
    return data


def files(*patterns: str) -> list[Path]:
    found = sorted({p for pattern in patterns for p in REPO.glob(pattern)})
    assert found, patterns
    return found
