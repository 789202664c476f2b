"""What is drawn around the flow of a page: the band on the first page, the running
footer ("Page N of M" and the document's words, fitted to the room beside it) and, on a
draft, a watermark. Drawn on the canvas, not typeset, so each character's font is
chosen here as the markup does it for paragraphs."""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from briefing.content import Footer
from briefing.fonts import Glyphs
from briefing.styles import (
    BAND_HEIGHT,
    FOOTER_Y,
    GREY,
    MARGIN_TOP,
    MARGIN_X,
    NAVY,
    RULE,
    WHITE,
    Styles,
)
from seeds.frozen import record

PAGE_COUNT_FORM = "classbrief-page-count"
FOOTER_SIZE = 7.0


@record
class PageFurniture:
    """What is drawn around the flow: the first-page band and the running footer."""

    band_left: str
    band_right: str
    footer: Footer


class RunningFooter(Flowable):
    """Takes no room: from the page it stands on, the footer says `footer` (e.g. a quiz
    sheet printed after a brief names its set and variant, as a sheet of its own does)."""

    def __init__(self, footer: Footer):
        super().__init__()
        self.footer = footer

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.running_footer = self.footer


WATERMARK_GREY = 0.88


def draw_watermark(canvas: Canvas, page: tuple[float, float], styles: Styles, text: str) -> None:
    """Large light-grey text corner to corner, e.g. DRAFT on a brief under review."""
    width, height = page
    canvas.saveState()
    canvas.setFillGray(WATERMARK_GREY)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    size = min(
        140.0, 0.8 * math.hypot(width, height) / max(stringWidth(text, styles.sans_bold, 1), 1)
    )
    canvas.setFont(styles.sans_bold, size)
    canvas.drawCentredString(0, -size * 0.35, text)
    canvas.restoreState()


def _width(text: str, font: str, size: float, glyphs: Glyphs) -> float:
    return glyphs.width(text, font, size)


def _draw(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    glyphs: Glyphs,
    align: str = "left",
    max_width: float | None = None,
) -> None:
    """Draw one line of text on the canvas with per-character font fallback."""
    if max_width is not None and _width(text, font, size, glyphs) > max_width:
        while text and _width(text + "…", font, size, glyphs) > max_width:
            text = text[:-1]
        text = text.rstrip() + "…"
    if align == "right":
        x -= _width(text, font, size, glyphs)
    for fallback, chunk in glyphs.spans(text):
        canvas.setFont(fallback or font, size)
        canvas.drawString(x, y, chunk)
        x += stringWidth(chunk, fallback or font, size)


def fit_footer(footer: Footer, room: float, width: Callable[[str], float]) -> str:
    """The footer in `room` points: only its title is shortened (at a word where it can
    be, with "…"), and dropped if need be; what stands before and after it never is."""
    if width(footer.text) <= room:
        return footer.text
    title = footer.title
    low, high = 0, len(title)  # the longest cut of the title that fits, found by halving
    while low < high:
        mid = (low + high + 1) // 2
        if width(footer.before + title[:mid] + "…" + footer.after) <= room:
            low = mid
        else:
            high = mid - 1
    short = _at_a_word(title[:low])
    if not short:
        return footer.before + footer.after.lstrip()
    return footer.before + short + "…" + footer.after


def _at_a_word(cut: str) -> str:
    """A cut title ended at a whole word when one ends near the cut."""
    head, _, tail = cut.rpartition(" ")
    if head and len(tail) < 0.3 * len(cut):
        cut = head
    return cut.rstrip(" ,;:·–—-")


def draw_band(
    canvas: Canvas,
    page: tuple[float, float],
    styles: Styles,
    glyphs: Glyphs,
    furniture: PageFurniture,
) -> None:
    width, height = page
    top = height - MARGIN_TOP
    canvas.saveState()
    canvas.setFillColor(NAVY)
    canvas.rect(MARGIN_X, top - BAND_HEIGHT, width - 2 * MARGIN_X, BAND_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(WHITE)
    baseline = top - BAND_HEIGHT / 2 - 3
    inner = width - 2 * MARGIN_X - 16
    _draw(
        canvas,
        MARGIN_X + 8,
        baseline,
        furniture.band_left,
        styles.sans_bold,
        8.5,
        glyphs,
        max_width=inner * 0.45,
    )
    _draw(
        canvas,
        width - MARGIN_X - 8,
        baseline,
        furniture.band_right,
        styles.sans,
        8,
        glyphs,
        align="right",
        max_width=inner * 0.5,
    )
    canvas.restoreState()


FOOTER_GAP = 14.0  # between "Page N of M" and the footer's words


def draw_footer(
    canvas: Canvas,
    page: tuple[float, float],
    styles: Styles,
    glyphs: Glyphs,
    furniture: PageFurniture,
) -> None:
    width, _ = page
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, FOOTER_Y + 9, width - MARGIN_X, FOOTER_Y + 9)
    canvas.setFillColor(GREY)
    number = canvas.getPageNumber()
    label = f"Page {number} of "
    canvas.setFont(styles.sans_bold, FOOTER_SIZE)
    canvas.drawString(MARGIN_X, FOOTER_Y, label)
    canvas.translate(MARGIN_X + stringWidth(label, styles.sans_bold, FOOTER_SIZE), FOOTER_Y)
    canvas.doForm(PAGE_COUNT_FORM)  # the total is only known at the end: see _canvas_class
    canvas.translate(-MARGIN_X - stringWidth(label, styles.sans_bold, FOOTER_SIZE), -FOOTER_Y)
    # room for the total too: it has as many digits as this page's number, or more
    total = "0" * max(3, len(str(number)))
    label_width = stringWidth(label + total, styles.sans_bold, FOOTER_SIZE)
    room = width - 2 * MARGIN_X - label_width - FOOTER_GAP
    footer = getattr(canvas, "running_footer", None) or furniture.footer
    text = fit_footer(footer, room, lambda t: _width(t, styles.sans, FOOTER_SIZE, glyphs))
    # without its title it fits unless the page is absurdly narrow: then smaller, not cut
    natural = _width(text, styles.sans, FOOTER_SIZE, glyphs)
    size = FOOTER_SIZE if natural <= room else FOOTER_SIZE * room / natural
    _draw(canvas, width - MARGIN_X, FOOTER_Y, text, styles.sans, size, glyphs, "right")
    canvas.restoreState()


__all__ = [
    "FOOTER_SIZE",
    "PAGE_COUNT_FORM",
    "PageFurniture",
    "RunningFooter",
    "draw_band",
    "draw_footer",
    "draw_watermark",
    "fit_footer",
]
