"""`quiz report`: a whole process reporting on 3,000 students who each answered 40
questions of the pack's automatic set, from the progress database (SQLite), timed in turns
with its bare twin (tests/benchmarks/twins/report.py: sqlite3, PyYAML and reportlab alone,
the same item analysis, CSV and PDF); the row keeps its goal in seconds and prints the
twin's time and the ratio beside it.

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
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from seeds.packs import BUNDLED_PACKS
from tests.benchmarks.processes import installed_env
from tests.benchmarks.twinned import BIN, RUNS, Step, alternate, process, twin_script

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


def _beside_twin(ours: Step, twin: Step, goal: float) -> Callable[[], dict[str, Any]]:
    """Our median against an absolute ``goal`` (seconds), the twin's median and the ratio
    beside it: the two timed in turns, as twinned.ratio_row times them."""

    def measure() -> dict[str, Any]:
        mine, bare = alternate(ours, twin)
        return {
            "value": mine * 1000,
            "unit": "ms",
            "goal": goal * 1000,
            "detail": f"vs twin {bare * 1000:.0f} ms: {mine / bare:.2f}x the twin "
            f"(medians of {RUNS} each, in turns)",
        }

    return measure


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
    # The questions come from the keys the answers carry: the automatic set has no file.
    twin = process(
        twin_script(
            "report",
            str(data / "progress.sqlite3"),
            str(BUNDLED_PACKS / SET.removesuffix("-auto") / "pack.yaml"),
            str(out / "twin.pdf"),
            str(out / "twin.csv"),
        ),
        installed_env(),
    )
    # The floor under it: a bare process reading the same runs and answers with sqlite3
    # alone, as the store reads them (unordered, each key once).
    read = (
        "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
        "db.execute('SELECT * FROM runs ORDER BY started, id').fetchall(); "
        "db.execute('SELECT * FROM answers').fetchall(); "
        "db.execute('SELECT * FROM answer_keys').fetchall()"
    )
    floor = process([sys.executable, "-c", read, str(data / "progress.sqlite3")], installed_env())
    return [
        (
            f"quiz report process, {STUDENTS:,} students x {QUESTIONS} questions",
            _beside_twin(report, twin, 0.8),
            None,
        ),
        ("  floor: the same runs and answers read by a bare sqlite3 process", floor, None),
    ]
