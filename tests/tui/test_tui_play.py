"""Playing whole sets with the keyboard, as a student would, in both modes."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from quizzes.tui.screens.dialogs import HelpScreen, ResumeScreen, StartScreen
from quizzes.tui.screens.home import HomeScreen
from quizzes.tui.screens.question import QuestionScreen
from quizzes.tui.screens.results import ResultsScreen
from quizzes.tui.session import Session
from tests.tui.conftest import Monotonic, flat, screen_text
from tests.tui.driver import answer, current_item, typed, until

TYPES = {"choice", "multi", "truefalse", "numeric", "text", "match", "order"}
WRONG = {"q-choice", "q-match"}


async def test_practice_every_type_with_feedback_then_retry_the_missed(build, store):
    app = build("every-type")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen = set()
        while isinstance(app.screen, QuestionScreen):
            item = await answer(pilot, right=item_id(pilot) not in WRONG)
            seen.add(item.question.type)
            text = screen_text(app)
            if item.question.id in WRONG:
                assert "✗ Not correct" in text or "◐ Partly correct" in text
                assert "The answer:" in text
            else:
                assert "✓ Correct" in text
            assert "Why:" in text and "Source:" in text
            assert "The <b>Test</b> Gazette & AT&T" in text  # the citation, literally
            await pilot.press("enter")  # Next question / See results
            await pilot.pause()
        assert seen == TYPES
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Score 5.33 of 7 points  (76%)" in text
        assert "5 of 7 questions right" in text
        assert "Missed questions (2)" in text
        assert "Actors" in text and "Figures" in text

        run = app.screen.session.record
        assert store.run(run.id).finished is not None
        assert len(store.answers(run.id)) == 7

        await pilot.press("r")  # retry the missed ones
        await pilot.pause()
        retried = set()
        while isinstance(app.screen, QuestionScreen):
            retried.add((await answer(pilot)).question.id)
            await pilot.press("enter")
            await pilot.pause()
        assert retried == WRONG
        assert "Nothing missed" in screen_text(app)
        assert store.run(app.screen.session.record.id).only is not None


def item_id(pilot) -> str:
    return current_item(pilot).question.id


async def test_exam_every_type_shows_nothing_until_the_results(build, store):
    app = build("every-type", mode="exam")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        count = 0
        while isinstance(app.screen, QuestionScreen):
            text = screen_text(app)
            assert "Exam · Question" in text and "Score" not in text and "Streak" not in text
            await answer(pilot, right=item_id(pilot) not in WRONG)
            count += 1
            assert "Correct" not in screen_text(app)  # straight on, no feedback
        assert count == 7
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Results — Exam" in text and "5 of 7 questions right" in text
        await pilot.press("n")  # a new round: a new seed, every question again
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert len(app.screen.session.items) == 7 and app.screen.session.options.seed == 100


async def test_exam_time_limit_counts_down_and_ends_the_run(build, store):
    monotonic = Monotonic()
    app = build("every-type", mode="exam", time_limit=1, monotonic=monotonic)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Time left 1:00" in screen_text(app)
        await answer(pilot)
        # Let the next question's header finish drawing its title first: ending the exam
        # within the same refresh would remove it under Textual's deferred title update.
        await until(
            pilot,
            lambda: "Every type: [a] & <b>" in screen_text(app).splitlines()[0],
            "the question's header to show the set's title",
        )
        monotonic.value += 45
        app.screen.tick()
        await pilot.pause()
        assert "Time left 0:15" in screen_text(app)
        monotonic.value += 15
        app.screen.tick()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Time is up. 6 questions not answered." in text
        assert "– Not answered" in text and "Missed questions (6)" in text
        assert store.run(app.screen.session.record.id).finished is not None


async def test_a_non_number_is_explained_not_marked(build, store):
    app = build("every-type")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        while item_id(pilot) != "q-numeric":
            await answer(pilot)
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press(*typed("lots"), "enter")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "'lots' is not a number" in text and "nothing was marked" in text
        session = app.screen.session
        assert "q-numeric" not in session.grades
        assert "q-numeric" not in {a.question_id for a in store.answers(session.record.id)}
        app.screen.query_one(Input).value = ""
        await pilot.press(*typed("3 hundred"), "enter")
        await pilot.pause()
        assert "is not a number" in screen_text(app)
        app.screen.query_one(Input).value = "300 officers"
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ Correct" in screen_text(app)


async def test_an_empty_answer_or_an_unpaired_match_is_explained(build):
    app = build("every-type")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        checked = set()
        while isinstance(app.screen, QuestionScreen) and len(checked) < 2:
            kind = current_item(pilot).question.type
            if kind == "text":
                await pilot.press("enter")
                await pilot.pause()
                assert "Type an answer first" in screen_text(app)
                checked.add(kind)
            if kind == "match":
                await pilot.press("enter")
                await pilot.pause()
                assert "Pair every left side first" in screen_text(app)
                checked.add(kind)
            await answer(pilot)
            await pilot.press("enter")
            await pilot.pause()
        assert checked == {"text", "match"}


async def test_home_lists_sets_with_counts_and_history(build, store, root):
    played = build("every-type")
    async with played.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        while isinstance(played.screen, QuestionScreen):
            await answer(pilot, right=item_id(pilot) not in WRONG)
            await pilot.press("enter")
            await pilot.pause()
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Every type: [a] & <b>" in text
        assert "7 questions · your folder · best 76% · last 76% · missed 2 last time" in text
        assert "The numbers: China's security training offers" in text
        assert "not played yet" in text and "automatic" in text


async def test_home_enter_asks_practice_or_exam_then_plays(build):
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sets = app.screen.query_one(OptionList)
        target = next(
            i
            for i in range(sets.option_count)
            if "Every type" in str(sets.get_option_at_index(i).prompt)
        )
        sets.highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.options.mode == "exam"
        await answer(pilot)
        await pilot.press("escape")  # home; the run is kept for later
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "unfinished: 1 of 7 answered" in screen_text(app)


async def test_resume_is_offered_at_start_and_continues_where_it_stopped(build, root, store):
    first = build("every-type", seed=5)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(3):
            await answer(pilot)
            await pilot.press("enter")
            await pilot.pause()
        done = [i.question.id for i in first.screen.session.items[:3]]
        fourth = first.screen.item.question.id
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        assert "3 of 7 questions answered" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.item.question.id == fourth
        assert list(screen.session.grades) == done
        assert "Question 4 of 7" in screen_text(app)
        assert "Score 3/3 · Streak 3" in screen_text(app)


async def test_discarding_a_run_stops_the_offer(build, store):
    first = build("every-type")
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await answer(pilot)
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.unfinished_runs() == []


async def test_play_offers_to_resume_the_same_set_or_start_new(build, store):
    first = build("every-type")
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await answer(pilot)
        old = first.screen.session.record.id
    again = build("every-type", seed=9)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ResumeScreen)
        await pilot.press("escape")  # "Start new": the old run stays resumable
        await pilot.pause()
        assert isinstance(again.screen, QuestionScreen)
        assert again.screen.session.record.id != old
    assert old in {r.id for r in store.unfinished_runs()}


async def test_help_and_the_command_palette(build):
    app = build()
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "u / d (or ctrl+↑ ↓) moves it" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*typed("every"))
        await until(pilot, lambda: "Play: Every" in screen_text(app), "the palette's match")
        assert "Play: Every type: [a] & <b>" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


async def test_session_state_survives_in_the_store(build, store):
    """What the screens show is what the store holds, answer by answer."""
    app = build("every-type")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session: Session = app.screen.session
        for count in (1, 2):
            item = await answer(pilot)
            stored = store.answers(session.record.id)
            assert len(stored) == count and stored[-1].question_id == item.question.id
            await pilot.press("enter")
            await pilot.pause()


async def test_resizing_and_every_theme_keep_working(build):
    """Small and large terminals, and every built-in theme (the stylesheet uses only
    theme variables, so each must resolve)."""
    app = build("every-type")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for size in [(60, 18), (200, 60), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert "Every type: [a] & <b>" in screen_text(app)
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            assert "Practice · Question 1 of 7" in screen_text(app), theme
        await answer(pilot)
        assert "✓ Correct" in screen_text(app)


async def test_the_start_dialog_takes_a_count_and_an_exam_time_limit(build):
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sets = app.screen.query_one(OptionList)
        sets.highlighted = next(
            i
            for i in range(sets.option_count)
            if "Every type" in str(sets.get_option_at_index(i).prompt)
        )
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, StartScreen)
        dialog.query_one("#count", Input).value = "3"
        dialog.query_one("#minutes", Input).value = "1.5"
        await pilot.press("e")
        await pilot.pause()
        session = app.screen.session
        assert len(session.items) == 3 and session.options.time_limit == 1.5
        assert "Exam · Question 1 of 3 · Time left 1:30" in screen_text(app)


async def test_a_read_only_database_offers_play_without_saving(build, root):
    from quizzes.store import Store
    from quizzes.tui.screens.dialogs import UnsavedScreen
    from seeds.paths import progress_db

    why = f"{progress_db(root)}: the progress database is read-only for you"
    app = build("every-type", store=Store.open_copy(progress_db(root)), unsaved=why)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        text = flat(screen_text(app))
        assert "progress database is read-only for you" in text and "sqlite3" in text
        assert "Play without saving" in text and "Quit" in text
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "not saving progress" in flat(screen_text(app))  # said on every screen
    quitting = build("every-type", store=Store.open_copy(progress_db(root)), unsaved=why)
    async with quitting.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert quitting.return_code == 1


async def test_an_exam_resumed_after_its_deadline_ends_at_once(build, store, root):
    from datetime import timedelta

    from tests.tui.conftest import T0

    first = build("every-type", mode="exam", time_limit=1)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await answer(pilot)
        await answer(pilot)
    late = build("every-type", mode="exam", time_limit=1, clock=lambda: T0 + timedelta(minutes=3))
    async with late.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(late.screen, ResumeScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(late.screen, ResultsScreen)
        text = screen_text(late)
        assert "Time is up. 5 questions not answered." in text
        assert "Missed questions (5)" in text and "– Not answered" in text


async def test_an_exam_resumed_in_time_shows_the_true_time_left(build, store):
    from datetime import timedelta

    from tests.tui.conftest import T0

    first = build("every-type", mode="exam", time_limit=2)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await answer(pilot)
    later = build("every-type", mode="exam", time_limit=2, clock=lambda: T0 + timedelta(seconds=72))
    async with later.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(later.screen, QuestionScreen)
        assert "Time left 0:48" in screen_text(later)


async def test_match_keys_pair_the_row_under_the_cursor_and_the_hint_says_so(build):
    from quizzes.tui.widgets.arrange import MatchInput

    app = build("every-type")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        while item_id(pilot) != "q-match":
            await answer(pilot)
            await pilot.press("enter")
            await pilot.pause()
        widget = app.screen.query_one(MatchInput)
        hint = flat(screen_text(app))
        assert "the cursor stays on the row" in hint
        # A student pairs top to bottom: pick, move down, pick, move down, pick.
        await pilot.press("1", "down", "2", "down", "3")
        await pilot.pause()
        assert widget.chosen == [0, 1, 2]
        # ← → and a digit act alike: both change the ▸ row only.
        await pilot.press("up", "right")
        await pilot.pause()
        assert widget.chosen == [0, 2, 2] and widget.cursor == 1
        await pilot.press("1")
        await pilot.pause()
        assert widget.chosen == [0, 0, 2] and widget.cursor == 1


async def test_each_next_question_shows_its_own_prompt_place_and_focused_input(build):
    """Each question starts clean: nothing of the one before may linger."""
    app = build("every-type")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        total = len(app.screen.session.items)
        for n in range(1, total + 1):
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            item = current_item(pilot)
            text = screen_text(app)
            assert flat(item.question.prompt) in flat(text)
            assert f"Question {n} of {total}" in text
            assert "Why:" not in text and "Not correct" not in text  # no old feedback
            assert screen.query_one("#answer") in app.focused.ancestors_with_self
            assert screen.query_one("#body").scroll_y == 0
            await answer(pilot)
            assert ("See results" if n == total else "Next question") in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


async def test_focus_goes_straight_to_the_answer_on_every_question(build, monkeypatch):
    """No passing focus (and restyle) of the scrolling body before the answer takes it."""
    from textual.widget import Widget

    focused: list[str] = []
    watch = Widget.watch_has_focus

    def spy(self: Widget, value: bool) -> None:
        if value:
            focused.append(self.id or type(self).__name__)
        watch(self, value)

    monkeypatch.setattr(Widget, "watch_has_focus", spy)
    app = build("every-type")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(3):
            assert isinstance(app.screen, QuestionScreen)
            await answer(pilot)
            await pilot.press("enter")
            await pilot.pause()
    assert focused and "body" not in focused, focused


async def test_discarding_an_exam_does_not_restart_its_clock(build, store):
    """`quiz play SET --mode exam --time-limit 1`, one answer, quit; run again 20 seconds
    later and discard: the new exam has the 40 seconds left of the first, not a minute."""
    from datetime import timedelta

    from tests.tui.conftest import T0

    first = build("every-type", mode="exam", time_limit=1, clock=lambda: T0)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Time left 1:00" in screen_text(first)
        await answer(pilot)
    again = build("every-type", mode="exam", time_limit=1, clock=lambda: T0 + timedelta(seconds=20))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ResumeScreen)
        assert "Discarding it does not restart its clock" in flat(screen_text(again))
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(again.screen, QuestionScreen)
        text = screen_text(again)
        assert "Question 1 of 7" in text and "Time left 0:40" in text
        assert "Time left 1:00" not in text


async def test_the_match_warning_goes_once_every_row_is_paired(build):
    from quizzes.tui.widgets.arrange import MatchInput

    app = build("every-type")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        while item_id(pilot) != "q-match":
            await answer(pilot)
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("1", "enter")  # Enter with two rows still unpaired
        await pilot.pause()
        warning = "Pair every left side first"
        assert warning in flat(screen_text(app))
        widget = app.screen.query_one(MatchInput)
        assert widget.chosen.count(None) == 2
        await pilot.press("2", "down", "3")  # the ▸ row, then the last one
        await pilot.pause()
        assert None not in widget.chosen
        assert warning not in flat(screen_text(app))
        assert not app.screen.query_one("#problem").display


async def test_the_multi_warning_goes_once_an_answer_is_picked(build):
    app = build("every-type")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        while item_id(pilot) != "q-multi":
            await answer(pilot)
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Pick at least one answer" in flat(screen_text(app))
        await pilot.press("1")
        await pilot.pause()
        assert "Pick at least one answer" not in flat(screen_text(app))


def test_a_list_is_kept_for_the_next_question_exactly_when_a_new_one_would_be_alike(root):
    """`reusable` says, without making one, what comparing with a newly made input said:
    the same kind of list (choice or true/false) takes the next question's options."""
    from quizzes.catalog import Catalog
    from quizzes.engine import build_run
    from quizzes.tui.screens.question import answer_input, reusable
    from quizzes.tui.widgets.answers import ChoiceInput

    catalog = Catalog.load(root)
    loaded = catalog.find_set("every-type")
    items = build_run(loaded.qset, catalog.pack_for(loaded).pack, seed=1).items
    kinds = {type(item.question) for item in items}
    assert len(kinds) == 7  # every question type
    for before in items:
        old = answer_input(before)
        for item in items:
            alike = type(answer_input(item)) is type(old) and isinstance(old, ChoiceInput)
            assert reusable(old, item) == alike, (type(old).__name__, type(item.question).__name__)
