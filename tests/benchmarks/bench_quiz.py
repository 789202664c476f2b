"""The quiz app: start-up of a whole `quiz play` process, answer to feedback in a running
app, `quiz --help`, and the peak memory of the app process."""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from seeds.validation import parse
from tests.benchmarks.processes import installed_env

REPO = Path(__file__).resolve().parents[2]
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


class _RunningApp:
    """A quiz app kept running in its own thread and event loop. Keys go in through the
    driver, as a terminal's would; a waiter is released by the first frame drawn once
    its condition holds (headless frames are composed, just not written)."""

    def __init__(self, data: Path, questions: int = 500) -> None:
        self.data = data
        self.questions = questions
        self.loop = asyncio.new_event_loop()
        self.waiter: tuple[Callable[[Any], bool], Future[float]] | None = None
        self.stop = asyncio.Event()
        ready: Future[Any] = Future()
        threading.Thread(
            target=self.loop.run_until_complete, args=(self.main(ready),), daemon=True
        ).start()
        self.app = ready.result(timeout=60)

    def build(self):
        from quizzes.catalog import Catalog
        from quizzes.model import QuestionSet
        from quizzes.places import progress_db
        from quizzes.sets import LoadedSet
        from quizzes.store import Store
        from quizzes.tui.app import PlayRequest, QuizApp
        from quizzes.tui.session import PlayOptions, SetChoice

        running = self

        class TimedApp(QuizApp):
            def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
                super()._display(screen, renderable)
                if renderable is not None and running.waiter is not None:
                    condition, done = running.waiter
                    if condition(screen):
                        running.waiter = None
                        done.set_result(time.perf_counter())

        catalog = Catalog.load(self.data)
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
                    for n in range(self.questions)
                ],
            },
        )
        choice = SetChoice(LoadedSet(qset, "path"), pack, "bench")
        return TimedApp(
            catalog,
            Store.open(progress_db(self.data)),
            blink=False,
            play=PlayRequest(choice, PlayOptions(seed=1)),
        )

    async def main(self, ready: Future[Any]) -> None:
        import gc

        # As `quiz` runs it (seeds.startup): collection off while starting, then the app
        # freezes what start-up made and collects again once its first frame is drawn.
        gc.disable()
        try:
            app = self.build()
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                ready.set_result(app)
                await self.stop.wait()
        except Exception as err:  # handed to the waiting thread
            if not ready.done():
                ready.set_exception(err)

    def press(self, key: str, character: str, shown: Callable[[Any], bool]) -> float:
        """Seconds from sending ``key`` to the first frame for which ``shown`` holds."""
        from textual import events

        done: Future[float] = Future()
        self.waiter = (shown, done)
        started = time.perf_counter()
        self.loop.call_soon_threadsafe(self.app._driver.send_message, events.Key(key, character))
        return done.result(timeout=30) - started

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.stop.set)


def _feedback_shown(screen: Any) -> bool:
    from quizzes.tui.screens.question import QuestionScreen

    return (
        isinstance(screen, QuestionScreen)
        and screen.answered
        and screen.query_one("#after").display
    )


def _next_question_shown(previous: list[Any]) -> Callable[[Any], bool]:
    from quizzes.tui.screens.question import QuestionScreen

    def shown(screen: Any) -> bool:
        return isinstance(screen, QuestionScreen) and screen not in previous and not screen.answered

    return shown


def _cycle(running: _RunningApp, settle: float = 0.0) -> tuple[float, float]:
    """Answer the question on screen, then move on: (answer to feedback, on to next).
    ``settle`` lets the app finish drawing the new question (footer and all) before the
    answer, as it has by the time a student has read the question."""
    time.sleep(settle)
    answer = running.press("1", "1", _feedback_shown)
    moved = running.press("enter", "\r", _next_question_shown([running.app.screen]))
    return answer, moved


def _answer_to_feedback(running: _RunningApp, answers: int = 40) -> dict[str, Any]:
    """Median of many answers, each timed alone. The runner times whole calls, and a
    call that answered would also have to move on to the next question, so this case
    measures itself and reports the median (goal 20 ms, as "goal")."""
    times = [_cycle(running, settle=0.2)[0] for _ in range(answers)]
    return {"value": statistics.median(times) * 1000, "unit": "ms", "goal": 20.0}


def cases():
    data = Path(tempfile.mkdtemp(prefix="classbrief-bench-quiz-"))
    started: list[_RunningApp] = []

    def running() -> _RunningApp:  # started on first use: only when a case needs it
        if not started:
            started.append(_RunningApp(data))
        return started[0]

    return [
        (
            "quiz play process to first question, headless",
            _quiz("--data-dir", str(data), "play", "gsi-figures", "--seed", "1", "--headless"),
            0.8,
        ),
        ("answer -> feedback shown in-process", lambda: _answer_to_feedback(running()), None),
        ("answer, feedback and next question shown in-process", lambda: _cycle(running()), None),
        ("quiz --help process", _quiz("--help"), 0.15),
        ("quiz play peak memory MB", lambda: _peak_memory(data), None),
    ]
