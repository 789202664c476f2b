"""Handout PDFs read back with pypdf: sheets per variant, keys apart, no answers on sheets."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.handouts import (
    Handout,
    Variant,
    compose_handouts,
    decode,
    key_title,
    points_label,
)
from briefing.sheets import render_handouts, render_key, render_sheet
from quizzes.catalog import Catalog
from quizzes.grading import grade
from tests.briefing.pdftext import has_images, outline_titles, reader, squeeze, text_of, uris

SEVEN = ("choice", "multi", "truefalse", "numeric", "text", "match", "order")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load(Path("/nonexistent"))


def handout_of(catalog: Catalog, set_id: str, variants: int = 2, seed: int = 1) -> Handout:
    loaded = next(s for s in catalog.sets if s.qset.id == set_id)
    return compose_handouts(
        loaded.qset, catalog.pack_for(loaded).pack, variants=variants, seed=seed
    )


@pytest.fixture(scope="module")
def timeline(catalog):
    """gsi-timeline in three variants, as files: it uses all seven question types."""
    handout = handout_of(catalog, "gsi-timeline", variants=3)
    return handout, dict(render_handouts(handout))


def sheet_text(files, handout: Handout, code: str, key: bool = False) -> str:
    name = f"{handout.set_id}-{code}{'-key' if key else ''}.pdf"
    return text_of(files[name].pdf)


def prompt_order(text: str, variant: Variant) -> list[str]:
    """The question ids in the order their prompts appear in `text`."""
    flat = squeeze(text)
    found = {q.question_id: flat.find(squeeze(q.prompt)) for q in variant.questions}
    assert all(at >= 0 for at in found.values()), found
    return sorted(found, key=found.__getitem__)


def test_one_sheet_and_one_key_per_variant(timeline):
    _, files = timeline
    assert list(files) == [f"gsi-timeline-{c}{k}.pdf" for c in "ABC" for k in ("", "-key")]
    for rendered in files.values():
        assert rendered.pdf.startswith(b"%PDF")
        assert rendered.pages == len(reader(rendered.pdf).pages)
        assert rendered.warnings == ()


def test_sheets_print_their_variant_in_its_order(timeline):
    handout, files = timeline
    orders = []
    for variant in handout.variants:
        text = sheet_text(files, handout, variant.code)
        order = prompt_order(text, variant)
        assert order == [q.question_id for q in variant.questions]
        orders.append(order)
        assert f"VARIANT {variant.code}" in text
        assert handout.title.split(":")[0] in text
        assert f"Score/{handout.total_points}" in squeeze(text)
        for label in ("Name", "Class", "Date"):
            assert label in text
        assert f"Quiz sheet, variant {variant.code}" in outline_titles(
            files[f"gsi-timeline-{variant.code}.pdf"].pdf
        )
    assert orders[0] != orders[1] != orders[2]
    assert sheet_text(files, handout, "A") != sheet_text(files, handout, "B")


@pytest.mark.parametrize("set_id", ["gsi-timeline", "gsi-figures"])
def test_all_seven_types_are_printed(catalog, set_id):
    handout = handout_of(catalog, set_id, variants=1)
    variant = handout.variants[0]
    assert {q.type for q in variant.questions} == set(SEVEN)
    flat = squeeze(text_of(render_sheet(handout, variant).pdf))
    for q in variant.questions:
        assert squeeze(q.instruction) in flat, q.type
        assert squeeze(f"{q.number}.{q.prompt}") in flat
        assert squeeze(points_label(q.points)) in flat
        for letter, option in zip("ABCDEFGH", q.options, strict=False):
            assert squeeze(option) in flat
            if q.type in ("order", "match"):
                assert squeeze(f"{letter}.{option}") in flat
            else:  # the letter is drawn inside its circle or box, just before the option
                assert squeeze(f"{letter}{option}") in flat
        if q.type == "truefalse":
            assert "True/False" in flat
        if q.type == "numeric" and q.unit:
            assert squeeze(q.unit) in flat
        if q.type == "match":
            for n, left in enumerate(q.lefts, 1):
                assert squeeze(f"{n}.{left}") in flat
        if q.type == "order":
            blanks = "".join(
                f"{n}{s}" for n, s in zip(range(1, 5), ("st", "nd", "rd", "th"), strict=True)
            )
            assert blanks in flat
    assert "Answer:" in flat


def test_key_lists_every_key_in_order_and_grades_its_variant(catalog, timeline):
    handout, files = timeline
    assert handout.variants and all(v.key for v in handout.variants)
    for variant in handout.variants:
        text = sheet_text(files, handout, variant.code, key=True)
        assert key_title(variant) in text
        assert "ANSWER KEY — Variant" in key_title(variant) and "not for students" in text
        flat, at = squeeze(text), 0
        for key in variant.key:
            found = flat.find(squeeze(f"{key.number}.{key.key}"), at)
            assert found >= 0, (variant.code, key)
            at = found
            assert squeeze(key.fact_id or "") in flat
            assert squeeze(key.fact_statement)[:40] in flat
        pack = variant.run.pack
        for sheet, key, item in zip(variant.questions, variant.key, variant.run.items, strict=True):
            assert grade(item.question, decode(sheet, key.key), pack).correct


def test_a_key_fits_only_its_own_variant(timeline):
    handout, files = timeline
    a = handout.variants[0]
    b_key = squeeze(sheet_text(files, handout, "B", key=True))
    a_lines = [squeeze(f"{k.number}.{k.key}") for k in a.key]
    assert any(line not in b_key for line in a_lines)


def student_allowed(handout: Handout, variant: Variant) -> str:
    """Everything a sheet may print: text an answer may legitimately share."""
    parts = [handout.title, handout.pack_title, handout.citation]
    for q in variant.questions:
        parts += [q.prompt, *q.options, *q.lefts, q.unit or "", q.instruction]
    return squeeze(" ".join(parts))


def test_student_files_hold_no_answers(catalog):
    assert len(catalog.sets) >= 3
    for loaded in catalog.sets:
        handout = handout_of(catalog, loaded.qset.id, variants=2, seed=3)
        for name, rendered in render_handouts(handout):
            if name.endswith("-key.pdf"):
                continue
            variant = next(v for v in handout.variants if name.endswith(f"-{v.code}.pdf"))
            text = text_of(rendered.pdf)
            flat, allowed = squeeze(text), student_allowed(handout, variant)
            assert "ANSWER KEY" not in text.upper()
            assert not re.search(r"\d\s*–\s*[A-Z]\b", text), name  # a match key: 1–C
            assert "Part marks" not in text and "Also accept" not in text
            for key in variant.key:
                for said in (key.answer, key.key, key.fact_id or "", key.fact_statement):
                    words = squeeze(said)
                    if len(words) > 3 and words not in allowed:
                        assert words not in flat, (name, key.number, said)


HOSTILE_SET = """\
id: hostile-set
title: "Tags <b>bold and AT&T"
pack: gsi-training-2023
questions:
  - id: q-choice
    type: choice
    prompt: 'Which is <img src="x"> here, in Łódź?'
    fact: gsi-training-places
    choices: ['<b>', 'AT&T', '[bold]x[/bold]', 'Łódź']
    answer: 'AT&T'
  - id: q-multi
    type: multi
    prompt: Pick the <i>tags</i>
    fact: gsi-training-places
    choices: ['<a href="file:///etc/passwd">x</a>', '&amp;', 'plain']
    answers: ['&amp;']
  - id: q-tf
    type: truefalse
    prompt: '<font size=40>big</font> is true'
    fact: gsi-training-places
    answer: true
  - id: q-num
    type: numeric
    prompt: How many <br/> places?
    fact: gsi-training-places
    answer: "5000"
    unit: '<u>people</u>'
  - id: q-text
    type: text
    prompt: Name [italic]it[/italic]
    fact: gsi-training-places
    accept: ['Erdoğan & co']
  - id: q-match
    type: match
    prompt: Match <b>these
    fact: gsi-training-places
    pairs:
      - {left: '<img src="y">', right: 'AT&T'}
      - {left: 'Łódź', right: '[bold]x[/bold]'}
  - id: q-order
    type: order
    prompt: Order 'em "now"
    fact: gsi-training-places
    items: ['<b>first', 'second & more', 'third</b>']
"""


def test_hostile_set_text_shows_literally(tmp_path, catalog):
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_SET, encoding="utf-8")
    loaded = catalog.find_set(str(path))
    handout = compose_handouts(loaded.qset, catalog.pack_for(loaded).pack, variants=2)
    files = list(render_handouts(handout))
    assert len(files) == 4  # two variants, each with its key
    for name, rendered in files:
        assert rendered.warnings == (), name
        text = text_of(rendered.pdf)
        flat = squeeze(text)
        for literal in (
            '<img src="x">',
            "<b>",
            "AT&T",
            "[bold]x[/bold]",
            "Łódź",
            "<font size=40>big</font>",
            "<br/>",
            'Order \'em "now"',
        ):
            assert squeeze(literal) in flat, (name, literal)
        assert not has_images(rendered.pdf) and uris(rendered.pdf) == []
        if name.endswith("-key.pdf"):
            assert "Erdoğan & co" in text
        else:
            assert "<u>people</u>" in text and "Erdoğan" not in text


def test_byte_identical_rebuilds(catalog):
    day = dt.date(2024, 1, 5)
    first = dict(render_handouts(handout_of(catalog, "gsi-figures", 2, seed=7), created=day))
    again = dict(render_handouts(handout_of(catalog, "gsi-figures", 2, seed=7), created=day))
    assert {k: v.pdf for k, v in first.items()} == {k: v.pdf for k, v in again.items()}
    other = dict(render_handouts(handout_of(catalog, "gsi-figures", 2, seed=8), created=day))
    assert first["gsi-figures-A.pdf"].pdf != other["gsi-figures-A.pdf"].pdf
    # shared paragraphs are an optimisation only: one file alone is the same file
    handout = handout_of(catalog, "gsi-figures", 2, seed=7)
    alone = render_key(handout, handout.variants[1], created=day)
    assert alone.pdf == first["gsi-figures-B-key.pdf"].pdf


def test_metadata_paper_and_printed_date(catalog):
    handout = handout_of(catalog, "gsi-actors", variants=1)
    variant = handout.variants[0]
    rendered = render_sheet(
        handout, variant, "letter", created=dt.date(2024, 3, 9), printed=dt.date(2024, 3, 9)
    )
    pdf = reader(rendered.pdf)
    assert round(float(pdf.pages[0].mediabox.height)) == 792
    assert pdf.metadata["/CreationDate"].startswith("D:20240309")
    assert pdf.metadata["/Title"] == f"{handout.title} — variant A"
    assert "9 March 2024" in text_of(rendered.pdf)
    key = reader(render_key(handout, variant).pdf)
    assert key.metadata["/Title"].startswith("Answer key")
    assert outline_titles(render_key(handout, variant).pdf) == ["Answer key, variant A"]


def test_handout_content_imports_no_reportlab():
    code = (
        "import sys, briefing, briefing.handouts; "
        "print(sorted(m for m in sys.modules if m.startswith('reportlab')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
