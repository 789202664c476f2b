"""Where pages break: a heading stays with the start of what it heads, and a page never
holds only the last line or two of a section, nor a table's last row alone.

reportlab's own tools do only part of this. `keepWithNext` keeps a heading with the one
flowable after it, but not with a list, nor with the first rows of a table taller than
what is left of the page (the heading then moves alone, or stays alone); `KeepTogether`
moves a whole group, leaving a gap as tall as the group. A `Passage` decides for a run of
flowables (a section) where the page may break, placing its parts as a frame would; a
`Rows` table breaks only where two rows stand on each side.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Spacer
from reportlab.platypus import Table as RLTable
from reportlab.platypus.doctemplate import FrameBreak

LEAD = 36.0  # what a heading keeps under it at a page foot: about three lines
TAIL = 36.0  # what a section carries onto a new page at least: about three lines
END = 100.0  # ... when nothing follows it there (the end of a document): about eight lines
FUZZ = 1e-6  # as reportlab's frames allow
ALL_THE_ROOM = 0xFFFFFF


def stacked(parts: Sequence[Flowable], width: float) -> float:
    """The height of parts one under the other at the top of a frame, spaced as a frame
    spaces them (the first one's space before is dropped, adjoining spaces overlap)."""
    total, after = 0.0, None
    for part in parts:
        _, height = part.wrap(width, ALL_THE_ROOM)
        if after is not None:
            total += max(part.getSpaceBefore() - after, 0) + after
        total += height
        after = part.getSpaceAfter()
    return total


def fill(
    parts: Sequence[Flowable], width: float, room: float
) -> tuple[list[Flowable], list[Flowable]]:
    """Parts placed top down in `room` as a frame places them, the one that crosses the
    bottom split if it can be: (what goes on this page, what is left for the next)."""
    placed: list[Flowable] = []
    used, after = 0.0, 0.0
    for index, part in enumerate(parts):
        before = max(part.getSpaceBefore() - after, 0) if placed else 0.0
        free = room - used - before - (after if placed else 0.0)
        if free <= 0:
            return placed, _next_page(parts[index:])
        _, height = part.wrap(width, free)
        if height <= free + FUZZ:
            placed.append(part)
            used += (after if len(placed) > 1 else 0.0) + before + height
            after = part.getSpaceAfter()
            continue
        pieces = part.split(width, free)
        if pieces and pieces[0].wrap(width, free)[1] <= free + FUZZ:
            return [*placed, pieces[0]], _next_page([*pieces[1:], *parts[index + 1 :]])
        return placed, _next_page(parts[index:])
    return placed, []


def _next_page(parts: Sequence[Flowable]) -> list[Flowable]:
    """What goes over to the next page, without the space that stood between parts."""
    parts = list(parts)
    while parts and isinstance(parts[0], Spacer):
        parts = parts[1:]
    return parts


class Passage(Flowable):
    """Flowables that break across pages only where both pages get a fair share: the first
    `heads` parts (a heading) keep at least LEAD points of what follows them, and a new
    page starts with at least `tail` points of the passage, or with all that is left of
    it (END for the last passage of a document, so that its last page is never a line or
    two). When no break is fair, the passage starts on the next page; on a page of its
    own it breaks where it must.
    """

    def __init__(self, parts: Sequence[Flowable], heads: int = 0, tail: float = TAIL):
        super().__init__()
        self.parts, self.heads, self.tail = list(parts), heads, tail

    def getSpaceBefore(self) -> float:
        return self.parts[0].getSpaceBefore() if self.parts else 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Like KeepTogether: always asks to be split, and its parts are then placed one
        # by one, so the frame draws them and spaces them as it does any flowable.
        self.width = availWidth
        return availWidth, ALL_THE_ROOM

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = bool(frame is not None and frame._atTop)
        cut = self._cut(availWidth, availHeight)
        if cut is None:
            if not at_top:
                return [FrameBreak(), Passage(self.parts, self.heads, self.tail)]
            placed, rest = fill(self.parts, availWidth, availHeight)  # no fair break
            if len(placed) <= self.heads:  # not even a line under the heading on a whole page:
                return list(self.parts)  # something taller than a page; reportlab does its best
        else:
            placed, rest = cut
        if not rest:
            return placed
        return [*placed, FrameBreak(), Passage(rest, tail=self.tail)]

    def _cut(self, width: float, room: float) -> tuple[list[Flowable], list[Flowable]] | None:
        """A fair break: the parts for this page and those for the next, or None."""
        heads = self.parts[: self.heads]
        head_height = stacked(heads, width) if heads else 0.0
        content = stacked(self.parts, width) - head_height
        while room > head_height:
            placed, rest = fill(self.parts, width, room)
            if not rest:
                return placed, rest
            if len(placed) <= len(heads):
                return None
            if stacked(placed, width) - head_height < min(LEAD, content):
                return None
            left = stacked(rest, width)
            if left >= self.tail:
                return placed, rest
            room -= self.tail - left + 1  # break earlier, so that more goes over
        return None


class Group(Flowable):
    """Flowables kept on one page, one under the other (a chart with its title and notes).

    Unlike KeepTogether it has a height, so a `Passage` can place it; like KeepTogether,
    a group taller than a whole page is let go as its parts."""

    def __init__(self, parts: Sequence[Flowable]):
        super().__init__()
        self.parts = list(parts)

    def getSpaceBefore(self) -> float:
        return self.parts[0].getSpaceBefore() if self.parts else 0.0

    def getSpaceAfter(self) -> float:
        return self.parts[-1].getSpaceAfter() if self.parts else 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, stacked(self.parts, availWidth)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        if frame is not None and frame._atTop and self.height > availHeight:
            return list(self.parts)
        return []

    def draw(self) -> None:
        top, after = self.height, None
        for part in self.parts:
            _, height = part.wrap(self.width, ALL_THE_ROOM)
            if after is not None:
                top -= max(part.getSpaceBefore() - after, 0) + after
            top -= height
            part.drawOn(self.canv, 0, top)
            after = part.getSpaceAfter()


GIANT_ROW = 300.0  # a row this tall may break inside itself wherever it must


class Rows(RLTable):
    """A table under one header row whose page breaks leave two rows or more on each side
    of the break, when it has four or more: no page starts or ends with one lone row.
    Only a giant row (hundreds of words in a cell) that does not fit breaks inside itself
    even where that leaves it alone."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # Set on every split, as the parts a split makes (Rows too) lose the range
        # reportlab's constructor takes; the header row is row 0.
        self._rowSplitRange = (3, -2) if self._nrows >= 5 else None
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if parts or self._rowSplitRange is None or not self.splitInRow:
            return parts
        first = self._rowHeights[1]
        if first > availHeight and first > GIANT_ROW:
            self._rowSplitRange = None
            parts = super().split(availWidth, availHeight)
        return parts


__all__ = ["END", "LEAD", "TAIL", "Group", "Passage", "Rows", "fill", "stacked"]
