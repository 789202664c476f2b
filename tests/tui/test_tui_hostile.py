"""Text from YAML that looks like markup is shown exactly as written, everywhere."""

from __future__ import annotations

from quizzes.catalog import Catalog
from quizzes.grading import model_answer
from quizzes.model import QuestionSet
from quizzes.sets import LoadedSet
from quizzes.store import Store
from quizzes.tui.app import PlayRequest, make_app
from quizzes.tui.screens.dialogs import ResumeScreen
from quizzes.tui.screens.question import QuestionScreen
from quizzes.tui.screens.results import ResultsScreen
from quizzes.tui.session import PlayOptions, Session, SetChoice
from seeds.paths import progress_db
from seeds.validation import parse
from tests.tui.conftest import Clock, screen_text
from tests.tui.driver import answer, until

HOSTILE = ["Which of [a] or [b]?", "[/]", "[bold]x[/bold]", "[@click=app.quit]x[/]", "<b>", "AT&T"]

QUOTES = {
    "q-choice": "“safer seas for AT&T” — Ana [b] Costa",
    "q-truefalse": "“Which of [a] or [b]?”",
    "q-numeric": "“train 300 [@click=app.quit]officers[/]”",
    "q-text": "“[bold]x[/bold] & <b>”",
}


def shown_strings(screen: QuestionScreen) -> list[str]:
    q = screen.item.question
    strings = [q.prompt, *screen.item.options]
    strings += [pair.left for pair in getattr(q, "pairs", [])]
    return strings


async def test_prompts_choices_quotes_and_titles_are_literal(build):
    app = build("every-type")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen: set[str] = set()
        while isinstance(app.screen, QuestionScreen):
            text = screen_text(app)
            assert "Every type: [a] & <b>" in text  # the header
            for string in shown_strings(app.screen):
                assert string in text, f"{string!r} not shown as written"
                seen.add(string)
            item = await answer(pilot)
            text = screen_text(app)
            if item.question.id in QUOTES:
                assert QUOTES[item.question.id] in text
            assert "The <b>Test</b> Gazette & AT&T, “Which of [a] or [b]? A" in text
            await pilot.press("enter")
            await pilot.pause()
        assert {s for s in HOSTILE if any(s in shown for shown in seen)} == set(HOSTILE)
        assert isinstance(app.screen, ResultsScreen)
        assert app.return_code is None and app.is_running  # [@click=app.quit] did nothing


async def test_missed_questions_on_the_results_screen_are_literal(build):
    app = build("every-type", mode="exam")
    async with app.run_test(size=(100, 80)) as pilot:
        await pilot.pause()
        while isinstance(app.screen, QuestionScreen):
            await answer(pilot, right=False)
        text = screen_text(app)
        given = app.screen.session.grades["q-choice"].given
        assert given in {"[/]", "[@click=app.quit]x[/]", "<b>"}
        assert "✗ Not correct: Which of [a] or [b]?" in text
        assert f"Your answer: {given}" in text
        assert "The answer:  [bold]x[/bold]" in text
        assert "Why:         A state offering training: [bold]x[/bold]." in text


async def test_escape_sequences_never_reach_the_screen(root):
    """The YAML reader drops control characters; a set built in code must not need it."""
    catalog = Catalog.load(root)
    pack = catalog.packs["hostile"].pack
    qset = parse(
        QuestionSet,
        {
            "id": "esc",
            "title": "\x1b[31mRed title\x1b[0m",
            "pack": "hostile",
            "questions": [
                {
                    "id": "q",
                    "type": "choice",
                    "prompt": "Bell\x07 and \x1b[2Jclear?",
                    "fact": "freedonia",
                    "choices": ["\x1b[31mred", "plain\x1b]0;x\x07"],
                    "answer": "\x1b[31mred",
                }
            ],
        },
    )
    loaded = LoadedSet(qset, "path")
    app = make_app(
        root,
        catalog=catalog,
        clock=Clock(),
        blink=False,
        play=PlayRequest(SetChoice(loaded, pack, "esc"), PlayOptions(seed=1)),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[31mRed title[0m" in text and "Bell and [2Jclear?" in text
        assert "[31mred" in text and "plain]0;x" in text
        assert "\x1b" not in text and "\x07" not in text
        await pilot.press("1")
        await pilot.pause()
        text = screen_text(app)
        assert "Your answer: " in text and "[31mred" in text and "\x1b" not in text


async def test_a_notification_about_a_set_is_literal(build, root):
    catalog = Catalog.load(root)
    loaded = catalog.find_set("every-type")
    store = Store.open(progress_db(root))
    session = Session.start(SetChoice.of(loaded, catalog), PlayOptions(seed=1), store, Clock())
    session.answer(model_answer(session.current.question))
    store.close()
    (root / "sets" / "every-type.yaml").unlink()  # the set is gone: resuming must explain
    app = build()
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        assert "Every type: [a] & <b>" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        notices = [n.message for n in app._notifications]
        assert any(
            m.startswith(
                "Cannot resume “Every type: [a] & <b>”: no set or file called 'every-type'"
            )
            for m in notices
        ), notices
        # The toast appears on a later refresh.
        await until(pilot, lambda: "Cannot resume “Every" in screen_text(app), "the toast")
        assert "Cannot resume “Every type: [a] & <b>”" in screen_text(app)
