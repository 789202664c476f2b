"""A data folder whose cache cannot be written (another user's, after one `sudo quiz`):
every command works without the cache and says nothing about it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main as brief
from quizzes.cli import main as quiz
from seeds.loadcache import LoadCache
from tests.asuser import needs_nobody, run_as_nobody, shared_folder


@pytest.fixture
def blocked(tmp_path: Path) -> Path:
    """A data folder where each cache folder is a file: writing in it fails, and so does
    clearing up after the failed write."""
    (tmp_path / "cache").mkdir()
    for kind in ("load", "check", "fonts"):
        (tmp_path / "cache" / kind).write_text("not a folder")
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["check"],
        ["export", "gsi-figures", "--format", "gift", "-o", "{out}/x.gift.txt"],
        ["play", "gsi-figures", "--headless"],
    ],
)
def test_quiz_commands_work_without_the_cache(blocked, tmp_path_factory, args):
    out = tmp_path_factory.mktemp("out")
    args = [a.replace("{out}", str(out)) for a in args]
    result = CliRunner().invoke(quiz, ["--data-dir", str(blocked), *args])
    assert result.exit_code == 0, (result.output, result.exception)
    assert "cache" not in result.output


def test_brief_build_works_without_the_cache(blocked, tmp_path):
    target = tmp_path / "b.pdf"
    result = CliRunner().invoke(brief, ["--data-dir", str(blocked), "build", "-o", str(target)])
    assert result.exit_code == 0, (result.output, result.exception)
    assert target.read_bytes().startswith(b"%PDF") and "cache" not in result.output


def test_a_refused_write_and_a_refused_clean_up_are_not_errors(tmp_path, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    cache = LoadCache(tmp_path / "load")
    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.setattr(Path, "unlink", refuse)
    assert cache.get("entry", "k" * 64, lambda: 42) == 42


@needs_nobody
def test_as_another_user_after_a_run_as_root():
    folder = shared_folder()
    try:
        data, out = folder / "data", folder / "out"
        out.mkdir(mode=0o777)
        out.chmod(0o777)
        for args in (["list"], ["check"]):  # as root: the caches are made, root's alone
            subprocess.run(
                [sys.executable, "-m", "quizzes", "--data-dir", str(data), *args],
                capture_output=True,
                check=False,
            )
        assert (data / "cache" / "load").is_dir()
        runs = {
            "quiz list": run_as_nobody("quizzes", "--data-dir", str(data), "list"),
            "quiz check": run_as_nobody("quizzes", "--data-dir", str(data), "check"),
            "quiz export": run_as_nobody(
                "quizzes",
                "--data-dir",
                str(data),
                "export",
                "gsi-figures",
                "--format",
                "gift",
                "-o",
                str(out / "x.gift.txt"),
            ),
            "brief build": run_as_nobody(
                "briefing", "--data-dir", str(data), "build", "-o", str(out / "b.pdf")
            ),
        }
        for name, result in runs.items():
            shown = f"{name}: {result.stdout[-2000:]}{result.stderr[-2000:]}"
            assert result.returncode == 0, shown
            assert "Traceback" not in result.stderr and "ermission" not in result.stderr, shown
    finally:
        shutil.rmtree(folder, ignore_errors=True)
