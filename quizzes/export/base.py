"""What every export format shares: the sets going out, the result, feedback built from the
pack, stable identifiers, the grade fractions LMSs accept, and limitation notes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from quizzes.errors import QuizError
from quizzes.model import Multi, Numeric, Question, QuestionSet
from seeds.frozen import record
from seeds.model import Fact, Pack


class ExportError(QuizError, ValueError):
    """Nothing of the sets fits the format; the message says why."""


@record
class SetToExport:
    qset: QuestionSet
    pack: Pack | None = None

    @cached_property
    def facts(self) -> dict[str, Fact]:
        return self.pack.facts() if self.pack else {}

    @cached_property
    def citation(self) -> str:
        return f"Source: {self.pack.citation()}" if self.pack else ""

    def fact(self, question: Question) -> Fact | None:
        return self.facts.get(question.fact or "")


@record
class Exported:
    content: bytes
    written: int  # questions in the file
    notes: tuple[str, ...] = ()  # one line per limitation that applied


@dataclass
class Notes:
    """Limitations met while exporting, counted, each printed once as one line."""

    _counts: dict[str, int] = field(default_factory=dict)
    _texts: dict[str, str] = field(default_factory=dict)
    _ids: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, text: str, question_id: str | None = None) -> None:
        """Count one question under ``key``; ``text`` has ``{n}`` for the count and ``{s}``
        for a plural s (e.g. "{n} order question{s} exported as matching")."""
        self._counts[key] = self._counts.get(key, 0) + 1
        self._texts.setdefault(key, text)
        if question_id:
            self._ids.setdefault(key, []).append(question_id)

    def always(self, key: str, text: str) -> None:
        """A limitation of the format itself, printed once."""
        self._texts.setdefault(key, text)
        self._counts.setdefault(key, 0)

    def lines(self) -> tuple[str, ...]:
        out = []
        for key, text in self._texts.items():
            n = self._counts[key]
            line = text.format(n=n, s="" if n == 1 else "s")
            ids = self._ids.get(key)
            if ids:
                line += f": {', '.join(ids)}"
            out.append(line)
        return tuple(out)


def questions(sets: Sequence[SetToExport]) -> Iterator[tuple[SetToExport, Question]]:
    for entry in sets:
        for question in entry.qset.questions:
            yield entry, question


def question_key(qset: QuestionSet, question: Question) -> str:
    """The stable identity of a question across exports: set id and question id."""
    return f"{qset.id}/{question.id}"


def stable_token(*parts: str, length: int = 16) -> str:
    """A short hex token that is the same for the same parts on every run and machine."""
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:length]


def stable_number(*parts: str, bits: int = 31) -> int:
    """A positive integer id (Anki model and deck ids) derived from ``parts``."""
    return int(stable_token(*parts, length=16), 16) % (1 << bits) + (1 << (bits - 1))


def bounded_id(key: str, limit: int) -> str:
    """``key`` itself when it fits ``limit`` characters, else a prefix plus a hash of it."""
    if len(key) <= limit:
        return key
    token = stable_token(key, length=10)
    return f"{key[: limit - len(token) - 1]}~{token}"


def xml_text(text: str) -> str:
    """Text as XML element content (&, < and > escaped); most text needs nothing."""
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def html_text(text: str) -> str:
    """Text shown literally in an HTML field: markup escaped, line breaks kept."""
    text = xml_text(text)
    if "\n" in text or "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
    return text


def plain_number(value: Decimal) -> str:
    """A decimal as LMSs read it: no exponent, no trailing zeros ("5000", "0.25")."""
    text = f"{value.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def points_text(points: Decimal) -> str:
    return plain_number(points)


def tolerance_amount(q: Numeric) -> Decimal:
    """The tolerance as an absolute amount (a percentage of the answer converted)."""
    if q.tolerance is None:
        return Decimal(0)
    if q.tolerance.percent:
        return abs(q.answer) * q.tolerance.amount / 100
    return q.tolerance.amount


# The grade percentages Moodle accepts for an answer (and so GIFT's %weights%), as Moodle
# writes them; their negatives are accepted too.
MOODLE_FRACTIONS = (
    "100",
    "90",
    "83.33333",
    "80",
    "75",
    "70",
    "66.66667",
    "60",
    "50",
    "40",
    "33.33333",
    "30",
    "25",
    "20",
    "16.66667",
    "14.28571",
    "12.5",
    "11.11111",
    "10",
    "5",
    "0",
)


def share_of_100(parts: int) -> str | None:
    """100/parts as one of Moodle's fractions, or None when Moodle has no such grade."""
    wanted = Decimal(100) / parts
    for text in MOODLE_FRACTIONS:
        if abs(Decimal(text) - wanted) < Decimal("0.0001"):
            return text
    return None


def multi_fractions(q: Multi) -> tuple[str, str] | None:
    """(right, wrong) answer fractions that grade as the app does: each right pick earns
    1/k of the marks, each wrong pick loses as much, never below 0 (LMSs clamp the sum)."""
    share = share_of_100(len(q.answers))
    if share is None:
        return None
    return share, f"-{share}"


def multi_fractions_or_note(q: Multi, notes: Notes, key: str) -> tuple[str, str] | None:
    """The fractions, or None with the note saying why the question is left out (the same
    limit in every format that uses Moodle's grade list)."""
    fractions = multi_fractions(q)
    if fractions is None:
        notes.add(
            "multi-split",
            "{n} multi question{s} left out: Moodle's grades cannot "
            "split 100% evenly among their right answers",
            key,
        )
    return fractions


@record
class Feedback:
    """What a student reads after answering: the explanation (or the fact's statement),
    the fact's quoted words with their speaker after the closing mark, and the source."""

    explanation: str
    quote: str
    citation: str

    def lines(self) -> list[str]:
        return [line for line in (self.explanation, self.quote, self.citation) if line]

    def text(self) -> str:
        return "\n".join(self.lines())

    def html(self) -> str:
        return "<br>".join(html_text(line) for line in self.lines())


def feedback(entry: SetToExport, question: Question) -> Feedback:
    fact = entry.fact(question)
    explanation = question.explanation or (fact.statement if fact else "")
    quote = ""
    if fact and fact.quotes:
        first = fact.quotes[0]
        quote = f"“{first.text}”"
        speaker = entry.pack.actor(first.by) if entry.pack and first.by else None
        if speaker:
            quote += f" — {speaker.name}"
    return Feedback(explanation, quote, entry.citation)


def type_counts(items: Iterable[Question]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for q in items:
        counts[q.type] = counts.get(q.type, 0) + 1
    return counts


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th …: the right side of an order question exported as matching."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
