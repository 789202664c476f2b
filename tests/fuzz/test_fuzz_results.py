"""Damaged copies of a results file that `quiz results export` wrote, through the reader,
the class's item analysis and `quiz report`: named and left out, or reported, never a
traceback or a hang."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quizzes.cli import main as quiz
from tests.fuzz.conftest import LIMIT, invoke, write
from tests.fuzz.filedamage import damaged_json
from tests.fuzz.mutations import examples
from tests.timelimit import time_limit

SET = "gsi-figures"
NOW = datetime(2024, 3, 4, tzinfo=UTC)


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """What three students' `quiz results export` wrote, as data."""
    from tests.classroom.classsim import play_class

    played = tmp_path_factory.mktemp("played")
    play_class(played, SET, 3)
    out = played / "sent.json"
    result = CliRunner().invoke(
        quiz, ["--data-dir", str(played), "results", "export", "-o", str(out), "--name", "A"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


@settings(
    max_examples=examples(300),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_damaged_results_files(
    sent: Any, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    from quizzes.catalog import Catalog
    from quizzes.classroom.item_report import build_report
    from quizzes.classroom.make_report import gather
    from quizzes.classroom.results import class_results

    root = tmp_path_factory.getbasetemp() / "fuzz-results"
    path = write(root / "sent.json", data.draw(damaged_json(sent), label="bytes"))
    with time_limit(LIMIT):
        runs, problems = gather(root, [path])
        event("file left out" if problems else "file read")
        if runs:
            catalog = Catalog.load(root)
            loaded = catalog.find_set(SET)
            results = class_results(loaded.qset, runs)
            if results.responses:
                build_report(results, catalog.pack_for(loaded).pack, NOW)
    if data.draw(st.integers(0, 4), label="also as a command") == 0:
        out = root / "report.pdf"
        result = invoke(quiz, "--data-dir", str(root), "report", SET, str(path), "-o", str(out))
        assert result.exit_code in (0, 1), result.output


def test_the_seed_file_makes_a_report(sent: Any, tmp_path: Path) -> None:
    path = write(tmp_path / "sent.json", json.dumps(sent).encode())
    result = CliRunner().invoke(
        quiz, ["--data-dir", str(tmp_path), "report", SET, str(path), "-o", str(tmp_path / "r")]
    )
    assert result.exit_code == 0, result.output
