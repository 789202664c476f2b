"""One question: the set's title, progress, score and streak; the input for its type; in
practice mode the feedback under it once answered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Header, Input, Static

from quizzes.grading import InvalidAnswer
from quizzes.model import Choice, FreeText, Match, Multi, Numeric, Order, TrueFalse
from quizzes.tui.text import clean, join, number, plain
from quizzes.tui.widgets.answers import (
    Answered,
    AnswerProblem,
    ChoiceInput,
    MultiInput,
    NumericInput,
    TextInput,
    TrueFalseInput,
    TypedInput,
    hold,
    is_held,
    pass_on,
    retyped,
    taken,
    typed_for,
)
from quizzes.tui.widgets.arrange import MatchInput, OrderInput
from quizzes.tui.widgets.feedback import Feedback
from quizzes.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from quizzes.engine import RunItem
    from quizzes.tui.app import QuizApp
    from quizzes.tui.session import Session


def answer_input(item: RunItem) -> Widget:
    """The fitting input for the item's question type."""
    q = item.question
    if isinstance(q, TrueFalse):
        return TrueFalseInput(id="answer")
    if isinstance(q, Choice):
        return ChoiceInput(item.options, id="answer")
    if isinstance(q, Multi):
        return MultiInput(item.options, id="answer")
    if isinstance(q, Numeric):
        return NumericInput(q, id="answer")
    if isinstance(q, FreeText):
        return TextInput(id="answer")
    if isinstance(q, Match):
        return MatchInput([pair.left for pair in q.pairs], item.options, id="answer")
    if isinstance(q, Order):
        return OrderInput(item.options, id="answer")
    raise TypeError(f"no input for {type(q).__name__}")


def reusable(old: Widget, item: RunItem) -> bool:
    """Whether ``old`` is the list ``answer_input`` would make for the item, so it can take
    the item's options instead (making a new one to compare took a twentieth of a move)."""
    q = item.question
    if isinstance(q, TrueFalse):  # before Choice, as in answer_input
        return type(old) is TrueFalseInput
    return isinstance(q, Choice) and type(old) is ChoiceInput


class MoveOn(Message):
    """'Next question' was pressed: the screen moves on to the next question."""

    bubble = False

    def __init__(self, source: Widget) -> None:
        super().__init__()
        self.source = source


class NextButton(Button):
    """'Next question': Enter or n posts MoveOn straight into the screen's queue; keys
    typed after it follow it there (see pass_on in widgets.answers), so they reach the
    next question."""

    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        moving = getattr(self, "answer_in_flight", False)
        if moving or screen is not self.app.screen or not getattr(screen, "answered", False):
            pass_on(event, self)  # typed after Enter moved on: for the question now shown
        elif event.key in ("enter", "n") and isinstance(screen, QuestionScreen):
            event.stop()
            event.prevent_default()
            self.answer_in_flight = True  # keys after this one queue behind MoveOn
            screen.post_message(MoveOn(self))


def progress_bar(done: int, total: int, width: int = 16) -> Any:
    """Answered questions as a bar of full and empty blocks: readable without colour."""
    filled = round(width * done / total) if total else 0
    return plain("█" * filled + "░" * (width - filled))


def clock_text(seconds: float) -> str:
    seconds = max(int(seconds + 0.999), 0)  # round up: 0:00 only when time is really up
    return f"{seconds // 60}:{seconds % 60:02d}"


class QuestionScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Home (saved)"),
        Binding("n", "next", "Next", key_display="⏎/n"),
    ]
    # None would mean the app's "*": the scrolling body, focused and restyled on every
    # question just before on_mount moves focus to the answer (without scrolling).
    AUTO_FOCUS = ""
    app: QuizApp

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        item = session.current
        assert item is not None, "a question screen needs an unanswered question"
        self.item = item
        self.position = session.items.index(item) + 1  # fixed: the session moves on
        self.answered = False
        # The question shown: keys are tied to it (widgets.answers.typed_for), so a key
        # typed for one question never reaches the next, shown on this same screen.
        self.token = object()
        self.answer_widget = answer_input(item)
        self.answer_widget.question_token = self.token  # type: ignore[attr-defined]
        # Keys for an input still being mounted, handed to it once it is.
        self.early_keys: list[events.Key] = []

    def compose(self) -> ComposeResult:
        session = self.session
        yield Header()
        with Horizontal(id="status"):
            yield Static(self.status_text(), id="status-line", markup=False)
            yield Static(
                progress_bar(session.answered, len(session.items)), id="progress", markup=False
            )
        with VerticalScroll(id="body"):
            yield Static(plain(self.item.question.prompt), id="prompt", markup=False)
            # Two groups, one shown at a time: one display change each on answering
            # keeps the answer-to-feedback relayout small.
            with Vertical(id="ask"):
                widget = self.answer_widget
                yield Static(plain(getattr(widget, "how", "")), id="how", markup=False)
                yield widget
                yield Static("", id="problem", markup=False)
            with Vertical(id="after"):
                yield Feedback(id="feedback")
                last = len(session.items) - session.answered == 1
                yield NextButton(
                    plain("See results" if last else "Next question"), id="next", variant="primary"
                )
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = clean(self.session.run.title)  # the header shows it as plain text
        self.query_one("#problem").display = False
        # Focus now, not later, and without scrolling: the prompt stays in view.
        self.set_focus(self.answer_target(), scroll_visible=False)
        if self.session.deadline is not None:
            self.set_interval(1, self.tick)
        if self.app.exit_on_first_question:
            self.call_after_refresh(self.app.exit)

    def answer_target(self) -> Widget | None:
        """The widget that takes the answer's keys; None while it is being mounted."""
        widget = self.answer_widget
        if not widget.is_mounted:
            return None
        return widget.query_one(Input) if isinstance(widget, TypedInput) else widget

    def _forward_event(self, event: events.Event) -> None:
        # Textual sends a key to the screen itself while nothing has focus; by the time the
        # screen handles it, the input may have taken focus. Mark such keys as held.
        if isinstance(event, events.Key) and self.focused is None:
            hold(event)
        super()._forward_event(event)

    def on_key(self, event: events.Key) -> None:
        """Keys typed while this screen was still arriving were sent to the screen itself
        (nothing had focus yet), or passed on by the last question's input: they go on, in
        order, to the answer input. Other keys bubbled up from the input: left alone."""
        if typed_for(event) not in (None, self.token):
            event.stop()  # typed for a question shown before this one: it is dropped
            return
        if (self.focused is None or is_held(event)) and not self.answered:
            event.stop()
            event.prevent_default()
            target = self.answer_target()
            if target is None or self.early_keys:
                self.early_keys.append(retyped(event, self))
                return
            self.set_focus(target, scroll_visible=False)
            target.post_message(retyped(event, self))

    def status_text(self) -> Any:
        session = self.session
        exam = session.options.mode == "exam"
        # Narrow terminals get the short form, so the score or the clock is never cut off.
        narrow = self.app.size.width < 60
        parts = [
            "Exam" if exam else "Practice",
            f"{self.position}/{len(session.items)}"
            if narrow
            else f"Question {self.position} of {len(session.items)}",
        ]
        if exam:
            if session.deadline is not None:
                parts.append(f"Time left {clock_text(session.deadline - self.app.now())}")
        else:
            tally = session.tally
            parts.append(f"Score {number(tally.score)}/{number(tally.points)}")
            if not narrow:
                parts.append(f"Streak {session.streak}")
        return plain(" · ".join(parts))

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#status-line", Static).update(self.status_text())

    def tick(self) -> None:
        if self is not self.app.screen:  # answered and replaced: the next screen keeps time
            return
        if self.session.deadline is not None and self.app.now() >= self.session.deadline:
            self.app.time_up(self.session)
            return
        self.query_one("#status-line", Static).update(self.status_text())

    def on_move_on(self, message: MoveOn) -> None:
        message.source.answer_in_flight = False  # type: ignore[attr-defined]
        self.action_next()

    def on_answered(self, message: Answered) -> None:
        taken(message)
        self.take_answer(message.value)

    def on_answer_problem(self, message: AnswerProblem) -> None:
        self.show_problem(message.text)

    def take_answer(self, value: Any) -> None:
        if self.answered or self.session.current is not self.item:
            return
        self.session.save()  # the last answer, if a key came before its frame was drawn
        if isinstance(value, str) and not value.strip():
            self.show_problem("Type an answer first, then press Enter.")
            return
        try:
            grade = self.session.take(value)
        except InvalidAnswer as problem:
            # Not graded and not stored: the student fixes the form and tries again.
            self.show_problem(f"{problem} — nothing was marked; try again.")
            return
        # Committed once the frame that answers the key is drawn, not before: see README
        # ("Where your data goes") for what that keeps on a crash or a power loss. The
        # screen is marked for a new layout first: a callback after a refresh runs at once
        # when nothing has marked the screen yet, which would put the commit before the frame.
        self.refresh(repaint=False, layout=True)
        self.call_after_refresh(self.session.save)
        self.answered = True
        if self.session.options.mode == "exam":
            self.app.advance(self.session)
            return
        self.query_one("#feedback", Feedback).show(grade)
        self.query_one("#ask").display = False
        self.query_one("#after").display = True
        self.query_one("#status-line", Static).update(self.status_text())
        self.query_one("#progress", Static).update(
            progress_bar(self.session.answered, len(self.session.items))
        )
        self.query_one("#next", Button).focus()
        self.refresh_bindings()

    def show_problem(self, text: str) -> None:
        """Say what stops the answer being taken; "" hides what was said."""
        problem = self.query_one("#problem", Static)
        if not text:
            problem.display = False
            return
        problem.update(join(("! ", "bold"), plain(text)))
        problem.display = True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "next":
            self.action_next()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "Next" is in the footer only once there is feedback to move on from.
        return self.answered if action == "next" else True

    def action_next(self) -> None:
        if self.answered:
            self.session.save()  # nothing, unless Enter came before the feedback was drawn
            self.app.advance(self.session)

    def action_leave(self) -> None:
        self.app.leave(self.session)

    def show_next(self) -> None:
        """The session's next question on this same screen: its texts replaced, its input
        given the new options (or, for another kind of input, swapped for a new one), and
        a new token, so keys typed for the last question stay with it."""
        item = self.session.current
        assert item is not None, "no question left to show"
        session = self.session
        self.item = item
        self.position = session.items.index(item) + 1
        self.answered = False
        self.token = object()
        self.query_one("#prompt", Static).update(plain(item.question.prompt))
        self.query_one("#status-line", Static).update(self.status_text())
        self.query_one("#progress", Static).update(
            progress_bar(session.answered, len(session.items))
        )
        last = len(session.items) - session.answered == 1
        self.query_one("#next", Button).label = plain("See results" if last else "Next question")
        self.show_problem("")
        old = self.answer_widget
        if isinstance(old, ChoiceInput) and reusable(old, item):
            old.ask(item.options)  # same kind of list: new options, no new widget
            old.question_token = self.token  # type: ignore[attr-defined]
        else:
            fresh = answer_input(item)
            fresh.question_token = self.token  # type: ignore[attr-defined]
            self.answer_widget = fresh
            self.query_one("#how", Static).update(plain(getattr(fresh, "how", "")))
            self.set_focus(None)
            self.call_next(self.swap_input, old, fresh)
        self.query_one("#after").display = False
        self.query_one("#ask").display = True
        if self.answer_widget is old:
            self.set_focus(old, scroll_visible=False)
        self.query_one("#body", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    async def swap_input(self, old: Widget, fresh: Widget) -> None:
        """Put ``fresh`` where ``old`` was; keys typed meanwhile follow in order."""
        await old.remove()
        await self.query_one("#ask").mount(fresh, after="#how")
        if self.answer_widget is not fresh or self.answered:
            return
        target = self.answer_target()
        if target is None:
            return
        self.set_focus(target, scroll_visible=False)
        keys, self.early_keys = self.early_keys, []
        for key in keys:
            target.post_message(key)
