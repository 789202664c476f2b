"""The quiz app: start-up of a whole `quiz play` process, answer to feedback in a running
app, `quiz --help`, and the peak memory of the app process."""

from __future__ import annotations

import cProfile
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from seeds.validation import parse
from tests.benchmarks import profiled
from tests.benchmarks.processes import installed_env
from tests.benchmarks.running_app import RunningApp, timed

REPO = Path(__file__).resolve().parents[2]
T = TypeVar("T")
ENV = installed_env(NO_COLOR="1")


def _quiz(*args: str) -> Callable[[], None]:
    command = [sys.executable, "-m", "quizzes", *args]

    def run() -> None:
        subprocess.run(command, cwd=REPO, env=ENV, check=True, stdout=subprocess.DEVNULL)

    return run


def _peak_memory(data: Path) -> dict[str, Any]:
    """Peak resident memory of a `quiz play` process up to its first question."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
        "stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            probe,
            sys.executable,
            "-m",
            "quizzes",
            "--data-dir",
            str(data),
            "play",
            "gsi-figures",
            "--seed",
            "1",
            "--headless",
        ],
        cwd=REPO,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    )
    return {"value": int(result.stdout.strip()) / 1024, "unit": "MB"}  # ru_maxrss is KiB


def _quiz_app(data: Path, questions: int = 500) -> Callable[[RunningApp], Any]:
    """The quiz app playing a set of ``questions`` choice questions, for `RunningApp`."""

    def build(running: RunningApp) -> Any:
        from quizzes.catalog import Catalog
        from quizzes.model import QuestionSet
        from quizzes.places import progress_db
        from quizzes.sets import LoadedSet
        from quizzes.store import Store
        from quizzes.tui.app import PlayRequest, QuizApp
        from quizzes.tui.session import PlayOptions, SetChoice

        catalog = Catalog.load(data)
        pack = catalog.packs["gsi-training-2023"].pack
        qset = parse(
            QuestionSet,
            {
                "id": "bench",
                "title": "Benchmark",
                "pack": pack.id,
                "questions": [
                    {
                        "id": f"q{n}",
                        "type": "choice",
                        "fact": "gsi-training-places",
                        "prompt": f"Question {n}: how many GSI training places?",
                        "choices": ["5,000", "2,000", "1,500", "32"],
                        "answer": "5,000",
                    }
                    for n in range(questions)
                ],
            },
        )
        choice = SetChoice(LoadedSet(qset, "path"), pack, "bench")
        return timed(QuizApp, running)(
            catalog,
            Store.open(progress_db(data)),
            blink=False,
            play=PlayRequest(choice, PlayOptions(seed=1)),
        )

    return build


def _feedback_shown(screen: Any) -> bool:
    from quizzes.tui.screens.question import QuestionScreen

    return (
        isinstance(screen, QuestionScreen)
        and screen.answered
        and screen.query_one("#after").display
    )


def _next_question_shown(previous: Any) -> Callable[[Any], bool]:
    from quizzes.tui.screens.question import QuestionScreen

    def shown(screen: Any) -> bool:
        return isinstance(screen, QuestionScreen) and screen is not previous and not screen.answered

    return shown


def _steps(
    running: RunningApp,
    answered: Callable[[Any], bool],
    moved_on: Callable[[Any], Callable[[Any], bool]],
    cycles: int = 40,
) -> dict[str, float]:
    """Medians (ms) of answering and moving on, each key timed alone to its frame.
    A pause before each answer lets the screen settle (footer and all), as it has by
    the time a student has read the question."""
    feedback, onward = [], []
    for _ in range(cycles):
        time.sleep(0.2)
        feedback.append(running.press("1", "1", answered))
        onward.append(running.press("enter", "\r", moved_on(running.app.screen)))
    return {
        "feedback": statistics.median(feedback) * 1000,
        "next": statistics.median(onward) * 1000,
        "both": statistics.median(a + b for a, b in zip(feedback, onward, strict=True)) * 1000,
    }


def _own_shares(
    running: RunningApp,
    answered: Callable[[Any], bool],
    moved_on: Callable[[Any], Callable[[Any], bool]],
    cycles: int = 15,
) -> dict[str, dict[str, object]]:
    """The share of answering, and of moving on, spent in this project's code: each key
    profiled from its sending to its frame, in the app's own thread."""
    profiles = {"feedback": cProfile.Profile(), "next": cProfile.Profile()}

    def in_app(call: Callable[[], object]) -> None:
        done: Future[None] = Future()
        running.loop.call_soon_threadsafe(lambda: (call(), done.set_result(None)))
        done.result(timeout=30)

    def profiled_press(name: str, key: str, char: str, shown: Callable[[Any], bool]) -> None:
        in_app(profiles[name].enable)
        running.press(key, char, shown)
        in_app(profiles[name].disable)

    for _ in range(cycles):
        time.sleep(0.2)
        profiled_press("feedback", "1", "1", answered)
        profiled_press("next", "enter", "\r", moved_on(running.app.screen))
    return {name: profiled.own_share(profile) for name, profile in profiles.items()}


def _row(steps: Callable[[], dict[str, float]], key: str, goal: float | None = None):
    def measure() -> dict[str, Any]:
        return {"value": steps()[key], "unit": "ms", "goal": goal}

    return measure


def _once(make: Callable[[], T]) -> Callable[[], T]:
    """``make`` run on first use only, its result kept: several rows read one run."""
    kept: list[T] = []

    def get() -> T:
        if not kept:
            kept.append(make())
        return kept[0]

    return get


def cases():
    from tests.benchmarks import textual_floor as floor

    data = Path(tempfile.mkdtemp(prefix="classbrief-bench-quiz-"))

    # Each app gets a data folder of its own: a run left unfinished in a shared one would
    # greet the next app with the offer to resume it instead of a question.
    def quiz_steps() -> dict[str, float]:
        with RunningApp(_quiz_app(data / "steps")) as running:
            return _steps(running, _feedback_shown, _next_question_shown)

    def floor_steps() -> dict[str, float]:
        with RunningApp(floor.floor_app) as running:
            return _steps(running, floor.answered, floor.moved_on)

    def quiz_shares() -> dict[str, dict[str, object]]:
        with RunningApp(_quiz_app(data / "shares")) as running:
            return _own_shares(running, _feedback_shown, _next_question_shown)

    quiz, bare, shares = _once(quiz_steps), _once(floor_steps), _once(quiz_shares)
    return [
        (
            "quiz play process to first question, headless",
            _quiz("--data-dir", str(data), "play", "gsi-figures", "--seed", "1", "--headless"),
            0.8,
        ),
        ("answer -> feedback shown in-process", _row(quiz, "feedback", 16.0), None),
        ("feedback -> next question shown in-process", _row(quiz, "next"), None),
        ("answer -> feedback -> next question in-process", _row(quiz, "both", 50.0), None),
        ("  answer -> feedback: share in this project's code", lambda: shares()["feedback"], None),
        ("  feedback -> next: share in this project's code", lambda: shares()["next"], None),
        ("  Textual alone: key -> one line of feedback", _row(bare, "feedback"), None),
        ("  Textual alone: key -> a new screen, same widgets", _row(bare, "next"), None),
        ("quiz --help process", _quiz("--help"), 0.15),
        ("quiz play peak memory MB", lambda: _peak_memory(data), None),
    ]
