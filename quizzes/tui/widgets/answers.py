"""Inputs for the question types with a list or a typed answer: choice, multi, true/false,
numeric and text. Each posts AnswerGiven with the answer in the shape grading takes."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from quizzes.tui.text import hanging, plain


class AnswerGiven(Message):
    """The student submitted an answer (not yet graded: it may still be invalid)."""

    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value


class AnswerIncomplete(Message):
    """The student pressed Enter before the answer was complete; say what is missing."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


def _numbered(n: int, text: str, prefix: str = "") -> Any:
    # The number is how the option is picked with a key, so it is part of the label.
    return hanging(prefix + (f"{n}" if n <= 9 else " "), text)


_DIGITS = [Binding(str(n), f"pick({n})", "Pick", key_display="1-9", show=n == 1)
           for n in range(1, 10)]


class ChoiceInput(OptionList):
    """One of several: a digit picks and answers at once; arrows and Enter also work."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *_DIGITS, Binding("enter", "select", "Answer")]
    how = "Pick one: press its number, or move with ↑ ↓ and press Enter."

    def __init__(self, options: tuple[str, ...], id: str | None = None,
                 keys: tuple[str, ...] = ()) -> None:
        super().__init__(*(Option(hanging(keys[n - 1], text) if keys else _numbered(n, text),
                                  id=str(n - 1))
                           for n, text in enumerate(options, 1)), id=id, markup=False)
        self.values: list[Any] = list(options)

    def on_mount(self) -> None:
        self.highlighted = 0

    def action_pick(self, number: int) -> None:
        if number <= self.option_count:
            self.highlighted = number - 1
            self.action_select()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(AnswerGiven(self.values[event.option_index]))


class TrueFalseInput(ChoiceInput):
    """A statement to judge: t or f answers at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "pick(1)", "True"), Binding("f", "pick(2)", "False"),
        *[Binding(str(n), f"pick({n})", "Pick", show=False) for n in (1, 2)]]
    how = "Is the statement true? Press t or f (or ↑ ↓ and Enter)."

    def __init__(self, id: str | None = None) -> None:
        super().__init__(("True", "False"), id=id, keys=("t", "f"))
        self.values = [True, False]


class MultiInput(OptionList):
    """Several right choices: space (or a digit) toggles, Enter answers. Picked options
    show [x] and the others [ ], so the state reads without colour."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle", "Toggle"),
        *[Binding(str(n), f"toggle_number({n})", "Toggle", key_display="1-9",
                  show=False) for n in range(1, 10)],
        Binding("enter", "submit", "Answer")]
    how = "Pick every right answer: space or its number toggles, Enter answers."

    def __init__(self, options: tuple[str, ...], id: str | None = None) -> None:
        super().__init__(*(Option(self._label(n, text, False))
                           for n, text in enumerate(options, 1)), id=id, markup=False)
        self.order = list(options)
        self.picked: set[int] = set()

    @staticmethod
    def _label(n: int, text: str, picked: bool) -> Any:
        return _numbered(n, text, "[x] " if picked else "[ ] ")

    def on_mount(self) -> None:
        self.highlighted = 0

    def action_toggle(self) -> None:
        if self.highlighted is not None:
            self.action_toggle_number(self.highlighted + 1)

    def action_toggle_number(self, number: int) -> None:
        index = number - 1
        if index >= len(self.order):
            return
        self.highlighted = index
        self.picked ^= {index}
        self.replace_option_prompt_at_index(
            index, self._label(number, self.order[index], index in self.picked))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter is bound to submit, so only a click gets here: it toggles
        self.action_toggle_number(event.option_index + 1)

    def action_submit(self) -> None:
        # In the order shown, so the feedback lists them as the student saw them.
        self.post_message(AnswerGiven([self.order[i] for i in sorted(self.picked)]))


class TypedInput(Vertical):
    """An Input line; Enter answers. Empty input is explained, not graded."""

    how = "Type your answer and press Enter."

    def __init__(self, placeholder: str, unit: str | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self._placeholder = placeholder
        self._unit = unit

    def compose(self) -> ComposeResult:
        with Horizontal(classes="typed-row"):
            yield Input(placeholder=self._placeholder, id="typed")
            if self._unit:
                yield Label(plain(self._unit), classes="unit")

    def focus(self, scroll_visible: bool = True) -> TypedInput:
        self.query_one(Input).focus(scroll_visible)
        return self

    def on_mount(self) -> None:
        # Snapshot tests turn blinking off so every screenshot is the same.
        self.query_one(Input).cursor_blink = getattr(self.app, "blink", True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(AnswerGiven(event.value))


class NumericInput(TypedInput):
    how = "Type a number and press Enter (5000, 5,000 and 5k all work)."

    def __init__(self, unit: str | None = None, id: str | None = None) -> None:
        super().__init__("a number, e.g. 5,000", unit, id=id)


class TextInput(TypedInput):
    how = "Type your answer and press Enter (case and accents do not matter)."

    def __init__(self, id: str | None = None) -> None:
        super().__init__("your answer", id=id)
