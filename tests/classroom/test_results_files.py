"""Results files that are not what `quiz results export` writes are named and left out of
`quiz report`, like any damaged file; never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizzes.cli import main
from tests.classroom.classsim import play_class
from tests.timelimit import time_limit

SET = "gsi-figures"
HEAD = '{"kind": "classbrief-results", "version": 1, "runs": '


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("served")
    play_class(root, SET, 3)
    return root


def one_run(score: str) -> str:
    answer = {
        "question_id": "solomon-officers-number",
        "position": 0,
        "answer": "1",
        "correct": False,
        "score": score,
        "points": "1",
        "answered_at": "2024-01-01T00:01:00+00:00",
    }
    run = {
        "uid": "u",
        "student": "s",
        "set_id": SET,
        "questions": 1,
        "points": "1",
        "started": "2024-01-01T00:00:00+00:00",
        "finished": "2024-01-01T00:02:00+00:00",
        "answers": [answer],
    }
    return HEAD + json.dumps([run]) + "}"


BAD = {
    "infinite-score.json": one_run("1e309"),  # found by the fuzzer: an infinite statistic
    "nan-score.json": one_run("NaN"),
    "negative-score.json": one_run("-1"),
    "infinite-seed.json": one_run("1").replace('"uid": "u"', '"seed": 1e999, "uid": "u"'),
    "score-above-points.json": one_run("7"),
    "deep.json": "[" * 100_000 + "]" * 100_000,
    "deep-runs.json": HEAD + "[" * 5_000 + "]" * 5_000 + "}",
    "long-number.json": HEAD + "[" + "9" * 5_000 + "]}",
    "run-not-object.json": HEAD + "[5]}",
    "answers-not-list.json": HEAD
    + json.dumps(
        [
            {
                "uid": "u",
                "student": "s",
                "set_id": SET,
                "questions": 1,
                "points": "1",
                "started": "2024-01-01T00:00:00+00:00",
                "answers": 7,
            }
        ]
    )
    + "}",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_hostile_file_is_named_and_left_out(served, tmp_path, name):
    path = tmp_path / name
    path.write_text(BAD[name], encoding="utf-8")
    out = tmp_path / "r.pdf"
    result = CliRunner().invoke(
        main, ["--data-dir", str(served), "report", SET, str(path), "-o", str(out)]
    )
    assert result.exit_code == 0, (result.output, result.exception)
    assert f"error: {path}: " in result.output and "(left out)" in result.output
    assert out.is_file()


def test_a_fifo_is_named_at_once(served, tmp_path):
    fifo = tmp_path / "sent.json"
    os.mkfifo(fifo)
    with time_limit(20):
        result = CliRunner().invoke(
            main, ["--data-dir", str(served), "report", SET, str(fifo), "-o", str(tmp_path / "r")]
        )
    assert result.exit_code == 0 and "FIFO" in result.output and "(left out)" in result.output
