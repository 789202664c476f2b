"""The brief as plain data: what goes in, in what order, worded from the pack."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.compose import (
    brief_date,
    compose_brief,
    safe_url,
    shared_units,
)
from briefing.content import (
    ArgumentList,
    BarChart,
    ItemList,
    KeyFigures,
    LabelledBox,
    SideBySide,
    Table,
    Timeline,
    rich_text,
)
from seeds.dates import PartialDate

KEYS = [
    "takeaways",
    "figures",
    "background",
    "actors",
    "arguments",
    "timeline",
    "implications",
    "discussion",
    "glossary",
    "sources",
]


@pytest.fixture(scope="module")
def brief(gsi):
    return compose_brief(gsi.pack)


def section(brief, key):
    return next(s for s in brief.sections if s.key == key)


def test_sections_in_order(brief):
    assert [s.key for s in brief.sections] == KEYS


def test_masthead_and_info(brief, gsi):
    assert brief.masthead.title == gsi.pack.title
    assert brief.masthead.audience == "For classroom use"
    assert brief.masthead.date_text == "21 February 2023"
    assert gsi.pack.source.headline in brief.masthead.citation
    assert brief.info.created == dt.date(2023, 2, 21)
    assert brief.info.language == "en"
    assert "training" in brief.info.keywords


def test_date_option_wins(gsi):
    brief = compose_brief(gsi.pack, dt.date(2024, 5, 6))
    assert brief.masthead.date_text == "6 May 2024"
    assert brief.info.created == dt.date(2024, 5, 6)


def test_takeaways_box(brief):
    (box,) = section(brief, "takeaways").blocks
    assert isinstance(box, LabelledBox)
    assert [label for label, _ in box.items] == ["What happened", "Why it matters", "What to watch"]


def test_key_figures_and_chart(brief):
    figures, chart = section(brief, "figures").blocks
    assert isinstance(figures, KeyFigures) and isinstance(chart, BarChart)
    values = [c.value for c in figures.callouts]
    assert values == ["5,000", "2,000", "1,500", "32", "2022"]
    assert all(rich_text(c.source).startswith("Source:") for c in figures.callouts)
    assert chart.unit == "people to be trained"
    assert [b.value for b in chart.bars] == [5000, 2000, 1500]
    assert chart.source.startswith("Source:")
    for text in ("5,000", "2,000", "1,500"):
        assert text in chart.values_text
    assert chart.note and "no time frame given" in chart.note


def test_actors_table(brief, gsi):
    principal, others = section(brief, "actors").blocks
    assert isinstance(principal, Table) and isinstance(others, Table)
    assert principal.header == ("Actor", "Role", "Position", "Quoted")
    names = [rich_text(row[0]).split("\n")[0] for row in principal.rows + others.rows]
    assert sorted(names) == sorted(a.name for a in gsi.pack.actors)
    li_wei = next(row for row in principal.rows if rich_text(row[0]).startswith("Li Wei"))
    assert rich_text(li_wei[3]).endswith("— Li Wei")
    # a quote nobody is credited with is marked as the article's own words
    china = principal.rows[0]
    assert "the article's words" in rich_text(china[3])


def test_arguments_side_by_side_and_framings_under_their_own_heading(brief, gsi):
    block, framing = section(brief, "arguments").blocks
    assert isinstance(block, SideBySide) and isinstance(framing, ArgumentList)
    groups = (block.left, block.right, framing.group)
    assert [g.heading for g in groups] == [
        "The case made for it",
        "Concerns raised",
        "How the story is framed",
    ]
    assert [{e.claim for e in g.entries} for g in groups] == [
        {a.claim for a in gsi.pack.arguments if a.side == side}
        for side in ("case", "concern", "framing")
    ]
    assert all(rich_text(e.credit).startswith("Made by:") for g in groups for e in g.entries)
    assert block.note and "6 arguments" in block.note and framing.note is None


def test_timeline_sorted_and_inferred_marked(brief):
    (timeline,) = section(brief, "timeline").blocks
    assert isinstance(timeline, Timeline)
    assert [m.when for m in timeline.entries] == [
        "January 2022",
        "April 2022",
        "September 2022",
        "October 2022",
        "December 2022",
        "21 February 2023",
    ]
    april = timeline.entries[1]
    assert april.inferred and april.when_note == "(inferred; article: “last April”)"
    assert timeline.entries[0].when_note is None


def test_implications_labelled_analysis(brief):
    implications = section(brief, "implications")
    assert implications.label == "Analysis"
    assert any(isinstance(b, ItemList) for b in implications.blocks)


def test_discussion_numbered(brief, gsi):
    (questions,) = section(brief, "discussion").blocks
    assert questions.numbered and len(questions.items) == len(gsi.pack.discussion)


def test_sources_and_method(brief):
    text = " ".join(
        rich_text(p)
        for b in section(brief, "sources").blocks
        for p in getattr(b, "paragraphs", getattr(b, "items", ()))
    )
    assert "verbatim" in text and "inferred" in text


def test_sparse_pack_skips_empty_sections(mini):
    brief = compose_brief(mini.pack)
    keys = [s.key for s in brief.sections]
    assert keys[0] == "takeaways" and keys[-1] == "sources"
    assert keys == [k for k in KEYS if k in keys]  # order kept
    figures = next(s for s in brief.sections if s.key == "figures")
    assert not any(isinstance(b, BarChart) for b in figures.blocks)  # no unit shared by 3


def test_short_date():
    assert [PartialDate.parse(d).short() for d in ("2022", "2022-04", "2023-02-21")] == [
        "2022",
        "Apr 2022",
        "21 Feb 2023",
    ]


def test_safe_url():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in (
        "javascript:alert(1)",
        "file:///etc/passwd",
        'https://x.org/"a',
        "https://",
        "http://x y",
        None,
        "",
    ):
        assert safe_url(bad) is None


def test_brief_date_default(gsi, mini):
    assert brief_date(gsi.pack) == dt.date(2023, 2, 21)
    assert brief_date(mini.pack) == dt.date(2024, 3, 4)


def test_shared_units_need_three(gsi):
    groups = shared_units(gsi.pack.figures)
    assert [len(g) for g in groups] == [3]
