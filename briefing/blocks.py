"""Brief content blocks → platypus flowables. A `Kit` holds what every block needs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import singledispatchmethod

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer
from reportlab.platypus import Table as RLTable

from briefing.bidi import has_rtl, is_rtl_paragraph
from briefing.breaks import END, TAIL, Group, Passage
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
from briefing.markup import color_attr, escape_text
from briefing.styles import GREY, NAVY, RULE, SHADE
from briefing.textkit import Para, RtlPara, TextKit

SMALL_PRINT = {"sources"}  # sections set in the smaller text size


@dataclass
class Kit(TextKit):
    """A `TextKit` that also lays out the brief's sections and content blocks."""

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
                    f'<font name="{self.styles.sans_bold}" color="{color_attr(NAVY)}">'
                    f"{escape_text(label)}.</font> " + self.markup.rich(text, size),
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
