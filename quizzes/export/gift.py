"""GIFT, Moodle's plain-text question format: a `$CATEGORY:` per set, then one question per
paragraph. Text is written as [html] with markup escaped, GIFT's own marks (~ = # { } :
and the backslash) escaped with a backslash and line breaks as <br>, so every question is
one line and no text can start a comment or end a question.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizzes.export.base import (
    Exported,
    ExportError,
    Notes,
    SetToExport,
    bounded_id,
    feedback,
    html_text,
    multi_fractions_or_note,
    ordinal,
    plain_number,
    question_key,
    tolerance_amount,
)
from quizzes.export.moodle import category_path
from quizzes.model import Choice, FreeText, Match, Multi, Numeric, Order, Question, TrueFalse

EXTENSION = ".gift.txt"
LABEL = "GIFT"


def _marks(text: str) -> str:
    """GIFT's own marks escaped with a backslash (the backslash first)."""
    for mark in "\\~=#{}:":
        if mark in text:
            text = text.replace(mark, "\\" + mark)
    return text


def escape(text: str) -> str:
    """Plain text with GIFT's marks escaped, on one line (a break becomes a space)."""
    return " ".join(_marks(text).split())


def rich(text: str) -> str:
    """Text as an [html] field: markup escaped for HTML, then GIFT's marks escaped."""
    return "[html]" + _marks(html_text(text))


def build(sets: Sequence[SetToExport]) -> Exported:
    notes = Notes()
    blocks: list[str] = []
    written = 0
    for entry in sets:
        blocks.append(f"$CATEGORY: {category_path(entry.qset.title)}")
        for question in entry.qset.questions:
            block = _question(entry, question, notes)
            if block is not None:
                blocks.append(block)
                written += 1
    if not written:
        raise ExportError("none of the questions can be written as GIFT")
    if any(q.points != 1 for entry in sets for q in entry.qset.questions):
        notes.always(
            "points",
            "GIFT holds no points: questions worth other than 1 point "
            "need their mark set in Moodle after import",
        )
    return Exported(("\n\n".join(blocks) + "\n").encode("utf-8"), written, notes.lines())


def _question(entry: SetToExport, q: Question, notes: Notes) -> str | None:
    key = question_key(entry.qset, q)
    answers = _answers(q, notes, key)
    if answers is None:
        return None
    tags = " ".join(f"[tag:{t}]" for t in q.tags)
    head = f"// [id:{bounded_id(key, 100)}]" + (f" {tags}" if tags else "")
    general = feedback(entry, q).html()
    closing = f"\n\t####{rich_raw(general)}" if general else ""
    return f"{head}\n::{escape(q.id)}::{rich(q.prompt)}{{\n{answers}{closing}\n}}"


def rich_raw(html: str) -> str:
    """HTML we built ourselves (already escaped) as an [html] field."""
    return "[html]" + _marks(html)


def _answers(q: Question, notes: Notes, key: str) -> str | None:
    if isinstance(q, Choice):
        right = q.answer if isinstance(q.answer, str) else q.answer[0]
        return "\n".join(f"\t{'=' if c == right else '~'}{rich(c)}" for c in q.choices)
    if isinstance(q, Multi):
        fractions = multi_fractions_or_note(q, notes, key)
        if fractions is None:
            return None
        right, wrong = fractions
        return "\n".join(f"\t~%{right if c in q.answers else wrong}%{rich(c)}" for c in q.choices)
    if isinstance(q, TrueFalse):
        return "\tTRUE" if q.answer else "\tFALSE"
    if isinstance(q, Numeric):
        return f"\t#{plain_number(q.answer)}:{plain_number(tolerance_amount(q))}"
    if isinstance(q, FreeText):
        notes.add(
            "text-case",
            "{n} text question{s}: Moodle ignores case but, unlike the app, "
            "not punctuation or accents",
        )
        return "\n".join(f"\t={rich(a)}" for a in q.accept)
    if isinstance(q, Match):
        return "\n".join(f"\t={rich(p.left)} -> {escape(p.right)}" for p in q.pairs)
    if isinstance(q, Order):
        notes.add(
            "order",
            "{n} order question{s} exported as matching, each item to its "
            "position (1st, 2nd …): GIFT has no ordering type",
        )
        return "\n".join(
            f"\t={rich(item)} -> {ordinal(i)}" for i, item in enumerate(q.items, start=1)
        )
    raise TypeError(f"unknown question type: {type(q).__name__}")
