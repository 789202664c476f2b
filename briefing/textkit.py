"""Text as platypus flowables: paragraphs that remember their layout, right-to-left
paragraphs, bookmarked headings, and `TextKit`, which makes them (and tables) in the
brief's styles for a text width. Content blocks build on it (`briefing.blocks`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import Table as RLTable

from briefing.bidi import break_lines, has_rtl, is_rtl_paragraph, visual
from briefing.breaks import Rows
from briefing.content import Rich, rich_text
from briefing.markup import Markup, color_attr, escape_text
from briefing.styles import ACCENT, NAVY, RULE, STRIPE, Styles


def _joined(frags: list[Any]) -> list[Any]:
    """Parsed fragments with neighbours in the same style made one: the parser makes a
    fragment of each entity (``China&#39;s`` is three), and a paragraph of more than one
    fragment takes reportlab's far slower path, word by word, to break and draw."""
    out: list[Any] = []
    for frag in frags:
        if out and _same_style(out[-1], frag):
            out[-1].text += frag.text
        else:
            out.append(frag)
    return out


def _same_style(a: Any, b: Any) -> bool:
    """Two runs of plain text that differ in nothing but their text."""
    mine, theirs = dict(a.__dict__), dict(b.__dict__)
    if not (isinstance(mine.pop("text", None), str) and isinstance(theirs.pop("text", None), str)):
        return False
    if any(k in d for d in (mine, theirs) for k in _UNJOINABLE):
        return False  # a line break, an image or an anchor: a fragment of its own
    return mine == theirs


_UNJOINABLE = ("cbDefn", "lineBreak", "_selfClosingTag")

_runs: WeakKeyDictionary[ParagraphStyle, Any] = WeakKeyDictionary()


def _is_plain(text: Any, style: ParagraphStyle) -> bool:
    """Text with no markup, no entity, nothing the style transforms: nothing to parse."""
    return (
        isinstance(text, str)
        and text.strip() != ""
        and not any(c in text for c in "<>&")
        and not getattr(style, "textTransform", None)
        and getattr(style, "bulletText", None) is None
    )


def _plain_run(style: ParagraphStyle) -> Any:
    """The run reportlab's parser makes of plain text in `style` (parsed once a style)."""
    if style not in _runs:
        (_runs[style],) = Paragraph("x", style).frags
    return _runs[style]


class Para(Paragraph):
    """A paragraph that remembers its layout for a width: tables and frames ask repeatedly."""

    frags: list[Any]
    _laid_out_for: float | None = None
    was_split = False  # split once: its layout state belongs to that document only

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
        if frags is None and bulletText is None and _is_plain(text, style):
            # what reportlab's parser makes of text without markup: one run in the style
            text = cleaner(text)
            run = _plain_run(style)
            frags = [run.clone(text=text, link=list(run.link), us_lines=list(run.us_lines))]
        super()._setup(text, style, bulletText, frags, cleaner)
        if frags is None and len(self.frags) > 1:  # parsed here, not handed over by a split
            self.frags = _joined(self.frags)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._laid_out_for and "blPara" in self.__dict__:
            return self.width, self.height
        self._laid_out_for = availWidth
        return super().wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.was_split = True
        laid_out = self.__dict__.get("blPara")
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if not parts and laid_out is not None and availWidth == self._laid_out_for:
            # reportlab drops the lines when too few of them fit: they still hold for the
            # width, so the next wrap (the next column or page) need not break them again
            self.__dict__.setdefault("blPara", laid_out)
        return parts


class RtlPara(Flowable):
    """A right-to-left paragraph: broken into lines in reading order for the width it is
    given, each line then put in drawing order, set flush right."""

    def __init__(self, text: str, style: ParagraphStyle, markup: Markup):
        super().__init__()
        self.text, self.markup = text, markup
        self.style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        self._inner: Para | None = None

    def _lay_out(self, width: float) -> Para:
        s, glyphs = self.style, self.markup.glyphs
        room = width - s.leftIndent - s.rightIndent - 1

        def measure(line: str) -> float:
            return glyphs.width(line, s.fontName, s.fontSize)

        lines = break_lines(self.text, room, measure)
        return Para(
            "<br/>".join(self.markup.text(visual(line), reorder=False) for line in lines),
            self.style,
        )

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._inner = self._lay_out(availWidth)
        self.width, self.height = self._inner.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return self._lay_out(availWidth).split(availWidth, availHeight)

    def draw(self) -> None:
        assert self._inner is not None
        self._inner.drawOn(self.canv, 0, 0)


class Heading(Para):
    """A section heading that bookmarks itself in the PDF outline where it is drawn.

    Being a flowable that draws its own bookmark, it works anywhere, even inside a table
    cell; only keep it out of repeated header rows, which would bookmark it twice.
    """

    def __init__(self, text: str, style: ParagraphStyle, key: str, title: str):
        super().__init__(text, style)
        self.outline_key, self.outline_title = key, title

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.outline_key, 0, self.height + 4)
        self.canv.addOutlineEntry(self.outline_title, self.outline_key, level=0, closed=False)
        self.canv.saveState()
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, -3, self.width, -3)
        self.canv.restoreState()
        super().draw()


@dataclass
class TextKit:
    """Styles, markup and the text width: what turning text into flowables needs."""

    styles: Styles
    markup: Markup
    width: float
    text_style: ParagraphStyle = field(init=False)

    def __post_init__(self) -> None:
        self.text_style = self.styles.body

    def para(self, rich: Rich | str, style: ParagraphStyle) -> Flowable:
        text = rich if isinstance(rich, str) else rich_text(rich)
        if has_rtl(text) and is_rtl_paragraph(text):
            return RtlPara(text, style, self.markup)
        return Para(self.markup.rich(rich, style.fontSize), style)

    def stacked(
        self,
        parts: Sequence[tuple[str, Rich | str, ParagraphStyle]],
        style: ParagraphStyle,
        kind: type[Para] = Para,
    ) -> list[Flowable]:
        """Lines of (markup prefix, text, style) as one paragraph of `kind` (fewer flowables
        to lay out), or one flowable a part when a part is a right-to-left paragraph."""
        texts = [p if isinstance(p, str) else rich_text(p) for _, p, _ in parts]
        if not any(has_rtl(t) and is_rtl_paragraph(t) for t in texts):
            return [
                kind(
                    "<br/>".join(prefix + self._styled(p, st, style) for prefix, p, st in parts),
                    style,
                )
            ]
        return [
            self.para(
                p,
                ParagraphStyle(
                    f"{style.name}-part", parent=style, fontName=st.fontName, fontSize=st.fontSize
                ),
            )
            for _, p, st in parts
        ]

    def _styled(self, rich: Rich | str, part: ParagraphStyle, style: ParagraphStyle) -> str:
        """A part's markup, in its font and size where they are not the paragraph's own
        (a font tag less to parse)."""
        if (part.fontName, part.fontSize) == (style.fontName, style.fontSize):
            return self.markup.rich(rich, part.fontSize)
        return self.markup.styled(rich, part.fontName, part.fontSize)

    def heading(self, title: str, key: str, label: str | None = None) -> Heading:
        text = self.markup.text(title)
        if label:
            text += (
                f'   <font size="7" color="{color_attr(ACCENT)}">'
                f"{escape_text(label.upper())}</font>"
            )
        return Heading(text, self.styles.heading, key, title)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Flowable | list[Flowable]]],
        widths: Sequence[float],
        zebra: bool = True,
    ) -> RLTable:
        """A table that splits between (and inside) rows and repeats its header row."""
        head = [self.para(h, self.styles.cell_head) for h in header]
        commands: list[tuple[object, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), NAVY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.4),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        if zebra:
            commands += [
                ("BACKGROUND", (0, r), (-1, r), STRIPE) for r in range(2, len(rows) + 1, 2)
            ]
        return Rows(
            [head, *rows],
            colWidths=[self.width * w for w in widths],
            repeatRows=1,
            splitInRow=1,
            style=commands,
            hAlign="LEFT",
        )
