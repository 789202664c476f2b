"""Arguments side by side: the case in one column block, the concerns in the other; a side
on its own (such as the framings of the story) full width under its own heading.

When one side has far more to say than the other (an article quoting six supporters
and one critic), that side gets two columns, so the page is not half empty and the
imbalance still shows at a glance.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer
from reportlab.platypus import Table as RLTable

from briefing.blocks import Kit, Para
from briefing.content import ArgumentList, Position, Run, SideBySide
from briefing.styles import NAVY, RULE

GUTTER = 9.0
SPACE = 8.0  # between arguments in a column
IMBALANCE = 1.8  # a side this many times longer than the other gets two columns


def side_by_side(kit: Kit, block: SideBySide) -> list[Flowable]:
    """The case | the concerns, each under its own heading, repeated on a new page."""
    sides = (block.left, block.right)
    items = [[_position(kit, e) for e in group.entries] for group in sides]
    heights = [_height(side, _inner(kit.width, 3)) for side in items]
    if heights[0] >= IMBALANCE * heights[1]:
        split = (2, 1)
    elif heights[1] >= IMBALANCE * heights[0]:
        split = (1, 2)
    else:
        split = (1, 1)
    return _columns(
        kit,
        [(g.heading, side, n) for g, side, n in zip(sides, items, split, strict=True)],
        block.note,
    )


def argument_list(kit: Kit, block: ArgumentList) -> list[Flowable]:
    """One side alone, full width: in two balanced columns when it is long."""
    items = [_position(kit, e) for e in block.group.entries]
    columns = 2 if _height(items, _inner(kit.width, 2)) > 160 else 1
    return _columns(kit, [(block.group.heading, items, columns)], block.note)


def _columns(
    kit: Kit, sides: list[tuple[str, list[Flowable], int]], note: str | None
) -> list[Flowable]:
    """A table: one heading a side (spanning that side's columns), its items below."""
    s = kit.styles
    count = sum(n for _, _, n in sides)
    inner = _inner(kit.width, count)
    header: list[object] = []
    body: list[list[Flowable]] = []
    spans: list[tuple[object, ...]] = []
    rules: list[tuple[object, ...]] = []
    for heading, items, n in sides:
        start = len(header)
        header += [Para(kit.markup.text(heading.upper()), s.subheading)] + [""] * (n - 1)
        if n > 1:
            spans.append(("SPAN", (start, 0), (start + n - 1, 0)))
        if start:
            rules.append(("LINEBEFORE", (start, 0), (start, -1), 0.6, RULE))
        body += _balance(items, n, inner)
    # padding only between columns, widths chosen so every column has the same inner width
    widths = [inner + GUTTER * (2 if 0 < i < count - 1 else 1) for i in range(count)]
    if count == 1:
        widths = [kit.width]
    style: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), GUTTER),
        ("RIGHTPADDING", (0, 0), (-1, -1), GUTTER),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, NAVY),
        *rules,
        *spans,
    ]
    table = RLTable(
        [header, body], colWidths=widths, repeatRows=1, splitInRow=1, style=style, hAlign="LEFT"
    )
    parts: list[Flowable] = [table, Spacer(1, 4)]
    if note:
        parts.insert(0, kit.para(note, s.note))
    return parts


def _inner(width: float, columns: int) -> float:
    return (width - 2 * GUTTER * (columns - 1)) / columns


class _Entry(Para):
    """An argument that breaks across pages only below its claim and a few lines of text."""

    MIN_LINES = 5  # a claim is one to three lines: keep it with at least two more

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if len(parts) > 1:
            head = parts[0]
            head.wrap(availWidth, availHeight)
            if len(head.blPara.lines) < self.MIN_LINES:
                return []
        return parts


def _position(kit: Kit, entry: Position) -> list[Flowable]:
    """One argument: its claim, what it says, and who makes it (with their words)."""
    s = kit.styles
    credit = entry.credit + ((Run("  ·  "), *entry.quote) if entry.quote else ())
    parts = kit.stacked(
        [("", entry.claim, s.claim), ("", entry.detail, s.small), ("", credit, s.caption)], s.small
    )
    if len(parts) == 1:  # one paragraph: it may break across pages only below its claim
        return [_Entry(parts[0].text, s.small)]
    return parts


Item = list[Flowable]  # one argument: a paragraph, or a few when part of it is right-to-left


def _height(items: list[Item], width: float) -> float:
    return sum(_item_height(item, width) + SPACE for item in items) + 1.0


def _item_height(item: Item, width: float) -> float:
    return sum(part.wrap(width, 1e6)[1] for part in item)


def _balance(items: list[Item], columns: int, width: float) -> list[list[Flowable]]:
    """Cut the items into `columns` runs of about equal height, keeping their order."""
    if columns == 1:
        return [_spaced(items)]
    heights = [_item_height(item, width) + SPACE for item in items]
    target = sum(heights) / columns
    cuts: list[list[Item]] = [[]]
    filled = 0.0
    for item, height in zip(items, heights, strict=True):
        # move on when this item would overshoot the target by more than half of itself
        if cuts[-1] and len(cuts) < columns and filled + height / 2 > target:
            cuts.append([])
            filled = 0.0
        cuts[-1].append(item)
        filled += height
    cuts += [[] for _ in range(columns - len(cuts))]
    return [_spaced(c) for c in cuts]


def _spaced(items: list[Item]) -> list[Flowable]:
    out: list[Flowable] = []
    for item in items:
        out += [*item, Spacer(1, SPACE)]
    return out[:-1]
