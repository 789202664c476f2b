"""Moodle XML, held to what Moodle's importer reads.

Moodle has no schema and its importer reports few errors, so REQUIRED encodes, per question
type, the elements that question/format/xml/format.php (and the ordering type's
import_from_xml) read without a default: without them a question imports empty or not at
all. `moodle-xml-parser` (PyPI) reads the multichoice questions independently.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from quizzes.export import get_format
from quizzes.export.base import MOODLE_FRACTIONS, question_key
from quizzes.export.moodle import MOODLE_TYPES
from quizzes.model import Choice, FreeText, Match, Multi, Numeric, Order, TrueFalse

# import_headers: name/text is read with an error when missing; questiontext and
# generalfeedback are where the prompt and the feedback live.
COMMON = ("name/text", "questiontext/text", "generalfeedback/text", "defaultgrade", "idnumber")
REQUIRED = {
    "multichoice": ("answer/text", "single", "shuffleanswers"),  # $question['#']['answer']
    "truefalse": ("answer/text",),
    "shortanswer": ("answer/text", "usecase"),
    "numerical": ("answer/text", "answer/tolerance"),
    "matching": ("subquestion/text", "subquestion/answer/text"),  # $question['#']['subquestion']
    # import_from_xml defaults: selecttype RANDOM, selectcount 6, gradingtype RELATIVE; the
    # app's grading needs every item shown and credit by absolute position.
    "ordering": ("answer/text", "layouttype", "selecttype", "selectcount", "gradingtype"),
}
FRACTIONS = {*MOODLE_FRACTIONS, *(f"-{f}" for f in MOODLE_FRACTIONS)}


def literal(field: ET.Element | None) -> str:
    """An HTML field as a student reads it: entities decoded, <br> a line break."""
    assert field is not None
    return html.unescape((field.text or "").replace("<br>", "\n"))


@pytest.fixture(scope="module")
def exported(bundled, hostile):
    sets = [*bundled, hostile]
    return sets, get_format("moodle").build(sets)


@pytest.fixture(scope="module")
def root(exported):
    return ET.fromstring(exported[1].content)


def by_idnumber(root) -> dict[str, ET.Element]:
    return {
        q.findtext("idnumber"): q for q in root.findall("question") if q.get("type") != "category"
    }


def test_a_category_then_every_question_of_each_set(exported, root):
    sets, result = exported
    questions = root.findall("question")
    categories = [q for q in questions if q.get("type") == "category"]
    assert [c.findtext("category/text") for c in categories] == [
        "$course$/top/" + " ".join(s.qset.title.split()).replace("/", "//") for s in sets
    ]
    assert result.written == sum(len(s.qset.questions) for s in sets)
    assert len(questions) == result.written + len(sets)


def test_every_question_has_what_moodles_importer_reads(exported, root):
    sets, _ = exported
    found = by_idnumber(root)
    assert {e.get("type") for e in found.values()} == set(MOODLE_TYPES.values())
    for entry in sets:
        for q in entry.qset.questions:
            element = found[question_key(entry.qset, q)]
            assert element.get("type") == MOODLE_TYPES[q.type]
            for path in (*COMMON, *REQUIRED[element.get("type")]):
                assert element.find(path) is not None, (q.id, path)
            assert element.findtext("defaultgrade") == f"{q.points.normalize():f}"
            for answer in element.findall("answer"):
                if element.get("type") != "ordering":
                    assert answer.get("fraction") in FRACTIONS, (q.id, answer.get("fraction"))


def test_answers_and_grading_match_the_set(exported, root):
    sets, _ = exported
    found = by_idnumber(root)
    assert len(found) == sum(len(entry.qset.questions) for entry in sets) > 7
    for entry in sets:
        for q in entry.qset.questions:
            el = found[question_key(entry.qset, q)]
            answers = el.findall("answer")
            if isinstance(q, Choice):
                right = [literal(a.find("text")) for a in answers if a.get("fraction") == "100"]
                assert right == [q.answer] and el.findtext("single") == "true"
            elif isinstance(q, Multi):
                right = {
                    literal(a.find("text"))
                    for a in answers
                    if not a.get("fraction").startswith("-")
                }
                assert right == set(q.answers) and el.findtext("single") == "false"
            elif isinstance(q, TrueFalse):
                graded = {a.findtext("text"): a.get("fraction") for a in answers}
                assert graded == {
                    "true": "100" if q.answer else "0",
                    "false": "0" if q.answer else "100",
                }
            elif isinstance(q, Numeric):
                assert float(answers[0].findtext("text")) == float(q.answer)
            elif isinstance(q, FreeText):  # plain-text answers: no HTML escaping
                assert [a.findtext("text") for a in answers] == q.accept
                assert el.findtext("usecase") == "0"
            elif isinstance(q, Match):
                subs = el.findall("subquestion")
                assert [(literal(s.find("text")), s.findtext("answer/text")) for s in subs] == [
                    (p.left, p.right) for p in q.pairs
                ]
            elif isinstance(q, Order):
                assert [literal(a.find("text")) for a in answers] == q.items
                assert el.findtext("selecttype") == "ALL"
                assert el.findtext("selectcount") == str(len(q.items))
                assert el.findtext("gradingtype") == "ABSOLUTE_POSITION"


def test_tolerance_is_an_absolute_amount(root):
    numeric = by_idnumber(root)["hostile-set/numeric-percent"]
    assert numeric.findtext("answer/tolerance") == "25"  # 2% of 1250
    assert numeric.findtext("units/unit/unit_name") == "widgets & <gadgets>"


def test_hostile_text_reaches_moodle_literally(hostile, root):
    found = by_idnumber(root)
    choice = found["hostile-set/choice-markup"]
    assert literal(choice.find("questiontext/text")) == hostile.qset.questions[0].prompt
    general = literal(choice.find("generalfeedback/text"))
    assert general.splitlines() == [
        "Explained with <i>markup</i> & ]]> and {GIFT} ~marks~ = # :",
        '“1,250 <b>widgets</b> ]]> = ~ # { } :” — Dr. O\'Neil <b>&</b> "Co"',
        "Source: The <Gazette> & Co, “Headline with <i>markup</i> & ]]> and {braces}”, May 2024",
    ]
    assert choice.findtext("name/text").startswith("choice-markup: Which is <b>bold</b>")


def test_moodle_xml_parser_reads_the_multichoice_questions(exported):
    from moodle_xml_parser.parser import parse_bytes

    sets, result = exported
    parsed = parse_bytes(result.content)["multichoice"]
    expected = [q for s in sets for q in s.qset.questions if isinstance(q, Choice | Multi)]
    assert len(parsed) == len(expected)
    for question, read in zip(expected, parsed, strict=True):
        assert read.text_pre_parse.replace("<br>", "\n") == question.prompt
        assert [o.answer for o in read.options] == question.choices
        right = [question.answer] if isinstance(question, Choice) else question.answers
        assert [o.answer for o in read.options if o.score_fraction > 0] == right
        assert read.single is isinstance(question, Choice)
        assert read.default_grade == float(question.points)


def test_a_multi_moodle_cannot_grade_is_named_not_dropped_silently(hostile):
    from quizzes.export import ExportError, SetToExport

    choices = [f"c{i}" for i in range(12)]
    odd = Multi(
        type="multi", id="eleven", prompt="Pick eleven", choices=choices, answers=choices[:11]
    )
    mixed = replace(hostile.qset, questions=[odd, *hostile.qset.questions])
    for name in ("moodle", "gift"):
        result = get_format(name).build([SetToExport(mixed, hostile.pack)])
        assert result.written == len(hostile.qset.questions)
        assert (
            "1 multi question left out: Moodle's grades cannot split 100% evenly among "
            "their right answers: hostile-set/eleven"
        ) in result.notes
        alone = replace(mixed, questions=[odd])
        with pytest.raises(ExportError):
            get_format(name).build([SetToExport(alone, hostile.pack)])
