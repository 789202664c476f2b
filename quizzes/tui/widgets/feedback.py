"""What the student reads after answering (practice) and on the results screen:
right or not in words and a symbol (never colour alone), the answer, the reason, the source."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from quizzes.engine import RunItem
from quizzes.grading import Grade, expected_text
from quizzes.tui.text import clean
from seeds.model import Pack

CORRECT, WRONG, PARTLY, SKIPPED = "✓", "✗", "◐", "–"


def verdict(grade: Grade | None) -> tuple[str, str, str]:
    """(symbol, words, css class) for a grade; None is a question never answered."""
    if grade is None:
        return SKIPPED, "Not answered", "-skipped"
    if grade.correct:
        return CORRECT, "Correct", "-correct"
    if grade.score > 0:
        return PARTLY, f"Partly correct ({grade.fraction:.0%})", "-partial"
    return WRONG, "Not correct", "-wrong"


def explained(grade: Grade, *, heading: str | None = None) -> RenderableType:
    """An optional heading, then the answers, the explanation and the quoted source, each
    under a label with wrapped lines kept clear of it. All of it literal text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    grid.add_row("Your answer:", Text(clean(grade.given)))
    if not grade.correct:
        grid.add_row("The answer:", Text(clean(grade.expected)))
    if grade.explanation:
        grid.add_row("Why:", Text(clean(grade.explanation)))
    if grade.quote:
        grid.add_row("Source:", Text(f"“{clean(grade.quote)}”", style="italic"))
    if grade.citation:
        grid.add_row("" if grade.quote else "Source:", Text(clean(grade.citation),
                                                          style="dim"))
    if heading is None:
        return grid
    return Group(Text(clean(heading), style="bold"), grid)


def unanswered(item: RunItem, pack: Pack, heading: str) -> RenderableType:
    """A question never answered: still show the answer and why, to learn from."""
    q = item.question
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    grid.add_row("The answer:", Text(clean(expected_text(q))))
    why = q.explanation or (item.fact.statement if item.fact else "")
    if why:
        grid.add_row("Why:", Text(clean(why)))
    grid.add_row("Source:", Text(clean(pack.citation()), style="dim"))
    return Group(Text(clean(heading), style="bold"), grid)


class Feedback(Static):
    """The practice-mode panel under a question once it is answered."""

    def show(self, grade: Grade) -> None:
        _, _, css = verdict(grade)
        self.remove_class("-correct", "-wrong", "-partial", "-skipped")
        self.add_class(css)
        symbol, words, _ = verdict(grade)
        self.update(explained(grade, heading=f"{symbol} {words}"))
