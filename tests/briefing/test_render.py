"""The PDF, read back with pypdf: sections, figures, metadata, outline, pages, reproducibility."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.compose import compose_brief
from briefing.render import render_brief
from tests.briefing.pdftext import SECTION_TITLES, outline_titles, reader, squeeze, text_of


@pytest.fixture(scope="module", params=["a4", "letter"])
def built(request, gsi):
    return request.param, render_brief(compose_brief(gsi.pack), request.param)


def test_page_count_two_to_four(built):
    paper, rendered = built
    assert 2 <= rendered.pages <= 4, paper
    assert len(reader(rendered.pdf).pages) == rendered.pages


def test_page_size(built):
    paper, rendered = built
    box = reader(rendered.pdf).pages[0].mediabox
    expected = {"a4": (595, 842), "letter": (612, 792)}[paper]
    assert (round(float(box.width)), round(float(box.height))) == expected


def test_sections_present_in_order(built):
    text = text_of(built[1].pdf)
    start = text.index("Key takeaways")
    assert len(SECTION_TITLES) >= 3
    for title in SECTION_TITLES:  # each found after the one before it
        found = text.find(title, start)
        assert found >= 0, f"{title} missing or out of order"
        start = found + len(title)


def test_masthead(built):
    first_page = reader(built[1].pdf).pages[0].extract_text()
    assert "CLASSROOM POLICY BRIEF" in first_page
    assert "For classroom use" in first_page
    assert "21 February 2023" in first_page
    assert "Based on:" in first_page


def test_figures_and_actors_in_text(built, gsi):
    text = squeeze(text_of(built[1].pdf))
    for figure in ("5,000", "2,000", "1,500", "32"):
        assert figure in text
    for actor in gsi.pack.actors:
        assert squeeze(actor.name) in text, actor.name
    assert "Source:" in text
    assert squeeze("April 2022 (inferred; article: “last April”)") in text


def test_running_footer(built):
    pages = reader(built[1].pdf).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert squeeze(f"Page {number} of {len(pages)}") in squeeze(page.extract_text())


def test_metadata(built, gsi):
    meta = reader(built[1].pdf).metadata
    assert meta.title == gsi.pack.title
    assert meta.author and "classbrief" in meta.author
    assert meta.subject and gsi.pack.source.headline in meta.subject
    assert "training" in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:20230221")


def test_language_and_window_title(built):
    root = reader(built[1].pdf).trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert root["/PageMode"] == "/UseOutlines"


def test_outline_one_entry_per_section_pointing_forward(built):
    pdf = built[1].pdf
    assert outline_titles(pdf) == SECTION_TITLES
    doc = reader(pdf)
    pages = [doc.get_destination_page_number(item) for item in doc.outline]
    assert pages == sorted(pages) and pages[-1] > 0


def test_rebuild_is_byte_identical(gsi, built):
    paper, rendered = built
    again = render_brief(compose_brief(gsi.pack), paper)
    assert again.pdf == rendered.pdf


def test_date_changes_only_what_it_should(gsi):
    brief = compose_brief(gsi.pack, dt.date(2024, 9, 1))
    rendered = render_brief(brief)
    meta = reader(rendered.pdf).metadata
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:20240901120000+00'00'"
    assert "1 September 2024" in reader(rendered.pdf).pages[0].extract_text()
    assert render_brief(brief).pdf == rendered.pdf


def test_no_warnings_for_the_bundled_pack(built):
    assert built[1].warnings == ()


def test_unknown_paper_is_refused(gsi):
    with pytest.raises(ValueError, match="paper"):
        render_brief(compose_brief(gsi.pack), "a3")


def test_the_creation_date_is_set_through_reportlabs_public_api():
    import inspect

    import briefing.render

    assert "_timeStamp" not in inspect.getsource(briefing.render)
