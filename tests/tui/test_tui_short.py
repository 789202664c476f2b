"""Short and narrow terminals: the focused option is always on screen, the score stays."""

from __future__ import annotations

import pytest

from quizzes.tui.screens.question import QuestionScreen
from tests.tui.conftest import screen_text

CHOICES = [f"Choice {letter}{letter}" for letter in "ABCDEFGH"]
SET = f"""\
id: long-list
title: Long list
pack: hostile
questions:
  - id: many
    type: choice
    prompt: Which one of these eight is right, given a prompt long enough to wrap?
    fact: freedonia
    choices: [{", ".join(CHOICES)}]
    answer: {CHOICES[-1]}
  - id: many2
    type: multi
    prompt: Which ones of these eight are right?
    fact: freedonia
    choices: [{", ".join(CHOICES)}]
    answers: [{CHOICES[0]}, {CHOICES[-1]}]
"""


@pytest.mark.parametrize("size", [(40, 10), (60, 12)])
async def test_the_highlighted_choice_is_always_on_screen(build, root, size):
    (root / "sets" / "long.yaml").write_text(SET, encoding="utf-8")
    app = build("long-list")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for question in range(2):
            assert isinstance(app.screen, QuestionScreen)
            options = list(app.screen.item.options)
            for index in range(len(options)):
                if index:
                    await pilot.press("down")
                    await pilot.pause()
                text = screen_text(app)
                assert options[index] in text, (size, question, index, text)
                assert "Score" in text.splitlines()[1], text  # the status line keeps it
            await pilot.press("up")  # and back up, wrapping around: still in view
            await pilot.pause()
            assert options[-2] in screen_text(app)
            if question == 0:
                await pilot.press("enter")
            else:
                await pilot.press("space", "enter")
            await pilot.pause()
            await pilot.press("enter")  # on to the next question
            await pilot.pause()


async def test_the_score_stays_in_the_status_line_at_40_columns(build):
    from tests.tui.driver import answer

    app = build("every-type")
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        for right in (False, True, False, True):
            await answer(pilot, right=right)
            session = app.screen.session
            from quizzes.tui.text import number

            status = screen_text(app).splitlines()[1]
            tally = session.tally
            assert f"Score {number(tally.score)}/{number(tally.points)}" in status, status
            await pilot.press("enter")
            await pilot.pause()


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((40, 10), {"-narrow", "-short"}),
        ((75, 19), {"-narrow", "-short"}),
        ((76, 20), {"-wide", "-tall"}),
        ((120, 40), {"-wide", "-tall"}),
    ],
)
async def test_a_question_is_styled_once_for_its_size_and_again_when_it_changes(
    build, size, expected, monkeypatch
):
    from textual.app import App

    restyled: list[object] = []
    update_styles = App.update_styles

    def counted(self, node, animate=True):
        restyled.append(node)
        return update_styles(self, node, animate)

    monkeypatch.setattr(App, "update_styles", counted)
    app = build("every-type")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert {"-narrow", "-wide", "-short", "-tall"} & set(screen.classes) == expected
        # Once, as Textual restyles every screen it shows; its first resize found the
        # breakpoint classes already set, so that restyled nothing.
        assert restyled.count(screen) == 1
        other = (100, 30) if "-narrow" in expected else (50, 12)
        await pilot.resize_terminal(*other)
        await pilot.pause()
        assert ({"-narrow", "-short"} & set(screen.classes)) == (
            set() if "-narrow" in expected else {"-narrow", "-short"}
        )
        assert restyled.count(screen) == 2
