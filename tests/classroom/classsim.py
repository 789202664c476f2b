"""A simulated class: students of known ability answering a set through the real session
(grading, store, review cards), each named as `quiz serve` names them."""

from __future__ import annotations

import math
import random
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizzes.catalog import Catalog
from quizzes.grading import model_answer
from quizzes.store import Store
from quizzes.tui.session import PlayOptions, Session, SetChoice
from seeds.paths import progress_db

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


def wrong_answer(session: Session, rng: random.Random):
    item = session.current
    q = item.question
    right = model_answer(q)
    return {
        "truefalse": lambda: not right,
        "numeric": lambda: "1",
        "text": lambda: "no idea",
        "multi": lambda: [],
        "match": lambda: {},
        "order": lambda: list(reversed(right)),
        "choice": lambda: rng.choice([o for o in item.options if o != right]),
    }[q.type]()


def play_class(
    root: Path, set_ref: str, students: int, *, seed: int = 5, store: Store | None = None
) -> list[str]:
    """Each student plays the set once, right with P = 1/(1+exp(b-θ)); returns names."""
    rng = random.Random(seed)
    catalog = Catalog.load(root)
    choice = SetChoice.of(catalog.find_set(set_ref), catalog)
    own = store is None
    store = store or Store.open(progress_db(root))
    names = []
    minute = iter(range(10**6))
    try:
        for s in range(students):
            name = f"Student {s:02d}"
            names.append(name)
            store.student = name
            theta = rng.gauss(0, 1)

            def clock() -> datetime:
                return T0 + timedelta(minutes=next(minute))

            session = Session.start(choice, PlayOptions("practice", s + 1), store, clock)
            while session.current is not None:
                b = (zlib.crc32(session.current.question.id.encode()) % 7 - 3) / 2
                right = rng.random() < 1 / (1 + math.exp(b - theta))
                session.answer(
                    model_answer(session.current.question) if right else wrong_answer(session, rng)
                )
            session.finish()
    finally:
        store.student = ""
        if own:
            store.close()
    return names
