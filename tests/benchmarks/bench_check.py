"""Loading and checking: the bundled pack, a 10,000-question set, building a run."""

from __future__ import annotations

import gc
import tempfile
from pathlib import Path

from quizzes.catalog import Catalog
from quizzes.checking import run_check
from quizzes.engine import build_run
from seeds.packs import BUNDLED_PACKS, load_pack

PACK = BUNDLED_PACKS / "gsi-training-2023" / "pack.yaml"
QUESTION = """\
  - id: q{n}
    type: choice
    prompt: "Question {n}: which figure goes with the GSI training offer?"
    fact: gsi-training-places
    choices: ["5,000 people", "2,000 people", "1,500 people"]
    answer: "{right}"
    tags: [figures]
"""


def big_set(folder: Path, count: int = 10_000) -> Path:
    path = folder / "big.yaml"
    rights = ["5,000 people", "2,000 people", "1,500 people"]
    body = "".join(QUESTION.format(n=n, right=rights[n % 3]) for n in range(count))
    path.write_text(
        "id: big\ntitle: Big\npack: gsi-training-2023\nquestions:\n" + body, encoding="utf-8"
    )
    return path


def cases():
    folder = Path(tempfile.mkdtemp(prefix="classbrief-bench-"))
    big = big_set(folder)
    root = folder / "data"
    catalog = Catalog.load(root)
    figures = next(s for s in catalog.sets if s.qset.id == "gsi-figures")
    pack = catalog.packs["gsi-training-2023"].pack
    auto = next(s for s in catalog.sets if s.origin == "automatic")

    def check_big() -> None:
        # As `quiz check` runs (seeds.startup): with the collector off, which would
        # otherwise walk the growing document again and again while it is read.
        gc.disable()
        try:
            report = run_check([big], root)
        finally:
            gc.enable()
        assert report.sets == 1 and not report.failed(), report.lines()[:3]

    return [
        ("load + check the bundled pack", lambda: load_pack(PACK), 0.050),
        ("quiz check, 10,000-question set", check_big, 1.0),
        ("build a 40-question run", lambda: build_run(auto.qset, pack, seed=1, count=40), 0.005),
        ("build a run of a bundled set", lambda: build_run(figures.qset, pack, seed=1), 0.005),
    ]
