"""Brief content → PDF bytes (reportlab platypus). The same frame serves the class handouts.

Reproducible by construction: reportlab runs in invariant mode, the creation date is the
brief's date (never the clock), and "Page X of Y" is drawn with a form filled in once the
page count is known, so one pass gives the final file.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from briefing.blocks import Kit
from briefing.content import Brief, DocumentInfo, Footer, Masthead
from briefing.fonts import Glyphs, describe_missing, load_fonts
from briefing.markup import Markup
from briefing.styles import (
    BAND_HEIGHT,
    FOOTER_Y,
    GREY,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    NAVY,
    PAPERS,
    RULE,
    WHITE,
    Styles,
    make_styles,
)
from seeds.records import record

PAGE_COUNT_FORM = "classbrief-page-count"
FOOTER_SIZE = 7.0


@record
class Rendered:
    """A finished PDF, its page count and the warnings a user should see (e.g. missing glyphs)."""

    pdf: bytes
    pages: int
    warnings: tuple[str, ...] = ()
    missing: frozenset[str] = frozenset()  # characters no font could show


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


Story = Sequence[Flowable] | Callable[[Kit], Sequence[Flowable]]


def render_brief(brief: Brief, paper: str = "a4", watermark: str | None = None) -> Rendered:
    """The PDF of one brief; ``watermark`` (e.g. "DRAFT") is drawn across every page."""
    return render_document(
        brief.info, brief_furniture(brief), paper, lambda kit: brief_story(kit, brief), watermark
    )


def brief_story(kit: Kit, brief: Brief) -> list[Flowable]:
    """The brief's flowables, for appending other material (e.g. a quiz sheet) after them."""
    story = masthead_story(kit, brief.masthead)
    for n, section in enumerate(brief.sections, 1):
        story += kit.section(section, last=n == len(brief.sections))
    return story


def masthead_story(kit: Kit, masthead: Masthead) -> list[Flowable]:
    s = kit.styles
    return [
        kit.para(masthead.title, s.title),
        kit.para("Based on: " + masthead.citation, s.dek),
        kit.para(
            f"{masthead.audience}. Curated from a single {masthead.source_kind}; see "
            "Sources and method.",
            s.dek,
        ),
    ]


def brief_furniture(brief: Brief) -> PageFurniture:
    """The band and footer of a brief (and of anything printed after it in the same file)."""
    masthead = brief.masthead
    right = masthead.audience + (f"  ·  {masthead.date_text}" if masthead.date_text else "")
    return PageFurniture(masthead.kicker.upper(), right, brief.footer)


def render_document(
    info: DocumentInfo,
    furniture: PageFurniture,
    paper: str,
    story: Story,
    watermark: str | None = None,
) -> Rendered:
    """Any document in the house style: `story` is flowables, or a function of the `Kit`.

    Handouts call this with their own story so they share fonts, styles, footer,
    outline handling and reproducibility with the brief.
    """
    if paper not in PAPERS:
        raise ValueError(f"unknown paper size {paper!r}; use one of {', '.join(PAPERS)}")
    fonts = load_fonts()
    styles = make_styles(fonts)
    glyphs = fonts.glyphs()
    page = PAPERS[paper]
    kit = Kit(styles, Markup(glyphs), page[0] - 2 * MARGIN_X)
    flowables = list(story(kit) if callable(story) else story)
    for text in (furniture.band_left, furniture.band_right, furniture.footer.text):
        _ = list(glyphs.spans(text))  # page furniture is drawn, not typeset: check it too

    buffer = io.BytesIO()
    doc = _document(buffer, info, page)
    doc.addPageTemplates(_templates(page, styles, glyphs, furniture, watermark))
    counted: list[int] = []
    doc.build(flowables, canvasmaker=_canvas_class(info.created, styles, counted))
    warnings = (describe_missing(glyphs.missing),) if glyphs.missing else ()
    return Rendered(
        buffer.getvalue(), counted[0] if counted else 0, warnings, frozenset(glyphs.missing)
    )


def _document(buffer: io.BytesIO, info: DocumentInfo, page: tuple[float, float]) -> BaseDocTemplate:
    return BaseDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=list(info.keywords),
        creator="classbrief",
        lang=info.language,
        displayDocTitle=True,
        invariant=1,
        pageCompression=1,
    )


def _templates(
    page: tuple[float, float],
    styles: Styles,
    glyphs: Glyphs,
    furniture: PageFurniture,
    watermark: str | None = None,
) -> list[PageTemplate]:
    width, height = page
    body_height = height - MARGIN_TOP - MARGIN_BOTTOM
    first = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        width - 2 * MARGIN_X,
        body_height - BAND_HEIGHT - 6,
        id="first",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    later = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        width - 2 * MARGIN_X,
        body_height,
        id="later",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def mark(canvas: Canvas, doc: BaseDocTemplate) -> None:
        if watermark:  # drawn first, so the page's text lies over it
            _watermark(canvas, page, styles, watermark)

    def band(canvas: Canvas, doc: BaseDocTemplate) -> None:
        mark(canvas, doc)
        _band(canvas, page, styles, glyphs, furniture)

    def footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
        _footer(canvas, page, styles, glyphs, furniture)

    # the footer is drawn last so that extracted text reads in page order
    return [
        PageTemplate("first", [first], onPage=band, onPageEnd=footer, autoNextPageTemplate="later"),
        PageTemplate("later", [later], onPage=mark, onPageEnd=footer),
    ]


WATERMARK_GREY = 0.88


def _watermark(canvas: Canvas, page: tuple[float, float], styles: Styles, text: str) -> None:
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
    """The drawn width of one line, each character in the font that shows it."""
    return sum(stringWidth(c, f or font, size) for f, c in glyphs.spans(text))


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


def _band(
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


def _footer(
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


def _pdf_date(day: dt.date) -> Callable[..., str]:
    """A PDF date formatter that gives noon UTC on `day` whatever time it is handed: with
    reportlab's invariant mode (a fixed internal time stamp) the file depends on nothing
    but its inputs."""
    text = f"D:{day:%Y%m%d}120000+00'00'"
    return lambda *_: text


def _canvas_class(created: dt.date | None, styles: Styles, counted: list[int]) -> type[Canvas]:
    class BriefCanvas(Canvas):
        """Fixes the creation date, opens the outline, fills in the page total at the end."""

        running_footer: Footer | None = None  # set by a RunningFooter on the page

        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            if created is not None:
                self.setDateFormatter(_pdf_date(created))
            self.showOutline()

        def save(self) -> None:
            pages = self.getPageNumber() - 1
            counted.append(pages)
            self.beginForm(PAGE_COUNT_FORM)
            self.setFillColor(GREY)
            self.setFont(styles.sans_bold, FOOTER_SIZE)
            self.drawString(0, 0, str(pages))
            self.endForm()
            super().save()

    return BriefCanvas


__all__ = [
    "Kit",
    "PageFurniture",
    "Rendered",
    "RunningFooter",
    "brief_furniture",
    "brief_story",
    "masthead_story",
    "render_brief",
    "render_document",
]
