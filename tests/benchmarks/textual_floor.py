"""Textual alone: the least a question screen needs, as the floor the quiz app is read against.

A screen of the quiz's shape (a header, a status row, the prompt, an input, a hidden
feedback row with a button, a key bar), drawn by Textual with none of the app's code.
Answering ("1") shows one line of feedback; Enter switches to a new such screen.
Run as a script, it draws its first frame headless and exits: the start-up floor.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Static


class FloorScreen(Screen[None]):
    AUTO_FOCUS = ""  # keys go to the screen itself (None would mean the app's "*")

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number
        self.answered = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield Static("Practice · 0 of 500 answered", markup=False)
            yield Static("░░░░░░░░░░", markup=False)
        with VerticalScroll():
            yield Static(f"Question {self.number}: how many training places?", markup=False)
            with Vertical(id="ask"):
                yield Static("Type the number of your answer.", markup=False)
                yield Input()
                yield Static("", markup=False)
            with Vertical(id="after"):
                yield Static("", id="feedback", markup=False)
                yield Button("Next question")
        with Horizontal():
            yield Static("1-4 answer · Enter next · Esc home", markup=False)
            yield Static("^p palette", markup=False)

    def on_mount(self) -> None:
        self.query_one("#after").display = False
        if getattr(self.app, "exit_after_first_frame", False):  # as `quiz play --headless`
            self.call_after_refresh(self.app.exit)

    def on_key(self, event: events.Key) -> None:
        if event.key == "1" and not self.answered:
            self.answered = True
            self.query_one("#ask").display = False
            self.query_one("#feedback", Static).update("Right: 5,000 places.")
            self.query_one("#after").display = True
        elif event.key == "enter" and self.answered:
            self.app.switch_screen(FloorScreen(self.number + 1))


class FloorApp(App[None]):
    def __init__(self, exit_after_first_frame: bool = False) -> None:
        super().__init__()
        self.exit_after_first_frame = exit_after_first_frame

    def on_mount(self) -> None:
        self.push_screen(FloorScreen(1))


def floor_app(running: Any) -> Any:
    from tests.benchmarks.running_app import timed

    return timed(FloorApp, running)()


def answered(screen: Any) -> bool:
    return isinstance(screen, FloorScreen) and screen.answered


def moved_on(previous: Any) -> Any:
    return lambda screen: (
        isinstance(screen, FloorScreen) and screen is not previous and not screen.answered
    )


if __name__ == "__main__":
    FloorApp(exit_after_first_frame=True).run(headless=True)
