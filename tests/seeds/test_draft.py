"""seeds.draft: a draft pack from an article's text, tried on the seed article and on short
articles of other shapes (editorial, speech, interview-style quotes)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
import yaml

from seeds.draft.article import ArticleError, read_article
from seeds.draft.assemble import draft_pack
from seeds.draft.emit import emit, quoted
from seeds.draft.preview import for_review
from seeds.draft.score import score
from seeds.model import Pack
from seeds.packs import check_pack, check_placeholders, check_quotes
from seeds.validation import validate
from seeds.yamlread import parse_yaml
from tests.conftest import SEED_ARTICLE

TUESDAY = dt.date(2023, 2, 21)


def seed_text() -> str:
    if not SEED_ARTICLE.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the seed article is missing at {SEED_ARTICLE}")
        pytest.skip("the seed article is not beside the repo")
    return SEED_ARTICLE.read_text(encoding="utf-8")


def drafted(text: str, **options):
    draft = draft_pack(text, pack_id=options.pop("pack_id", "draft"), **options)
    doc = parse_yaml(emit(draft.data, draft.comments), "pack.yaml")
    return draft, doc


def quotes_of(data: dict) -> list[tuple[str, str | None]]:
    found = []
    for group in ("figures", "actors", "arguments", "events", "terms"):
        for fact in data[group]:
            for quote in fact.get("quotes", []):
                found.append(
                    (quote["text"], quote.get("by")) if isinstance(quote, dict) else (quote, None)
                )
    return found


def assert_valid_but_for_placeholders(doc, article: str) -> None:
    """Every schema problem stands where a TODO does; every quote is in the article."""
    _, problems = validate(doc, Pack)
    todo = {(p.line, p.col) for p in check_placeholders(doc)}
    assert todo, "a draft always leaves statements to write"
    assert [p for p in problems if (p.line, p.col) not in todo] == []
    others = [p for p in check_pack(doc, article) if (p.line, p.col) not in todo]
    assert others == []
    assert check_quotes(doc, article) == []
    assert validate(parse_yaml(emit(for_review(doc.data)), "r.yaml"), Pack)[0] is not None


# --- the seed article against the bundled, hand-curated pack -----------------------------


def test_seed_article_recall_meets_the_goals(gsi):
    text = seed_text()
    draft, doc = drafted(text, date=TUESDAY)
    result = score(draft.data, gsi.pack, text)
    assert result.figures.percent >= 90, result.figures
    assert result.quotes.percent == 100, result.quotes
    assert result.actors.percent >= 80, result.actors
    assert result.events.percent >= 80, result.events
    assert sum(result.false_candidates.values()) <= 6, result.false_candidates
    assert_valid_but_for_placeholders(doc, text)


def test_seed_article_speakers_dates_and_terms():
    text = seed_text()
    draft, _ = drafted(text, date=TUESDAY)
    data = draft.data
    by = {t[:20]: who for t, who in quotes_of(data) if who}
    assert by["(China) used to trai"] == "li-wei"
    assert by["normal"] == "li-wei"
    assert by["As a member of the i"] == "li-wei"
    assert by["The focus of the 5,0"] == "wang-hongwei"
    assert by["Of course, it could "] == "wang-hongwei"  # follows his quote directly
    events = {e["date_text"]: (e["date"], e["inferred"]) for e in data["events"]}
    assert events["on Tuesday"] == ("2023-02-21", "true")
    assert events["last April"] == ("2022-04", "true")
    assert events["Last September"] == ("2022-09", "true")
    assert events["Since January 2022"] == ("2022-01", "false")
    assert {(t["term"], t["short"]) for t in data["terms"]} >= {
        ("Global Security Initiative", "GSI"),
        ("Shanghai Cooperation Organisation", "SCO"),
    }
    li = next(a for a in data["actors"] if a["id"] == "li-wei")
    assert li["type"] == "person" and "anti-terrorism expert" in li["role"]
    assert li["affiliation"].startswith("China Institutes of Contemporary International")
    assert next(a for a in data["actors"] if a["name"] == "Arab states")["type"] == "group"
    figure = next(f for f in data["figures"] if f["value"] == "5000")
    assert figure["unit"] == "security personnel"
    assert figure["period"] == "over the next five years"
    assert all(len(q.split()) <= 8 for f in data["figures"] for q in f["quotes"])
    assert not any(f["value"] == "2022" for f in data["figures"])  # a year is a date
    # "5,000 security personnel" and "5,000 training opportunities" count different nouns:
    # two candidates, for the curator to merge if they are one offer.
    assert draft.summary.line("x").startswith("5 figures, 7 quotes (6 attributed), 6 dates")


# --- short articles of other shapes ---------------------------------------------------------

SPEECH = """\
Remarks by the Minister at the Harbour Summit

Thank you all for coming. Last April we promised 300 new nurses for the islands. On Tuesday
the first 120 of them started work, and by next month the rest will follow.
"We said it could not be done," said Minister Ana Costa. "They said 'impossible' to us,
and we did it anyway."
Dr. Peter Novak, a surgeon at the Central Hospital, told the audience: “The hospital has
waited three years for this.” According to Novak, "a third of the wards were empty."
“We will keep going,” Costa said. ‘Every island counts,’ she added.
"""

EDITORIAL = """\
Our view: the budget is not enough

The government wants to spend 6 billion euros on schools over the next decade. That is
half of what teachers' unions asked for. A quarter of all school buildings need repair,
and nearly 40 percent of teachers are over fifty. The World Health Organization (WHO)
warned about indoor air in 2019. We think the plan is too timid.
"""


def test_speech_relative_dates_against_the_given_date():
    draft, doc = drafted(SPEECH, date=dt.date(2024, 5, 16))  # a Thursday
    events = {e["date_text"]: e["date"] for e in draft.data["events"]}
    assert events["Last April"] == "2024-04"  # the latest April before the date
    assert events["On Tuesday"] == "2024-05-14"
    assert events["by next month"] == "2024-06"
    assert_valid_but_for_placeholders(doc, SPEECH)


def test_quote_marks_of_every_kind_and_their_speakers():
    draft, _ = drafted(SPEECH, date=dt.date(2024, 5, 16))
    found = dict(quotes_of(draft.data))
    assert found["We said it could not be done"] == "ana-costa"  # "..., said Minister X"
    assert found["They said 'impossible' to us, and we did it anyway."] == "ana-costa"
    assert found["The hospital has waited three years for this."] == "peter-novak"
    assert found["a third of the wards were empty."] == "peter-novak"  # according to
    assert found["We will keep going"] == "ana-costa"  # "X said"
    assert found["Every island counts"] == "ana-costa"  # single curly marks, "she added"
    novak = next(a for a in draft.data["actors"] if a["id"] == "peter-novak")
    assert "surgeon" in novak["role"] and novak["affiliation"] == "Central Hospital"
    costa = next(a for a in draft.data["actors"] if a["id"] == "ana-costa")
    assert costa["role"] == "Minister" and costa["type"] == "person"  # the text says so


SAID = """\
Li Wei, a researcher at the Pacific Institute, spoke first. “Trade is up,” said Li.
Li said, “Exports doubled.” According to Li, "imports fell". ‘He told me “never” again,’
Li told the BBC. Later the minister said nothing. "Unclaimed words."
"""


def test_every_way_of_naming_a_speaker():
    draft, doc = drafted(SAID)
    found = dict(quotes_of(draft.data))
    assert found["Trade is up"] == "li-wei"  # said Li
    assert found["Exports doubled."] == "li-wei"  # Li said
    assert found["imports fell"] == "li-wei"  # according to Li
    assert found["He told me “never” again"] == "li-wei"  # nested, Li told
    assert "never" not in found  # the inner passage is part of the outer one
    assert found["Unclaimed words."] is None  # kept, credited to no one
    li = next(a for a in draft.data["actors"] if a["id"] == "li-wei")
    assert li["affiliation"] == "Pacific Institute"
    assert_valid_but_for_placeholders(doc, SAID)


def test_editorial_numbers_in_words_and_acronyms():
    draft, doc = drafted(EDITORIAL, kind="editorial")
    figures = {f["value"]: f for f in draft.data["figures"]}
    assert figures["6000000000"]["unit"] == "euros"
    assert figures["40"]["unit"] == "%"
    assert figures["0.25"]["unit"].startswith("share of")
    assert draft.data["source"]["headline"] == "Our view: the budget is not enough"
    assert any(t["short"] == "WHO" for t in draft.data["terms"])
    assert any(e["date"] == "2019" for e in draft.data["events"])
    assert "quotation marks" in " ".join(draft.notes)
    text = emit(draft.data, draft.comments)
    assert '# kind: "editorial"' in text or 'kind: "editorial"' in text
    assert_valid_but_for_placeholders(doc, EDITORIAL)


WIRE = """\
Drought forces Kenya to ration water in Nairobi

NAIROBI, Kenya (AP) — Kenya's government said Monday it would ration water in the capital for
at least three months after the worst drought in 40 years left reservoirs at 18% of capacity.

"We have no choice," Water Minister Alice Wahome told reporters. "If we do not act now, the
taps will run dry by June."

The United Nations World Food Programme (WFP) estimates that 4.4 million Kenyans need food
aid, up from 3.1 million in 2022. About 1.5 million children are malnourished, according to
UNICEF.

Farmers in Turkana say they have lost two-thirds of their herds. "My cattle are dead. All 60
of them," said Peter Ekai, 54, a herder near Lodwar.

Critics, including opposition leader Raila Odinga, accused the government of ignoring
warnings issued last year. Odinga said the rationing was "too little, too late".

The Kenya Meteorological Department expects the long rains to start in late March.
"""


def test_wire_story_titles_ages_acronyms_and_future_dates():
    draft, doc = drafted(WIRE, date=dt.date(2023, 2, 13))
    data = draft.data
    found = dict(quotes_of(data))
    assert found["We have no choice"] == "alice-wahome"  # "..., Water Minister X told"
    assert found["If we do not act now, the taps will run dry by June."] == "alice-wahome"
    assert found["too little, too late"] == "raila-odinga"  # "Odinga said", named before
    assert found["My cattle are dead. All 60 of them"] == "peter-ekai"
    figures = {f["value"]: f["unit"] for f in data["figures"]}
    assert figures["4400000"] == figures["3100000"] == "Kenyans"
    assert figures["18"] == "%" and figures["1500000"] == "children"
    assert "54" not in figures  # an age
    names = [a["name"] for a in data["actors"]]
    assert "World Food Programme (WFP)" in names and "UNICEF" in names
    assert not any(n.startswith("United Nations World") for n in names)
    events = {e["date_text"]: e["date"] for e in data["events"]}
    assert events["Monday"] == "2023-02-13" and events["by June"] == "2023-06"
    assert events["in late March"] == "2023-03"  # "expects ... to start": ahead
    assert_valid_but_for_placeholders(doc, WIRE)


def test_relative_dates_wait_for_a_reference_date():
    text = "Last April the council met. On 3 March 2021 it voted."
    draft, doc = drafted(text)
    dates = {e["date_text"]: e["date"] for e in draft.data["events"]}
    assert dates["Last April"].startswith("TODO")
    assert dates["On 3 March 2021"] == "2021-03-03"
    assert any("--date" in note for note in draft.notes)
    assert_valid_but_for_placeholders(doc, text)


def test_a_date_at_the_top_is_the_reference_date():
    draft, _ = drafted("Published 16 May 2024\n\nThe plan was approved last April.")
    assert draft.data["source"]["reference_date"] == "2024-05-16"
    assert any(e["date"] == "2024-04" for e in draft.data["events"])


def test_dates_do_not_depend_on_timezone_or_locale():
    code = (
        "import datetime as d, json; from seeds.draft.assemble import draft_pack; "
        "print(json.dumps(draft_pack(open(0).read(), pack_id='x', "
        "date=d.date(2024, 5, 16)).data['events']))"
    )
    outputs = set()
    for tz, lang in (("Pacific/Kiritimati", "de_DE.UTF-8"), ("Etc/GMT+12", "C")):
        env = {**os.environ, "TZ": tz, "LANG": lang, "LC_ALL": lang}
        done = subprocess.run(
            [sys.executable, "-c", code],
            input=SPEECH,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1 and json.loads(outputs.pop())


def test_no_quotes_and_no_numbers_is_still_a_draft():
    draft, doc = drafted("The council met and talked about the park. Nobody agreed.")
    assert draft.data["figures"] == [] and draft.data["arguments"] == []
    assert "no numbers were found" in draft.notes
    assert_valid_but_for_placeholders(doc, "The council met and talked about the park.")


def test_hostile_text_is_written_as_data():
    text = 'Evil said: "key: value # not a comment\\n &anchor *alias !!python/object \u2028 {[]}"\n'
    draft, doc = drafted(text)
    assert yaml.safe_load(emit(draft.data)) == doc.data
    assert any("&anchor" in t for t, _ in quotes_of(doc.data))


def test_quoted_scalars_round_trip_through_pyyaml():
    for value in ['a "b" \\ c', "line\nbreak", "\u2028\u0085x", "tab\there", "emoji 😀", "#x"]:
        assert yaml.safe_load(f"k: {quoted(value)}")["k"] == value


# --- placeholders in quiz check ---------------------------------------------------------------


def test_each_placeholder_is_a_located_error():
    doc = parse_yaml(
        'id: "x"\nfigures:\n  - statement: "TODO"\n    unit: "TODO: count"\n'
        'events:\n  - date: "TODO: YYYY"\n',
        "p.yaml",
    )
    problems = check_placeholders(doc)
    assert [(p.line, p.col) for p in sorted(problems)] == [(3, 16), (4, 11), (6, 11)]
    messages = [str(p) for p in sorted(problems)]
    assert messages[0].endswith("write this statement in your own words")
    assert "YYYY-MM-DD" in messages[2]
    assert check_placeholders(parse_yaml('note: "TODOs are fine in words"\n', "q.yaml")) == []


# --- the article file -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"text\x00with\x00nuls", "binary"),
        ("café".encode("latin-1"), "not UTF-8"),
        (b"<!DOCTYPE html><html><head></head><body><p>News</p></body></html>", "web page"),
        (b"1 2 3 4", "no words"),
    ],
)
def test_bad_article_files_are_refused_with_a_reason(raw, says):
    with pytest.raises(ArticleError) as err:
        read_article(raw)
    assert says in str(err.value)


def test_article_text_is_normalised():
    assert read_article(b"\xef\xbb\xbfOne.\r\nTwo\x07.") == "One.\nTwo."
