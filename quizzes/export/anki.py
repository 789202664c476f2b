"""Anki (.apkg via genanki): one note per question in a deck per set (a sub-deck of the pack).

Front: the prompt and what to choose from; back: the answer, the explanation, the quoted
words and the source. Each note's guid comes from set id + question id, so importing an
updated export again updates the cards instead of adding copies. Anki cards are graded by
the student (again/hard/good/easy), so points and partial credit do not carry over.
"""

from __future__ import annotations

import io
import json
import sqlite3
import time
import zipfile
from collections.abc import Sequence

from quizzes.export.base import (
    Exported,
    ExportError,
    Notes,
    SetToExport,
    feedback,
    html_text,
    question_key,
    stable_number,
    stable_token,
)
from quizzes.grading import expected_text
from quizzes.model import Choice, Match, Multi, Numeric, Order, Question, TrueFalse

EXTENSION = ".apkg"
LABEL = "Anki"
MODEL_NAME = "classbrief question"
_CSS = (
    ".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n"
    ".source { color: #666; font-size: 16px; }\n"
)


def _model():  # genanki has no type hints
    import genanki

    return genanki.Model(
        stable_number("classbrief-anki-model"),
        MODEL_NAME,
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Question id"}],
        templates=[
            {"name": "Card", "qfmt": "{{Front}}", "afmt": '{{FrontSide}}<hr id="answer">{{Back}}'}
        ],
        css=_CSS,
    )


def deck_name(entry: SetToExport) -> str:
    """The pack's deck with a sub-deck per set; "::" inside a title would nest decks."""
    title = " ".join(entry.qset.title.split()).replace("::", ":")
    if entry.pack is None:
        return title
    return " ".join(entry.pack.title.split()).replace("::", ":") + "::" + title


def build(sets: Sequence[SetToExport], timestamp: float | None = None) -> Exported:
    import genanki

    notes = Notes()
    model = _model()
    decks = []
    written = 0
    for entry in sets:
        deck = genanki.Deck(stable_number("classbrief-anki-deck", entry.qset.id), deck_name(entry))
        for q in entry.qset.questions:
            key = question_key(entry.qset, q)
            fact = entry.fact(q)
            tags = [*q.tags, *([fact.kind] if fact else []), entry.qset.id]
            deck.add_note(
                genanki.Note(
                    model=model,
                    fields=[front(q, key), back(entry, q), key],
                    tags=list(dict.fromkeys(tags)),
                    guid=stable_token("classbrief", key, length=20),
                )
            )
            written += 1
        decks.append(deck)
    if not written:  # pragma: no cover - every type has a card
        raise ExportError("none of the questions can be written as Anki notes")
    notes.always(
        "self-graded",
        "Anki cards are graded by the student: points and partial credit are not carried",
    )
    return Exported(
        _package(decks, time.time() if timestamp is None else timestamp), written, notes.lines()
    )


def _package(decks: list, timestamp: float) -> bytes:
    """The .apkg bytes, built in memory (genanki's own writer leaves a temporary file)."""
    import itertools

    import genanki

    conn = sqlite3.connect(":memory:")
    genanki.Package(decks).write_to_db(
        conn.cursor(), timestamp, itertools.count(int(timestamp * 1000))
    )
    conn.commit()
    database = conn.serialize()
    conn.close()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("collection.anki2", database)
        zf.writestr("media", json.dumps({}))
    return buffer.getvalue()


def _list(items: Sequence[str], kind: str = "ol") -> str:
    return f"<{kind}>" + "".join(f"<li>{html_text(i)}</li>" for i in items) + f"</{kind}>"


def _shuffled(items: Sequence[str], key: str) -> list[str]:
    """A fixed shuffle (the same on every export), never the answer's own order."""
    out = sorted(items, key=lambda item: stable_token(key, item))
    return out[1:] + out[:1] if out == list(items) and len(out) > 1 else out


def front(q: Question, key: str) -> str:
    prompt = html_text(q.prompt)
    if isinstance(q, Choice):
        return f"{prompt}{_list(q.choices)}"
    if isinstance(q, Multi):
        return f"{prompt}<br><i>Pick every right answer.</i>{_list(q.choices)}"
    if isinstance(q, TrueFalse):
        return f"{prompt}<br><i>True or false?</i>"
    if isinstance(q, Numeric) and q.unit:
        return f"{prompt}<br><i>Answer in {html_text(q.unit)}.</i>"
    if isinstance(q, Match):
        return (
            f"{prompt}{_list([p.left for p in q.pairs], 'ul')}<i>with</i>"
            f"{_list(_shuffled([p.right for p in q.pairs], key), 'ul')}"
        )
    if isinstance(q, Order):
        return f"{prompt}<br><i>Put in order:</i>{_list(_shuffled(q.items, key), 'ul')}"
    return prompt


def back(entry: SetToExport, q: Question) -> str:
    fb = feedback(entry, q)
    details = [html_text(line) for line in (fb.explanation, fb.quote) if line]
    if fb.citation:
        details.append(f'<span class="source">{html_text(fb.citation)}</span>')
    answer = f"<b>{html_text(expected_text(q))}</b>"
    return answer + ("<br><br>" + "<br>".join(details) if details else "")
