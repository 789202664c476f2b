"""What a student writes in on a handout: lettered circles and boxes, letter boxes,
option grids, and outline entries that take no room. Drawing only; no content."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from briefing.styles import GREY, INK

MARK = 4.6 * mm  # circles and boxes beside options
LETTER_BOX = 8 * mm  # where a student writes one letter


# --- what a student writes in: circles, boxes, lines ---------------------------------------


class Mark(Flowable):
    """An option's letter in a circle (pick one) or a box (pick several)."""

    def __init__(self, letter: str, shape: str, font: str):
        super().__init__()
        self.letter, self.shape, self.font = letter, shape, font

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = self.height = MARK
        return MARK, MARK

    def draw(self) -> None:
        c, r = self.canv, MARK / 2
        c.setStrokeColor(GREY)
        c.setLineWidth(0.7)
        if self.shape == "circle":
            c.circle(r, r, r - 0.4)
        else:
            c.rect(0.4, 0.4, MARK - 0.8, MARK - 0.8)
        c.setFillColor(INK)
        c.setFont(self.font, 7 if len(self.letter) < 2 else 5.5)
        c.drawCentredString(r, r - 2.5, self.letter)


class Box(Flowable):
    """An empty box to write in (a number, a letter)."""

    def __init__(self, width: float, height: float):
        super().__init__()
        self.width, self.height = width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.width, self.height)


class Label(Flowable):
    """One short line the code writes (numbers, letters, "1st"), drawn without a Paragraph.

    A sheet has hundreds of these; skipping paragraph parsing and line breaking for them
    is much of what keeps 60 handout files within the benchmark's 3 seconds. Only ASCII
    made by the code comes here, never text from a set or a pack.
    """

    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__()
        self.text, self.style = text, style

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        natural = stringWidth(self.text, self.style.fontName, self.style.fontSize)
        self.width = availWidth if self.style.alignment == TA_RIGHT else natural
        self.natural, self.height = natural, self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        c, st = self.canv, self.style
        c.setFillColor(st.textColor)
        c.setFont(st.fontName, st.fontSize)
        x = self.width - self.natural if st.alignment == TA_RIGHT else 0
        c.drawString(x, st.leading - st.fontSize, self.text)


class Choices(Flowable):
    """Options beside their markers (a circle, a box, "A."), `per_row` to a row.

    Laid out by hand rather than as a nested table: most questions have one, and a table
    inside each question's table doubles the layout work of every sheet. Each marker is
    centred on the first line of its option.
    """

    def __init__(
        self,
        items: Sequence[tuple[Flowable, Flowable]],
        per_row: int,
        marker_width: float,
        gap: float = 2.4,
    ):
        super().__init__()
        self.items, self.per_row = list(items), per_row
        self.marker_width, self.gap = marker_width, gap
        self.rows: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, column = availWidth, availWidth / self.per_row
        self.rows = []
        for start in range(0, len(self.items), self.per_row):
            height = 0.0
            for marker, text in self.items[start : start + self.per_row]:
                _, mark_h = marker.wrap(self.marker_width, availHeight)
                _, text_h = text.wrap(column - self.marker_width, availHeight)
                lead = getattr(getattr(text, "style", None), "leading", text_h)
                height = max(height, text_h, mark_h, (lead + mark_h) / 2)
            self.rows.append(height + self.gap)
        self.height = sum(self.rows)
        return self.width, self.height

    def draw(self) -> None:
        column, top = self.width / self.per_row, self.height
        for row, start in zip(self.rows, range(0, len(self.items), self.per_row), strict=False):
            for n, (marker, text) in enumerate(self.items[start : start + self.per_row]):
                x, lead = n * column, getattr(getattr(text, "style", None), "leading", 0)
                middle = top - (lead or text.height) / 2
                marker.drawOn(self.canv, x, middle - marker.height / 2)  # first: reading order
                text.drawOn(self.canv, x + self.marker_width, top - text.height)
            top -= row

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        used, rows = 0.0, 0
        while rows < len(self.rows) and used + self.rows[rows] <= availHeight:
            used, rows = used + self.rows[rows], rows + 1
        if rows == 0 or rows == len(self.rows):
            return []
        cut = rows * self.per_row
        return [
            Choices(self.items[:cut], self.per_row, self.marker_width, self.gap),
            Choices(self.items[cut:], self.per_row, self.marker_width, self.gap),
        ]


class Bookmark(Flowable):
    """An outline entry where it stands, taking no room (keys must be unique per file)."""

    def __init__(self, key: str, title: str):
        super().__init__()
        self.key, self.title = key, title

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=0, closed=False)
