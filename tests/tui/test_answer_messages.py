"""Answer inputs post their answer to the screen as a message; keys that reach the input
while it is on its way follow it to the screen, in the order typed."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.screen import Screen

from quizzes.tui.widgets.answers import (
    Answered,
    AnswerProblem,
    ChoiceInput,
    give_problem,
    is_held,
    taken,
)


class Recording(Screen[None]):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[Any] = []

    def compose(self) -> ComposeResult:
        yield ChoiceInput(("Alpha", "Bravo", "Charlie"), id="answer")

    def on_answered(self, message: Answered) -> None:
        self.seen.append(("answer", message.value, message.source.id))
        taken(message)

    def on_answer_problem(self, message: AnswerProblem) -> None:
        self.seen.append(("problem", message.text))

    def on_key(self, event: events.Key) -> None:
        self.seen.append(("key", event.key, is_held(event)))
        event.stop()


class Host(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Recording())


async def test_a_pick_is_an_answered_message_and_later_keys_follow_it():
    app = Host()
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, Recording)
        widget = screen.query_one(ChoiceInput)
        widget.focus()
        await pilot.pause()
        # Two keys already in the input's queue when the first answers, as in a burst.
        widget.post_message(events.Key("2", "2"))
        widget.post_message(events.Key("3", "3"))
        await pilot.pause()
        assert screen.seen == [("answer", "Bravo", "answer"), ("key", "3", True)]
        assert not getattr(widget, "answer_in_flight", False)  # taken: it takes keys again
        await pilot.press("3")
        await pilot.pause()
        assert screen.seen[-1] == ("answer", "Charlie", "answer")


async def test_a_problem_is_a_message_to_the_screen():
    app = Host()
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, Recording)
        give_problem(screen.query_one(ChoiceInput), "Pick one first.")
        await pilot.pause()
        assert screen.seen == [("problem", "Pick one first.")]
