"""The disk fills up in the middle of a run: the student is told what is saved and what
is not, and plays on unsaved (clearly marked) or quits; never a traceback."""

from __future__ import annotations

import sqlite3

from textual.widgets import Static

from quizzes.store import Store
from quizzes.tui.screens.dialogs import UnsavedScreen
from quizzes.tui.screens.question import QuestionScreen
from quizzes.tui.screens.results import ResultsScreen
from seeds.paths import progress_db
from tests.quizzes.storehelp import full_disk
from tests.tui.conftest import flat, screen_text
from tests.tui.driver import answer

__all__ = ["full_disk"]  # a fixture

TOLD = "Your earlier answers are saved; this answer could not be saved: the disk is full"


def dialog_text(app) -> str:
    """The dialog's sentences, unwrapped."""
    return flat(" ".join(str(static.content) for static in app.screen.query(Static)))


def on_disk(root) -> list[str]:
    with sqlite3.connect(f"{progress_db(root).as_uri()}?mode=ro", uri=True) as db:
        return [q for (q,) in db.execute("SELECT question_id FROM answers ORDER BY position")]


async def test_a_full_disk_mid_run_says_so_and_plays_on_unsaved(build, root, full_disk):
    store = Store.open(progress_db(root))
    app = build("every-type", store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = await answer(pilot)
        await pilot.press("enter")
        await pilot.pause()
        full_disk.full = True
        await answer(pilot)
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        text = dialog_text(app)
        assert TOLD in text and "Keep playing without saving" in flat(screen_text(app))
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        text = flat(screen_text(app))
        assert "✓ Correct" in text  # the answer was taken, only not saved
        assert "not saving progress" in text
        while isinstance(app.screen, QuestionScreen):
            await pilot.press("enter")
            await pilot.pause()
            if isinstance(app.screen, QuestionScreen):
                await answer(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "Score 7 of 7 points" in flat(screen_text(app))
        assert "not saving progress" in flat(screen_text(app))
    assert app.return_code in (None, 0)
    store.close()
    assert on_disk(root) == [first.question.id]


async def test_a_full_disk_mid_run_can_be_quit_cleanly(build, root, full_disk):
    store = Store.open(progress_db(root))
    app = build("every-type", mode="exam", store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = await answer(pilot)
        full_disk.full = True
        await answer(pilot)
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        assert TOLD in dialog_text(app)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1
    store.close()
    assert on_disk(root) == [first.question.id]
