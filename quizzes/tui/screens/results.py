"""The end of a run: score, a breakdown by kind of fact, the missed questions explained,
and what to do next (retry the missed ones, a new round, home)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, Static

from quizzes.tui.text import join, number, percent, plain
from quizzes.tui.widgets.feedback import Explanation, grade_rows, unanswered_rows, verdict
from quizzes.tui.widgets.keybar import KeyBar
from seeds.model import KIND_TITLES

if TYPE_CHECKING:
    from quizzes.tui.app import QuizApp
    from quizzes.tui.session import Session


def score_line(session: Session) -> Content:
    tally = session.tally
    possible = session.possible
    share = float(tally.score / possible * 100) if possible else 0.0
    return join(
        (f"Score {number(tally.score)} of {number(possible)} points  ({percent(share)})", "bold"),
        f"  ·  {tally.correct} of {len(session.items)} questions right",
    )


def by_kind(session: Session) -> Content:
    """One line per kind of fact, aligned; the numbers say it, the bar only repeats them."""
    lines = [plain("By kind of fact", "bold")]
    for kind, tally in session.summary().by_kind.items():
        title = KIND_TITLES.get(kind, "Other")
        share = tally.percent
        bar = "█" * round(share / 10) + "░" * (10 - round(share / 10))
        right = f"{tally.correct} of {tally.answered} right"
        lines.append(plain(f"  {title:<10} {right:<15} {bar} {percent(share):>4}"))
    return Content("\n").join(lines)


class ResultsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Retry missed"),
        Binding("n", "new_round", "New round"),
        Binding("h", "home", "Home"),
        Binding("escape", "home", "Home", show=False),
    ]
    app: QuizApp

    def __init__(self, session: Session, notice: str = "") -> None:
        super().__init__()
        self.session = session
        self.notice = notice
        self.missed = session.missed()

    def compose(self) -> ComposeResult:
        session = self.session
        yield Header()
        with VerticalScroll(id="results"):
            yield Static(plain(session.run.title, "bold"), id="set-title", markup=False)
            if self.notice:
                yield Static(plain(self.notice, "bold"), id="notice", markup=False)
            yield Static(score_line(session), id="score", markup=False)
            with Horizontal(id="actions"):
                yield Button(
                    plain(f"Retry missed ({len(self.missed)})"),
                    id="retry",
                    variant="primary",
                    disabled=not self.missed,
                )
                yield Button(plain("New round"), id="new-round")
                yield Button(plain("Home"), id="home")
            if session.grades:
                yield Static(by_kind(session), id="by-kind", markup=False)
            heading = (
                f"Missed questions ({len(self.missed)})"
                if self.missed
                else "Nothing missed: every answer was right."
            )
            yield Static(plain(heading, "bold"), id="missed-heading", markup=False)
            for qid in self.missed:
                item = session.run.item(qid)
                grade = session.grades.get(qid)
                symbol, words, css = verdict(grade)
                rows = grade_rows(grade) if grade else unanswered_rows(item, session.choice.pack)
                yield Explanation(
                    f"{symbol} {words}: {item.question.prompt}", rows, classes=f"missed {css}"
                )
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Results"
        mode = "Exam" if self.session.options.mode == "exam" else "Practice"
        self.sub_title = " · ".join(filter(None, (mode, self.app.saving_note)))
        # The list has the focus, not a button: an extra Enter after the last answer
        # must not skip the results. ↑ ↓ scroll; r, n, h (or Tab to a button) act.
        self.query_one("#results").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "retry": self.action_retry,
            "new-round": self.action_new_round,
            "home": self.action_home,
        }
        actions[event.button.id or ""]()

    def action_retry(self) -> None:
        if self.missed:
            self.app.play_again(self.session, only=self.missed)
        else:
            self.notify("Nothing to retry: every answer was right.", markup=False)

    def action_new_round(self) -> None:
        self.app.play_again(self.session)

    def action_home(self) -> None:
        self.app.go_home()
