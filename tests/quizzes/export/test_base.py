"""What every format shares: feedback, ids, and grade fractions that grade as the app does."""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations

import pytest

from quizzes.export.base import (
    MOODLE_FRACTIONS,
    bounded_id,
    feedback,
    multi_fractions,
    ordinal,
    plain_number,
    share_of_100,
    tolerance_amount,
)
from quizzes.grading import grade
from quizzes.model import Multi, Numeric
from seeds.validation import parse


def test_feedback_has_explanation_quote_with_speaker_after_the_mark_and_citation(hostile):
    question = hostile.qset.questions[0]
    fb = feedback(hostile, question)
    assert fb.explanation == question.explanation
    assert fb.quote == '“1,250 <b>widgets</b> ]]> = ~ # { } :” — Dr. O\'Neil <b>&</b> "Co"'
    assert fb.citation.startswith("Source: The <Gazette> & Co, “Headline with")
    assert fb.html().count("<br>") == 2 and "&lt;b&gt;" in fb.html()


def test_feedback_falls_back_to_the_fact_statement(hostile):
    question = next(q for q in hostile.qset.questions if q.id == "tf-quotes")
    assert feedback(hostile, question).explanation.startswith("The amount is 1,250")


@pytest.mark.parametrize("right", range(1, 11))
def test_multi_fractions_grade_every_pick_as_the_app_does(right):
    choices = [f"c{i}" for i in range(right + 2)]
    question = Multi(type="multi", id="m", prompt="p", choices=choices, answers=choices[:right])
    fractions = multi_fractions(question)
    assert fractions is not None
    plus, minus = fractions
    assert plus in MOODLE_FRACTIONS and minus.lstrip("-") in MOODLE_FRACTIONS
    for size in range(len(choices) + 1):
        for picked in combinations(choices, size):
            lms = sum(Decimal(plus if c in question.answers else minus) for c in picked)
            lms = min(max(lms, Decimal(0)), Decimal(100)) / 100  # LMSs clamp to 0..100%
            app = grade(question, list(picked)).fraction
            assert abs(float(lms) - app) < 0.0001, (picked, lms, app)


def test_no_fraction_for_shares_moodle_lacks():
    assert share_of_100(11) is None and share_of_100(3) == "33.33333"


def test_helpers():
    assert plain_number(Decimal("5000")) == "5000" and plain_number(Decimal("2.50")) == "2.5"
    assert plain_number(Decimal("1E+3")) == "1000"
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
    ]
    long = "a" * 70 + "/" + "b" * 64
    assert bounded_id("short/id", 100) == "short/id"
    assert len(bounded_id(long, 100)) == 100 and bounded_id(long, 100) == bounded_id(long, 100)
    assert bounded_id(long, 100) != bounded_id(long + "x", 100)
    q = parse(
        Numeric,
        {"type": "numeric", "id": "n", "prompt": "p", "answer": -200, "tolerance": "5%"},
    )
    assert tolerance_amount(q) == 10


@pytest.mark.parametrize(
    "module",
    ["quizzes.export", "quizzes.export.moodle", "quizzes.export.gift", "quizzes.export.qti"],
)
def test_exports_load_no_ui_pdf_or_format_library_until_used(module):
    import subprocess
    import sys

    code = (
        f"import sys, {module}; print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('reportlab', 'textual', 'genanki', 'openpyxl')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_ids_depend_on_set_and_question_only(bundled, hostile):
    """A question keeps its identifiers whatever else is exported with it or when."""
    import io
    import re
    import zipfile

    from quizzes.export import get_format

    alone, together = [hostile], [bundled[0], hostile]
    for name, pattern in (
        ("moodle", r"<idnumber>(hostile-set/[^<]+)</idnumber>"),
        ("gift", r"\[id:(hostile-set/[^\]]+)\]"),
    ):
        ids = [
            re.findall(pattern, get_format(name).build(sets).content.decode())
            for sets in (alone, together)
        ]
        assert ids[0] == ids[1] == [f"hostile-set/{q.id}" for q in hostile.qset.questions]

    def qti_idents(sets) -> set[str]:
        with zipfile.ZipFile(io.BytesIO(get_format("qti").build(sets).content)) as zf:
            text = "".join(zf.read(n).decode() for n in zf.namelist() if n.endswith(".xml"))
        return set(re.findall(r'<item ident="([^"]+)"', text))

    assert qti_idents(alone) <= qti_idents(together)
    assert len(qti_idents(alone)) == len(hostile.qset.questions)
