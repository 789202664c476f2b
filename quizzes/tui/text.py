"""Text from YAML as Textual content: always literal, never markup, never escape codes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text
from textual.content import Content

from seeds.numbers import format_number

# C0 and C1 controls and DEL; tab becomes a space, newline stays. The YAML reader drops
# these already; this is the last line of defence before anything reaches the terminal.
_CONTROLS: dict[int, str | None] = {
    code: None for code in (*range(32), 127, *range(0x80, 0xA0)) if code != 10
}
_CONTROLS[9] = " "


def clean(text: str) -> str:
    return text.translate(_CONTROLS)


def plain(text: str, style: str = "") -> Content:
    """``text`` exactly as written: brackets, ampersands and angle brackets stay literal."""
    content = Content(clean(text))
    return content.stylize(style) if style else content


def join(*parts: Content | str | tuple[str, str]) -> Content:
    """Assemble content from pieces; a str piece is literal, a (text, style) pair styled."""
    pieces: list[Content] = []
    for part in parts:
        if isinstance(part, Content):
            pieces.append(part)
        elif isinstance(part, tuple):
            pieces.append(plain(part[0], part[1]))
        else:
            pieces.append(plain(part))
    return Content("").join(pieces)


def number(value: Decimal) -> str:
    """Points as a student reads them: partial credit to two places (1/3 -> 0.33)."""
    return format_number(value.quantize(Decimal("0.01")))


def percent(value: float) -> str:
    return f"{value:.0f}%"


_WORDS = re.compile(r"\S+")


def wrap_cells(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal cells: broken at spaces, and inside
    a word only when it is wider than a line (CJK text has no spaces and takes two cells a
    character, so textwrap, which counts characters, overflows). Hand-rolled for the
    feedback panel's speed; rich's Text.wrap needs a console and builds spans."""
    width = max(width, 2)
    lines: list[str] = []
    line, used = "", 0
    for word in _WORDS.findall(text):
        size = cell_len(word)
        if line and used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
            continue
        if line:
            lines.append(line)
        line, used = "", 0
        while size > width:  # a word wider than a line: cut it by cells
            cut, cells = 0, 0
            while cells + get_character_cell_size(word[cut]) <= width:
                cells += get_character_cell_size(word[cut])
                cut += 1
            lines.append(word[:cut])
            word, size = word[cut:], size - cells
        line, used = word, size
    if line:
        lines.append(line)
    return lines


class Hanging:
    """A marker, then text whose wrapped lines are indented under the text's start, each
    line as wide as the room given. (A rich table grid draws the same, at several times the
    cost: choices are drawn again on every move of the highlight.)"""

    def __init__(self, marker: Text, body: Text) -> None:
        self.marker, self.body = marker, body
        self.indent = cell_len(marker.plain) + 1

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        width = max(options.max_width, self.indent + 1)
        room = width - self.indent
        lines = self.body.wrap(console, room, justify="left", overflow="fold")
        lead = self.marker + " "
        for n, line in enumerate(lines or [Text()]):
            start = lead if n == 0 else Text(" " * self.indent)
            line.pad_right(room - line.cell_len)
            yield from (start + line).render(console)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((cell_len(word) for word in self.body.plain.split()), default=1)
        return Measurement(self.indent + longest, options.max_width)


def hanging(marker: str, text: str | Text, text_style: str = "") -> Hanging:
    """``marker`` (bold) then ``text``, wrapped lines indented under the text's start so
    a long choice reads as one item. rich's Text is literal: no markup is parsed, and a
    Text passed in is expected to be built from cleaned strings (see ``pieces``)."""
    body = text if isinstance(text, Text) else Text(clean(text), style=text_style)
    return Hanging(Text(clean(marker), style="bold"), body)


def pieces(*parts: str | tuple[str, str]) -> Text:
    """A rich Text from cleaned literal pieces; a (text, style) pair is styled."""
    text = Text()
    for part in parts:
        if isinstance(part, tuple):
            text.append(clean(part[0]), style=part[1])
        else:
            text.append(clean(part))
    return text
