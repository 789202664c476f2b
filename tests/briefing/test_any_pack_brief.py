"""The brief and the handouts for packs unlike the bundled one, read back with pypdf."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings

from briefing.compose import compose_brief
from briefing.content import ArgumentList, BarChart, KeyFigures, SideBySide, Table, Timeline
from briefing.handouts import compose_handouts
from briefing.render import render_brief
from briefing.sheets import render_handouts, render_key
from quizzes.generate import TooFewFacts, automatic_set
from seeds.model import Pack
from seeds.packs import load_pack
from seeds.validation import parse
from tests.briefing.pdftext import squeeze, text_of
from tests.conftest import TEST_PACKS
from tests.packgen import packs

SHAPES = ("coalition-editorial", "harvest-figures", "rtl-voices", "three-framings")


@pytest.fixture(scope="module", params=SHAPES)
def shape(request) -> Pack:
    loaded, problems = load_pack(TEST_PACKS / request.param / "pack.yaml")
    assert loaded is not None and not problems, [str(p) for p in problems]
    return loaded.pack


def section(pack: Pack, key: str):
    return next((s for s in compose_brief(pack).sections if s.key == key), None)


def test_every_shape_builds_a_brief_and_handouts(shape):
    rendered = render_brief(compose_brief(shape))
    assert rendered.pages >= 1 and not rendered.warnings, rendered.warnings
    text = text_of(rendered.pdf)
    kind = {
        "coalition-editorial": "editorial",
        "harvest-figures": "report",
        "rtl-voices": "interview",
        "three-framings": "speech",
    }[shape.id]
    assert f"Curated from a single {kind};" in text and "news article" not in text
    handout = compose_handouts(automatic_set(shape), shape, variants=2)
    files = dict(render_handouts(handout))
    assert len(files) == 4 and all(pdf.pages >= 1 for pdf in files.values())


def test_each_argument_side_has_its_own_heading_and_no_empty_column():
    loaded, _ = load_pack(TEST_PACKS / "three-framings" / "pack.yaml")
    assert loaded is not None
    blocks = section(loaded.pack, "arguments").blocks
    assert [type(b) for b in blocks] == [ArgumentList, ArgumentList]
    assert [b.group.heading for b in blocks] == ["The case made for it", "How the story is framed"]
    assert len(blocks[1].group.entries) == 3
    text = text_of(render_brief(compose_brief(loaded.pack)).pdf)
    assert "CONCERNS RAISED" not in text and "HOW THE STORY IS FRAMED" in text
    assert "Arguments side by side" not in text


def test_two_framings_stay_under_their_heading_beside_a_concern():
    loaded, _ = load_pack(TEST_PACKS / "coalition-editorial" / "pack.yaml")
    assert loaded is not None
    paired, framings = section(loaded.pack, "arguments").blocks
    assert isinstance(paired, SideBySide) and isinstance(framings, ArgumentList)
    assert [e.claim for e in paired.right.entries] == ["An open-ended commitment"]
    assert [e.claim for e in framings.group.entries] == [
        "A burden shared among partners",
        "A test of alliances",
    ]


def test_one_figure_has_a_callout_and_no_chart_or_table():
    loaded, _ = load_pack(TEST_PACKS / "coalition-editorial" / "pack.yaml")
    assert loaded is not None
    (callouts,) = section(loaded.pack, "figures").blocks
    assert isinstance(callouts, KeyFigures) and len(callouts.callouts) == 1
    (one,) = callouts.callouts
    assert (one.value, one.detail) == ("6 billion", "U.S. dollars")
    text = text_of(render_brief(compose_brief(loaded.pack)).pdf)
    assert "6 billion" in text and "6,000,000,000" not in text


def test_forty_figures_build_with_a_capped_chart_and_a_full_table():
    loaded, _ = load_pack(TEST_PACKS / "harvest-figures" / "pack.yaml")
    assert loaded is not None
    blocks = section(loaded.pack, "figures").blocks
    callouts, table, chart = blocks
    assert isinstance(callouts, KeyFigures) and len(callouts.callouts) == 5
    assert isinstance(table, Table) and len(table.rows) == 40
    assert table.header == ("Figure", "As reported")  # no column that nothing fills
    assert isinstance(chart, BarChart) and len(chart.bars) == 12
    assert chart.note and "the other 23 are in the table" in chart.note
    text = squeeze(text_of(render_brief(compose_brief(loaded.pack)).pdf))
    assert squeeze("3.5 billion euros") in text and squeeze("Walnuts harvest") in text


def test_no_figures_no_figure_section():
    loaded, _ = load_pack(TEST_PACKS / "three-framings" / "pack.yaml")
    assert loaded is not None and section(loaded.pack, "figures") is None


def test_timeline_marks_dates_whose_order_is_not_known():
    loaded, _ = load_pack(TEST_PACKS / "coalition-editorial" / "pack.yaml")
    assert loaded is not None
    (timeline,) = section(loaded.pack, "timeline").blocks
    assert isinstance(timeline, Timeline)
    assert [m.when for m in timeline.entries] == [
        "November 2016",
        "2017",
        "March 2017",
        "2 March 2017",
        "9 March 2017",
    ]
    notes = [m.when_note for m in timeline.entries]
    assert notes == [
        None,
        "(year only: order not known)",
        "(month only: order not known)",
        None,
        None,
    ] or notes[1:3] == ["(year only: order not known)", "(month only: order not known)"]
    assert timeline.note and "order not known" in timeline.note


def poppler_text(pdf: bytes, tmp_path) -> str:
    """The text as poppler's pdftotext reads it: it turns drawn right-to-left runs back into
    reading order (marked with U+202B … U+202C), as a PDF reader does."""
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext (poppler-utils) is missing; .ci/run installs it")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    )
    return done.stdout


def assert_reading_order(text: str, statement: str) -> None:
    # Within a line poppler lists the runs left to right: a right-to-left line reads them
    # from the last to the first.
    runs = [
        run.strip(" ,.")
        for line in text.splitlines()
        for run in reversed(re.findall("\u202b([^\u202c]*)\u202c", line))
    ]
    mine = [run for run in runs if len(run.split()) > 1 and run in statement]
    # Every multi-word run of the statement is found in reading order, and together they
    # cover it from its first words to its last: nothing reversed, no line out of order.
    assert len(mine) >= 2, runs
    assert statement.startswith(mine[0]), (mine, statement)
    assert [statement.index(run) for run in mine] == sorted(statement.index(run) for run in mine)
    assert " ".join(reversed(statement.split()))[:12] not in text


def test_right_to_left_statements_print_in_reading_order(tmp_path):
    loaded, _ = load_pack(TEST_PACKS / "rtl-voices" / "pack.yaml")
    assert loaded is not None
    pack = loaded.pack
    statement = next(a for a in pack.arguments if a.id == "desalination-limits").statement
    assert_reading_order(poppler_text(render_brief(compose_brief(pack)).pdf, tmp_path), statement)
    # A run keeps one of two questions that answer each other: the key of a variant that
    # asks about the argument prints its statement.
    handout = compose_handouts(automatic_set(pack), pack, variants=4)
    code = next(
        v.code for v in handout.variants if any(k.fact_id == "desalination-limits" for k in v.key)
    )
    key = dict(render_handouts(handout))[f"rtl-voices-auto-{code}-key.pdf"]
    assert_reading_order(poppler_text(key.pdf, tmp_path), statement)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_any_pack_composes_a_brief(pack):
    brief = compose_brief(pack)
    keys = [s.key for s in brief.sections]
    assert keys[0] == "takeaways" and keys[-1] == "sources"
    assert ("figures" in keys) == bool(pack.figures)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_any_pack_renders_a_brief_and_handouts(pack):
    assert render_brief(compose_brief(pack)).pages >= 1
    try:
        qset = automatic_set(pack)
    except TooFewFacts:
        return
    assert all(pdf.pages >= 1 for _, pdf in render_handouts(compose_handouts(qset, pack)))


def test_a_paragraph_split_in_one_file_is_not_reused_in_the_next():
    """Found by hypothesis: variant A's key split its closing note over two pages; variant
    B's key reused that paragraph, split state and all, and reportlab gave up. (The note
    now stands before the keys, so each key fits on one page.)"""
    actor = {"statement": "Border.", "type": "state", "role": "border"}
    pack = parse(
        Pack,
        {
            "id": "generated",
            "title": "Border.",
            "source": {"headline": "Border.", "about": "Border.", "date_basis": "Border."},
            "takeaways": {
                "what_happened": "Border.",
                "why_it_matters": "Border.",
                "what_to_watch": "Border.",
            },
            "actors": [
                {
                    **actor,
                    "id": "za0",
                    "name": "Ana Costa 0",
                    "role": "health press river harbour council",
                    "mid_sentence": "the Ana Costa 0",
                },
                {**actor, "id": "za1", "name": "Νίκος Παππάς 1", "affiliation": "Ana Costa 0"},
                {
                    **actor,
                    "id": "za2",
                    "name": "O'Brien & Sons 2",
                    "affiliation": "Ana Costa 0",
                    "mid_sentence": "the O'Brien & Sons 2",
                },
                {**actor, "id": "za3", "name": "Νίκος Παππάς 3", "affiliation": "Ana Costa 0"},
                {
                    **actor,
                    "id": "za4",
                    "name": "Ana Costa 4",
                    "affiliation": "Border",
                    "mid_sentence": "the Ana Costa 4",
                },
            ],
            "arguments": [
                {
                    "id": "zg0",
                    "statement": "Border.",
                    "claim": "border",
                    "by": "za0",
                    "side": "case",
                },
                {
                    "id": "zg1",
                    "statement": "Border.",
                    "claim": "budget treaty border grain police",
                    "by": "za0",
                    "side": "case",
                },
                {
                    "id": "zg2",
                    "statement": "Border.",
                    "claim": "treaty border grain police water",
                    "by": "za0",
                    "side": "case",
                },
            ],
            "events": [
                {
                    "id": "ze0",
                    "statement": "Border.",
                    "date": "2018-05-01",
                    "title": "port court energy trade health",
                },
                {"id": "ze1", "statement": "Border.", "date": "2018-01-01", "title": "border"},
                {
                    "id": "ze2",
                    "statement": "Border.",
                    "date": "2015",
                    "title": "grain police water school",
                },
                # Runs keep one of two questions that answer each other, and roles said of
                # siblings are no distractors: these events give the keys back the length
                # that puts the closing note on the second page.
                *(
                    {"id": f"zx{i}", "statement": "B.", "date": f"2016-{i + 1:02d}-03", "title": t}
                    for i, t in enumerate(
                        (
                            "river harbour",
                            "council budget",
                            "treaty border",
                            "grain police",
                            "water school",
                            "port court",
                            "energy trade",
                            "health press",
                            "river council",
                        )
                    )
                ),
            ],
            "terms": [{"id": "zt0", "statement": "Border.", "term": "Border", "short": "B0"}],
        },
    )
    handout = compose_handouts(automatic_set(pack), pack)
    files = dict(render_handouts(handout))
    # Every key runs onto a second page, so a paragraph is split in each file.
    assert all(pdf.pages >= 2 for name, pdf in files.items() if name.endswith("-key.pdf"))
    for variant in handout.variants:  # the paragraphs shared between files change nothing
        alone = render_key(handout, variant).pdf
        assert alone == files[f"generated-auto-{variant.code}-key.pdf"].pdf


def test_the_masthead_date_is_no_more_precise_than_the_source():
    loaded, _ = load_pack(TEST_PACKS / "three-framings" / "pack.yaml")
    assert loaded is not None
    assert compose_brief(loaded.pack).masthead.date_text == "May 2021"
