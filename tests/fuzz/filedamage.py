"""Hypothesis strategies that damage the text and bytes of real files: a YAML file in its
data (tests/fuzz/mutations.py) and in its text (anchors, aliases and merge keys, tabs,
duplicate keys, a truncation, stray characters); a JSON file in its data and its text; an
article in its words, its encoding and its bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from tests.fuzz.mutations import ODD_TEXT, damaged_data

# YAML ------------------------------------------------------------------------

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
            text = text[:at] + draw(st.sampled_from(ODD_TEXT)) + text[at:]
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
