"""The brief's bare twin: reportlab alone, a four-page document of the brief's shape.

The same TrueType faces (DejaVu Serif and Sans: regular, bold, italic), an A4 page with a
band on the first page and a "Page X of Y" footer on each, a title, key takeaways, a row
of figure tiles, a bar chart drawn with reportlab's shapes, a table of actors, claims
with their speakers, a timeline table, questions for discussion, a glossary and sources:
about as much text as the brief, in reportlab's own Paragraph and Table.

`build()` returns the PDF's bytes (fonts are registered once a process, as the brief's
are). Run as a script, it registers the fonts, builds the document and writes it to the
file named: the twin of a whole `brief build` process.
"""

from __future__ import annotations

import io
import os
import sys

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

FACES = {
    "Serif": "DejaVuSerif.ttf",
    "Serif-Bold": "DejaVuSerif-Bold.ttf",
    "Serif-Italic": "DejaVuSerif-Italic.ttf",
    "Sans": "DejaVuSans.ttf",
    "Sans-Bold": "DejaVuSans-Bold.ttf",
    "Sans-Oblique": "DejaVuSans-Oblique.ttf",
}
NAVY, ACCENT, INK = HexColor("#1F3A5F"), HexColor("#A8322D"), HexColor("#1D2329")
GREY, RULE, STRIPE = HexColor("#59636E"), HexColor("#B9C3CE"), HexColor("#F6F8FA")
WIDTH, HEIGHT = A4
MARGIN = 17 * mm

SENTENCES = (
    "A government paper on the initiative says the country will train 5,000 people from "
    "other developing countries over the next five years.",
    "The offer adds to earlier pledges to train police and officials from regional "
    "groupings, Arab states and the Pacific islands.",
    "Training another country's police builds lasting personal and institutional links, "
    "so the offer widens its influence over how security is handled abroad.",
    "Experts present it as normal cooperation against shared threats, while critics worry "
    "about policing methods and growing sway in these regions.",
    "Watch which countries send trainees, what the courses teach and whether the planned "
    "training base and the academy exchanges take shape.",
    "“The responsibility to work with other countries” is how one expert put it; others "
    "speak of “close relationships” between the partners.",
)


def text(sentences: int, start: int = 0) -> str:
    return " ".join(SENTENCES[(start + n) % len(SENTENCES)] for n in range(sentences))


def register_fonts() -> None:
    """The six faces, registered once a process, and <b>/<i> mapped to them."""
    if "Serif" in pdfmetrics.getRegisteredFontNames():
        return
    found: dict[str, str] = {}
    for root, _dirs, files in os.walk("/usr/share/fonts"):
        for name in files:
            found.setdefault(name, os.path.join(root, name))
    for face, file in FACES.items():
        pdfmetrics.registerFont(TTFont(face, found[file]))
    families = (("Serif", "Serif-Bold", "Serif-Italic"), ("Sans", "Sans-Bold", "Sans-Oblique"))
    for family, bold, italic in families:
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 1, bold)


def style(name: str, font: str, size: float, leading: float, **extra: object) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **extra)  # type: ignore[arg-type]


STYLES = {
    "title": style("title", "Serif-Bold", 19, 23, textColor=NAVY, spaceAfter=5),
    "dek": style("dek", "Sans", 8.5, 11.5, textColor=GREY, spaceAfter=1),
    "heading": style(
        "heading", "Sans-Bold", 11.5, 14, textColor=NAVY, spaceBefore=10, spaceAfter=6
    ),
    "sub": style("sub", "Sans-Bold", 8.5, 11, textColor=NAVY, spaceBefore=2, spaceAfter=3),
    "body": style("body", "Serif", 9, 12.3, textColor=INK, spaceAfter=5),
    "cell": style("cell", "Sans", 7.6, 9.6, textColor=INK),
    "head": style("head", "Sans-Bold", 7.6, 9.6, textColor=HexColor("#FFFFFF")),
    "value": style("value", "Sans-Bold", 20, 23, textColor=ACCENT),
    "note": style("note", "Sans", 7.6, 9.8, textColor=GREY, spaceAfter=5),
}


def table(rows: list[list[str]], widths: list[float]) -> Table:
    cells = [[Paragraph(c, STYLES["head"]) for c in rows[0]]]
    cells += [[Paragraph(c, STYLES["cell"]) for c in row] for row in rows[1:]]
    shown = Table(cells, colWidths=widths, repeatRows=1)
    shown.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), NAVY),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [HexColor("#FFFFFF"), STRIPE]),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return shown


def chart(width: float) -> Drawing:
    """Eight labelled bars on a scale with grid lines, as the brief's figures chart."""
    values = [5000, 2000, 1500, 300, 32, 1200, 800, 450]
    row, plot_x = 16, width * 0.38
    drawing = Drawing(width, row * len(values) + 16)
    for tick in range(0, 6001, 1000):
        x = plot_x + (width - plot_x - 40) * tick / 6000
        drawing.add(Line(x, 12, x, drawing.height, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(String(x, 2, f"{tick:,}", fontName="Sans", fontSize=6.5, textAnchor="middle"))
    for n, value in enumerate(values):
        y = drawing.height - (n + 1) * row
        length = (width - plot_x - 40) * value / 6000
        drawing.add(
            String(
                plot_x - 6,
                y + 3,
                f"Training places, offer {n + 1}",
                fontName="Sans",
                fontSize=7,
                textAnchor="end",
            )
        )
        drawing.add(Rect(plot_x, y, length, 10, fillColor=NAVY, strokeColor=None))
        drawing.add(
            String(plot_x + length + 4, y + 2, f"{value:,}", fontName="Sans-Bold", fontSize=7)
        )
    return drawing


def story() -> list:
    p, s = Paragraph, STYLES
    inner = WIDTH - 2 * MARGIN
    flow: list = [
        p("A security initiative and its offers to train foreign security staff", s["title"]),
        p("Based on: an article of February 2023 about training places, " + text(1), s["dek"]),
        p(
            "For classroom use. Curated from a single news article; see Sources and method.",
            s["dek"],
        ),
        p("Key takeaways", s["heading"]),
    ]
    flow += [
        p(f"<b>{h}.</b> " + text(3, n), s["body"])
        for n, h in enumerate(("What happened", "Why it matters", "What to watch"))
    ]
    flow.append(p("Key figures", s["heading"]))
    tiles = [
        [
            [p(f"{v:,}", s["value"]), p("training places", s["sub"]), p(text(1, n), s["note"])]
            for n, v in enumerate((5000, 2000, 1500))
        ]
    ]
    flow += [Table(tiles, colWidths=[inner / 3] * 3), Spacer(1, 6), chart(inner)]
    flow.append(p("Actors and positions", s["heading"]))
    actors = [["Actor", "Role", "Position", "Quoted"]]
    actors += [
        [f"Actor {n}", text(1, n), text(1, n + 1), f"“{SENTENCES[n % 6][:60]}”"] for n in range(6)
    ]
    flow.append(table(actors, [inner * 0.18, inner * 0.3, inner * 0.27, inner * 0.25]))
    flow.append(
        table(
            [["Also in the story", "Role"]] + [[f"Group {n}", text(1, n)] for n in range(7)],
            [inner * 0.35, inner * 0.65],
        )
    )
    flow.append(p("The case made for it", s["heading"]))
    for n in range(7):
        flow.append(
            KeepTogether(
                [
                    p(f"Claim {n + 1}: trained people carry out policy", s["sub"]),
                    p(text(3, n), s["body"]),
                    p(
                        "Made by: a professor of public policy · " + SENTENCES[n % 6][:70],
                        s["note"],
                    ),
                ]
            )
        )
    flow.append(p("Timeline", s["heading"]))
    flow.append(
        table(
            [["When", "What happened"]]
            + [[f"Month {n + 1} 2022", "<b>An event.</b> " + text(1, n)] for n in range(10)],
            [inner * 0.25, inner * 0.75],
        )
    )
    flow.append(p("Questions for discussion", s["heading"]))
    flow += [p(f"{n + 1}. " + text(2, n), s["body"]) for n in range(6)]
    flow.append(p("Glossary", s["heading"]))
    flow.append(
        table(
            [["Term", "Meaning"]] + [[f"Term {n}", text(1, n)] for n in range(8)],
            [inner * 0.25, inner * 0.75],
        )
    )
    flow.append(p("Sources and method", s["heading"]))
    flow += [p(text(3, n), s["body"]) for n in range(2)]
    return flow


class Numbered(Canvas):
    """Fills in the page total ("of Y") once it is known, with a form drawn on each page."""

    def save(self) -> None:
        self.beginForm("total")
        self.setFont("Sans-Bold", 7)
        self.drawString(0, 0, str(self.getPageNumber() - 1))
        self.endForm()
        super().save()


def band(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.setFillColor(NAVY)
    canvas.rect(MARGIN, HEIGHT - 16 * mm - 9 * mm, WIDTH - 2 * MARGIN, 9 * mm, stroke=0, fill=1)
    canvas.setFillColor(HexColor("#FFFFFF"))
    canvas.setFont("Sans-Bold", 8)
    canvas.drawString(MARGIN + 6, HEIGHT - 16 * mm - 6 * mm, "CLASSROOM POLICY BRIEF")
    canvas.drawRightString(WIDTH - MARGIN - 6, HEIGHT - 16 * mm - 6 * mm, "For classroom use")


def footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.setFillColor(GREY)
    canvas.setFont("Sans", 7)
    canvas.drawString(MARGIN, 10 * mm, "Made for classroom use from one news article.")
    page = f"Page {canvas.getPageNumber()} of "
    canvas.drawRightString(WIDTH - MARGIN - 8, 10 * mm, page)
    canvas.saveState()
    canvas.translate(WIDTH - MARGIN - 6, 10 * mm)
    canvas.doForm("total")
    canvas.restoreState()


def build() -> bytes:
    register_fonts()
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=17 * mm,
        title="Brief",
        invariant=1,
        pageCompression=1,
    )
    body = HEIGHT - 33 * mm
    doc.addPageTemplates(
        [
            PageTemplate(
                "first",
                [
                    Frame(
                        MARGIN,
                        17 * mm,
                        WIDTH - 2 * MARGIN,
                        body - 9 * mm - 6,
                        id="f",
                        leftPadding=0,
                        rightPadding=0,
                        topPadding=0,
                        bottomPadding=0,
                    )
                ],
                onPage=band,
                onPageEnd=footer,
                autoNextPageTemplate="later",
            ),
            PageTemplate(
                "later",
                [
                    Frame(
                        MARGIN,
                        17 * mm,
                        WIDTH - 2 * MARGIN,
                        body,
                        id="l",
                        leftPadding=0,
                        rightPadding=0,
                        topPadding=0,
                        bottomPadding=0,
                    )
                ],
                onPageEnd=footer,
            ),
        ]
    )
    doc.build(story(), canvasmaker=Numbered)
    return out.getvalue()


if __name__ == "__main__":
    with open(sys.argv[1], "wb") as target:
        target.write(build())
