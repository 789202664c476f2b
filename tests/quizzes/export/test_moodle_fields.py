"""Moodle XML field by field: each question type's settings as Moodle's importer reads them
(question/format/xml/format.php), parsed back from the file, and no stray text between
elements."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

import pytest

from quizzes.export import ExportError, SetToExport, get_format
from quizzes.export.base import question_key
from quizzes.grading import expected_text
from quizzes.model import QuestionSet
from seeds.validation import parse


# Built for each test (it takes milliseconds): mutmut runs only the tests that reach a
# mutant, and a module-wide fixture would reach it in the first test alone.
@pytest.fixture
def content(hostile) -> bytes:
    return get_format("moodle").build([hostile]).content


@pytest.fixture
def questions(content, hostile) -> dict[str, ET.Element]:
    root = ET.fromstring(content)
    found = {q.findtext("idnumber"): q for q in root.findall("question")}
    return {q.id: found[question_key(hostile.qset, q)] for q in hostile.qset.questions}


def shown(element: ET.Element | None) -> str:
    assert element is not None
    return html.unescape(element.text or "").replace("<br>", "\n")


def test_the_file_is_utf8_xml_with_only_elements_between_elements(content):
    assert content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n')
    assert content.endswith(b"</quiz>\n")
    root = ET.fromstring(content)
    elements = list(root.iter())
    assert len(elements) > 100
    for element in elements:
        assert not (element.tail or "").strip(), (element.tag, element.tail)
        if len(element):
            assert not (element.text or "").strip(), (element.tag, element.text)


def test_the_category_names_the_set(content, hostile):
    category = ET.fromstring(content).find("question")
    assert category is not None and category.get("type") == "category"
    assert category.findtext("category/text") == (
        '$course$/top/Hostile <set> & "quotes" :: slash//name'
    )
    info = category.find("info")
    assert info is not None and info.get("format") == "html"
    assert shown(info.find("text")) == hostile.qset.description
    assert category.findtext("idnumber") == "hostile-set"


def test_what_every_question_carries(questions, hostile):
    assert len(questions) == len(hostile.qset.questions) == 8
    for q in hostile.qset.questions:
        el = questions[q.id]
        first_line = " ".join(q.prompt.split())
        assert el.findtext("name/text") == f"{q.id}: {first_line}"[:100]
        for tag in ("questiontext", "generalfeedback"):
            field = el.find(tag)
            assert field is not None and field.get("format") == "html", (q.id, tag)
        assert shown(el.find("questiontext/text")) == q.prompt
        assert el.findtext("penalty") == ("1" if q.type == "truefalse" else "0.3333333")
        assert el.findtext("hidden") == "0"
        kind = [] if q.fact is None else [hostile.fact(q).kind]
        assert [t.text for t in el.findall("tags/tag/text")] == [*q.tags, *kind]


def test_a_long_prompt_is_cut_to_a_hundred_characters_in_the_name(hostile):
    long = parse(
        QuestionSet,
        {
            "id": "long",
            "title": "Long",
            "pack": "hostile",
            "questions": [
                {"id": "q", "type": "truefalse", "prompt": "word " * 40, "answer": True},
                {"id": "r", "type": "truefalse", "prompt": "x" * 97, "answer": True},
            ],
        },
    )
    root = ET.fromstring(get_format("moodle").build([SetToExport(long)]).content)
    names = [q.findtext("name/text") for q in root.findall("question")[1:]]
    assert names == [("q: " + "word " * 40)[:99] + "…", "r: " + "x" * 97]
    assert len(names[0]) == 100


def _combined(el: ET.Element, q) -> None:
    answer = f"The answer is: {expected_text(q)}"
    for tag, text in (
        ("correctfeedback", "Correct."),
        ("partiallycorrectfeedback", f"Partly correct. {answer}"),
        ("incorrectfeedback", f"Not correct. {answer}"),
    ):
        field = el.find(tag)
        assert field is not None and field.get("format") == "html", tag
        assert shown(field.find("text")) == text
    assert el.find("shownumcorrect") is not None


def _answers(el: ET.Element) -> list[tuple[str | None, str | None, str]]:
    """(fraction, format, text) of each answer, its text as the file holds it."""
    out = []
    for answer in el.findall("answer"):
        feedback = answer.find("feedback")
        if feedback is not None:
            assert feedback.get("format") == "html" and not feedback.findtext("text")
        # HTML fields hold escaped text; plain ones (moodle_auto_format) the text itself.
        out.append((answer.get("fraction"), answer.get("format"), answer.findtext("text") or ""))
    return out


def test_choice_and_multi(questions, hostile):
    qs = {q.id: q for q in hostile.qset.questions}
    for qid, single in (("choice-markup", "true"), ("multi-formulas", "false")):
        el = questions[qid]
        assert [el.findtext(t) for t in ("single", "shuffleanswers", "answernumbering")] == [
            single,
            "true",
            "abc",
        ]
        assert el.findtext("showstandardinstruction") == "0"
        _combined(el, qs[qid])
    assert _answers(questions["choice-markup"]) == [
        ("100", "html", "&lt;b&gt;bold&lt;/b&gt;"),
        ("0", "html", "a &amp; b"),
        ("0", "html", "]]&gt; cdata end"),
        ("0", "html", "{=~#:} marks"),
    ]
    assert _answers(questions["multi-formulas"]) == [
        ("50", "html", "=1+1"),
        ("-50", "html", "+44 20"),
        ("-50", "html", "-3"),
        ("50", "html", "@home"),
    ]


def test_true_false(questions):
    auto = "moodle_auto_format"
    assert _answers(questions["tf-quotes"]) == [("100", auto, "true"), ("0", auto, "false")]
    assert _answers(questions["tf-false"]) == [("0", auto, "true"), ("100", auto, "false")]


def test_number_with_tolerance_and_unit(questions):
    el = questions["numeric-percent"]
    assert _answers(el) == [("100", "moodle_auto_format", "1250")]
    assert el.findtext("answer/tolerance") == "25"
    assert el.findtext("units/unit/multiplier") == "1"
    assert el.findtext("units/unit/unit_name") == "widgets & <gadgets>"
    assert el.findtext("unitgradingtype") == "0"


def test_a_number_without_unit_has_no_units(hostile):
    plain = parse(
        QuestionSet,
        {
            "id": "n",
            "title": "N",
            "pack": "hostile",
            "questions": [{"id": "n", "type": "numeric", "prompt": "How many?", "answer": 7}],
        },
    )
    el = ET.fromstring(get_format("moodle").build([SetToExport(plain)]).content)[1]
    assert el.find("units") is None and el.find("unitgradingtype") is None
    assert el.findtext("answer/tolerance") == "0"


def test_text_match_and_order(questions):
    text = questions["text-marks"]
    assert text.findtext("usecase") == "0"
    assert _answers(text) == [
        ("100", "moodle_auto_format", "a=b~c"),
        ("100", "moodle_auto_format", "A & B"),
        ("100", "moodle_auto_format", "<tag>"),
    ]
    match = questions["match-marks"]
    assert match.findtext("shuffleanswers") == "true"
    subs = match.findall("subquestion")
    assert [s.get("format") for s in subs] == ["html"] * 3
    assert [s.findtext("answer/text") for s in subs] == ["right = one", "{two}", "]]> three"]
    order = questions["order-marks"]
    assert [
        order.findtext(t)
        for t in (
            "layouttype",
            "selecttype",
            "selectcount",
            "gradingtype",
            "showgrading",
            "numberingstyle",
        )
    ] == ["VERTICAL", "ALL", "4", "ABSOLUTE_POSITION", "SHOW", "none"]
    assert _answers(order) == [
        ("1", "html", "first &lt;1&gt;"),
        ("2", "html", "second &amp; 2"),
        ("3", "html", "third {3}"),
        ("4", "html", "=fourth"),
    ]


def test_notes_and_a_set_nothing_of_which_fits():
    eleven = parse(
        QuestionSet,
        {
            "id": "m",
            "title": "M",
            "pack": "hostile",
            "questions": [
                {
                    "id": "m",
                    "type": "multi",
                    "prompt": "Pick",
                    "choices": [str(i) for i in range(12)],
                    "answers": [str(i) for i in range(11)],
                }
            ],
        },
    )
    with pytest.raises(ExportError):
        get_format("moodle").build([SetToExport(eleven)])
