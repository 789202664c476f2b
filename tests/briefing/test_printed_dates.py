"""One date style for readers: "21 April 2022", "April 2022", "2022", wherever a date is
printed (masthead, citations, figure sources, timeline, handout and key footers)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from briefing.compose import compose_brief
from briefing.handouts import compose_handouts
from briefing.render import render_brief
from briefing.sheets import render_handouts
from quizzes.catalog import Catalog
from quizzes.generate import automatic_set
from seeds.model import Pack
from seeds.packs import load_pack
from tests.briefing.pdftext import squeeze, text_of
from tests.conftest import TEST_PACKS

SHAPES = ("coalition-editorial", "harvest-figures", "rtl-voices", "three-framings")
ISO = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")
SHORT_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{4}\b")


def shape(name: str) -> Pack:
    loaded, problems = load_pack(TEST_PACKS / name / "pack.yaml")
    assert loaded is not None, problems
    return loaded.pack


def other_styles(text: str) -> list[str]:
    return [m.group(0) for m in (*ISO.finditer(text), *SHORT_MONTH.finditer(text))]


def test_the_citation_gives_the_date_in_words():
    pack = shape("coalition-editorial")
    assert pack.citation() == "Ministry Gazette, “Partners in a long fight”, 9 March 2017"
    assert shape("three-framings").citation().endswith("“Speech on the shared river”, May 2021")


@pytest.mark.parametrize("name", SHAPES)
def test_briefs_print_every_date_in_words(name):
    text = text_of(render_brief(compose_brief(shape(name))).pdf)
    assert other_styles(text) == []


def test_the_bundled_brief_prints_every_date_in_words(gsi):
    text = text_of(render_brief(compose_brief(gsi.pack)).pdf)
    assert other_styles(text) == []
    flat = squeeze(text)
    assert squeeze("Source: China (Beijing), 21 February 2023") in flat  # a figure's source
    assert squeeze("December 2022") in flat and squeeze("21 February 2023") in flat


def test_the_timeline_and_the_masthead_agree():
    pack = shape("coalition-editorial")
    brief = compose_brief(pack)
    timeline = next(s for s in brief.sections if s.key == "timeline")
    whens = [m.when for m in timeline.blocks[0].entries]  # type: ignore[union-attr]
    assert whens == ["November 2016", "2017", "March 2017", "2 March 2017", "9 March 2017"]
    assert brief.masthead.date_text == "9 March 2017"
    assert brief.masthead.citation.endswith("9 March 2017")


def test_handouts_and_keys_print_the_date_in_words():
    catalog = Catalog.load(Path("/nonexistent"))
    loaded = next(s for s in catalog.sets if s.qset.id == "gsi-figures")
    handout = compose_handouts(loaded.qset, catalog.pack_for(loaded).pack, variants=2)
    files = list(render_handouts(handout, printed=dt.date(2023, 3, 1)))
    assert len(files) == 4  # two variants, each with its key
    for name, rendered in files:
        text = text_of(rendered.pdf)
        assert "1 March 2023" in text, name
        assert other_styles(text) == [], name


@pytest.mark.parametrize("name", SHAPES)
def test_handouts_of_other_shapes_print_dates_in_words(name):
    pack = shape(name)
    handout = compose_handouts(automatic_set(pack), pack, variants=1)
    files = list(render_handouts(handout, printed=dt.date(2024, 12, 9)))
    assert len(files) == 2  # the variant and the key
    for file, rendered in files:
        text = text_of(rendered.pdf)
        assert "9 December 2024" in text and other_styles(text) == [], file
