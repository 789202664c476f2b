"""The last word of every command: an unexpected exception is one line naming the file and
what to do, and `--debug` shows the traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import seeds.validation
from briefing.cli import main as brief
from quizzes.cli import main as quiz
from tests.conftest import SAMPLE
from tests.notraceback import TRACEBACK, leaks

pytestmark = pytest.mark.reaches_user

MINI_PACK = SAMPLE / "mini" / "pack.yaml"


def fail(*args, **kwargs):
    raise RecursionError("maximum recursion depth exceeded")


def refuse(*args, **kwargs):
    raise PermissionError(13, "Permission denied", "/srv/class/progress.sqlite3")


COMMANDS = {
    "quiz check": (quiz, ["check", str(MINI_PACK)]),
    "quiz list": (quiz, ["list"]),
    "quiz play": (quiz, ["play", str(MINI_PACK.parent.parent / "x.yaml"), "--headless"]),
    "brief build": (brief, ["build", str(MINI_PACK), "-o", "-"]),
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_an_unexpected_error_is_one_line_naming_the_file(name, monkeypatch, tmp_path):
    program, args = COMMANDS[name]
    monkeypatch.setattr(seeds.validation, "parse", fail)
    monkeypatch.setenv("CLASSBRIEF_DATA_DIR", str(tmp_path))
    result = CliRunner().invoke(program, args)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("error: unexpected RecursionError while reading ")
    assert "pack.yaml" in lines[0] or "x.yaml" in lines[0]
    assert "--debug" in lines[0] and TRACEBACK not in result.output


def test_a_refusal_by_the_system_says_what_to_check(monkeypatch):
    import quizzes.catalog

    monkeypatch.setattr(quizzes.catalog.Catalog, "load", refuse)
    result = CliRunner().invoke(quiz, ["list"])
    assert result.exit_code == 1
    assert result.output.startswith(
        "error: cannot use /srv/class/progress.sqlite3: Permission denied; check that it "
    )
    assert "--data-dir" in result.output and len(result.output.splitlines()) == 1


def test_debug_shows_the_traceback(monkeypatch):
    monkeypatch.setattr(seeds.validation, "parse", fail)
    result = CliRunner().invoke(quiz, ["--debug", "check", str(MINI_PACK)])
    assert isinstance(result.exception, RecursionError)
    built = CliRunner().invoke(brief, ["--debug", "build", str(MINI_PACK), "-o", "-"])
    assert isinstance(built.exception, RecursionError)


def test_the_real_process_prints_one_line_or_the_traceback(tmp_path):
    """As a user runs it: a set file that makes the validator fail (by a patched module)."""
    code = (
        "import seeds.validation, sys\n"
        "def fail(*a, **k): raise RecursionError('maximum recursion depth exceeded')\n"
        "seeds.validation.parse = fail\n"
        "from quizzes.__main__ import main\n"
        "sys.argv = ['quiz', *sys.argv[1:]]\n"
        "main()\n"
    )
    runs = {
        debug: subprocess.run(
            [sys.executable, "-c", code, *debug, "check", str(MINI_PACK)],
            capture_output=True,
            text=True,
            check=False,
            env={"CLASSBRIEF_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
            cwd=Path(__file__).parents[1],
        )
        for debug in ((), ("--debug",))
    }
    plain, debugged = runs[()], runs[("--debug",)]
    assert plain.returncode == 1 and plain.stdout == ""
    assert plain.stderr.startswith("error: unexpected RecursionError while reading ")
    assert "run `quiz --debug …`" in plain.stderr and len(plain.stderr.splitlines()) == 1
    assert debugged.returncode == 1 and TRACEBACK in debugged.stderr


def test_the_suite_watch_catches_what_would_reach_a_user():
    assert leaks(f"{TRACEBACK}\n  File ...") == "a traceback"
    assert leaks("error: unexpected KeyError: 'x'; this is a bug in classbrief: ...")
    assert leaks("error: no set or file called 'x'") is None
