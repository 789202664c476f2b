"""The look of the printed brief and handouts: page sizes, colours and paragraph styles."""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from briefing.fonts import Fonts
from seeds.frozen import record

PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}

NAVY: Color = HexColor("#1F3A5F")
ACCENT: Color = HexColor("#A8322D")
INK: Color = HexColor("#1D2329")
GREY: Color = HexColor("#59636E")
RULE: Color = HexColor("#B9C3CE")
SHADE: Color = HexColor("#EDF1F5")
STRIPE: Color = HexColor("#F6F8FA")
WHITE: Color = HexColor("#FFFFFF")

MARGIN_X = 17 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 17 * mm
BAND_HEIGHT = 9 * mm  # the masthead band on the first page
FOOTER_Y = 10 * mm


@record
class Styles:
    """Every paragraph style the documents use, built on the fonts found on this system."""

    fonts: Fonts
    title: ParagraphStyle
    dek: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    caption: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    box_text: ParagraphStyle
    figure_value: ParagraphStyle
    figure_label: ParagraphStyle
    figure_detail: ParagraphStyle
    claim: ParagraphStyle

    @property
    def serif(self) -> str:
        return self.fonts.serif[0]

    @property
    def sans(self) -> str:
        return self.fonts.sans[0]

    @property
    def sans_bold(self) -> str:
        return self.fonts.sans[1]


def make_styles(fonts: Fonts) -> Styles:
    serif, serif_bold = fonts.serif[0], fonts.serif[1]
    sans, sans_bold = fonts.sans[0], fonts.sans[1]

    def style(name: str, font: str, size: float, leading: float, **extra: object) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=leading,
            textColor=extra.pop("textColor", INK),
            alignment=TA_LEFT,
            **extra,
        )

    return Styles(
        fonts=fonts,
        title=style("title", serif_bold, 19, 23, textColor=NAVY, spaceAfter=5),
        dek=style("dek", sans, 8.5, 11.5, textColor=GREY, spaceAfter=1),
        heading=style(
            "heading",
            sans_bold,
            11.5,
            14,
            textColor=NAVY,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,
        ),
        subheading=style(
            "subheading",
            sans_bold,
            8.5,
            11,
            textColor=NAVY,
            spaceBefore=2,
            spaceAfter=3,
            keepWithNext=1,
        ),
        body=style("body", serif, 9, 12.3, spaceAfter=5, allowWidows=0),
        small=style("small", serif, 8, 10.4, spaceAfter=3, allowWidows=0),
        caption=style("caption", sans, 7.2, 9.2, textColor=GREY, spaceAfter=1),
        note=style("note", sans, 7.6, 9.8, textColor=GREY, spaceAfter=5),
        cell=style("cell", sans, 7.6, 9.6),
        cell_head=style("cell_head", sans_bold, 7.6, 9.6, textColor=WHITE),
        box_text=style("box_text", serif, 9, 12.2, spaceAfter=4),
        figure_value=style("figure_value", sans_bold, 20, 23, textColor=ACCENT),
        figure_label=style("figure_label", sans_bold, 7.6, 9.4, spaceAfter=1),
        figure_detail=style("figure_detail", sans, 7.2, 9.0, textColor=GREY, spaceAfter=2),
        claim=style("claim", sans_bold, 8.4, 10.6, spaceAfter=1),
    )
