"""Inputs that arrange things: match (a right side for each left side) and order (move
items up and down). Both are one focusable widget over plain rows, so every key is ours
and nothing depends on dropdown overlays that do not fit at 80×24."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from quizzes.tui.text import Hanging, hanging, pieces
from quizzes.tui.widgets.answers import clear_problem, give_answer, give_problem, own_key


class _Rows(Vertical, can_focus=True):
    """Rows of Static with a cursor; subclasses say what a row shows."""

    cursor = 0

    async def _on_key(self, event: events.Key) -> None:
        await own_key(self, event)

    def compose(self) -> ComposeResult:
        for index in range(self.row_count()):
            yield Static(self.row(index), classes="row", markup=False)

    # The two hooks every subclass (match rows, order rows) defines; the base never runs them.
    def row_count(self) -> int:
        raise NotImplementedError("a _Rows subclass says how many rows it has")

    def row(self, index: int) -> Hanging:
        raise NotImplementedError("a _Rows subclass says what a row shows")

    def refresh_rows(self) -> None:
        for index, widget in enumerate(self.query(".row").results(Static)):
            widget.update(self.row(index))
            widget.set_class(index == self.cursor, "-cursor")

    def on_mount(self) -> None:
        self.refresh_rows()

    def action_cursor(self, step: int) -> None:
        self.cursor = (self.cursor + step) % self.row_count()
        self.refresh_rows()
        list(self.query(".row").results(Static))[self.cursor].scroll_visible()


class MatchInput(_Rows):
    """For each left side, pick a right side: ← → cycle, a digit picks that right side."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Row", key_display="↑↓"),
        Binding("down", "cursor(1)", "Row", show=False),
        Binding("right", "cycle(1)", "Change", key_display="←→"),
        Binding("left", "cycle(-1)", "Change", show=False),
        Binding("space", "cycle(1)", "Change", show=False),
        *[
            Binding(str(n), f"pick({n})", "Pick", key_display="1-9", show=n == 1)
            for n in range(1, 10)
        ],
        Binding("enter", "submit", "Answer"),
    ]
    how = (
        "Pair each left side with a right side: ↑ ↓ choose a row, ← → or a number "
        "picks its partner (the cursor stays on the row), Enter answers."
    )

    def __init__(self, lefts: list[str], rights: tuple[str, ...], id: str | None = None) -> None:
        super().__init__(id=id)
        self.lefts = lefts
        self.rights = list(rights)
        self.chosen: list[int | None] = [None] * len(lefts)

    def compose(self) -> ComposeResult:
        yield Static("Right sides:", classes="legend", markup=False)
        for n, text in enumerate(self.rights, 1):
            yield Static(hanging(f"{n}" if n <= 9 else " ", text), classes="option", markup=False)
        yield Static("Pairs:", classes="legend pairs", markup=False)
        yield from super().compose()

    def row_count(self) -> int:
        return len(self.lefts)

    def row(self, index: int) -> Hanging:
        """The left side, then the number and text of its partner, wrapped as one item."""
        pick = self.chosen[index]
        partner: tuple[str | tuple[str, str], ...] = (
            ((f"{pick + 1} ", "bold"), self.rights[pick])
            if pick is not None
            else (("(not paired yet)", "italic"),)
        )
        return hanging(
            "▸" if index == self.cursor else " ",
            pieces((self.lefts[index], "bold"), ("  → ", "bold"), *partner),
        )

    def action_cycle(self, step: int) -> None:
        pick = self.chosen[self.cursor]
        start = -1 if pick is None and step > 0 else (0 if pick is None else pick)
        self.paired((start + step) % len(self.rights))

    def action_pick(self, number: int) -> None:
        if number <= len(self.rights):
            # The cursor stays, as with ← →: moving on by itself made "1 ↓ 2" skip a row.
            self.paired(number - 1)

    def paired(self, right: int) -> None:
        """Pair the ▸ row; once every row has a partner, "pair every left side" goes."""
        self.chosen[self.cursor] = right
        self.refresh_rows()
        if None not in self.chosen:
            clear_problem(self)

    def action_submit(self) -> None:
        if any(pick is None for pick in self.chosen):
            self.cursor = self.chosen.index(None)
            self.refresh_rows()
            give_problem(self, "Pair every left side first: the ▸ row has no partner yet.")
            return
        give_answer(
            self,
            {
                left: self.rights[pick]
                for left, pick in zip(self.lefts, self.chosen, strict=True)
                if pick is not None
            },
        )


class OrderInput(_Rows):
    """Put items in order: ↑ ↓ choose an item, u / d (or ctrl+↑ ↓) move it, Enter answers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Choose", key_display="↑↓"),
        Binding("down", "cursor(1)", "Choose", show=False),
        Binding("u", "move(-1)", "Move up"),
        Binding("ctrl+up", "move(-1)", "Move up", show=False),
        Binding("d", "move(1)", "Move down"),
        Binding("ctrl+down", "move(1)", "Move down", show=False),
        Binding("enter", "submit", "Answer"),
    ]
    how = "Put them in order: ↑ ↓ choose an item, u or d moves it up or down, Enter answers."

    def __init__(self, items: tuple[str, ...], id: str | None = None) -> None:
        super().__init__(id=id)
        self.items = list(items)

    def row_count(self) -> int:
        return len(self.items)

    def row(self, index: int) -> Hanging:
        marker = "▸" if index == self.cursor else " "
        return hanging(f"{marker} {index + 1}.", self.items[index])

    def action_move(self, step: int) -> None:
        target = self.cursor + step
        if 0 <= target < len(self.items):
            items = self.items
            items[self.cursor], items[target] = items[target], items[self.cursor]
            self.cursor = target
            self.refresh_rows()

    def action_submit(self) -> None:
        give_answer(self, list(self.items))
