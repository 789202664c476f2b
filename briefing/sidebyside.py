"""Arguments side by side: the case in one column block, the concerns in the other; a side
on its own (such as the framings of the story) full width under its own heading.

When one side has far more to say than the other (an article quoting six supporters
and one critic), that side gets two columns, so the page is not half empty and the
imbalance still shows at a glance.

A page break never leaves a side's heading over an empty column: the sides break where
each of them has something on the page (else they all move to the next page); on the
next page, only the sides that go on have a heading, marked "continued", and a side's
columns are filled in reading order, first column first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.platypus import Flowable, Spacer
from reportlab.platypus import Table as RLTable

from briefing.breaks import ALL_THE_ROOM
from briefing.content import ArgumentList, Position, Run, SideBySide
from briefing.styles import NAVY, RULE
from briefing.textkit import Para, TextKit

GUTTER = 9.0
SPACE = 8.0  # between arguments in a column
IMBALANCE = 1.8  # a side this many times longer than the other gets two columns
PAD = 3.0  # reportlab's default padding above and below a table cell's content

Item = list[Flowable]  # one argument: a paragraph, or a few when part of it is right-to-left


@dataclass(frozen=True)
class Side:
    """One side's heading, its number of columns and its arguments; `cut` fixes which
    arguments stand in which column (on a page that a break has filled), else they are
    balanced. A side without items shows no heading."""

    heading: str
    columns: int
    items: tuple[Item, ...]
    cut: tuple[tuple[Item, ...], ...] | None = None


def side_by_side(kit: TextKit, block: SideBySide) -> list[Flowable]:
    """The case | the concerns, each under its own heading."""
    groups = (block.left, block.right)
    items = [[_position(kit, e) for e in group.entries] for group in groups]
    heights = [_height(side, _inner(kit.width, 3)) for side in items]
    if heights[0] >= IMBALANCE * heights[1]:
        split = (2, 1)
    elif heights[1] >= IMBALANCE * heights[0]:
        split = (1, 2)
    else:
        split = (1, 1)
    sides = [
        Side(g.heading, n, tuple(side)) for g, side, n in zip(groups, items, split, strict=True)
    ]
    return _with_note(kit, Sides(kit, sides), block.note)


def argument_list(kit: TextKit, block: ArgumentList) -> list[Flowable]:
    """One side alone, full width: in two balanced columns when it is long."""
    items = [_position(kit, e) for e in block.group.entries]
    columns = 2 if _height(items, _inner(kit.width, 2)) > 160 else 1
    side = Side(block.group.heading, columns, tuple(items))
    return _with_note(kit, Sides(kit, [side]), block.note)


def _with_note(kit: TextKit, sides: Sides, note: str | None) -> list[Flowable]:
    parts: list[Flowable] = [sides, Spacer(1, 4)]
    if note:
        parts.insert(0, kit.para(note, kit.styles.note))
    return parts


class Sides(Flowable):
    """Sides in columns under their headings, drawn as a table; split by hand (see the
    module's note) instead of by the table, which would repeat every heading."""

    def __init__(self, kit: TextKit, sides: Sequence[Side], continued: bool = False):
        super().__init__()
        self.kit, self.sides, self.continued = kit, list(sides), continued
        self.count = sum(side.columns for side in self.sides)
        self.inner = _inner(kit.width, self.count)
        self._table: RLTable | None = None
        self._cuts: dict[int, tuple[tuple[Item, ...], ...]] = {}

    def _columns(self, index: int) -> tuple[tuple[Item, ...], ...]:
        """The side's arguments column by column: as cut by a page break, else balanced."""
        side = self.sides[index]
        if side.cut is not None:
            return side.cut
        if index not in self._cuts:
            self._cuts[index] = _balance(list(side.items), side.columns, self.inner)
        return self._cuts[index]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._table is None:
            self._table = self._build()
        self.width, self.height = self._table.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        header = self._header_height()
        for slack in (0.0, 6.0, 18.0):  # in case the drawn part comes out taller than reckoned
            room = availHeight - header - 2 * PAD - slack
            if room <= 0:
                return []
            here, left = [], []
            for index, side in enumerate(self.sides):
                placed, rest = self._fill(index, room)
                if side.items and not any(placed):
                    return []  # its heading would stand over nothing on this page
                here.append(replace(side, items=tuple(i for c in placed for i in c), cut=placed))
                left.append(replace(side, items=tuple(rest), cut=None))
            first = Sides(self.kit, here, self.continued)
            if first.wrap(availWidth, availHeight)[1] <= availHeight:
                if not any(side.items for side in left):
                    return [first]  # all of it fits, once a long argument runs on
                return [first, Sides(self.kit, left, continued=True)]
        return []

    def _fill(self, index: int, room: float) -> tuple[tuple[tuple[Item, ...], ...], list[Item]]:
        """The side's columns on this page, and what goes over: balanced when all of it
        fits, else filled in reading order, one column to the bottom before the next."""
        side, balanced = self.sides[index], self._columns(index)
        if max(_column_height(_spaced(list(c)), self.inner) for c in balanced) <= room:
            return balanced, []
        columns, rest = [], list(side.items)
        for _ in range(side.columns):
            taken, rest = _take(rest, self.inner, room)
            columns.append(tuple(taken))
        return tuple(columns), rest

    def _header_height(self) -> float:
        heights = [
            self._heading(side).wrap(self._span(side), ALL_THE_ROOM)[1]
            for side in self.sides
            if side.items
        ]
        return max(heights, default=0.0) + 2 * PAD

    def _span(self, side: Side) -> float:
        return self.inner * side.columns + 2 * GUTTER * (side.columns - 1)

    def _heading(self, side: Side) -> Para:
        text = side.heading + (" (continued)" if self.continued else "")
        return Para(self.kit.markup.text(text.upper()), self.kit.styles.subheading)

    def _build(self) -> RLTable:
        """A table: one heading a side (spanning that side's columns), its items below."""
        header: list[object] = []
        body: list[list[Flowable]] = []
        style: list[tuple[object, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), GUTTER),
            ("RIGHTPADDING", (0, 0), (-1, -1), GUTTER),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
        ]
        previous: Side | None = None
        for index, side in enumerate(self.sides):
            start, end = len(header), len(header) + side.columns - 1
            shown = bool(side.items)  # a side that is done shows no heading and no rules
            header += [self._heading(side) if shown else ""] + [""] * (side.columns - 1)
            if side.columns > 1:
                style.append(("SPAN", (start, 0), (end, 0)))
            if shown:
                style.append(("LINEBELOW", (start, 0), (end, 0), 1.2, NAVY))
            if start and shown and previous is not None and previous.items:
                style.append(("LINEBEFORE", (start, 0), (start, -1), 0.6, RULE))
            body += [_spaced(list(column)) for column in self._columns(index)]
            previous = side
        # padding only between columns, widths chosen so every column has the same inner width
        count = self.count
        widths = [self.inner + GUTTER * (2 if 0 < i < count - 1 else 1) for i in range(count)]
        if self.count == 1:
            widths = [self.kit.width]
        return RLTable([header, body], colWidths=widths, style=style, hAlign="LEFT")


def _inner(width: float, columns: int) -> float:
    return (width - 2 * GUTTER * (columns - 1)) / columns


class _Entry(Para):
    """An argument that breaks across pages only below its claim and a few lines of text."""

    MIN_LINES = 5  # a claim is one to three lines: keep it with at least two more

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._too_few_fit(availWidth, availHeight):
            return []  # what the split below comes to, without making the parts
        parts = super().split(availWidth, availHeight)
        if len(parts) > 1:
            head = parts[0]
            head.wrap(availWidth, availHeight)
            if len(head.blPara.lines) < self.MIN_LINES:
                return []
        return parts

    def _too_few_fit(self, width: float, height: float) -> bool:
        """Whether fewer than MIN_LINES lines fit in `height` and not all of them: reportlab
        puts int(height / leading) lines in the first part, or one fewer to leave no widow."""
        laid_out = self.__dict__.get("blPara")
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        if laid_out is None or width != self._laid_out_for or auto not in ("", "off"):
            return False  # not yet broken for this width (or lines of many heights): split
        fit = int(height / self.style.leading)
        return len(laid_out.lines) > fit and fit < self.MIN_LINES


def _position(kit: TextKit, entry: Position) -> Item:
    """One argument: its claim, what it says, and who makes it (with their words)."""
    s = kit.styles
    credit = entry.credit + ((Run("  ·  "), *entry.quote) if entry.quote else ())
    # as one paragraph, an _Entry: it may break across pages only below its claim
    return kit.stacked(
        [("", entry.claim, s.claim), ("", entry.detail, s.small), ("", credit, s.caption)],
        s.small,
        kind=_Entry,
    )


def _height(items: Sequence[Item], width: float) -> float:
    return sum(_item_height(item, width) + SPACE for item in items) + 1.0


def _item_height(item: Item, width: float) -> float:
    return sum(part.wrap(width, ALL_THE_ROOM)[1] for part in item)


def _column_height(flowables: Sequence[Flowable], width: float) -> float:
    """The height of flowables in one table cell, reckoned as the table reckons it."""
    total = 0.0
    for flowable in flowables:
        total += flowable.wrap(width, ALL_THE_ROOM)[1]
        total += flowable.getSpaceBefore() + flowable.getSpaceAfter()
    if flowables:
        total -= flowables[0].getSpaceBefore() + flowables[-1].getSpaceAfter()
    return total


def _take(items: list[Item], width: float, room: float) -> tuple[list[Item], list[Item]]:
    """The arguments that fill one column `room` tall, the last perhaps broken, and the rest."""
    taken: list[Item] = []
    for index, item in enumerate(items):
        if _column_height(_spaced([*taken, item]), width) <= room:
            taken.append(item)
            continue
        head, tail = _break(item, width, room, taken)
        if head:
            return [*taken, head], [tail, *items[index + 1 :]]
        return taken, items[index:]
    return taken, []


def _break(item: Item, width: float, room: float, above: list[Item]) -> tuple[Item, Item]:
    """The most of one argument that fits under `above` in a column `room` tall, and the
    rest of it; nothing when no break is allowed there (see `_Entry`)."""
    for index, part in enumerate(item):
        head = item[:index]
        start = _column_height(_spaced([*above, [*head, Spacer(1, 0)]]), width)
        pieces = part.split(width, room - start - part.getSpaceBefore())
        if len(pieces) > 1:
            candidate = [*head, pieces[0]]
            if _column_height(_spaced([*above, candidate]), width) <= room:
                return candidate, [*pieces[1:], *item[index + 1 :]]
        if _column_height(_spaced([*above, [*head, part]]), width) > room:
            break  # this part neither fits nor breaks here
    return [], item


def _balance(items: list[Item], columns: int, width: float) -> tuple[tuple[Item, ...], ...]:
    """The items in `columns` columns of about equal height, in reading order: the least
    height at which they all fit, found by halving; an argument may run on from the foot
    of one column to the head of the next, as in a newspaper (see `_Entry`)."""
    if columns == 1:
        return (tuple(items),)
    total = _column_height(_spaced(items), width)
    tallest = max((_item_height(item, width) for item in items), default=0.0)
    # no column is shorter than an even share, nor need be taller than that and one argument
    low, high = total / columns, min(total, total / columns + tallest + SPACE)
    best = _flow(items, columns, width, high)
    if best is None:  # arguments that may not break: a column can be as tall as all of them
        high, best = total, _flow(items, columns, width, total)
    for _ in range(7):  # to within a point or two
        middle = (low + high) / 2
        cut = _flow(items, columns, width, middle)
        if cut is None:
            low = middle
        else:
            high, best = middle, cut
    return best or (tuple(items),) + ((),) * (columns - 1)


def _flow(
    items: list[Item], columns: int, width: float, room: float
) -> tuple[tuple[Item, ...], ...] | None:
    """The items poured into columns `room` tall, one after the other; None if they overflow."""
    cut, rest = [], items
    for _ in range(columns):
        taken, rest = _take(rest, width, room)
        cut.append(tuple(taken))
    return None if rest else tuple(cut)


def _spaced(items: Sequence[Item]) -> list[Flowable]:
    out: list[Flowable] = []
    for item in items:
        out += [*item, Spacer(1, SPACE)]
    return out[:-1]
