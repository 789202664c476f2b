"""Class handouts as plain data: student sheets in lettered variants, and their answer keys.

Each variant is an engine run with its own seed, so questions and choices are
shuffled per variant exactly as the quiz app would shuffle them. The key is
written in the letters printed on that variant's sheet, and `decode` turns those
letters back into an answer the engine grades, which is how the tests prove each
key marks its own variant fully correct.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Sequence
from typing import Any

from briefing.compose import long_date
from briefing.content import Footer
from quizzes.engine import Run, build_run, run_points
from quizzes.grading import expected_text, model_answer, numeric_key
from quizzes.model import FreeText, Match, Multi, Numeric, Order, QuestionSet, TrueFalse
from seeds.frozen import record
from seeds.model import Pack

LETTERS = string.ascii_uppercase


def variant_code(index: int) -> str:
    """A, B, … Z, AA, AB, …"""
    code = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        code = LETTERS[rest] + code
    return code


@record
class SheetQuestion:
    number: int
    question_id: str
    type: str
    prompt: str
    points: str
    options: tuple[str, ...] = ()  # lettered: choices, match right sides, order items
    lefts: tuple[str, ...] = ()  # numbered left sides of a match
    unit: str | None = None

    @property
    def instruction(self) -> str:
        return _INSTRUCTIONS[self.type]


# Circles for one answer and boxes for several, as on printed answer sheets; the multi
# line tells students what the engine's partial credit does to a wrong tick.
_INSTRUCTIONS = {
    "choice": "Fill in the circle of the one right answer.",
    "multi": "Tick the box of every right answer; a wrong tick cancels a right one.",
    "truefalse": "Circle True or False.",
    "numeric": "Write the number in the box.",
    "text": "Write your answer on the line.",
    "match": "Write the letter of the matching item in the box beside each number.",
    "order": "Write the letters in the boxes, from first to last.",
}


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, … 21st: the labels of the order blanks."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def points_label(points: str) -> str:
    return f"{points} point" + ("" if points == "1" else "s")


def sheet_file(set_id: str, code: str, *, key: bool = False) -> str:
    """The file name of a variant's sheet or key: the key's name says it is the key."""
    return f"{set_id}-{code}-key.pdf" if key else f"{set_id}-{code}.pdf"


@record
class KeyAnswer:
    number: int
    question_id: str
    key: str  # what the teacher reads: letters, True/False, a number or accepted words
    answer: str  # the answer in full words
    fact_id: str | None
    fact_statement: str
    marking: str = ""  # how part marks and other accepted answers work, for the teacher


@record
class Variant:
    code: str
    seed: int
    run: Run
    questions: tuple[SheetQuestion, ...]
    key: tuple[KeyAnswer, ...]


@record
class Handout:
    set_id: str
    title: str
    pack_title: str
    citation: str
    total_points: str
    variants: tuple[Variant, ...]
    language: str = "en"  # the pack's, for the PDF metadata


def compose_handouts(qset: QuestionSet, pack: Pack, *, variants: int = 2, seed: int = 1) -> Handout:
    if not 1 <= variants <= 99:
        raise ValueError("the number of variants must be between 1 and 99")
    made = []
    for index in range(variants):
        code = variant_code(index)
        run = build_run(qset, pack, seed=seed * 1000 + index, mode="exam")
        sheet = tuple(
            _sheet_question(n, item.question, item.options) for n, item in enumerate(run.items, 1)
        )
        key = tuple(
            _key_answer(q, item.question, item.fact)
            for q, item in zip(sheet, run.items, strict=True)
        )
        made.append(Variant(code, run.seed, run, sheet, key))
    total = run_points(made[0].run)  # the same in every variant
    return Handout(
        qset.id, qset.title, pack.title, pack.citation(), _points(total), tuple(made), pack.language
    )


def _points(value: Any) -> str:
    return f"{value.normalize():f}"


def _sheet_question(number: int, q: Any, options: tuple[str, ...]) -> SheetQuestion:
    lefts = tuple(pair.left for pair in q.pairs) if isinstance(q, Match) else ()
    unit = q.unit if isinstance(q, Numeric) else None
    shown = () if isinstance(q, TrueFalse) else options
    return SheetQuestion(number, q.id, q.type, q.prompt, _points(q.points), shown, lefts, unit)


def _key_answer(sheet: SheetQuestion, q: Any, fact: Any) -> KeyAnswer:
    return KeyAnswer(
        sheet.number,
        q.id,
        numeric_key(q) if isinstance(q, Numeric) else encode(sheet, model_answer(q)),
        expected_text(q),
        fact.id if fact else None,
        fact.statement if fact else "",
        _marking(q),
    )


def _marking(q: Any) -> str:
    """The engine's grading rules in a teacher's words, so paper marks match app marks."""
    if isinstance(q, FreeText):
        others = q.accept[1:]
        also = ("Also accept: " + "; ".join(others) + ". ") if others else ""
        return also + "Ignore case, accents and punctuation."
    if isinstance(q, Multi):
        return f"Part marks: right ticks minus wrong ticks, out of {len(q.answers)}."
    if isinstance(q, Match):
        return f"Part marks: one share for each right pair, out of {len(q.pairs)}."
    if isinstance(q, Order):
        return f"Part marks: one share for each letter in its place, out of {len(q.items)}."
    if isinstance(q, Numeric) and q.unit:
        return "The unit need not be written."
    return ""


def _letter(options: Sequence[str], text: str) -> str:
    return LETTERS[options.index(text)]


def encode(sheet: SheetQuestion, answer: Any) -> str:
    """An engine-shaped answer as it is written on this variant's sheet."""
    if sheet.type == "choice":
        return _letter(sheet.options, answer)
    if sheet.type == "multi":
        return ", ".join(sorted(_letter(sheet.options, a) for a in answer))
    if sheet.type == "match":
        return ", ".join(
            f"{n}–{_letter(sheet.options, answer[left])}" for n, left in enumerate(sheet.lefts, 1)
        )
    if sheet.type == "order":
        return ", ".join(_letter(sheet.options, item) for item in answer)
    if sheet.type == "truefalse":
        return "True" if answer else "False"
    if sheet.type == "numeric":
        return f"{answer.normalize():f}" + (f" {sheet.unit}" if sheet.unit else "")
    return str(answer)


def decode(sheet: SheetQuestion, written: str) -> Any:
    """What a student wrote on the sheet (letters, True/False, words) as an engine answer."""
    parts = [p.strip() for p in written.split(",") if p.strip()]
    if sheet.type == "choice":
        return sheet.options[LETTERS.index(written.strip())]
    if sheet.type == "multi":
        return [sheet.options[LETTERS.index(p)] for p in parts]
    if sheet.type == "match":
        pairs = (p.split("–") for p in parts)
        return {
            sheet.lefts[int(n) - 1]: sheet.options[LETTERS.index(letter)] for n, letter in pairs
        }
    if sheet.type == "order":
        return [sheet.options[LETTERS.index(p)] for p in parts]
    if sheet.type == "truefalse":
        return written.strip().lower() == "true"
    return written


# --- the words printed around the questions (pure text, so tests and renderers share it) ---

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def pdf_language(handout: Handout) -> str:
    """The pack's language if it is a well-formed tag (it goes into the PDF), else English."""
    return handout.language if _LANGUAGE.match(handout.language) else "en"


def sheet_instructions(handout: Handout, variant: Variant) -> str:
    return (
        f"Answer all {len(variant.questions)} questions on this sheet. The points for each "
        f"question are shown on the right; the sheet is worth "
        f"{points_label(handout.total_points)} in total. Write letters as capitals. Hand "
        "in the sheet with your name on it."
    )


def sheet_end(variant: Variant) -> str:
    return f"End of the quiz. Check that you have answered all {len(variant.questions)} questions."


def key_title(variant: Variant) -> str:
    return f"ANSWER KEY — Variant {variant.code} — not for students"


def key_intro(handout: Handout, variant: Variant) -> str:
    return (
        f"For variant {variant.code} of “{handout.title}”: {len(variant.questions)} "
        f"questions, {points_label(handout.total_points)}. Use it only with sheets marked "
        f"variant {variant.code}: other variants have other orders and letters."
    )


def key_note(handout: Handout) -> str:
    return (
        f"Total: {points_label(handout.total_points)}. Keys are written as the student "
        "writes them on this variant: a letter for a circle, letters for ticked boxes, "
        "number–letter for matched pairs, letters first to last for an order."
    )


def sheet_footer(
    handout: Handout, variant: Variant, printed: dt.date | None, *, key: bool = False
) -> Footer:
    """What every page of a sheet or key says at its foot, so a loose page finds its key:
    the set (title and id), the variant and the date; only the title may be shortened."""
    when = f" · {long_date(printed)}" if printed else ""
    return Footer(
        handout.title,
        f" ({handout.set_id}) · variant {variant.code}{when}",
        "Answer key · " if key else "",
    )
