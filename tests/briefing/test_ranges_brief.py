"""Ranges, bounds, decades and fiscal years in the brief: printed as the source gave them,
a range charted as one bar, spans placed in the timeline (the storm-outlook test pack)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from briefing.compose import compose_brief
from briefing.content import BarChart, Timeline
from briefing.render import render_brief
from seeds.model import Figure, Pack
from seeds.packs import load_pack
from seeds.validation import parse
from tests.briefing.pdftext import squeeze, text_of
from tests.conftest import TEST_PACKS


@pytest.fixture(scope="module")
def outlook() -> Pack:
    loaded, problems = load_pack(TEST_PACKS / "storm-outlook" / "pack.yaml")
    assert loaded is not None and not problems, [str(p) for p in problems]
    return loaded.pack


@pytest.fixture(scope="module")
def text(outlook) -> str:
    return squeeze(text_of(render_brief(compose_brief(outlook)).pdf))


def has(text: str, words: str) -> bool:
    return squeeze(words) in text


def test_ranges_and_bounds_print_as_written_and_once(text):
    assert has(text, "12–17 named storms") and has(text, "7–10 hurricanes")
    assert has(text, "about $41 billion")
    assert not has(text, "U.S. dollars")  # the dollar sign names the unit already
    # neither end on its own, as if the range were two figures
    assert not re.search(r"(?<![–\d])(?:12|17)namedstorms", text)


def test_a_range_is_one_bar_from_its_low_to_its_high_end(outlook):
    third = parse(
        Figure,
        {
            "id": "last-season",
            "label": "Named storms last season",
            "statement": "Last season had 18 named storms.",
            "value": 18,
            "unit": "named storms",
        },
    )
    pack = dataclasses.replace(outlook, figures=[*outlook.figures, third])
    charts = [b for s in compose_brief(pack).sections for b in s.blocks if isinstance(b, BarChart)]
    assert len(charts) == 1
    bars = {bar.label: bar for bar in charts[0].bars}
    assert len(bars) == 3  # a range is not two bars
    storms = bars["Named storms forecast"]
    assert (storms.start, storms.value, storms.value_text) == (12.0, 17.0, "12–17")
    assert bars["Named storms in an average season"].start == 0.0
    rendered = render_brief(compose_brief(pack))
    assert not rendered.warnings


def test_decades_and_fiscal_years_take_their_place_in_the_timeline(outlook, text):
    timeline = next(
        b for s in compose_brief(outlook).sections for b in s.blocks if isinstance(b, Timeline)
    )
    whens = [moment.when for moment in timeline.entries]
    assert whens[:2] == ["1990s", "FY2026"]
    assert has(text, "FY2026 (fiscal year only: order not known)")
    # 21 May 2026 falls inside FY2026, which is not the same day: say what it overlaps.
    assert has(text, "within FY2026: order not known")
    assert not has(text, "same day")
