"""Hypothesis strategies that damage real files the way people and tools do.

A YAML file is damaged in its data (a key deleted, a value of the wrong type, a list or a
mapping where text belongs, huge numbers, deep nesting, strange unicode) and in its text
(anchors, aliases and merge keys, tabs, duplicate keys, a truncation, stray characters).
A JSON file is damaged in its data and its text alike; an article in its bytes.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

REPO = Path(__file__).parents[2]
EXAMPLES = int(os.environ.get("CLASSBRIEF_FUZZ_EXAMPLES", "0")) or None
"""Examples per target: `make fuzz` sets 10,000; `make test` runs each target's default."""


def examples(default: int) -> int:
    return EXAMPLES or default


# Values that are wrong in some place or other ---------------------------------------------

_ODD_TEXT = [
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
        st.sampled_from(_ODD_TEXT),
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
            parent[step] = draw(st.sampled_from(_ODD_TEXT) | st.text(max_size=20))
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


# Damage to the text ------------------------------------------------------------------------

_KEY_LINE = re.compile(r"^( *)(-\s+)?([A-Za-z_][\w-]*):( .*)?$")


@st.composite
def damaged_yaml_text(draw: st.DrawFn, text: str) -> str:
    """YAML text with damage only text can carry: anchors, aliases, merge keys, tabs,
    duplicate keys, cuts and stray characters."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        match = _KEY_LINE.match(line)
        kind = draw(
            st.sampled_from(
                ["anchor", "merge", "tab", "duplicate", "cut", "insert", "delete", "swap", "bomb"]
            )
        )
        if kind == "anchor" and match and match.group(4):
            indent, dash, key, value = match.groups()
            lines[at] = f"{indent}{dash or ''}{key}: &a{at}{value}"
            other = draw(st.integers(0, len(lines) - 1))
            target = _KEY_LINE.match(lines[other])
            if target and target.group(4):
                i2, d2, k2, _ = target.groups()
                lines[other] = f"{i2}{d2 or ''}{k2}: *a{at}"
        elif kind == "merge" and match:
            indent = match.group(1) + ("  " if match.group(2) else "")
            lines.insert(at + 1, f"{indent}<<: *a{draw(st.integers(0, len(lines)))}")
            if draw(st.booleans()):
                lines.insert(0, f"base: &a{at}\n  {match.group(3)}: x")
        elif kind == "tab":
            lines[at] = re.sub(r"^ +", "\t", line) if line.startswith(" ") else "\t" + line
        elif kind == "duplicate":
            lines.insert(at, line)
        elif kind == "cut":
            lines[at] = line[: draw(st.integers(0, len(line)))]
            del lines[at + 1 :]
        elif kind == "insert":
            column = draw(st.integers(0, len(line)))
            stray = draw(
                st.one_of(
                    st.sampled_from(
                        [
                            "&",
                            "*",
                            "!",
                            "!!python/object:os.system",
                            "%",
                            "@",
                            "`",
                            "{",
                            "[",
                            "}",
                            "]",
                            ":",
                            "- ",
                            "#",
                            "|",
                            ">",
                            "'",
                            '"',
                            "\u2028",
                            "\x85",
                            "\ufeff",
                            "\x00",
                            "\r",
                        ]
                    ),
                    st.text(min_size=1, max_size=3),
                )
            )
            lines[at] = line[:column] + stray + line[column:]
        elif kind == "delete":
            del lines[at]
        elif kind == "swap" and len(lines) > 1:
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "bomb":
            lines[at:at] = [
                "b0: &b0 [x, x, x, x, x, x, x, x, x]",
                *[f"b{i}: &b{i} [{', '.join([f'*b{i - 1}'] * 9)}]" for i in range(1, 8)],
            ]
    return "\n".join(lines)


def _plain_load(text: str) -> Any:
    return yaml.load(text, Loader=yaml.BaseLoader)  # every scalar as the text it is


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


@st.composite
def damaged_yaml(draw: st.DrawFn, source: Path) -> bytes:
    """A damaged copy of the YAML file ``source``: its data, its text, or both."""
    text = source.read_text(encoding="utf-8")
    how = draw(st.sampled_from(["data", "text", "both"]))
    if how in ("data", "both"):
        text = _dump(draw(damaged_data(_plain_load(text))))
    if how in ("text", "both"):
        text = draw(damaged_yaml_text(text))
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 19)) == 0:  # now and then, an encoding or a byte-order mark
        raw = draw(st.sampled_from([b"\xef\xbb\xbf" + raw, text.encode("utf-16", "replace")]))
    return raw


@st.composite
def damaged_json(draw: st.DrawFn, document: Any) -> bytes:
    """A damaged copy of a JSON document: its data, then maybe its text."""
    data = draw(damaged_data(document, deepest=400)) if draw(st.integers(0, 9)) else document
    try:
        text = json.dumps(
            data, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 1]))
        )
    except ValueError:  # a number too long to write: a text cut instead
        text = json.dumps(document)
    kind = draw(st.sampled_from(["none", "none", "cut", "insert", "deep", "bignum", "bytes"]))
    if kind == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif kind == "insert":
        at = draw(st.integers(0, len(text)))
        text = (
            text[:at]
            + draw(st.sampled_from(["[", "{", '"', "\\", ",", "]", "}", "\ud800", "NaN", "1e999"]))
            + text[at:]
        )
    elif kind == "deep":
        depth = draw(st.integers(100, 200_000))
        text = text.replace('"runs": [', '"runs": ' + "[" * depth + "]" * (depth - 1) + ",[", 1)
    elif kind == "bignum":
        digits = "9" * draw(st.integers(20, 100_000))
        text = re.sub(r'"(seed|questions|position)": -?\d+', rf'"\1": {digits}', text, count=1)
    elif kind == "bytes":
        raw = text.encode("utf-8", "surrogatepass")
        at = draw(st.integers(0, len(raw)))
        return raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    return text.encode("utf-8", "surrogatepass")


@st.composite
def damaged_article(draw: st.DrawFn, source: Path) -> bytes:
    """A damaged copy of an article: its text, its encoding or its bytes."""
    text = source.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                ["insert", "cut", "repeat", "numbers", "quotes", "dates", "unicode", "lines"]
            )
        )
        at = draw(st.integers(0, len(text)))
        if kind == "insert":
            text = text[:at] + draw(st.text(max_size=40)) + text[at:]
        elif kind == "cut":
            end = draw(st.integers(at, len(text)))
            text = text[:at] + text[end:]
        elif kind == "repeat":
            text = text[:at] + text[at : at + 200] * draw(st.integers(2, 50)) + text[at:]
        elif kind == "numbers":
            number = draw(
                st.sampled_from(
                    [
                        "9" * 400,
                        "1e308",
                        "10^400",
                        "0.000000000001",
                        "5,000,000,000,000,000,000",
                        "$6 billion billion",
                        "-0",
                        "1/0",
                        "half a third of 40 percent",
                        "12–17–19",
                        "between 3 and",
                        "FY2026–FY2030",
                        "the 1980s and 1990s",
                        "P.L. 9-9-9",
                    ]
                )
            )
            text = text[:at] + f" {number} " + text[at:]
        elif kind == "quotes":
            text = (
                text[:at]
                + draw(st.sampled_from(["“", "”", '"', "'", "«", "„", "‘"]))
                * draw(st.integers(1, 300))
                + text[at:]
            )
        elif kind == "dates":
            date = draw(
                st.sampled_from(
                    [
                        "31 February 2023",
                        "last April",
                        "on Tuesday",
                        "9999-99-99",
                        "year 0",
                        "March 2, 10000",
                        "two weeks ago yesterday",
                        "since January 32",
                    ]
                )
            )
            text = text[:at] + f" {date} " + text[at:]
        elif kind == "unicode":
            text = text[:at] + draw(st.sampled_from(_ODD_TEXT)) + text[at:]
        elif kind == "lines":
            text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\u2028", "", "\n\n\n"])))
    encode: Callable[[str], bytes] = draw(
        st.sampled_from(
            [
                lambda t: t.encode("utf-8", "surrogatepass"),
                lambda t: t.encode("utf-8", "surrogatepass"),
                lambda t: t.encode("utf-8", "surrogatepass"),
                lambda t: t.encode("utf-16", "surrogatepass"),
                lambda t: t.encode("utf-16-le", "surrogatepass"),
                lambda t: t.encode("cp1252", "replace"),
                lambda t: b"\xef\xbb\xbf" + t.encode("utf-8", "surrogatepass"),
            ]
        )
    )
    raw = encode(text)
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=64)) + raw[at:]
    return raw


def files(*patterns: str) -> list[Path]:
    found = sorted({p for pattern in patterns for p in REPO.glob(pattern)})
    assert found, patterns
    return found
