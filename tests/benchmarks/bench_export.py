"""`quiz export`: a 10,000-question set of every type, to each format."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from itertools import cycle, islice
from pathlib import Path

from quizzes.catalog import Catalog
from quizzes.export import FORMATS, SetToExport
from quizzes.model import QuestionSet

COUNT = 10_000


def big_set() -> SetToExport:
    """The bundled sets' questions (all seven types), repeated under new ids."""
    catalog = Catalog.load(Path(tempfile.mkdtemp(prefix="classbrief-bench-")))
    written = [s for s in catalog.sets if s.origin == "bundled"]
    pool = [q for s in written for q in s.qset.questions]
    questions = [replace(q, id=f"q{n}") for n, q in enumerate(islice(cycle(pool), COUNT))]
    qset = QuestionSet(id="big", title="Big", pack=written[0].qset.pack, questions=questions)
    return SetToExport(qset, catalog.pack_for(written[0]).pack)


def cases():
    entry = big_set()
    return [
        (f"export 10,000 questions to {name}", lambda fmt=fmt: fmt.build([entry]), 1.0)
        for name, fmt in FORMATS.items()
    ]
