"""The home screen: every pack with its sets (bundled, user folder, automatic), each with
its question count and the student's history from the store."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from quizzes.store import SetStats
from quizzes.tui.text import join, percent, plain
from quizzes.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from quizzes.sets import LoadedSet
    from quizzes.tui.app import QuizApp

ORIGINS = {"bundled": "bundled", "user": "your folder", "automatic": "automatic", "path": "file"}


def history(stats: SetStats | None) -> str:
    if stats is None or (not stats.plays and stats.unfinished is None):
        return "not played yet"
    parts = []
    if stats.plays:
        parts.append(f"best {percent(stats.best or 0)}")
        parts.append(f"last {percent(stats.last or 0)}")
        parts.append(f"missed {stats.missed_last} last time")
    if stats.unfinished is not None:
        retry = " retry" if stats.unfinished.is_retry else ""
        parts.append(
            f"unfinished{retry}: {stats.answered_unfinished} of "
            f"{stats.unfinished.questions} answered"
        )
    return " · ".join(parts)


def set_entry(loaded: LoadedSet, stats: SetStats | None) -> Content:
    count = len(loaded.qset.questions)
    details = (
        f"{count} question{'s' if count != 1 else ''} · "
        f"{ORIGINS.get(loaded.origin, loaded.origin)} · {history(stats)}"
    )
    return join(plain(loaded.qset.title, "bold"), "\n", plain(details, "dim"))


class SetList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Play")]


class HomeScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("r", "refresh", "Reload sets")]
    app: QuizApp

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            plain(
                "Choose a set to play: ↑ ↓ and Enter. Your scores are kept "
                "between sessions.\nFor Moodle, Canvas, Anki or Kahoot, run: "
                "quiz export SET --format FORMAT"
            ),
            id="home-intro",
            markup=False,
        )
        yield SetList(id="sets", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Quiz sets"
        self.sub_title = self.app.saving_note
        self.fill()
        self.query_one("#sets").focus()
        if self.app.catalog.problems:
            count = len(self.app.catalog.problems)
            self.notify(
                f"{count} problem(s) in packs or sets: those were left out. Run "
                "`quiz check` to see them.",
                severity="warning",
                markup=False,
            )

    def on_screen_resume(self) -> None:
        self.fill()

    def fill(self) -> None:
        """(Re)build the list, keeping the highlighted set where it was."""
        sets = self.query_one("#sets", OptionList)
        previous = sets.highlighted_option.id if sets.highlighted_option else None
        stats = self.app.store.stats()
        options: list[Option | None] = []
        if self.app.has_cards():
            due = self.app.due_count()
            options += [
                Option(
                    join(
                        plain(f"Review ({due} due)", "bold"),
                        "\n",
                        plain(
                            "the questions you are due to see again, most overdue first"
                            if due
                            else "nothing due now: come back tomorrow",
                            "dim",
                        ),
                    ),
                    id="review",
                    disabled=not due,
                ),
                None,
            ]
        catalog = self.app.catalog
        for pack_id, loaded_pack in sorted(catalog.packs.items()):
            if options:
                options.append(None)
            options.append(Option(plain(loaded_pack.pack.title, "bold"), disabled=True))
            for index, loaded in enumerate(catalog.sets_for(pack_id)):
                options.append(None)  # a rule between sets: two-line entries read apart
                options.append(
                    Option(set_entry(loaded, stats.get(loaded.qset.id)), id=f"{pack_id}/{index}")
                )
        if not catalog.packs:
            options.append(
                Option(
                    plain("No packs found. Add one to your data folder's packs/ folder."),
                    disabled=True,
                )
            )
        sets.clear_options()
        sets.add_options(options)
        ids = [o.id for o in options if o is not None and o.id]
        target = previous if previous in ids else (ids[0] if ids else None)
        if target is not None:
            sets.highlighted = sets.get_option_index(target)

    def action_refresh(self) -> None:
        """Read packs and sets again: a set saved while the app is open shows up."""
        self.app.reload_catalog()
        self.fill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not event.option_id:
            return
        if event.option_id == "review":
            self.app.review()
            return
        pack_id, index = event.option_id.rsplit("/", 1)
        loaded = self.app.catalog.sets_for(pack_id)[int(index)]
        self.app.choose(loaded)
