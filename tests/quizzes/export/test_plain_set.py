"""One plain set of every question type, exported: the GIFT text line by line, the Anki
cards and package, and the ids that must stay the same on every export (an LMS or Anki
matches a re-import by them)."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from decimal import Decimal

import pytest

from quizzes.export import SetToExport, get_format
from quizzes.export.anki import _shuffled, back, build, front
from quizzes.export.base import (
    Feedback,
    Notes,
    bounded_id,
    html_text,
    ordinal,
    question_key,
    share_of_100,
    stable_number,
    stable_token,
    type_counts,
    xml_text,
)
from quizzes.model import QuestionSet
from seeds.validation import parse

PLAIN = {
    "id": "plain",
    "title": "Plain set",
    "pack": "none",
    "questions": [
        {
            "id": "c",
            "type": "choice",
            "prompt": "Pick B",
            "choices": ["A", "B", "C"],
            "answer": ["B"],
            "tags": ["t1", "t2"],
            "explanation": "B is right.",
        },
        {
            "id": "m",
            "type": "multi",
            "prompt": "Pick A and C",
            "choices": ["A", "B", "C", "D"],
            "answers": ["A", "C"],
        },
        {"id": "t", "type": "truefalse", "prompt": "True?", "answer": True},
        {"id": "f", "type": "truefalse", "prompt": "False?", "answer": False, "points": 2},
        {
            "id": "n",
            "type": "numeric",
            "prompt": "How many?",
            "answer": "2.5",
            "unit": "people",
            "tolerance": "10%",
        },
        {"id": "x", "type": "text", "prompt": "Name it", "accept": ["Rome", "Roma"]},
        {
            "id": "p",
            "type": "match",
            "prompt": "Match",
            "pairs": [
                {"left": "one", "right": "1"},
                {"left": "two", "right": "2"},
                {"left": "three", "right": "3"},
            ],
        },
        {"id": "o", "type": "order", "prompt": "Order", "items": ["a", "b", "c"]},
    ],
}
QSET = parse(QuestionSet, PLAIN)
ENTRY = SetToExport(QSET)

GIFT = """\
$CATEGORY: $course$/top/Plain set

// [id:plain/c] [tag:t1] [tag:t2]
::c::[html]Pick B{
\t~[html]A
\t=[html]B
\t~[html]C
\t####[html]B is right.
}

// [id:plain/m]
::m::[html]Pick A and C{
\t~%50%[html]A
\t~%-50%[html]B
\t~%50%[html]C
\t~%-50%[html]D
}

// [id:plain/t]
::t::[html]True?{
\tTRUE
}

// [id:plain/f]
::f::[html]False?{
\tFALSE
}

// [id:plain/n]
::n::[html]How many?{
\t#2.5:0.25
}

// [id:plain/x]
::x::[html]Name it{
\t=[html]Rome
\t=[html]Roma
}

// [id:plain/p]
::p::[html]Match{
\t=[html]one -> 1
\t=[html]two -> 2
\t=[html]three -> 3
}

// [id:plain/o]
::o::[html]Order{
\t=[html]a -> 1st
\t=[html]b -> 2nd
\t=[html]c -> 3rd
}
"""


def test_gift_writes_each_type_in_gifts_syntax():
    """Right (=) and wrong (~) answers, %weights% of several right answers, TRUE/FALSE,
    #number:tolerance, pairs with ->, general feedback after ####, tags and an id."""
    result = get_format("gift").build([ENTRY])
    assert result.content.decode("utf-8") == GIFT
    assert result.written == 8
    assert len(result.notes) == 3  # text matching, order as matching, points


def test_gift_notes_points_only_when_a_question_is_worth_other_than_one():
    ones = parse(QuestionSet, {**PLAIN, "questions": PLAIN["questions"][:3]})
    assert get_format("gift").build([SetToExport(ones)]).notes == ()
    worth_two = parse(QuestionSet, {**PLAIN, "questions": [{**PLAIN["questions"][2], "points": 2}]})
    assert len(get_format("gift").build([SetToExport(worth_two)]).notes) == 1


def test_gift_escapes_a_line_break_in_plain_text_as_one_space():
    from quizzes.export.gift import escape

    assert escape("a\nb  c ~ d") == "a b c \\~ d"


CARDS = {
    "c": ("Pick B<ol><li>A</li><li>B</li><li>C</li></ol>", "<b>B</b><br><br>B is right."),
    "m": (
        "Pick A and C<br><i>Pick every right answer.</i>"
        "<ol><li>A</li><li>B</li><li>C</li><li>D</li></ol>",
        "<b>A; C</b>",
    ),
    "t": ("True?<br><i>True or false?</i>", "<b>True</b>"),
    "f": ("False?<br><i>True or false?</i>", "<b>False</b>"),
    "n": ("How many?<br><i>Answer in people.</i>", "<b>2.5 people (within 10%)</b>"),
    "x": ("Name it", "<b>Rome</b>"),
    "p": (
        "Match<ul><li>one</li><li>two</li><li>three</li></ul><i>with</i>"
        "<ul><li>3</li><li>1</li><li>2</li></ul>",
        "<b>one → 1; two → 2; three → 3</b>",
    ),
    "o": (
        "Order<br><i>Put in order:</i><ul><li>b</li><li>c</li><li>a</li></ul>",
        "<b>a → b → c</b>",
    ),
}


@pytest.mark.parametrize("qid", list(CARDS))
def test_anki_cards_front_and_back(qid):
    q = next(q for q in QSET.questions if q.id == qid)
    assert (front(q, question_key(QSET, q)), back(ENTRY, q)) == CARDS[qid]


def test_anki_shuffles_the_same_way_every_time_and_never_into_the_answers_order():
    assert _shuffled(["a", "b", "c"], "k1") == ["a", "c", "b"]
    assert _shuffled(["a", "b"], "k2") == ["b", "a"]  # sorted as given: moved on by one
    assert _shuffled(["x"], "k") == ["x"]
    assert _shuffled(list("abcdef"), "plain/o") == ["e", "b", "f", "d", "c", "a"]
    assert _shuffled(list("abcdef"), "other") != _shuffled(list("abcdef"), "plain/o")


def test_the_anki_package_holds_the_model_the_deck_and_stable_ids():
    content = build([ENTRY], timestamp=1_700_000_000.0).content
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        infos = package.infolist()
        assert [i.filename for i in infos] == ["collection.anki2", "media"]
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos)
        assert json.loads(package.read("media")) == {}
        database = package.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(database)
    notes = conn.execute("SELECT id, guid, tags, flds FROM notes ORDER BY id").fetchall()
    cards = [row[0] for row in conn.execute("SELECT id FROM cards ORDER BY id")]
    models, decks = conn.execute("SELECT models, decks FROM col").fetchone()
    conn.close()
    # ids count up from the export's time in milliseconds, a note then its card
    assert [n[0] for n in notes] == [1_700_000_000_000 + 2 * i for i in range(8)]
    assert cards == [1_700_000_000_001 + 2 * i for i in range(8)]
    assert notes[0][1:] == (
        stable_token("classbrief", "plain/c", length=20),
        " t1 t2 plain ",
        "\x1f".join([*CARDS["c"], "plain/c"]),
    )
    assert notes[0][1] == "c08facb897c1fdb3a843"
    ((model_id, model),) = json.loads(models).items()
    assert int(model_id) == stable_number("classbrief-anki-model") == 2460681366
    assert model["name"] == "classbrief question"
    assert [f["name"] for f in model["flds"]] == ["Front", "Back", "Question id"]
    (template,) = model["tmpls"]
    assert (template["name"], template["qfmt"], template["afmt"]) == (
        "Card",
        "{{Front}}",
        '{{FrontSide}}<hr id="answer">{{Back}}',
    )
    assert ".card {" in model["css"] and ".source {" in model["css"]
    names = {int(k): v["name"] for k, v in json.loads(decks).items()}
    assert names[stable_number("classbrief-anki-deck", "plain")] == "Plain set"
    assert stable_number("classbrief-anki-deck", "plain") == 3019093972


def test_stable_ids_are_the_same_on_every_machine():
    assert stable_token("a", "b") == "687d61996b1c1278"
    assert stable_token("a", length=8) == "86f7e437"
    assert (stable_number("a"), stable_number("a", "b")) == (3131418620, 2870743672)
    assert stable_number("x", bits=20) == 1190276
    for parts in (("a",), ("b", "c"), ("plain", "q")):
        assert 1 << 30 <= stable_number(*parts) < 3 << 30


def test_a_long_id_is_cut_to_its_limit_with_a_hash():
    assert bounded_id("abcdefghijklmnop", 16) == "abcdefghijklmnop"
    cut = bounded_id("abcdefghijklmnopq", 16)
    assert cut == "abcde~d83d621fcd" and len(cut) == 16
    assert bounded_id("abcdefghijklmnopr", 16) != cut


def test_shares_feedback_counts_and_notes():
    shares = [share_of_100(n) for n in (1, 2, 3, 7, 11)]
    assert shares == ["100", "50", "33.33333", "14.28571", None]
    assert Feedback("Why.", "“Quote”", "Source: X").text() == "Why.\n“Quote”\nSource: X"
    assert Feedback("", "", "Source: X").text() == "Source: X"
    assert type_counts(QSET.questions) == {
        "choice": 1,
        "multi": 1,
        "truefalse": 2,
        "numeric": 1,
        "text": 1,
        "match": 1,
        "order": 1,
    }
    assert type_counts([]) == {}
    notes = Notes()
    notes.always("fixed", "always said ({n})")
    notes.add("some", "{n} thing{s}", "q1")
    notes.add("some", "{n} thing{s}", "q2")
    notes.add("one", "{n} thing{s}")
    assert notes.lines() == ("always said (0)", "2 things: q1, q2", "1 thing")
    assert Decimal(share_of_100(3) or 0) * 3 == Decimal("99.99999")


def test_text_escaped_for_xml_and_html():
    assert [xml_text(t) for t in ("plain", "a<b", "a>b", "a&b", "<&>")] == [
        "plain",
        "a&lt;b",
        "a&gt;b",
        "a&amp;b",
        "&lt;&amp;&gt;",
    ]
    assert html_text("one\rtwo\r\nthree\nfour") == "one<br>two<br>three<br>four"
    assert html_text("a < b") == "a &lt; b"
    assert Feedback("Why <b>", "Quote", "Source").html() == "Why &lt;b&gt;<br>Quote<br>Source"


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
        (111, "111th"),
        (121, "121st"),
    ],
)
def test_ordinals(n, text):
    assert ordinal(n) == text
