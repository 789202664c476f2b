"""Every page of every sheet and key names its set, its variant and "Page N of M" in full,
so loose pages can be matched to their key; a long title is what gives way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.handouts import Handout, compose_handouts
from briefing.sheets import render_handouts, render_key, render_sheet
from quizzes.catalog import Catalog
from tests.briefing.pagewords import pages

LONG_TITLE = (
    "Who said what <b>& why</b> [bold]x[/bold]: the people, states, police forces and regions "
    "in China's offers to train security staff from developing countries, week 3 of 12"
)
SET_ID = "week3-who-said-what"
LONGEST_ID = "who-said-what-in-chinas-security-training-offers-week-three-of12"  # 64 characters
QUESTIONS = """\
  - id: q{n}-choice
    type: choice
    prompt: 'Which is <img src="x"> here, in Łódź ({n})?'
    fact: gsi-training-places
    choices: ['<b>', 'AT&T', '[bold]x[/bold]', 'Łódź']
    answer: 'AT&T'
  - id: q{n}-tf
    type: truefalse
    prompt: '<font size=40>big</font> is true ({n})'
    fact: gsi-training-places
    answer: true
"""
LONG_SET = """\
id: {set_id}
title: "{title}"
pack: gsi-training-2023
questions:
""" + "".join(QUESTIONS.format(n=n) for n in range(9))  # two pages of questions


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load(Path("/nonexistent"))


def long_handout(catalog: Catalog, tmp_path: Path, variants: int, set_id: str = SET_ID) -> Handout:
    path = tmp_path / "long.yaml"
    path.write_text(LONG_SET.format(set_id=set_id, title=LONG_TITLE), encoding="utf-8")
    loaded = catalog.find_set(str(path))
    return compose_handouts(loaded.qset, catalog.pack_for(loaded).pack, variants=variants)


def assert_footers_name_set_variant_and_page(
    pdf: bytes, code: str, set_id: str = SET_ID, least_title: int = 30
) -> None:
    read = pages(pdf)
    assert len(read) >= 2
    for page in read:
        words = page.lines()[-1]
        footer = " ".join(w.text for w in words)
        assert f"Page {page.number} of {len(read)}" in footer, footer
        assert f"variant {code} ·" in footer or footer.endswith(f"variant {code}"), footer
        assert f"({set_id})" in footer, footer
        # what is left of the title is its beginning, cut with "…"
        title = footer.split(f" ({set_id})")[0].split(" ", 4)[-1].removeprefix("Answer key · ")
        assert title.endswith("…") and LONG_TITLE.startswith(title[:-1]), footer
        assert len(title) > least_title, footer
        # the footer's words stand clear of "Page N of M" and inside the page
        label_end = max(w.x1 for w in words[:4])
        assert all(w.x0 > label_end + 6 for w in words[4:]), footer
        assert max(w.x1 for w in words) < page.width - 40


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_long_titles_give_way_to_the_variant_and_the_page(catalog, tmp_path, paper):
    handout = long_handout(catalog, tmp_path, variants=3)
    files = dict(render_handouts(handout, paper, printed=dt.date(2023, 9, 30)))
    assert len(files) == 6
    for name, rendered in files.items():
        code = name.removesuffix(".pdf").removesuffix("-key").rsplit("-", 1)[1]
        assert_footers_name_set_variant_and_page(rendered.pdf, code)


def test_two_letter_variants_and_the_longest_set_id_are_printed_whole(catalog, tmp_path):
    handout = long_handout(catalog, tmp_path, variants=28, set_id=LONGEST_ID)
    variant = handout.variants[-1]
    assert variant.code == "AB"
    day = dt.date(2023, 9, 30)
    for rendered in (
        render_sheet(handout, variant, printed=day),
        render_key(handout, variant, printed=day),
    ):
        assert_footers_name_set_variant_and_page(rendered.pdf, "AB", LONGEST_ID, 1)


def test_only_the_title_gives_way():
    from briefing.content import Footer
    from briefing.furniture import fit_footer

    title = "The numbers: China's security training offers"
    footer = Footer(title, " (gsi) · variant AB", "Key · ")
    assert fit_footer(footer, 100, len) == footer.text  # it fits: nothing is cut
    assert fit_footer(footer, 50, len) == "Key · The numbers: China's… (gsi) · variant AB"
    assert fit_footer(footer, 30, len) == "Key · The… (gsi) · variant AB"
    assert fit_footer(footer, 26, len) == "Key · (gsi) · variant AB"  # the title goes first
