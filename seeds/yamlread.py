"""The one strict YAML reader of the project.

Safe by construction: the document is built from parser events, never from
tags, so no Python object can be created from a file. Plain scalars stay the
text the author wrote (``No`` is "No", ``1:30`` is "1:30"); the schema decides
what is a number, a date or a boolean. Every value remembers its line and
column so that schema errors can point back into the file.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from seeds.document import Document, clean_text, describe
from seeds.problems import Problem, ProblemsFound, display_path
from seeds.userfiles import NotAFile, TooLarge, read_limited

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 64

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _PlainLoader(_Loader):  # type: ignore[misc, valid-type]
    """A safe loader that resolves no implicit types: every plain scalar is text."""


_PlainLoader.yaml_implicit_resolvers = {}

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {None, "!", _CORE + "str", _CORE + "seq", _CORE + "map"}

_TAB_INDENT = re.compile(r"^ *\t")


def read_yaml(path: Path | str, *, expect: type = dict, name: str | None = None) -> Document:
    """Read one YAML file strictly; raise ProblemsFound with located messages."""
    path = Path(path)
    shown = name or display_path(path)
    try:
        raw = read_limited(path, MAX_BYTES)
    except TooLarge as err:
        size = f"{err.size / 1e6:.1f} MB" if err.size is not None else "too large"
        raise _whole(
            shown,
            f"file is {size}, over the {MAX_BYTES // 2**20} MB limit",
            "split it into smaller files",
        ) from None
    except IsADirectoryError:
        raise _whole(shown, "is a folder, not a YAML file") from None
    except NotAFile as err:
        raise _whole(shown, f"is {err.kind}, not a YAML file", "name the file itself") from None
    except FileNotFoundError:
        raise _whole(shown, "no such file") from None
    except OSError as err:
        raise _whole(shown, f"cannot be read: {err.strerror or err}") from None
    return parse_yaml(raw, shown, expect=expect)


def parse_yaml(raw: bytes | str, file: str, *, expect: type = dict) -> Document:
    """Parse YAML text (bytes are decoded as UTF-8, a byte-order mark allowed)."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            raise _whole(
                file,
                f"file is over the {MAX_BYTES // 2**20} MB limit",
                "split it into smaller files",
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line, col = _line_col(raw[: err.start].decode("utf-8", "replace"), err.start)
            raise ProblemsFound(
                [
                    Problem(
                        file,
                        line,
                        col,
                        "error",
                        f"not valid UTF-8 (byte 0x{raw[err.start]:02x})",
                        "save the file as UTF-8 text; is it a binary file?",
                    )
                ]
            ) from None
    else:
        text = raw.removeprefix("\ufeff")
    if not text.strip():
        raise _whole(file, "file is empty", "a file starts with its fields, e.g. `id: my-id`")
    builder = _Builder(file, text)
    data = builder.build()
    if not isinstance(data, expect):
        found = describe(data)
        wanted = _KIND_NAMES.get(expect, expect.__name__)
        raise _whole(
            file,
            f"expected {wanted} at the top level, found {found}",
            "write `key: value` lines at the top of the file" if expect is dict else "",
        )
    return Document(file, data, builder.root_mark, builder.marks)


_KIND_NAMES: dict[type, str] = {
    dict: "a mapping (`key: value` lines)",
    list: "a list (`- item` lines)",
    str: "text",
}


def _whole(file: str, message: str, hint: str = "") -> ProblemsFound:
    return ProblemsFound([Problem(file, 1, 1, "error", message, hint)])


def _line_col(prefix: str, _index: int) -> tuple[int, int]:
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


class _Builder:
    """Builds plain data from parser events with an explicit stack (no recursion).

    This loop is the hot path of checking a large set, hence the flat style.
    """

    def __init__(self, file: str, text: str):
        self.file, self.text = file, text
        self.root_mark: Any = None
        self.marks: dict[int, Any] = {}

    def fail(self, mark: Any, message: str, hint: str = "") -> ProblemsFound:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return ProblemsFound([Problem(self.file, line, col, "error", message, hint)])

    def build(self) -> Any:
        try:
            return self._build()
        except yaml.YAMLError as err:
            raise self._syntax(err) from None

    def _refuse(self, event: Any) -> None:
        """Anchors and tags other than the plain ones are refused where they stand."""
        if event.anchor is not None:
            raise self.fail(
                event.start_mark,
                f"anchor '&{event.anchor}' is not allowed",
                "write the value out in full instead of using &anchors and *aliases",
            )
        if event.tag not in _ALLOWED_TAGS:
            raise self.fail(
                event.start_mark,
                f"tag '{event.tag}' is not allowed",
                "remove the `!`-tag; values are plain text, lists and mappings",
            )

    def _build(self) -> Any:
        text = self.text
        # Only non-ASCII text or escapes can carry control characters or non-NFC text.
        needs_clean = not text.isascii() or "\\" in text
        get_event = _PlainLoader(text).get_event
        marks = self.marks
        stack: list[_Frame] = []  # the open containers, innermost last
        root: Any = None
        documents = 0
        while True:
            event = get_event()
            kind = type(event)
            if kind is _Scalar:
                if event.anchor is not None or event.tag is not None:
                    self._refuse(event)
                value: Any = event.value
                if not value and event.implicit[0]:
                    value = None
                elif needs_clean:
                    value = clean_text(value)
                container: dict[Any, Any] | list[Any] | None = None
            elif kind is _MappingStart or kind is _SequenceStart:
                if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                    self._refuse_start(event, len(stack))
                value = container = {} if kind is _MappingStart else []
            elif kind is _MappingEnd or kind is _SequenceEnd:
                stack.pop()
                continue
            elif kind is _StreamEnd:
                return root
            else:
                documents = self._between(event, kind, documents)
                continue
            mark = event.start_mark
            if not stack:
                root, self.root_mark = value, mark
            elif type((frame := stack[-1]).container) is list:
                frame.container.append(value)
                frame.marks.append(mark)
            elif frame.key is _NO_KEY:
                frame.key = self._key(frame, value, container is not None, mark)
                continue
            else:
                frame.container[frame.key] = value
                frame.marks[frame.key] = mark
                frame.key = _NO_KEY
            if container is not None:
                container_marks: Any = {} if kind is _MappingStart else []
                marks[id(container)] = container_marks
                stack.append(_Frame(container, container_marks))

    def _refuse_start(self, event: Any, depth: int) -> None:
        """A mapping or list with an anchor or tag, or opened ``depth`` containers deep."""
        self._refuse(event)
        raise self.fail(
            event.start_mark, f"nesting is deeper than {MAX_DEPTH} levels", "flatten the structure"
        )

    def _between(self, event: Any, kind: type, documents: int) -> int:
        """Events that hold no value: aliases are refused, and a second document; the
        number of documents begun."""
        if kind is _Alias:
            raise self.fail(
                event.start_mark,
                f"alias '*{event.anchor}' is not allowed",
                "write the value out in full instead of using &anchors and *aliases",
            )
        if kind is _DocumentStart:
            documents += 1
            if documents > 1:
                raise self.fail(
                    event.start_mark,
                    "more than one YAML document in the file",
                    "remove the `---` line or split the file",
                )
        return documents

    def _key(self, frame: _Frame, value: Any, is_container: bool, mark: Any) -> Any:
        """``value`` as the next key of the mapping ``frame`` holds: plain text, and new."""
        if is_container:
            raise self.fail(
                mark,
                "a key must be plain text",
                "use `name: value`, not a list or mapping as a key",
            )
        key = "" if value is None else value
        if key in frame.container:
            raise self.fail(
                mark,
                f"duplicate key '{key}' (first at line {frame.marks[key].line + 1})",
                "remove or rename one of them",
            )
        return key

    def _syntax(self, err: yaml.YAMLError) -> ProblemsFound:
        if isinstance(err, yaml.reader.ReaderError):
            line, col = _line_col(self.text[: err.position], err.position)
            char = err.character if isinstance(err.character, str) else chr(err.character)
            name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "control")
            return ProblemsFound(
                [
                    Problem(
                        self.file,
                        line,
                        col,
                        "error",
                        f"character U+{ord(char):04X} ({name}) is not allowed in a YAML file",
                        "delete it: it is invisible in most editors and means nothing in a text",
                    )
                ]
            )
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line_no = mark.line if mark is not None else 0
        lines = self.text.splitlines()
        source_line = lines[line_no] if line_no < len(lines) else ""
        if _TAB_INDENT.match(source_line):
            return ProblemsFound(
                [
                    Problem(
                        self.file,
                        line_no + 1,
                        source_line.index("\t") + 1,
                        "error",
                        "a tab is used for indentation",
                        "YAML indents with spaces; replace the tab with spaces",
                    )
                ]
            )
        problem = (getattr(err, "problem", None) or "not valid YAML").strip()
        if "maximum nesting depth" in problem:
            return self.fail(
                mark, f"nesting is deeper than {MAX_DEPTH} levels", "flatten the structure"
            )
        context = (getattr(err, "context", None) or "").strip()
        message = f"YAML syntax: {problem}" + (f" ({context})" if context else "")
        return self.fail(mark, message, _syntax_hint(problem, source_line))


_NO_KEY = object()


class _Frame:
    """An open container while building: the mapping or list, the marks of its items
    (keyed or listed like them), and a mapping's key awaiting its value."""

    __slots__ = ("container", "key", "marks")

    def __init__(self, container: dict[Any, Any] | list[Any], marks: Any) -> None:
        self.container = container
        self.marks = marks
        self.key: Any = _NO_KEY


_Scalar, _Alias = yaml.ScalarEvent, yaml.AliasEvent
_MappingStart, _MappingEnd = yaml.MappingStartEvent, yaml.MappingEndEvent
_SequenceStart, _SequenceEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_DocumentStart, _StreamEnd = yaml.DocumentStartEvent, yaml.StreamEndEvent
_CONTROL_NAMES = {0x1B: "ESCAPE", 0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE"}


def _syntax_hint(problem: str, source_line: str) -> str:
    if "mapping values are not allowed" in problem:
        return 'a value that holds `: ` must be quoted, e.g. title: "Part 1: facts"'
    if "could not find expected ':'" in problem:
        return "each line of a mapping is `key: value`; check the line above too"
    if "found character that cannot start any token" in problem and "`" in source_line:
        return "a value starting with ` must be quoted"
    if "did not find expected" in problem or "expected <block end>" in problem:
        return "check the indentation: items of one list or mapping line up in the same column"
    if "found undefined alias" in problem or "found unhashable key" in problem:
        return ""
    if "quoted scalar" in problem or "found unexpected end of stream" in problem:
        return "a quote was opened and never closed"
    return "check this line against the examples in the README"
