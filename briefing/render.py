"""Brief content → PDF bytes (reportlab platypus). The same frame serves the class handouts.

Reproducible by construction: reportlab runs in invariant mode, the creation date is the
brief's date (never the clock), and "Page X of Y" is drawn with a form filled in once the
page count is known, so one pass gives the final file.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from briefing.blocks import Kit
from briefing.content import Brief, DocumentInfo, Footer, Masthead
from briefing.fonts import Glyphs, describe_missing, load_fonts
from briefing.furniture import (
    FOOTER_SIZE,
    PAGE_COUNT_FORM,
    PageFurniture,
    RunningFooter,
    draw_band,
    draw_footer,
    draw_watermark,
)
from briefing.markup import Markup
from briefing.styles import (
    BAND_HEIGHT,
    GREY,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAPERS,
    Styles,
    make_styles,
)
from seeds.frozen import record


@record
class Rendered:
    """A finished PDF, its page count and the warnings a user should see (e.g. missing glyphs)."""

    pdf: bytes
    pages: int
    warnings: tuple[str, ...] = ()
    missing: frozenset[str] = frozenset()  # characters no font could show


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
            draw_watermark(canvas, page, styles, watermark)

    def band(canvas: Canvas, doc: BaseDocTemplate) -> None:
        mark(canvas, doc)
        draw_band(canvas, page, styles, glyphs, furniture)

    def footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
        draw_footer(canvas, page, styles, glyphs, furniture)

    # the footer is drawn last so that extracted text reads in page order
    return [
        PageTemplate("first", [first], onPage=band, onPageEnd=footer, autoNextPageTemplate="later"),
        PageTemplate("later", [later], onPage=mark, onPageEnd=footer),
    ]


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
