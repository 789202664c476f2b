"""Damaged copies of every bundled and test question set, through the loader, `quiz check`
and `quiz list`: located problems or success, never a traceback or a hang."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quizzes.cli import main as quiz
from tests.fuzz.conftest import LIMIT, invoke, write
from tests.fuzz.filedamage import damaged_yaml
from tests.fuzz.mutations import examples, files
from tests.timelimit import time_limit

SETS = files(
    "quizzes/sets/*/*.yaml",
    "tests/tui/sample/sets/*.yaml",
    "tests/quizzes/export/sample/*.yaml",
)


@settings(
    max_examples=examples(300),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_damaged_sets(fuzz_data: Path, data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(SETS), label="source")
    raw = data.draw(damaged_yaml(source), label="bytes")
    path = write(fuzz_data / "sets" / "fuzzed.yaml", raw)
    from quizzes.catalog import Catalog
    from quizzes.sets import load_set

    with time_limit(LIMIT):
        catalog = Catalog.load(fuzz_data)
        loaded, problems = load_set(path, catalog.packs, failed=catalog.failed)
    assert loaded is not None or any(p.is_error for p in problems)
    event("set loaded" if loaded is not None else "set refused with located errors")
    checked = invoke(quiz, "--data-dir", str(fuzz_data), "check", str(path))
    assert checked.exit_code in (0, 1), checked.output
    listed = invoke(quiz, "--data-dir", str(fuzz_data), "list")
    assert listed.exit_code == 0, listed.output
