"""What a brief holds, as plain data: sections of typed blocks, no layout and no reportlab.

Text is always plain text. Emphasis is structure (a `Run` with a style), never markup,
so nothing written in a pack can become markup: the renderer escapes every run.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from seeds.frozen import record

RunStyle = Literal["plain", "bold", "italic", "small"]


@record
class Run:
    """A stretch of text in one style; `link` is set only by code, for a checked http(s) URL."""

    text: str
    style: RunStyle = "plain"
    link: str | None = None


Rich = tuple[Run, ...]


def plain(text: str) -> Rich:
    return (Run(text),)


def rich_text(rich: Rich) -> str:
    """The words of a rich text, as a reader sees them (for tests and search)."""
    return "".join(run.text for run in rich)


@record
class Paragraphs:
    paragraphs: tuple[Rich, ...]


@record
class LabelledBox:
    """A shaded box of labelled paragraphs, such as the key takeaways."""

    items: tuple[tuple[str, Rich], ...]


@record
class Callout:
    """One big number with what it counts and where it comes from."""

    value: str
    label: str
    detail: str
    source: Rich
    fact_id: str


@record
class KeyFigures:
    callouts: tuple[Callout, ...]
    caption: str | None = None


@record
class Bar:
    """One figure's bar: from ``start`` (a range's low end, else 0) to ``value``."""

    label: str
    value: float
    value_text: str
    start: float = 0.0


@record
class BarChart:
    """Figures sharing one unit; `values_text` repeats the values for readers who skip bars."""

    title: str
    unit: str
    bars: tuple[Bar, ...]
    source: str
    values_text: str
    note: str | None = None


@record
class Table:
    """Rows of rich cells under one header row; `widths` are fractions of the text width."""

    header: tuple[str, ...]
    rows: tuple[tuple[Rich, ...], ...]
    widths: tuple[float, ...]
    caption: str | None = None


@record
class Position:
    """One argument: the claim, what it says, who makes it and, if any, their own words."""

    claim: str
    detail: str
    credit: Rich
    quote: Rich = ()


@record
class ArgumentGroup:
    heading: str
    entries: tuple[Position, ...]


@record
class SideBySide:
    """Two sides read side by side, each under its own heading: the case | the concerns."""

    left: ArgumentGroup
    right: ArgumentGroup
    note: str | None = None


@record
class ArgumentList:
    """One side on its own, full width under its heading (e.g. how the story is framed)."""

    group: ArgumentGroup
    note: str | None = None


@record
class Moment:
    """A timeline entry; `when_note` says how the date was found when it was inferred."""

    when: str
    when_note: str | None
    title: str
    detail: str
    inferred: bool


@record
class Timeline:
    entries: tuple[Moment, ...]
    note: str | None = None


@record
class ItemList:
    items: tuple[Rich, ...]
    numbered: bool = False


Block = (
    Paragraphs
    | LabelledBox
    | KeyFigures
    | BarChart
    | Table
    | SideBySide
    | ArgumentList
    | Timeline
    | ItemList
)


@record
class Section:
    """A titled part of the brief; `label` marks its nature, e.g. "Analysis"."""

    key: str
    title: str
    blocks: tuple[Block, ...]
    label: str | None = None


@record
class Masthead:
    kicker: str
    title: str
    citation: str
    audience: str
    date_text: str | None
    source_kind: str = "news article"


@record
class DocumentInfo:
    """PDF metadata; `created` fixes the creation date so rebuilds are byte-identical."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str
    created: dt.date | None


@record
class Footer:
    """The running footer's words: `title` may be shortened to fit the page, never what
    comes `before` or `after` it (the variant letter of a handout, say)."""

    title: str
    after: str = ""
    before: str = ""

    @property
    def text(self) -> str:
        return self.before + self.title + self.after


@record
class Brief:
    masthead: Masthead
    sections: tuple[Section, ...]
    info: DocumentInfo
    footer: Footer = Footer("")
