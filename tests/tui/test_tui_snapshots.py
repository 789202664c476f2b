"""Screenshots at 80×24 of every screen a student sees, compared with approved SVGs.

Update after a deliberate change with `pytest tests/tui --snapshot-update`, then look at
the new SVGs (or the report) before committing them.
"""

from __future__ import annotations

import time

import pytest
from textual.pilot import Pilot

from quizzes.catalog import Catalog
from quizzes.grading import model_answer
from quizzes.store import Store
from quizzes.tui.screens.question import QuestionScreen
from quizzes.tui.session import PlayOptions, Session, SetChoice
from seeds.paths import progress_db
from tests.tui.conftest import Clock
from tests.tui.driver import answer, current_item

SIZE = (80, 24)


def until(kind: str, wrong: frozenset[str] = frozenset()):
    """A run_before that answers (right, practice) until a question of ``kind`` is up."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        while current_item(pilot).question.type != kind:
            await answer(pilot, right=current_item(pilot).question.type not in wrong)
            await pilot.press("enter")
            await pilot.pause()

    return run_before


def to_the_end(mode: str):
    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        while isinstance(pilot.app.screen, QuestionScreen):
            await answer(pilot, right=item_kind(pilot) not in {"choice", "match"})
            if mode == "practice":
                await pilot.press("enter")
            await pilot.pause()

    return run_before


def item_kind(pilot: Pilot) -> str:
    return current_item(pilot).question.type


class TestHome:
    def test_home(self, build, snap_compare):
        assert snap_compare(build(), terminal_size=SIZE)

    def test_start_dialog(self, build, snap_compare):
        async def run_before(pilot: Pilot) -> None:
            await pilot.pause()
            await pilot.press("enter")

        assert snap_compare(build(), terminal_size=SIZE, run_before=run_before)

    def test_help(self, build, snap_compare):
        assert snap_compare(build(), terminal_size=SIZE, press=["question_mark"])

    def test_resume_dialog(self, build, root, snap_compare, monkeypatch):
        monkeypatch.setenv("TZ", "UTC")  # the dialog shows the local start time
        time.tzset()
        catalog = Catalog.load(root)
        store = Store.open(progress_db(root))
        session = Session.start(
            SetChoice.of(catalog.find_set("every-type"), catalog),
            PlayOptions(seed=1),
            store,
            Clock(),
        )
        session.answer(model_answer(session.current.question))
        store.close()
        try:
            assert snap_compare(build(), terminal_size=SIZE)
        finally:
            monkeypatch.delenv("TZ")
            time.tzset()


class TestQuestions:
    @pytest.mark.parametrize(
        "kind", ["choice", "multi", "truefalse", "numeric", "text", "match", "order"]
    )
    def test_question(self, kind, build, snap_compare):
        assert snap_compare(build("every-type"), terminal_size=SIZE, run_before=until(kind))

    def test_exam_question_with_countdown(self, build, snap_compare):
        app = build("every-type", mode="exam", time_limit=20, monotonic=lambda: 50.0)
        assert snap_compare(app, terminal_size=SIZE)

    def test_not_a_number(self, build, snap_compare):
        async def run_before(pilot: Pilot) -> None:
            await until("numeric")(pilot)
            await pilot.press("l", "o", "t", "s", "enter")

        assert snap_compare(build("every-type"), terminal_size=SIZE, run_before=run_before)


class TestFeedback:
    def test_correct(self, build, snap_compare):
        async def run_before(pilot: Pilot) -> None:
            await until("choice")(pilot)
            await answer(pilot, right=True)

        assert snap_compare(build("every-type"), terminal_size=SIZE, run_before=run_before)

    def test_not_correct(self, build, snap_compare):
        async def run_before(pilot: Pilot) -> None:
            await until("numeric")(pilot)
            await answer(pilot, right=False)

        assert snap_compare(build("every-type"), terminal_size=SIZE, run_before=run_before)

    def test_partly_correct(self, build, snap_compare):
        async def run_before(pilot: Pilot) -> None:
            await until("match")(pilot)
            await answer(pilot, right=False)

        assert snap_compare(build("every-type"), terminal_size=SIZE, run_before=run_before)


class TestResults:
    def test_practice_results(self, build, snap_compare):
        assert snap_compare(
            build("every-type"), terminal_size=SIZE, run_before=to_the_end("practice")
        )

    def test_exam_results(self, build, snap_compare):
        assert snap_compare(
            build("every-type", mode="exam"), terminal_size=SIZE, run_before=to_the_end("exam")
        )
