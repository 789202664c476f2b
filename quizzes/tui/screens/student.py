"""Who is playing: a served class asks each browser tab for the student's name (typed, or
picked from the teacher's roster) before anything else, so every run and answer is theirs."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from quizzes.classroom.students import clean_name, next_free
from quizzes.tui.text import plain
from quizzes.tui.widgets.keybar import KeyBar


class StudentScreen(Screen[str]):
    """Returns the name runs are recorded under."""

    def __init__(self, roster: tuple[str, ...] | None, taken: set[str]) -> None:
        super().__init__()
        self.roster = roster
        self.taken = taken

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="student"):
            yield Static(plain("Who is playing?", "bold"), classes="dialog-title", markup=False)
            if self.roster:
                yield Static(
                    plain("Pick your name: ↑ ↓ and Enter."), classes="dialog-text", markup=False
                )
                yield OptionList(
                    *[Option(plain(n), id=str(i)) for i, n in enumerate(self.roster)],
                    id="roster",
                    markup=False,
                )
            else:
                yield Static(
                    plain(
                        "Type your name and press Enter. Your answers are saved "
                        "under it for your teacher."
                    ),
                    classes="dialog-text",
                    markup=False,
                )
                yield Input(placeholder="First Last", id="name", max_length=80)
                yield Static("", id="name-problem", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "classbrief quiz"
        self.sub_title = "who is playing?"
        self.query_one("#roster" if self.roster else "#name").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        assert self.roster is not None
        self.dismiss(self.roster[int(event.option_id or 0)])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = clean_name(event.value)
        if name is None:
            self.query_one("#name-problem", Static).update(
                plain("! Type your name first, then press Enter.", "bold")
            )
            return
        if name not in self.taken:
            self.dismiss(name)
            return

        def decided(same: bool | None) -> None:
            if same is None:
                return
            self.dismiss(name if same else next_free(name, self.taken))

        self.app.push_screen(SameNameScreen(name, next_free(name, self.taken)), decided)


class SameNameScreen(ModalScreen[bool | None]):
    """A name someone has played under already: the same student, or another of one name."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Back")]

    def __init__(self, name: str, other: str) -> None:
        super().__init__()
        self.student = name
        self.other = other

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                plain(f"Someone named {self.student} has played here already.", "bold"),
                classes="dialog-title",
                markup=False,
            )
            yield Static(
                plain(
                    f"Is that you? If not, you play as “{self.other}”, so your answers stay apart."
                ),
                classes="dialog-text",
                markup=False,
            )
            with Horizontal(classes="buttons"):
                yield Button(plain(f"Yes, I am {self.student}"), id="same", variant="primary")
                yield Button(plain(f"No: play as {self.other}"), id="other")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#same", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "same")
