"""A progress database this user cannot write: named with the fix, never called broken.

Two ways in. As root (CI) permissions do not stop a write, so the store is opened the way
SQLite opens a file it may not write (a ``mode=ro`` URI) to reach the same error path.
Where the test runs as root and ``setpriv`` exists, the real thing is run too: `quiz play`
as the unprivileged user 65534 on another user's file and on a read-only folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from quizzes.store import Store, StoreReadOnly
from quizzes.store import sqlite as store_module
from tests.quizzes.storehelp import answer, start

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
REPO = Path(__file__).parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def made(path: Path) -> Path:
    store = Store.open(path)
    run = start(store, "s", questions=2, points=Decimal(2))
    answer(store, run.id, "q1", 0, True, "x", minute=0)
    store.close()
    return path


def read_only_connect(real=sqlite3.connect):
    def connect(database: str, *args, **kwargs):
        if database == ":memory:":
            return real(database, *args, **kwargs)
        kwargs.pop("uri", None)
        return real(f"{Path(database).as_uri()}?mode=ro", *args, uri=True, **kwargs)

    return connect


def test_a_read_only_database_is_named_with_the_fix_and_left_alone(tmp_path, monkeypatch):
    path = made(tmp_path / "progress.sqlite3")
    before = digest(path)
    monkeypatch.setattr(store_module.sqlite3, "connect", read_only_connect())
    with pytest.raises(StoreReadOnly) as caught:
        Store.open(path)
    message = str(caught.value)
    assert str(path) in message and "read-only" in message and "--data-dir" in message
    assert "cannot be read" not in message and "move it aside" not in message
    monkeypatch.undo()
    assert digest(path) == before


def test_the_unsaved_copy_keeps_the_history_and_writes_nothing(tmp_path):
    path = made(tmp_path / "progress.sqlite3")
    before = digest(path)
    copy = Store.open_copy(path)
    assert copy.stats()["s"].answered_unfinished == 1
    run = start(copy, "t", questions=1, points=Decimal(1))
    assert copy.run(run.id).set_id == "t"
    copy.close()
    assert digest(path) == before
    assert Store.open_copy(tmp_path / "missing.sqlite3").stats() == {}


# The real thing, as an unprivileged user -------------------------------------------------

NOBODY = 65534


def _can_drop_privileges() -> bool:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return False
    probe = subprocess.run(
        [
            "setpriv",
            f"--reuid={NOBODY}",
            f"--regid={NOBODY}",
            "--clear-groups",
            sys.executable,
            "-c",
            "import quizzes.cli, textual",
        ],
        cwd="/",
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    return probe.returncode == 0


needs_setpriv = pytest.mark.skipif(
    not _can_drop_privileges(),
    reason="needs root, setpriv and a Python the user 65534 can run (the mode=ro tests "
    "above cover the same path)",
)


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder outside pytest's private tmp (which user 65534 cannot enter)."""
    folder = Path(tempfile.mkdtemp(prefix="classbrief-ro-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def play_as_nobody(data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1", "HOME": str(data)}
    return subprocess.run(
        [
            "setpriv",
            f"--reuid={NOBODY}",
            f"--regid={NOBODY}",
            "--clear-groups",
            sys.executable,
            "-m",
            "quizzes",
            "play",
            "gsi-figures",
            "--headless",
            "--data-dir",
            str(data),
        ],
        cwd="/",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@needs_setpriv
@pytest.mark.parametrize("case", ["another user's file", "read-only folder"])
def test_quiz_play_as_another_user_says_read_only_not_a_traceback(shared_folder, case):
    data = shared_folder / "data"
    data.mkdir()
    path = made(data / "progress.sqlite3")
    if case == "another user's file":
        data.chmod(0o777)  # the folder is the student's; the file root's, as after sudo
        path.chmod(0o444)
    else:
        os.chown(path, NOBODY, NOBODY)  # the file is the student's; the folder is not
        data.chmod(0o555)
    before = digest(path)
    result = play_as_nobody(data)
    assert result.returncode == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr + result.stdout
    assert f"{path}: the progress database is read-only" in result.stderr
    assert "--data-dir" in result.stderr and "move it aside" not in result.stderr
    assert digest(path) == before
