"""Drafting articles of shapes the seed article does not have: a press release with ranges
and a dateline, a report full of law numbers and acronyms, an editorial whose one voice is
named after the quote. Each case below failed before drafting learned it."""

from __future__ import annotations

import datetime as dt

import pytest

from seeds.draft.assemble import draft_pack
from seeds.draft.emit import emit
from seeds.draft.find_dates import find_dates
from seeds.yamlread import parse_yaml
from tests.articles.truth import HELD_OUT, Tally, articles, evaluate
from tests.seeds.test_draft import assert_valid_but_for_placeholders

PRESS_RELEASE = """\
Forecasters expect a busy hurricane season

WASHINGTON, May 21, 2026 — The National Oceanic and Atmospheric Administration (NOAA) \
announced today that it expects 12 to 17 named storms this season, which runs from June 1 \
through November 30. An average season has 12 named storms. Forecasters give a 70-percent \
chance that the range is right. NOAA said the last season produced 4 major hurricanes. \
Four made landfall. "We are ready," said Jane Roe, lead seasonal forecaster at NOAA's \
Climate Prediction Center. NOAA will update the outlook in August.
"""

REPORT = """\
Security Assistance: Authorities and Issues for Congress

By Ann B. Clarke

The Foreign Assistance Act of 1961 (P.L. 87-195) is codified in Title 22 of the U.S. Code, \
and the Department of Defense (DOD) trains foreign forces under Title 10. Since FY2006 the \
United States has provided more than $200 billion, and in the 1980s Congress first let DOD \
train forces. The 1976 act set up reviews. The Departments of State and Defense share the \
work, and Congress oversees both.
"""

EDITORIAL = """\
Open the gates

Editorial — June 4, 2026

The fort has been the town's neighbor since 1942. “We are asking them to come see who we \
are,” Dana Okoro, Public Affairs officer at Fort Calder, wrote. The Public Affairs office \
will run the visitor tent.
"""


def figures_of(text: str, **options) -> list[dict]:
    return draft_pack(text, pack_id="t", **options).data["figures"]


def test_identifiers_and_years_are_never_figures():
    values = {f.get("value") for f in figures_of(REPORT)}
    assert values == {"200000000000"}, values  # not 87, 195, 22, 10, 1961, 1976, 2006
    (money,) = figures_of(REPORT)
    assert money["bound"] == "more than" and money["display"] == "$200 billion"


def test_a_range_is_one_figure_and_equal_values_that_count_different_things_are_two():
    found = {
        (f.get("value"), tuple(f.get("range", ())), f["unit"]) for f in figures_of(PRESS_RELEASE)
    }
    assert (None, ("12", "17"), "named storms") in found
    assert ("12", (), "named storms") in found  # the average, beside the range's low end
    assert ("70", (), "%") in found  # "70-percent", not 70 of something else
    fours = [f for f in figures_of(PRESS_RELEASE) if f.get("value") == "4"]
    assert len(fours) == 2, fours  # "4 major hurricanes" and "Four made landfall"
    storms = next(f for f in figures_of(PRESS_RELEASE) if f.get("range"))
    assert storms["display"] == "12 to 17"


def test_the_dateline_dates_the_article_and_today():
    draft = draft_pack(PRESS_RELEASE, pack_id="t")
    assert draft.data["source"]["published"] == "2026-05-21"
    dates = {e["date_text"]: e["date"] for e in draft.data["events"]}
    assert dates["May 21, 2026"] == "2026-05-21"
    (today,) = [m for m in find_dates("NOAA announced today.", dt.date(2026, 5, 21))]
    assert (today.text, today.value) == ("today", "2026-05-21")
    assert dates["from June 1"] == "2026-06-01"  # the nearer June 1: no tense says otherwise
    assert dates["November 30"] == "2026-11-30"  # after its start
    assert dates["in August"] == "2026-08"  # "will update"


def test_years_decades_and_fiscal_years_are_dates():
    dates = {e["date"] for e in draft_pack(REPORT, pack_id="t").data["events"]}
    assert {"1961", "1976", "1980s", "FY2006"} <= dates, dates


def test_the_agency_a_release_comes_from_is_an_actor_with_its_acronym():
    actors = {a["name"]: a for a in draft_pack(PRESS_RELEASE, pack_id="t").data["actors"]}
    assert "National Oceanic and Atmospheric Administration (NOAA)" in actors
    assert not any(name.startswith("Forecasters") for name in actors)  # the headline
    roe = actors["Jane Roe"]
    assert roe["role"] == "lead seasonal forecaster"  # the text says so: no TODO
    assert roe["affiliation"] == "NOAA's Climate Prediction Center"


def test_a_report_names_its_author_congress_dod_and_both_departments():
    actors = {a["name"]: a["type"] for a in draft_pack(REPORT, pack_id="t").data["actors"]}
    assert actors.get("Ann B. Clarke") == "person"
    assert actors.get("Congress") == "organisation"
    assert actors.get("Department of Defense (DOD)") == "organisation"
    assert actors.get("Department of State") == "organisation"
    assert actors.get("United States") == "state"
    assert not any("Departments" in name or "Issues" in name for name in actors), actors


def test_the_one_voice_named_after_a_quote_is_found_and_public_affairs_is_not_a_person():
    draft = draft_pack(EDITORIAL, pack_id="t")
    people = {a["name"]: a for a in draft.data["actors"] if a["type"] == "person"}
    assert list(people) == ["Dana Okoro"]
    assert people["Dana Okoro"]["role"] == "Public Affairs officer"
    assert people["Dana Okoro"]["affiliation"] == "Fort Calder"
    quotes = [q for a in draft.data["arguments"] for q in a["quotes"]]
    assert quotes and quotes[0]["by"] == "dana-okoro"
    assert draft.data["source"]["published"] == "2026-06-04"
    assert "1942" in {e["date"] for e in draft.data["events"]}


def test_a_phone_number_and_a_small_number_in_words_count_nothing():
    text = "Call 202-555-0143. A dry year, maybe two, and then 40 farms closed."
    assert [f.get("value") for f in figures_of(text)] == ["40"]


# --- the six articles against their truth files ------------------------------------------


def totals() -> dict[str, Tally]:
    summed = {kind: Tally() for kind in ("figures", "actors", "dates", "quotes")}
    for folder in articles():
        result = evaluate(folder)
        for kind in ("figures", "actors", "dates"):
            summed[kind].add(getattr(result, kind))
        summed["quotes"].add(result.quotes_verbatim)
    return summed


@pytest.mark.parametrize("folder", [*articles(), *articles(HELD_OUT)], ids=lambda f: f.name)
def test_every_test_article_drafts_a_pack_valid_but_for_its_placeholders(folder):
    text = (folder / "article.txt").read_text(encoding="utf-8")
    draft = draft_pack(text, pack_id="t")
    assert_valid_but_for_placeholders(parse_yaml(emit(draft.data, draft.comments), "p"), text)


def test_there_are_six_articles_of_different_shapes_with_truth_files():
    names = [folder.name for folder in articles()]
    assert len(names) >= 6, names


@pytest.mark.parametrize("kind", ["figures", "actors", "dates"])
def test_drafts_of_the_test_articles_find_nine_in_ten_and_propose_little_else(kind):
    tally = totals()[kind]
    assert tally.recall >= 90, (tally.recall, tally.missed)
    assert tally.precision >= 90, (tally.precision, tally.false)


def test_every_drafted_quote_is_verbatim():
    tally = totals()["quotes"]
    assert tally.total > 50 and tally.found == tally.total, tally.missed


def test_a_given_date_wins_over_the_dateline():
    draft = draft_pack(PRESS_RELEASE, pack_id="t", date=dt.date(2026, 5, 22))
    assert draft.data["source"]["published"] == "2026-05-22"
