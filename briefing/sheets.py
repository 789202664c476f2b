"""Class handouts → PDFs: a student sheet and a separate answer key for each variant.

The content (questions in the variant's order, lettered options, keys) comes ready-made
from `briefing.handouts`; this module only decides how it looks on paper. Everything is
drawn through `render_document`, so handouts share the brief's fonts, escaping, footer,
outline and byte-identical rebuilds. The student story is built only from `SheetQuestion`s,
which hold no answers, so nothing from a key can leak onto a student's page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer
from reportlab.platypus import Table as RLTable

from briefing.bidi import has_rtl, is_rtl_paragraph
from briefing.blocks import Kit
from briefing.breaks import END, Passage
from briefing.content import DocumentInfo, Rich, rich_text
from briefing.fonts import Fonts
from briefing.handouts import (
    Handout,
    SheetQuestion,
    Variant,
    key_intro,
    key_note,
    key_title,
    ordinal,
    pdf_language,
    points_label,
    sheet_end,
    sheet_file,
    sheet_footer,
    sheet_instructions,
    variant_code,
)
from briefing.render import PageFurniture, Rendered, render_document
from briefing.sheetmarks import LETTER_BOX, MARK, Bookmark, Box, Choices, Label, Mark
from briefing.styles import ACCENT, GREY, INK, NAVY, RULE, SHADE
from briefing.textkit import Para
from seeds.frozen import record

NUMBER_W, POINTS_W = 10 * mm, 17 * mm  # the columns either side of a question


class SheetKit(Kit):
    """A `Kit` whose paragraphs are shared by every file of one run of `render_handouts`.

    The 30 variants of a set print the same prompts, options and facts in other orders,
    so each paragraph is parsed and broken into lines once, not 60 times. The markup is
    still made per document, so each file reports its own missing characters. `slot`
    keeps apart equal texts that one table shows at two widths (e.g. both sides of a match).
    """

    def __init__(self, kit: Kit, shared: dict[tuple[str, str, str], Para]):
        super().__init__(kit.styles, kit.markup, kit.width)
        self.shared = shared

    def para(self, rich: Rich | str, style: ParagraphStyle, slot: str = "") -> Flowable:
        text = rich if isinstance(rich, str) else rich_text(rich)
        if has_rtl(text) and is_rtl_paragraph(text):
            return super().para(rich, style)  # laid out for its width: not shared
        markup = self.markup.rich(rich, style.fontSize)
        key = (markup, style.name, slot)
        found = self.shared.get(key)
        if found is None or found.was_split:
            found = self.shared[key] = Para(markup, style)
        return found


Shared = dict[tuple[str, str, str], Para]


def _sheet_kit(kit: Kit, shared: Shared | None) -> SheetKit:
    return SheetKit(kit, {} if shared is None else shared)


# --- styles of the sheets, made once per font set ------------------------------------------


@record
class SheetStyles:
    title: ParagraphStyle
    prompt: ParagraphStyle
    instruction: ParagraphStyle
    number: ParagraphStyle
    points: ParagraphStyle
    option: ParagraphStyle
    label: ParagraphStyle
    variant_word: ParagraphStyle
    variant_letter: ParagraphStyle
    key_title: ParagraphStyle
    key_code: ParagraphStyle
    key_code_long: ParagraphStyle
    truefalse: ParagraphStyle


@cache
def _sheet_styles(fonts: Fonts) -> SheetStyles:
    serif, sans, sans_bold, sans_italic = (
        fonts.serif[0],
        fonts.sans[0],
        fonts.sans[1],
        fonts.sans[2],
    )

    def style(name: str, font: str, size: float, leading: float, **extra: object) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=leading,
            textColor=extra.pop("textColor", INK),
            **extra,
        )

    return SheetStyles(
        title=style("sheet-title", fonts.serif[1], 16.5, 19.5, textColor=NAVY, spaceAfter=4),
        prompt=style("sheet-prompt", serif, 9.8, 12.6, spaceAfter=1),
        instruction=style("sheet-instruction", sans_italic, 7.6, 9.4, textColor=GREY, spaceAfter=3),
        number=style("sheet-number", sans_bold, 11, 13.2, textColor=NAVY),
        points=style("sheet-points", sans, 7.6, 9.6, textColor=GREY, alignment=TA_RIGHT),
        option=style("sheet-option", serif, 9.2, 11.2),
        label=style("sheet-label", sans_bold, 8.5, 11, textColor=NAVY),
        variant_word=style("variant-word", sans_bold, 7, 8.5, textColor=NAVY, alignment=TA_CENTER),
        variant_letter=style(
            "variant-letter", sans_bold, 30, 32, textColor=NAVY, alignment=TA_CENTER
        ),
        key_title=style("key-title", sans_bold, 15, 19, textColor=ACCENT, spaceAfter=4),
        key_code=style("key-code", sans_bold, 9.5, 11.6),
        key_code_long=style("key-code-long", sans_bold, 7.8, 9.8),
        truefalse=style("sheet-truefalse", sans_bold, 10.5, 13),
    )


def _grid(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    extra: Sequence[tuple[object, ...]] = (),
    pad: float = 2,
) -> RLTable:
    """A borderless layout table, top-aligned, with small even padding."""
    return RLTable(
        [list(r) for r in rows],
        colWidths=list(widths),
        hAlign="LEFT",
        style=[
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            *extra,
        ],
    )


# --- the student sheet ---------------------------------------------------------------------


def student_story(
    kit: Kit, handout: Handout, variant: Variant, shared: Shared | None = None
) -> list[Flowable]:
    """Variant `variant`'s sheet: header, name lines, instructions, then each question."""
    kit = _sheet_kit(kit, shared)
    st = _sheet_styles(kit.styles.fonts)
    story: list[Flowable] = [
        Bookmark(f"sheet-{variant.code}", f"Quiz sheet, variant {variant.code}"),
        _sheet_header(kit, st, handout, variant),
        Spacer(1, 6),
        _name_lines(kit),
        Spacer(1, 8),
        _instructions(kit, handout, variant),
        Spacer(1, 6),
    ]
    end = kit.para(sheet_end(variant), kit.styles.note)
    last = len(variant.questions)
    story += [_question(kit, st, q, [end] if q.number == last else []) for q in variant.questions]
    return story


def _sheet_header(kit: SheetKit, st: SheetStyles, handout: Handout, variant: Variant) -> RLTable:
    s = kit.styles
    badge = _grid(
        [
            [Para("VARIANT", st.variant_word)],
            [Para(kit.markup.text(variant.code), st.variant_letter)],
        ],
        [24 * mm],
        [
            ("BOX", (0, 0), (-1, -1), 1.4, NAVY),
            ("TOPPADDING", (0, 0), (-1, 0), 5),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
        ],
    )
    left = [
        kit.para(handout.title, st.title),
        kit.para(f"Quiz on: {handout.pack_title}. Based on: {handout.citation}", s.dek),
    ]
    return _grid(
        [[left, badge]],
        [kit.width - 28 * mm, 28 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
            ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
        ],
        pad=0,
    )


def _name_lines(kit: SheetKit) -> RLTable:
    label = kit.styles.figure_label
    w = kit.width
    widths = [13 * mm, w * 0.45 - 13 * mm, 13 * mm, w * 0.22 - 13 * mm, 11 * mm, w * 0.33 - 11 * mm]
    cells = [Label("Name", label), "", Label("Class", label), "", Label("Date", label), ""]
    lines = [("LINEBELOW", (c, 0), (c, 0), 0.7, INK) for c in (1, 3, 5)]
    return _grid(
        [cells],
        widths,
        [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), 10), *lines],
    )


def _instructions(kit: SheetKit, handout: Handout, variant: Variant) -> RLTable:
    s, text = kit.styles, sheet_instructions(handout, variant)
    total = Para(f'<font name="{s.sans_bold}">Score</font>', s.cell)
    score = _grid(
        [
            [
                total,
                Box(14 * mm, 8 * mm),
                Para(kit.markup.text(f"/ {handout.total_points}"), s.figure_label),
            ]
        ],
        [11 * mm, 16 * mm, 12 * mm],
        pad=1,
    )
    return _grid(
        [
            [
                Para(
                    f'<font name="{s.sans_bold}">Instructions.</font> ' + kit.markup.text(text),
                    s.box_text,
                ),
                score,
            ]
        ],
        [kit.width - 42 * mm, 42 * mm],
        [
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, NAVY),
            ("LEFTPADDING", (0, 0), (0, 0), 9),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ],
        pad=4,
    )


def _question(kit: SheetKit, st: SheetStyles, q: SheetQuestion, after: list[Flowable]) -> Flowable:
    inner = kit.width - NUMBER_W - POINTS_W
    body: list[Flowable] = [kit.para(q.prompt, st.prompt), kit.para(q.instruction, st.instruction)]
    body += _answer_area(kit, st, q, inner)
    row = [[Label(f"{q.number}.", st.number), body, Label(points_label(q.points), st.points)]]
    table = RLTable(
        row,
        colWidths=[NUMBER_W, inner, POINTS_W],
        splitInRow=1,
        hAlign="LEFT",
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (1, 0), (1, 0), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ],
    )
    # One question, one piece: a prompt never sits at a page foot without its options
    # (and the closing line never sits alone on a page).
    return KeepTogether([table, *after])


def _answer_area(kit: SheetKit, st: SheetStyles, q: SheetQuestion, width: float) -> list[Flowable]:
    if q.type in ("choice", "multi"):
        return [_options(kit, st, q.options, "circle" if q.type == "choice" else "box", width)]
    if q.type == "truefalse":
        return [Para("True&nbsp;&nbsp;&nbsp;&nbsp;/&nbsp;&nbsp;&nbsp;&nbsp;False", st.truefalse)]
    if q.type == "numeric":
        unit = kit.para(q.unit or "", st.option, "unit")
        return [_grid([[Box(42 * mm, 8 * mm), unit]], [45 * mm, width - 45 * mm], pad=0)]
    if q.type == "text":
        return [
            _grid(
                [[Label("Answer:", kit.styles.figure_label), ""]],
                [17 * mm, width - 17 * mm],
                [
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("TOPPADDING", (0, 0), (-1, -1), 12),
                    ("LINEBELOW", (1, 0), (1, 0), 0.6, GREY),
                ],
                pad=0,
            )
        ]
    if q.type == "match":
        return [_match(kit, st, q, width)]
    if q.type == "order":
        return [
            _lettered(kit, st, q.options, width),
            Spacer(1, 4),
            _order_blanks(kit, st, q, width),
        ]
    raise ValueError(f"no layout for question type {q.type!r}")


def _per_row(st: SheetStyles, texts: Sequence[str], width: float, marker: float) -> int:
    """Short texts side by side when each fits its column on one line (paper is what a
    class pays for), else one a line."""
    font, size = st.option.fontName, st.option.fontSize
    longest = max((stringWidth(t, font, size) for t in texts), default=0)
    return next(n for n in (4, 2, 1) if n == 1 or longest <= width / n - marker - 6)


def _options(
    kit: SheetKit, st: SheetStyles, options: Sequence[str], shape: str, width: float
) -> Choices:
    return Choices(
        [
            (Mark(_letter(i), shape, kit.styles.sans_bold), kit.para(text, st.option))
            for i, text in enumerate(options)
        ],
        _per_row(st, options, width, MARK + 4),
        MARK + 4,
    )


def _lettered(kit: SheetKit, st: SheetStyles, items: Sequence[str], width: float) -> Choices:
    return Choices(
        [
            (Label(f"{_letter(i)}.", st.label), kit.para(text, st.option))
            for i, text in enumerate(items)
        ],
        _per_row(st, items, width, 7 * mm),
        7 * mm,
        gap=2,
    )


def _match(kit: SheetKit, st: SheetStyles, q: SheetQuestion, width: float) -> RLTable:
    """Numbered items, each with a box for a letter, beside the lettered matches."""
    head = kit.styles.caption
    # the longer side gets the room: items may be numbers and matches sentences, or not
    longest = max(map(len, q.lefts), default=1), max(map(len, q.options), default=1)
    left = width * min(0.62, max(0.38, (longest[0] + 8) / (sum(longest) + 8)))
    widths = [
        6 * mm,
        left - 6 * mm - LETTER_BOX - 8 * mm,
        LETTER_BOX + 8 * mm,
        10 * mm,
        width - left - 10 * mm,
    ]
    rows: list[list[object]] = [
        [Label("Items", head), "", Label("Letter", head), "", Label("Matches", head)]
    ]
    for i in range(max(len(q.lefts), len(q.options))):
        item = (
            [
                Label(f"{i + 1}.", st.label),
                kit.para(q.lefts[i], st.option, "left"),
                Box(LETTER_BOX, LETTER_BOX),
            ]
            if i < len(q.lefts)
            else ["", "", ""]
        )
        match = (
            [Label(f"{_letter(i)}.", st.label), kit.para(q.options[i], st.option, "right")]
            if i < len(q.options)
            else ["", ""]
        )
        rows.append(item + match)
    return _grid(
        rows,
        widths,
        [
            ("SPAN", (0, 0), (1, 0)),
            ("SPAN", (3, 0), (4, 0)),
            ("ALIGN", (2, 0), (2, -1), "CENTER"),
            ("LINEAFTER", (2, 1), (2, -1), 0.4, RULE),
            ("LEFTPADDING", (3, 0), (3, -1), 6),
        ],
        pad=1.5,
    )


def _order_blanks(kit: SheetKit, st: SheetStyles, q: SheetQuestion, width: float) -> RLTable:
    per_row = max(1, min(len(q.options), int(width // (22 * mm))))
    cells: list[list[object]] = []
    for n in range(1, len(q.options) + 1):
        if (n - 1) % per_row == 0:
            cells.append([])
        cells[-1] += [Label(ordinal(n), st.label), Box(LETTER_BOX, LETTER_BOX)]
    cells[-1] += [""] * (2 * per_row - len(cells[-1]))
    return _grid(
        cells,
        [10 * mm, LETTER_BOX + 4 * mm] * per_row,
        [("ALIGN", (0, 0), (-1, -1), "RIGHT")],
        pad=1.5,
    )


def _letter(index: int) -> str:
    return variant_code(index)  # options use the variants' A…Z, AA… sequence too


# --- the answer key ------------------------------------------------------------------------


def key_story(
    kit: Kit, handout: Handout, variant: Variant, shared: Shared | None = None
) -> list[Flowable]:
    kit = _sheet_kit(kit, shared)
    s, st, mk = kit.styles, _sheet_styles(kit.styles.fonts), kit.markup
    story: list[Flowable] = [
        Bookmark(f"key-{variant.code}", f"Answer key, variant {variant.code}"),
        kit.para(key_title(variant), st.key_title),
        kit.para(key_intro(handout, variant), s.dek),
        kit.para(f"Quiz on: {handout.pack_title}. Based on: {handout.citation}", s.dek),
        # how to read the keys comes before them: a closing note could end up alone on a page
        kit.para(key_note(handout), s.note),
        Spacer(1, 4),
    ]
    rows = []
    for q, k in zip(variant.questions, variant.key, strict=True):
        answer: list[Flowable] = [
            kit.para(q.prompt, s.caption),
            Spacer(1, 2),
            kit.para(k.answer, s.cell, "answer"),
        ]
        if k.marking:
            answer.append(kit.para(k.marking, s.caption, "marking"))
        fact: list[Flowable] = [kit.para(k.fact_statement or "(no fact named)", s.cell, "fact")]
        if k.fact_id:
            fact.insert(
                0, Para(mk.styled(k.fact_id, s.sans_bold, s.caption.fontSize, GREY), s.caption)
            )
        code = st.key_code if len(k.key) <= 16 else st.key_code_long  # words, not letters
        rows.append(
            [
                Label(f"{k.number}.", st.label),
                kit.para(k.key, code),
                answer,
                Label(q.points, s.cell),
                fact,
            ]
        )
    table = kit.table(
        ("No.", "Key", "Question, and the answer in words", "Pts", "The fact it tests"),
        rows,
        (0.05, 0.2, 0.36, 0.05, 0.34),
    )
    # A row split over two pages parts a key from its question: move whole rows instead,
    # unless some row is so long that it might not fit on a page at all.
    longest = max(
        (
            len(q.prompt) + len(k.answer) + len(k.marking) + len(k.fact_statement)
            for q, k in zip(variant.questions, variant.key, strict=True)
        ),
        default=0,
    )
    table.splitInRow = int(longest > 1500)
    # a page break leaves two rows at least on the last page (see `Rows`), and the
    # passage starts that page with them instead of squeezing them under the others
    story.append(Passage([table], tail=END))
    return story


# --- files -----------------------------------------------------------------------------------


def _info(handout: Handout, title: str, subject: str, created: dt.date | None) -> DocumentInfo:
    return DocumentInfo(
        title=title,
        author=f"classbrief, from the question set {handout.set_id}",
        subject=subject,
        keywords=("quiz", "classroom", "handout", handout.set_id),
        language=pdf_language(handout),
        created=created,
    )


def render_sheet(
    handout: Handout,
    variant: Variant,
    paper: str = "a4",
    *,
    created: dt.date | None = None,
    printed: dt.date | None = None,
    shared: Shared | None = None,
) -> Rendered:
    """A student's sheet for one variant. `created` goes in the metadata, `printed` on the page."""
    count = len(variant.questions)
    furniture = PageFurniture(
        f"CLASS HANDOUT · VARIANT {variant.code}",
        f"Variant {variant.code} · {count} questions · {points_label(handout.total_points)}",
        sheet_footer(handout, variant, printed),
    )
    info = _info(
        handout,
        f"{handout.title} — variant {variant.code}",
        f"Class quiz on {handout.pack_title}",
        created,
    )
    return render_document(
        info, furniture, paper, lambda kit: student_story(kit, handout, variant, shared)
    )


def render_key(
    handout: Handout,
    variant: Variant,
    paper: str = "a4",
    *,
    created: dt.date | None = None,
    printed: dt.date | None = None,
    shared: Shared | None = None,
) -> Rendered:
    furniture = PageFurniture(
        f"ANSWER KEY · VARIANT {variant.code}",
        "NOT FOR STUDENTS",
        sheet_footer(handout, variant, printed, key=True),
    )
    info = _info(
        handout,
        f"Answer key — {handout.title} — variant {variant.code}",
        f"Answer key for the class quiz on {handout.pack_title}",
        created,
    )
    return render_document(
        info, furniture, paper, lambda kit: key_story(kit, handout, variant, shared)
    )


def render_handouts(
    handout: Handout,
    paper: str = "a4",
    *,
    created: dt.date | None = None,
    printed: dt.date | None = None,
) -> Iterator[tuple[str, Rendered]]:
    """(file name, PDF) for each variant's sheet, then its key: A, A-key, B, B-key, …"""
    shared: Shared = {}
    for variant in handout.variants:
        yield (
            sheet_file(handout.set_id, variant.code),
            render_sheet(handout, variant, paper, created=created, printed=printed, shared=shared),
        )
        yield (
            sheet_file(handout.set_id, variant.code, key=True),
            render_key(handout, variant, paper, created=created, printed=printed, shared=shared),
        )


__all__ = ["key_story", "render_handouts", "render_key", "render_sheet", "student_story"]
