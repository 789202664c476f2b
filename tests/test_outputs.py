"""Every command that writes a file the user names goes through one safe writer: a regular
file is replaced and said so, a link is written through, and a FIFO or a folder is never
replaced by a file."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main as brief
from quizzes.cli import main as quiz
from tests.classroom.classsim import play_class
from tests.conftest import SAMPLE
from tests.timelimit import time_limit

SET = "gsi-figures"


@pytest.fixture(scope="module")
def played(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("played")
    play_class(root, SET, 2)
    return root


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("article") / "article.txt"
    shutil.copy(SAMPLE / "mini" / "article.txt", path)
    return path


# Each command as (program, arguments writing to OUT); OUT is the file the test names.
Writer = Callable[[Path, Path, Path], tuple[object, list[str]]]
WRITERS: dict[str, Writer] = {
    "quiz export": lambda out, data, art: (
        quiz,
        ["--data-dir", str(data), "export", SET, "--format", "gift", "-o", str(out)],
    ),
    "quiz results export": lambda out, data, art: (
        quiz,
        ["--data-dir", str(data), "results", "export", "-o", str(out)],
    ),
    "quiz report": lambda out, data, art: (
        quiz,
        ["--data-dir", str(data), "report", SET, "-o", str(out)],
    ),
    "quiz report --csv": lambda out, data, art: (
        quiz,
        ["--data-dir", str(data), "report", SET, "-o", str(out) + ".pdf", "--csv", str(out)],
    ),
    "quiz new": lambda out, data, art: (
        quiz,
        ["new", str(out), "--pack", "gsi-training-2023", "--force"],
    ),
    "brief build": lambda out, data, art: (brief, ["build", "-o", str(out)]),
    "brief handouts": lambda out, data, art: (
        brief,
        ["handouts", SET, "--variants", "1", "-o", str(out.parent)],
    ),
    "brief new": lambda out, data, art: (
        brief,
        ["new", str(art), "--id", "mini-draft", "--data-dir", str(data), "--force"],
    ),
}
# Where each command writes when told to write OUT (handouts and drafts name their files).
TARGETS: dict[str, Callable[[Path, Path], Path]] = {
    "brief handouts": lambda out, data: out.parent / f"{SET}-A.pdf",
    "brief new": lambda out, data: data / "packs" / "mini-draft" / "pack.yaml",
}


def run(name: str, out: Path, data: Path, art: Path):
    program, args = WRITERS[name](out, data, art)
    return CliRunner().invoke(program, args)  # type: ignore[arg-type]


def target_of(name: str, out: Path, data: Path) -> Path:
    return TARGETS.get(name, lambda o, d: o)(out, data)


@pytest.fixture
def data(played: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(played, copy)
    return copy


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_an_existing_file_is_replaced_and_said_so(name, data, article, tmp_path):
    out = tmp_path / "out" / "file.out"
    target = target_of(name, out, data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"old")
    result = run(name, out, data, article)
    assert result.exit_code == 0, (result.output, result.exception)
    assert target.read_bytes() != b"old"
    assert "replaced existing " in result.output
    assert f"{target.name}" in next(
        line for line in result.output.splitlines() if "replaced existing" in line
    )


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_fifo_is_refused_and_left_a_fifo(name, data, article, tmp_path):
    out = tmp_path / "out" / "file.out"
    target = target_of(name, out, data)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(target)
    with time_limit(60):  # a write into the FIFO would wait for a reader for ever
        result = run(name, out, data, article)
    assert result.exit_code == 1, (result.output, result.exception)
    assert "FIFO (named pipe), not a regular file" in result.output
    assert target.is_fifo()


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_link_is_written_through(name, data, article, tmp_path):
    out = tmp_path / "out" / "file.out"
    target = target_of(name, out, data)
    target.parent.mkdir(parents=True, exist_ok=True)
    real = tmp_path / "real.bin"
    real.write_bytes(b"old")
    target.symlink_to(real)
    result = run(name, out, data, article)
    assert result.exit_code == 0, (result.output, result.exception)
    assert target.is_symlink() and real.read_bytes() != b"old"


def test_a_command_writing_two_files_writes_neither_when_one_is_refused(data, article, tmp_path):
    pdf, fifo = tmp_path / "r.pdf", tmp_path / "items.csv"
    pdf.write_bytes(b"old")
    os.mkfifo(fifo)
    args = ["--data-dir", str(data), "report", SET, "-o", str(pdf), "--csv", str(fifo)]
    with time_limit(60):
        result = CliRunner().invoke(quiz, args)
    assert result.exit_code == 1 and "FIFO" in result.output
    assert pdf.read_bytes() == b"old" and "replaced existing" not in result.output
    folder = data / "packs" / "mini-draft"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pack.yaml")
    with time_limit(60):
        drafted = CliRunner().invoke(
            brief, ["new", str(article), "--id", "mini-draft", "--data-dir", str(data), "--force"]
        )
    assert drafted.exit_code == 1 and "FIFO" in drafted.output
    assert not (folder / "article.txt").exists()
