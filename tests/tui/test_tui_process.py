"""`quiz play` as a process: bad files, a bad database, import hygiene, and a SIGKILL
in the middle of a run that loses nothing."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from quizzes.catalog import Catalog
from quizzes.engine import build_run
from quizzes.store import Store
from quizzes.tui.screens.dialogs import ResumeScreen
from quizzes.tui.screens.question import QuestionScreen
from seeds.paths import progress_db
from tests.tui.conftest import screen_text
from tests.tui.driver import keys_for

REPO = Path(__file__).resolve().parents[2]


def quiz(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "quizzes", *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        env=env,
        check=False,
        timeout=60,
    )


def test_quiz_engine_and_quiz_help_do_not_import_textual():
    code = (
        "import sys, quizzes.engine, quizzes.store, quizzes.tui.session, quizzes.cli; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich', 'reportlab')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]"
    timed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "quizzes", "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    assert "play" in timed.stdout
    imported = [line.rsplit("|", 1)[-1].strip() for line in timed.stderr.splitlines()]
    assert not [m for m in imported if m.split(".")[0] == "textual"]


BROKEN = """\
id: broken
title: "A [broken] set"
pack: hostile
questions:
  - id: q1
    type: choice
    prompt: "Which of [a] or [b]?"
    fact: no-such-fact
    choices: ["[a]"]
    answer: "[b]"
"""


def test_a_bad_set_file_prints_the_same_lines_as_quiz_check(root: Path, tmp_path: Path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    played = quiz("--data-dir", str(root), "play", str(broken))
    checked = quiz("--data-dir", str(root), "check", str(broken))
    assert played.returncode == 1 and checked.returncode == 1
    lines = played.stderr.splitlines()
    assert lines == checked.stdout.splitlines()
    assert len(lines) == 3 and "Traceback" not in played.stderr
    assert any("unknown fact 'no-such-fact'" in line for line in lines)
    assert not (root / "progress.sqlite3").exists()  # nothing was started


def test_unknown_set_and_no_matching_tag_are_errors(root: Path):
    unknown = quiz("--data-dir", str(root), "play", "no-such-set")
    assert unknown.returncode == 1
    assert "no set or file called 'no-such-set'" in unknown.stderr
    untagged = quiz("--data-dir", str(root), "play", "every-type", "--tag", "nope")
    assert untagged.returncode == 1 and "no questions tagged nope" in untagged.stderr
    mixed = quiz(
        "--data-dir", str(root), "play", "every-type", "--mode", "practice", "--time-limit", "5"
    )
    assert mixed.returncode == 2 and "--time-limit applies to exams" in mixed.stderr


@pytest.mark.parametrize("command", [["play", "every-type"], []])
def test_a_corrupt_database_is_reported_and_kept(root: Path, command: list[str]):
    db = progress_db(root)
    db.write_bytes(b"not sqlite at all " * 100)
    result = quiz("--data-dir", str(root), *command)
    assert result.returncode == 1
    assert f"error: {db}: the progress database cannot be read" in result.stderr
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == b"not sqlite at all " * 100


def test_headless_play_reaches_the_first_question_and_records_the_run(root: Path):
    """What the start-up benchmark runs: a whole process, no terminal."""
    result = quiz("--data-dir", str(root), "play", "every-type", "--seed", "4", "--headless")
    assert result.returncode == 0, result.stderr
    [(set_id, seed, questions)] = _rows(
        progress_db(root), "SELECT set_id, seed, questions FROM runs"
    )
    assert (set_id, seed, questions) == ("every-type", 4, 7)


def _left_after_one_answer(root: Path, *play: str) -> int:
    """A headless `quiz play` (seed 4) whose run then gets one answer: a run left
    unfinished, which the next start offers to resume. Its id."""
    first = quiz(*play, "--seed", "4")
    assert first.returncode == 0, first.stderr
    [(run_id,)] = _rows(progress_db(root), "SELECT id FROM runs")
    store = Store.open(progress_db(root))
    store.record_answer(
        run_id,
        question_id="q1",
        position=0,
        answer="x",
        correct=False,
        score=Decimal(0),
        points=Decimal(1),
        at=datetime.now(UTC),
    )
    store.close()
    return run_id


def test_headless_play_with_an_unfinished_run_starts_anew_and_keeps_it(root: Path):
    """No keyboard to answer "Resume it?": it must neither wait forever nor drop the run."""
    play = ("--data-dir", str(root), "play", "every-type", "--headless")
    run_id = _left_after_one_answer(root, *play)
    again = quiz(*play, "--seed", "5")
    assert again.returncode == 0, again.stderr
    runs = _rows(progress_db(root), "SELECT id, seed, finished, abandoned FROM runs ORDER BY id")
    assert runs == [(run_id, 4, None, None), (run_id + 1, 5, None, None)]


def test_headless_play_of_an_exam_whose_time_ran_out_stops_and_says_so(root: Path):
    """A new start keeps a running exam's clock: with no time left there is no question
    to stop at, so a headless run ends at once, leaving both runs unfinished."""
    play = ("--data-dir", str(root), "play", "every-type", "--time-limit", "5", "--headless")
    run_id = _left_after_one_answer(root, *play)
    with sqlite3.connect(progress_db(root)) as db:  # its time ran out an hour ago
        past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
        db.execute("UPDATE runs SET deadline = ? WHERE id = ?", (past, run_id))
    again = quiz(*play, "--seed", "5")
    assert again.returncode == 1
    assert "error: the exam's time has run out" in again.stderr
    assert "Traceback" not in again.stderr
    runs = _rows(progress_db(root), "SELECT finished, abandoned FROM runs ORDER BY id")
    assert runs == [(None, None), (None, None)]


def test_a_cached_play_does_not_import_the_generator(root: Path):
    """The automatic sets come from the cache once made: the generator is not loaded."""
    code = (
        "import sys; from quizzes.cli import main\n"
        "try:\n"
        f"    main(['--data-dir', {str(root)!r}, 'play', 'every-type', '--headless'])\n"
        "except SystemExit:\n    pass\n"
        "print('GENERATE', 'quizzes.generate' in sys.modules)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
        ).stdout
        for _ in range(2)
    ]
    assert "GENERATE True" in runs[0]  # the first made the automatic sets
    assert "GENERATE False" in runs[1], runs[1][-300:]


def test_play_loads_no_screen_but_the_question_before_its_first_frame(root: Path):
    """Home, dialogs, results and the student prompt load when first shown, not before."""
    code = (
        "import sys; from quizzes.cli import main\n"
        "try:\n"
        f"    main(['--data-dir', {str(root)!r}, 'play', 'every-type', '--headless'])\n"
        "except SystemExit:\n    pass\n"
        "print('SCREENS', sorted(m for m in sys.modules if m.startswith('quizzes.tui.screens.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert "SCREENS ['quizzes.tui.screens.question']" in done.stdout, done.stdout[-300:]


# Killing a running app ---------------------------------------------------------------

KEY_BYTES = {"enter": b"\r", "space": b" ", "up": b"\x1b[A", "down": b"\x1b[B"}


def _drain(fd: int, stop: threading.Event, seen: bytearray | None = None) -> None:
    """Read the app's terminal output so it never blocks on a full pty (kept in ``seen``)."""
    while not stop.is_set():
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        if seen is not None:
            seen += chunk


def _wait_for(condition, what: str, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _rows(db: Path, sql: str) -> list[tuple]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute(sql).fetchall()
        except sqlite3.OperationalError:  # the tables are not created yet
            return []


async def test_sigkill_mid_run_keeps_every_answer_and_the_run_resumes(root: Path, build):
    """A real `quiz play` in a pseudo-terminal, answered by keys, killed with SIGKILL."""
    catalog = Catalog.load(root)
    loaded = catalog.find_set("every-type")
    run = build_run(loaded.qset, catalog.pack_for(loaded).pack, seed=3, mode="exam")
    db = progress_db(root)
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
    env.pop("NO_COLOR", None)
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the app
        os.chdir(REPO)
        os.execve(
            sys.executable,
            [
                sys.executable,
                "-m",
                "quizzes",
                "--data-dir",
                str(root),
                "play",
                "every-type",
                "--mode",
                "exam",
                "--seed",
                "3",
            ],
            env,
        )
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    stop = threading.Event()
    reader = threading.Thread(target=_drain, args=(fd, stop), daemon=True)
    reader.start()
    try:
        _wait_for(lambda: _rows(db, "SELECT id FROM runs"), "the run to start")
        for done, item in enumerate(run.items[:3], 1):
            for key in keys_for(item, right=True):
                os.write(fd, KEY_BYTES.get(key, key.encode()))
                time.sleep(0.05)
            _wait_for(
                lambda n=done: len(_rows(db, "SELECT * FROM answers")) == n,
                f"answer {done} to be stored",
            )
    finally:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        stop.set()
        os.close(fd)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

    store = Store.open(db)
    [record] = store.unfinished_runs()
    stored = store.answers(record.id)
    assert [a.question_id for a in stored] == [i.question.id for i in run.items[:3]]
    assert all(a.correct for a in stored), [(a.question_id, a.answer) for a in stored]
    store.close()

    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        assert "3 of 7 questions answered" in screen_text(app)
        await pilot.press("enter")  # Resume has the focus
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.item.question.id == run.items[3].question.id
        assert "Exam · Question 4 of 7" in screen_text(app)


# Keys typed faster than the app draws ------------------------------------------------

BURST_SET = """\
id: burst
title: Burst
pack: hostile
questions:
  - {id: n1, type: numeric, prompt: How many?, fact: officers, answer: 300}
  - {id: c1, type: choice, prompt: Which?, fact: freedonia, choices: [Yes, No], answer: "Yes"}
  - {id: n2, type: numeric, prompt: How many more?, fact: officers, answer: 300}
  - {id: t1, type: truefalse, prompt: True?, fact: safer-seas, answer: "true"}
"""


def _burst_keys(item, mode: str) -> bytes:
    """Every key for one question, right answers but for n2 (so its own digits show)."""
    q = item.question
    if q.type == "numeric":
        keys = b"2000\r" if q.id == "n1" else b"7\r"
    elif q.type == "choice":
        keys = str(list(item.options).index("Yes") + 1).encode()
    else:
        keys = b"t"
    return keys + (b"\r" if mode == "practice" else b"")  # practice: Enter = next question


@pytest.mark.parametrize("mode", ["exam", "practice"])
def test_a_burst_of_keys_after_enter_reaches_the_next_question_intact(root: Path, mode):
    """The whole run typed in one write to a real pty: nothing typed after an answer is
    submitted changes it, and no key of the burst is lost."""
    (root / "sets" / "burst.yaml").write_text(BURST_SET, encoding="utf-8")
    catalog = Catalog.load(root)
    loaded = catalog.find_set("burst")
    run = build_run(loaded.qset, catalog.pack_for(loaded).pack, seed=5, mode=mode)
    burst = b"".join(_burst_keys(item, mode) for item in run.items)
    db = progress_db(root)
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
    env.pop("NO_COLOR", None)
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(REPO)
        os.execve(
            sys.executable,
            [
                sys.executable,
                "-m",
                "quizzes",
                "--data-dir",
                str(root),
                "play",
                "burst",
                "--mode",
                mode,
                "--seed",
                "5",
            ],
            env,
        )
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    stop = threading.Event()
    seen = bytearray()
    reader = threading.Thread(target=_drain, args=(fd, stop, seen), daemon=True)
    reader.start()
    try:
        _wait_for(lambda: _rows(db, "SELECT id FROM runs"), "the run to start")
        first = run.items[0].question.prompt.encode()
        # Typed as soon as the question shows: keys that come before its answer box has
        # the focus are held for it (QuestionScreen.early_keys).
        _wait_for(lambda: first in seen, "the first question on screen")
        os.write(fd, burst)
        # The last answer finishes the run: once it is marked finished no key can change
        # an answer, so what is stored then is final.
        with contextlib.suppress(AssertionError):  # compared below, showing what was stored
            _wait_for(
                lambda: _rows(db, "SELECT id FROM runs WHERE finished IS NOT NULL"),
                "the run to finish",
                timeout=15,
            )
        finished = _rows(db, "SELECT id FROM runs WHERE finished IS NOT NULL")
        answers = dict(_rows(db, "SELECT question_id, answer FROM answers"))
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        stop.set()
        os.close(fd)
    assert answers == {"n1": '"2000"', "c1": '"Yes"', "n2": '"7"', "t1": "true"}
    assert len(finished) == 1


CHOICES_SET = """\
id: two-choices
title: Two choices
pack: hostile
questions:
  - {id: c1, type: choice, prompt: First of two?, fact: freedonia,
     choices: [Alpha, Bravo, Charlie], answer: Alpha}
  - {id: c2, type: choice, prompt: Second of two?, fact: costa,
     choices: [Delta, Echo, Foxtrot], answer: Delta}
"""


def test_keys_typed_on_the_feedback_never_answer_the_next_question(root: Path):
    """Practice: `1 3 Enter` in one burst answers the first question with 1; the 3 was
    typed while its feedback showed, so the next question (never seen) stays unanswered,
    and then takes its own keys."""
    (root / "sets" / "two-choices.yaml").write_text(CHOICES_SET, encoding="utf-8")
    catalog = Catalog.load(root)
    loaded = catalog.find_set("two-choices")
    run = build_run(loaded.qset, catalog.pack_for(loaded).pack, seed=5)
    first, second = run.items
    db = progress_db(root)
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
    env.pop("NO_COLOR", None)
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(REPO)
        os.execve(
            sys.executable,
            [
                sys.executable,
                "-m",
                "quizzes",
                "--data-dir",
                str(root),
                "play",
                "two-choices",
                "--seed",
                "5",
            ],
            env,
        )
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    stop = threading.Event()
    seen = bytearray()
    reader = threading.Thread(target=_drain, args=(fd, stop, seen), daemon=True)
    reader.start()
    try:
        _wait_for(lambda: first.question.prompt.encode() in seen, "the first question")
        os.write(fd, b"13\r")
        _wait_for(lambda: second.question.prompt.encode() in seen, "the second question")
        # The stray 3 reaches the app before the key typed next: had it answered the
        # second question, that answer (a wrong one) is the one stored, never the right one.
        right = list(second.options).index(second.question.answer) + 1
        assert right != 3
        os.write(fd, str(right).encode())
        _wait_for(lambda: len(_rows(db, "SELECT * FROM answers")) == 2, "the second answer")
        answers = dict(_rows(db, "SELECT question_id, answer FROM answers"))
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        stop.set()
        os.close(fd)
    assert answers == {
        first.question.id: json.dumps(first.options[0]),
        second.question.id: json.dumps(second.question.answer),
    }
