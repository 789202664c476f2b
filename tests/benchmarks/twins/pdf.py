"""The brief's bare twin: reportlab alone, a four-page document of the brief's shape.

The same TrueType faces (DejaVu Serif and Sans, with <b>/<i> mapped to their bold and
italic faces), an A4 page with a band on the first page and a ruled "Page X of Y" footer on
each, and the brief's sections in its order, each under a ruled heading that is an entry in
the PDF outline, with the same inline markup in the same places and about as many words:

- the takeaways: a shaded box of serif paragraphs, each led by a navy sans label;
- five figure tiles (a big number, a bold label, grey text, a bold "Source:" label), a
  caption, and a three-bar chart drawn with reportlab's shapes under a subheading with its
  captions, kept together;
- background paragraphs;
- a table of actors (a bold name over a smaller grey affiliation, an italic quote with a
  grey attribution, "— Li Wei") and one of others in the story (bold names);
- arguments side by side: a table of three columns (the case made for it, spanning two;
  the concerns raised) whose cells each hold one argument as a single mixed-font
  paragraph (bold sans claim, serif text, a small sans line with a bold "Made by:", an
  italic quote in DejaVu Sans Oblique and a grey credit, joined with <br/>), its header
  row repeated where it runs on; then the framing of the story, full width, the same way;
- a timeline table (a bold date over a grey "(inferred; article: …)" line, a bold sans
  title over the text) and its note;
- analysis under a heading with a small red label, bulleted paragraphs, numbered
  questions, a glossary table (a bold term, its abbreviation after it) and sources and
  method in the smaller serif, with bold lead-ins and bullets.

The text is the sentences below cut to the lengths the brief has in each place, in
reportlab's own Paragraph, Table and KeepTogether (tables split between and inside rows).

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
SHADE = HexColor("#EDF1F5")
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
WORDS = " ".join(SENTENCES).split()


def words(count: int, start: int = 0) -> str:
    """`count` words of the sentences above, from the `start`th on, as one sentence: prose
    of the length the brief has in that place."""
    text = " ".join(WORDS[(start + n) % len(WORDS)] for n in range(count)).rstrip(".,;")
    return text[0].upper() + text[1:] + "."


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
    extra.setdefault("textColor", INK)
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **extra)  # type: ignore[arg-type]


STYLES = {
    "title": style("title", "Serif-Bold", 19, 23, textColor=NAVY, spaceAfter=5),
    "dek": style("dek", "Sans", 8.5, 11.5, textColor=GREY, spaceAfter=1),
    "heading": style(
        "heading",
        "Sans-Bold",
        11.5,
        14,
        textColor=NAVY,
        spaceBefore=10,
        spaceAfter=6,
        keepWithNext=1,
    ),
    "sub": style("sub", "Sans-Bold", 8.5, 11, textColor=NAVY, spaceBefore=2, spaceAfter=3),
    "body": style("body", "Serif", 9, 12.3, spaceAfter=5, allowWidows=0),
    "small": style("small", "Serif", 8, 10.4, spaceAfter=3, allowWidows=0),
    "box": style("box", "Serif", 9, 12.2, spaceAfter=4),
    "caption": style("caption", "Sans", 7.2, 9.2, textColor=GREY, spaceAfter=1),
    "note": style("note", "Sans", 7.6, 9.8, textColor=GREY, spaceAfter=5),
    "cell": style("cell", "Sans", 7.6, 9.6),
    "head": style("head", "Sans-Bold", 7.6, 9.6, textColor=HexColor("#FFFFFF")),
    "value": style("value", "Sans-Bold", 20, 23, textColor=ACCENT),
    "label": style("label", "Sans-Bold", 7.6, 9.4, spaceAfter=1),
    "detail": style("detail", "Sans", 7.2, 9.0, textColor=GREY, spaceAfter=2),
}
for name, base, indent, font, size, colour in (
    ("bulleted", "body", 12, "Sans", 9, GREY),
    ("numbered", "body", 16, "Sans-Bold", 8.5, NAVY),
    ("small-bulleted", "small", 12, "Sans", 9, GREY),
):
    STYLES[name] = ParagraphStyle(
        name,
        parent=STYLES[base],
        leftIndent=indent,
        bulletIndent=0,
        bulletFontName=font,
        bulletFontSize=size,
        bulletColor=colour,
    )

# inline markup as the brief writes it: grey smaller runs, sub-lines in a caption font
GREY_RGB = "rgb(89,99,110)"
SMALL = f'<font size="6.7" color="{GREY_RGB}">'  # a small run in a 7.6 pt cell
CLAIM = '<font name="Sans-Bold" size="8.4">'  # a claim or event title over serif/sans text
CREDIT = '<font name="Sans" size="7.2">'  # "Made by:" under an argument


class Heading(Paragraph):
    """A section heading with a rule under it and an entry in the PDF outline."""

    def __init__(self, text: str, title: str | None = None):
        super().__init__(text, STYLES["heading"])
        self.title = title or text

    def draw(self) -> None:
        key = f"h{id(self)}"
        self.canv.bookmarkHorizontal(key, 0, self.height + 4)
        self.canv.addOutlineEntry(self.title, key, level=0, closed=False)
        self.canv.saveState()
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, -3, self.width, -3)
        self.canv.restoreState()
        super().draw()


def table(rows: list[list[str]], widths: list[float]) -> Table:
    """Cells of markup under a navy header row, striped, splitting between and in rows."""
    cells = [[Paragraph(c, STYLES["head"]) for c in rows[0]]]
    cells += [[Paragraph(c, STYLES["cell"]) for c in row] for row in rows[1:]]
    inner = WIDTH - 2 * MARGIN
    return Table(
        cells,
        colWidths=[inner * w for w in widths],
        repeatRows=1,
        splitInRow=1,
        hAlign="LEFT",
        style=[
            ("BACKGROUND", (0, 0), (-1, 0), NAVY),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [HexColor("#FFFFFF"), STRIPE]),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.4),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ],
    )


def chart(width: float) -> Drawing:
    """Three labelled bars on a scale with grid lines, as the brief's figures chart."""
    values = [5000, 2000, 1500]
    row, plot_x = 18, width * 0.38
    drawing = Drawing(width, row * len(values) + 16)
    for tick in range(0, 5001, 1000):
        x = plot_x + (width - plot_x - 40) * tick / 5000
        drawing.add(Line(x, 12, x, drawing.height, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(String(x, 2, f"{tick:,}", fontName="Sans", fontSize=6.5, textAnchor="middle"))
    for n, value in enumerate(values):
        y = drawing.height - (n + 1) * row
        length = (width - plot_x - 40) * value / 5000
        label = f"Training places, offer {n + 1} ({2023 - n} paper)"
        drawing.add(String(plot_x - 6, y + 4, label, fontName="Sans", fontSize=7, textAnchor="end"))
        drawing.add(Rect(plot_x, y, length, 13, fillColor=NAVY, strokeColor=None))
        drawing.add(
            String(plot_x + length + 4, y + 4, f"{value:,}", fontName="Sans-Bold", fontSize=7)
        )
    return drawing


def argument(n: int, detail: int) -> Paragraph:
    """One argument as the brief sets it: one serif paragraph, its claim in bold sans,
    the text, then a small sans "Made by:" line with an italic quote and a grey credit."""
    return Paragraph(
        f"{CLAIM}Claim {n}: trained people carry out the policy</font><br/>"
        + words(detail, 9 * n)
        + f"<br/>{CREDIT}<b>Made by: </b>Expert {n} (Professor of public policy)  ·  "
        f"<i>“{words(6, 5 * n)[:-1]}”</i>"
        f'<font size="6.3" color="{GREY_RGB}"> — Expert {n}</font></font>',
        STYLES["small"],
    )


def arguments(inner: float) -> list:
    """The case made for it (two columns) beside the concerns raised (one), as a table of
    cells holding the arguments, and the framing of the story full width under it."""
    gutter = 9.0
    column = (inner - 4 * gutter) / 3
    case = [argument(n + 1, d) for n, d in enumerate((33, 31, 33, 30, 31, 27))]
    rows: list[list[object]] = [
        [
            Paragraph("THE CASE MADE FOR IT", STYLES["sub"]),
            "",
            Paragraph("CONCERNS RAISED", STYLES["sub"]),
        ],
        [case[0], case[1], argument(7, 30)],
        [case[2], case[3], ""],
        [case[4], case[5], ""],
    ]
    sides = Table(
        rows,
        colWidths=[column + gutter, column + 2 * gutter, column + gutter],
        repeatRows=1,
        hAlign="LEFT",
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("SPAN", (0, 0), (1, 0)),
            ("LEFTPADDING", (0, 0), (-1, -1), gutter),
            ("RIGHTPADDING", (0, 0), (-1, -1), gutter),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 8),
            ("LINEBELOW", (0, 0), (1, 0), 1.2, NAVY),
            ("LINEBELOW", (2, 0), (2, 0), 1.2, NAVY),
            ("LINEBEFORE", (2, 0), (2, -1), 0.6, RULE),
        ],
    )
    framed = Table(
        [[Paragraph("HOW THE STORY IS FRAMED", STYLES["sub"])], [argument(8, 50)]],
        colWidths=[inner],
        hAlign="LEFT",
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LINEBELOW", (0, 0), (0, 0), 1.2, NAVY),
        ],
    )
    return [sides, Spacer(1, 4), framed, Spacer(1, 4)]


def story() -> list:
    p, s = Paragraph, STYLES
    inner = WIDTH - 2 * MARGIN
    flow: list = [
        p("A security initiative and its offers to train foreign security staff", s["title"]),
        p(f"Based on: an article of February 2023, “{words(14, 3)[:-1]}”, c. 2023", s["dek"]),
        p(
            "For classroom use. Curated from a single news article; see Sources and method.",
            s["dek"],
        ),
        Heading("Key takeaways"),
    ]
    # the takeaways: a shaded box, each paragraph led by a navy sans label
    box = [
        [p(f'<font name="Sans-Bold" color="rgb(31,58,95)">{label}.</font> ' + words(n), s["box"])]
        for label, n in (("What happened", 44), ("Why it matters", 53), ("What to watch", 38))
    ]
    flow.append(
        Table(
            box,
            colWidths=[inner],
            style=[
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, NAVY),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
            ],
        )
    )
    # five figure tiles: a big number, a bold label, grey text, a bold "Source:" label
    flow.append(Heading("Key figures"))
    tiles = [
        [
            p(value, s["value"]),
            p(f"Training places of the offer made in {2023 - n}", s["label"]),
            p(words(6, 11 * n), s["detail"]),
            p(f"<b>Source: </b>the government, {21 - n} February 2023", s["caption"]),
        ]
        for n, value in enumerate(("5,000", "2,000", "1,500", "32", "2022"))
    ]
    flow += [
        Table(
            [tiles],
            colWidths=[inner / 5] * 5,
            hAlign="LEFT",
            style=[
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEAFTER", (0, 0), (-2, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
            ],
        ),
        p(
            "Each figure as reported in the source news article, credited to whoever gave it.",
            s["caption"],
        ),
        Spacer(1, 8),
        KeepTogether(
            [
                p("Compared: people to be trained", s["sub"]),
                chart(inner),
                Spacer(1, 3),
                p("Values (people to be trained): " + words(26, 40), s["caption"]),
                p("Time frames differ: " + words(26, 70), s["caption"]),
                p("Source: " + words(26, 100), s["caption"]),
            ]
        ),
        Spacer(1, 2),
    ]
    flow.append(Heading("Background"))
    flow += [p(words(37, 20), s["body"]), p(words(45, 60), s["body"])]
    # actors: a bold name over a grey, smaller role; an italic quote and a grey attribution
    flow.append(Heading("Actors and positions"))
    actors = [["Actor", "Role", "Position", "Quoted"]]
    for n in range(5):
        name = f"<b>Actor {n + 1}</b>"
        if n in (1, 2, 3):
            name += f"<br/>{SMALL}Institute of International Relations {n + 1}</font>"
        quote = f"<i>“{words(7, 13 * n)[:-1]}”</i>{SMALL} — Actor {n + 1}</font>"
        if n == 1:
            quote = f"{SMALL}—</font>"
        actors.append([name, words(9, 17 * n), words(8, 23 * n), quote])
    flow += [
        table(actors, [0.22, 0.24, 0.24, 0.3]),
        Spacer(1, 6),
        table(
            [["Also in the story", "Role"]]
            + [[f"<b>Group {n + 1} of countries</b>", words(10, 7 * n)] for n in range(9)],
            [0.34, 0.66],
        ),
        Spacer(1, 6),
    ]
    flow.append(Heading("Arguments side by side"))
    flow.append(
        p(
            "The news article gives 6 arguments for, 1 concern against and 1 framing of the "
            "story. Each is credited to whoever makes it.",
            s["note"],
        )
    )
    flow += arguments(inner)
    # the timeline: a bold date over a grey note; a bold sans title over the text
    flow.append(Heading("Timeline"))
    when = [["When", "What happened"]]
    for n, detail in enumerate((15, 18, 25, 12, 15, 30)):
        date = f"<b>Month {n + 1} 2022</b>"
        if n:
            date += (
                f'<br/><font name="Sans" size="7.2" color="{GREY_RGB}">'
                f"(inferred; article: “last month {n}”)</font>"
            )
        what = f"{CLAIM}Event {n + 1}: an offer of training places</font><br/>" + words(
            detail, 19 * n
        )
        when.append([date, what])
    flow += [
        table(when, [0.24, 0.76]),
        p(words(22, 31), s["note"]),
    ]
    title = "Implications and what to watch"
    flow.append(Heading(f'{title}   <font size="7" color="rgb(168,50,45)">ANALYSIS</font>', title))
    flow.append(p(words(14, 5), s["body"]))
    flow += [p(words(n, 29 * n), s["bulleted"], bulletText="•") for n in (28, 34, 30, 35)]
    flow.append(p("<b>What to watch: </b>" + words(35, 50), s["body"]))
    flow.append(Heading("Questions for discussion"))
    flow += [
        p(words(w, 13 * n), s["numbered"], bulletText=f"{n + 1}.")
        for n, w in enumerate((18, 26, 22, 16, 26, 18))
    ]
    # glossary terms: a bold term, and its abbreviation where it has one
    flow.append(Heading("Glossary"))
    terms = [["Term", "Meaning"]]
    for n, w in enumerate((27, 16, 22, 26, 16)):
        term = f"<b>Term {n + 1} of the initiative</b>" + (f" (T{n + 1})" if n in (1, 2, 4) else "")
        terms.append([term, words(w, 37 * n)])
    flow.append(table(terms, [0.3, 0.7]))
    flow.append(Heading("Sources and method"))
    flow += [
        p("<b>Source (news article): </b>" + words(20, 3), s["small"]),
        p(words(65, 41), s["small"]),
        p("<b>Dates: </b>" + words(41, 83), s["small"]),
    ]
    flow += [
        p(words(w, 31 * n), s["small-bulleted"], bulletText="•")
        for n, w in enumerate((25, 33, 38, 38))
    ]
    return flow


class Numbered(Canvas):
    """Opens the outline; fills in the page total ("of Y") once it is known, with a form
    drawn on each page."""

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.showOutline()

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
    canvas.drawRightString(
        WIDTH - MARGIN - 6, HEIGHT - 16 * mm - 6 * mm, "For classroom use  ·  21 February 2023"
    )


def footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, 10 * mm + 9, WIDTH - MARGIN, 10 * mm + 9)
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
