"""Text from YAML as Textual content: always literal, never markup, never escape codes."""

from __future__ import annotations

from decimal import Decimal

from rich.table import Table
from rich.text import Text
from textual.content import Content

from seeds.numbers import format_number

# C0 and C1 controls and DEL; tab becomes a space, newline stays. The YAML reader drops
# these already; this is the last line of defence before anything reaches the terminal.
_CONTROLS = {code: None for code in (*range(32), 127, *range(0x80, 0xA0)) if code != 10}
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



def hanging(marker: str, text: str | Text, text_style: str = "") -> Table:
    """``marker`` (bold) then ``text``, wrapped lines indented under the text's start so
    a long choice reads as one item. rich's Text is literal: no markup is parsed, and a
    Text passed in is expected to be built from cleaned strings (see ``pieces``)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    body = text if isinstance(text, Text) else Text(clean(text), style=text_style)
    grid.add_row(Text(clean(marker), style="bold"), body)
    return grid


def pieces(*parts: str | tuple[str, str]) -> Text:
    """A rich Text from cleaned literal pieces; a (text, style) pair is styled."""
    text = Text()
    for part in parts:
        if isinstance(part, tuple):
            text.append(clean(part[0]), style=part[1])
        else:
            text.append(clean(part))
    return text
