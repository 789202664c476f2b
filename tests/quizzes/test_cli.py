"""The `quiz` command as a user runs it: check, list, new."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizzes.cli import main
from tests.conftest import SAMPLE

HOSTILE = {
    "dup.yaml": b"id: a\nid: b\n",
    "tag.yaml": b"id: !!python/object/apply:os.system [echo pwned]\n",
    "utf.yaml": b"id: \xc3\x28\n",
    "tabs.yaml": b"id: x\nquestions:\n\t- id: q\n",
    "deep.yaml": b"id: " + b"[" * 1000 + b"]" * 1000 + b"\n",
    "bomb.yaml": b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
    "huge.yaml": b"id: x\nnotes: " + b"y" * (5 * 1024 * 1024) + b"\n",
    "junk.yaml": bytes(range(256)) * 4,
    "list.yaml": b"- id: x\n",
    "ctrl.yaml": b"id: \x1b[31mred\n",
    "empty.yaml": b"",
}


def run_quiz(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "quizzes", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
        timeout=60,
    )


def test_check_passes_on_everything_bundled():
    result = CliRunner().invoke(main, ["check", "--strict"])
    assert result.exit_code == 0, result.output
    assert "0 error(s), 0 warning(s)" in result.output


def test_check_verifies_every_quote_against_the_seed_article(seed_article):
    result = CliRunner().invoke(main, ["check", "--article", str(seed_article)])
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.output


def test_coverage_lists_untested_facts(tmp_path):
    result = CliRunner().invoke(main, ["check", "--coverage"])
    assert "gsi-training-2023: 38 of 38 facts tested" in result.output
    only_one = tmp_path / "one.yaml"
    only_one.write_text(
        "id: one\ntitle: One\npack: mini\nquestions:\n  - id: q\n"
        "    type: truefalse\n    prompt: Freedonia offers training.\n"
        "    fact: freedonia\n    answer: true\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", "--coverage", str(SAMPLE / "mini"), str(only_one)])
    assert result.exit_code == 0
    assert "mini: 1 of 11 facts tested" in result.output
    assert "pack.yaml:22:5: warning: fact 'years' (figure) is tested by no set" in result.output
    strict = CliRunner().invoke(
        main, ["check", "--strict", "--coverage", str(SAMPLE / "mini"), str(only_one)]
    )
    assert strict.exit_code == 1


def test_hostile_files_get_located_messages_and_exit_1_never_a_traceback(tmp_path):
    for name, raw in HOSTILE.items():
        (tmp_path / name).write_bytes(raw)
    result = run_quiz("check", ".", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == sorted(HOSTILE)
    for line in lines:
        _file, row, col, severity = line.split(":")[:4]
        assert row.isdigit() and col.isdigit() and severity == " error", line
    assert "\x1b" not in result.stdout
    assert "tag.yaml:1:5: error: tag" in result.stdout


def test_bad_usage_exits_2():
    assert run_quiz("check", "/no/such/path").returncode == 2
    assert run_quiz("check", "--nope").returncode == 2


def test_list_shows_bundled_user_and_automatic_sets(tmp_path):
    user_sets = tmp_path / "sets"
    user_sets.mkdir()
    runner = CliRunner()
    made = runner.invoke(
        main,
        [
            "--data-dir",
            str(tmp_path),
            "new",
            str(user_sets / "mine.yaml"),
            "--pack",
            "gsi-training-2023",
        ],
    )
    assert made.exit_code == 0, made.output
    result = runner.invoke(main, ["list", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "gsi-training-2023  (bundled pack: 38 facts)" in result.output
    assert "bundled" in result.output and "automatic" in result.output
    assert "mine " in result.output and "  7 questions  user" in result.output


def test_new_writes_a_starter_that_passes_check_with_every_type(tmp_path):
    target = tmp_path / "starter.yaml"
    runner = CliRunner()
    assert runner.invoke(main, ["new", str(target), "--pack", "gsi-training-2023"]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    for kind in ("choice", "multi", "truefalse", "numeric", "text", "match", "order"):
        assert f"type: {kind}\n" in text
    assert text.count("\n  # ") >= 7, "each example is explained by a comment"
    result = runner.invoke(main, ["check", "--strict", str(target)])
    assert result.exit_code == 0, result.output
    again = runner.invoke(main, ["new", str(target), "--pack", "gsi-training-2023"])
    assert again.exit_code == 1 and "already exists" in again.output
    unknown = runner.invoke(main, ["new", str(tmp_path / "x.yaml"), "--pack", "nope"])
    assert unknown.exit_code == 2 and "unknown pack 'nope'" in unknown.output


def test_a_new_pack_is_only_a_folder_of_yaml(tmp_path):
    packs = tmp_path / "packs"
    packs.mkdir()
    import shutil

    shutil.copytree(SAMPLE / "mini", packs / "mini")
    result = CliRunner().invoke(main, ["list", "--data-dir", str(tmp_path)])
    assert "mini  (user pack: 11 facts)" in result.output
    assert "mini-auto" in result.output


def test_help_does_not_import_textual():
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom quizzes.cli import main\n"
        "CliRunner().invoke(main, ['--help'])\n"
        "sys.exit(1 if any(m.startswith(('textual', 'reportlab')) for m in sys.modules) "
        "else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--seed", "99999999999999999999999"),
        ("--seed", "-1"),
        ("--count", "1000000000000000000000"),
        ("--count", "0"),
        ("--time-limit", "inf"),
        ("--time-limit", "nan"),
        ("--time-limit", "-1"),
        ("--time-limit", "0"),
        ("--time-limit", "1e308"),
    ],
)
def test_extreme_play_options_are_usage_errors_not_tracebacks(tmp_path, option, value):
    result = run_quiz(
        "play", "gsi-figures", "--headless", "--data-dir", str(tmp_path), option, value
    )
    assert result.returncode == 2, result.stderr[-2000:]
    assert f"Invalid value for '{option}'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "progress.sqlite3").exists()  # refused before anything is stored


def test_start_dialog_ignores_out_of_range_counts_and_minutes():
    from quizzes.tui.screens.dialogs import _positive

    assert _positive("12", int) == 12 and _positive("2.5", float, 1440) == 2.5
    for typed in ("1e308", "inf", "nan", "-1", "0", "99999999999999999999999", "x", ""):
        assert _positive(typed, float, 1440) is None, typed
        assert _positive(typed, int) is None, typed


def test_symlink_loops_in_data_folders_are_one_located_problem_each(tmp_path):
    """One looping link must not take down every command: it is reported, the rest works."""
    sets, packs = tmp_path / "sets", tmp_path / "packs"
    sets.mkdir()
    packs.mkdir()
    (sets / "x.yaml").symlink_to("x.yaml")  # points at itself
    (sets / "a.yaml").symlink_to("b.yaml")
    (sets / "b.yaml").symlink_to("a.yaml")
    (sets / "round").symlink_to(".")  # a folder that contains itself
    (packs / "loop").symlink_to("loop")
    runner = CliRunner()
    made = runner.invoke(main, ["new", str(sets / "mine.yaml"), "--pack", "gsi-training-2023"])
    assert made.exit_code == 0, made.output
    listed = runner.invoke(main, ["--data-dir", str(tmp_path), "list"])
    assert listed.exit_code == 0, listed.output
    assert listed.exception is None
    assert "  7 questions  user" in listed.output and "gsi-figures" in listed.output
    checked = runner.invoke(main, ["--data-dir", str(tmp_path), "check"])
    assert checked.exception is None or isinstance(checked.exception, SystemExit)
    lines = [line for line in checked.output.splitlines() if "symbolic link" in line]
    assert len(lines) == 3, checked.output
    for name in ("x.yaml", "a.yaml", "b.yaml"):
        assert any(line.startswith(str(sets / name) + ":1:1: error") for line in lines), name
    assert "Traceback" not in checked.output
    played = run_quiz("--data-dir", str(tmp_path), "play", "gsi-figures", "--headless")
    assert played.returncode == 0, played.stderr[-2000:]
