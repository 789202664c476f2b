"""Moodle XML: a question category per set, every type mapped to its Moodle question type.

Written to what Moodle's importer (question/format/xml/format.php and the ordering type's
import_from_xml) reads: HTML fields hold escaped text, plain fields (short answers, the
right side of matching) hold the text itself, answer fractions come from Moodle's list.
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
    plain_number,
    points_text,
    question_key,
    tolerance_amount,
    xml_text,
)
from quizzes.grading import expected_text
from quizzes.model import Choice, FreeText, Match, Multi, Numeric, Order, Question, TrueFalse

EXTENSION = ".xml"
LABEL = "Moodle XML"
MOODLE_TYPES = {
    "choice": "multichoice",
    "multi": "multichoice",
    "truefalse": "truefalse",
    "numeric": "numerical",
    "text": "shortanswer",
    "match": "matching",
    "order": "ordering",
}


_x = xml_text


def _field(tag: str, text: str, fmt: str = "html") -> str:
    """An element holding text in Moodle's shape: <tag format=…><text>…</text></tag>."""
    return f'<{tag} format="{fmt}"><text>{_x(text)}</text></{tag}>'


def category_path(title: str) -> str:
    """A category under the course's top: a "/" in a name is written "//" by Moodle."""
    return "$course$/top/" + " ".join(title.split()).replace("/", "//")


def build(sets: Sequence[SetToExport]) -> Exported:
    notes = Notes()
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n']
    written = 0
    for entry in sets:
        qset = entry.qset
        parts.append(
            '  <question type="category">\n'
            f"    <category><text>{_x(category_path(qset.title))}</text></category>\n"
            f"    {_field('info', html_text(qset.description))}\n"
            f"    <idnumber>{_x(bounded_id(qset.id, 100))}</idnumber>\n"
            "  </question>\n"
        )
        for question in qset.questions:
            body = _question(entry, question, notes)
            if body is not None:
                parts.append(body)
                written += 1
    if not written:
        raise ExportError("none of the questions can be written as Moodle XML")
    parts.append("</quiz>\n")
    return Exported("".join(parts).encode("utf-8"), written, notes.lines())


def _question(entry: SetToExport, q: Question, notes: Notes) -> str | None:
    key = question_key(entry.qset, q)
    specific = _specific(q, notes, key)
    if specific is None:
        return None
    first_line = " ".join(q.prompt.split())
    name = f"{q.id}: {first_line}"
    name = name if len(name) <= 100 else name[:99] + "…"
    tags = "".join(f"<tag><text>{_x(tag)}</text></tag>" for tag in q.tags)
    fact = entry.fact(q)
    if fact is not None:
        tags += f"<tag><text>{fact.kind}</text></tag>"
    return (
        f'  <question type="{MOODLE_TYPES[q.type]}">\n'
        f"    <name><text>{_x(name)}</text></name>\n"
        f"    {_field('questiontext', html_text(q.prompt))}\n"
        f"    {_field('generalfeedback', feedback(entry, q).html())}\n"
        f"    <defaultgrade>{points_text(q.points)}</defaultgrade>\n"
        f"    <penalty>{'1' if isinstance(q, TrueFalse) else '0.3333333'}</penalty>\n"
        "    <hidden>0</hidden>\n"
        f"    <idnumber>{_x(bounded_id(key, 100))}</idnumber>\n"
        f"{specific}"
        f"    <tags>{tags}</tags>\n"
        "  </question>\n"
    )


def _combined(q: Question) -> str:
    answer = html_text(f"The answer is: {expected_text(q)}")
    return (
        f"    {_field('correctfeedback', 'Correct.')}\n"
        f"    {_field('partiallycorrectfeedback', 'Partly correct. ' + answer)}\n"
        f"    {_field('incorrectfeedback', 'Not correct. ' + answer)}\n"
        "    <shownumcorrect/>\n"
    )


def _answer(fraction: str, text: str, fmt: str = "html") -> str:
    return (
        f'    <answer fraction="{fraction}" format="{fmt}"><text>{_x(text)}</text>'
        '<feedback format="html"><text></text></feedback></answer>\n'
    )


def _specific(q: Question, notes: Notes, key: str) -> str | None:
    """The elements of one question's type; None (with a note) when it cannot be exported."""
    if isinstance(q, Choice):
        right = q.answer if isinstance(q.answer, str) else q.answer[0]
        return _choices(q, "true", {c: "100" if c == right else "0" for c in q.choices})
    if isinstance(q, Multi):
        fractions = multi_fractions_or_note(q, notes, key)
        if fractions is None:
            return None
        right, wrong = fractions
        return _choices(q, "false", {c: right if c in q.answers else wrong for c in q.choices})
    if isinstance(q, TrueFalse):
        return _answer("100" if q.answer else "0", "true", "moodle_auto_format") + _answer(
            "0" if q.answer else "100", "false", "moodle_auto_format"
        )
    if isinstance(q, Numeric):
        return _numeric(q)
    if isinstance(q, FreeText):
        notes.add(
            "text-case",
            "{n} text question{s}: Moodle ignores case but, unlike the app, "
            "not punctuation or accents",
        )
        return "    <usecase>0</usecase>\n" + "".join(
            _answer("100", a, "moodle_auto_format") for a in q.accept
        )
    if isinstance(q, Match):
        return (
            "    <shuffleanswers>true</shuffleanswers>\n"
            + _combined(q)
            + "".join(
                f'    <subquestion format="html"><text>{_x(html_text(p.left))}</text>'
                f"<answer><text>{_x(p.right)}</text></answer></subquestion>\n"
                for p in q.pairs
            )
        )
    if isinstance(q, Order):
        return _ordering(q, notes)
    raise TypeError(f"unknown question type: {type(q).__name__}")


def _choices(q: Choice | Multi, single: str, fractions: dict[str, str]) -> str:
    """A multichoice question: ``single`` "true" or "false", each choice with its grade."""
    return (
        f"    <single>{single}</single>\n    <shuffleanswers>true</shuffleanswers>\n"
        "    <answernumbering>abc</answernumbering>\n"
        "    <showstandardinstruction>0</showstandardinstruction>\n"
        + _combined(q)
        + "".join(_answer(fractions[c], html_text(c)) for c in q.choices)
    )


def _numeric(q: Numeric) -> str:
    unit = ""
    if q.unit:
        unit = (
            "    <units><unit><multiplier>1</multiplier>"
            f"<unit_name>{_x(q.unit)}</unit_name></unit></units>\n"
            "    <unitgradingtype>0</unitgradingtype>\n"
        )
    return (
        f'    <answer fraction="100" format="moodle_auto_format">'
        f"<text>{plain_number(q.answer)}</text>"
        '<feedback format="html"><text></text></feedback>'
        f"<tolerance>{plain_number(tolerance_amount(q))}</tolerance></answer>\n" + unit
    )


def _ordering(q: Order, notes: Notes) -> str:
    notes.add(
        "ordering",
        "{n} order question{s} exported as Moodle's ordering type, built "
        "in since Moodle 4.4 (older sites need the Ordering plugin)",
    )
    return (
        "    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n"
        f"    <selectcount>{len(q.items)}</selectcount>\n"
        "    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n"
        "    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n"
        + _combined(q)
        + "".join(
            f'    <answer fraction="{i}" format="html">'
            f"<text>{_x(html_text(item))}</text></answer>\n"
            for i, item in enumerate(q.items, start=1)
        )
    )
