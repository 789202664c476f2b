"""`quiz serve` before any browser: the fixed command, localhost by default, and every bad
roster, set or port a clear message with a non-zero exit."""

from __future__ import annotations

import shlex
import socket
import sys
from pathlib import Path

from click.testing import CliRunner

from quizzes.cli import main
from quizzes.tui.serve import served_command


def quiz(*args: str):
    return CliRunner().invoke(main, list(args))


def test_the_served_command_is_fixed_and_quoted(tmp_path: Path):
    roster = tmp_path / "a; rm -rf ~ $(x).txt"
    command = served_command(tmp_path / "my data", roster, "gsi-figures", "exam")
    argv = shlex.split(command)
    # exec: the app is the server's own child, so it can end with the server.
    assert argv[:4] == ["exec", sys.executable, "-m", "quizzes.tui.serve"]
    assert argv[argv.index("--roster") + 1] == str(roster.resolve())
    assert argv[argv.index("--data-dir") + 1] == str((tmp_path / "my data").resolve())


def test_localhost_is_the_default():
    params = {p.name: p for p in main.commands["serve"].params}
    assert params["host"].default == "127.0.0.1"


def test_bad_rosters_sets_and_options_are_refused(tmp_path: Path):
    data = str(tmp_path / "data")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    result = quiz("--data-dir", data, "serve", "--roster", str(empty))
    assert result.exit_code == 2 and "no names in it" in result.output
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Zoë\n".encode("latin-1"))
    result = quiz("--data-dir", data, "serve", "--roster", str(latin))
    assert result.exit_code == 2 and "not UTF-8" in result.output
    result = quiz("--data-dir", data, "serve", "--roster", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2 and "cannot be read" in result.output
    result = quiz("--data-dir", data, "serve", "--set", "no-such-set")
    assert result.exit_code == 1 and "Traceback" not in result.output
    result = quiz("--data-dir", data, "serve", "--mode", "exam")
    assert result.exit_code == 2 and "--mode applies with --set" in result.output


def test_a_port_in_use_is_named(tmp_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = quiz("--data-dir", str(tmp_path / "data"), "serve", "--port", str(port))
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
