"""Brief content blocks → platypus flowables. A `Kit` holds what every block needs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import singledispatchmethod

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer
from reportlab.platypus import Table as RLTable

from briefing.bidi import break_lines, has_rtl, is_rtl_paragraph, visual
from briefing.breaks import END, TAIL, Group, Passage, Rows
from briefing.chart import bar_chart
from briefing.content import (
    ArgumentList,
    BarChart,
    Block,
    ItemList,
    KeyFigures,
    LabelledBox,
    Paragraphs,
    Rich,
    Section,
    SideBySide,
    Table,
    Timeline,
    rich_text,
)
from briefing.markup import Markup, escape_text
from briefing.styles import ACCENT, GREY, NAVY, RULE, SHADE, STRIPE, Styles

SMALL_PRINT = {"sources"}  # sections set in the smaller text size


class Para(Paragraph):
    """A paragraph that remembers its layout for a width: tables and frames ask repeatedly."""

    _laid_out_for: float | None = None
    was_split = False  # split once: its layout state belongs to that document only

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._laid_out_for and "blPara" in self.__dict__:
            return self.width, self.height
        self._laid_out_for = availWidth
        return super().wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.was_split = True
        return super().split(availWidth, availHeight)


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
class Kit:
    """Styles, markup and the text width: what turning content into flowables needs."""

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
        self, parts: Sequence[tuple[str, Rich | str, ParagraphStyle]], style: ParagraphStyle
    ) -> list[Flowable]:
        """Lines of (markup prefix, text, style) as one paragraph (fewer flowables to lay
        out), or one flowable a part when a part is a right-to-left paragraph."""
        texts = [p if isinstance(p, str) else rich_text(p) for _, p, _ in parts]
        if not any(has_rtl(t) and is_rtl_paragraph(t) for t in texts):
            return [
                Para(
                    "<br/>".join(
                        prefix + self.markup.styled(p, st.fontName, st.fontSize)
                        for prefix, p, st in parts
                    ),
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

    def heading(self, title: str, key: str, label: str | None = None) -> Heading:
        text = self.markup.text(title)
        if label:
            text += (
                f'   <font size="7" color="#{ACCENT.hexval()[2:]}">'
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

    # --- sections and blocks ---------------------------------------------------------------

    def section(self, section: Section, last: bool = False) -> list[Flowable]:
        """A section as one `Passage`: its heading never ends a page, and a page never
        holds only its last line or two (nor, in the `last` section, only a few lines)."""
        self.text_style = self.styles.small if section.key in SMALL_PRINT else self.styles.body
        content: list[Flowable] = []
        try:
            for block in section.blocks:
                content += self.block(block)
        finally:
            self.text_style = self.styles.body
        if not content:
            return []  # a heading over nothing is never printed
        heading = self.heading(section.title, section.key, section.label)
        heading.keepWithNext = 0  # the passage keeps it with what it heads
        return [Passage([heading, *content], heads=1, tail=END if last else TAIL)]

    @singledispatchmethod
    def block(self, block: Block) -> list[Flowable]:
        raise TypeError(f"no layout for {type(block).__name__}")

    @block.register
    def _(self, block: Paragraphs) -> list[Flowable]:
        return [self.para(p, self.text_style) for p in block.paragraphs]

    @block.register
    def _(self, block: LabelledBox) -> list[Flowable]:
        size = self.styles.box_text.fontSize
        cells = [
            [
                Para(
                    f'<font name="{self.styles.sans_bold}" color="#'
                    f'{NAVY.hexval()[2:]}">{escape_text(label)}.</font> '
                    + self.markup.rich(text, size),
                    self.styles.box_text,
                )
            ]
            for label, text in block.items
        ]
        box = RLTable(
            cells,
            colWidths=[self.width],
            style=[
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, NAVY),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
            ],
        )
        return [box]

    @block.register
    def _(self, block: KeyFigures) -> list[Flowable]:
        s = self.styles
        per_row = min(len(block.callouts), 5)
        cells = [
            [
                self.para(c.value, s.figure_value),
                self.para(c.label, s.figure_label),
                self.para(c.detail, s.figure_detail),
                self.para(c.source, s.caption),
            ]
            for c in block.callouts
        ]
        rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
        rows[-1] += [[]] * (per_row - len(rows[-1]))
        table = RLTable(
            rows,
            colWidths=[self.width / per_row] * per_row,
            style=[
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEAFTER", (0, 0), (-2, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
            ],
            hAlign="LEFT",
        )
        caption = [self.para(block.caption, s.caption)] if block.caption else []
        return [table, *caption, Spacer(1, 8)]

    @block.register
    def _(self, block: BarChart) -> list[Flowable]:
        s = self.styles
        drawing = bar_chart(block, self.width, s.sans, s.sans_bold, self.markup.glyphs)
        parts: list[Flowable] = [
            self.para(block.title, s.subheading),
            drawing,
            Spacer(1, 3),
            self.para(block.values_text, s.caption),
        ]
        if block.note:
            parts.append(self.para(block.note, s.caption))
        parts.append(self.para(block.source, s.caption))
        return [Group(parts), Spacer(1, 2)]

    @block.register
    def _(self, block: Table) -> list[Flowable]:
        if not block.rows:
            return []  # a header row over nothing is never printed
        rows = [[self.para(cell, self.styles.cell) for cell in row] for row in block.rows]
        parts: list[Flowable] = [self.table(block.header, rows, block.widths), Spacer(1, 6)]
        if block.caption:
            parts.insert(1, self.para(block.caption, self.styles.caption))
        return parts

    @block.register
    def _(self, block: SideBySide) -> list[Flowable]:
        from briefing.sidebyside import side_by_side  # it builds on Kit and Para: import late

        return side_by_side(self, block)

    @block.register
    def _(self, block: ArgumentList) -> list[Flowable]:
        from briefing.sidebyside import argument_list

        return argument_list(self, block)

    @block.register
    def _(self, block: Timeline) -> list[Flowable]:
        s, mk = self.styles, self.markup
        rows = []
        for m in block.entries:  # one paragraph a cell: far fewer flowables to lay out
            when = f"<b>{mk.text(m.when)}</b>"
            if m.when_note:
                when += "<br/>" + mk.styled(
                    m.when_note, s.caption.fontName, s.caption.fontSize, GREY
                )
            what = self.stacked([("", m.title, s.claim), ("", m.detail, s.cell)], s.cell)
            rows.append([Para(when, s.cell), what])
        parts: list[Flowable] = [self.table(("When", "What happened"), rows, (0.24, 0.76))]
        if block.note:
            parts.append(self.para(block.note, s.note))
        return parts

    @block.register
    def _(self, block: ItemList) -> list[Flowable]:
        """One paragraph an item, its bullet or number hanging in the margin: items break
        across pages like any paragraph, and a section can keep its last ones together."""
        s, style = self.styles, self.text_style
        if block.numbered:
            marker = ParagraphStyle(
                f"{style.name}-numbered",
                parent=style,
                leftIndent=16,
                bulletIndent=0,
                bulletFontName=s.sans_bold,
                bulletFontSize=8.5,
                bulletColor=NAVY,
            )
        else:  # "•" is in every font used, even reportlab's built-in fallback
            marker = ParagraphStyle(
                f"{style.name}-bulleted",
                parent=style,
                leftIndent=12,
                bulletIndent=0,
                bulletFontName=s.sans,
                bulletFontSize=9,
                bulletColor=GREY,
            )
        return [
            self._item(item, marker, f"{n}." if block.numbered else "•")
            for n, item in enumerate(block.items, 1)
        ]

    def _item(self, item: Rich, style: ParagraphStyle, bullet: str) -> Flowable:
        text = rich_text(item)
        if not (has_rtl(text) and is_rtl_paragraph(text)):
            return Para(self.markup.rich(item, style.fontSize), style, bulletText=bullet)
        # a right-to-left item is set flush right; its number still hangs at the left
        plain = ParagraphStyle(f"{style.name}-rtl", parent=style, leftIndent=0)
        mark = ParagraphStyle(
            f"{style.name}-mark",
            parent=style,
            leftIndent=0,
            fontName=style.bulletFontName,
            fontSize=style.bulletFontSize,
            textColor=style.bulletColor,
        )
        return RLTable(
            [[Para(escape_text(bullet), mark), RtlPara(text, plain, self.markup)]],
            colWidths=[style.leftIndent, self.width - style.leftIndent],
            style=[
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), style.spaceAfter),
            ],
            hAlign="LEFT",
        )


__all__ = ["Heading", "Kit"]
