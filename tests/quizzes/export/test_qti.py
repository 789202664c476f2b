"""Canvas QTI packages read by qti2latex (which reads Canvas's own exports) into an answer
key, and compared in layout with a package text2qti makes for the same questions."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

import pytest

from quizzes.export import get_format
from quizzes.export.base import ordinal
from quizzes.model import Choice, FreeText, Match, Multi, Numeric, Order, TrueFalse


def plain(latex: str) -> str:
    """LaTeX from the key back to text, by pandoc."""
    import pypandoc

    return pypandoc.convert_text(latex, "plain", format="latex", extra_args=["--wrap=none"]).strip()


def answer_key(content: bytes, tmp_path) -> list[dict]:
    """Run qti2latex on the package; each question of its answer key as a dict."""
    package = tmp_path / "quiz.zip"
    package.write_bytes(content)
    done = subprocess.run(
        [sys.executable, "-m", "qti2latex", str(package), "--answer-key", "-o", "key.tex"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    tex = (tmp_path / "key-answerkey.tex").read_text(encoding="utf-8")
    body = tex.split(r"\begin{questions}", 1)[1].split(r"\end{questions}", 1)[0]
    questions = []
    for chunk in body.split(r"\question[")[1:]:
        points, rest = chunk.split("]", 1)
        stem = rest.split("\n\n", 1)[0]
        choices = re.findall(r"\\(CorrectChoice|choice) (.*?)\n\n", rest, re.S)
        solution = re.search(r"\\begin\{solution\}\n(.*?)\n\\end\{solution\}", rest, re.S)
        questions.append(
            {
                "points": points,
                "stem": stem,
                "choices": choices,
                "solution": [s.strip() for s in solution[1].split(" / ")] if solution else None,
                "unsupported": "Unsupported/unknown question type" in rest,
            }
        )
    return questions


@pytest.fixture(scope="module")
def hostile_key(hostile, tmp_path_factory):
    content = get_format("qti").build([hostile]).content
    return answer_key(content, tmp_path_factory.mktemp("qti"))


def test_the_answer_key_holds_every_question_and_right_answer(bundled, tmp_path):
    sets = [s for s in bundled if s.qset.id == "gsi-figures"]
    key = answer_key(get_format("qti").build(sets).content, tmp_path)
    check_key(sets[0].qset.questions, key, literal=False)


def test_hostile_text_reaches_the_answer_key_literally(hostile, hostile_key):
    check_key(hostile.qset.questions, hostile_key, literal=True)


def check_key(questions, key, literal: bool) -> None:
    assert len(key) == len(questions)
    for q, read in zip(questions, key, strict=True):
        assert read["points"] == f"{q.points.normalize():f}"
        if literal:
            assert plain(read["stem"]) == q.prompt
        choices = [(mark, plain(text)) for mark, text in read["choices"]]
        right = [text for mark, text in choices if mark == "CorrectChoice"]
        if isinstance(q, Choice):
            assert [text for _, text in choices] == q.choices and right == [q.answer]
        elif isinstance(q, Multi):
            assert [text for _, text in choices] == q.choices and right == q.answers
        elif isinstance(q, TrueFalse):
            assert right == ["True" if q.answer else "False"]
        elif isinstance(q, Numeric):
            assert [Decimal(plain(s)) for s in read["solution"]] == [q.answer]
        elif isinstance(q, FreeText):
            # qti2latex reads answers as HTML, so it drops an answer that looks like a tag.
            found = {plain(s) for s in read["solution"]}
            assert {a for a in q.accept if "<" not in a} <= found
        else:  # qti2latex has no matching questions; checked below in the XML itself
            assert read["unsupported"]


def items(content: bytes) -> list[ET.Element]:
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        names = zf.namelist()
        names = [n for n in names if not n.endswith("/")]  # folder entries
        for name in names:
            ET.fromstring(zf.read(name))  # every file is well-formed XML
        tests = [n for n in names if n.count("/") == 1 and not n.endswith("assessment_meta.xml")]
        found = []
        for name in tests:
            found += ET.fromstring(zf.read(name)).iter(
                "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}item"
            )
        return found


def test_matching_pairs_and_order_positions(hostile):
    ns = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
    found = items(get_format("qti").build([hostile]).content)
    assert {type(q) for q in hostile.qset.questions} >= {Match, Order}
    for q, item in zip(hostile.qset.questions, found, strict=True):
        if not isinstance(q, Match | Order):
            continue
        expected = (
            [(p.left, p.right) for p in q.pairs]
            if isinstance(q, Match)
            else [(t, ordinal(i)) for i, t in enumerate(q.items, start=1)]
        )
        labels = {
            lbl.get("ident"): lbl.find(f"{ns}material/{ns}mattext").text
            for lbl in item.iter(f"{ns}response_label")
        }
        lefts = {
            lid.get("ident"): lid.find(f"{ns}material/{ns}mattext").text
            for lid in item.iter(f"{ns}response_lid")
        }
        pairs = [(lefts[eq.get("respident")], labels[eq.text]) for eq in item.iter(f"{ns}varequal")]
        assert pairs == expected
        scores = [Decimal(s.text) for s in item.iter(f"{ns}setvar")]
        assert all(s.get("action") == "Add" for s in item.iter(f"{ns}setvar"))
        assert abs(sum(scores) - 100) < Decimal("0.05")  # credit per pair, as the app grades


TEXT2QTI_QUIZ = """\
Quiz title: Reference
Quiz description: Made by text2qti.

1.  Which one?
*a) Right
b) Wrong

2.  Which ones?
[*] Right
[ ] Wrong
[*] Also right

3.  True?
*a) True
b) False

4.  How many?
=   5000 +- 100

5.  Say it.
*   word
*   other
"""


def shape(names: list[str]) -> set[str]:
    """File names with the assessment's id replaced by ID."""
    found = set()
    for name in names:
        folder, _, file = name.rpartition("/")
        if folder and "/" not in folder and file:
            name = "ID/" + ("ID.xml" if file == folder + ".xml" else file)
        found.add(name)
    return found


def paths(element: ET.Element, prefix: str = "") -> set[str]:
    """Every element path below ``element``, namespace and ids left out."""
    found = set()
    for child in element:
        tag = child.tag.split("}")[-1]
        path = f"{prefix}/{tag}"
        found.add(path)
        found |= paths(child, path)
    return found


def test_package_layout_and_items_follow_text2qti(hostile):
    from text2qti.config import Config
    from text2qti.qti import QTI
    from text2qti.quiz import Quiz

    reference = QTI(Quiz(TEXT2QTI_QUIZ, config=Config(), source_name="reference.txt")).zip_bytes()
    ours = get_format("qti").build([hostile]).content
    with zipfile.ZipFile(io.BytesIO(reference)) as ref, zipfile.ZipFile(io.BytesIO(ours)) as zf:
        assert shape(zf.namelist()) == shape(ref.namelist())
        manifest = ET.fromstring(zf.read("imsmanifest.xml"))
        ref_manifest = ET.fromstring(ref.read("imsmanifest.xml"))
        types = sorted(r.get("type") for r in manifest.iter() if r.tag.endswith("resource"))
        assert types == sorted(
            r.get("type") for r in ref_manifest.iter() if r.tag.endswith("resource")
        )
    reference_items = items(reference)
    kinds = ("choice", "multi", "truefalse", "numeric", "text")
    ours_by_type = {
        q.type: item for q, item in zip(hostile.qset.questions, items(ours), strict=True)
    }
    for kind, ref_item in zip(kinds, reference_items, strict=True):
        missing = paths(ref_item) - paths(ours_by_type[kind])
        # text2qti writes feedback only when a quiz has it; ours always has the explanation
        assert not missing, (kind, missing)
