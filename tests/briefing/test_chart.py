"""The bar chart: every label and value stays inside the drawing, whatever its length."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import String
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing.chart import bar_chart, nice_step, wrap
from briefing.content import Bar, BarChart
from briefing.fonts import load_fonts


@pytest.fixture(scope="module")
def fonts():
    return load_fonts()


def chart(labels, values):
    bars = tuple(Bar(label, v, f"{v:,.0f}") for label, v in zip(labels, values, strict=True))
    return BarChart("t", "u", bars, "Source: x", "Values: y")


def strings(drawing):
    return [n for n in drawing.contents if isinstance(n, String)]


@pytest.mark.parametrize(
    "labels",
    [
        ("GSI", "SCO", "Arab"),
        (
            "A very long label that will certainly need to wrap over several lines here",
            "Another long label with Łódź and Erdoğan",
            "short",
        ),
        ("x" * 400, " ".join(["word"] * 80), "ok"),
    ],
)
def test_labels_and_values_inside(fonts, labels):
    drawing = bar_chart(
        chart(labels, (5000, 2000, 1500)), 480, fonts.sans[0], fonts.sans[1], fonts.glyphs()
    )
    nodes = list(strings(drawing))
    assert len(nodes) >= 6  # three labels and three values at least
    for node in nodes:
        width = stringWidth(node.text, node.fontName, node.fontSize)
        left = node.x - {"start": 0, "middle": width / 2, "end": width}[node.textAnchor]
        assert left >= -0.5 and left + width <= drawing.width + 0.5, node.text
        assert 0 <= node.y <= drawing.height


def test_longest_bar_is_the_largest_value(fonts):
    from reportlab.graphics.shapes import Rect

    drawing = bar_chart(
        chart(("a", "b", "c"), (100, 400, 250)), 400, fonts.sans[0], fonts.sans[1], fonts.glyphs()
    )
    widths = [r.width for r in drawing.contents if isinstance(r, Rect)]
    assert widths.index(max(widths)) == 1


def test_nice_step():
    assert nice_step(5000) == 1000
    assert nice_step(32) == 10
    assert nice_step(0) == 1


def test_wrap_cuts_long_words_and_elides(fonts):
    lines = wrap("y" * 300, fonts.sans[0], 8, 60, fonts.glyphs())
    assert len(lines) == 4 and lines[-1].endswith("…")


def test_wrap_keeps_words(fonts):
    lines = wrap("one two three four five six", fonts.sans[0], 8, 40, fonts.glyphs())
    assert " ".join(lines) == "one two three four five six" and len(lines) > 1
