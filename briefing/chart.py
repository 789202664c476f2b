"""A horizontal bar chart drawn with reportlab.graphics, labels wrapped so none is cut off.

Drawn by hand rather than with HorizontalBarChart so that long labels wrap inside
their column and each string can switch to a fallback font for characters the
main font lacks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing.bidi import embedded, has_rtl, is_rtl_paragraph, visual
from briefing.content import Bar, BarChart
from briefing.fonts import Glyphs
from briefing.styles import GREY, INK, NAVY, RULE

LABEL_SIZE = 7.6
VALUE_SIZE = 7.6
TICK_SIZE = 6.6
BAR_HEIGHT = 12.0
ROW_GAP = 9.0
AXIS_SPACE = 14.0
MAX_LINES = 4  # a label longer than this is elided: the values line below gives it whole


def text_width(text: str, font: str, size: float, glyphs: Glyphs) -> float:
    return glyphs.width(text, font, size)


def draw_text(
    drawing: Drawing,
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    glyphs: Glyphs,
    anchor: str = "start",
    color: object = INK,
) -> None:
    """Draw one line, switching to fallback fonts chunk by chunk."""
    if has_rtl(text):
        text = (
            visual(text, rtl_base=is_rtl_paragraph(text))
            if is_rtl_paragraph(text)
            else embedded(text)
        )
    width = text_width(text, font, size, glyphs)
    x -= {"start": 0, "middle": width / 2, "end": width}[anchor]
    for fallback, chunk in glyphs.spans(text):
        face = fallback or font
        drawing.add(String(x, y, chunk, fontName=face, fontSize=size, fillColor=color))
        x += stringWidth(chunk, face, size)


def wrap(
    text: str, font: str, size: float, width: float, glyphs: Glyphs, most: int = MAX_LINES
) -> list[str]:
    """Greedy word wrap; over-long words are cut, and past `most` lines the rest is elided."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, font, size, glyphs) <= width:
            lines[-1] = candidate
            continue
        while text_width(word, font, size, glyphs) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], font, size, glyphs) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    if len(lines) > most:
        last = lines[most - 1]
        while last and text_width(last + "…", font, size, glyphs) > width:
            last = last[:-1]
        lines = [*lines[: most - 1], last + "…"]
    return lines or [""]


def nice_step(top: float, most: int = 5) -> float:
    """A 1-2-5 step giving at most `most` intervals up to `top`."""
    if top <= 0:
        return 1.0
    raw = top / most
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


@dataclass(frozen=True)
class _Plot:
    """Where the bars go: from ``x`` across ``width`` points, ``top`` at the far end."""

    x: float
    width: float
    top: float  # the scale's highest value

    def length(self, value: float) -> float:
        return self.width * value / self.top


def bar_chart(chart: BarChart, width: float, font: str, bold: str, glyphs: Glyphs) -> Drawing:
    label_width = width * 0.36
    value_room = max(text_width(b.value_text, bold, VALUE_SIZE, glyphs) for b in chart.bars) + 6
    plot_x = label_width + 8
    labels = [wrap(b.label, font, LABEL_SIZE, label_width, glyphs) for b in chart.bars]
    line_height = LABEL_SIZE * 1.2
    rows = [max(BAR_HEIGHT, len(lines) * line_height) for lines in labels]
    height = sum(rows) + ROW_GAP * len(rows) + AXIS_SPACE
    drawing = Drawing(width, height)

    top = max(max(b.value for b in chart.bars), 0.0)
    step = nice_step(top)
    plot = _Plot(plot_x, width - plot_x - value_room, step * math.ceil(top / step) if top else 1.0)
    _scale(drawing, plot, step, height, font, glyphs)
    y = height
    for bar, lines, row in zip(chart.bars, labels, rows, strict=True):
        y -= row + ROW_GAP / 2
        centre = y + row / 2
        first = centre + (len(lines) - 1) * line_height / 2 - LABEL_SIZE * 0.35
        for i, line in enumerate(lines):
            draw_text(
                drawing,
                label_width,
                first - i * line_height,
                line,
                font,
                LABEL_SIZE,
                glyphs,
                anchor="end",
            )
        _bar(drawing, plot, bar, centre, bold, glyphs)
        y -= ROW_GAP / 2
    drawing.add(Line(plot_x, AXIS_SPACE - 2, plot_x, height, strokeColor=INK, strokeWidth=0.8))
    return drawing


def _scale(
    drawing: Drawing, plot: _Plot, step: float, height: float, font: str, glyphs: Glyphs
) -> None:
    """A rule and a number at every step from 0 to the top of the scale."""
    tick = 0.0
    while tick <= plot.top + step / 1000:
        x = plot.x + plot.length(tick)
        drawing.add(Line(x, AXIS_SPACE - 2, x, height, strokeColor=RULE, strokeWidth=0.4))
        draw_text(
            drawing,
            x,
            AXIS_SPACE - 10,
            f"{tick:,.0f}" if step >= 1 else f"{tick:g}",
            font,
            TICK_SIZE,
            glyphs,
            anchor="middle",
            color=GREY,
        )
        tick += step


def _bar(drawing: Drawing, plot: _Plot, bar: Bar, centre: float, bold: str, glyphs: Glyphs) -> None:
    """One bar (a range's from its low end, a thin line before it) and its value."""
    length = plot.length(max(bar.value, 0.0))
    begin = plot.length(min(max(bar.start, 0.0), bar.value))
    if begin:  # a range: a thin line up to its low end, the bar from there to its high
        drawing.add(Line(plot.x, centre, plot.x + begin, centre, strokeColor=RULE, strokeWidth=1.2))
    drawing.add(
        Rect(
            plot.x + begin,
            centre - BAR_HEIGHT / 2,
            length - begin,
            BAR_HEIGHT,
            fillColor=NAVY,
            strokeColor=None,
        )
    )
    draw_text(
        drawing,
        plot.x + length + 4,
        centre - VALUE_SIZE * 0.35,
        bar.value_text,
        bold,
        VALUE_SIZE,
        glyphs,
    )
