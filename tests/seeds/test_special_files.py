"""A FIFO or a device where a set or a pack belongs is named as such, at once: no command
waits for a writer that never comes or reads a device without end."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizzes.cli import main as quiz
from tests.timelimit import time_limit


@pytest.fixture
def fifo_set(tmp_path: Path) -> Path:
    (tmp_path / "sets").mkdir()
    os.mkfifo(tmp_path / "sets" / "pipe.yaml")
    return tmp_path


def quiz_in_time(*args: str):
    with time_limit(20):
        return CliRunner().invoke(quiz, list(args))


def test_a_fifo_in_the_sets_folder_is_one_error(fifo_set):
    listed = quiz_in_time("--data-dir", str(fifo_set), "list")
    assert listed.exit_code == 0 and "gsi-figures" in listed.output
    checked = quiz_in_time("--data-dir", str(fifo_set), "check")
    assert checked.exit_code == 1
    assert "pipe.yaml:1:1: error: is a FIFO (named pipe), not a YAML file" in checked.output


@pytest.mark.parametrize("command", ["check", "play"])
def test_a_device_named_as_a_set_is_refused(command):
    extra = ["--headless"] if command == "play" else []
    result = quiz_in_time(command, "/dev/zero", *extra)
    assert result.exit_code == 1
    assert "/dev/zero:1:1: error: is a device, not a YAML file" in result.output
