"""GIFT, parsed by gift-pegjs (npm, run with node): counts, types, answers, weights and
hostile text as the parser reads them."""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from quizzes.export import get_format
from quizzes.export.base import ordinal, tolerance_amount
from quizzes.export.moodle import category_path
from quizzes.model import Choice, FreeText, Match, Multi, Numeric, Order, TrueFalse
from tests.quizzes.export.conftest import need

# make test installs gift-pegjs into .venv/node of the checkout; the nearest one up from here
# (mutmut runs these tests from a copy in mutants/).
MODULES = next(
    (
        up / ".venv" / "node" / "node_modules"
        for up in Path(__file__).parents
        if (up / ".venv" / "node" / "node_modules").is_dir()
    ),
    Path(__file__).parents[3] / ".venv" / "node" / "node_modules",
)
GIFT_TYPES = {
    "choice": "MC",
    "multi": "MC",
    "truefalse": "TF",
    "numeric": "Numerical",
    "text": "Short",
    "match": "Matching",
    "order": "Matching",
}


def parse_gift(content: bytes, tmp_path: Path) -> list[dict]:
    node = shutil.which("node")
    need(node is not None, "node is not installed")
    need((MODULES / "gift-pegjs").is_dir(), f"gift-pegjs is not installed in {MODULES}")
    path = tmp_path / "export.gift.txt"
    path.write_bytes(content)
    done = subprocess.run(
        [node, str(Path(__file__).with_name("giftparse.js")), str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NODE_PATH": str(MODULES)},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# gift-pegjs leaves its own escape placeholders in the right side of a matching pair (its
# PlainText rule skips the decoding its other rules do); Moodle's importer decodes them.
_PLACEHOLDERS = {
    "&&092;": "\\",
    "&&058;": ":",
    "&&035;": "#",
    "&&061;": "=",
    "&&123;": "{",
    "&&125;": "}",
    "&&126;": "~",
}


def subanswer(text: str) -> str:
    for placeholder, char in _PLACEHOLDERS.items():
        text = text.replace(placeholder, char)
    return text


def literal(text: dict) -> str:
    """An [html] field as a student reads it."""
    assert text["format"] == "html"
    return html.unescape(text["text"].replace("<br>", "\n"))


def pairs(item: dict) -> list[tuple[str, str]]:
    return [(literal(p["subquestion"]), subanswer(p["subanswer"])) for p in item["matchPairs"]]


@pytest.fixture(scope="module")
def parsed(bundled, hostile, tmp_path_factory):
    sets = [*bundled, hostile]
    result = get_format("gift").build(sets)
    return sets, result, parse_gift(result.content, tmp_path_factory.mktemp("gift"))


def test_a_category_per_set_and_every_question(parsed):
    sets, result, items = parsed
    categories = [i["title"] for i in items if i["type"] == "Category"]
    assert categories == [category_path(s.qset.title) for s in sets]
    questions = [i for i in items if i["type"] != "Category"]
    assert len(questions) == result.written == sum(len(s.qset.questions) for s in sets)
    expected = [(s.qset, q) for s in sets for q in s.qset.questions]
    for (qset, q), item in zip(expected, questions, strict=True):
        assert item["type"] == GIFT_TYPES[q.type], q.id
        assert item["id"] == f"{qset.id}/{q.id}" and item["title"] == q.id
        assert (item["tags"] or []) == q.tags
        assert literal(item["stem"]) == q.prompt


def test_answers_and_weights_match_the_set(parsed):
    sets, _, items = parsed
    questions = [i for i in items if i["type"] != "Category"]
    assert {i["type"] for i in questions} >= set(GIFT_TYPES.values())  # every type checked
    for q, item in zip([q for s in sets for q in s.qset.questions], questions, strict=True):
        if isinstance(q, Choice):
            assert [literal(c["text"]) for c in item["choices"]] == q.choices
            assert [literal(c["text"]) for c in item["choices"] if c["isCorrect"]] == [q.answer]
        elif isinstance(q, Multi):
            share = 100 / len(q.answers)
            weights = {literal(c["text"]): c["weight"] for c in item["choices"]}
            assert weights == {
                c: pytest.approx(share if c in q.answers else -share, abs=1e-4) for c in q.choices
            }
        elif isinstance(q, TrueFalse):
            assert item["isTrue"] is q.answer
        elif isinstance(q, Numeric):
            choice = item["choices"]
            assert choice["type"] == "range"
            assert Decimal(str(choice["number"])) == q.answer
            assert Decimal(str(choice["range"])) == tolerance_amount(q)
        elif isinstance(q, FreeText):
            assert [literal(c["text"]) for c in item["choices"]] == q.accept
        elif isinstance(q, Match):
            assert pairs(item) == [(p.left, " ".join(p.right.split())) for p in q.pairs]
        elif isinstance(q, Order):
            assert pairs(item) == [(text, ordinal(i)) for i, text in enumerate(q.items, start=1)]


def test_hostile_feedback_reaches_the_parser_literally(parsed, hostile):
    _, _, items = parsed
    choice = next(i for i in items if i.get("id") == "hostile-set/choice-markup")
    assert literal(choice["globalFeedback"]).splitlines() == [
        "Explained with <i>markup</i> & ]]> and {GIFT} ~marks~ = # :",
        '“1,250 <b>widgets</b> ]]> = ~ # { } :” — Dr. O\'Neil <b>&</b> "Co"',
        "Source: The <Gazette> & Co, “Headline with <i>markup</i> & ]]> and {braces}”, May 2024",
    ]


def test_limitations_are_reported(parsed):
    sets, result, _ = parsed
    orders = sum(q.type == "order" for s in sets for q in s.qset.questions)
    assert (
        f"{orders} order questions exported as matching, each item to its position "
        "(1st, 2nd …): GIFT has no ordering type" in result.notes
    )
    assert any("GIFT holds no points" in n for n in result.notes)
