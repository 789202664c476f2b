"""`brief build`: what it writes, and how it refuses bad input without a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from briefing.cli import main
from tests.briefing.pdftext import GSI_FOLDER, reader


def brief(*args: str):
    result = CliRunner().invoke(main, ["build", *args], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def test_build_default_pack(tmp_path):
    out = tmp_path / "b.pdf"
    result = brief("-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    pages = len(reader(out.read_bytes()).pages)
    assert pages >= 3 and f"({pages} pages, a4)" in result.output  # it says what it wrote


def test_build_by_id_folder_and_file_are_the_same(tmp_path):
    outs = [tmp_path / f"{n}.pdf" for n in range(3)]
    for ref, out in zip(
        ["gsi-training-2023", str(GSI_FOLDER), str(GSI_FOLDER / "pack.yaml")], outs, strict=True
    ):
        assert brief(ref, "-o", str(out)).exit_code == 0
    assert outs[0].read_bytes() == outs[1].read_bytes() == outs[2].read_bytes()


def test_paper_and_date(tmp_path):
    out = tmp_path / "letter.pdf"
    assert brief("--paper", "letter", "--date", "2024-01-05", "-o", str(out)).exit_code == 0
    pdf = reader(out.read_bytes())
    assert round(float(pdf.pages[0].mediabox.height)) == 792
    assert pdf.metadata["/CreationDate"].startswith("D:20240105")


def test_default_output_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert brief().exit_code == 0
    assert (tmp_path / "gsi-training-2023-brief.pdf").is_file()


def test_unknown_pack():
    result = brief("no-such-pack")
    assert result.exit_code == 1
    assert "no pack called 'no-such-pack'" in result.output
    assert "gsi-training-2023" in result.output


@pytest.mark.parametrize("date", ["2023-02-30", "21/02/2023", "yesterday", "2023-2-1"])
def test_bad_date_is_usage_error(date):
    result = brief("--date", date)
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_bad_pack_prints_located_problems(tmp_path):
    folder = tmp_path / "broken" / GSI_FOLDER.name
    shutil.copytree(GSI_FOLDER, folder)
    path = folder / "pack.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('value: "5000"', "value: lots"), encoding="utf-8"
    )
    result = brief(str(folder), "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines and all(":" in line and "error" in line for line in lines)
    assert "pack.yaml:" in lines[0] and "must be a number" in lines[0]
    assert not (tmp_path / "x.pdf").exists()


def test_missing_pack_file(tmp_path):
    result = brief(str(tmp_path / "nothing.yaml"))
    assert result.exit_code == 1 and "no pack file" in result.output


def test_unwritable_output(tmp_path):
    result = brief("-o", str(tmp_path / "no" / "such" / "folder" / "b.pdf"))
    assert result.exit_code == 1
    assert result.output.startswith("error: cannot write")


def test_stdout_output():
    result = CliRunner().invoke(main, ["build", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"%PDF")


def test_separate_processes_write_identical_files(tmp_path):
    """Reproducible across processes too (font registration, ids, dates)."""
    outs = [tmp_path / "one.pdf", tmp_path / "two.pdf"]
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    for out in outs:
        done = subprocess.run(
            [sys.executable, "-m", "briefing", "build", "-o", str(out)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    assert outs[0].read_bytes() == outs[1].read_bytes()


def test_errors_in_a_real_process_have_no_traceback(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "build", "nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == ("error: no pack called 'nope'; known packs: gsi-training-2023")


@pytest.mark.parametrize("where", ["before", "after"])
def test_data_dir_finds_user_packs_and_sets_as_quiz_does(tmp_path, monkeypatch, where):
    from tests.conftest import SAMPLE

    monkeypatch.delenv("CLASSBRIEF_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # not the real user data folder
    data = tmp_path / "data"
    shutil.copytree(SAMPLE / "mini", data / "packs" / "mini")
    option = ["--data-dir", str(data)]
    for command in (
        ["build", "mini", "-o", str(tmp_path / "m.pdf")],
        ["handouts", "mini-auto", "-o", str(tmp_path / "h"), "--variants", "1"],
    ):
        args = [*option, *command] if where == "before" else [*command, *option]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
    assert (tmp_path / "m.pdf").is_file() and (tmp_path / "h" / "mini-auto-A.pdf").is_file()
    unknown = CliRunner().invoke(main, ["build", "mini", "-o", str(tmp_path / "x.pdf")])
    assert unknown.exit_code == 1 and "no pack called 'mini'" in unknown.output
