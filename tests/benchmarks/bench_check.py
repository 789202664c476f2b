"""Loading and checking: the bundled pack; `quiz check` on 100,000 questions (ten files)
beside reading the same files with PyYAML's CSafeLoader alone; building a run."""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml

from quizzes.catalog import Catalog
from quizzes.checking import run_check
from quizzes.engine import build_run
from seeds.packs import BUNDLED_PACKS, load_pack
from tests.benchmarks.twinned import ratio_row

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


def big_sets(folder: Path, files: int = 10, each: int = 10_000) -> list[Path]:
    """``files`` sets of ``each`` choice questions."""
    rights = ["5,000 people", "2,000 people", "1,500 people"]
    paths = []
    for f in range(files):
        path = folder / f"big{f}.yaml"
        numbers = range(f * each, (f + 1) * each)
        body = "".join(QUESTION.format(n=n, right=rights[n % 3]) for n in numbers)
        path.write_text(
            f"id: big{f}\ntitle: Big\npack: gsi-training-2023\nquestions:\n" + body,
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def collector_off(work: Callable[[], None]) -> Callable[[], None]:
    """``work`` as `quiz check` runs (seeds.startup): with the collector off, which would
    otherwise walk the growing documents again and again while they are read."""

    def run() -> None:
        gc.disable()
        try:
            work()
        finally:
            gc.enable()

    return run


def cases():
    folder = Path(tempfile.mkdtemp(prefix="classbrief-bench-"))
    big = big_sets(folder)
    root = folder / "data"
    catalog = Catalog.load(root)
    figures = next(s for s in catalog.sets if s.qset.id == "gsi-figures")
    pack = catalog.packs["gsi-training-2023"].pack
    auto = next(s for s in catalog.sets if s.origin == "automatic")

    def check_big() -> None:
        report = run_check(big, root)
        assert report.sets == len(big) and not report.failed(), report.lines()[:3]

    def read_big() -> None:
        """The twin: the same files read with PyYAML's C loader, nothing checked."""
        for path in big:
            with path.open("rb") as file:
                assert yaml.load(file, Loader=yaml.CSafeLoader)["questions"]

    return [
        ("load + check the bundled pack", lambda: load_pack(PACK), 0.050),
        (
            "quiz check, 100,000 questions / PyYAML CSafeLoader alone",
            ratio_row(collector_off(check_big), collector_off(read_big), 1.5, runs=5),
            None,
        ),
        ("build a 40-question run", lambda: build_run(auto.qset, pack, seed=1, count=40), 0.005),
        ("build a run of a bundled set", lambda: build_run(figures.qset, pack, seed=1), 0.005),
    ]
