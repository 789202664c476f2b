"""No traceback reaches a user: every `quiz` and `brief` the tests run is watched.

An autouse fixture (see conftest) wraps click's CliRunner.invoke and subprocess.run. A
test fails when a command it ran ended in an exception other than the usual exit, printed
a traceback, or printed the fail-safe's "this is a bug" line (quizzes.failsafe): each of
these would reach a user. A test of the fail-safe itself opts out with the marker
``reaches_user``.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner, Result

TRACEBACK = "Traceback (most recent call last)"
BUG = "this is a bug in classbrief"
_COMMANDS = ("quizzes", "briefing", "/quiz", "/brief")


def leaks(output: str) -> str | None:
    """What in a command's output should never reach a user, if anything."""
    if TRACEBACK in output:
        return "a traceback"
    if BUG in output:
        return "the fail-safe's line for an unexpected error"
    return None


def _text(data: Any) -> str:
    if isinstance(data, bytes):
        return data.decode("utf-8", "replace")
    return data if isinstance(data, str) else ""


def _is_ours(args: Any) -> bool:
    words = [str(a) for a in args] if isinstance(args, list | tuple) else [str(args)]
    return any(w in _COMMANDS or w.endswith(("/quiz", "/brief")) for w in words)


@pytest.fixture(autouse=True)
def _no_traceback_reaches_a_user(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    if request.node.get_closest_marker("reaches_user"):
        yield
        return
    invoke, run = CliRunner.invoke, subprocess.run

    def checked_invoke(self: CliRunner, *args: Any, **kwargs: Any) -> Result:
        result = invoke(self, *args, **kwargs)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(
                f"the command ended in {result.exception!r}, which would reach the user as "
                f"a traceback; its output:\n{result.output}"
            ) from result.exception
        found = leaks(result.output)
        assert found is None, f"{found} reached the user:\n{result.output}"
        return result

    def checked_run(*args: Any, **kwargs: Any) -> subprocess.CompletedProcess[Any]:
        done = run(*args, **kwargs)
        command = args[0] if args else kwargs.get("args", ())
        if _is_ours(command):
            output = _text(done.stdout) + _text(done.stderr)
            found = leaks(output)
            assert found is None, f"{found} reached the user of {command}:\n{output[-4000:]}"
        return done

    monkeypatch.setattr(CliRunner, "invoke", checked_invoke)
    monkeypatch.setattr(subprocess, "run", checked_run)
    yield
