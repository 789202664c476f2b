"""`quiz export`: sets by id, file or <pack>-auto; clean refusals that leave no file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizzes.cli import main
from quizzes.export import FORMATS
from tests.quizzes.export.conftest import SAMPLE


@pytest.fixture
def data(tmp_path_factory) -> Path:
    """A data folder holding the hostile pack and set as the user's own."""
    root = tmp_path_factory.mktemp("data")
    shutil.copytree(SAMPLE / "hostile", root / "packs" / "hostile")
    (root / "sets").mkdir()
    shutil.copy(SAMPLE / "hostile-set.yaml", root / "sets" / "hostile-set.yaml")
    return root


def run(*args: str, data: Path, cwd: Path):
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        return CliRunner().invoke(main, ["export", *args, "--data-dir", str(data)])


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_default_output_is_the_first_set_id_in_the_current_folder(name, data, tmp_path):
    result = run("hostile-set", "gsi-figures", "--format", name, data=data, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    target = tmp_path / f"hostile-set{FORMATS[name].extension}"
    assert target.is_file() and target.stat().st_size > 0
    assert result.output.startswith(f"wrote hostile-set{FORMATS[name].extension}: ")
    assert "from 2 sets" in result.output
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_limitations_are_printed_after_writing(data, tmp_path):
    result = run("hostile-set", "--format", "qti", "-o", "out.zip", data=data, cwd=tmp_path)
    lines = result.output.splitlines()
    assert lines[0] == "wrote out.zip: 8 questions from 1 set (Canvas QTI 1.2 package)"
    assert (
        "  note: 1 order question exported as matching, each item to its position "
        "(1st, 2nd …): Canvas classic quizzes have no ordering type" in lines
    )


def test_a_set_file_and_pack_auto(data, tmp_path):
    result = run(
        str(data / "sets" / "hostile-set.yaml"),
        "--pack-auto",
        "--format",
        "moodle",
        "-o",
        "both.xml",
        data=data,
        cwd=tmp_path,
    )
    assert result.exit_code == 0, result.output
    text = (tmp_path / "both.xml").read_text(encoding="utf-8")
    assert (
        "<idnumber>hostile-set</idnumber>" in text and "<idnumber>hostile-auto</idnumber>" in text
    )


def test_the_same_sets_give_the_same_file(data, tmp_path):
    for out in ("a.gift.txt", "b.gift.txt"):
        run("hostile-set", "gsi-timeline", "--format", "gift", "-o", out, data=data, cwd=tmp_path)
    assert (tmp_path / "a.gift.txt").read_bytes() == (tmp_path / "b.gift.txt").read_bytes()
    for out in ("a.zip", "b.zip"):
        run("hostile-set", "--format", "qti", "-o", out, data=data, cwd=tmp_path)
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_an_unknown_set_writes_nothing(data, tmp_path):
    result = run("no-such-set", "--format", "gift", data=data, cwd=tmp_path)
    assert result.exit_code == 1
    assert "no set or file called 'no-such-set'" in result.output
    assert "Traceback" not in result.output and list(tmp_path.iterdir()) == []


def test_an_unwritable_output_is_a_clear_message(data, tmp_path):
    (tmp_path / "afile").write_text("x")
    result = run(
        "hostile-set", "--format", "anki", "-o", "afile/deck.apkg", data=data, cwd=tmp_path
    )
    assert result.exit_code == 1
    assert "cannot write afile/deck.apkg" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_missing_folders_of_the_output_are_made(data, tmp_path):
    result = run(
        "hostile-set",
        "--format",
        "gift",
        "-o",
        "exports/week3/set.gift.txt",
        data=data,
        cwd=tmp_path,
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "exports" / "week3" / "set.gift.txt").is_file()


def test_a_folder_as_output_is_refused(data, tmp_path):
    result = run("hostile-set", "--format", "gift", "-o", str(tmp_path), data=data, cwd=tmp_path)
    assert result.exit_code == 1 and "is a folder" in result.output


def test_a_format_that_holds_none_of_the_questions_leaves_no_file(data, tmp_path):
    only_numbers = data / "sets" / "numbers.yaml"
    only_numbers.write_text(
        "id: numbers\ntitle: Numbers\npack: hostile\nquestions:\n"
        "  - id: n\n    type: numeric\n    prompt: How many?\n    fact: amount\n"
        "    answer: 1250\n",
        encoding="utf-8",
    )
    existing = tmp_path / "numbers.xlsx"
    existing.write_bytes(b"an older export")
    result = run("numbers", "--format", "kahoot", data=data, cwd=tmp_path)
    assert result.exit_code == 1
    assert "nothing written: Kahoot imports only choice, multi and true/false" in result.output
    assert existing.read_bytes() == b"an older export"


def test_list_names_the_export_command(data):
    result = CliRunner().invoke(main, ["list", "--data-dir", str(data)])
    assert "quiz export SET --format moodle|qti|gift|anki|kahoot" in result.output
