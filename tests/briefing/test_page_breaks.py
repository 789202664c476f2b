"""Where pages break, read back with poppler: no heading stands over nothing, and no page
holds only the last line or two of a section (a closing line, one bullet, one key row)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from briefing.compose import SIDE_HEADINGS, compose_brief
from briefing.handouts import compose_handouts
from briefing.render import render_brief
from briefing.sheets import render_handouts, render_key
from quizzes.catalog import Catalog
from quizzes.generate import TooFewFacts, automatic_set
from seeds.model import Pack
from seeds.packs import load_pack
from seeds.validation import parse
from tests.briefing.pagewords import Page, headings_without_content, pages, squeezed
from tests.briefing.pdftext import GSI_FOLDER, outline_titles
from tests.conftest import TEST_PACKS
from tests.packgen import packs

SHAPES = ("coalition-editorial", "harvest-figures", "rtl-voices", "three-framings")
SIDES = {heading.upper() for heading in SIDE_HEADINGS.values()}
LEAST_LINES = 5  # a page that starts no section carries at least this many lines of it
KEY_HEADER = "No. Key Question, and the answer in words Pts The fact it tests"


def shape(name: str) -> Pack:
    loaded, problems = load_pack(TEST_PACKS / name / "pack.yaml")
    assert loaded is not None, problems
    return loaded.pack


def gsi_with_sides(sides: tuple[str, ...]) -> Pack:
    """The bundled pack with its eight arguments put on the given sides."""
    data: dict[str, Any] = yaml.safe_load((GSI_FOLDER / "pack.yaml").read_text(encoding="utf-8"))
    for argument, side in zip(data["arguments"], sides, strict=True):
        argument["side"] = side
    return parse(Pack, data)


def brief_headings(pdf: bytes) -> set[str]:
    return set(outline_titles(pdf)) | SIDES


def empty_headings(pdf: bytes, headings: set[str]) -> list[str]:
    # a heading carried over to the next page may say so: "CONCERNS RAISED (CONTINUED)"
    return headings_without_content(pdf, headings | {f"{h} (continued)" for h in headings})


def section_starts(page: Page, titles: set[str]) -> bool:
    return any(squeezed(run.text) in {squeezed(t) for t in titles} for run in page.runs())


def thin_pages(pdf: bytes, starts: set[str]) -> list[str]:
    """Pages after the first that begin no section and hold fewer than LEAST_LINES lines
    (a closing line or a lone bullet carried over), or nothing at all."""
    bad = []
    for page in pages(pdf)[1:]:
        lines = page.body()
        if not lines or (not section_starts(page, starts) and len(lines) < LEAST_LINES):
            said = [" ".join(w.text for w in line) for line in lines]
            bad.append(f"page {page.number}: {said}")
    return bad


def assert_brief_pages_are_sound(pack: Pack) -> None:
    pdf = render_brief(compose_brief(pack)).pdf
    titles = set(outline_titles(pdf))
    assert empty_headings(pdf, brief_headings(pdf)) == []
    assert thin_pages(pdf, titles) == []


# --- the brief -------------------------------------------------------------------------------


def test_the_bundled_brief_keeps_every_heading_with_its_content(gsi):
    """The discussion questions' heading stood alone at a page foot, and the concerns'
    column heading was repeated over an empty column on the next page."""
    pdf = render_brief(compose_brief(gsi.pack)).pdf
    assert empty_headings(pdf, brief_headings(pdf)) == []


@pytest.mark.parametrize(
    "sides",
    [
        ("case",) * 7 + ("concern",),
        ("concern",) * 6 + ("case",) * 2,
        ("case", "concern", "concern", "concern", "concern", "framing", "framing", "concern"),
        ("framing", "concern", "case", "concern", "case", "case", "case", "framing"),
    ],
)
def test_no_argument_heading_stands_over_an_empty_column(sides):
    pack = gsi_with_sides(sides)
    pdf = render_brief(compose_brief(pack)).pdf
    assert empty_headings(pdf, brief_headings(pdf)) == []


def test_a_side_nobody_argues_has_no_heading():
    pack = gsi_with_sides(("concern",) * 4 + ("framing",) * 4)
    pdf = render_brief(compose_brief(pack)).pdf
    flat = squeezed(" ".join(w.text for p in pages(pdf) for w in p.words))
    assert squeezed("THE CASE MADE FOR IT") not in flat
    assert squeezed("CONCERNS RAISED") in flat and squeezed("HOW THE STORY IS FRAMED") in flat
    assert empty_headings(pdf, brief_headings(pdf)) == []


@pytest.mark.parametrize("name", SHAPES)
def test_every_shape_breaks_its_pages_soundly(name):
    """harvest-figures left its last source line and closing bullet alone on page 3."""
    assert_brief_pages_are_sound(shape(name))


def test_the_bundled_brief_breaks_its_pages_soundly(gsi):
    assert_brief_pages_are_sound(gsi.pack)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_any_pack_breaks_its_pages_soundly(pack):
    assert_brief_pages_are_sound(pack)


# --- handouts and keys -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load(Path("/nonexistent"))


def key_rows(page: Page) -> int:
    """Key rows that begin on the page: their number stands in the first column."""
    left = min(w.x0 for w in page.words)
    return sum(1 for w in page.words if re.fullmatch(r"\d+\.", w.text) and w.x0 < left + 12)


def assert_handouts_are_sound(files: dict[str, Any]) -> None:
    for name, rendered in files.items():
        read = pages(rendered.pdf)
        assert all(page.body() for page in read), name  # no blank page
        if name.endswith("-key.pdf"):
            assert headings_without_content(rendered.pdf, {KEY_HEADER}) == [], name
            # every page past the first holds two rows of the key at least, never only
            # the closing note or one row
            assert [key_rows(page) >= 2 for page in read[1:]] == [True] * (len(read) - 1), name
        else:
            # the closing line goes with a question, never alone
            for page in read:
                flat = squeezed(" ".join(w.text for w in page.words))
                if squeezed("End of the quiz") in flat:
                    assert any(re.fullmatch(r"\d+\.", w.text) for w in page.words), name


def test_a_key_never_ends_on_its_closing_note_alone(catalog):
    """The first eight questions of gsi-arguments left the key's closing note alone on
    page 2."""
    loaded = next(s for s in catalog.sets if s.qset.id == "gsi-arguments")
    qset = dataclasses.replace(loaded.qset, questions=loaded.qset.questions[:8])
    handout = compose_handouts(qset, catalog.pack_for(loaded).pack, variants=1)
    key = render_key(handout, handout.variants[0])
    assert key.pages >= 1
    assert_handouts_are_sound({"gsi-arguments-A-key.pdf": key})


@pytest.mark.parametrize("count", [8, 20, 35, 46])
def test_keys_and_sheets_of_every_length_break_soundly(gsi, count):
    qset = automatic_set(gsi.pack)
    qset = dataclasses.replace(qset, questions=qset.questions[:count])
    handout = compose_handouts(qset, gsi.pack, variants=3)
    assert_handouts_are_sound(dict(render_handouts(handout)))


@pytest.mark.parametrize("name", SHAPES)
def test_handouts_of_every_shape_break_soundly(name):
    pack = shape(name)
    handout = compose_handouts(automatic_set(pack), pack, variants=3)
    assert_handouts_are_sound(dict(render_handouts(handout)))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_any_pack_breaks_its_handouts_soundly(pack):
    try:
        qset = automatic_set(pack)
    except TooFewFacts:
        return
    assert_handouts_are_sound(dict(render_handouts(compose_handouts(qset, pack))))
