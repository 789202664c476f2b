"""The review tool for screen snapshots reads the screen's text back from an SVG."""

from __future__ import annotations

from tests.tui.snapshot_text import SNAPSHOTS, screen_text


def test_the_text_of_a_snapshot_is_the_screen_row_by_row():
    svg = (
        '<svg><text class="a" x="0" y="20" textLength="10">B&#160;2</text>'
        '<text x="0" y="10">A&lt;1</text><text x="12.2" y="20"><tspan>x</tspan></text>'
        '<text x="0" y="30">&#160;</text></svg>'
    )
    assert screen_text(svg) == ["A<1", "B 2x"]


def test_every_snapshot_reads_as_the_screen_it_shows():
    shown = {path.name: screen_text(path.read_text("utf-8")) for path in SNAPSHOTS.rglob("*.svg")}
    assert len(shown) >= 15
    choice = shown["TestQuestions.test_question[choice].svg"]
    assert "Which of [a] or [b]?" in choice
    assert [row.strip("▊▎ ") for row in choice if row.startswith("▊1")] == ["1 [/]"]
    assert all(any("classbrief quiz" in row for row in rows) for rows in shown.values())
