"""Inputs for the question types with a list or a typed answer: choice, multi, true/false,
numeric and text. Each posts its answer, in the shape grading takes, to its screen as an
`Answered` message."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, ScrollableContainer, Vertical
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from quizzes.grading import number_examples
from quizzes.model import Numeric
from quizzes.tui.text import hanging, plain

if TYPE_CHECKING:
    from textual.screen import Screen


class Answered(Message):
    """An answer input has its answer, in the shape grading takes: the screen grades and
    records it (it may still refuse it, e.g. not a number)."""

    bubble = False

    def __init__(self, source: Widget, value: Any) -> None:
        super().__init__()
        self.source, self.value = source, value


class AnswerProblem(Message):
    """What is missing before the answer can be taken ("": nothing is now)."""

    bubble = False

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


def give_answer(widget: Widget, value: Any) -> None:
    """Post the answer to the screen, straight into its queue (not bubbled through the
    widget's own, behind the keys typed after it). Until the screen has taken it, keys
    that reach the widget go to the screen after it (see `outdated`), so a key typed right
    after Enter reaches whatever the screen asks once it has taken the answer."""
    widget.answer_in_flight = True  # type: ignore[attr-defined]
    widget.screen.post_message(Answered(widget, value))


def taken(message: Answered) -> None:
    """The screen has the answer: its input takes keys again (if the answer was refused)."""
    message.source.answer_in_flight = False  # type: ignore[attr-defined]


# Each key carries what it was typed for (and whether it was sent to a screen for its
# input) on itself, as it travels from widget to screen to app.
_TYPED_FOR = "_classbrief_typed_for"
_HELD = "_classbrief_held"


def token_of(screen: Screen[Any]) -> object:
    """What a key typed on ``screen`` is for: the question it shows (a question screen
    shows one question after another, each with a token of its own), else the screen."""
    return getattr(screen, "token", None) or screen


def typed_for(key: events.Key) -> object | None:
    """The token of what was showing when ``key`` was typed (see `token_of`); None for a
    key the app has not seen yet."""
    return getattr(key, _TYPED_FOR, None)


def mark_typed_for(key: events.Key, screen: Screen[Any]) -> None:
    """Tie a key to what ``screen`` shows now. Keys queue up in widgets while the app
    draws, and one that bubbles up to the app's bindings after its question was replaced
    would otherwise act on the next one (see QuizApp.on_event)."""
    setattr(key, _TYPED_FOR, token_of(screen))


def retyped(event: events.Key, screen: Screen[Any]) -> events.Key:
    """A copy of ``event`` to post again, typed for what ``screen`` shows now."""
    key = events.Key(event.key, event.character)
    mark_typed_for(key, screen)
    return key


def asked_for(widget: Widget) -> object | None:
    """The token of the question an answer input (or a part of one) was set up for."""
    for node in widget.ancestors_with_self:
        token = getattr(node, "question_token", None)
        if token is not None:
            return token
    return None


def outdated(widget: Widget) -> bool:
    """Whether keys reaching ``widget`` are no longer its own: its answer is on its way to
    the screen, its question was answered or replaced, or its screen is no longer shown."""
    if getattr(widget, "answer_in_flight", False):
        return True
    screen = widget.screen
    if getattr(screen, "answered", False) or screen is not widget.app.screen:
        return True
    asked = asked_for(widget)
    return asked is not None and asked is not getattr(screen, "token", None)


def pass_on(event: events.Key, widget: Widget) -> None:
    """A key that reached ``widget`` after it was done with: to what now asks, which gives
    it to its input (see QuestionScreen.on_key). It was typed after the key that moved on
    (a widget handles its keys in order), so it belongs to the question shown now."""
    event.stop()
    event.prevent_default()
    if getattr(widget, "answer_in_flight", False):
        # Behind the answer, for what the screen asks once it has taken it.
        key = events.Key(event.key, event.character)
        hold(key)
        widget.screen.post_message(key)
        return
    ahead = widget.app.screen
    target = ahead.focused if ahead.focused not in (None, widget) else ahead
    key = retyped(event, ahead)
    if target is ahead:
        hold(key)
    target.post_message(key)


def hold(key: events.Key) -> None:
    """Mark a key sent to a screen for its input: the screen may take it only once the
    input has focus, and must still pass it on rather than treat it as its own."""
    setattr(key, _HELD, True)


def is_held(key: events.Key) -> bool:
    return bool(getattr(key, _HELD, False))


async def own_key(widget: Widget, event: events.Key) -> None:
    """Handle a key in the widget's own queue, in the order keys were typed.

    Textual runs a focused widget's bindings only once the key has bubbled back up to the
    app, by which time the keys typed after it may already be in this widget: "2000",
    Enter, "7" then stored 20007. Here a bound key runs its action at once, and a key that
    arrives after the answer was taken goes on to the screen that now asks. Each answer
    input calls this from its ``_on_key`` (a mixin class would hide its Textual type from
    CSS, which follows only first bases)."""
    if outdated(widget):
        pass_on(event, widget)
        return
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        event.stop()
        event.prevent_default()
        await widget.run_action(binding.action)
        return


def give_problem(widget: Widget, text: str) -> None:
    widget.screen.post_message(AnswerProblem(text))


def clear_problem(widget: Widget) -> None:
    """What was missing is there now: the warning goes."""
    give_problem(widget, "")


def _numbered(n: int, text: str, prefix: str = "") -> Any:
    # The number is how the option is picked with a key, so it is part of the label.
    return hanging(prefix + (f"{n}" if n <= 9 else " "), text)


class _InViewOptionList(OptionList):
    """An OptionList that also scrolls the screen's body to its highlighted option: at
    full height the list does not scroll itself, so in a short terminal the cursor could
    move onto options below the fold."""

    async def _on_key(self, event: events.Key) -> None:
        await own_key(self, event)

    def scroll_to_highlight(self, top: bool = False) -> None:
        super().scroll_to_highlight(top)
        index = self.highlighted
        body = next((a for a in self.ancestors if isinstance(a, ScrollableContainer)), None)
        if index is None or body is None or not self.is_mounted:
            return
        # _index_to_line and _heights are OptionList's own line layout (private; there is
        # no public way to ask where an option is drawn).
        line = self._index_to_line.get(index)
        if line is None:
            return
        content = self.content_region
        y = content.y + line - round(self.scroll_offset.y)
        on_screen = Region(content.x, y, content.width, self._heights.get(index, 1))
        inner = body.content_region
        body.scroll_to_region(
            on_screen.translate(
                (round(body.scroll_offset.x) - inner.x, round(body.scroll_offset.y) - inner.y)
            ),
            animate=False,
            immediate=True,
        )


_DIGITS = [
    Binding(str(n), f"pick({n})", "Pick", key_display="1-9", show=n == 1) for n in range(1, 10)
]


class ChoiceInput(_InViewOptionList):
    """One of several: a digit picks and answers at once; arrows and Enter also work."""

    BINDINGS: ClassVar[list[BindingType]] = [*_DIGITS, Binding("enter", "select", "Answer")]
    how = "Pick one: press its number, or move with ↑ ↓ and press Enter."

    def __init__(
        self, options: tuple[str, ...], id: str | None = None, keys: tuple[str, ...] = ()
    ) -> None:
        super().__init__(
            *(
                Option(hanging(keys[n - 1], text) if keys else _numbered(n, text), id=str(n - 1))
                for n, text in enumerate(options, 1)
            ),
            id=id,
            markup=False,
        )
        self.values: list[Any] = list(options)

    def on_mount(self) -> None:
        self.highlighted = 0

    def ask(self, options: tuple[str, ...]) -> None:
        """Show the options of the next question in this same list (faster than a new one)."""
        self.set_options(
            Option(_numbered(n, text), id=str(n - 1)) for n, text in enumerate(options, 1)
        )
        self.values = list(options)
        self.highlighted = 0

    def action_pick(self, number: int) -> None:
        if number <= self.option_count:
            self.highlighted = number - 1
            self.action_select()

    def action_select(self) -> None:
        if self.highlighted is not None:
            give_answer(self, self.values[self.highlighted])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click
        give_answer(self, self.values[event.option_index])


class TrueFalseInput(ChoiceInput):
    """A statement to judge: t or f answers at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "pick(1)", "True"),
        Binding("f", "pick(2)", "False"),
        *[Binding(str(n), f"pick({n})", "Pick", show=False) for n in (1, 2)],
    ]
    how = "Is the statement true? Press t or f (or ↑ ↓ and Enter)."

    def __init__(self, id: str | None = None) -> None:
        super().__init__(("True", "False"), id=id, keys=("t", "f"))
        self.values = [True, False]

    def ask(self, options: tuple[str, ...]) -> None:
        self.highlighted = 0  # always True and False


class MultiInput(_InViewOptionList):
    """Several right choices: space (or a digit) toggles, Enter answers. Picked options
    show [x] and the others [ ], so the state reads without colour."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_highlighted", "Toggle"),
        *[
            Binding(str(n), f"toggle_number({n})", "Toggle", key_display="1-9", show=False)
            for n in range(1, 10)
        ],
        Binding("enter", "submit", "Answer"),
    ]
    how = "Pick every right answer: space or its number toggles, Enter answers."

    def __init__(self, options: tuple[str, ...], id: str | None = None) -> None:
        super().__init__(
            *(Option(self._label(n, text, False)) for n, text in enumerate(options, 1)),
            id=id,
            markup=False,
        )
        self.order = list(options)
        self.picked: set[int] = set()

    @staticmethod
    def _label(n: int, text: str, picked: bool) -> Any:
        return _numbered(n, text, "[x] " if picked else "[ ] ")

    def on_mount(self) -> None:
        self.highlighted = 0

    def action_toggle_highlighted(self) -> None:
        if self.highlighted is not None:
            self.action_toggle_number(self.highlighted + 1)

    def action_toggle_number(self, number: int) -> None:
        index = number - 1
        if index >= len(self.order):
            return
        self.highlighted = index
        self.picked ^= {index}
        self.replace_option_prompt_at_index(
            index, self._label(number, self.order[index], index in self.picked)
        )
        if self.picked:
            clear_problem(self)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter is bound to submit, so only a click gets here: it toggles
        self.action_toggle_number(event.option_index + 1)

    def action_submit(self) -> None:
        if not self.picked:  # Enter before any toggle is a slip, not an answer
            give_problem(self, "Pick at least one answer (space or its number), then press Enter.")
            return
        # In the order shown, so the feedback lists them as the student saw them.
        give_answer(self, [self.order[i] for i in sorted(self.picked)])


class AnswerLine(Input):
    """An Input whose Enter hands the answer over at once (see give_answer)."""

    async def _on_key(self, event: events.Key) -> None:
        await own_key(self, event)

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "submit", "Answer")]

    async def action_submit(self) -> None:
        give_answer(self, self.value)


class TypedInput(Vertical):
    """A typed answer; Enter answers. Empty input is explained, not graded."""

    how = "Type your answer and press Enter."

    def __init__(self, placeholder: str, unit: str | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self._placeholder = placeholder
        self._unit = unit

    def compose(self) -> ComposeResult:
        with Horizontal(classes="typed-row"):
            yield AnswerLine(placeholder=self._placeholder, id="typed")
            if self._unit:
                yield Label(plain(self._unit), classes="unit")

    def focus(self, scroll_visible: bool = True) -> TypedInput:
        self.query_one(Input).focus(scroll_visible)
        return self

    def on_mount(self) -> None:
        # Snapshot tests turn blinking off so every screenshot is the same.
        self.query_one(Input).cursor_blink = getattr(self.app, "blink", True)


class NumericInput(TypedInput):
    """A number; the hint's example is never the question's answer."""

    def __init__(self, question: Numeric, id: str | None = None) -> None:
        plain_digits, commas, short = number_examples(question)
        self.how = f"Type a number and press Enter ({plain_digits}, {commas} and {short} all work)."
        super().__init__(f"a number, e.g. {commas}", question.unit, id=id)


class TextInput(TypedInput):
    how = "Type your answer and press Enter (case and accents do not matter)."

    def __init__(self, id: str | None = None) -> None:
        super().__init__("your answer", id=id)
