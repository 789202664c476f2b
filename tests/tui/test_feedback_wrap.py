"""Feedback lines are wrapped by terminal cells: wide (CJK) text fits the width."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from quizzes.tui.text import wrap_cells
from quizzes.tui.widgets.feedback import LABEL_WIDTH, Explanation

CHINESE = (
    "中国国家主席习近平在博鳌亚洲论坛上提出全球安全倡议，"
    "表示中国愿意在未来五年内为发展中国家培训"
    "五千名安全执法人员，以帮助各国提高应对安全挑战的能力。"
)


@pytest.mark.parametrize("width", [30, 60, 80])
def test_wide_text_in_feedback_stays_within_the_width(width):
    explanation = Explanation(
        "✗ Not correct",
        [
            ("Your answer:", "习近平", ""),
            ("Why:", CHINESE, ""),
            ("Source:", "“" + CHINESE[:40] + "” Mixed English and 中文 text here", "italic"),
        ],
    )
    content, height = explanation.lines(width)
    lines = content.plain.split("\n")
    assert len(lines) == height
    assert all(cell_len(line) <= width for line in lines), [cell_len(x) for x in lines]
    why = next(n for n, line in enumerate(lines) if line.startswith("Why:"))
    body = "".join(
        line[LABEL_WIDTH:]
        for line in lines[why : why + height]
        if line[:LABEL_WIDTH].strip() in ("", "Why:")
    )
    assert body.startswith(CHINESE)  # nothing lost or reordered; the label stays on its row
    for line in lines[why + 1 :]:
        if line.startswith("Source:"):
            break
        assert line[:LABEL_WIDTH] == " " * LABEL_WIDTH  # continuation lines indented


def test_wrap_cells_breaks_at_spaces_and_inside_long_wide_words():
    assert wrap_cells("one two three", 7) == ["one two", "three"]
    assert wrap_cells("中文中文中文", 5) == ["中文", "中文", "中文"]
    assert wrap_cells("", 10) == []
    assert all(cell_len(line) <= 9 for line in wrap_cells("ab 中文中文中文中文 cd", 9))


@pytest.mark.parametrize("width", [12, 30, 80])
def test_a_long_choice_wraps_under_its_text_not_its_number(width):
    from rich.console import Console

    from quizzes.tui.text import hanging

    text = "The [bold]training[/bold] offer & its <five-year> horizon, " + CHINESE[:20]
    console = Console(width=width, record=True, color_system=None)
    console.print(hanging("12", text))
    lines = console.export_text().rstrip("\n").split("\n")
    assert lines[0].startswith("12 The ")
    assert all(line.startswith("   ") for line in lines[1:])  # under the text's start
    assert all(cell_len(line) == width for line in lines)  # each line fills the room
    words = "".join(line[3:] for line in lines).replace(" ", "")
    assert words == text.replace(" ", "")  # literal: no markup eaten, nothing lost
    assert len(lines) > 1 or width == 80
