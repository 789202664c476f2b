"""The quiz app: screens for home, questions and results over the engine and the store.

``make_app`` builds it for the CLI and the tests alike; everything that varies between
them (clock, seeds, blinking, the set to open) is one of its ``AppOptions``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Collection, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quizzes.catalog import Catalog
from quizzes.engine import MODE_BY_NAME
from quizzes.sets import LoadedSet
from quizzes.store import RunRecord, Store, StoreFull
from quizzes.tui.commands import PlaySetCommands
from quizzes.tui.screens.question import QuestionScreen, clock_text
from quizzes.tui.session import Clock, PlayOptions, Session, SetChoice, due_review
from quizzes.tui.text import clean
from quizzes.tui.widgets.answers import mark_typed_for, token_of, typed_for
from seeds import paths
from seeds.frozen import record
from seeds.problems import ProblemsFound
from seeds.startup import settled

if TYPE_CHECKING:
    from quizzes.tui.screens.dialogs import StartChoice

# Only the question screen is imported up front: the others load when first shown, which
# keeps `quiz play` quick to its first question.


@record
class PlayRequest:
    """Go straight to a set (``quiz play``) instead of waiting on the home screen."""

    choice: SetChoice
    options: PlayOptions


def utc_now() -> datetime:
    return datetime.now(UTC)


def random_seed() -> int:
    return random.SystemRandom().randrange(1, 1_000_000)


@record(kw_only=True)
class AppOptions:
    """What varies between `quiz`, `quiz play`, `quiz review`, a class and the tests."""

    play: PlayRequest | None = None  # straight to this set
    clock: Clock = utc_now
    seeds: Callable[[], int] = random_seed
    monotonic: Callable[[], float] = time.monotonic
    blink: bool = True
    # Headless runs have no keyboard: they stop once the first question is drawn.
    exit_on_first_question: bool = False
    # Why progress cannot be saved (the store is then a copy in memory), or None.
    unsaved: str | None = None
    # Served to a class: ask who is playing first (from the roster when there is one).
    ask_student: bool = False
    roster: tuple[str, ...] | None = None
    # `quiz review`: straight to the due questions (a pack id limits them to it).
    review: str | bool = False


Breakpoints = Iterable[tuple[int, str]]


def breakpoint_classes(
    size: tuple[int, int], horizontal: Breakpoints, vertical: Breakpoints
) -> dict[str, bool]:
    """The classes Textual sets on a screen of ``size`` for these breakpoints: in each
    direction, the one with the largest threshold the size reaches."""
    classes: dict[str, bool] = {}
    for extent, points in zip(size, (list(horizontal), list(vertical)), strict=True):
        classes.update(dict.fromkeys((name for _, name in points), False))
        reached = [point for point in points if extent >= point[0]]
        if reached:
            classes[max(reached)[1]] = True
    return classes


class QuizApp(App[int]):
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses elsewhere find it
    TITLE = "classbrief quiz"
    COMMANDS = App.COMMANDS | {PlaySetCommands}
    # Screens get -narrow / -short below these sizes; the stylesheet drops extras there.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-wide")]  # noqa: RUF012 (Textual types it a list)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("f1", "help", "Help"),
    ]  # shown where an input takes "?"

    def __init__(self, catalog: Catalog, store: Store, options: AppOptions | None = None) -> None:
        super().__init__()
        options = options or AppOptions()
        self.ask_student = options.ask_student
        self.roster = options.roster
        self.review_first = options.review
        self.unsaved = options.unsaved
        self.exit_on_first_question = options.exit_on_first_question
        self.stopped_because = ""  # why a headless run stopped before a question
        self.catalog = catalog
        self.store = store
        store.on_unsaved = self.saving_stopped
        self.play = options.play
        self.clock = options.clock
        self.seeds = options.seeds
        self.now = options.monotonic
        self.blink = options.blink

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        return super().push_screen(self._sized(screen), *args, **kwargs)

    def switch_screen(self, screen: Any) -> Any:
        return super().switch_screen(self._sized(screen))

    def _sized(self, screen: Screen[Any] | str) -> Screen[Any] | str:
        """A new screen with the breakpoint classes its first resize would give it: styled
        once as it mounts, not again at once for those classes (a tenth of the time to
        a question's first frame)."""
        if isinstance(screen, Screen) and not screen.is_mounted:
            screen.update_classes(
                breakpoint_classes(
                    self.size,
                    self.HORIZONTAL_BREAKPOINTS
                    if screen.HORIZONTAL_BREAKPOINTS is None
                    else screen.HORIZONTAL_BREAKPOINTS,
                    self.VERTICAL_BREAKPOINTS
                    if screen.VERTICAL_BREAKPOINTS is None
                    else screen.VERTICAL_BREAKPOINTS,
                ),
                update=False,
            )
        return screen

    async def on_event(self, event: events.Event) -> None:
        """Every key belongs to the question (or other screen) it was typed on. A key that
        comes back up to the app's bindings after that question was replaced (typed on a
        question's feedback, then Enter moved on) was meant for a question no longer
        shown: it is dropped, so it never answers the next one."""
        if isinstance(event, events.Key):
            token = typed_for(event)
            if token is None:
                mark_typed_for(event, self.screen)
            elif token is not token_of(self.screen):
                event.stop()
                return
        await super().on_event(event)

    def on_mount(self) -> None:
        self.call_after_refresh(settled)  # collect garbage once the first frame is up
        if not self.ask_student:
            self.check_saving()
            return

        def named(student: str | None) -> None:
            self.store.student = student or ""
            self.sub_title = student or ""
            self.check_saving()

        from quizzes.tui.screens.student import StudentScreen

        self.push_screen(StudentScreen(self.roster, set(self.store.students())), named)

    def check_saving(self) -> None:
        if self.unsaved is None:
            self.open_first()
            return
        self.sub_title = "not saving progress"

        def decided(play: bool | None) -> None:
            if play:
                self.open_first()
            else:
                self.exit(return_code=1)

        from quizzes.tui.screens.dialogs import UnsavedScreen

        self.push_screen(UnsavedScreen(self.unsaved), decided)

    @property
    def saving_note(self) -> str:
        """What the header says on every screen while nothing is being saved."""
        unsaved = self.unsaved is not None or self.store.unsaved is not None
        return "not saving progress" if unsaved else ""

    def saving_stopped(self, problem: StoreFull) -> None:
        """The disk filled up: the store goes on in memory. Called inside the write that
        failed, so the dialog waits until the screen in hand has done its part."""
        self.call_later(self.ask_after_disk_full, problem)

    def ask_after_disk_full(self, problem: StoreFull) -> None:
        self.sub_title = " · ".join(filter(None, (self.store.student, self.saving_note)))
        lost = problem.lost or "the last change"
        saved_in = problem.path

        def decided(play: bool | None) -> None:
            if not play:
                self.exit(
                    return_code=1,
                    message=f"The disk is full. Your earlier answers are saved in {saved_in}; "
                    "free some space on that disk and play the set again to resume.",
                )

        from quizzes.tui.screens.dialogs import UnsavedScreen

        self.push_screen(
            UnsavedScreen(
                f"Your earlier answers are saved; {lost} could not be saved: the disk is "
                f"full ({saved_in}).",
                title="Progress is no longer saved",
                advice="Free some space on that disk, then play the set again: it resumes "
                "after your last saved answer. You can keep playing now without saving "
                "(answers and scores last until you quit), or quit.",
                play_label="Keep playing without saving",
            ),
            decided,
        )

    def open_first(self) -> None:
        if self.review_first is not False:
            pack = self.review_first if isinstance(self.review_first, str) else None
            if self.review(pack):
                return
        if self.play is not None:
            # Straight to the set; home is built only if the student goes there, which
            # keeps `quiz play` quick to its first question.
            self.begin(self.play)
        else:
            from quizzes.tui.screens.home import HomeScreen

            self.push_screen(HomeScreen())
            self.offer_resume()

    # Starting and resuming ------------------------------------------------------------

    def begin(self, request: PlayRequest) -> None:
        """``quiz play``: resume this set's unfinished run if the student wants, else start."""
        qset = request.choice.loaded.qset
        waiting = [
            r
            for r in self.store.unfinished_runs()
            if r.set_id == qset.id and r.set_ref == request.choice.ref
        ]
        if not waiting or self.exit_on_first_question:
            # Headless runs cannot answer the question: they start anew and leave the
            # unfinished run as it is, as "Start new" does.
            self.start(request.choice, request.options)
            return
        run = waiting[0]

        def decided(answer: str | None) -> None:
            if answer == "resume":
                self.resume(run)
                return
            if answer == "discard":
                self.store.abandon_run(run.id, self.clock())
            self.start(request.choice, request.options)

        from quizzes.tui.screens.dialogs import ResumeScreen

        self.push_screen(
            ResumeScreen(run, len(self.store.answers(run.id)), later_label="Start new"),
            decided,
        )

    def offer_resume(self) -> None:
        """At start-up, offer the most recent unfinished run (a kill or a closed window)."""
        waiting = self.store.unfinished_runs()
        if not waiting:
            return
        run = waiting[0]

        def decided(answer: str | None) -> None:
            if answer == "resume":
                self.resume(run)
            elif answer == "discard":
                self.store.abandon_run(run.id, self.clock())
                self.refresh_home()

        from quizzes.tui.screens.dialogs import ResumeScreen

        self.push_screen(ResumeScreen(run, len(self.store.answers(run.id))), decided)

    def choose(self, loaded: LoadedSet) -> None:
        """A set was picked on the home screen or in the palette: ask how to play it."""
        stats = self.store.stats().get(loaded.qset.id)
        unfinished = stats.unfinished if stats else None

        def decided(choice: StartChoice | None) -> None:
            if choice is None:
                return
            if choice.mode == "resume" and unfinished is not None:
                self.resume(unfinished)
                return
            if unfinished is not None:
                # The student saw Resume and chose a fresh start instead.
                self.store.abandon_run(unfinished.id, self.clock())
            mode = MODE_BY_NAME.get(choice.mode, "practice")
            options = PlayOptions(mode, self.seeds(), choice.count, time_limit=choice.time_limit)
            self.start(SetChoice.of(loaded, self.catalog), options)

        from quizzes.tui.screens.dialogs import StartScreen

        self.push_screen(StartScreen(loaded, unfinished), decided)

    def start(self, choice: SetChoice, options: PlayOptions) -> None:
        session = Session.start(choice, options, self.store, self.clock)
        if not session.items:
            session.abandon()
            self.notify(
                "No questions to play with those options.", severity="warning", markup=False
            )
            return
        self.show_first(session)

    def review(self, pack_id: str | None = None) -> bool:
        """Play the questions due for review, the most overdue set first; False (and a
        note) when nothing is due."""
        due = due_review(self.store, self.catalog, self.clock(), pack_id)
        if due is None:
            self.notify("Nothing is due for review.", markup=False)
            return False
        choice, ids = due
        self.start(choice, PlayOptions("practice", self.seeds(), only=ids))
        return True

    def due_count(self) -> int:
        return len(self.store.cards(due_by=self.clock()))

    def has_cards(self) -> bool:
        return bool(self.store.cards())

    def resume(self, run: RunRecord) -> None:
        try:
            loaded = self.catalog.find_set(run.set_ref)
        except ProblemsFound as found:
            why = found.problems[0].message if found.problems else "the set cannot be loaded"
            self.notify(
                clean(f"Cannot resume “{run.set_title}”: {why}. `quiz check` shows the details."),
                severity="error",
                markup=False,
                timeout=10,
            )
            return
        session = Session.resume(
            run,
            SetChoice(loaded, self.catalog.pack_for(loaded).pack, run.set_ref),
            self.store,
            self.clock,
        )
        self.show_first(session)

    def show_first(self, session: Session) -> None:
        self.clear_stack()
        limit = session.time_limit_seconds
        session.deadline = None if limit is None else self.now() + limit
        if session.current is not None and (limit is None or limit > 0):
            self.push_screen(QuestionScreen(session))
            if session.kept_clock and limit is not None:
                self.notify(
                    f"Starting again does not restart an exam's clock: {clock_text(limit)} "
                    "left of the time since you first started it.",
                    markup=False,
                    timeout=8,
                )
            return
        if self.exit_on_first_question:  # no question to stop at: the run stays unfinished
            self.stopped_because = "the exam's time has run out: there is no question to show"
            self.exit(return_code=1)
            return
        from quizzes.tui.screens.results import ResultsScreen

        late = session.current is not None  # resumed after the exam's deadline
        session.finish()
        self.push_screen(ResultsScreen(session, notice=_time_up(session) if late else ""))

    # Moving through a run --------------------------------------------------------------

    def advance(self, session: Session) -> None:
        screen = self.screen
        if session.current is not None:
            if isinstance(screen, QuestionScreen) and screen.session is session:
                screen.show_next()  # in place: a new screen per question cost a frame's time
            else:
                self.switch_screen(QuestionScreen(session))
            return
        from quizzes.tui.screens.results import ResultsScreen

        session.finish()
        self.switch_screen(ResultsScreen(session))

    def time_up(self, session: Session) -> None:
        from quizzes.tui.screens.results import ResultsScreen

        session.finish()
        self.switch_screen(ResultsScreen(session, notice=_time_up(session)))

    def play_again(self, session: Session, only: Collection[str] | None = None) -> None:
        again = session.again(self.seeds(), only)
        limit = again.time_limit_seconds
        again.deadline = None if limit is None else self.now() + limit
        self.switch_screen(QuestionScreen(again))

    def leave(self, session: Session) -> None:
        if not session.answered:
            session.abandon()  # nothing to resume
            self.go_home()
            return
        self.go_home()
        if self.saving_note:
            self.notify(
                f"{session.answered} of {len(session.items)} answered, but not saved: "
                "progress is not being saved now. Pick the set again to go on.",
                severity="warning",
                markup=False,
            )
            return
        self.notify(
            f"Saved: {session.answered} of {len(session.items)} answered. Pick the "
            "set again to resume it.",
            markup=False,
        )

    def clear_stack(self) -> None:
        """Back to Textual's default screen, or to home when it was built."""
        while len(self.screen_stack) > 1 and not self.home_shown():
            self.pop_screen()

    def home_shown(self) -> bool:
        from quizzes.tui.screens.home import HomeScreen

        return isinstance(self.screen, HomeScreen)

    def go_home(self) -> None:
        self.clear_stack()
        if self.home_shown():
            self.refresh_home()
        else:
            from quizzes.tui.screens.home import HomeScreen

            self.push_screen(HomeScreen())

    def reload_catalog(self) -> None:
        self.catalog = Catalog.load(self.catalog.root)
        _ = self.catalog.sets  # reading the set files is what collects their problems
        if self.catalog.problems:
            self.notify(
                f"{len(self.catalog.problems)} problem(s) in packs or sets: those "
                "were left out. Run `quiz check` to see them.",
                severity="warning",
                markup=False,
            )

    def refresh_home(self) -> None:
        from quizzes.tui.screens.home import HomeScreen

        home = next((s for s in self.screen_stack if isinstance(s, HomeScreen)), None)
        if home is not None and home.is_mounted:
            home.fill()

    # App-wide ---------------------------------------------------------------------------

    def action_help(self) -> None:
        from quizzes.tui.screens.dialogs import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Home", "Back to the list of sets (runs are saved)", self.go_home)
        yield SystemCommand("Help", "The keys for every screen and question type", self.action_help)


def _time_up(session: Session) -> str:
    left = len(session.items) - session.answered
    return (
        "Time is up."
        + (f" {left} question{'s' if left != 1 else ''} not answered." if left else "")
        + (
            " The clock ran from your first start of this exam: starting again does not restart it."
            if session.kept_clock
            else ""
        )
    )


def make_app(
    root: Path, *, store: Store | None = None, catalog: Catalog | None = None, **options: Any
) -> QuizApp:
    """The app over the data folder ``root``; raises StoreError if progress cannot be kept.
    ``options`` are the fields of :class:`AppOptions`; ``unsaved`` says why the store
    given is an unsaved copy (the app asks first)."""
    catalog = catalog if catalog is not None else Catalog.load(root)
    store = store if store is not None else Store.open(paths.progress_db(root))
    return QuizApp(catalog, store, AppOptions(**options))
