"""Messages that said the wrong thing and commands that stopped without need: warnings
called skipped problems, an unknown set given a line and column, a read-only database
refused for a read, a home folder this user cannot read."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main as brief
from quizzes.cli import main as quiz
from quizzes.store import sqlite as store_module
from seeds.paths import progress_db
from tests.asuser import needs_nobody, run_as_nobody, shared_folder
from tests.classroom.classsim import play_class

WARNS_ONLY = """\
id: warns
title: Warns
pack: gsi-training-2023
questions:
  - id: q
    type: truefalse
    prompt: China offered training.
    answer: true
"""
BROKEN = WARNS_ONLY.replace("id: warns", "id: broken").replace("answer: true", "answer: [x]")


def test_quiz_list_tells_warnings_from_skipped_files(tmp_path):
    (tmp_path / "sets").mkdir()
    (tmp_path / "sets" / "warns.yaml").write_text(WARNS_ONLY, encoding="utf-8")
    listed = CliRunner().invoke(quiz, ["--data-dir", str(tmp_path), "list"])
    assert listed.exit_code == 0 and "warns " in listed.output  # listed: warnings only
    assert "skipped" not in listed.output and "left out" not in listed.output
    assert "(1 warning(s) in packs or sets; run `quiz check` to see them)" in listed.output
    (tmp_path / "sets" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    listed = CliRunner().invoke(quiz, ["--data-dir", str(tmp_path), "list"])
    assert "1 pack or set file(s) with errors were left out, and 1 warning(s)" in listed.output


@pytest.mark.parametrize(
    ("args", "close"),
    [
        (["play", "gsi-figure", "--headless"], "gsi-figures"),
        (["export", "gsi-actor", "--format", "gift"], "gsi-actors"),
        (["report", "gsi-timelin", "x.json"], "gsi-timeline"),
    ],
)
def test_an_unknown_set_is_named_without_a_place_and_with_the_closest(args, close, tmp_path):
    result = CliRunner().invoke(quiz, ["--data-dir", str(tmp_path), *args])
    assert result.exit_code == 1
    wrong = args[1]
    assert f"error: no set or file called '{wrong}'; did you mean '{close}'?" in result.output
    assert f"{wrong}:1:1" not in result.output


def test_brief_names_an_unknown_set_the_same_way():
    result = CliRunner().invoke(brief, ["handouts", "gsi-figurs"])
    assert result.exit_code == 1
    assert result.output.startswith("error: no set or file called 'gsi-figurs'; did you mean")


@pytest.fixture(scope="module")
def played(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("played")
    play_class(root, "gsi-figures", 2)
    return root


def test_results_export_reads_a_read_only_database(played, tmp_path, monkeypatch):
    real = sqlite3.connect

    def read_only(database, *args, **kwargs):  # as SQLite opens a file it may not write
        if database == ":memory:" or kwargs.get("uri"):
            return real(database, *args, **kwargs)
        return real(f"{Path(database).as_uri()}?mode=ro", *args, uri=True, **kwargs)

    before = progress_db(played).read_bytes()
    monkeypatch.setattr(store_module.sqlite3, "connect", read_only)
    out = tmp_path / "sent.json"
    result = CliRunner().invoke(
        quiz, ["--data-dir", str(played), "results", "export", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "2 run(s)" in result.output and out.is_file()
    assert progress_db(played).read_bytes() == before


def test_brief_build_without_a_readable_home(tmp_path, monkeypatch):
    from briefing import fonts

    home = tmp_path / "home"
    real_is_dir = Path.is_dir

    def is_dir(self: Path) -> bool:
        if home in self.parents:  # as os.stat answers for a folder in a home one cannot read
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(Path, "is_dir", is_dir)
    fonts.font_index.cache_clear()
    try:
        index = fonts.font_index()  # the fonts of the system folders, without the home's
        result = CliRunner().invoke(brief, ["build", "-o", str(tmp_path / "b.pdf")])
    finally:
        monkeypatch.undo()
        fonts.font_index.cache_clear()
    assert all(home not in path.parents for path in index.values())
    assert result.exit_code == 0, (result.output, result.exception)
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")


@needs_nobody
def test_as_another_user(played):
    """The real thing: root's read-only database, and root's home folder as $HOME."""
    folder = shared_folder()
    try:
        data, out = folder / "data", folder / "out"
        shutil.copytree(played, data)
        for path in [data, *data.rglob("*")]:  # readable by all, writable by root alone
            path.chmod(0o755 if path.is_dir() else 0o644)
        out.mkdir()
        out.chmod(0o777)
        exported = run_as_nobody(
            "quizzes", "--data-dir", str(data), "results", "export", "-o", str(out / "r.json")
        )
        assert exported.returncode == 0, exported.stderr
        built = run_as_nobody(
            "briefing", "build", "-o", str(out / "b.pdf"), home=Path.home(), cwd=out
        )
        assert built.returncode == 0, built.stderr[-3000:]
        assert "Traceback" not in built.stderr + exported.stderr
    finally:
        shutil.rmtree(folder, ignore_errors=True)
