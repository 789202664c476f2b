"""`quiz export`: a 10,000-question set of every type, to each format, in-process; and a
whole cold `quiz export --format gift` of 2,000 questions beside a hand-written GIFT writer
(tests/benchmarks/twins/gift.py) that parses the same YAML."""

from __future__ import annotations

import shutil
import tempfile
from copy import deepcopy
from dataclasses import replace
from itertools import cycle, islice
from pathlib import Path

from quizzes.catalog import Catalog
from quizzes.export import FORMATS, SetToExport
from quizzes.model import QuestionSet
from quizzes.sets import BUNDLED_SETS
from seeds.packs import BUNDLED_PACKS
from tests.benchmarks.processes import installed_env
from tests.benchmarks.twinned import BIN, process, ratio_row, twin_script

COUNT = 10_000


def big_set() -> SetToExport:
    """The bundled sets' questions (all seven types), repeated under new ids."""
    catalog = Catalog.load(Path(tempfile.mkdtemp(prefix="classbrief-bench-")))
    written = [s for s in catalog.sets if s.origin == "bundled"]
    pool = [q for s in written for q in s.qset.questions]
    questions = [replace(q, id=f"q{n}") for n, q in enumerate(islice(cycle(pool), COUNT))]
    qset = QuestionSet(id="big", title="Big", pack=written[0].qset.pack, questions=questions)
    return SetToExport(qset, catalog.pack_for(written[0]).pack)


def big_set_file(folder: Path, count: int = 2_000) -> Path:
    """A set file of ``count`` questions: the bundled timeline set's (all seven types, none
    giving another away, so the file is clean, as a teacher's would be), repeated under
    new ids."""
    import yaml

    with (BUNDLED_SETS / "gsi-training-2023" / "timeline.yaml").open("rb") as file:
        pool = yaml.load(file, Loader=yaml.CSafeLoader)["questions"]
    # Each question its own copy: shared ones would be written as YAML aliases.
    questions = [{**deepcopy(q), "id": f"q{n}"} for n, q in enumerate(islice(cycle(pool), count))]
    document = {"id": "big", "title": "Big", "pack": "gsi-training-2023", "questions": questions}
    path = folder / "big.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def cold_gift_row():
    """`quiz export` of a 2,000-question set file with nothing cached (each run starts with
    the data folder's cache emptied) against the twin reading the set and its pack."""
    folder = Path(tempfile.mkdtemp(prefix="classbrief-bench-export-"))
    data = folder / "data"
    set_file = big_set_file(folder)
    env = installed_env(CLASSBRIEF_DATA_DIR=str(data))
    ours = process(
        [
            str(BIN / "quiz"),
            "export",
            str(set_file),
            "--format",
            "gift",
            "-o",
            str(folder / "ours.gift.txt"),
        ],
        env,
    )
    pack = BUNDLED_PACKS / "gsi-training-2023" / "pack.yaml"
    twin = process(
        twin_script("gift", str(set_file), str(pack), str(folder / "twin.gift.txt")), env
    )
    return ratio_row(ours, twin, 1.2, before=lambda: shutil.rmtree(data / "cache", True))


def cases():
    entry = big_set()
    return [
        (f"export 10,000 questions to {name}", lambda fmt=fmt: fmt.build([entry]), 1.0)
        for name, fmt in FORMATS.items()
    ] + [
        (
            "quiz export 2,000 to gift, cold process / hand-written GIFT writer",
            cold_gift_row(),
            None,
        )
    ]
