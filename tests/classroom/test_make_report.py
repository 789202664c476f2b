"""`quiz report` and `quiz results export` as a teacher and students use them: the served
database and files sent in, read back with csv, sqlite3 and pypdf."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from quizzes.cli import main
from seeds.paths import progress_db
from tests.classroom.classsim import play_class

SET = "gsi-figures"


def quiz(*args: str):
    return CliRunner().invoke(main, list(args))


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("served")
    play_class(root, SET, 40)
    return root


def test_a_class_of_40_gets_a_pdf_and_a_csv_row_per_question(served, tmp_path):
    pdf, table = tmp_path / "r.pdf", tmp_path / "items.csv"
    result = quiz("--data-dir", str(served), "report", SET, "-o", str(pdf), "--csv", str(table))
    assert result.exit_code == 0, result.output
    assert "40 student(s)" in result.output
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    db = sqlite3.connect(progress_db(served))
    questions = [
        q for (q,) in db.execute("SELECT DISTINCT question_id FROM answers ORDER BY question_id")
    ]
    assert sorted(r["question"] for r in rows) == questions
    for row in rows:  # facility straight from the stored answers, computed apart
        scores = [
            float(s) / float(p)
            for s, p in db.execute(
                "SELECT score, points FROM answers WHERE question_id = ?", (row["question"],)
            )
        ]
        assert float(row["facility"]) == pytest.approx(np.mean(scores), abs=1e-4)
        assert int(row["students"]) == 40
    text = pdf_text(pdf)
    for expected in (
        "Class report",
        "40 students",
        "KR-20",
        "Standard error of measurement",
        "Flagged questions",
        "re-teach: Key figures —",
        "Every question",
    ):
        assert expected in text, expected
    assert "not meaningful" not in text


def test_the_report_keeps_the_fonts_metrics_in_the_data_folder(served, tmp_path):
    # In a process of its own: fonts another test loaded here would not be read again.
    root = tmp_path / "data"
    shutil.copytree(served, root, ignore=shutil.ignore_patterns("cache"))
    command = [sys.executable, "-m", "quizzes", "--data-dir", str(root), "report", SET]
    done = subprocess.run([*command, "-o", str(tmp_path / "r.pdf")], capture_output=True)
    assert done.returncode == 0, done.stderr
    assert sorted((root / "cache" / "fonts").glob("*.pickle"))  # as `brief` keeps them


def export(root: Path, out: Path, *extra: str):
    return quiz("--data-dir", str(root), "results", "export", "-o", str(out), *extra)


def test_student_files_count_once_and_few_students_are_not_meaningful(tmp_path):
    alone = tmp_path / "ana"
    play_class(alone, SET, 1)
    # A run played at the terminal has no name: the student gives it on export.
    db = sqlite3.connect(progress_db(alone))
    db.execute("UPDATE runs SET student = ''")
    db.commit()
    db.close()
    sent = tmp_path / "ana.json"
    refused = export(alone, sent)
    assert refused.exit_code == 1 and "--name" in refused.output and not sent.exists()
    assert export(alone, sent, "--name", "Ana").exit_code == 0
    doc = json.loads(sent.read_text(encoding="utf-8"))
    assert doc["kind"] == "classbrief-results" and doc["runs"][0]["student"] == "Ana"
    teacher = tmp_path / "teacher"
    teacher.mkdir()
    copy = tmp_path / "again.json"
    copy.write_bytes(sent.read_bytes())
    pdf = tmp_path / "r.pdf"
    result = quiz("--data-dir", str(teacher), "report", SET, str(sent), str(copy), "-o", str(pdf))
    assert result.exit_code == 0, result.output
    assert "1 student(s)" in result.output and "sent more than once" in result.output
    assert "not meaningful yet" in result.output
    text = pdf_text(pdf)
    assert "not meaningful yet" in text and "Answers by student" in text and "Ana" in text


def test_two_students_of_one_name_on_two_machines_are_kept_apart(tmp_path):
    files = []
    for machine in ("a", "b"):
        root = tmp_path / machine
        play_class(root, SET, 1, seed=ord(machine))
        files.append(tmp_path / f"{machine}.json")
        assert export(root, files[-1]).exit_code == 0
    teacher = tmp_path / "t"
    result = quiz(
        "--data-dir", str(teacher), "report", SET, *map(str, files), "-o", str(tmp_path / "r.pdf")
    )
    assert result.exit_code == 0, result.output
    assert "2 student(s)" in result.output
    assert "Student 00 (2)" in result.output and "kept apart" in result.output


def test_bad_files_and_sets_are_clear_messages(tmp_path, served):
    broken = tmp_path / "broken.json"
    broken.write_text('{"kind": "classbrief-results", "runs": [', encoding="utf-8")
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"kind": "classbrief-results", "version": 99, "runs": []}))
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"hello": 1}))
    binary = tmp_path / "bin.json"
    binary.write_bytes(bytes(range(256)))
    out = tmp_path / "r.pdf"
    result = quiz(
        "--data-dir",
        str(served),
        "report",
        SET,
        str(broken),
        str(newer),
        str(other),
        str(binary),
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output  # the database still has the class
    assert "broken.json:1:" in result.output and "not valid JSON" in result.output
    assert "newer classbrief" in result.output
    assert "not a classbrief results file" in result.output
    assert "Traceback" not in result.output
    nobody = quiz("--data-dir", str(served), "report", "gsi-actors", "-o", str(out))
    assert nobody.exit_code == 1 and "nobody has played set 'gsi-actors'" in nobody.output
    unknown = quiz("--data-dir", str(served), "report", "no-such-set", "-o", str(out))
    assert unknown.exit_code == 1 and "Traceback" not in unknown.output
    empty = tmp_path / "empty"
    none = quiz("--data-dir", str(empty), "report", "-o", str(out))
    assert none.exit_code == 1 and "nobody has played any set yet" in none.output


def test_a_file_from_another_set_is_named(tmp_path, served):
    elsewhere = tmp_path / "s"
    play_class(elsewhere, "gsi-actors", 1)
    sent = tmp_path / "actors.json"
    assert export(elsewhere, sent).exit_code == 0
    result = quiz(
        "--data-dir", str(served), "report", SET, str(sent), "-o", str(tmp_path / "r.pdf")
    )
    assert result.exit_code == 0
    assert f"holds no runs of set '{SET}' (it has: gsi-actors)" in result.output


WEEK = """\
id: week
title: Week
pack: gsi-training-2023
questions:
  - id: period
    type: choice
    prompt: Over what period does China plan to provide the GSI training places?
    fact: gsi-training-places
    choices: [One year, Three years, Five years, Ten years]
    answer: Ten years
  - id: places
    type: numeric
    prompt: How many training places does the GSI paper offer?
    fact: gsi-training-places
    answer: 5000
  - id: sco
    type: text
    prompt: Which grouping did Xi offer training to in September 2022?
    fact: sco-training-places
    accept: [SCO]
"""


def changed_week(root: Path) -> None:
    """The teacher fixes the key of 'period' and deletes 'sco' after the class played."""
    fixed = WEEK.replace("answer: Ten years", "answer: Five years")
    (root / "sets" / "week.yaml").write_text(fixed[: fixed.index("  - id: sco")])


def played_week(root: Path, students: int = 8) -> None:
    (root / "sets").mkdir(parents=True)
    (root / "sets" / "week.yaml").write_text(WEEK)
    play_class(root, "week", students)


def rows_by_question(table: Path) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(io.StringIO(table.read_text(encoding="utf-8")))
    return {row["question"]: row for row in rows}


def stored(root: Path, question: str) -> list[tuple[str, float]]:
    with sqlite3.connect(progress_db(root)) as db:
        return [
            (json.loads(answer), float(score) / float(points))
            for answer, score, points in db.execute(
                "SELECT answer, score, points FROM answers WHERE question_id = ?", (question,)
            )
        ]


@pytest.mark.parametrize("keys_recorded", [True, False])
def test_a_changed_set_grades_each_answer_against_the_key_its_student_saw(tmp_path, keys_recorded):
    root = tmp_path / "class"
    played_week(root)
    if not keys_recorded:  # answers given before answers kept their key
        with sqlite3.connect(progress_db(root)) as db:
            db.execute("UPDATE answers SET key_digest = NULL")
    changed_week(root)
    pdf, table = tmp_path / "r.pdf", tmp_path / "items.csv"
    result = quiz("--data-dir", str(root), "report", "week", "-o", str(pdf), "--csv", str(table))
    assert result.exit_code == 0, result.output
    assert "the set has changed since some answers were given" in result.output
    rows = rows_by_question(table)
    assert set(rows) == {"period", "period (earlier)", "places", "sco (deleted)"}
    # The answers to the old key are their own item, graded as their students were.
    answers = stored(root, "period")
    earlier = rows["period (earlier)"]
    right = sum(score for _, score in answers) / len(answers)
    assert int(earlier["students"]) == len(answers) == 8
    assert float(earlier["facility"]) == pytest.approx(right, abs=1e-4)
    assert 0 < right < 1
    if keys_recorded:
        ten = sum(answer == "Ten years" for answer, _ in answers)
        assert f"*Ten years: {ten} " in earlier["options"]  # the key they saw
        assert "*Five years" not in earlier["options"]
        assert "“Ten years”" in earlier["flags"] and "“Five years” now" in earlier["flags"]
    else:
        assert earlier["options"] == ""  # which option was right then is not known
        assert "earlier key" in earlier["flags"] and "not recorded" in earlier["flags"]
    assert (
        rows["period"]["students"] == "0"
        and "changed after 8 student(s)" in (rows["period"]["flags"])
    )
    # Nobody's answers to the unchanged question moved; the deleted one is still reported.
    assert rows["places"]["flags"] == ""
    deleted = rows["sco (deleted)"]
    assert int(deleted["students"]) == 8 and "deleted from the set" in deleted["flags"]
    text = pdf_text(pdf)
    assert "period (earlier)" in text and "deleted from the set" in text


def test_a_changed_set_reported_from_files_sent_in(tmp_path):
    """The key travels in the results file a student sends."""
    student = tmp_path / "student"
    played_week(student, students=1)
    sent = tmp_path / "ana.json"
    assert export(student, sent).exit_code == 0
    assert json.loads(sent.read_text())["runs"][0]["answers"][0]["key"]["type"]
    teacher = tmp_path / "teacher"
    (teacher / "sets").mkdir(parents=True)
    changed_week(teacher)
    table = tmp_path / "items.csv"
    result = quiz(
        "--data-dir",
        str(teacher),
        "report",
        "week",
        str(sent),
        "-o",
        str(tmp_path / "r.pdf"),
        "--csv",
        str(table),
    )
    assert result.exit_code == 0, result.output
    assert "sco (deleted)" in rows_by_question(table)


def test_a_set_with_an_error_now_is_named_with_its_error(tmp_path):
    root = tmp_path / "class"
    played_week(root, students=2)
    broken = WEEK.replace("answer: Ten years", "answer: Fifteen years")
    (root / "sets" / "week.yaml").write_text(broken)
    result = quiz("--data-dir", str(root), "report", "week", "-o", str(tmp_path / "r.pdf"))
    assert result.exit_code == 1
    assert "no set or file called" not in result.output
    assert "set 'week' cannot be used until its errors are fixed" in result.output
    assert "answer 'Fifteen years' is not among the choices" in result.output


def test_a_damaged_progress_file_is_named_and_nothing_from_it_is_reported(served, tmp_path):
    root = tmp_path / "data"
    shutil.copytree(served, root, ignore=shutil.ignore_patterns("cache"))
    db_path = progress_db(root)
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # An index page: reading the answers never touches it, the check on opening does.
    (page,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'runs_by_set'").fetchone()
    db.close()
    data = bytearray(db_path.read_bytes())
    size = 4096
    data[(page - 1) * size : (page - 1) * size + 16] = b"\xff" * 16
    db_path.write_bytes(bytes(data))
    pdf = tmp_path / "r.pdf"
    result = quiz("--data-dir", str(root), "report", SET, "-o", str(pdf))
    assert result.exit_code == 1, result.output
    assert "cannot be read" in result.output and str(db_path) in result.output
    assert "40 student(s)" not in result.output and not pdf.exists()
    assert db_path.read_bytes() == bytes(data)
