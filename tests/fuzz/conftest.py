"""Shared by the fuzzers: one data folder a session (its caches make each example cheap),
and a command run with a time limit and --debug, so that an exception is an exception."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tests.timelimit import time_limit

LIMIT = 10.0  # seconds an example may take: more is a hang


@pytest.fixture(scope="session")
def fuzz_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz-data")
    (root / "sets").mkdir()
    (root / "packs").mkdir()
    return root


def invoke(program: Any, *args: str) -> Result:
    """The command in process, with --debug: a traceback fails the example (see
    tests/notraceback.py), a run past LIMIT too."""
    with time_limit(LIMIT):
        return CliRunner().invoke(program, ["--debug", *args])


def write(path: Path, raw: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return path
