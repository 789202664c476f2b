"""`quiz report`: a whole process reporting on 3,000 students who each answered 40
questions of the pack's automatic set, from the progress database (SQLite).

The database is made once through the store and the real session (grading, keys), and
kept in the temporary folder for later runs: making it takes a while, reading it is what
is measured.
"""

from __future__ import annotations

import math
import random
import shutil
import sys
import tempfile
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.benchmarks.processes import installed_env
from tests.benchmarks.twinned import BIN, process

STUDENTS, QUESTIONS = 3_000, 40
SET = "gsi-training-2023-auto"
FOLDER = Path(tempfile.gettempdir()) / f"classbrief-bench-report-{STUDENTS}x{QUESTIONS}-v2"
T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


def class_database() -> Path:
    """The data folder holding the class's progress database (made on first use)."""
    data = FOLDER / "data"
    if (FOLDER / "complete").is_file():
        return data
    shutil.rmtree(FOLDER, ignore_errors=True)
    play_class(data)
    (FOLDER / "complete").touch()
    return data


def play_class(data: Path, students: int = STUDENTS) -> None:
    """``students`` students each play QUESTIONS questions of SET into ``data``."""
    from quizzes.catalog import Catalog
    from quizzes.grading import model_answer
    from quizzes.store import Store
    from quizzes.tui.session import PlayOptions, Session, SetChoice
    from seeds.paths import progress_db
    from tests.classroom.classsim import wrong_answer

    rng = random.Random(5)
    catalog = Catalog.load(data)
    choice = SetChoice.of(catalog.find_set(SET), catalog)
    store = Store.open(progress_db(data))
    minute = iter(range(10**7))

    def clock() -> datetime:
        return T0 + timedelta(minutes=next(minute))

    try:
        for s in range(students):
            store.student = f"Student {s:04d}"
            theta = rng.gauss(0, 1)
            with store.together():
                session = Session.start(
                    choice, PlayOptions("practice", s + 1, count=QUESTIONS), store, clock
                )
                while session.current is not None:
                    question = session.current.question
                    b = (zlib.crc32(question.id.encode()) % 7 - 3) / 2
                    right = rng.random() < 1 / (1 + math.exp(b - theta))
                    session.answer(model_answer(question) if right else wrong_answer(session, rng))
                session.finish()
    finally:
        store.close()


def cases():
    data = class_database()
    out = Path(tempfile.mkdtemp(prefix="classbrief-bench-report-"))
    report = process(
        [
            str(BIN / "quiz"),
            "--data-dir",
            str(data),
            "report",
            SET,
            "-o",
            str(out / "report.pdf"),
            "--csv",
            str(out / "report.csv"),
        ],
        installed_env(),
    )
    # The floor under it: a bare process reading the same rows with sqlite3 alone (every
    # answer keeps the key it was graded against, as JSON: most of the bytes read).
    read = (
        "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('SELECT runs.*, "
        "answers.* FROM runs LEFT JOIN answers ON answers.run_id = runs.id "
        "ORDER BY runs.started, runs.id, answers.position').fetchall()"
    )
    floor = process([sys.executable, "-c", read, str(data / "progress.sqlite3")], installed_env())
    return [
        (f"quiz report process, {STUDENTS:,} students x {QUESTIONS} questions", report, 0.8),
        ("  floor: the same runs and answers read by a bare sqlite3 process", floor, None),
    ]
