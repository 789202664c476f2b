"""The quiz app's bare twin: Textual alone, a question screen of the quiz's shape.

A header, a status row (text and a progress bar), the prompt, a hint, four options in an
OptionList, a hidden problem line, a hidden feedback group (the quiz's lines of feedback
and a "Next question" button) and a key bar. "1" picks the first option and shows the feedback,
moving focus to the button; Enter moves on. ``in_place`` says how: a new screen per
question (False, the switch twin) or the same screen with its texts and options replaced
(True, the in-place twin). Run as a script, it draws its first frame headless and exits:
the start-up twin of `quiz play --headless`.
"""

from __future__ import annotations

import sys
from typing import Any, ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, OptionList, Static

OPTIONS = ("5,000 people", "2,000 people", "1,500 people", "32 people")
# As many lines of feedback as the quiz shows for its benchmark's question.
FEEDBACK = """\
✓ Correct
Your answer: 5,000 people
Why:         China is steadily widening its security training programmes
             abroad, which the article says is expected to strengthen its
             global security influence.
Source:      “global security influence”
             Outlet not named, “China pledges security training for 5,000
             people from developing countries under its Global Security
             Initiative”, c. February 2023"""


class TwinScreen(Screen[None]):
    AUTO_FOCUS = ""
    # Enter moves on within its key press, as the quiz's Next button does (a Button's own
    # Enter posts a message and plays its press effect first).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next", "Next", priority=True, show=False)
    ]

    def __init__(self, number: int, in_place: bool) -> None:
        super().__init__()
        self.number = number
        self.in_place = in_place
        self.answered = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="status"):
            yield Static(self.status(), id="status-line", markup=False)
            yield Static("░" * 16, id="progress", markup=False)
        with VerticalScroll(id="body"):
            yield Static(self.prompt(), id="prompt", markup=False)
            with Vertical(id="ask"):
                yield Static("Pick one: press its number.", id="how", markup=False)
                yield OptionList(*self.options(), id="answer", markup=False)
                yield Static("", id="problem", markup=False)
            with Vertical(id="after"):
                yield Static("", id="feedback", markup=False)
                yield Button("Next question", id="next")
        with Horizontal(id="keys"):
            yield Static("1-9 Pick · ⏎ Answer · esc Home", markup=False)
            yield Static("^p palette", markup=False)

    def status(self) -> str:
        return f"Practice · Question {self.number} of 500 · Score 0/0 · Streak 0"

    def prompt(self) -> str:
        return f"Question {self.number}: how many places does the offer hold?"

    def options(self) -> list[str]:
        shift = self.number % 4
        return [f"{n} {text}" for n, text in enumerate(OPTIONS[shift:] + OPTIONS[:shift], 1)]

    def on_mount(self) -> None:
        self.query_one("#after").display = False
        self.query_one("#problem").display = False
        self.set_focus(self.query_one("#answer"), scroll_visible=False)
        if getattr(self.app, "exit_after_first_frame", False):  # as `quiz play --headless`
            self.call_after_refresh(self.app.exit)

    def on_key(self, event: events.Key) -> None:
        if event.key == "1" and not self.answered:
            self.answered = True
            self.query_one("#feedback", Static).update(FEEDBACK)
            self.query_one("#ask").display = False
            self.query_one("#after").display = True
            self.query_one("#status-line", Static).update(self.status())
            self.query_one("#next").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.answered if action == "next" else True

    def action_next(self) -> None:
        if not self.in_place:
            self.app.switch_screen(TwinScreen(self.number + 1, False))
            return
        self.number += 1
        self.answered = False
        self.query_one("#prompt", Static).update(self.prompt())
        self.query_one("#status-line", Static).update(self.status())
        answer = self.query_one("#answer", OptionList)
        answer.set_options(self.options())
        answer.highlighted = 0
        self.query_one("#after").display = False
        self.query_one("#ask").display = True
        self.set_focus(answer, scroll_visible=False)


class TwinApp(App[None]):
    CSS = """
    #status, #keys { height: 1; }
    #status-line { width: 1fr; }
    #progress { width: 17; }
    #ask, #after { height: auto; }
    OptionList { height: auto; max-height: 14; }
    #feedback { height: auto; padding: 0 1; margin: 1 0 0 0; border-left: thick $success; }
    #prompt { text-style: bold; margin: 1 0 0 0; }
    #body { padding: 0 1; }
    """

    def __init__(self, in_place: bool = False, exit_after_first_frame: bool = False) -> None:
        super().__init__()
        self.in_place = in_place
        self.exit_after_first_frame = exit_after_first_frame

    def on_mount(self) -> None:
        self.push_screen(TwinScreen(1, self.in_place))


def twin_app(in_place: bool) -> Any:
    """A builder for `RunningApp`."""

    def build(running: Any) -> Any:
        from tests.benchmarks.running_app import timed

        return timed(TwinApp, running)(in_place)

    return build


def answered(screen: Any) -> bool:
    return isinstance(screen, TwinScreen) and screen.answered


def moved_on(previous: Any) -> Any:
    number = previous.number if isinstance(previous, TwinScreen) else 0
    return lambda screen: (
        isinstance(screen, TwinScreen) and screen.number != number and not screen.answered
    )


if __name__ == "__main__":
    TwinApp(in_place="--in-place" in sys.argv, exit_after_first_frame=True).run(headless=True)
