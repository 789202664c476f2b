"""The suite's watch (tests/notraceback.py) fails a test whose command would show a user a
traceback or the fail-safe's bug line."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner


@click.command()
@click.option("--how")
def broken(how: str) -> None:
    if how == "raise":
        raise KeyError("x")
    if how == "print":
        click.echo('Traceback (most recent call last):\n  File "x.py", line 1')
    if how == "bug":
        click.echo("error: unexpected KeyError: 'x'; this is a bug in classbrief: ...")


@pytest.mark.parametrize("how", ["raise", "print", "bug"])
def test_a_command_that_would_show_a_traceback_fails_the_test(how):
    with pytest.raises(AssertionError, match="reach"):
        CliRunner().invoke(broken, ["--how", how])


def test_a_clean_command_passes():
    assert CliRunner().invoke(broken, ["--how", "fine"]).exit_code == 0


def test_a_process_that_prints_a_traceback_fails_the_test():
    with pytest.raises(AssertionError, match="a traceback reached the user"):
        subprocess.run(  # a process that names `quizzes` among its arguments is watched
            [sys.executable, "-c", "raise KeyError('x')", "quizzes"],
            capture_output=True,
            text=True,
            check=False,
        )
