"""`quiz check --article` and `brief new` on the same files: the same words for what
they are, UTF-16 with a byte-order mark read, and a device or a FIFO refused at once
(`/dev/zero` was read without end, a FIFO waited for a writer)."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main as brief
from quizzes.cli import main as quiz
from tests.timelimit import time_limit

TEXT = "Minister Ana Peña said “the plan is ready” — and 5,000 officers will train.\n" * 3
NOISE = random.Random(7).randbytes(4096)


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (NOISE, "a binary file"),
        (TEXT.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        ("Zürich said so".encode("cp1252"), "Windows-1252"),
    ],
    ids=["random bytes", "UTF-16 without a mark", "Windows-1252"],
)
def test_check_and_new_say_the_same(tmp_path, raw, says):
    path = tmp_path / "article.txt"
    path.write_bytes(raw)
    checked = CliRunner().invoke(quiz, ["check", "--article", str(path)])
    drafted = CliRunner().invoke(
        brief, ["new", str(path), "--id", "x", "--data-dir", str(tmp_path / "d")]
    )
    assert checked.exit_code == 2 and says in checked.output, checked.output
    assert drafted.exit_code == 1 and says in drafted.output, drafted.output


def test_a_utf16_article_with_a_mark_is_drafted_and_checked(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    drafted = CliRunner().invoke(
        brief, ["new", str(path), "--id", "x", "--data-dir", str(tmp_path / "d")]
    )
    assert drafted.exit_code == 0, drafted.output
    copy = tmp_path / "d" / "packs" / "x" / "article.txt"
    assert copy.read_text(encoding="utf-8") == TEXT


@pytest.mark.parametrize("kind", ["device", "FIFO"])
def test_brief_new_refuses_a_device_or_a_fifo_at_once(tmp_path, kind):
    path = Path("/dev/zero")
    if kind == "FIFO":
        path = tmp_path / "fifo"
        os.mkfifo(path)
    with time_limit(10):  # /dev/zero was read without end; a FIFO waited for a writer
        result = CliRunner().invoke(
            brief, ["new", str(path), "--id", "x", "--data-dir", str(tmp_path / "d")]
        )
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {path} is a ") and kind in result.output


def test_brief_new_reads_no_more_than_the_limit(tmp_path, monkeypatch):
    import seeds.userfiles

    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * (300 * 1024))  # 1.5 MB
    asked: list[int] = []
    real_read = os.read

    def read(fd: int, n: int) -> bytes:
        asked.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(seeds.userfiles.os, "read", read)
    result = CliRunner().invoke(
        brief, ["new", str(path), "--id", "x", "--data-dir", str(tmp_path / "d")]
    )
    assert result.exit_code == 1 and "1.5 MB, more than the 1 MB" in result.output
    assert sum(asked) <= 1024 * 1024 + 1


def test_quiz_check_refuses_a_fifo_article_at_once(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    with time_limit(10):
        result = CliRunner().invoke(quiz, ["check", "--article", str(fifo)])
    assert result.exit_code == 2 and "FIFO" in result.output


def test_quiz_check_verifies_quotes_against_a_utf16_article(tmp_path):
    from tests.conftest import SAMPLE

    article = tmp_path / "article.txt"
    article.write_bytes((SAMPLE / "mini" / "article.txt").read_text("utf-8").encode("utf-16"))
    result = CliRunner().invoke(quiz, ["check", str(SAMPLE / "mini"), "--article", str(article)])
    assert result.exit_code == 0, result.output
    assert "quote(s) verified against" in result.output and "NOT" not in result.output
