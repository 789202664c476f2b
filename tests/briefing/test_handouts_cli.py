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
    return subprocess.run(
        [sys.executable, "-m", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


def test_writes_a_sheet_and_a_key_per_variant(tmp_path):
    out = tmp_path / "out"
    result = brief(
        "handouts",
        "gsi-figures",
        "--variants",
        "3",
        "--seed",
        "2",
        "-o",
        str(out),
        "--date",
        "2024-01-05",
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"gsi-figures-{c}{k}.pdf" for c in "ABC" for k in ("", "-key"))
    assert "wrote 6 files" in result.output and "gsi-figures-C-key.pdf" in result.output
    sheet = reader((out / "gsi-figures-B.pdf").read_bytes())
    assert sheet.metadata["/CreationDate"].startswith("D:20240105")
    assert "5 January 2024" in text_of((out / "gsi-figures-B.pdf").read_bytes())
    key = text_of((out / "gsi-figures-B-key.pdf").read_bytes())
    assert "ANSWER KEY — Variant B — not for students" in key


def test_default_folder_and_set_file_give_the_same_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert brief("handouts", "gsi-figures").exit_code == 0
    by_id = {p.name: p.read_bytes() for p in (tmp_path / "handouts").iterdir()}
    assert sorted(by_id) == [
        "gsi-figures-A-key.pdf",
        "gsi-figures-A.pdf",
        "gsi-figures-B-key.pdf",
        "gsi-figures-B.pdf",
    ]
    assert brief("handouts", str(FIGURES), "-o", "again").exit_code == 0
    by_file = {p.name: p.read_bytes() for p in (tmp_path / "again").iterdir()}
    assert by_file == by_id  # and a rebuild is byte-identical


def test_letter_paper(tmp_path):
    assert (
        brief(
            "handouts", "gsi-actors", "--variants", "1", "--paper", "letter", "-o", str(tmp_path)
        ).exit_code
        == 0
    )
    page = reader((tmp_path / "gsi-actors-A.pdf").read_bytes()).pages[0]
    assert round(float(page.mediabox.height)) == 792


def test_unknown_set_is_named_with_the_known_ones(tmp_path):
    result = brief("handouts", "no-such-set", "-o", str(tmp_path / "x"))
    assert result.exit_code == 1
    assert result.output.startswith("error: no set or file called 'no-such-set'")
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
    bad.write_text(
        text.replace('answer: "5000"', "answer: lots").replace("type: choice", "type: chooce", 1),
        encoding="utf-8",
    )
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
    return [
        "\n".join(line for line in page.extract_text().splitlines() if line != total)
        for page in doc.pages[:pages]
    ]


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
    assert squeeze(sheet)[start : start + 400] in squeeze(quiz_text)


def test_build_with_a_set_of_another_pack_is_refused(tmp_path):
    result = brief(
        "build", str(SAMPLE / "mini"), "--quiz", "gsi-figures", "-o", str(tmp_path / "b.pdf")
    )
    assert result.exit_code == 1
    assert "set 'gsi-figures' is about the pack 'gsi-training-2023', not 'mini'" in result.output
    assert not (tmp_path / "b.pdf").exists()


def test_build_with_unknown_quiz_is_named(tmp_path):
    result = brief("build", "--quiz", "nope", "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 1
    assert result.output.startswith("error: no set or file called 'nope'")


CJK_SET = """\
id: cjk
title: Names
pack: gsi-training-2023
questions:
  - id: who
    type: choice
    prompt: Who proposed the initiative?
    fact: gsi-training-places
    choices: ["习近平", "Someone else"]
    answer: "习近平"
"""


@pytest.fixture
def no_fallback_fonts(monkeypatch):
    """A machine without a font for CJK, whatever this one has installed."""
    from briefing import fonts

    monkeypatch.setattr(fonts, "_fallbacks", fonts._Fallbacks())
    monkeypatch.setattr(fonts, "_fallback_candidates", lambda char: iter(()))


def test_handouts_that_would_lose_characters_fail_naming_them(tmp_path, no_fallback_fonts):
    qset = tmp_path / "cjk.yaml"
    qset.write_text(CJK_SET, encoding="utf-8")
    out = tmp_path / "out"
    result = brief("handouts", str(qset), "-o", str(out))
    assert result.exit_code == 1, result.output
    for char in "习近平":
        assert f"{char} (U+{ord(char):04X})" in result.output
    assert "--font" in result.output and "--allow-missing-glyphs" in result.output
    assert not out.exists() or not list(out.iterdir())  # no sheet with a blank option
    allowed = brief("handouts", str(qset), "-o", str(out), "--allow-missing-glyphs")
    assert allowed.exit_code == 0, allowed.output
    assert "warning: no available font can show" in allowed.output
    assert sorted(p.name for p in out.iterdir()) == [
        "cjk-A-key.pdf",
        "cjk-A.pdf",
        "cjk-B-key.pdf",
        "cjk-B.pdf",
    ]


def test_brief_with_a_quiz_that_would_lose_characters_fails_too(tmp_path, no_fallback_fonts):
    qset = tmp_path / "cjk.yaml"
    qset.write_text(CJK_SET, encoding="utf-8")
    result = brief("build", "--quiz", str(qset), "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 1 and "习 (U+4E60)" in result.output
    assert not (tmp_path / "b.pdf").exists()


def _font_covering_what_the_house_fonts_lack() -> tuple[Path, str] | None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from briefing.fonts import covers, font_index, load_fonts

    primary = load_fonts().glyphs().primary
    for path in sorted(set(font_index().values())):
        if not path.name.lower().endswith(".ttf"):
            continue
        try:
            face = TTFont(f"probe-{path.stem}", str(path))
        except Exception:
            continue
        pdfmetrics.registerFont(face)
        for code in sorted(face.face.charToGlyph):
            char = chr(code)
            if (
                code > 0x2000
                and char.isprintable()
                and not char.isspace()
                and not all(covers(f, char) for f in primary)
            ):
                return path, char
    return None


def test_font_option_gives_the_missing_characters_a_font(tmp_path, no_fallback_fonts):
    found = _font_covering_what_the_house_fonts_lack()
    if found is None:
        pytest.skip("no installed TrueType font covers a character the house fonts lack")
    font, char = found
    qset = tmp_path / "x.yaml"
    qset.write_text(CJK_SET.replace("习近平", char), encoding="utf-8")
    out = tmp_path / "out"
    without = brief("handouts", str(qset), "-o", str(out))
    assert without.exit_code == 1, without.output
    given = brief("handouts", str(qset), "-o", str(out), "--font", str(font))
    assert given.exit_code == 0, given.output
    assert "warning" not in given.output
    assert char in squeeze(text_of((out / "cjk-A.pdf").read_bytes()))


def test_font_option_refuses_a_file_that_is_not_a_font(tmp_path):
    bogus = tmp_path / "font.ttf"
    bogus.write_bytes(b"not a font")
    result = brief("handouts", "gsi-figures", "-o", str(tmp_path / "o"), "--font", str(bogus))
    assert result.exit_code == 1 and "cannot use the font" in result.output
    assert "Traceback" not in result.output
