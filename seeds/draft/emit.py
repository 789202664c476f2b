"""A small YAML writer for drafts: every string double-quoted, block style, no tags or
anchors, and comments where the curator needs a word (PyYAML cannot write comments)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

Path = tuple[str | int, ...]
# Characters a YAML reader refuses or reads as line breaks, even inside quotes.
_UNSAFE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe"
    "\uff00-\ufffd\U00010000-\U0010ffff]"
)
_KEY = re.compile(r"^[a-z_][a-z0-9_]*$")


def quoted(value: str) -> str:
    """A YAML double-quoted scalar for any text (JSON escapes are YAML escapes)."""
    text = json.dumps(value, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: _escape(m.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def emit(
    data: Mapping[str, Any],
    comments: Mapping[Path, Sequence[str]] | None = None,
    header: Sequence[str] = (),
) -> str:
    """YAML text for plain data (dicts with identifier keys, lists, strings, booleans).

    ``comments[path]`` are lines written just before the entry at ``path``; a path ending
    in "$end" puts them after the last entry of the mapping at the path before it.
    """
    lines = [f"# {line}" if line else "#" for line in header]
    _mapping(data, 0, (), lines, comments or {})
    return "\n".join(lines) + "\n"


def _comment(lines: list[str], indent: int, texts: Sequence[str]) -> None:
    lines.extend(" " * indent + (f"# {t}" if t else "#") for t in texts)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return quoted("true" if value else "false")
    if value is None:
        return '""'
    return quoted(str(value))


def _mapping(
    data: Mapping[str, Any],
    indent: int,
    path: Path,
    lines: list[str],
    comments: Mapping[Path, Sequence[str]],
    first_prefix: str | None = None,
) -> None:
    pad = " " * indent
    for number, (key, value) in enumerate(data.items()):
        if not _KEY.match(key):
            raise ValueError(f"not a plain key: {key!r}")
        here = (*path, key)
        _comment(lines, indent, comments.get(here, ()))
        lead = first_prefix if (first_prefix is not None and number == 0) else pad
        if isinstance(value, Mapping):
            if value:
                lines.append(f"{lead}{key}:")
                _mapping(value, indent + 2, here, lines, comments)
            else:
                lines.append(f"{lead}{key}: {{}}")
        elif isinstance(value, list):
            if value:
                lines.append(f"{lead}{key}:")
                _sequence(value, indent + 2, here, lines, comments)
            else:
                lines.append(f"{lead}{key}: []")
        else:
            lines.append(f"{lead}{key}: {_scalar(value)}")
    _comment(lines, indent, comments.get((*path, "$end"), ()))


def _sequence(
    items: list[Any],
    indent: int,
    path: Path,
    lines: list[str],
    comments: Mapping[Path, Sequence[str]],
) -> None:
    pad = " " * indent
    for index, item in enumerate(items):
        here = (*path, index)
        _comment(lines, indent, comments.get(here, ()))
        if isinstance(item, Mapping) and item:
            _mapping(item, indent + 2, here, lines, comments, first_prefix=pad + "- ")
        elif isinstance(item, list):
            raise ValueError("lists of lists are not written")
        else:
            lines.append(f"{pad}- {_scalar(item)}")
