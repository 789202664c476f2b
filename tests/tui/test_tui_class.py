"""A class in the app: who is playing (typed or from the roster, one name twice kept apart),
and spaced review from the home screen on a clock the test moves."""

from __future__ import annotations

from datetime import timedelta

from quizzes.classroom.students import clean_name, next_free, read_roster
from quizzes.tui.screens.home import HomeScreen
from quizzes.tui.screens.question import QuestionScreen
from quizzes.tui.screens.results import ResultsScreen
from quizzes.tui.screens.student import SameNameScreen, StudentScreen
from tests.tui.conftest import T0, flat, screen_text
from tests.tui.driver import typed
from tests.tui.test_tui_play import answer


def test_roster_and_names_are_cleaned():
    roster = read_roster("\ufeffAna Li\n\n  Bo   Chen \nana li\nBo Chen\n\x1b[31mEve\n\n")
    assert roster.names == ("Ana Li", "Bo Chen", "[31mEve")
    assert roster.blank == 1 and roster.duplicates == ("Ana Li", "Bo Chen")
    assert clean_name(" \t\u200b ") is None and clean_name("a" * 500) == "a" * 60
    assert next_free("Ana", {"Ana", "Ana (2)"}) == "Ana (3)"


async def play_through(app, pilot) -> None:
    while isinstance(app.screen, QuestionScreen):
        await answer(pilot, right=True)
        await pilot.press("enter")
        await pilot.pause()


async def test_a_typed_name_records_every_run_and_a_second_ana_is_kept_apart(build, store):
    app = build("every-type", ask_student=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StudentScreen)
        assert "Who is playing?" in screen_text(app)
        await pilot.press("enter")  # nothing typed
        await pilot.pause()
        assert "Type your name first" in screen_text(app)
        await pilot.press(*typed("Ana"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.sub_title == "Ana"
        await play_through(app, pilot)
        assert isinstance(app.screen, ResultsScreen)
    runs = store.all_runs()
    assert [r.student for r in runs] == ["Ana"]

    second = build("every-type", ask_student=True)
    async with second.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*typed("Ana"), "enter")
        await pilot.pause()
        assert isinstance(second.screen, SameNameScreen)
        assert "Someone named Ana has played here already" in flat(screen_text(second))
        await pilot.press("tab", "enter")  # "No: play as Ana (2)"
        await pilot.pause()
        assert second.sub_title == "Ana (2)"
        await play_through(second, pilot)
    assert [r.student for r in store.all_runs()] == ["Ana", "Ana (2)"]


async def test_a_roster_pick_names_the_student(build, store):
    app = build(ask_student=True, roster=("Ana Li", "Bo Chen"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Pick your name" in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.store.student == "Bo Chen"


class MovableClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self):
        self.now += timedelta(seconds=1)
        return self.now


async def test_review_shows_on_home_when_due_and_plays_the_due_questions(build, store):
    clock = MovableClock()
    first = build("every-type", clock=clock)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await play_through(first, pilot)
    assert len(store.cards()) == 7
    clock.now = T0 + timedelta(days=40)  # every card is due by now
    app = build(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Review (7 due)" in screen_text(app)
        await pilot.press("enter")  # the review entry is highlighted first
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert len(app.screen.session.items) == 7
        await play_through(app, pilot)
        assert isinstance(app.screen, ResultsScreen)
    assert store.cards(due_by=clock.now) == []  # reviewed: due again later
    later = build(clock=clock, review=True)
    async with later.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(later.screen, HomeScreen)  # nothing due: home, with a note
        assert "Review (0 due)" in screen_text(later)
