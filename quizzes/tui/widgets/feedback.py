"""What the student reads after answering (practice) and on the results screen: right or
not in words and a symbol (never colour alone), the answer, the reason, the source."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from quizzes.engine import RunItem
from quizzes.grading import Grade, expected_text
from quizzes.tui.text import clean, wrap_cells
from seeds.model import Pack

CORRECT, WRONG, PARTLY, SKIPPED = "✓", "✗", "◐", "–"
LABEL_WIDTH = 13  # "Your answer: "

Row = tuple[str, str, str]  # label, text, style of the text


def verdict(grade: Grade | None) -> tuple[str, str, str]:
    """(symbol, words, css class) for a grade; None is a question never answered."""
    if grade is None:
        return SKIPPED, "Not answered", "-skipped"
    if grade.correct:
        return CORRECT, "Correct", "-correct"
    if grade.score > 0:
        return PARTLY, f"Partly correct ({grade.fraction:.0%})", "-partial"
    return WRONG, "Not correct", "-wrong"


def grade_rows(grade: Grade) -> list[Row]:
    rows = [("Your answer:", grade.given, "")]
    if not grade.correct:
        rows.append(("The answer:", grade.expected, ""))
    if grade.explanation:
        rows.append(("Why:", grade.explanation, ""))
    if grade.quote:
        said = f" — {grade.quote_by}" if grade.quote_by else ""
        rows.append(("Source:", f"“{grade.quote}”{said}", "italic"))
    if grade.citation:
        rows.append(("" if grade.quote else "Source:", grade.citation, "dim"))
    return rows


def unanswered_rows(item: RunItem, pack: Pack) -> list[Row]:
    """A question never answered: still the answer and why, to learn from."""
    q = item.question
    rows = [("The answer:", expected_text(q), "")]
    why = q.explanation or (item.fact.statement if item.fact else "")
    if why:
        rows.append(("Why:", why, ""))
    rows.append(("Source:", pack.citation(), "dim"))
    return rows


class Explanation(Widget):
    """A bold heading, then labelled rows whose wrapped lines stay clear of the labels.

    Lines are wrapped here, for the width at hand, into plain Content: a rich table did
    the same but cost a third of the time from an answer to its feedback."""

    def __init__(
        self,
        heading: str = "",
        rows: list[Row] | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.heading = heading
        self.rows = rows or []
        self._cache: tuple[int, Content, int] | None = None

    def set(self, heading: str, rows: list[Row]) -> None:
        self.heading, self.rows, self._cache = heading, rows, None
        self.refresh(layout=True)

    def lines(self, width: int) -> tuple[Content, int]:
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1], self._cache[2]
        room = max(width - LABEL_WIDTH, 12)
        lines = [
            Content(line).stylize("bold")
            for line in wrap_cells(clean(self.heading), max(width, 12))
        ]
        for label, text, style in self.rows:
            wrapped = wrap_cells(clean(text), room) or [""]
            for n, line in enumerate(wrapped):
                lines.append(
                    Content.assemble(
                        ((label if n == 0 else "").ljust(LABEL_WIDTH), "bold"), (line, style)
                    )
                )
        content = Content("\n").join(lines)
        self._cache = (width, content, len(lines))
        return content, len(lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.lines(width)[1]

    def render(self) -> Content:
        return self.lines(self.content_size.width)[0]


class Feedback(Explanation):
    """The practice-mode panel under a question, filled in once it is answered."""

    def show(self, grade: Grade) -> None:
        symbol, words, css = verdict(grade)
        if not self.has_class(css):  # each change of classes restyles the widget
            self.remove_class("-correct", "-wrong", "-partial", "-skipped")
            self.add_class(css)
        self.set(f"{symbol} {words}", grade_rows(grade))
