"""Small modal screens: start a set, resume an unfinished run, the help on keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from quizzes.tui.text import join, plain
from quizzes.tui.widgets.keybar import KeyBar
from seeds.frozen import record

if TYPE_CHECKING:
    from quizzes.sets import LoadedSet
    from quizzes.store import RunRecord


@record
class StartChoice:
    mode: Literal["practice", "exam", "resume"]
    count: int | None = None
    time_limit: float | None = None


def _positive(
    text: str, kind: type[int] | type[float], most: float = 100_000
) -> int | float | None:
    """A count or minutes typed in the dialog; blank, nan, 0 or less or above ``most``
    (a typo such as 1e308 minutes) is None, as if left blank."""
    try:
        value = kind(text.strip())
    except (ValueError, OverflowError):
        return None
    return value if 0 < value <= most else None


class StartScreen(ModalScreen[StartChoice | None]):
    """Practice or exam, how many questions, an optional time limit; or resume."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel"),
        Binding("p", "start('practice')", "Practice"),
        Binding("e", "start('exam')", "Exam"),
    ]

    def __init__(self, loaded: LoadedSet, unfinished: RunRecord | None) -> None:
        super().__init__()
        self.loaded = loaded
        self.unfinished = unfinished

    def compose(self) -> ComposeResult:
        qset = self.loaded.qset
        with Vertical(classes="dialog"):
            yield Static(plain(qset.title, "bold"), classes="dialog-title", markup=False)
            if qset.description:
                yield Static(plain(qset.description), classes="dialog-text", markup=False)
            yield Static(
                plain(
                    f"{len(qset.questions)} questions. Practice shows the answer "
                    "after each question; an exam shows everything at the end."
                ),
                classes="dialog-text",
                markup=False,
            )
            with Horizontal(classes="fields"):
                yield Label(plain("Questions (blank: all)"))
                yield Input(
                    placeholder="all", type="integer", id="count", compact=True, valid_empty=True
                )
                yield Label(plain("Exam minutes (blank: none)"))
                yield Input(
                    placeholder="none", type="number", id="minutes", compact=True, valid_empty=True
                )
            with Horizontal(classes="buttons"):
                if self.unfinished is not None:
                    yield Button(plain("Resume"), id="resume", variant="success")
                yield Button(plain("Practice"), id="practice", variant="primary")
                yield Button(plain("Exam"), id="exam")
                yield Button(plain("Cancel"), id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#resume" if self.unfinished else "#practice", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cancel":
            self.dismiss(None)
        else:
            self.action_start(event.button.id or "practice")

    def action_start(self, mode: str) -> None:
        if mode == "resume":
            self.dismiss(StartChoice("resume"))
            return
        count = _positive(self.query_one("#count", Input).value, int)
        minutes = _positive(self.query_one("#minutes", Input).value, float, 24 * 60)
        self.dismiss(
            StartChoice(
                "exam" if mode == "exam" else "practice",
                int(count) if count else None,
                float(minutes) if minutes and mode == "exam" else None,
            )
        )


ResumeAnswer = Literal["resume", "discard", "later"]


class ResumeScreen(ModalScreen[ResumeAnswer]):
    """An unfinished run was found: resume it where it stopped, drop it, or decide later."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss('later')", "Later"),
        Binding("r", "dismiss('resume')", "Resume"),
        Binding("d", "dismiss('discard')", "Discard"),
    ]

    def __init__(self, record: RunRecord, answered: int, *, later_label: str = "Not now"):
        super().__init__()
        self.record = record
        self.answered = answered
        self.later_label = later_label

    def compose(self) -> ComposeResult:
        record = self.record
        with Vertical(classes="dialog"):
            yield Static(plain("Unfinished run", "bold"), classes="dialog-title", markup=False)
            yield Static(
                join(
                    plain(record.set_title, "bold"),
                    "\n",
                    plain(
                        f"{record.mode.capitalize()}: {self.answered} of "
                        f"{record.questions} questions answered, started "
                        f"{record.started.astimezone():%d %b %Y %H:%M}."
                    ),
                ),
                classes="dialog-text",
                markup=False,
            )
            yield Static(
                plain("Resume it where you stopped? Your answers so far are saved."),
                classes="dialog-text",
                markup=False,
            )
            if record.mode == "exam" and record.deadline is not None:
                yield Static(
                    plain(
                        "Discarding it does not restart its clock: the exam started "
                        f"again ends when this one does ({record.deadline.astimezone():%H:%M})."
                    ),
                    classes="dialog-text",
                    markup=False,
                )
            with Horizontal(classes="buttons"):
                yield Button(plain("Resume"), id="resume", variant="primary")
                yield Button(plain("Discard"), id="discard", variant="error")
                yield Button(plain(self.later_label), id="later")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id)  # type: ignore[arg-type]


class UnsavedScreen(ModalScreen[bool]):
    """The progress database cannot be written: play without saving, or quit to fix it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(False)", "Quit"),
        Binding("q", "dismiss(False)", "Quit", show=False),
        Binding("p", "dismiss(True)", "Play without saving"),
    ]

    def __init__(
        self,
        problem: str,
        *,
        title: str = "Progress cannot be saved",
        advice: str = (
            "You can play without saving: answers and scores last until you quit. Or quit, "
            "fix it as said above, and start again."
        ),
        play_label: str = "Play without saving",
    ) -> None:
        super().__init__()
        self.problem = problem
        self.title_text = title
        self.advice = advice
        self.play_label = play_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.title_text, "bold"), classes="dialog-title", markup=False)
            yield Static(plain(self.problem), classes="dialog-text", markup=False)
            yield Static(plain(self.advice), classes="dialog-text", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(plain(self.play_label), id="play", variant="warning")
                yield Button(plain("Quit"), id="quit")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#play", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "play")


HELP = [
    (
        "Anywhere",
        [
            ("? or F1", "this help"),
            ("ctrl+p", "command palette: play a set, go home, change the theme"),
            ("ctrl+q", "quit (every answer is already saved)"),
        ],
    ),
    ("Home", [("↑ ↓, Enter", "choose a set, then Practice (p) or Exam (e)")]),
    (
        "Questions",
        [
            ("Escape", "back home; the run is saved and can be resumed"),
            ("Choice", "1–9 picks and answers; or ↑ ↓ and Enter"),
            ("Several answers", "space or 1–9 toggles; Enter answers"),
            ("True / false", "t or f"),
            ("Number", "type it, Enter: digits; commas, k, million, billion work"),
            ("Text", "type it and press Enter; case and accents do not matter"),
            ("Match", "↑ ↓ row; ← → or 1–9 picks its partner (the row stays); Enter answers"),
            ("Order", "↑ ↓ item; u / d (or ctrl+↑ ↓) moves it; Enter answers"),
            ("Practice", "after an answer, Enter or n goes to the next question"),
        ],
    ),
    (
        "Results",
        [("r", "retry the missed questions"), ("n", "a new round, new order"), ("h", "home")],
    ),
]


def help_block(title: str, rows: list[tuple[str, str]]) -> Group:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    for key, what in rows:
        grid.add_row(key, what)
    return Group(Text(title, style="bold underline"), grid)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("f1", "dismiss", "Close", show=False),
        Binding("enter", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Static(plain("Keys", "bold"), classes="dialog-title", markup=False)
            with VerticalScroll(id="help-keys"):
                for title, rows in HELP:
                    yield Static(help_block(title, rows), classes="help-block", markup=False)
            yield Button(plain("Close"), id="close", variant="primary")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#help-keys").focus()  # ↑ ↓ and page keys scroll at once

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()
