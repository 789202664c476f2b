"""The quiz app: answer to feedback and on to the next question in a running app, beside
its bare Textual twins (tests/benchmarks/twins/tui.py), and the peak memory of the app
process. (Start-up beside the twin: bench_startup.)"""

from __future__ import annotations

import cProfile
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TypeVar

from seeds.validation import parse
from tests.benchmarks import profiled
from tests.benchmarks.processes import installed_env
from tests.benchmarks.running_app import RunningApp, timed

REPO = Path(__file__).resolve().parents[2]
T = TypeVar("T")
ENV = installed_env(NO_COLOR="1")


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
        from quizzes.sets import LoadedSet
        from quizzes.store import Store
        from quizzes.tui.app import AppOptions, PlayRequest, QuizApp
        from quizzes.tui.session import PlayOptions, SetChoice
        from seeds.paths import progress_db

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
                        # An actor, not the figure: questions that print a figure's value
                        # among their options would answer each other, and a run keeps one.
                        "id": f"q{n}",
                        "type": "choice",
                        "fact": "china",
                        "prompt": f"Question {n}: which country made the training offer?",
                        "choices": ["China", "Pakistan", "Afghanistan", "Solomon Islands"],
                        "answer": "China",
                    }
                    for n in range(questions)
                ],
            },
        )
        choice = SetChoice(LoadedSet(qset, "path"), pack, "bench")
        return timed(QuizApp, running)(
            catalog,
            Store.open(progress_db(data)),
            AppOptions(blink=False, play=PlayRequest(choice, PlayOptions(seed=1))),
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
    """The first frame of a question other than the one ``previous`` showed (the screen is
    the same one when it moves on in place)."""
    from quizzes.tui.screens.question import QuestionScreen

    item = getattr(previous, "item", None)

    def shown(screen: Any) -> bool:
        return (
            isinstance(screen, QuestionScreen) and screen.item is not item and not screen.answered
        )

    return shown


Steps = tuple[Callable[[RunningApp], Any], Callable[[Any], bool], Callable[[Any], Any]]


def _steps(apps: dict[str, Steps], cycles: int = 30) -> dict[str, dict[str, float]]:
    """Medians (ms) of answering and moving on in each app, each key timed alone to its
    frame. The apps run side by side and take turns, one question each, so a machine busy
    with something else slows them alike. A pause before each key lets the screen settle
    (footer and all), as it has by the time a student has read the question, or the
    feedback: work an app does after drawing a frame is not on the next key's path."""
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in apps}
    with ExitStack() as stack:
        running = {
            name: stack.enter_context(RunningApp(build)) for name, (build, _, _) in apps.items()
        }
        for _ in range(cycles):
            for name, (_, answered, moved_on) in apps.items():
                app = running[name]
                time.sleep(0.15)
                feedback, onward = times[name]
                feedback.append(app.press("1", "1", answered))
                time.sleep(0.1)
                onward.append(app.press("enter", "\r", moved_on(app.app.screen)))
    return {
        name: {
            "feedback": statistics.median(feedback) * 1000,
            "next": statistics.median(onward) * 1000,
            "both": statistics.median(a + b for a, b in zip(feedback, onward, strict=True)) * 1000,
        }
        for name, (feedback, onward) in times.items()
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


def _row(steps: Callable[[], dict[str, dict[str, float]]], app: str, key: str, goal=None):
    def measure() -> dict[str, Any]:
        return {"value": steps()[app][key], "unit": "ms", "goal": goal}

    return measure


def _ratio_row(
    steps: Callable[[], dict[str, dict[str, float]]], key: str, twin: str, goal: float
) -> Callable[[], dict[str, Any]]:
    def measure() -> dict[str, Any]:
        ours, bare = steps()["quiz"][key], steps()[twin][key]
        return {
            "value": ours / bare,
            "unit": "x",
            "goal": goal,
            "detail": f"{ours:.1f} ms vs twin {bare:.1f} ms",
        }

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
    from tests.benchmarks.twins import tui as twin

    data = Path(tempfile.mkdtemp(prefix="classbrief-bench-quiz-"))

    # Each app gets a data folder of its own: a run left unfinished in a shared one would
    # greet the next app with the offer to resume it instead of a question.
    def all_steps() -> dict[str, dict[str, float]]:
        return _steps(
            {
                "quiz": (_quiz_app(data / "steps"), _feedback_shown, _next_question_shown),
                "switch": (twin.twin_app(in_place=False), twin.answered, twin.moved_on),
                "in place": (twin.twin_app(in_place=True), twin.answered, twin.moved_on),
            }
        )

    def quiz_shares() -> dict[str, dict[str, object]]:
        with RunningApp(_quiz_app(data / "shares")) as running:
            return _own_shares(running, _feedback_shown, _next_question_shown)

    steps, shares = _once(all_steps), _once(quiz_shares)
    return [
        ("answer -> feedback shown in-process", _row(steps, "quiz", "feedback"), None),
        ("feedback -> next question shown in-process", _row(steps, "quiz", "next"), None),
        ("answer -> feedback -> next question in-process", _row(steps, "quiz", "both", 25.0), None),
        (
            "answer -> feedback / in-place twin",
            _ratio_row(steps, "feedback", "in place", 1.5),
            None,
        ),
        ("feedback -> next / in-place twin", _ratio_row(steps, "next", "in place", 1.5), None),
        ("  twin, in place: key -> feedback", _row(steps, "in place", "feedback"), None),
        ("  twin, in place: key -> next question", _row(steps, "in place", "next"), None),
        ("  twin, in place: answer -> next", _row(steps, "in place", "both"), None),
        ("  twin, new screen: key -> feedback", _row(steps, "switch", "feedback"), None),
        ("  twin, new screen: key -> next question", _row(steps, "switch", "next"), None),
        ("  answer -> feedback: share in this project's code", lambda: shares()["feedback"], None),
        ("  feedback -> next: share in this project's code", lambda: shares()["next"], None),
        ("quiz play peak memory MB", lambda: _peak_memory(data), None),
    ]
