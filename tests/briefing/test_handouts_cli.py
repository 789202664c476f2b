"""`brief handouts` and `brief build --quiz`: files written, errors refused without a traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from quizzes.sets import BUNDLED_SETS
from tests.briefing.pdftext import outline_titles, reader, squeeze, text_of
from tests.conftest import SAMPLE

FIGURES = BUNDLED_SETS / "gsi-training-2023" / "figures.yaml"


def brief(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def run_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=120, check=False)


def test_writes_a_sheet_and_a_key_per_variant(tmp_path):
    out = tmp_path / "out"
    result = brief("handouts", "gsi-figures", "--variants", "3", "--seed", "2", "-o", str(out),
                   "--date", "2024-01-05")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"gsi-figures-{c}{k}.pdf" for c in "ABC" for k in ("", "-key"))
    assert "wrote 6 files" in result.output and "gsi-figures-C-key.pdf" in result.output
    sheet = reader((out / "gsi-figures-B.pdf").read_bytes())
    assert sheet.metadata["/CreationDate"].startswith("D:20240105")
    assert "2024-01-05" in text_of((out / "gsi-figures-B.pdf").read_bytes())
    key = text_of((out / "gsi-figures-B-key.pdf").read_bytes())
    assert "ANSWER KEY — Variant B — not for students" in key


def test_default_folder_and_set_file_give_the_same_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert brief("handouts", "gsi-figures").exit_code == 0
    by_id = {p.name: p.read_bytes() for p in (tmp_path / "handouts").iterdir()}
    assert sorted(by_id) == ["gsi-figures-A-key.pdf", "gsi-figures-A.pdf",
                             "gsi-figures-B-key.pdf", "gsi-figures-B.pdf"]
    assert brief("handouts", str(FIGURES), "-o", "again").exit_code == 0
    by_file = {p.name: p.read_bytes() for p in (tmp_path / "again").iterdir()}
    assert by_file == by_id  # and a rebuild is byte-identical


def test_letter_paper(tmp_path):
    assert brief("handouts", "gsi-actors", "--variants", "1", "--paper", "letter", "-o",
                 str(tmp_path)).exit_code == 0
    page = reader((tmp_path / "gsi-actors-A.pdf").read_bytes()).pages[0]
    assert round(float(page.mediabox.height)) == 792


def test_unknown_set_is_a_located_error(tmp_path):
    result = brief("handouts", "no-such-set", "-o", str(tmp_path / "x"))
    assert result.exit_code == 1
    assert "no-such-set:1:1: error: no set or file called 'no-such-set'" in result.output
    assert "gsi-figures" in result.output  # the sets the user could mean
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("count", ["0", "100", "-1", "many"])
def test_variant_count_out_of_range_is_usage_error(count, tmp_path):
    result = brief("handouts", "gsi-figures", "--variants", count, "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "--variants" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [["--paper", "a5"], ["--date", "2024-02-30"], ["--seed", "x"]])
def test_bad_options_are_usage_errors(args, tmp_path):
    assert brief("handouts", "gsi-figures", *args, "-o", str(tmp_path)).exit_code == 2


def test_output_that_is_a_file_is_refused(tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("x")
    result = brief("handouts", "gsi-figures", "-o", str(blocker))
    assert result.exit_code in (1, 2)
    assert "taken" in result.output


def test_bad_set_file_prints_quiz_check_lines_in_a_process(tmp_path):
    bad = tmp_path / "bad.yaml"
    text = FIGURES.read_text(encoding="utf-8")
    bad.write_text(text.replace('answer: "5000"', "answer: lots")
                   .replace("type: choice", "type: chooce", 1), encoding="utf-8")
    done = run_process("briefing", "handouts", "bad.yaml", "-o", "out", cwd=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    check = run_process("quizzes", "check", "bad.yaml", cwd=tmp_path)
    expected = [line for line in check.stdout.splitlines() if ": error: " in line]
    assert len(expected) >= 2
    assert done.stderr.splitlines() == expected
    assert all(re.match(r"^bad\.yaml:\d+:\d+: error: ", line) for line in expected)
    assert not (tmp_path / "out").exists()


# --- brief build --quiz ----------------------------------------------------------------------


def footerless(pdf: bytes, pages: int) -> list[str]:
    """The text of the first pages without the page total, which counts the quiz too.

    The total is drawn from a form filled in at the end, so it reads as a line of its own.
    """
    doc = reader(pdf)
    total = str(len(doc.pages))
    return ["\n".join(line for line in page.extract_text().splitlines() if line != total)
            for page in doc.pages[:pages]]


def test_build_with_quiz_appends_variant_a_and_keeps_the_brief(tmp_path):
    alone, with_quiz = tmp_path / "alone.pdf", tmp_path / "quiz.pdf"
    assert brief("build", "-o", str(alone)).exit_code == 0
    result = brief("build", "--quiz", "gsi-timeline", "-o", str(with_quiz))
    assert result.exit_code == 0, result.output
    assert "with the quiz sheet of gsi-timeline, variant A" in result.output
    brief_pages = len(reader(alone.read_bytes()).pages)
    pdf = with_quiz.read_bytes()
    assert len(reader(pdf).pages) > brief_pages
    assert footerless(pdf, brief_pages) == footerless(alone.read_bytes(), brief_pages)
    quiz_text = "\n".join(p.extract_text() for p in reader(pdf).pages[brief_pages:])
    assert "VARIANT" in quiz_text and "ANSWER KEY" not in quiz_text.upper()
    assert "Quiz sheet, variant A" in outline_titles(pdf)
    # the same sheet as variant A of `brief handouts`, whose key therefore fits it
    assert brief("handouts", "gsi-timeline", "-o", str(tmp_path / "h")).exit_code == 0
    sheet = text_of((tmp_path / "h" / "gsi-timeline-A.pdf").read_bytes())
    start = squeeze(sheet).index("1.")
    assert squeeze(sheet)[start:start + 400] in squeeze(quiz_text)


def test_build_with_a_set_of_another_pack_is_refused(tmp_path):
    result = brief("build", str(SAMPLE / "mini"), "--quiz", "gsi-figures", "-o",
                   str(tmp_path / "b.pdf"))
    assert result.exit_code == 1
    assert "set 'gsi-figures' is about the pack 'gsi-training-2023', not 'mini'" in result.output
    assert not (tmp_path / "b.pdf").exists()


def test_build_with_unknown_quiz_is_a_located_error(tmp_path):
    result = brief("build", "--quiz", "nope", "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 1
    assert "nope:1:1: error: no set or file called 'nope'" in result.output
